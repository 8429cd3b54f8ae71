/* Permanent Revolution Today: how an exercise grades an answer, in the browser. Each kind's
 * grade() is in its file, static/kinds/<kind>.js (the registry, kinds/registry.js, says
 * the contract); this is the one door to them. They are the twins of the grade()
 * functions in book/kinds/: a table of answers and verdicts made from the Python side
 * is run through these under node --test (tests/processes/test_grader_parity_node.py), so
 * the book and the live notebooks cannot drift apart. DOM-free: answers come in the shapes
 * the exercise pages store (static/exercises.js). Its words come from the catalog through
 * `t` (static/translate.js): PRT.t on a page, the same catalog in node's tests, which
 * build the graders with graders(t). */
(function (root) {
  "use strict";
  var registry = typeof module !== "undefined" && module.exports ? require("./kinds/registry.js") : root.PRTKinds;
  function graders(t) {
    var built = registry.build(t), kinds = {};
    Object.keys(built.kinds).forEach(function (name) { kinds[name] = built.kinds[name].grade; });
    /* spec's verdict on an answer, or null for a kind this page does not know. */
    function grade(spec, answer) { return kinds[spec.kind] ? kinds[spec.kind](spec, answer) : null; }
    return { words: built.helpers.words, verdict: built.helpers.verdict, grade: grade, kinds: kinds };
  }
  if (typeof module !== "undefined" && module.exports) { module.exports = graders; } else { root.PRTGraders = graders(root.PRT.t); }
})(this);
