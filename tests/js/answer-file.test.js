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
  test(`${c.exercise}: a version 2 file's texts -> version 3's ids, as Python maps them`, () => {
    const entry = catalog[c.exercise];
    assert.deepEqual(A.upgrade(entry, c.legacy, 2), c.stable);
    assert.deepEqual(A.upgrade(entry, c.stable, 3), c.stable);  // a version 3 answer is left as it is
  });
}

test("collect puts every stored answer and flag in the file", () => {
  const items = {};
  cases.forEach((c) => { items[A.ANSWER + c.exercise] = JSON.stringify(c.page); });
  items[A.PARA + "peru:3"] = JSON.stringify({ flag: "confused", note: "why?" });
  const file = A.collect(catalog, new Store(items), "Ana", "week 1", "v", "2026-12-01T00:00:00Z", { private: true });
  assert.equal(file.format, "prt-answers");
  assert.equal(file.version, 3);
  assert.equal(file.answers.length, cases.length);
  assert.deepEqual(file.notes, [{ chapter: "peru", paragraph: 3, flag: "confused", note: "why?", time: null }]);
  // The discussion notes were promised to stay on the device: out unless the member chose them.
  const shared = A.collect(catalog, new Store(items), "Ana", "week 1", "v", "2026-12-01T00:00:00Z");
  const discussions = cases.filter((c) => catalog[c.exercise].kind === "discussion").length;
  assert.ok(discussions > 0);
  assert.equal(shared.answers.length, cases.length - discussions);
  assert.ok(shared.answers.every((a) => a.kind !== "discussion"));
});

test("a device makes its member id once; the file and its name carry it", () => {
  const store = new Store({});
  let calls = 0;
  const random = (n) => { calls += 1; return Array.from({ length: n }, (_, i) => i * 7 + 3); };
  const id = A.memberId(store, random);
  assert.ok(A.isMemberId(id), id);
  assert.equal(A.memberId(store, random), id);
  assert.equal(calls, 1);
  const file = A.collect(catalog, store, "زينب", "", "v", "2026-12-07T10:00:00Z");
  assert.equal(file.member, id);
  assert.equal(A.code(id), id.slice(0, 4).toUpperCase());
  assert.equal(A.fileName("زينب", "2026-12-07", id), "answers-زينب-2026-12-07-" + id.slice(0, 4) + ".json");
  assert.equal(A.fileName("Zaid al-Hilli", "2026-12-07", ""), "answers-zaid-al-hilli-2026-12-07.json");
  // A new device takes the member id of the file it imports; a device with its own keeps it.
  assert.equal(A.plan(catalog, new Store({}), file).member, id);
  assert.equal(A.plan(catalog, store, file).member, null);
  assert.equal(A.plan(catalog, new Store({}), Object.assign({}, file, { member: "../../etc" })).member, null);
});

test("plan adds what is new, lists what differs, reports what no longer fits", () => {
  const c = cases[0];
  const file = { format: "prt-answers", version: 1, answers: [  // a version 1 file: texts, read as ids
    { exercise: c.exercise, kind: catalog[c.exercise].kind, answer: c.legacy },
    { exercise: "gone", kind: "choice", answer: { chosen: ["x"] } }] };
  assert.deepEqual(A.plan(catalog, new Store({}), file).add, [[A.ANSWER + c.exercise, c.page]]);
  const mine = new Store({ [A.ANSWER + c.exercise]: JSON.stringify("something else") });
  const plan = A.plan(catalog, mine, file);
  assert.equal(plan.replace.length, 1);
  assert.match(plan.misfits[0], /^gone: no longer in the course/);
  assert.throws(() => A.plan(catalog, mine, { format: "other" }), /not an answer file/);
});

