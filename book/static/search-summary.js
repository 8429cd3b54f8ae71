/* Permanent Revolution Today: search result snippets where the browser allows them.
 * Sphinx fetches each hit's page to show a few lines of it; a browser opening the book
 * from file:// (a USB stick) refuses that fetch, so snippets are asked for only when
 * the book is served over http(s). Loaded by the search page alone, after
 * documentation_options.js and before the search runs. */
(function () {
  "use strict";
  /* documentation_options.js declares it with const: a global binding, not a window property. */
  if (typeof DOCUMENTATION_OPTIONS !== "undefined") {
    DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = window.location.protocol !== "file:";
  }
})();
