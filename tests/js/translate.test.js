// node --test: PRT.t (book/static/translate.js) on a small catalog of its own: it fills
// in names, picks a plural form by {n}, and fails loudly on a key or a name it lacks.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const translator = require("../../book/static/translate.js");

const t = translator({ "a.hello": "Hello, {name}.", "a.left": { one: "{n} card left.", other: "{n} cards left." } }, "en");

test("fills in the names a text uses", () => {
  assert.equal(t("a.hello", { name: "Ana" }), "Hello, Ana.");
});

test("picks the plural form by n", () => {
  assert.equal(t("a.left", { n: 1 }), "1 card left.");
  assert.equal(t("a.left", { n: 0 }), "0 cards left.");
  assert.equal(t("a.left", { n: 3 }), "3 cards left.");
});

test("a key the catalog lacks throws, naming the key", () => {
  assert.throws(() => t("a.helo", { name: "Ana" }), /no text 'a\.helo'/);
});

test("a name the code does not give throws, never shows {name}", () => {
  assert.throws(() => t("a.hello"), /needs \{name\}/);
  assert.throws(() => t("a.left", {}), /needs a count/);
});
