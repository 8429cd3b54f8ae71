// node --test: the answer file's conversions (book/static/answer-file.js), without a browser.
// The catalog comes from book/answers/catalog.py (written by tests/test_answer_file.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const A = require("../../book/static/answer-file.js")(require("./strings.js"));

const catalog = JSON.parse(fs.readFileSync(process.env.PRT_CATALOG, "utf8"));
const cases = JSON.parse(fs.readFileSync(process.env.PRT_CASES, "utf8"));

class Store {
  constructor(items) { this.items = Object.assign({}, items); }
  get length() { return Object.keys(this.items).length; }
  key(i) { return Object.keys(this.items)[i]; }
  getItem(k) { return k in this.items ? this.items[k] : null; }
  setItem(k, v) { this.items[k] = String(v); }
}

for (const c of cases) {
  test(`${c.exercise}: page shape -> file shape -> page shape`, () => {
    const entry = catalog[c.exercise];
    assert.deepEqual(A.toStable(entry, c.page), c.stable);
    assert.deepEqual(A.fromStable(entry, c.stable), c.page);
  });
}

test("collect puts every stored answer and flag in the file", () => {
  const items = {};
  cases.forEach((c) => { items[A.ANSWER + c.exercise] = JSON.stringify(c.page); });
  items[A.PARA + "peru:3"] = JSON.stringify({ flag: "confused", note: "why?" });
  const file = A.collect(catalog, new Store(items), "Ana", "week 1", "v", "2026-12-01T00:00:00Z");
  assert.equal(file.format, "prt-answers");
  assert.equal(file.answers.length, cases.length);
  assert.deepEqual(file.notes, [{ chapter: "peru", paragraph: 3, flag: "confused", note: "why?", time: null }]);
});

test("plan adds what is new, lists what differs, reports what no longer fits", () => {
  const c = cases[0];
  const file = { format: "prt-answers", version: 1, answers: [
    { exercise: c.exercise, kind: catalog[c.exercise].kind, answer: c.stable },
    { exercise: "gone", kind: "choice", answer: { chosen: ["x"] } }] };
  assert.equal(A.plan(catalog, new Store({}), file).add.length, 1);
  const mine = new Store({ [A.ANSWER + c.exercise]: JSON.stringify("something else") });
  const plan = A.plan(catalog, mine, file);
  assert.equal(plan.replace.length, 1);
  assert.match(plan.misfits[0], /^gone: no longer in the course/);
  assert.throws(() => A.plan(catalog, mine, { format: "other" }), /not an answer file/);
});

test("an option that was reworded no longer fits, with the reason", () => {
  const id = Object.keys(catalog).find((k) => catalog[k].kind === "choice");
  assert.throws(() => A.fromStable(catalog[id], { chosen: ["an option the course never had"] }), /no longer offered/);
});

// Why a stale answer no longer fits (plan's misfits): the reason Python's
// book/answers/read.py gave for the same answer, word for word (tests/test_answer_file.py).
const misfits = JSON.parse(fs.readFileSync(process.env.PRT_MISFITS, "utf8"));
for (const c of misfits) {
  test(`${c.case}: the same reason as Python's`, () => {
    const file = { format: "prt-answers", version: 1, answers: [{ exercise: c.exercise, kind: c.kind, answer: c.answer }] };
    assert.deepEqual(A.plan(catalog, new Store({}), file).misfits, [`${c.exercise}: ${c.python}`]);
  });
}
