/* Permanent Revolution Today: "My answers" - everything this book stored on this device.
 * First the send step: the answers and flags as text a member pastes into a chat with the
 * facilitator (per chapter, in words, the flags with their ¶ and first words, signed with
 * the pseudonym and the device's code), a Copy button, and the answer file beside it:
 * the phone's share menu where it takes the file (navigator.canShare), else a download,
 * with a line naming the file and what to do next. The discussion exercises' notes stay
 * out of both unless "Include my private notes" is ticked. Then: the list per chapter;
 * import (a new phone), adding what is new and asking before it replaces anything;
 * print; erase it all, after asking. Uses answer-file.js. */
(function () {
  "use strict";
  var A = window.PRTAnswers, t = window.PRT.t;

  var el = window.PRT.el;
  function say(node, text, bad) { node.textContent = text; node.classList.toggle("prt-wrong", !!bad); }

  /* The answers kept now: an exercise reset after its first answer has only that first
   * answer, which goes in the file (version 3) but is not listed as the member's answer. */
  function given(file) { return file.answers.filter(function (a) { return a.answer !== null && a.answer !== undefined; }); }
  /* An answer in words: its kind's readable (static/kinds/<kind>.js). */
  function readable(entry, a) { return A.kinds[entry.kind] ? A.kinds[entry.kind].readable(entry, a) : ""; }
  var FLAGS = { confused: t("flags.confused"), discuss: t("flags.discuss") };

  function start() {
    var box = document.querySelector(".prt-my-answers");
    if (!box || !A) { return; }
    var data = JSON.parse(box.querySelector(".prt-ma-data").textContent);
    var list = box.querySelector(".prt-ma-list"), status = box.querySelector(".prt-ma-status");
    var storage = window.PRT.store, writable = storage.writable;
    if (!storage.available) { box.classList.add("prt-ma-off"); say(status, t("answers.no_storage"), true); return; }
    box.classList.add("prt-ma-ready");

    function current() { return A.collect(data.exercises, storage, "me", "", data.version, new Date().toISOString(), { "private": true }); }

    function draw() {
      var file = current();
      list.textContent = "";
      Object.keys(data.chapters).forEach(function (ch) {
        var answers = given(file).filter(function (a) { return a.chapter === ch; });
        var notes = file.notes.filter(function (n) { return n.chapter === ch; });
        if (!answers.length && !notes.length) { return; }
        var section = el("section", "", "prt-ma-chapter");
        section.appendChild(el("h3", data.chapters[ch]));
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
      var stored = given(file).length || file.notes.length ?
        t("answers.stored", { answers: given(file).length, notes: file.notes.length }) : t("answers.nothing");
      say(status, (writable ? "" : t("answers.not_kept") + " ") + stored, !writable);
      box.querySelector(".prt-ma-list-head").hidden = !list.childNodes.length;
      if (summaryBox) { refresh(); }
      return file;
    }

    /* The send step. */
    var nameBox = box.querySelector(".prt-ma-pseudonym"), sessionBox = box.querySelector(".prt-ma-session");
    var privateBox = box.querySelector(".prt-ma-private"), summaryBox = box.querySelector(".prt-ma-summary");
    var sendButton = box.querySelector(".prt-ma-send-file"), sendOut = box.querySelector(".prt-ma-export-status");
    var copyOut = box.querySelector(".prt-ma-copy-status");
    function member() {
      try { return A.memberId(storage, function (n) { return Array.prototype.slice.call(window.crypto.getRandomValues(new Uint32Array(n))); }); }
      catch (e) { return ""; }  /* nothing can be kept: the file goes without a member id, as version 1 did */
    }
    function outgoing(now) {
      var name = nameBox.value.trim();
      if (name) { member(); }
      return A.collect(data.exercises, storage, name, sessionBox.value.trim(), data.version, now.toISOString(),
        { "private": privateBox.checked });
    }
    /* What the facilitator reads in the chat. */
    function summary(file) {
      var lines = [t("answers.summary_head", { name: file.pseudonym || t("answers.no_name"), code: A.code(file.member) || "—" })];
      if (file.session) { lines.push(t("answers.summary_session", { session: file.session })); }
      lines.push(t("answers.summary_day", { day: file.exported.slice(0, 10) }));
      if (privateBox.checked) { lines.push(t("answers.summary_private")); }
      if (!given(file).length && !file.notes.length) { lines.push("", t("answers.summary_none")); }
      Object.keys(data.chapters).forEach(function (ch) {
        var answers = given(file).filter(function (a) { return a.chapter === ch; });
        var notes = file.notes.filter(function (n) { return n.chapter === ch; });
        if (!answers.length && !notes.length) { return; }
        lines.push("", data.chapters[ch].toUpperCase());
        answers.forEach(function (a) {
          var entry = data.exercises[a.exercise], words = readable(entry, a.answer).split("\n");
          if (words.length === 1) { lines.push("• " + entry.title + ": " + words[0]); return; }
          lines.push("• " + entry.title + ":");
          words.forEach(function (w) { lines.push("   " + w); });
        });
        notes.forEach(function (n) {
          var spot = null;
          try { spot = JSON.parse(storage.getItem(A.PARA + ch + ":" + n.paragraph)); } catch (e) { spot = null; }
          var parts = [t("answers.summary_flag", { n: n.paragraph, flag: n.flag ? FLAGS[n.flag] : "" }).trim()];
          if (n.note) { parts.push(t("answers.summary_note", { note: n.note })); }
          if (spot && spot.words) { parts.push(t("answers.summary_words", { words: spot.words })); }
          lines.push("• " + parts.join(" "));
        });
      });
      return lines.join("\n");
    }
    function refresh() { summaryBox.value = summary(outgoing(new Date())); }
    [nameBox, sessionBox].forEach(function (input) { input.addEventListener("input", refresh); });
    privateBox.addEventListener("change", refresh);
    function shareable(file) {
      try { return !!(navigator.share && navigator.canShare && navigator.canShare({ files: [file] })); } catch (e) { return false; }
    }
    var canShare = typeof File === "function" && shareable(new File(["{}"], "answers.json", { type: "application/json" }));
    if (canShare) { sendButton.textContent = t("my_answers.share_file"); }

    box.querySelector(".prt-ma-copy").addEventListener("click", function () {
      if (!nameBox.value.trim()) { say(copyOut, t("answers.pseudonym_first"), true); nameBox.focus(); return; }
      refresh();
      var text = summaryBox.value;
      function byHand() {
        summaryBox.focus(); summaryBox.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        say(copyOut, t(ok ? "answers.copied" : "answers.select"));
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { say(copyOut, t("answers.copied")); }, byHand);
      } else { byHand(); }
    });

    sendButton.addEventListener("click", function () {
      var name = nameBox.value.trim();
      if (!name) { say(sendOut, t("answers.pseudonym_first"), true); nameBox.focus(); return; }
      var now = new Date(), id = member(), file = outgoing(now);
      summaryBox.value = summary(file);
      var fileName = A.fileName(name, now.toISOString().slice(0, 10), id);
      var text = JSON.stringify(file, null, 2) + "\n", counts = { file: fileName, answers: file.answers.length, notes: file.notes.length };
      function download() {
        var link = document.createElement("a");  /* never in the page: no link without an address */
        link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
        link.download = fileName;
        link.click();
        window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
        say(sendOut, t("answers.saved", counts));
      }
      var shared = typeof File === "function" ? new File([text], fileName, { type: "application/json" }) : null;
      if (shared && shareable(shared)) {
        navigator.share({ files: [shared], title: fileName }).then(function () { say(sendOut, t("answers.shared", counts)); },
          function (e) { if (e && e.name === "AbortError") { say(sendOut, t("answers.not_shared"), true); } else { download(); } });
      } else { download(); }
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
        plan.add.concat(replace ? plan.replace : [], plan.firsts).forEach(function (r) { storage.setItem(r[0], JSON.stringify(r[1])); });
        if (plan.member) { storage.setItem(A.MEMBER, JSON.stringify(plan.member)); }
        say(out, t("answers.imported", { file: chosen.name, added: plan.add.length, replaced: replace ? plan.replace.length : 0,
          kept: replace ? 0 : plan.replace.length }) + (plan.misfits.length ? t("answers.not_used", { list: plan.misfits.join("; ") }) : ""),
          plan.misfits.length > 0);
        ev.target.value = "";
        draw();
      });
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
