/* Permanent Revolution Today: a reader's flags and notes on paragraphs.
 * Beside each ¶ number a small flag button opens, under the paragraph, a form: "I don't
 * understand this", "I want to discuss this", and a short note. They stay on this device
 * ("prt-para:<chapter>:<n>"), show on the paragraph, and travel in the answer file
 * (My answers) so a facilitator can see before the meeting what confused the group. */
(function () {
  "use strict";
  var PREFIX = "prt-para:", S = window.PRT.store;
  var t = window.PRT.t, FLAGS = [["confused", t("flags.confused")], ["discuss", t("flags.discuss")]];
  var chapter = (window.location.pathname.split("/").pop() || "").replace(/\.html$/, "");

  var el = window.PRT.el;
  function load(n) {
    try { return JSON.parse(S.getItem(PREFIX + chapter + ":" + n)); } catch (e) { return null; }
  }
  function save(n, value) {
    try {
      if (value) { S.setItem(PREFIX + chapter + ":" + n, JSON.stringify(value)); }
      else { S.removeItem(PREFIX + chapter + ":" + n); }
      return true;
    } catch (e) { return false; }
  }

  function badge(para, n) {
    var old = para.querySelector(".prt-flag-badge"), spot = load(n), button = para.querySelector(".prt-flag-btn");
    if (old) { old.remove(); }
    button.classList.toggle("prt-flagged", !!spot);
    if (!spot) { return; }
    var words = FLAGS.filter(function (f) { return f[0] === spot.flag; }).map(function (f) { return f[1]; });
    if (spot.note) { words.push(t("flags.quoted", { note: spot.note })); }
    para.appendChild(el("span", t("flags.yours", { words: words.join(" · ") }), "prt-flag-badge"));
  }

  function editor(para, n, button) {
    var form = el("form", "", "prt-flag-form"), spot = load(n) || { flag: null, note: "" };
    form.id = "prt-flag-form-" + n;
    form.setAttribute("aria-label", t("flags.form", { n: n }));
    var choice = spot.flag, toggles = FLAGS.map(function (f) {
      var t = el("button", f[1], "prt-flag-toggle");
      t.type = "button";
      t.setAttribute("aria-pressed", String(choice === f[0]));
      t.addEventListener("click", function () {
        choice = choice === f[0] ? null : f[0];
        toggles.forEach(function (o, i) { o.setAttribute("aria-pressed", String(choice === FLAGS[i][0])); });
      });
      form.appendChild(t);
      return t;
    });
    var label = el("label", t("flags.note")), note = el("textarea");
    note.id = "prt-flag-note-" + n; label.htmlFor = note.id; note.rows = 2; note.maxLength = 2000; note.value = spot.note || "";
    form.appendChild(label); form.appendChild(note);
    var status = el("p", "", "prt-flag-status");
    status.setAttribute("role", "status");
    var ok = el("button", t("flags.save"), "prt-flag-save"), close = el("button", t("common.close"), "prt-flag-close");
    ok.type = "submit"; close.type = "button";
    form.appendChild(ok); form.appendChild(close); form.appendChild(status);
    function shut() { form.remove(); button.setAttribute("aria-expanded", "false"); button.focus(); }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = note.value.trim(), value = choice || text ? { flag: choice, note: text, time: new Date().toISOString() } : null;
      if (!save(n, value)) {
        status.textContent = t("flags.not_kept");
        status.className = "prt-flag-status prt-wrong";
        return;
      }
      badge(para, n);
      shut();
    });
    close.addEventListener("click", shut);
    form.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { shut(); } });
    para.insertAdjacentElement("afterend", form);
    button.setAttribute("aria-expanded", "true");
    toggles[0].focus();
  }

  function start() {
    document.querySelectorAll(".bd-article p.prt-para, .bd-article .prt-para").forEach(function (para) {
      var number = para.querySelector("a.prt-pnum"), n = para.id.replace(/^p/, "");
      if (!number || !/^\d+$/.test(n)) { return; }
      var button = el("button", "", "prt-flag-btn");
      button.type = "button";
      button.innerHTML = '<span aria-hidden="true">⚑</span>';
      button.setAttribute("aria-label", t("flags.open", { n: n }));
      button.setAttribute("aria-expanded", "false");
      button.setAttribute("aria-controls", "prt-flag-form-" + n);
      button.addEventListener("click", function () {
        var open = document.getElementById("prt-flag-form-" + n);
        if (open) { open.remove(); button.setAttribute("aria-expanded", "false"); } else { editor(para, n, button); }
      });
      number.insertAdjacentElement("afterend", button);
      badge(para, n);
      document.addEventListener("prt-store-restored", function () { badge(para, n); });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
