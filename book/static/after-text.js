/* Permanent Revolution Today: the page's scripts, which it names in this loader's data-src,
 * fetched only now that its text is in (book/scripts_after.py put this loader in their
 * place). A deferred tag of their own would have had the browser fetch each as soon as it
 * read the tag, sharing a phone's link with the HTML and stylesheets the first paint
 * waits for. Added in order (async = false) and before the page's load event; each waits
 * for the document itself, as their deferred tags let them. */
(function () {
  "use strict";
  var me = document.currentScript;
  (me.getAttribute("data-src") || "").split(" ").forEach(function (src) {
    if (!src) { return; }
    var script = document.createElement("script");
    script.src = src;
    script.async = false;
    document.body.appendChild(script);
  });
})();
