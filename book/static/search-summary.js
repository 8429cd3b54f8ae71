/* Permanent Revolution Today: search result snippets where the browser allows them.
 * Sphinx fetches each hit's page to show a few lines of it; a browser opening the book
 * from file:// (a USB stick) refuses that fetch, so snippets are asked for only when
 * the book is served over http(s). Loaded by the search page alone, after
 * documentation_options.js and before searchtools.js, so its DOMContentLoaded listener
 * runs before the search starts. */
(function () {
  "use strict";
  /* documentation_options.js declares it with const: a global binding, not a window property. */
  if (typeof DOCUMENTATION_OPTIONS !== "undefined") {
    DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = window.location.protocol !== "file:";
  }
  /* Words written only for screen readers (".prt-sr", e.g. "(opens another website)")
   * are not part of the text a snippet quotes: Sphinx takes the page's textContent. */
  document.addEventListener("DOMContentLoaded", function () {
    if (typeof Search === "undefined" || !Search.htmlToText) { return; }
    var toText = Search.htmlToText;
    Search.htmlToText = function (html, anchor) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      doc.querySelectorAll(".prt-sr").forEach(function (el) { el.remove(); });
      return toText(doc.documentElement.outerHTML, anchor);
    };
  });
})();
