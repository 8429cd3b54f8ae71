// node --test: why an answer no longer fits, as the My answers and group pages say it
// (book/static/answer-file.js's plan). tests/test_misfit_parity.py writes the cases with
// the reason Python's book/answers/read.py gave for each; the two must read the same.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const A = require("../../book/static/answer-file.js")(require("./strings.js"));

const catalog = JSON.parse(fs.readFileSync(process.env.PRT_CATALOG, "utf8"));
const cases = JSON.parse(fs.readFileSync(process.env.PRT_MISFITS, "utf8"));
const empty = { length: 0, key: () => null, getItem: () => null };

for (const c of cases) {
  test(`${c.case}: the same reason as Python's`, () => {
    const file = { format: "prt-answers", version: 1, answers: [{ exercise: c.exercise, kind: c.kind, answer: c.answer }] };
    assert.deepEqual(A.plan(catalog, empty, file).misfits, [`${c.exercise}: ${c.python}`]);
  });
}
