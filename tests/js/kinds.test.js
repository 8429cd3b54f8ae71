// node --test: each exercise kind's browser file (book/static/kinds/<kind>.js) keeps the
// registry's contract (kinds/registry.js), both as node loads the files and as a page
// runs the one bundle the build makes of them (tests/processes/test_kinds_node.py writes
// it to PRT_BUNDLE, and the kinds Python knows to PRT_KINDS).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const vm = require("node:vm");
const registry = require("../../book/static/kinds/registry.js");

const t = (key) => key;
const python = JSON.parse(process.env.PRT_KINDS);
const FUNCTIONS = ["grade", "toStable", "fromStable", "readable"];
const OPTIONAL = { group: ["bars", "words"], page: ["shown", "click", "regrades", "notSaved", "add"] };

function problems(kinds) {
  const out = [];
  for (const [name, kind] of Object.entries(kinds)) {
    if (typeof kind.shape !== "string" || !kind.shape) { out.push(`${name}: no shape`); }
    FUNCTIONS.forEach((f) => { if (typeof kind[f] !== "function") { out.push(`${name}: no ${f}()`); } });
    if (!kind.page || typeof kind.page.read !== "function" || typeof kind.page.write !== "function") {
      out.push(`${name}: no page.read() and page.write()`);
    }
    for (const [part, names] of Object.entries(OPTIONAL)) {
      names.forEach((f) => { if (kind[part] && f in kind[part] && typeof kind[part][f] !== "function") { out.push(`${name}: ${part}.${f} is no function`); } });
    }
    if (kind.group && kind.group.bars && typeof kind.group.caption !== "string") { out.push(`${name}: bars without a caption`); }
  }
  return out;
}

test("node loads a file per kind Python has, each keeping the contract", () => {
  const kinds = registry.build(t).kinds;
  assert.deepEqual(Object.keys(kinds).sort(), python.slice().sort());
  assert.deepEqual(problems(kinds), []);
  python.forEach((name) => assert.ok(fs.existsSync(`${__dirname}/../../book/static/kinds/${name}.js`), name));
});

test("the bundle a page loads registers the same kinds, and is harmless loaded twice", () => {
  const window = { PRT: {} };
  window.window = window;
  const context = vm.createContext(window);
  const bundle = fs.readFileSync(process.env.PRT_BUNDLE, "utf8");
  vm.runInContext(bundle, context);
  vm.runInContext(bundle, context);
  const kinds = window.PRTKinds.build(t).kinds;
  assert.deepEqual(Object.keys(kinds).sort(), python.slice().sort());
  assert.deepEqual(window.PRTKinds.names().length, python.length);
  assert.deepEqual(problems(kinds), []);
});
