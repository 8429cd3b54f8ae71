/* Permanent Revolution Today: "My answers" - everything this book stored on this device.
 * Lists it per chapter; exports it as an answer file (the reader picks a pseudonym);
 * imports one (a new phone), adding what is new and asking before it replaces anything;
 * copies or prints it as text; erases it all, after asking. Uses answer-file.js. */
(function () {
  "use strict";
  var A = window.PRTAnswers, t = window.PRT.t;

  var el = window.PRT.el;
  function say(node, text, bad) { node.textContent = text; node.classList.toggle("prt-wrong", !!bad); }

  function readable(entry, a) {
    switch (entry.kind) {
      case "choice": return a.chosen.join("; ");
      case "ordering": return a.order.map(function (id) { return entry.titles[id] || id; }).join(" → ");
      case "matching": return Object.keys(a.pairs).map(function (l) { return l + " → " + a.pairs[l]; }).join("\n");
      case "short": return a.text + (a.ticks.length ? "\n" + t("answers.ticked", { n: a.ticks.length }) : "");
      case "bridge": return (a.grievance || t("answers.no_grievance")) + ": " + [a.immediate, a.transitional, a.goal].join(" → ");
      case "discussion": return a.notes;
      case "ledger": return t("answers.ledger_rows", { n: a.rows.length });
    }
    return "";
  }
  var FLAGS = { confused: t("flags.confused"), discuss: t("flags.discuss") };

  function start() {
    var box = document.querySelector(".prt-my-answers");
    if (!box || !A) { return; }
    var data = JSON.parse(box.querySelector(".prt-ma-data").textContent);
    var list = box.querySelector(".prt-ma-list"), status = box.querySelector(".prt-ma-status");
    var storage = window.PRT.store, writable = storage.writable;
    if (!storage.available) { say(status, t("answers.no_storage"), true); return; }
    box.classList.add("prt-ma-ready");

    function current() { return A.collect(data.exercises, storage, "me", "", data.version, new Date().toISOString(), { "private": true }); }

    function draw() {
      var file = current();
      list.textContent = "";
      Object.keys(data.chapters).forEach(function (ch) {
        var answers = file.answers.filter(function (a) { return a.chapter === ch; });
        var notes = file.notes.filter(function (n) { return n.chapter === ch; });
        if (!answers.length && !notes.length) { return; }
        var section = el("section", "", "prt-ma-chapter");
        section.appendChild(el("h2", data.chapters[ch]));
        var ul = el("ul");
        answers.forEach(function (a) {
          var entry = data.exercises[a.exercise], li = el("li"), link = el("a", entry.title);
          link.href = "exercises/" + ch + ".html#ex-" + a.exercise;
          li.appendChild(link);
          li.appendChild(el("p", readable(entry, a.answer), "prt-ma-answer"));
          ul.appendChild(li);
        });
        notes.forEach(function (n) {
          var li = el("li"), link = el("a", "¶" + n.paragraph);
          link.href = "chapters/" + ch + ".html#p" + n.paragraph;
          li.appendChild(link);
          li.appendChild(document.createTextNode(" " + [n.flag ? FLAGS[n.flag] : "", n.note].filter(Boolean).join(": ")));
          ul.appendChild(li);
        });
        section.appendChild(ul);
        list.appendChild(section);
      });
      var stored = file.answers.length || file.notes.length ?
        t("answers.stored", { answers: file.answers.length, notes: file.notes.length }) : t("answers.nothing");
      say(status, (writable ? "" : t("answers.not_kept") + " ") + stored, !writable);
      return file;
    }

    box.querySelector(".prt-ma-export").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var name = box.querySelector(".prt-ma-pseudonym").value.trim(), out = box.querySelector(".prt-ma-export-status");
      if (!name) { say(out, t("answers.pseudonym_first"), true); return; }
      var now = new Date(), id;
      try { id = A.memberId(storage, function (n) { return Array.prototype.slice.call(window.crypto.getRandomValues(new Uint32Array(n))); }); }
      catch (e) { id = ""; }  /* nothing can be kept: the file goes without a member id, as version 1 did */
      var file = A.collect(data.exercises, storage, name, box.querySelector(".prt-ma-session").value.trim(),
        data.version, now.toISOString());
      var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
      var link = box.querySelector(".prt-ma-download");
      link.href = URL.createObjectURL(blob);
      link.download = A.fileName(name, now.toISOString().slice(0, 10), id);
      link.hidden = false;
      link.click();
      say(out, t("answers.exported", { file: link.download, answers: file.answers.length, notes: file.notes.length }));
    });

    box.querySelector(".prt-ma-import").addEventListener("change", function (ev) {
      var out = box.querySelector(".prt-ma-import-status"), chosen = ev.target.files && ev.target.files[0];
      if (!chosen) { return; }
      chosen.text().then(function (text) {
        var plan;
        try { plan = A.plan(data.exercises, storage, JSON.parse(text)); }
        catch (e) {
          say(out, t("answers.unreadable", { file: chosen.name, why: e instanceof SyntaxError ? t("answers.not_a_file") : e.message }), true);
          return;
        }
        var replace = plan.replace.length && window.confirm(t("answers.differ", { n: plan.replace.length, file: chosen.name,
          list: plan.replace.map(function (r) { return "- " + r[2]; }).join("\n") }));
        plan.add.concat(replace ? plan.replace : []).forEach(function (r) { storage.setItem(r[0], JSON.stringify(r[1])); });
        if (plan.member) { storage.setItem(A.MEMBER, JSON.stringify(plan.member)); }
        say(out, t("answers.imported", { file: chosen.name, added: plan.add.length, replaced: replace ? plan.replace.length : 0,
          kept: replace ? 0 : plan.replace.length }) + (plan.misfits.length ? t("answers.not_used", { list: plan.misfits.join("; ") }) : ""),
          plan.misfits.length > 0);
        ev.target.value = "";
        draw();
      });
    });

    box.querySelector(".prt-ma-copy").addEventListener("click", function () {
      var out = box.querySelector(".prt-ma-copy-status"), text = list.innerText;
      var area = box.querySelector(".prt-ma-text");
      area.value = text; area.hidden = false; area.select();
      try { document.execCommand("copy"); say(out, t("answers.copied")); }
      catch (e) { say(out, t("answers.select")); }
    });
    box.querySelector(".prt-ma-print").addEventListener("click", function () { window.print(); });

    box.querySelector(".prt-ma-erase").addEventListener("click", function () {
      var out = box.querySelector(".prt-ma-erase-status");
      if (!window.confirm(t("answers.erase"))) { return; }
      A.keys(storage).filter(function (k) { return k.indexOf("prt-") === 0; }).forEach(function (k) { storage.removeItem(k); });
      draw();
      say(out, t("answers.erased"));
    });
    draw();
    document.addEventListener("prt-store-restored", draw);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
