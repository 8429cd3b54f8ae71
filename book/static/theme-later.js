/* Permanent Revolution Today: the theme's scripts (Bootstrap, pydata-sphinx-theme), which
 * the page names in this script's data-src, fetched only now that the text is in: the
 * page's build (book/sphinxext/lighten.py) put this loader in their place. Added in order
 * and before the page's load event, as their own deferred tags would have run them;
 * both wait for the document themselves. */
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
