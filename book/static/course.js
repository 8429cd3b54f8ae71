/* Permanent Revolution Today: what every page shares: el() and plotly.js. plotly.js (_static/vendor) is
 * loaded only when a reader asks for an interactive timeline or the ledger has a chart
 * to draw, so a first visit on a slow link does not pay for it. */
(function () {
  "use strict";
  var HERE = (document.currentScript && document.currentScript.src) || "";
  var plotly = null;

  /* plotly.js once per page, from beside this script: a promise of window.Plotly. */
  function loadPlotly() {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    if (!plotly) {
      plotly = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = HERE.replace(/course\.js(\?.*)?$/, "vendor/plotly.min.js");
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { plotly = null; reject(new Error("plotly.js did not load")); };
        document.head.appendChild(script);
      });
    }
    return plotly;
  }
  /* An element with its text and class: every script of the book makes its markup with it. */
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null && text !== "") { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  /* fn on every element matching selector, now (once the document is parsed) and in each
   * block that arrives later (static/later.js, the "prt:later" event): a script sets up
   * its part of the page the same way whether the part came in the HTML or after it. */
  function each(selector, fn) {
    function within(root) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); }
    document.addEventListener("prt:later", function (ev) { within(ev.target); });
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { within(document); });
    } else { within(document); }
  }
  window.PRT = window.PRT || {};
  window.PRT.loadPlotly = loadPlotly;
  window.PRT.el = el;
  window.PRT.each = each;
})();
