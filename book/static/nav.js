/* Permanent Revolution Today: the site menu ("Chapters") and the in-page contents
 * ("On this page"). The theme opens and closes them (book/navigation.py makes its
 * handlers bind the visible buttons); this adds what a reader on a phone still lacked:
 * a Close button inside each panel, a panel that closes when one of its links is
 * followed (an in-page link would otherwise leave the panel over the text), and the
 * menu button's state announced on wide screens, where it hides the sidebar. */
(function () {
  "use strict";
  var WIDE = "(min-width: 992px)";

  function closeButton(dialog) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "prt-panel-close";
    button.textContent = "Close";
    button.addEventListener("click", function () { dialog.close(); });
    return button;
  }

  function panel(dialog) {
    if (!dialog) { return; }
    var close = closeButton(dialog);
    /* The theme moves the sidebar into the dialog when it opens: the button goes first. */
    new MutationObserver(function () {
      if (dialog.open && dialog.firstElementChild !== close) { dialog.insertBefore(close, dialog.firstChild); }
    }).observe(dialog, { attributes: true, attributeFilter: ["open"] });
    dialog.addEventListener("close", function () { if (close.parentNode) { close.remove(); } });
    dialog.addEventListener("click", function (ev) {
      var link = ev.target.closest && ev.target.closest("a[href]");
      if (link && dialog.open) { dialog.close(); }
    });
  }

  function menuState() {
    var toggle = document.querySelector(".bd-header-article .primary-toggle");
    var sidebar = document.getElementById("pst-primary-sidebar");
    if (!toggle || !sidebar) { return; }
    function update() {
      if (window.matchMedia(WIDE).matches) {
        toggle.removeAttribute("aria-haspopup");
        toggle.setAttribute("aria-expanded", String(!sidebar.classList.contains("pst-sidebar-hidden")));
      } else {
        toggle.setAttribute("aria-haspopup", "dialog");
        toggle.removeAttribute("aria-expanded");
      }
    }
    new MutationObserver(update).observe(sidebar, { attributes: true, attributeFilter: ["class"] });
    window.matchMedia(WIDE).addEventListener("change", update);
    update();
  }

  function start() {
    panel(document.getElementById("pst-primary-sidebar-modal"));
    panel(document.getElementById("pst-secondary-sidebar-modal"));
    menuState();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
