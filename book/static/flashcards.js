/* Permanent Revolution Today: flashcards, a deck at a time; "Not yet" sends a card to
 * the back of the deck. What you knew is kept per deck in this browser ("prt-cards:<deck>"). */
(function () {
  "use strict";
  var t = window.PRT.t, S = window.PRT.store;
  function flashcards(box) {
    var data = JSON.parse(box.querySelector(".prt-cards-data").textContent);
    var select = box.querySelector(".prt-deck");
    var term = box.querySelector(".prt-card-term"), def = box.querySelector(".prt-card-definition");
    var progress = box.querySelector(".prt-card-progress");
    var queue = [], known = [];
    function key() { return "prt-cards:" + select.value; }
    function save() { try { S.setItem(key(), JSON.stringify(known)); } catch (e) { /* the deck still works */ } }
    function load() {
      try { known = JSON.parse(S.getItem(key())) || []; } catch (e) { known = []; }
      queue = data.decks[select.value].filter(function (id) { return known.indexOf(id) < 0; });
      draw();
    }
    function draw() {
      def.hidden = true;
      if (!queue.length) {
        term.textContent = t("cards.done");
        def.textContent = "";
      } else {
        term.textContent = data.cards[queue[0]][0];
        def.textContent = data.cards[queue[0]][1];
      }
      progress.textContent = t("cards.progress", { known: known.length, total: data.decks[select.value].length, left: queue.length });
    }
    box.querySelector(".prt-flip").addEventListener("click", function () { def.hidden = false; });
    box.querySelector(".prt-knew").addEventListener("click", function () {
      if (!queue.length) { return; }
      known.push(queue.shift()); save(); draw();
    });
    box.querySelector(".prt-again").addEventListener("click", function () {
      if (!queue.length) { return; }
      queue.push(queue.shift()); draw();
    });
    box.querySelector(".prt-reset").addEventListener("click", function () { known = []; save(); load(); });
    select.addEventListener("change", load);
    document.addEventListener("prt-store-restored", load);
    load();
  }
  function start() { document.querySelectorAll(".prt-flashcards").forEach(flashcards); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
