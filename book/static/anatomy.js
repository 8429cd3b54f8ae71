/* Permanent Revolution Today: a chapter that works on a phone.
 * On a narrow screen the blocks marked prt-fold at build time (book/anatomy.py: the
 * introduction and the long reference blocks) show their heading and a "Show" button;
 * the article starts near the top. A jump (the jump bar, a link from elsewhere) into a
 * folded block opens it. Wide screens and print show everything. */
(function () {
  "use strict";
  var NARROW = "(max-width: 767.98px)";
  var folds = [], t = window.PRT.t;

  function fold(section) {
    var heading = section.querySelector("h2, h3");
    if (!heading) { return null; }
    var body = document.createElement("div");
    body.className = "prt-fold-body";
    body.id = section.id + "-body";
    while (heading.nextSibling) { body.appendChild(heading.nextSibling); }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "prt-fold-toggle";
    button.setAttribute("aria-controls", body.id);
    var name = heading.textContent.replace(/#$/, "").trim();
    function set(open) {
      body.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      button.textContent = t(open ? "fold.hide" : "fold.show");
      button.setAttribute("aria-label", t(open ? "fold.hide_section" : "fold.show_section", { name: name }));
    }
    button.addEventListener("click", function () { set(body.hidden); });
    section.appendChild(button);
    section.appendChild(body);
    set(false);
    return { section: section, heading: heading, body: body, button: button, set: set };
  }

  function unfoldAll() {
    folds.forEach(function (f) {
      while (f.body.firstChild) { f.section.appendChild(f.body.firstChild); }
      f.body.remove(); f.button.remove();
    });
    folds = [];
  }

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    folds.forEach(function (f) {
      if (f.section === target || f.body.contains(target)) {
        if (f.body.hidden) { f.set(true); }
        target.scrollIntoView();
      }
    });
  }

  function layout() {
    unfoldAll();
    if (window.matchMedia(NARROW).matches) {
      document.querySelectorAll(".bd-article section.prt-fold").forEach(function (s) {
        var f = fold(s);
        if (f) { folds.push(f); }
      });
      openTarget();
    }
  }

  function start() {
    layout();
    window.matchMedia(NARROW).addEventListener("change", layout);
    window.addEventListener("hashchange", openTarget);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
