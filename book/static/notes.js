/* Permanent Revolution Today: margin notes that wait to be asked.
 * On a narrow screen (no margin beside the text) each note has a small button at its
 * paragraph, "Note: <title>", that opens the note in place and closes it again; notes
 * start closed, so the argument reads without interruption. Consecutive notes share one
 * row of buttons. The buttons are made at build time (book/sphinxext/margin.py) and the
 * notes folded by reader.css, so nothing moves after the first paint. On a wide screen every note sits in the margin beside its
 * paragraph, in text order; where notes are dense, a note shows what fits before the
 * next note's paragraph and a "More" button, so no note is pushed far below its own.
 * With scripts off every note is simply shown. */
(function () {
  "use strict";
  var NARROW = "(max-width: 991.98px)", NOTE = "aside.margin, .sidebar.margin";
  var made = [], t = window.PRT.t;
  /* How far below its paragraph's top a note may start; the "More" button's height with
   * the 12 px above it (reader.css); the least text worth showing before "More" (else
   * the title alone). */
  var SLACK = 60, BUTTON = 46, LINES = 60;

  function title(note) {
    var head = note.querySelector(".sidebar-title");
    return head ? head.textContent.trim() : t("note.untitled");
  }

  /* A narrow screen's buttons are in the HTML (book/sphinxext/margin.py), and reader.css
   * hides the notes they control: a button only opens and closes its note. */
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest(".prt-note-marker");
    var note = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!note) { return; }
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    button.firstChild.textContent = open ? "\u2212" : "+";
    note.classList.toggle("prt-open", open);
  });

  /* The text a note explains: the next element that is not a note (else the last before). */
  function anchorOf(note) {
    var el = note.nextElementSibling;
    while (el && el.matches(NOTE)) { el = el.nextElementSibling; }
    if (el) { return el; }
    el = note.previousElementSibling;
    while (el && el.matches(NOTE)) { el = el.previousElementSibling; }
    return el;
  }
  function top(el) { return el.getBoundingClientRect().top + window.scrollY; }

  function moreButton(note, body) {
    var more = document.createElement("button");
    more.type = "button";
    more.className = "prt-note-more";
    function label(open) {
      more.textContent = t(open ? "note.less" : "note.more");
      more.setAttribute("aria-label", t(open ? "note.less_of" : "note.more_of", { title: title(note) }));
      more.setAttribute("aria-expanded", String(open));
    }
    more.addEventListener("click", function () {
      var open = note.classList.toggle("prt-note-clamp") === false;
      note.classList.toggle("prt-note-titleonly", !open && body.getAttribute("data-titleonly") === "true");
      body.style.maxHeight = open ? "" : body.getAttribute("data-clamp");
      label(open);
    });
    label(false);
    return more;
  }

  /* Floats stack: a long note pushes the next ones below their own paragraphs. Each note
   * is shortened, in text order, to the room left before the next note's paragraph
   * (at least its title and a "More" button), so every note starts beside its text. */
  function wide(notes) {
    var bodies = notes.map(function (note) {
      var body = document.createElement("div");
      body.className = "prt-note-body";
      while (note.firstChild) { body.appendChild(note.firstChild); }
      note.appendChild(body);
      made.push({ undo: function () {
        while (body.firstChild) { note.insertBefore(body.firstChild, body); }
        body.remove(); body.style.maxHeight = ""; note.classList.remove("prt-note-clamp", "prt-note-titleonly");
      } });
      return body;
    });
    notes.forEach(function (note, i) {
      var next = notes[i + 1], anchor = next && anchorOf(next);
      if (!anchor) { return; }
      var room = top(anchor) + SLACK - BUTTON - top(bodies[i]);
      if (bodies[i].scrollHeight <= room) { return; }
      var heading = note.querySelector(".sidebar-title");
      note.classList.add("prt-note-clamp");
      var floor = heading ? heading.getBoundingClientRect().bottom + window.scrollY - top(bodies[i]) : 0;
      var titleOnly = room < floor + LINES;
      if (titleOnly) {
        /* "More" moves beside the title, which may then wrap: measure it again. */
        note.classList.add("prt-note-titleonly");
        floor = heading ? heading.getBoundingClientRect().bottom + window.scrollY - top(bodies[i]) : 0;
      }
      var height = Math.ceil(titleOnly ? floor : room) + "px";
      bodies[i].style.maxHeight = height;
      bodies[i].setAttribute("data-clamp", height);
      bodies[i].setAttribute("data-titleonly", String(titleOnly));
      var more = moreButton(note, bodies[i]);
      note.appendChild(more);
      made.push(more);
    });
  }

  function layout() {
    made.forEach(function (node) { if (node.undo) { node.undo(); } else { node.remove(); } });
    made = [];
    if (window.matchMedia(NARROW).matches) { return; }
    wide(Array.prototype.slice.call(document.querySelectorAll(".bd-article " + NOTE.split(", ").join(", .bd-article "))));
  }

  function start() {
    /* The width is read at the first resize, not here: reading it now would make the
     * browser lay out the whole chapter inside this script, a long task on a phone. */
    var width = -1, timer = null;
    if (!window.matchMedia(NARROW).matches) { layout(); }
    window.matchMedia(NARROW).addEventListener("change", layout);
    /* The room beside each paragraph changes with the width of the text. */
    window.addEventListener("resize", function () {
      if (window.innerWidth === width) { return; }
      width = window.innerWidth;
      clearTimeout(timer);
      timer = setTimeout(layout, 150);
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
