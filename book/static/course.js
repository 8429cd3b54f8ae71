/* Permanent Revolution Today: static exercises and timeline links.
 * Works with no kernel and no other script. Answers stay in this browser's
 * localStorage (key "prt-answer:<exercise id>"), so a reload loses nothing. */
(function () {
  "use strict";
  var PREFIX = "prt-answer:";

  function store(id, value) {
    try {
      if (value === null) { localStorage.removeItem(PREFIX + id); }
      else { localStorage.setItem(PREFIX + id, JSON.stringify(value)); }
    } catch (e) { /* storage may be disabled; the exercise still works */ }
  }
  function recall(id) {
    try { return JSON.parse(localStorage.getItem(PREFIX + id)); } catch (e) { return null; }
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function show(box, correct, messages) {
    var out = box.querySelector(".prt-feedback");
    out.textContent = "";
    out.appendChild(el("p", correct ? "Right." : "Not yet.", correct ? "prt-right" : "prt-wrong"));
    var list = el("ul");
    messages.forEach(function (m) { list.appendChild(el("li", m)); });
    out.appendChild(list);
  }

  var kinds = {
    choice: {
      read: function (box) {
        return Array.prototype.map.call(box.querySelectorAll("input:checked"),
          function (i) { return Number(i.value); });
      },
      write: function (box, answer) {
        box.querySelectorAll("input").forEach(function (i) {
          i.checked = answer.indexOf(Number(i.value)) >= 0;
        });
      },
      grade: function (spec, chosen) {
        if (!chosen.length) { return [false, ["Choose an answer first."]]; }
        var right = [], messages = [];
        spec.options.forEach(function (o, i) { if (o.correct) { right.push(i); } });
        chosen.forEach(function (i) { messages.push(spec.options[i].feedback); });
        var missed = right.filter(function (i) { return chosen.indexOf(i) < 0; }).length;
        if (spec.multiple && missed) {
          messages.push(missed + " more right answer" + (missed > 1 ? "s" : "") + " to find.");
        }
        var exact = missed === 0 && chosen.length === right.length;
        return [exact, messages];
      }
    },
    ordering: {
      read: function (box) {
        return Array.prototype.map.call(box.querySelectorAll(".prt-order li"),
          function (li) { return li.getAttribute("data-id"); });
      },
      write: function (box, answer) {
        var list = box.querySelector(".prt-order");
        answer.forEach(function (id) {
          var li = list.querySelector('li[data-id="' + id + '"]');
          if (li) { list.appendChild(li); }
        });
      },
      grade: function (spec, answer) {
        var hits = 0;
        spec.key.forEach(function (id, i) { if (answer[i] === id) { hits += 1; } });
        if (hits === spec.key.length) {
          return [true, spec.key.map(function (id) { return spec.dates[id]; })];
        }
        return [false, [hits + " of " + spec.key.length + " events are in the right place.", spec.hint]];
      }
    },
    matching: {
      read: function (box) {
        return Array.prototype.map.call(box.querySelectorAll("select"),
          function (s) { return s.value === "" ? null : Number(s.value); });
      },
      write: function (box, answer) {
        box.querySelectorAll("select").forEach(function (s, i) {
          s.value = answer[i] === null || answer[i] === undefined ? "" : String(answer[i]);
        });
      },
      grade: function (spec, answer) {
        if (!answer.some(function (a) { return a !== null; })) {
          return [false, ["Match at least one item first."]];
        }
        var wrong = [];
        spec.key.forEach(function (k, i) { if (answer[i] !== k) { wrong.push(spec.lefts[i]); } });
        var hits = spec.key.length - wrong.length;
        if (!wrong.length) { return [true, ["All " + hits + " matched."]]; }
        return [false, [hits + " of " + spec.key.length + " matched."].concat(
          wrong.map(function (l) { return "Look again at: " + l + "."; }))];
      }
    }
  };

  function setup(box) {
    var id = box.getAttribute("data-exercise");
    var spec = JSON.parse(box.querySelector(".prt-ex-data").textContent);
    var kind = kinds[spec.kind];
    var initial = kind.read(box);
    function check() {
      var answer = kind.read(box);
      store(id, answer);
      var result = kind.grade(spec, answer);
      show(box, result[0], result[1]);
    }
    box.querySelector(".prt-check").addEventListener("click", check);
    box.querySelector(".prt-reset").addEventListener("click", function () {
      store(id, null);
      kind.write(box, initial);
      box.querySelector(".prt-feedback").textContent = "";
    });
    box.addEventListener("click", function (ev) {
      var button = ev.target.closest(".prt-up, .prt-down");
      if (!button) { return; }
      var li = button.closest("li");
      var up = button.classList.contains("prt-up");
      var other = up ? li.previousElementSibling : li.nextElementSibling;
      if (!other) { return; }
      li.parentNode.insertBefore(up ? li : other, up ? other : li);
      button.focus();
      store(id, kind.read(box));
    });
    box.addEventListener("change", function () { store(id, kind.read(box)); });
    var saved = recall(id);
    if (saved && saved.length) {
      kind.write(box, saved);
      check();
    }
  }

  function linkTimelines() {
    document.querySelectorAll(".prt-timeline .plotly-graph-div").forEach(function (graph) {
      if (!graph.on) { return; }
      graph.on("plotly_click", function (data) {
        var point = data.points && data.points[0];
        var target = point && point.customdata && point.customdata[1];
        if (target) { window.location.hash = target.split("#")[1]; }
      });
    });
  }

  function start() {
    document.querySelectorAll(".prt-exercise").forEach(setup);
    linkTimelines();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
