/* Permanent Revolution Today: the choice kind (book/kinds/choice), one or
 * several options ticked. The contract: kinds/registry.js. Stored: the ticked options'
 * positions; stable: their ids (version 1 and 2 files: their texts). */
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
    toStable: function (entry, stored) { return { chosen: stored.map(function (i) { return entry.ids[i]; }) }; },
    fromStable: function (entry, stable) {
      var chosen = (stable.chosen || []).map(function (id) { return h.indexOf(entry.ids, id, "answers.what_option"); });
      if (chosen.length > 1 && !entry.multiple) { throw h.misfit(t("answers.several")); }
      return chosen;
    },
    upgrade: function (entry, old) {
      var texts = h.english(entry, "options");
      return Object.assign({}, old, { chosen: (old.chosen || []).map(function (text) {
        return entry.ids[h.indexOf(texts, text, "answers.what_option")]; }) });
    },
    readable: function (entry, a) { return a.chosen.map(function (id) { return h.label(entry.ids, entry.options, id); }).join("; "); },
    group: {
      caption: "group.bars",
      marksRight: true,
      bars: function (entry, answers) {
        var chosen = h.tally(h.flat(answers.map(function (a) { return a.chosen || []; })));
        return entry.ids.map(function (id, i) { return [entry.options[i], chosen[id] || 0, entry.correct.indexOf(id) >= 0]; });
      }
    },
    page: {
      read: function (box) { return h.values(box, ".prt-ex-body input:checked").map(function (i) { return Number(i.value); }); },
      write: function (box, answer) { h.values(box, ".prt-ex-body input").forEach(function (i) { i.checked = answer.indexOf(Number(i.value)) >= 0; }); }
    }
  };
});
