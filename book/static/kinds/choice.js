/* Permanent Revolution Today: the choice kind (book/kinds/choice), one or
 * several options ticked. The contract: kinds/registry.js. Stored: the ticked options'
 * positions; stable: their texts. */
PRTKinds.register("choice", function (h) {
  "use strict";
  var t = h.t;
  return {
    shape: "chosen",
    grade: function (spec, chosen) {
      if (!chosen.length) { return h.verdict(false, [t("grade.choose_first")], true); }
      var picked = h.unique(chosen);
      if (picked.some(function (i) { return !(i >= 0 && i < spec.options.length); })) {
        return h.verdict(null, [t("grade.no_option")], true);
      }
      var right = [], messages = picked.map(function (i) { return spec.options[i].feedback; });
      spec.options.forEach(function (o, i) { if (o.correct) { right.push(i); } });
      var missed = right.filter(function (i) { return picked.indexOf(i) < 0; }).length;
      if (spec.multiple && missed) { messages.push(t("grade.more_right", { n: missed })); }
      return h.verdict(missed === 0 && picked.length === right.length, messages);
    },
    toStable: function (entry, stored) { return { chosen: stored.map(function (i) { return entry.options[i]; }) }; },
    fromStable: function (entry, stable) {
      var chosen = (stable.chosen || []).map(function (text) { return h.indexOf(entry.options, text, "answers.what_option"); });
      if (chosen.length > 1 && !entry.multiple) { throw h.misfit(t("answers.several")); }
      return chosen;
    },
    readable: function (entry, a) { return a.chosen.join("; "); },
    group: {
      caption: "group.bars",
      marksRight: true,
      bars: function (entry, answers) {
        var chosen = h.tally(h.flat(answers.map(function (a) { return a.chosen || []; })));
        return entry.options.map(function (o) { return [o, chosen[o] || 0, entry.correct.indexOf(o) >= 0]; });
      }
    },
    page: {
      read: function (box) { return h.values(box, ".prt-ex-body input:checked").map(function (i) { return Number(i.value); }); },
      write: function (box, answer) { h.values(box, ".prt-ex-body input").forEach(function (i) { i.checked = answer.indexOf(Number(i.value)) >= 0; }); }
    }
  };
});
