/* Permanent Revolution Today, facilitator edition: the group page.
 * The facilitator drops the members' answer files here (file picker or drag and drop;
 * from file://, no Python, nothing sent anywhere) and sees, per question, how the group
 * answered, and which paragraphs it flagged, most flagged first, with their first words
 * and the notes on them. Names show only when asked for.
 *
 * Files are read as book/answers/read.py reads them (a test compares every count): a
 * member is known by the member id their device wrote into the file, shown as a short
 * code beside the pseudonym, so two members called Zaid stay two and a re-sent file
 * replaces the earlier one (the one exported last wins). A file without an id (version 1,
 * a live notebook's) is its own member unless the very same file comes twice. A version 1
 * or 2 file's answers (English texts) are mapped to ids as they are read; a file from the
 * Spanish edition names the same ids, so the two count together.
 *
 * "Count each member's: last answer | first answer" chooses which answers are counted
 * (version 3 files keep each member's first graded answer beside the last; the default is
 * the last); the heading says which, on screen and on paper, and how many files have no
 * first answers.
 *
 * What was dropped is kept in this browser (IndexedDB) until the facilitator presses
 * Start again: a reload, or Back from a flagged paragraph, must not empty the page. */
(function () {
  "use strict";
  var A = window.PRTAnswers, el = window.PRT.el, t = window.PRT.t;
  var DB = "prt-group", TABLE = "files", KEY = "dropped";

  function when(data) { var ms = Date.parse(data.exported || ""); return isNaN(ms) ? -Infinity : ms; }

  /* Each member's latest file, in the order the members first arrived (read.py latest). */
  function latest(files, group) {
    var chosen = {}, order = [];
    files.forEach(function (f) {
      var data;
      try { data = JSON.parse(f.text); } catch (e) { group.skipped.push(t("group.not_json", { file: f.name })); return; }
      if (!data || data.format !== A.FORMAT) { group.skipped.push(t("group.not_answers", { file: f.name })); return; }
      if (typeof data.pseudonym !== "string" || !data.pseudonym.trim()) { group.skipped.push(t("group.no_pseudonym", { file: f.name })); return; }
      var member = data.member === undefined ? "" : data.member;
      if (member !== "" && !(typeof member === "string" && A.isMemberId(member))) {
        group.skipped.push(t("group.bad_member", { file: f.name })); return;
      }
      var who = member ? "member:" + member : "text:" + f.text;
      if (chosen[who]) {
        if (when(data) < when(chosen[who].data)) { group.replaced.push([f.name, chosen[who].name]); return; }
        group.replaced.push([chosen[who].name, f.name]);
      } else { order.push(who); }
      chosen[who] = { name: f.name, data: data };
    });
    return order.map(function (who) { return chosen[who]; });
  }

  /* Files -> members, skipped and replaced files, and answers that no longer fit (as read.py collect). */
  function collect(catalog, files) {
    var group = { members: [], skipped: [], misfits: [], replaced: [] }, taken = {};
    latest(files, group).forEach(function (f) {
      var data = f.data, base = data.pseudonym + (data.member ? " · " + A.code(data.member) : ""), label = base, n = 1;
      while (taken[label]) { n += 1; label = base + " (" + n + ")"; }
      taken[label] = true;
      var member = { label: label, file: f.name, answers: {}, firsts: {}, hasFirsts: false,
        notes: Array.isArray(data.notes) ? data.notes : [] };
      (Array.isArray(data.answers) ? data.answers : []).forEach(function (a) {
        var entry = catalog[a.exercise], last = null, first = null;
        try {
          if (!entry) { throw new Error(t("answers.gone")); }
          if (entry.kind !== a.kind) { throw new Error(t("answers.kind_changed", { was: a.kind, now: entry.kind })); }
          if (a.answer !== null && a.answer !== undefined) { last = A.upgrade(entry, a.answer, data.version); A.fromStable(entry, last); }
          if (a.first && typeof a.first === "object") { first = A.upgrade(entry, a.first.answer, data.version); A.fromStable(entry, first); }
        } catch (e) { group.misfits.push(label + ", " + a.exercise + ": " + e.message); return; }
        if (last !== null) { member.answers[a.exercise] = last; }
        if (first !== null) { member.firsts[a.exercise] = first; member.hasFirsts = true; }
      });
      group.members.push(member);
    });
    return group;
  }

  /* The group page's part of each kind (static/kinds/<kind>.js): its bars, their caption,
   * the mark on a right row and the members' own words. */
  function part(kind) { return (A.kinds[kind] && A.kinds[kind].group) || {}; }

  /* [label, count, right?, what is right] rows: the labels and counts of
   * book/answers/summary.py question(), with the key beside them. */
  function bars(entry, answers) { var g = part(entry.kind); return g.bars ? g.bars(entry, answers) : []; }

  /* A member's "last" answers or their "first" (summary.py Member.given). */
  function given(m, which) { return which === "first" ? m.firsts : m.answers; }

  function summarize(catalog, group, which) {
    var questions = [], spots = {};
    which = which === "first" ? "first" : "last";
    Object.keys(catalog).forEach(function (id) {
      var who = group.members.filter(function (m) { return id in given(m, which); });
      if (!who.length) { return; }
      var answers = who.map(function (m) { return given(m, which)[id]; });
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
    return { members: group.members.length, which: which, questions: questions, paragraphs: paragraphs,
      noFirsts: group.members.filter(function (m) { return !m.hasFirsts; }).length };
  }

  function words(entry, a) { var g = part(entry.kind); return g.words ? g.words(entry, a) : ""; }

  function problems(group) {
    var warn = el("div", "", "prt-group-problems");
    if (group.skipped.length) { warn.appendChild(el("p", t("group.skipped", { list: group.skipped.join("; ") }))); }
    if (group.replaced.length) {
      warn.appendChild(el("p", t("group.replaced", { list: group.replaced.map(function (r) {
        return t("group.replaced_one", { old: r[0], file: r[1] });
      }).join("; ") })));
    }
    if (group.misfits.length) { warn.appendChild(el("p", t("group.left_out", { list: group.misfits.join("; ") }))); }
    return warn;
  }

  /* A flagged paragraph: where, how often, its first words, the whole ¶ on request, and a
   * link that opens the chapter at it in another tab, beside this page. */
  function spot(data, paras, s, names) {
    var li = el("li"), text = (paras[s.chapter] || {})[String(s.paragraph)] || "";
    var head = el("p", "", "prt-group-spot"), link = el("a", data.chapters[s.chapter] + " ¶" + s.paragraph);
    link.href = "chapters/" + s.chapter + ".html#p" + s.paragraph;
    link.target = "_blank"; link.rel = "noopener";
    link.setAttribute("aria-label", t("group.open_para", { where: data.chapters[s.chapter] + " ¶" + s.paragraph }));
    head.appendChild(link);
    head.appendChild(document.createTextNode(": "));
    if (s.confused) { head.appendChild(el("span", "? " + t("group.n_confused", { n: s.confused }), "prt-group-confused")); }
    if (s.confused && s.discuss) { head.appendChild(document.createTextNode(", ")); }
    if (s.discuss) { head.appendChild(el("span", "💬 " + t("group.n_discuss", { n: s.discuss }), "prt-group-discuss")); }
    if (!s.confused && !s.discuss) { head.appendChild(document.createTextNode(t("group.notes_only"))); }
    li.appendChild(head);
    if (text) {
      var first = text.split(/\s+/).slice(0, 14).join(" ");
      var more = el("details", "", "prt-group-para"), summary = el("summary", t(first.length < text.length ? "group.para_start" : "group.para_whole", { words: first }));
      more.appendChild(summary);
      more.appendChild(el("p", text));
      li.appendChild(more);
    }
    if (s.notes.length) {
      var ul = el("ul");
      s.notes.forEach(function (n) { ul.appendChild(said(names && n.who, n.text)); });
      li.appendChild(ul);
    }
    return li;
  }

  function question(data, q, names) {
    var sec = el("section", "", "prt-group-q"), entry = data.exercises[q.id];
    sec.appendChild(el("h3", q.title));
    sec.appendChild(names ? isolated(t("group.answered_by", { n: q.answered, names: "\u0000" }), q.who)
      : el("p", t("group.answered", { n: q.answered })));
    if (q.bars.length) {
      var table = el("table", "", "prt-group-bars");
      table.appendChild(el("caption", t(part(q.kind).caption, { title: q.title })));
      q.bars.forEach(function (b) {
        var tr = el("tr", "", b[2] ? "prt-group-right" : ""), th = el("th"), td = el("td"), bar = el("span", "", "prt-bar");
        th.scope = "row";
        th.appendChild(el("span", b[0], "prt-group-label"));
        if (b[2] && part(q.kind).marksRight) { th.appendChild(el("span", " ✓ " + t("group.right_answer"), "prt-group-mark")); }
        if (b[3]) { th.appendChild(el("span", t("group.key_after", { key: b[3] }), "prt-group-key")); }
        bar.style.width = (q.answered ? 100 * b[1] / q.answered : 0) + "%";
        td.appendChild(bar); td.appendChild(el("span", String(b[1]), "prt-bar-n"));
        tr.appendChild(th); tr.appendChild(td); table.appendChild(tr);
      });
      sec.appendChild(table);
    }
    var texts = q.answers.map(function (a, i) { return [q.who[i], words(entry, a)]; }).filter(function (w) { return w[1] && w[1].trim(); });
    if (texts.length) {
      var ul = el("ul", "", "prt-group-texts");
      texts.forEach(function (w) { ul.appendChild(said(names && w[0], w[1])); });
      sec.appendChild(ul);
    }
    return sec;
  }

  /* A member's label into `node`: the pseudonym isolated in a <bdi>, then its code, so
   * "زينب · P3RT" reads name first in a left-to-right page as in a right-to-left one. */
  function named(node, label) {
    var cut = label.lastIndexOf(" · ");
    node.appendChild(el("bdi", cut < 0 ? label : label.slice(0, cut)));
    if (cut >= 0) { node.appendChild(document.createTextNode(label.slice(cut))); }
  }

  /* A sentence whose {list} is names, each in a <bdi>: an Arabic pseudonym beside a Latin
   * code or the next name keeps its punctuation where it belongs. */
  function isolated(sentence, names, cls) {
    var p = el("p", "", cls), parts = sentence.split("\u0000");
    p.appendChild(document.createTextNode(parts[0]));
    names.forEach(function (name, n) {
      if (n) { p.appendChild(document.createTextNode(", ")); }
      named(p, name);
    });
    p.appendChild(document.createTextNode(parts[1] || ""));
    return p;
  }

  /* A member's words, after their name when names are shown. */
  function said(who, text) {
    var li = el("li");
    if (who) { named(li, who); li.appendChild(document.createTextNode(": ")); }
    li.appendChild(el("bdi", text));
    return li;
  }

  function render(box, data, paras, group, summary, names) {
    var out = box.querySelector(".prt-group-out");
    out.textContent = "";
    var head = el("p", t("group.members", { n: summary.members }), "prt-group-count");
    head.setAttribute("role", "status");
    out.appendChild(head);
    if (names && group.members.length) {
      out.appendChild(isolated(t("group.member_list", { list: "\u0000" }), group.members.map(function (m) { return m.label; }), "prt-group-who"));
    }
    if (group.skipped.length || group.misfits.length || group.replaced.length) { out.appendChild(problems(group)); }
    out.appendChild(el("h2", t("group.flagged")));
    if (!summary.paragraphs.length) { out.appendChild(el("p", t("group.none_flagged"))); }
    var ol = el("ol", "", "prt-group-flags");
    summary.paragraphs.forEach(function (s) { ol.appendChild(spot(data, paras, s, names)); });
    out.appendChild(ol);
    out.appendChild(el("h2", t("group.answered_head_" + summary.which), "prt-group-answered"));
    out.appendChild(el("p", t("group.counting_" + summary.which), "prt-group-counting"));
    if (summary.which === "first" && summary.noFirsts) { out.appendChild(el("p", t("group.no_first", { n: summary.noFirsts }))); }
    summary.questions.forEach(function (q) { out.appendChild(question(data, q, names)); });
  }

  /* The dropped files, kept in this browser: a promise of the kept list ([] when the
   * browser keeps nothing), and a function that keeps a new list. */
  function keeper() {
    var base = new Promise(function (resolve) {
      var request;
      try { request = window.indexedDB.open(DB, 1); } catch (e) { resolve(null); return; }
      window.setTimeout(function () { resolve(null); }, 5000);
      request.onupgradeneeded = function () { request.result.createObjectStore(TABLE); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = request.onblocked = function () { resolve(null); };
    });
    /* Resolves to what `work` gave once the transaction is committed, or to null when the
     * browser refused it. */
    function tx(mode, work) {
      return base.then(function (db) {
        if (!db) { return null; }
        return new Promise(function (resolve) {
          var store, x, result = true;
          try { x = db.transaction(TABLE, mode); store = x.objectStore(TABLE); } catch (e) { resolve(null); return; }
          work(store, function (value) { result = value; });
          x.oncomplete = function () { resolve(result); };
          x.onabort = x.onerror = function () { resolve(null); };
        });
      });
    }
    return {
      load: function () {
        return tx("readonly", function (store, give) { store.get(KEY).onsuccess = function (ev) { give(ev.target.result); }; })
          .then(function (files) { return Array.isArray(files) ? files : []; });
      },
      keep: function (files) { return tx("readwrite", function (store) { store.put(files, KEY); }); }
    };
  }

  function start() {
    var box = document.querySelector(".prt-group");
    if (!box || !A) { return; }
    var data = JSON.parse(box.querySelector(".prt-ma-data").textContent), files = [];
    var paraBlock = box.querySelector(".prt-group-paras"), paras = paraBlock ? JSON.parse(paraBlock.textContent) : {};
    var names = box.querySelector(".prt-group-names"), input = box.querySelector(".prt-group-files");
    var drop = box.querySelector(".prt-group-drop"), kept = keeper(), status = box.querySelector(".prt-group-kept");
    var whichBoxes = box.querySelectorAll("input[name=prt-group-which]");
    function which() {
      var picked = box.querySelector("input[name=prt-group-which]:checked");
      return picked ? picked.value : "last";
    }
    function update() {
      var group = collect(data.exercises, files);
      render(box, data, paras, group, summarize(data.exercises, group, which()), names.checked);
    }
    function keep() {
      return kept.keep(files).then(function (done) {
        status.textContent = files.length ? t(done === null ? "group.not_kept" : "group.kept", { n: files.length }) : "";
      });
    }
    function add(list) {
      Promise.all(Array.prototype.map.call(list, function (f) {
        return f.text().then(function (text) { return { name: f.name, text: text }; });
      })).then(function (read) { files = files.concat(read); update(); return keep(); });
    }
    input.addEventListener("change", function () { add(input.files); input.value = ""; });
    drop.addEventListener("dragover", function (ev) { ev.preventDefault(); drop.classList.add("prt-drop-over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("prt-drop-over"); });
    drop.addEventListener("drop", function (ev) { ev.preventDefault(); drop.classList.remove("prt-drop-over"); add(ev.dataTransfer.files); });
    names.addEventListener("change", update);
    Array.prototype.forEach.call(whichBoxes, function (r) { r.addEventListener("change", update); });
    box.querySelector(".prt-group-clear").addEventListener("click", function () {
      if (files.length && !window.confirm(t("group.clear_confirm", { n: files.length }))) { return; }
      files = []; update(); keep();
    });
    box.querySelector(".prt-group-print").addEventListener("click", function () { window.print(); });
    kept.load().then(function (earlier) {
      files = earlier.concat(files);
      if (files.length) { update(); status.textContent = t("group.kept", { n: files.length }); }
      box.classList.add("prt-group-ready");
    });
  }
  window.PRTGroup = { collect: collect, summarize: summarize };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
