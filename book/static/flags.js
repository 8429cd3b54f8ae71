/* Permanent Revolution Today: a reader's flags and notes on paragraphs.
 * Beside each ¶ number a small flag button opens, under the paragraph, a form: "I don't
 * understand this", "I want to discuss this", and a short note. They stay on this device
 * ("prt-para:<chapter>:<n>"), show on the paragraph, and travel in the answer file
 * (My answers) so a facilitator can see before the meeting what confused the group.
 * A flag is kept the moment it is chosen and a note as it is typed: Close, Escape or a
 * second tap on the button never throws either away (Save only closes, saying it is kept).
 * Each kind has its own mark, drawn by reader.css from data-flag: "?" in a circle for
 * "I don't understand this", a speech bubble for "I want to discuss this", a page for a
 * note alone; with its own colour and, for screen readers, the words in the badge. */
(function () {
  "use strict";
  var PREFIX = "prt-para:", S = window.PRT.store, WORDS = 10;
  var t = window.PRT.t, FLAGS = [["confused", t("flags.confused")], ["discuss", t("flags.discuss")]];
  var chapter = (window.location.pathname.split("/").pop() || "").replace(/\.html$/, "");

  var el = window.PRT.el;
  function mark() { var m = el("span", "", "prt-mark"); m.setAttribute("aria-hidden", "true"); return m; }
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
  /* The paragraph's first words, kept with the flag so My answers can quote them. */
  function firstWords(para) {
    var copy = para.cloneNode(true);
    copy.querySelectorAll(".prt-pnum, .prt-flag-btn, .prt-flag-badge, .prt-sr").forEach(function (x) { x.remove(); });
    var words = copy.textContent.trim().split(/\s+/).filter(Boolean);
    return words.slice(0, WORDS).join(" ") + (words.length > WORDS ? " …" : "");
  }
  function kind(spot) { return !spot ? "" : spot.flag || "note"; }

  function badge(para, n) {
    var old = para.querySelector(".prt-flag-badge"), spot = load(n), button = para.querySelector(".prt-flag-btn");
    if (old) { old.remove(); }
    button.classList.toggle("prt-flagged", !!spot);
    button.setAttribute("data-flag", kind(spot));
    if (!spot) { button.removeAttribute("aria-describedby"); return; }
    var words = FLAGS.filter(function (f) { return f[0] === spot.flag; }).map(function (f) { return f[1]; });
    if (spot.note) { words.push(t("flags.quoted", { note: spot.note })); }
    var shown = el("span", "", "prt-flag-badge");
    shown.id = "prt-flag-badge-" + n;
    shown.setAttribute("data-flag", kind(spot));
    shown.appendChild(mark());
    shown.appendChild(document.createTextNode(" " + t(spot.flag ? "flags.yours" : "flags.your_note", { words: words.join(" · ") })));
    para.appendChild(shown);
    button.setAttribute("aria-describedby", shown.id);
  }

  function editor(para, n, button) {
    var form = el("form", "", "prt-flag-form"), spot = load(n) || { flag: null, note: "" };
    form.id = "prt-flag-form-" + n;
    form.setAttribute("aria-label", t("flags.form", { n: n }));
    var choice = spot.flag, status = el("p", "", "prt-flag-status");
    status.setAttribute("role", "status");
    var label = el("label", t("flags.note")), note = el("textarea");
    /* Kept as it changes: what the reader chose is on the device before any Close. */
    function keep(said) {
      var text = note.value.trim(), value = choice || text ?
        { flag: choice, note: text, time: new Date().toISOString(), words: firstWords(para) } : null;
      if (!save(n, value)) {
        status.textContent = t("flags.not_kept");
        status.className = "prt-flag-status prt-wrong";
        return false;
      }
      status.className = "prt-flag-status";
      status.textContent = said && value ? t("flags.kept") : "";
      badge(para, n);
      return true;
    }
    var toggles = FLAGS.map(function (f) {
      var toggle = el("button", "", "prt-flag-toggle");
      toggle.type = "button";
      toggle.setAttribute("data-flag", f[0]);
      toggle.appendChild(mark());
      toggle.appendChild(document.createTextNode(" " + f[1]));
      toggle.setAttribute("aria-pressed", String(choice === f[0]));
      toggle.addEventListener("click", function () {
        choice = choice === f[0] ? null : f[0];
        toggles.forEach(function (o, i) { o.setAttribute("aria-pressed", String(choice === FLAGS[i][0])); });
        keep(true);
      });
      form.appendChild(toggle);
      return toggle;
    });
    note.id = "prt-flag-note-" + n; label.htmlFor = note.id; note.rows = 2; note.maxLength = 2000; note.value = spot.note || "";
    note.addEventListener("input", function () { keep(false); });
    form.appendChild(label); form.appendChild(note);
    var ok = el("button", t("flags.save"), "prt-flag-save"), close = el("button", t("common.close"), "prt-flag-close");
    ok.type = "submit"; close.type = "button";
    form.appendChild(ok); form.appendChild(close); form.appendChild(status);
    function shut() {
      if (!keep(false)) { return; }  /* the "not kept" notice stays in view */
      form.remove(); button.removeAttribute("aria-controls"); button.setAttribute("aria-expanded", "false"); button.focus();
    }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); shut(); });
    close.addEventListener("click", shut);
    form.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { shut(); } });
    form.shut = shut;
    para.insertAdjacentElement("afterend", form);
    button.setAttribute("aria-controls", form.id);
    button.setAttribute("aria-expanded", "true");
    toggles[0].focus();
  }

  /* The buttons are in the HTML (book/sphinxext/article.py, beside each ¶ number): this
   * only answers them, and marks the paragraphs this device has flagged or noted. */
  function paraOf(button) {
    var para = button.closest(".prt-para"), n = para && para.id.replace(/^p/, "");
    return para && /^\d+$/.test(n) ? { para: para, n: n } : null;
  }
  function marks() {
    var prefix = PREFIX + chapter + ":", n;
    for (var i = 0; i < S.length; i += 1) {
      var key = S.key(i);
      if (key && key.indexOf(prefix) === 0 && /^\d+$/.test(n = key.slice(prefix.length))) {
        var para = document.getElementById("p" + n);
        if (para && para.querySelector(".prt-flag-btn")) { badge(para, n); }
      }
    }
  }
  function start() {
    document.addEventListener("click", function (ev) {
      var button = ev.target.closest && ev.target.closest(".bd-article .prt-para .prt-flag-btn"), at = button && paraOf(button);
      if (!at) { return; }
      var open = document.getElementById("prt-flag-form-" + at.n);
      if (open) { open.shut(); } else { editor(at.para, at.n, button); }
    });
    marks();
    /* Restored from IndexedDB: every paragraph again, since a mark may have gone too. */
    document.addEventListener("prt-store-restored", function () {
      document.querySelectorAll(".bd-article .prt-para .prt-flag-btn.prt-flagged").forEach(function (b) {
        var at = paraOf(b); if (at) { badge(at.para, at.n); }
      });
      marks();
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
