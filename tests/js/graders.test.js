// node --test: the parity table. tests/test_grader_parity.py writes, for answers of
// every exercise, the spec the book's page carries, the answer as the page stores it
// and the verdict Python's grade() gives; static/graders.js must give the same.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const graders = require("../../book/static/graders.js");

if (process.env.PRT_PARITY) {
  const G = graders(require("./strings.js"));
  const table = JSON.parse(fs.readFileSync(process.env.PRT_PARITY, "utf8"));
  for (const row of table) {
    test(`${row.exercise}: ${row.case}`, () => {
      const got = G.kinds[row.spec.kind](row.spec, row.answer);
      assert.deepEqual({ correct: got.correct, messages: got.messages, invalid: got.invalid }, row.expected);
    });
  }
}
