/* Permanent Revolution Today: the matching kind (book/kinds/matching), each
 * item given an answer from one list. The contract: kinds/registry.js. Stored: for each
 * item, the position of its answer (null: none yet); stable: {item's id: the chosen answer's id}, an
 * answer's id being its own pair's, so a right match pairs an id with itself (version 1 and
 * 2 files: {item: answer} in words). */
PRTKinds.register("matching", function (h) {
  "use strict";
  var t = h.t;
  function read(box) {
    return h.values(box, ".prt-match-select").map(function (s) { return s.value === "" ? null : Number(s.value); });
  }
  /* The pairs still wrong are lit where they are (the item and the answer it was given),
   * and each "Look again at" line of the feedback is a link to its item, which it brings
   * into view and focuses. The grader names them in the items' order. */
  function pairsToLookAt(box, spec, result, list) {
    var answer = read(box);
    var wrong = result.invalid ? [] : spec.key.map(function (k, i) { return answer[i] === k ? -1 : i; }).filter(function (i) { return i >= 0; });
    h.values(box, ".prt-match-item").forEach(function (item, i) {
      var bad = wrong.indexOf(i) >= 0;
      item.classList.toggle("prt-match-wrong", bad);
      item.querySelector(".prt-match-look").hidden = !bad;
    });
    h.values(box, ".prt-match-rights li").forEach(function (li) {
      var n = Number(li.getAttribute("data-right"));
      li.classList.toggle("prt-match-chosen", wrong.some(function (i) { return answer[i] === n; }));
    });
    var lines = h.values(list, "li").slice(1);
    wrong.forEach(function (i, j) {
      var line = lines[j], item = box.querySelectorAll(".prt-match-item")[i];
      if (!line || !item) { return; }
      var link = h.el("a", line.textContent, "prt-look-link");
      link.href = "#" + item.id;
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        item.scrollIntoView({ block: "center" });
        item.querySelector("select").focus({ preventScroll: true });
      });
      line.textContent = "";
      line.appendChild(link);
    });
  }
  return {
    shape: "pairs",
    grade: function (spec, answer) {
      if (!answer.some(function (a) { return a !== null && a !== undefined; })) {
        return h.verdict(false, [t("grade.match_first")], true);
      }
      var wrong = [];
      spec.key.forEach(function (k, i) { if (answer[i] !== k) { wrong.push(spec.lefts[i]); } });
      var hits = spec.key.length - wrong.length;
      if (!wrong.length) { return h.verdict(true, [t("grade.all_matched", { n: hits })]); }
      return h.verdict(false, [t("grade.matched", { hits: hits, total: spec.key.length })].concat(
        wrong.map(function (l) { return t("grade.look_again", { item: l }); })));
    },
    toStable: function (entry, stored) {
      var pairs = {};
      stored.forEach(function (r, n) { if (r !== null && r !== undefined) { pairs[entry.ids[n]] = entry.right_ids[r]; } });
      return { pairs: pairs };
    },
    fromStable: function (entry, stable) {
      var pairs = stable.pairs || {};
      Object.keys(pairs).forEach(function (id) { h.indexOf(entry.ids, id, "answers.what_item"); });
      return entry.ids.map(function (id) {
        return id in pairs ? h.indexOf(entry.right_ids, pairs[id], "answers.what_answer") : null;
      });
    },
    /* {English item: English answer} to ids: an answer read alike in two pairs is taken as
     * the item's own pair's (as the Python kind's upgrade). */
    upgrade: function (entry, old) {
      var lefts = h.english(entry, "lefts"), rights = h.english(entry, "rights"), pairs = {}, given = old.pairs || {};
      Object.keys(given).forEach(function (left) {
        var n = h.indexOf(lefts, left, "answers.what_item"), r = h.indexOf(rights, given[left], "answers.what_answer");
        var own = entry.right_ids.indexOf(entry.ids[n]);
        pairs[entry.ids[n]] = rights[own] === given[left] ? entry.ids[n] : entry.right_ids[r];
      });
      return Object.assign({}, old, { pairs: pairs });
    },
    readable: function (entry, a) {
      return Object.keys(a.pairs).map(function (id) {
        return t("answers.then", { before: h.label(entry.ids, entry.lefts, id), after: h.label(entry.right_ids, entry.rights, a.pairs[id]) });
      }).join("\n");
    },
    group: {
      caption: "group.bars_matching",
      bars: function (entry, answers) {
        return entry.ids.map(function (id, i) {
          return [entry.lefts[i], answers.filter(function (a) { return (a.pairs || {})[id] === id; }).length, false,
            h.label(entry.right_ids, entry.rights, id)];
        });
      }
    },
    page: {
      read: read,
      write: function (box, answer) {
        h.values(box, ".prt-match-select").forEach(function (s, i) {
          s.value = answer[i] === null || answer[i] === undefined ? "" : String(answer[i]);
        });
      },
      shown: pairsToLookAt
    }
  };
});
