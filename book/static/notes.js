/* Permanent Revolution Today: margin notes that wait to be asked.
 * On a narrow screen (no margin beside the text) each note becomes a small button at
 * its paragraph, "Note: <title>", that opens the note in place and closes it again;
 * notes start closed, so the argument reads without interruption. Consecutive notes
 * share one row of buttons. On a wide screen every note sits in the margin beside its
 * paragraph, in text order; a long note shows its first lines and a "More" button, so
 * dense notes do not push the next ones far below their own paragraphs.
 * With scripts off every note is simply shown. */
(function () {
  "use strict";
  var NARROW = "(max-width: 991.98px)", NOTE = "aside.margin, .sidebar.margin";
  var made = [];

  function title(note) {
    var t = note.querySelector(".sidebar-title");
    return t ? t.textContent.trim() : "note";
  }

  function marker(note, n) {
    if (!note.id) { note.id = "prt-note-" + n; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "prt-note-marker";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", note.id);
    button.innerHTML = '<span aria-hidden="true">+</span> ';
    button.appendChild(document.createTextNode("Note: " + title(note)));
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", String(open));
      button.firstChild.textContent = open ? "−" : "+";
      note.hidden = !open;
    });
    return button;
  }

  function narrow(notes) {
    var row = null, last = null;
    notes.forEach(function (note, n) {
      if (!row || last !== note.previousElementSibling) {
        row = document.createElement("div");
        row.className = "prt-note-markers";
        note.parentNode.insertBefore(row, note);
        made.push(row);
      }
      /* The buttons come first, their notes open below the whole row. */
      row.appendChild(marker(note, n));
      note.hidden = true;
      last = note;
    });
  }

  function wide(notes) {
    notes.forEach(function (note) {
      note.classList.add("prt-note-clamp");
      if (note.scrollHeight <= note.clientHeight + 2) { note.classList.remove("prt-note-clamp"); return; }
      var more = document.createElement("button");
      more.type = "button";
      more.className = "prt-note-more";
      more.textContent = "More";
      more.setAttribute("aria-expanded", "false");
      more.addEventListener("click", function () {
        var open = note.classList.toggle("prt-note-clamp") === false;
        more.textContent = open ? "Less" : "More";
        more.setAttribute("aria-expanded", String(open));
      });
      note.appendChild(more);
      made.push(more);
    });
  }

  function layout() {
    made.forEach(function (node) { node.remove(); });
    made = [];
    var notes = Array.prototype.slice.call(document.querySelectorAll(".bd-article " + NOTE.split(", ").join(", .bd-article ")));
    notes.forEach(function (note) { note.hidden = false; note.classList.remove("prt-note-clamp"); });
    if (window.matchMedia(NARROW).matches) { narrow(notes); } else { wide(notes); }
  }

  function start() {
    layout();
    window.matchMedia(NARROW).addEventListener("change", layout);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
