/* Permanent Revolution Today: the site menu ("Chapters") and the in-page contents
 * ("On this page"). The theme opens and closes them (book/navigation.py makes its
 * handlers bind the visible buttons); this adds what a reader on a phone still lacked:
 * a Close button inside each panel, a panel that closes when one of its links is
 * followed (an in-page link would otherwise leave the panel over the text), and the
 * menu button's state announced on wide screens, where it hides the sidebar. The theme
 * also takes the focus off a toggle when it is pressed (to drop a tooltip); a keyboard
 * reader then lost their place, so the focus goes back to the button (wide screens) or
 * returns to it when its panel closes. */
(function () {
  "use strict";
  var WIDE = "(min-width: 992px)", t = window.PRT.t;

  function closeButton(dialog) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "prt-panel-close";
    button.textContent = t("common.close");
    button.addEventListener("click", function () { dialog.close(); });
    return button;
  }

  function panel(dialog, toggle) {
    if (!dialog) { return; }
    dialog.addEventListener("close", function () {
      setTimeout(function () {
        if (toggle && (document.activeElement === document.body || !document.activeElement)) { toggle.focus(); }
      }, 0);
    });
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
    /* On the document, capturing: the theme's own handler stops the event at the button. */
    document.addEventListener("click", function (ev) {
      if (ev.detail === 0 && ev.target.closest && ev.target.closest(".primary-toggle") === toggle &&
          window.matchMedia(WIDE).matches) {
        setTimeout(function () { toggle.focus(); }, 0);
      }
    }, true);
    window.matchMedia(WIDE).addEventListener("change", update);
    update();
  }

  function start() {
    document.querySelectorAll("[data-prt-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    panel(document.getElementById("pst-primary-sidebar-modal"), document.querySelector(".bd-header-article .primary-toggle"));
    panel(document.getElementById("pst-secondary-sidebar-modal"), document.querySelector(".bd-header-article .secondary-toggle"));
    menuState();
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
