/* Permanent Revolution Today: search result snippets where the browser allows them.
 * Sphinx fetches each hit's page to show a few lines of it; a browser opening the book
 * from file:// (a USB stick) refuses that fetch, so snippets are asked for only when
 * the book is served over http(s). Loaded by the search page alone, after
 * documentation_options.js and before searchtools.js. */
(function () {
  "use strict";
  /* documentation_options.js declares it with const: a global binding, not a window property. */
  if (typeof DOCUMENTATION_OPTIONS !== "undefined") {
    DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = window.location.protocol !== "file:";
  }
  /* Words written only for screen readers (".prt-sr", e.g. "(opens another website)")
   * are not part of the text a snippet quotes: Sphinx takes the page's textContent. The
   * page's text is cleaned as it arrives, in this page's fetch (only searchtools.js
   * fetches here). Wrapping Search.htmlToText instead, once the document was parsed,
   * raced the search itself: searchtools.js starts as soon as it runs, and now and then
   * the first snippet was made before the wrapper was in. */
  function withoutScreenReaderWords(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var hidden = doc.querySelectorAll(".prt-sr");
    if (!hidden.length) { return html; }
    hidden.forEach(function (el) { el.remove(); });
    return "<!DOCTYPE html>" + doc.documentElement.outerHTML;
  }
  var fetchPage = window.fetch && window.fetch.bind(window);
  if (!fetchPage) { return; }
  window.fetch = function () {
    return fetchPage.apply(null, arguments).then(function (response) {
      var text = response.text.bind(response);
      response.text = function () { return text().then(withoutScreenReaderWords); };
      return response;
    });
  };
})();