test("the first graded answer is kept once and goes in the file beside the last", () => {
  const id = Object.keys(catalog).find((k) => catalog[k].kind === "choice" && !catalog[k].multiple);
  const entry = catalog[id], right = entry.ids.indexOf(entry.correct[0]), wrong = right === 0 ? 1 : 0;
  const store = new Store({});
  assert.equal(A.keepFirst(store, id, [wrong], false, "2026-12-07T10:00:00Z"), true);
  assert.equal(A.keepFirst(store, id, [right], true, "2026-12-07T10:05:00Z"), false);  // a second try
  store.setItem(A.ANSWER + id, JSON.stringify([right]));
  const file = A.collect(catalog, store, "Zaid", "", "v", "2026-12-07T11:00:00Z");
  const a = file.answers.find((x) => x.exercise === id);
  assert.deepEqual(a.answer, { chosen: [entry.ids[right]] });
  assert.deepEqual(a.first, { answer: { chosen: [entry.ids[wrong]] }, correct: false, time: "2026-12-07T10:00:00Z" });
  // A Reset forgets the last answer, not the first: the file still carries it.
  delete store.items[A.ANSWER + id];
  const reset = A.collect(catalog, store, "Zaid", "", "v", "2026-12-07T12:00:00Z").answers.find((x) => x.exercise === id);
  assert.equal(reset.answer, null);
  assert.deepEqual(reset.first.answer, { chosen: [entry.ids[wrong]] });
});

test("an import takes a first answer only where it is earlier than the device's", () => {
  const id = Object.keys(catalog).find((k) => catalog[k].kind === "choice" && !catalog[k].multiple);
  const entry = catalog[id], ids = entry.ids;
  const mine = new Store({ [A.FIRST + id]: JSON.stringify({ answer: [1], correct: null, time: "2026-12-07T10:00:00Z" }) });
  const file = (time) => ({ format: "prt-answers", version: 3, answers: [{ exercise: id, kind: "choice",
    answer: { chosen: [ids[1]] }, first: { answer: { chosen: [ids[0]] }, correct: false, time: time } }] });
  assert.deepEqual(A.plan(catalog, mine, file("2026-12-08T09:00:00Z")).firsts, []);  // a later first: kept as it was
  assert.deepEqual(A.plan(catalog, mine, file("2026-12-06T09:00:00Z")).firsts,
    [[A.FIRST + id, { answer: [0], correct: false, time: "2026-12-06T09:00:00Z" }]]);
  assert.equal(A.plan(catalog, new Store({}), file("2026-12-08T09:00:00Z")).firsts.length, 1);
  // A version 2 file has no first answers: it never touches one.
  const v2 = { format: "prt-answers", version: 2, answers: [{ exercise: id, kind: "choice", answer: { chosen: [entry.options[0]] } }] };
  const plan = A.plan(catalog, mine, v2);
  assert.deepEqual(plan.firsts, []);
  assert.deepEqual(plan.add, [[A.ANSWER + id, [0]]]);
});

test("a Spanish edition's file names the same ids: it reads as the English one does", () => {
  // The Spanish edition is not merged: its catalog shows Spanish labels beside the same ids,
  // and its file holds ids only; the English catalog reads it to the same stored answer.
  const id = Object.keys(catalog).find((k) => catalog[k].kind === "choice");
  const spanish = Object.assign({}, catalog[id], { options: catalog[id].options.map((o, i) => "Opción " + (i + 1)),
    en: { options: catalog[id].options } });
  const stored = [0];
  const fromSpanish = A.toStable(spanish, stored);
  assert.deepEqual(fromSpanish, A.toStable(catalog[id], stored));
  assert.deepEqual(A.fromStable(catalog[id], fromSpanish), stored);
  // and a version 2 English file read on the Spanish edition maps through the English texts
  assert.deepEqual(A.upgrade(spanish, { chosen: [catalog[id].options[0]] }, 2), fromSpanish);
});

test("an option that was reworded no longer fits, with the reason", () => {
  const id = Object.keys(catalog).find((k) => catalog[k].kind === "choice");
  assert.throws(() => A.fromStable(catalog[id], { chosen: ["an option the course never had"] }), /no longer offered/);
  assert.throws(() => A.upgrade(catalog[id], { chosen: ["an option the course never had"] }, 2), /no longer offered/);
});

// Why a stale answer no longer fits (plan's misfits): the reason Python's
// book/answers/read.py gave for the same answer, word for word (tests/test_answer_file.py).
const misfits = JSON.parse(fs.readFileSync(process.env.PRT_MISFITS, "utf8"));
for (const c of misfits) {
  test(`${c.case}: the same reason as Python's`, () => {
    const file = { format: "prt-answers", version: c.version || 1, answers: [{ exercise: c.exercise, kind: c.kind, answer: c.answer }] };
    assert.deepEqual(A.plan(catalog, new Store({}), file).misfits, [`${c.exercise}: ${c.python}`]);
  });
}
