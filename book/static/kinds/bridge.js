/* Permanent Revolution Today: the bridge kind (book/kinds/bridge), a grievance
 * carried by three steps (immediate, transitional, goal) to a program's demand. The
 * contract: kinds/registry.js. Stored: {grievance: its position or -1, and each step's
 * text}; stable: the grievance's id (version 1 and 2 files: its text). */
PRTKinds.register("bridge", function (h) {
  "use strict";
  var t = h.t, STEPS = ["immediate", "transitional", "goal"];
  function chain(a) {
    return t("answers.then", { before: t("answers.then", { before: a.immediate, after: a.transitional }), after: a.goal });
  }
  return {
    shape: "grievance",
    grade: function (spec, answer) {
      var chosen = answer.grievance >= 0 ? spec.grievances[answer.grievance] : null;
      if (!chosen) { return h.verdict(null, [t("grade.choose_grievance")], true); }
      for (var i = 0; i < STEPS.length; i += 1) {
        if (h.words(answer[STEPS[i]]) < spec.min_words) {
          return h.verdict(null, [t("grade.fill_step", { step: t("grade.step_" + STEPS[i]), min: spec.min_words })], true);
        }
      }
      return h.verdict(null, [
        t("grade.chain", { immediate: answer.immediate, transitional: answer.transitional, goal: answer.goal }),
        t("grade.program", { grievance: chosen.grievance, demand: chosen.demand, where: chosen.where }),
        t("grade.compare")]);
    },
    toStable: function (entry, stored) {
      return { grievance: stored.grievance >= 0 ? entry.ids[stored.grievance] : null,
        immediate: stored.immediate || "", transitional: stored.transitional || "", goal: stored.goal || "" };
    },
    fromStable: function (entry, stable) {
      return { grievance: stable.grievance ? h.indexOf(entry.ids, stable.grievance, "answers.what_grievance") : -1,
        immediate: String(stable.immediate || ""), transitional: String(stable.transitional || ""), goal: String(stable.goal || "") };
    },
    upgrade: function (entry, old) {
      return Object.assign({}, old, { grievance: old.grievance ?
        entry.ids[h.indexOf(h.english(entry, "grievances"), old.grievance, "answers.what_grievance")] : null });
    },
    readable: function (entry, a) {
      return (a.grievance ? h.label(entry.ids, entry.grievances, a.grievance) : t("answers.no_grievance")) + ": " + chain(a);
    },
    group: {
      caption: "group.bars_bridge",
      bars: function (entry, answers) {
        var picked = h.tally(answers.map(function (a) { return a.grievance; }).filter(Boolean));
        return entry.ids.map(function (id, i) { return [entry.grievances[i], picked[id] || 0, false]; });
      },
      words: function (entry, a) { return chain(a); }
    },
    page: {
      read: function (box) {
        var answer = { grievance: box.querySelector(".prt-grievance").value };
        h.values(box, "textarea[data-step]").forEach(function (area) { answer[area.getAttribute("data-step")] = area.value; });
        answer.grievance = answer.grievance === "" ? -1 : Number(answer.grievance);
        return answer;
      },
      write: function (box, answer) {
        box.querySelector(".prt-grievance").value = answer.grievance < 0 ? "" : String(answer.grievance);
        h.values(box, "textarea[data-step]").forEach(function (area) { area.value = answer[area.getAttribute("data-step")] || ""; });
      }
    }
  };
});
