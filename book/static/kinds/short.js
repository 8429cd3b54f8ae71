/* Permanent Revolution Today: the short-answer kind (book/kinds/short), a few
 * sentences compared with a model answer, then ticked against its rubric. The contract:
 * kinds/registry.js. Stored: {text, ticks: rubric positions}; stable: the ticked points' ids
 * (version 1 and 2 files: their texts). */
PRTKinds.register("short", function (h) {
  "use strict";
  var t = h.t;
  return {
    shape: "text",
    grade: function (spec, answer) {
      var n = h.words(answer.text);
      if (n < spec.min_words) { return h.verdict(null, [t("grade.too_short", { min: spec.min_words, n: n })], true); }
      var ticks = h.unique((answer.ticks || []).filter(function (i) { return i >= 0 && i < spec.points; })).length;
      return h.verdict(ticks === spec.points, [t("grade.model_answer", { model: spec.model }),
        t("grade.ticked", { n: ticks, total: spec.points })]);
    },
    toStable: function (entry, stored) {
      return { text: stored.text || "", ticks: (stored.ticks || []).map(function (i) { return entry.ids[i]; }) };
    },
    fromStable: function (entry, stable) {
      return { text: String(stable.text || ""),
        ticks: (stable.ticks || []).map(function (id) { return h.indexOf(entry.ids, id, "answers.what_rubric"); }) };
    },
    upgrade: function (entry, old) {
      var texts = h.english(entry, "rubric");
      return Object.assign({}, old, { ticks: (old.ticks || []).map(function (text) {
        return entry.ids[h.indexOf(texts, text, "answers.what_rubric")]; }) });
    },
    readable: function (entry, a) { return a.text + (a.ticks.length ? "\n" + t("answers.ticked", { n: a.ticks.length }) : ""); },
    group: {
      caption: "group.bars_short",
      bars: function (entry, answers) {
        var ticked = h.tally(h.flat(answers.map(function (a) { return a.ticks || []; })));
        return entry.ids.map(function (id, i) { return [entry.rubric[i], ticked[id] || 0, false]; });
      },
      words: function (entry, a) { return a.text; }
    },
    page: {
      read: function (box) {
        return { text: box.querySelector(".prt-text").value, ticks: h.values(box, ".prt-tick:checked").map(function (i) { return Number(i.value); }) };
      },
      write: function (box, answer) {
        box.querySelector(".prt-text").value = answer.text || "";
        h.values(box, ".prt-tick").forEach(function (i) { i.checked = (answer.ticks || []).indexOf(Number(i.value)) >= 0; });
      },
      /* The verdict follows the rubric's ticks once it is shown: a tick changes the score
       * at once, with no second press of Compare. */
      regrades: function (target) { return target.classList.contains("prt-tick"); }
    }
  };
});
