/* Permanent Revolution Today: where a reader left off in a chapter.
 * As the reader scrolls through the article, the ¶ at the top of the screen is kept on
 * this device ("prt-read:<chapter>" = its number, through PRT.store). When the chapter
 * opens again, the line under the jump bar, "Start reading at ¶1" as built, becomes
 * "Continue at ¶12", a link to that ¶. The page never scrolls by itself, and the line
 * has the same one-line space either way (reader.css), so nothing moves as it changes. */
(function () {
  "use strict";
  var S = window.PRT.store, t = window.PRT.t, PREFIX = "prt-read:", TOP = 80, QUIET = 800;
  var chapter = (window.location.pathname.split("/").pop() || "").replace(/\.html$/, "");

  function kept() {
    try { var n = JSON.parse(S.getItem(PREFIX + chapter)); return typeof n === "number" && n > 0 ? n : 0; }
    catch (e) { return 0; }
  }

  function offer(link) {
    var n = kept();
    if (n > 1 && document.getElementById("p" + n)) {
      link.href = "#p" + n;
      link.textContent = t("before.continue", { n: n });
      link.setAttribute("aria-label", t("before.continue_label", { n: n }));
      link.classList.add("prt-continue-kept");
    }
  }

  /* The ¶ whose top is the last above the screen's top edge (under the header), while the
   * article is on screen; 0 above or below it. */
  function atTop(paras) {
    var lo = 0, hi = paras.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (paras[mid].getBoundingClientRect().top <= TOP) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    if (found < 0 || paras[found].getBoundingClientRect().bottom < 0) { return 0; }
    return Number(paras[found].id.slice(1));
  }

  function start() {
    var link = document.querySelector(".prt-continue-link");
    var paras = Array.prototype.filter.call(document.querySelectorAll(".bd-article .prt-para[id]"),
      function (p) { return /^p\d+$/.test(p.id); });
    if (!link || !paras.length) { return; }
    offer(link);
    document.addEventListener("prt-store-restored", function () { offer(link); });
    var timer = null, last = kept();
    window.addEventListener("scroll", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var n = atTop(paras);
        if (!n || n === last) { return; }
        try { S.setItem(PREFIX + chapter, JSON.stringify(n)); last = n; } catch (e) { /* not kept: nothing to offer next time */ }
      }, QUIET);
    }, { passive: true });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
