/* Permanent Revolution Today: the lights-out ledger's page side. Its rows live in the
 * exercise box; "Add entry" checks one entry (static/graders.js, as Python does), the
 * table, the CSV link and the chart (plotly, loaded on demand) follow. */
(function () {
  "use strict";
  var G = window.PRTGraders;
  var el = window.PRT.el, t = window.PRT.t;
  function rows(box) { return box.prtRows || (box.prtRows = []); }
  function draw(box) {
    var list = rows(box), table = box.querySelector(".prt-ledger-table");
    table.textContent = "";
    if (list.length) {
      var grid = el("table", "", "prt-timeline-table"), head = el("tr");
      grid.appendChild(el("caption", t("ledger.caption")));
      [t("ledger.household"), t("ledger.day"), t("ledger.minutes"), ""].forEach(function (h) { var th = el("th", h); th.scope = "col"; head.appendChild(th); });
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
  window.PRTLedger = {
    read: function (box) { return rows(box).slice(); },
    write: function (box, answer) { box.prtRows = (answer || []).slice(); draw(box); },
    add: function (box, spec) {
      var entry;
      try {
        entry = G.check(spec, box.querySelector(".prt-l-household").value, box.querySelector(".prt-l-day").value,
          box.querySelector(".prt-l-minutes").value);
      } catch (err) {
        return G.verdict(null, [err.message].concat(G.summary(rows(box))), true);
      }
      rows(box).push(entry);
      box.querySelector(".prt-l-minutes").value = "";
      draw(box);
      return G.verdict(null, G.summary(rows(box)));
    },
    remove: function (box, index) { rows(box).splice(index, 1); draw(box); }
  };
})();
