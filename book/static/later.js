/* Permanent Revolution Today: the blocks a page loads later (book/later.py says why).
 * A block the build emptied keeps its element, with data-later-src naming the script that
 * holds its content; that script calls PRT.later.put(id, html).
 * - data-later="shown": loaded once the block is displayed: at once where the screen
 *   shows it (a laptop's unfolded timeline, its table), when a fold opens, when the window
 *   grows past a phone's width. An IntersectionObserver watches for the block's box,
 *   with a margin as long as any page, so "displayed" means anywhere on the page, not
 *   near the screen: the observer reports after the browser has laid the page out, where
 *   asking for the block's box in this script would make it lay out the whole chapter
 *   while the page loads.
 * - data-later="asked": loaded when a script asks (PRT.later.load): the chart's data.
 * - Blocks of one group (data-later-group, the build's concern) share a script: the
 *   first block asked requests it, and it fills every block of the group, asked or not.
 * - A link to an id the page does not hold yet (#timeline-tishreen-…) loads every block,
 *   then goes to it as if the page had held it from the start.
 * When a block arrives it says so with a bubbling "prt:later" event, and the blocks
 * inside it are checked in turn.
 * A classic script, not a module, and script elements rather than fetch: both load from
 * file://. */
(function () {
  "use strict";
  var PRT = window.PRT = window.PRT || {};
  var waiting = {};  /* block id: {el, promise, resolve, reject}, until its content arrives */
  var asked = {};  /* script address: true once its script element is in the page */

  function pending(root) {
    return Array.prototype.slice.call((root || document).querySelectorAll("[data-later-src]"));
  }

  function load(el) {
    if (!el.hasAttribute("data-later-src")) { return Promise.resolve(el); }
    if (waiting[el.id]) { return waiting[el.id].promise; }
    var entry = { el: el }, src = el.getAttribute("data-later-src");
    entry.promise = new Promise(function (resolve, reject) { entry.resolve = resolve; entry.reject = reject; });
    waiting[el.id] = entry;
    el.setAttribute("aria-busy", "true");
    if (!asked[src]) {
      asked[src] = true;
      var script = document.createElement("script");
      script.src = src;
      script.onerror = function () {
        delete asked[src];
        Object.keys(waiting).forEach(function (id) {
          var other = waiting[id];
          if (other.el.getAttribute("data-later-src") !== src) { return; }
          delete waiting[id];
          other.el.removeAttribute("aria-busy");
          other.reject(new Error(src));  /* the file that did not load */
        });
      };
      document.head.appendChild(script);
    }
    return entry.promise;
  }

  function put(id, html) {
    var entry = waiting[id];
    var el = entry ? entry.el : document.getElementById(id);
    if (!el || !el.hasAttribute("data-later-src")) { return; }
    delete waiting[id];
    if (el.tagName === "SCRIPT") { el.textContent = html; } else { el.innerHTML = html; }
    el.removeAttribute("data-later-src");
    el.removeAttribute("aria-busy");
    el.dispatchEvent(new CustomEvent("prt:later", { bubbles: true }));
    if (entry) { entry.resolve(el); }
    watch(el);
  }

  var seen = window.IntersectionObserver && new window.IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { seen.unobserve(entry.target); load(entry.target); }
    });
  }, { rootMargin: "100000px" });

  /* The "shown" blocks in root, watched until they have a box (a browser without the
   * observer loads them all). */
  function watch(root) {
    pending(root).forEach(function (el) {
      if (el.getAttribute("data-later") !== "shown") { return; }
      if (seen) { seen.observe(el); } else { load(el); }
    });
  }

  /* Every block, nested ones as they arrive. */
  function loadAll() {
    var now = pending();
    if (!now.length) { return Promise.resolve(); }
    return Promise.all(now.map(load)).then(loadAll);
  }

  /* A link into a block not loaded yet: load, then navigate to the same place again, so
   * :target, the fold that opens on it and the scroll all happen as on a whole page. */
  function arrive() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || document.getElementById(id) || !pending().length) { return; }
    loadAll().then(function () {
      if (!document.getElementById(id)) { return; }
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
      window.location.replace("#" + encodeURIComponent(id));
    }, function () { /* a block's file is missing: the page stays as it is */ });
  }

  PRT.later = { load: load, put: put };
  window.addEventListener("hashchange", arrive);
  /* Printing shows every fold: what is not loaded by then is loaded for the next print
   * (a printed chapter's whole timeline is in its handout, book/editions/handouts.py). */
  window.addEventListener("beforeprint", function () { loadAll().catch(function () {}); });
  function start() { watch(); arrive(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
