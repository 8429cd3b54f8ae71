/* Permanent Revolution Today, facilitator edition: what only the facilitator sees.
 * A banner on every page (this is the facilitator edition; the group page; the printed
 * session sheets with keys), and under
 * every exercise its answer key and facilitator note, folded so that a projected page
 * shows them only when the facilitator opens them. Data: facilitator-data.js. */
(function () {
  "use strict";
  var data = window.PRT_FACILITATOR;
  var el = window.PRT.el, t = window.PRT.t;
  function start() {
    if (!data) { return; }
    var article = document.querySelector(".bd-article");
    if (article) {
      var banner = el("p", t("facilitator.banner"), "prt-fac-banner");
      var link = el("a", t("facilitator.group_link"));
      link.href = data.root + "group.html";
      banner.appendChild(link);
      banner.appendChild(document.createTextNode(" · "));
      var sheets = el("a", t("facilitator.sheets_link"));
      sheets.href = data.root + "handouts.html";
      banner.appendChild(sheets);
      article.insertBefore(banner, article.firstChild);
    }
  }
  function addKey(box) {
    var key = data && data.keys[box.getAttribute("data-exercise")];
    if (!key) { return; }
    var details = el("details", "", "prt-answer-key");
    details.appendChild(el("summary", t("facilitator.key")));
    var ul = el("ul");
    key.lines.forEach(function (line) { ul.appendChild(el("li", line)); });
    details.appendChild(ul);
    if (key.note) { details.appendChild(el("p", t("facilitator.note", { note: key.note }))); }
    box.appendChild(details);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
  /* A chapter's exercises arrive when their fold is shown (book/later.py). */
  window.PRT.each(".prt-exercise[data-exercise]", addKey);
})();
