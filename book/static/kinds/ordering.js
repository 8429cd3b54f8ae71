/* Permanent Revolution Today: the ordering kind (book/kinds/ordering), events
 * put in the order they happened with Up and Down. The contract: kinds/registry.js.
 * Stored and stable alike: the events' ids in the reader's order. */
PRTKinds.register("ordering", function (h) {
  "use strict";
  var t = h.t;
  return {
    shape: "order",
    grade: function (spec, answer) {
      if (answer.slice().sort().join("\n") !== spec.key.slice().sort().join("\n")) {
        return h.verdict(false, [t("grade.place_every")], true);
      }
      var hits = 0, misplaced = [];
      spec.key.forEach(function (id, i) { if (answer[i] === id) { hits += 1; } else { misplaced.push(spec.misplaced[answer[i]]); } });
      if (hits === spec.key.length) { return h.verdict(true, spec.key.map(function (id) { return spec.dates[id]; })); }
      return h.verdict(false, [t("grade.in_place", { hits: hits, total: spec.key.length })].concat(misplaced, [spec.hint]));
    },
    toStable: function (entry, stored) { return { order: stored.slice() }; },
    fromStable: function (entry, stable) {
      var mine = (stable.order || []).slice().sort().join("\n"), theirs = Object.keys(entry.events).sort().join("\n");
      if (mine !== theirs) { throw h.misfit(t("answers.events_changed")); }
      return stable.order.slice();
    },
    readable: function (entry, a) {
      var titles = a.order.map(function (id) { return entry.titles[id] || id; });
      return titles.length ? titles.reduce(function (before, after) { return t("answers.then", { before: before, after: after }); }) : "";
    },
    group: {
      caption: "group.bars_ordering",
      bars: function (entry, answers) {
        var key = JSON.stringify(entry.key);
        var right = answers.filter(function (a) { return JSON.stringify(a.order || []) === key; }).length;
        return [[t("group.right_order"), right, true], [t("group.not_yet"), answers.length - right, false]];
      }
    },
    page: {
      read: function (box) { return h.values(box, ".prt-order li").map(function (li) { return li.getAttribute("data-id"); }); },
      write: function (box, answer) {
        var list = box.querySelector(".prt-order");
        answer.forEach(function (id) { var li = list.querySelector('li[data-id="' + id + '"]'); if (li) { list.appendChild(li); } });
      },
      /* Up and Down move an event past its neighbour. */
      click: function (box, target) {
        var button = target.closest(".prt-up, .prt-down");
        if (!button) { return null; }
        var li = button.closest("li"), up = button.classList.contains("prt-up");
        var other = up ? li.previousElementSibling : li.nextElementSibling;
        if (!other) { return null; }
        li.parentNode.insertBefore(up ? li : other, up ? other : li);
        button.focus();
        return "save";
      }
    }
  };
});
