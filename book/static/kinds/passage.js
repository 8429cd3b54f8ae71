/* Permanent Revolution Today: the click-the-passage kind (book/kinds/passage), a claim
 * and the article's ¶ that supports or refutes it, out of a few shown whole. The contract:
 * kinds/registry.js. Stored and stable alike: the chosen ¶'s anchor ("p19"), the same in
 * every language of the book. */
PRTKinds.register("passage", function (h) {
  "use strict";
  var t = h.t;
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function mark(anchor) { return "¶" + anchor.slice(1); }
  return {
    shape: "paragraph",
    /* The right ¶ and why; another, why not, and a second try (the answer is not told). */
    grade: function (spec, chosen) {
      if (!chosen) { return h.verdict(false, [t("grade.choose_first")], true); }
      if (chosen === spec.answer) { return h.verdict(true, [t("grade.passage_right", { mark: mark(chosen) }), spec.why]); }
      if (!has(spec.feedback, chosen)) { return h.verdict(null, [t("grade.no_option")], true); }
      return h.verdict(false, [spec.feedback[chosen], t("grade.passage_again")]);
    },
    toStable: function (entry, stored) { return { paragraph: stored || null }; },
    fromStable: function (entry, stable) {
      var chosen = stable.paragraph;
      if (chosen !== null && chosen !== undefined && !has(entry.candidates, chosen)) {
        throw h.misfit(t("answers.not_offered", { what: t("answers.what_paragraph"), text: String(chosen) }));
      }
      return chosen || "";
    },
    readable: function (entry, a) { return a.paragraph ? entry.candidates[a.paragraph] || a.paragraph : ""; },
    group: {
      caption: "group.bars_passage",
      marksRight: true,
      bars: function (entry, answers) {
        var chosen = h.tally(answers.map(function (a) { return a.paragraph; }));
        return Object.keys(entry.candidates).map(function (a) { return [entry.candidates[a], chosen[a] || 0, a === entry.key]; });
      }
    },
    page: {
      read: function (box) { var i = box.querySelector(".prt-ex-body input:checked"); return i ? i.value : ""; },
      write: function (box, stored) { h.values(box, ".prt-ex-body input").forEach(function (i) { i.checked = i.value === stored; }); }
    }
  };
});
