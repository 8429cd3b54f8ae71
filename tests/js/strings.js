// The catalog's t for node's tests: the same strings.js the pages load (book/strings.py
// writes it; tests/test_grader_parity.py passes a fresh one in PRT_STRINGS, else the
// built book's), run as the browser runs it, then static/translate.js on top.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const translator = require("../../book/static/translate.js");

const file = process.env.PRT_STRINGS || path.join(__dirname, "..", "..", "_build", "html", "_static", "strings.js");
const page = { window: {} };
vm.runInNewContext(fs.readFileSync(file, "utf8"), page);
module.exports = translator(page.window.PRT.strings, page.window.PRT.language);
