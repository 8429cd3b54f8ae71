/* Permanent Revolution Today, facilitator edition: the group page.
 * The facilitator drops the members' answer files here (file picker or drag and drop;
 * from file://, no Python, nothing sent anywhere) and sees, per question, how the group
 * answered, and which paragraphs it flagged, most flagged first, with the notes on them.
 * Names show only when asked for. The counts are those of book/answers/summary.py. */
(function () {
  "use strict";
  var A = window.PRTAnswers, el = window.PRT.el, t = window.PRT.t;

  /* Files -> members, skipped files and answers that no longer fit (as read.py does). */
  function collect(catalog, files) {
    var group = { members: [], skipped: [], misfits: [] }, taken = {};
    files.forEach(function (f) {
      var data;
      try { data = JSON.parse(f.text); } catch (e) { group.skipped.push(t("group.not_json", { file: f.name })); return; }
      if (!data || data.format !== A.FORMAT) { group.skipped.push(t("group.not_answers", { file: f.name })); return; }
      if (typeof data.pseudonym !== "string" || !data.pseudonym.trim()) { group.skipped.push(t("group.no_pseudonym", { file: f.name })); return; }
      var label = data.pseudonym, n = 1;
      while (taken[label]) { n += 1; label = data.pseudonym + " (" + n + ")"; }
      taken[label] = true;
      var member = { label: label, answers: {}, notes: Array.isArray(data.notes) ? data.notes : [] };
      (Array.isArray(data.answers) ? data.answers : []).forEach(function (a) {
        var entry = catalog[a.exercise];
        try {
          if (!entry) { throw new Error(t("answers.gone")); }
          if (entry.kind !== a.kind) { throw new Error(t("answers.kind_changed", { was: a.kind, now: entry.kind })); }
          A.fromStable(entry, a.answer);
          member.answers[a.exercise] = a.answer;
        } catch (e) { group.misfits.push(label + ", " + a.exercise + ": " + e.message); }
      });
      group.members.push(member);
    });
    return group;
  }

  function bars(entry, answers) {
    var count = function (list) { var c = {}; list.forEach(function (x) { c[x] = (c[x] || 0) + 1; }); return c; };
    switch (entry.kind) {
      case "choice": {
        var c = count([].concat.apply([], answers.map(function (a) { return a.chosen || []; })));
        return entry.options.map(function (o) { return [o, c[o] || 0]; });
      }
      case "ordering": {
        var right = answers.filter(function (a) { return JSON.stringify(a.order || []) === JSON.stringify(entry.key); }).length;
        return [[t("group.right_order"), right], [t("group.not_yet"), answers.length - right]];
      }
      case "matching": return entry.lefts.map(function (l) {
        return [l, answers.filter(function (a) { return (a.pairs || {})[l] === entry.key[l]; }).length];
      });
      case "short": {
        var t = count([].concat.apply([], answers.map(function (a) { return a.ticks || []; })));
        return entry.rubric.map(function (r) { return [r, t[r] || 0]; });
      }
      case "bridge": {
        var g = count(answers.map(function (a) { return a.grievance; }).filter(Boolean));
        return entry.grievances.map(function (x) { return [x, g[x] || 0]; });
      }
    }
    return [];
  }

  function summarize(catalog, group) {
    var questions = [], spots = {};
    Object.keys(catalog).forEach(function (id) {
      var who = group.members.filter(function (m) { return id in m.answers; });
      if (!who.length) { return; }
      var answers = who.map(function (m) { return m.answers[id]; });
      questions.push({ id: id, title: catalog[id].title, kind: catalog[id].kind, answered: answers.length,
        bars: bars(catalog[id], answers), who: who.map(function (m) { return m.label; }), answers: answers });
    });
    group.members.forEach(function (m) {
      m.notes.forEach(function (n) {
        var key = n.chapter + ":" + n.paragraph;
        var s = spots[key] || (spots[key] = { chapter: n.chapter, paragraph: n.paragraph, confused: 0, discuss: 0, notes: [] });
        if (n.flag === "confused" || n.flag === "discuss") { s[n.flag] += 1; }
        if (n.note && n.note.trim()) { s.notes.push({ text: n.note.trim(), who: m.label }); }
      });
    });
    var paragraphs = Object.keys(spots).map(function (k) { return spots[k]; }).sort(function (a, b) {
      return (b.confused + b.discuss) - (a.confused + a.discuss) || b.notes.length - a.notes.length ||
        (a.chapter < b.chapter ? -1 : a.chapter > b.chapter ? 1 : 0) || a.paragraph - b.paragraph;
    });
    return { members: group.members.length, questions: questions, paragraphs: paragraphs };
  }

  function words(entry, a) {
    if (entry.kind === "short") { return a.text; }
    if (entry.kind === "discussion") { return a.notes; }
    if (entry.kind === "bridge") { return [a.immediate, a.transitional, a.goal].join(" → "); }
    return "";
  }

  function render(box, data, group, summary, names) {
    var out = box.querySelector(".prt-group-out");
    out.textContent = "";
    var head = el("p", t("group.members", { n: summary.members }), "prt-group-count");
    head.setAttribute("role", "status");
    out.appendChild(head);
    if (group.skipped.length || group.misfits.length) {
      var warn = el("div", "", "prt-group-problems");
      if (group.skipped.length) { warn.appendChild(el("p", t("group.skipped", { list: group.skipped.join("; ") }))); }
      if (group.misfits.length) { warn.appendChild(el("p", t("group.left_out", { list: group.misfits.join("; ") }))); }
      out.appendChild(warn);
    }
    out.appendChild(el("h2", t("group.flagged")));
    if (!summary.paragraphs.length) { out.appendChild(el("p", t("group.none_flagged"))); }
    var ol = el("ol", "", "prt-group-flags");
    summary.paragraphs.forEach(function (s) {
      var li = el("li"), link = el("a", data.chapters[s.chapter] + " ¶" + s.paragraph);
      link.href = "chapters/" + s.chapter + ".html#p" + s.paragraph;
      li.appendChild(link);
      li.appendChild(document.createTextNode(": " + t("group.flag_counts", { confused: s.confused, discuss: s.discuss })));
      if (s.notes.length) {
        var ul = el("ul");
        s.notes.forEach(function (n) { ul.appendChild(el("li", (names ? n.who + ": " : "") + n.text)); });
        li.appendChild(ul);
      }
      ol.appendChild(li);
    });
    out.appendChild(ol);
    out.appendChild(el("h2", t("group.answered_head")));
    summary.questions.forEach(function (q) {
      var sec = el("section", "", "prt-group-q"), entry = data.exercises[q.id];
      sec.appendChild(el("h3", q.title));
      sec.appendChild(el("p", names ? t("group.answered_by", { n: q.answered, names: q.who.join(", ") }) : t("group.answered", { n: q.answered })));
      if (q.bars.length) {
        var table = el("table", "", "prt-group-bars");
        table.appendChild(el("caption", t("group.bars", { title: q.title })));
        q.bars.forEach(function (b) {
          var tr = el("tr"), th = el("th", b[0]), td = el("td"), bar = el("span", "", "prt-bar");
          th.scope = "row";
          bar.style.width = (q.answered ? 100 * b[1] / q.answered : 0) + "%";
          td.appendChild(bar); td.appendChild(el("span", String(b[1]), "prt-bar-n"));
          tr.appendChild(th); tr.appendChild(td); table.appendChild(tr);
        });
        sec.appendChild(table);
      }
      var texts = q.answers.map(function (a, i) { return [q.who[i], words(entry, a)]; }).filter(function (t) { return t[1] && t[1].trim(); });
      if (texts.length) {
        var ul = el("ul", "", "prt-group-texts");
        texts.forEach(function (t) { ul.appendChild(el("li", (names ? t[0] + ": " : "") + t[1])); });
        sec.appendChild(ul);
      }
      out.appendChild(sec);
    });
  }

  function start() {
    var box = document.querySelector(".prt-group");
    if (!box || !A) { return; }
    var data = JSON.parse(box.querySelector(".prt-ma-data").textContent), files = [];
    var names = box.querySelector(".prt-group-names"), input = box.querySelector(".prt-group-files");
    var drop = box.querySelector(".prt-group-drop");
    function update() {
      var group = collect(data.exercises, files);
      render(box, data, group, summarize(data.exercises, group), names.checked);
    }
    function add(list) {
      Promise.all(Array.prototype.map.call(list, function (f) {
        return f.text().then(function (text) { return { name: f.name, text: text }; });
      })).then(function (read) { files = files.concat(read); update(); });
    }
    input.addEventListener("change", function () { add(input.files); input.value = ""; });
    drop.addEventListener("dragover", function (ev) { ev.preventDefault(); drop.classList.add("prt-drop-over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("prt-drop-over"); });
    drop.addEventListener("drop", function (ev) { ev.preventDefault(); drop.classList.remove("prt-drop-over"); add(ev.dataTransfer.files); });
    names.addEventListener("change", update);
    box.querySelector(".prt-group-clear").addEventListener("click", function () { files = []; update(); });
    box.classList.add("prt-group-ready");
  }
  window.PRTGroup = { collect: collect, summarize: summarize };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
