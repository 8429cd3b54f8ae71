/* Permanent Revolution Today: a chapter that works on a phone.
 * The blocks marked prt-fold are folded in the HTML, at build time (book/sphinxext/
 * anatomy.py): heading, a "Show" button, then div.prt-fold-body. On a narrow screen with
 * scripts on, reader.css shows only the heading and the button (html[data-mode] is set
 * by the theme's first inline script, before the first paint), so nothing moves once the
 * page is drawn. This script answers the button, and opens a folded block that a jump
 * (the jump bar, a link from elsewhere) leads into. Wide screens and print show all. */
(function () {
  "use strict";
  var NARROW = "(max-width: 767.98px)";

  function set(section, open) {
    var button = section.querySelector(":scope > .prt-fold-toggle");
    section.classList.toggle("prt-open", open);
    section.classList.toggle("prt-shut", !open);
    if (!button) { return; }
    button.setAttribute("aria-expanded", String(open));
    button.textContent = button.getAttribute(open ? "data-hide" : "data-show");
    button.setAttribute("aria-label", button.getAttribute(open ? "data-hide-label" : "data-show-label"));
  }

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var section = target && target.closest("section.prt-fold");
    if (!section || section.classList.contains("prt-open")) { return; }
    set(section, true);
    if (window.matchMedia(NARROW).matches) { target.scrollIntoView(); }
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest && ev.target.closest(".prt-fold-toggle");
    if (button) { set(button.parentNode, !button.parentNode.classList.contains("prt-open")); }
  });
  window.addEventListener("hashchange", openTarget);
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", openTarget); } else { openTarget(); }
})();
