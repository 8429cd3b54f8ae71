/* Permanent Revolution Today: the lights-out ledger (book/kinds/ledger), the
 * hours a household sat without power. The contract: kinds/registry.js. Its rows live in
 * the exercise box; "Add entry" checks one entry (check, as Python does), and the table,
 * the CSV link and the chart (plotly, loaded on demand) follow. Stored and stable alike:
 * the rows [{household, day, minutes}]. */
PRTKinds.register("ledger", function (h) {
  "use strict";
  var t = h.t, el = h.el;

  /* One entry checked (an Error says what to fix). */
  function check(spec, household, day, minutes) {
    household = String(household || "").trim();
    if (!household) { throw new Error(t("ledger.no_household")); }
    var d = String(day || "").trim(), m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    var date = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (!m || date.getUTCFullYear() !== +m[1] || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
      throw new Error(t("ledger.not_a_date", { day: d }));
    }
    var text = String(minutes).trim();
    if (!/^-?[0-9]+$/.test(text)) { throw new Error(t("ledger.not_whole", { text: text })); }
    var value = Number(text);
    if (value < 0 || value > spec.max) { throw new Error(t("ledger.out_of_range", { max: spec.max, value: value })); }
    return { household: household, day: d, minutes: value };
  }
  /* The totals. */
  function summary(rows) {
    if (!rows.length) { return [t("ledger.no_entries")]; }
    var total = 0, byDay = {}, households = {};
    rows.forEach(function (r) { total += r.minutes; byDay[r.day] = (byDay[r.day] || 0) + r.minutes; households[r.household] = 1; });
    var days = Object.keys(byDay).sort(), hh = Object.keys(households).length, tenths = h.ratio(total * 10, 60);
    var worst = days.reduce(function (a, d) { return byDay[d] >= byDay[a] ? d : a; }, days[0]);
    return [
      t("ledger.entries", { rows: rows.length, households: t("ledger.households", { n: hh }), days: t("ledger.days", { n: days.length }) }),
      t("ledger.total", { minutes: total, hours: Math.floor(tenths / 10) + "." + (tenths % 10) }),
      t("ledger.mean", { minutes: h.ratio(total, rows.length) }),
      t("ledger.worst", { day: worst, minutes: byDay[worst] })];
  }

  function rows(box) { return box.prtRows || (box.prtRows = []); }
  function draw(box) {
    var list = rows(box), table = box.querySelector(".prt-ledger-table");
    table.textContent = "";
    if (list.length) {
      var grid = el("table", "", "prt-timeline-table"), head = el("tr");
      grid.appendChild(el("caption", t("ledger.caption")));
      [t("ledger.household"), t("ledger.day"), t("ledger.minutes"), ""].forEach(function (name) { var th = el("th", name); th.scope = "col"; head.appendChild(th); });
      grid.appendChild(head);
      list.forEach(function (r, i) {
        var tr = el("tr");
        [r.household, r.day, String(r.minutes)].forEach(function (v) { tr.appendChild(el("td", v)); });
        var cell = el("td"), remove = el("button", t("ledger.remove"), "prt-l-remove");
        remove.type = "button"; remove.setAttribute("data-row", i);
        remove.setAttribute("aria-label", t("ledger.remove_row", { household: r.household, day: r.day }));
        cell.appendChild(remove); tr.appendChild(cell); grid.appendChild(tr);
      });
      table.appendChild(grid);
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
      return { type: "bar", name: name, x: mine.map(function (r) { return r.day; }), y: mine.map(function (r) { return r.minutes; }) };
    });
    window.PRT.loadPlotly().then(function (Plotly) {
      Plotly.react(chart, traces, { barmode: "stack", height: 320, margin: { l: 50, r: 10, t: 30, b: 40 },
        yaxis: { title: t("ledger.axis") }, xaxis: { type: "date" }, legend: { orientation: "h" } },
        { displaylogo: false, responsive: true });
    }, function () { /* the table above holds the same numbers */ });
  }

  return {
    shape: "rows",
    /* Every row checked; a row that fails is named, and left out of the totals. */
    grade: function (spec, stored) {
      var good = [], problems = [];
      (Array.isArray(stored) ? stored : []).forEach(function (r, n) {
        try { good.push(check(spec, r && r.household, r && r.day, r && r.minutes)); }
        catch (e) { problems.push(t("ledger.row_skipped", { n: n + 1, why: e.message })); }
      });
      return h.verdict(null, summary(good).concat(problems));
    },
    toStable: function (entry, stored) { return { rows: stored.slice() }; },
    fromStable: function (entry, stable) {
      var list = (stable.rows || []).slice();
      if (!list.every(function (r) { return r !== null && typeof r === "object" && !Array.isArray(r); })) {
        throw h.misfit(t("answers.row_not_object"));
      }
      return list;
    },
    readable: function (entry, a) { return t("answers.ledger_rows", { n: a.rows.length }); },
    page: {
      read: function (box) { return rows(box).slice(); },
      write: function (box, answer) { box.prtRows = (answer || []).slice(); draw(box); },
      add: function (box, spec) {
        var entry;
        try {
          entry = check(spec, box.querySelector(".prt-l-household").value, box.querySelector(".prt-l-day").value,
            box.querySelector(".prt-l-minutes").value);
        } catch (err) {
          return h.verdict(null, [err.message].concat(summary(rows(box))), true);
        }
        rows(box).push(entry);
        box.querySelector(".prt-l-minutes").value = "";
        draw(box);
        return h.verdict(null, summary(rows(box)));
      },
      /* Remove takes its row out. */
      click: function (box, target) {
        var remove = target.closest(".prt-l-remove");
        if (!remove) { return null; }
        rows(box).splice(Number(remove.getAttribute("data-row")), 1);
        draw(box);
        return "grade";
      }
    }
  };
});
