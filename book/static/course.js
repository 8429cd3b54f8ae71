/* Permanent Revolution Today: static exercises, timelines and glossary previews.
 * Works with no kernel and no other script. plotly.js (_static/vendor) is loaded only
 * when a reader asks for an interactive timeline or the ledger has a chart to draw,
 * so a first visit on a slow link does not pay for it. Answers stay in this browser's localStorage, key
 * "prt-answer:<exercise id>", so a reload loses nothing; Reset forgets them.
 * Each kind grades exactly as its Python twin in book/exercises/ does. */
(function () {
  "use strict";
  var PREFIX = "prt-answer:";
  var HERE = (document.currentScript && document.currentScript.src) || "";
  var plotly = null;

  /* plotly.js once per page, from beside this script: a promise of window.Plotly. */
  function loadPlotly() {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    if (!plotly) {
      plotly = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = HERE.replace(/course\.js(\?.*)?$/, "vendor/plotly.min.js");
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { plotly = null; reject(new Error("plotly.js did not load")); };
        document.head.appendChild(script);
      });
    }
    return plotly;
  }

  /* Whether the browser kept it: private modes, a full or disabled storage refuse. */
  function store(id, value) {
    try {
      if (value === null) { localStorage.removeItem(PREFIX + id); }
      else { localStorage.setItem(PREFIX + id, JSON.stringify(value)); }
      return true;
    } catch (e) { return false; }
  }
  var NOT_KEPT = "This browser is not keeping your answers (a private window, or storage full or " +
    "turned off): they will be gone when you close or reload the page. Copy what you wrote elsewhere to keep it.";
  /* Says so at the exercise, once, when the browser refused to keep an answer. */
  function kept(box, ok) {
    var notice = box.querySelector(".prt-not-kept");
    if (ok && notice) { notice.remove(); }
    if (!ok && !notice) {
      notice = el("p", NOT_KEPT, "prt-not-kept prt-wrong");
      notice.setAttribute("role", "alert");
      box.querySelector(".prt-ex-actions").insertAdjacentElement("beforebegin", notice);
    }
    return ok;
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
  function words(text) { return String(text || "").trim().split(/\s+/).filter(Boolean).length; }
  /* A verdict: correct is true, false or null (nothing to grade); invalid is not saved. */
  function verdict(correct, messages, invalid) {
    return { correct: correct, messages: messages, invalid: !!invalid };
  }
  /* Text with every "¶14" a link to that paragraph of the exercise's chapter: the
   * chapter and exercise pages sit side by side, one folder down from the book's root. */
  function withParagraphLinks(node, text, chapter) {
    String(text).split(/(¶\d+)/).forEach(function (part) {
      var m = /^¶(\d+)$/.exec(part);
      if (m && chapter) {
        var a = el("a", part, "prt-para-link");
        a.href = "../chapters/" + chapter + ".html#p" + m[1];
        a.setAttribute("aria-label", "Paragraph " + m[1] + " of the chapter");
        node.appendChild(a);
      } else if (part) { node.appendChild(document.createTextNode(part)); }
    });
    return node;
  }
  function linkParagraphs(node, chapter) {
    var text = node.textContent;
    node.textContent = "";
    withParagraphLinks(node, text, chapter);
  }
  function show(box, result) {
    var out = box.querySelector(".prt-feedback"), chapter = box.getAttribute("data-chapter");
    out.textContent = "";
    if (result.correct === true || result.correct === false) {
      out.appendChild(el("p", result.correct ? "Right." : "Not yet.", result.correct ? "prt-right" : "prt-wrong"));
    }
    var list = el("ul");
    result.messages.forEach(function (m) {
      list.appendChild(withParagraphLinks(el("li", "", result.invalid ? "prt-wrong" : ""), m, chapter));
    });
    out.appendChild(list);
  }
  function values(box, selector) {
    return Array.prototype.map.call(box.querySelectorAll(selector), function (i) { return i; });
  }

  var kinds = {
    choice: {
      read: function (box) {
        return values(box, ".prt-ex-body input:checked").map(function (i) { return Number(i.value); });
      },
      write: function (box, answer) {
        values(box, ".prt-ex-body input").forEach(function (i) { i.checked = answer.indexOf(Number(i.value)) >= 0; });
      },
      grade: function (spec, chosen) {
        if (!chosen.length) { return verdict(false, ["Choose an answer first."], true); }
        var right = [], messages = [];
        spec.options.forEach(function (o, i) { if (o.correct) { right.push(i); } });
        chosen.forEach(function (i) { messages.push(spec.options[i].feedback); });
        var missed = right.filter(function (i) { return chosen.indexOf(i) < 0; }).length;
        if (spec.multiple && missed) {
          messages.push(missed + " more right answer" + (missed > 1 ? "s" : "") + " to find.");
        }
        return verdict(missed === 0 && chosen.length === right.length, messages);
      }
    },
    ordering: {
      read: function (box) {
        return values(box, ".prt-order li").map(function (li) { return li.getAttribute("data-id"); });
      },
      write: function (box, answer) {
        var list = box.querySelector(".prt-order");
        answer.forEach(function (id) {
          var li = list.querySelector('li[data-id="' + id + '"]');
          if (li) { list.appendChild(li); }
        });
      },
      grade: function (spec, answer) {
        var hits = 0, misplaced = [];
        spec.key.forEach(function (id, i) {
          if (answer[i] === id) { hits += 1; } else { misplaced.push(spec.misplaced[answer[i]]); }
        });
        if (hits === spec.key.length) {
          return verdict(true, spec.key.map(function (id) { return spec.dates[id]; }));
        }
        return verdict(false, [hits + " of " + spec.key.length + " events are in the right place."]
          .concat(misplaced, [spec.hint]));
      }
    },
    matching: {
      read: function (box) {
        return values(box, ".prt-match-item").map(function (group) {
          var chosen = group.querySelector("input:checked");
          return chosen ? Number(chosen.value) : null;
        });
      },
      write: function (box, answer) {
        values(box, ".prt-match-item").forEach(function (group, i) {
          values(group, "input").forEach(function (input) { input.checked = answer[i] === Number(input.value); });
        });
      },
      grade: function (spec, answer) {
        if (!answer.some(function (a) { return a !== null; })) {
          return verdict(false, ["Match at least one item first."], true);
        }
        var wrong = [];
        spec.key.forEach(function (k, i) { if (answer[i] !== k) { wrong.push(spec.lefts[i]); } });
        var hits = spec.key.length - wrong.length;
        if (!wrong.length) { return verdict(true, ["All " + hits + " matched."]); }
        return verdict(false, [hits + " of " + spec.key.length + " matched."].concat(
          wrong.map(function (l) { return "Look again at: " + l + "."; })));
      }
    },
    "short": {
      read: function (box) {
        return { text: box.querySelector(".prt-text").value,
                 ticks: values(box, ".prt-tick:checked").map(function (i) { return Number(i.value); }) };
      },
      write: function (box, answer) {
        box.querySelector(".prt-text").value = answer.text || "";
        values(box, ".prt-tick").forEach(function (i) { i.checked = (answer.ticks || []).indexOf(Number(i.value)) >= 0; });
      },
      grade: function (spec, answer) {
        var n = words(answer.text);
        if (n < spec.min_words) {
          return verdict(null, ["Write at least " + spec.min_words + " words first (you have " + n + ")."], true);
        }
        var ticks = answer.ticks.length;
        return verdict(ticks === spec.points, ["Model answer: " + spec.model,
          "You ticked " + ticks + " of " + spec.points + " points of the rubric."]);
      }
    },
    bridge: {
      read: function (box) {
        var answer = { grievance: box.querySelector(".prt-grievance").value };
        values(box, "textarea[data-step]").forEach(function (t) { answer[t.getAttribute("data-step")] = t.value; });
        answer.grievance = answer.grievance === "" ? -1 : Number(answer.grievance);
        return answer;
      },
      write: function (box, answer) {
        box.querySelector(".prt-grievance").value = answer.grievance < 0 ? "" : String(answer.grievance);
        values(box, "textarea[data-step]").forEach(function (t) { t.value = answer[t.getAttribute("data-step")] || ""; });
      },
      grade: function (spec, answer) {
        var chosen = spec.grievances[answer.grievance];
        if (!chosen) { return verdict(null, ["Choose a grievance first."], true); }
        var steps = ["immediate", "transitional", "goal"];
        for (var i = 0; i < steps.length; i += 1) {
          if (words(answer[steps[i]]) < spec.min_words) {
            return verdict(null, ["Fill in the " + steps[i] + " step with at least " + spec.min_words + " words."], true);
          }
        }
        return verdict(null, [
          "Your chain: " + answer.immediate + " → " + answer.transitional + " → " + answer.goal,
          "The article's program answers “" + chosen.grievance + "” with: " + chosen.demand + chosen.where + ".",
          "Compare: where does your chain go further, or stop sooner, than the article's?"]);
      }
    },
    discussion: {
      read: function (box) { return { notes: box.querySelector(".prt-text").value }; },
      write: function (box, answer) { box.querySelector(".prt-text").value = answer.notes || ""; },
      grade: function (spec, answer) {
        var n = words(answer.notes);
        if (!n) { return verdict(null, ["Write a note first."], true); }
        return verdict(null, ["Notes saved (" + n + " words)."]);
      }
    },
    ledger: ledgerKind()
  };

  /* The lights-out ledger keeps its rows in the box; "Add entry" checks one entry. */
  function ledgerKind() {
    function rows(box) { return box.prtRows || (box.prtRows = []); }
    function summary(list) {
      if (!list.length) { return ["No entries yet."]; }
      var total = 0, byDay = {}, households = {};
      list.forEach(function (r) {
        total += r.minutes; byDay[r.day] = (byDay[r.day] || 0) + r.minutes; households[r.household] = 1;
      });
      var days = Object.keys(byDay), hh = Object.keys(households).length;
      var worst = days.sort().reduce(function (a, d) { return byDay[d] >= byDay[a] ? d : a; }, days[0]);
      return [
        list.length + " entries from " + hh + " household" + (hh !== 1 ? "s" : "") + " over " +
          days.length + " day" + (days.length !== 1 ? "s" : "") + ".",
        "Total without power: " + total + " minutes (" + (total / 60).toFixed(1) + " hours).",
        "Mean per household and day: " + Math.round(total / list.length) + " minutes.",
        "Worst day: " + worst + ", " + byDay[worst] + " minutes across households."];
    }
    function check(spec, household, day, minutes) {
      if (!household) { throw new Error("Choose or name a household."); }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || isNaN(Date.parse(day))) {
        throw new Error("'" + day + "' is not a date; use the form 2026-07-14.");
      }
      var text = String(minutes).trim();
      if (!/^-?\d+$/.test(text)) { throw new Error("Minutes must be a whole number; '" + text + "' is not."); }
      var value = Number(text);
      if (value < 0 || value > spec.max) {
        throw new Error("Minutes must be between 0 and " + spec.max + " (a day has 1440); got " + value + ".");
      }
      return { household: household, day: day, minutes: value };
    }
    function draw(box) {
      var list = rows(box), table = box.querySelector(".prt-ledger-table");
      table.textContent = "";
      if (list.length) {
        var t = el("table", "", "prt-timeline-table"), head = el("tr");
        t.appendChild(el("caption", "Lights-out ledger: the entries"));
        ["Household", "Day", "Minutes", ""].forEach(function (h) {
          var th = el("th", h); th.scope = "col"; head.appendChild(th);
        });
        t.appendChild(head);
        list.forEach(function (r, i) {
          var tr = el("tr");
          [r.household, r.day, String(r.minutes)].forEach(function (v) { tr.appendChild(el("td", v)); });
          var cell = el("td"), remove = el("button", "Remove", "prt-l-remove");
          remove.type = "button"; remove.setAttribute("data-row", i);
          remove.setAttribute("aria-label", "Remove " + r.household + " " + r.day);
          cell.appendChild(remove); tr.appendChild(cell); t.appendChild(tr);
        });
        table.appendChild(t);
      }
      var csv = "household,day,minutes\n" + list.map(function (r) {
        return '"' + r.household.replace(/"/g, '""') + '",' + r.day + "," + r.minutes;
      }).join("\n") + (list.length ? "\n" : "");
      box.querySelector(".prt-ledger-csv").href = "data:text/csv;charset=utf-8," + encodeURIComponent(csv);
      var chart = box.querySelector(".prt-ledger-chart");
      if (!list.length) {
        if (window.Plotly) { window.Plotly.purge(chart); }
        return;
      }
      var names = {};
      list.forEach(function (r) { names[r.household] = 1; });
      var traces = Object.keys(names).sort().map(function (name) {
        var mine = list.filter(function (r) { return r.household === name; });
        return { type: "bar", name: name, x: mine.map(function (r) { return r.day; }),
                 y: mine.map(function (r) { return r.minutes; }) };
      });
      loadPlotly().then(function (Plotly) {
        Plotly.react(chart, traces, { barmode: "stack", height: 320,
          margin: { l: 50, r: 10, t: 30, b: 40 }, yaxis: { title: "minutes without power" },
          xaxis: { type: "date" }, legend: { orientation: "h" } }, { displaylogo: false, responsive: true });
      }, function () { /* the table above holds the same numbers */ });
    }
    return {
      read: function (box) { return rows(box).slice(); },
      write: function (box, answer) { box.prtRows = (answer || []).slice(); draw(box); },
      add: function (box, spec) {
        var entry;
        try {
          entry = check(spec, box.querySelector(".prt-l-household").value,
            box.querySelector(".prt-l-day").value, box.querySelector(".prt-l-minutes").value);
        } catch (err) {
          return verdict(null, [err.message].concat(summary(rows(box))), true);
        }
        rows(box).push(entry);
        box.querySelector(".prt-l-minutes").value = "";
        draw(box);
        return verdict(null, summary(rows(box)));
      },
      grade: function (spec, answer) { return verdict(null, summary(answer)); },
      remove: function (box, index) { rows(box).splice(index, 1); draw(box); }
    };
  }

  function setup(box) {
    var id = box.getAttribute("data-exercise");
    var spec = JSON.parse(box.querySelector(".prt-ex-data").textContent);
    var kind = kinds[spec.kind];
    if (!kind) { return; }
    var initial = kind.read(box);
    function check() {
      var result = kind.add ? kind.add(box, spec) : kind.grade(spec, kind.read(box));
      if (!result.invalid && !kept(box, store(id, kind.read(box)))) {
        /* "Saved" is said only when it was. */
        result.messages = result.messages.map(function (m) { return m.replace(/^Notes saved/, "Notes written, not saved"); });
      }
      show(box, result);
    }
    box.querySelector(".prt-check").addEventListener("click", check);
    box.querySelectorAll(".prt-ex-hint, .prt-ex-prompt").forEach(function (node) {
      if (/¶\d/.test(node.textContent)) { linkParagraphs(node, box.getAttribute("data-chapter")); }
    });
    box.querySelector(".prt-reset").addEventListener("click", function () {
      if (!window.confirm("Erase your answer to “" + box.querySelector(".prt-ex-title").textContent + "”?")) { return; }
      store(id, null);
      kind.write(box, initial);
      box.querySelector(".prt-feedback").textContent = "";
    });
    box.addEventListener("click", function (ev) {
      var remove = ev.target.closest(".prt-l-remove");
      if (remove) {
        kind.remove(box, Number(remove.getAttribute("data-row")));
        kept(box, store(id, kind.read(box)));
        show(box, kind.grade(spec, kind.read(box)));
        return;
      }
      var button = ev.target.closest(".prt-up, .prt-down");
      if (!button) { return; }
      var li = button.closest("li");
      var up = button.classList.contains("prt-up");
      var other = up ? li.previousElementSibling : li.nextElementSibling;
      if (!other) { return; }
      li.parentNode.insertBefore(up ? li : other, up ? other : li);
      button.focus();
      kept(box, store(id, kind.read(box)));
    });
    if (!kind.add) {
      box.addEventListener("change", function () { kept(box, store(id, kind.read(box))); });
      box.addEventListener("input", function () { kept(box, store(id, kind.read(box))); });
    }
    var saved = recall(id);
    if (saved && (saved.length || (typeof saved === "object" && !Array.isArray(saved)))) {
      try {
        kind.write(box, saved);
        var result = kind.grade(spec, kind.read(box));
        if (!result.invalid) { show(box, result); }
      } catch (e) { /* an unreadable saved answer: start fresh, keep the page working */ }
    } else if (kind.add) {
      kind.write(box, []);
    }
  }

  /* Timelines: the SVG drawn at build time has a view per range (buttons switch them);
   * a click on a mark follows its data-href (the paragraph it explains, or its table
   * row). "Interactive chart" swaps in the plotly figure kept as JSON in the page. */
  function timeline(figure) {
    var views = figure.querySelectorAll(".prt-tl-view");
    var buttons = figure.querySelectorAll(".prt-tl-views button");
    var status = figure.querySelector(".prt-tl-status");
    buttons.forEach(function (button, n) {
      button.addEventListener("click", function () {
        views.forEach(function (view, i) { view.hidden = i !== n; });
        buttons.forEach(function (other, i) { other.setAttribute("aria-pressed", String(i === n)); });
      });
    });
    function follow(ev) {
      var mark = ev.target.closest && ev.target.closest("[data-href]");
      if (mark && mark.getAttribute("data-href")) { window.location.href = mark.getAttribute("data-href"); }
    }
    figure.addEventListener("click", follow);
    var live = figure.querySelector(".prt-tl-live");
    live.addEventListener("click", function () {
      live.disabled = true;
      status.textContent = "Loading the interactive chart...";
      loadPlotly().then(function (Plotly) {
        var spec = JSON.parse(figure.querySelector(".prt-tl-data").textContent);
        var graph = el("div", "", "plotly-graph-div prt-tl-chart");
        figure.querySelector(".prt-tl-scroll").hidden = true;
        figure.querySelector(".prt-tl-views").hidden = true;
        figure.insertBefore(graph, figure.querySelector(".prt-tl-scroll"));
        return Plotly.newPlot(graph, spec.data, spec.layout, { displaylogo: false, responsive: true })
          .then(function () {
            graph.on("plotly_click", function (data) {
              var point = data.points && data.points[0];
              var target = point && point.customdata && point.customdata[1];
              if (target) { window.location.href = target; }
            });
            live.hidden = true;
            status.textContent = "Interactive chart ready: drag to zoom, double-click to reset.";
          });
      }).catch(function () {
        live.disabled = false;
        status.textContent = "The interactive chart could not load; the chart and table here show the same events.";
      });
    });
  }

  /* Flashcards: a deck at a time; "Not yet" sends a card to the back of the deck.
   * What you knew is kept per deck in this browser ("prt-cards:<deck>"). */
  function flashcards(box) {
    var data = JSON.parse(box.querySelector(".prt-cards-data").textContent);
    var select = box.querySelector(".prt-deck");
    var term = box.querySelector(".prt-card-term"), def = box.querySelector(".prt-card-definition");
    var progress = box.querySelector(".prt-card-progress");
    var queue = [], known = [];
    function key() { return "prt-cards:" + select.value; }
    function save() { try { localStorage.setItem(key(), JSON.stringify(known)); } catch (e) { /* fine */ } }
    function load() {
      try { known = JSON.parse(localStorage.getItem(key())) || []; } catch (e) { known = []; }
      queue = data.decks[select.value].filter(function (id) { return known.indexOf(id) < 0; });
      draw();
    }
    function draw() {
      def.hidden = true;
      if (!queue.length) {
        term.textContent = "Deck done: you knew every card.";
        def.textContent = "";
      } else {
        term.textContent = data.cards[queue[0]][0];
        def.textContent = data.cards[queue[0]][1];
      }
      progress.textContent = "Known " + known.length + " of " + data.decks[select.value].length +
        "; " + queue.length + " left.";
    }
    box.querySelector(".prt-flip").addEventListener("click", function () { def.hidden = false; });
    box.querySelector(".prt-knew").addEventListener("click", function () {
      if (!queue.length) { return; }
      known.push(queue.shift()); save(); draw();
    });
    box.querySelector(".prt-again").addEventListener("click", function () {
      if (!queue.length) { return; }
      queue.push(queue.shift()); draw();
    });
    box.querySelector(".prt-reset").addEventListener("click", function () {
      known = []; save(); load();
    });
    select.addEventListener("change", load);
    load();
  }

  function start() {
    if (/[?&]handout\b/.test(window.location.search)) {
      document.documentElement.classList.add("prt-handout");
    }
    document.querySelectorAll(".prt-flashcards").forEach(flashcards);
    document.querySelectorAll(".prt-exercise").forEach(setup);
    document.querySelectorAll(".prt-timeline-figure").forEach(timeline);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
