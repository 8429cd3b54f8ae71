/* Permanent Revolution Today: the discussion kind (book/kinds/discussion), a
 * reader's notes for the group's talk, never graded. The notes were promised to stay on
 * the device: `private`. The contract: kinds/registry.js. Stored and stable: {notes}. */
PRTKinds.register("discussion", function (h) {
  "use strict";
  var t = h.t;
  return {
    shape: "notes",
    "private": true,
    grade: function (spec, answer) {
      var n = h.words(answer.notes);
      if (!n) { return h.verdict(null, [t("grade.note_first")], true); }
      return h.verdict(null, [t("grade.notes_saved", { n: n })]);
    },
    toStable: function (entry, stored) { return { notes: stored.notes || "" }; },
    fromStable: function (entry, stable) { return { notes: String(stable.notes || "") }; },
    readable: function (entry, a) { return a.notes; },
    group: { words: function (entry, a) { return a.notes; } },
    page: {
      read: function (box) { return { notes: box.querySelector(".prt-text").value }; },
      write: function (box, answer) { box.querySelector(".prt-text").value = answer.notes || ""; },
      /* "Saved" is said only when it was. */
      notSaved: function (answer) { return [t("grade.notes_not_saved", { n: h.words(answer.notes) })]; }
    }
  };
});
