/* Permanent Revolution Today: the glossary filtered to one chapter's words
 * (book/glossary_filter.py says why). ?chapter=<name> in the address picks the chapter;
 * the menu changes it and keeps the address in step, so the filtered page can be
 * bookmarked or shared. */
(function () {
  "use strict";
  var t = window.PRT.t;
  /* An entry a link leads to opens whole (reader.css already shows it from the first paint). */
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var dt = id && document.getElementById(id), dd = dt && dt.nextElementSibling;
    var more = dd && dd.querySelector(":scope > details.prt-entry-more");
    if (more) { more.open = true; }
  }
  window.addEventListener("hashchange", openTarget);

  function start() {
    openTarget();
    var form = document.querySelector(".prt-glossary-filter");
    if (!form) { return; }
    var select = form.querySelector("select"), count = form.querySelector(".prt-glossary-count");
    var terms = Array.prototype.slice.call(document.querySelectorAll("dl.prt-glossary > dt"));

    function apply(chapter) {
      var shown = 0;
      terms.forEach(function (dt) {
        var visible = !chapter || dt.classList.contains("prt-in-" + chapter);
        dt.hidden = !visible;
        if (dt.nextElementSibling && dt.nextElementSibling.tagName === "DD") { dt.nextElementSibling.hidden = !visible; }
        if (visible) { shown += 1; }
      });
      /* Letter headings and letter-bar links with nothing left under them go too. */
      document.querySelectorAll("dl.prt-glossary").forEach(function (dl) {
        var empty = !dl.querySelector("dt:not([hidden])"), heading = dl.previousElementSibling;
        dl.hidden = empty;
        if (heading && heading.id) {
          heading.hidden = empty;
          var link = document.querySelector('.prt-letters a[href="#' + heading.id + '"]');
          if (link) { link.hidden = empty; }
        }
      });
      /* A chapter's few words need no letter bar; its dots would outnumber the letters. */
      var bar = document.querySelector(".prt-letters");
      if (bar) { bar.hidden = !!chapter; }
      var label = chapter ? select.options[select.selectedIndex].text : "";
      count.textContent = chapter ? t("glossary.count_chapter", { n: shown, chapter: label }) : t("glossary.count", { n: shown });
    }

    var wanted = new URLSearchParams(window.location.search).get("chapter") || "";
    if (!select.querySelector('option[value="' + wanted.replace(/"/g, "") + '"]')) { wanted = ""; }
    select.value = wanted;
    form.hidden = false;
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    select.addEventListener("change", function () {
      var url = new URL(window.location.href);
      if (select.value) { url.searchParams.set("chapter", select.value); } else { url.searchParams.delete("chapter"); }
      try { window.history.replaceState(null, "", url.toString()); } catch (e) { /* file:// may refuse */ }
      apply(select.value);
    });
    apply(wanted);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
