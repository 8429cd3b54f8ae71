/* Permanent Revolution Today: the timelines' behaviour (the drawing itself is SVG made at
 * build time and needs no script).
 * - View buttons show one drawn view (years) and, on a phone, the cards of those years.
 * - A mark is a button: a tap, a click, Enter or Space opens the event's card in place,
 *   beside the chart (a copy of the card written in the page); the card's "Go to ¶n"
 *   link is the way to the paragraph, never the tap itself. Escape closes the card.
 *   A ringed mark (events too close to tell apart) opens the list of its events first.
 * - Back from a card's ¶ returns to that card (the entry left is pointed at its id).
 * - One Tab stop per chart: the arrow keys (and Home, End) move between marks in date order.
 * - "Interactive chart" loads plotly.js once (window.PRT.loadPlotly, from course.js),
 *   draws the figure kept as JSON (in the page, or in a block loaded then: later.js) with the page's own view buttons, one
 *   legend (the caption's), hover labels kept inside, and the colours of the current
 *   light or dark theme, redrawn when the theme changes.
 * A classic script, not a module: modules do not load from file://. */
(function () {
  "use strict";

  var t = window.PRT.t;
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  /* A reader who asks for less motion gets jumps, not smooth scrolls. */
  function still() { return window.matchMedia("(prefers-reduced-motion: reduce)").matches; }

  function dark() { return document.documentElement.getAttribute("data-theme") === "dark"; }

  /* Colours for plotly from the theme: text, grid and a transparent paper. */
  function themeLayout() {
    var text = dark() ? "#e6e6e6" : "#222222";
    var grid = dark() ? "rgba(255,255,255,0.18)" : "#e5e5e5";
    return {
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)", "font.color": text,
      "xaxis.gridcolor": grid, "yaxis.gridcolor": grid,
      "hoverlabel.bgcolor": dark() ? "#1d1d1d" : "#ffffff", "hoverlabel.font.color": text
    };
  }

  /* Region colours as the drawn chart has them (timeline.css): darker hues on light,
   * lighter tints on dark, each 3:1 against its background. */
  var HUES = {
    light: { iraq: "#0072B2", peru: "#B35900", world: "#6A3D9A", theory: "#007A5E", none: "#ffffff" },
    dark: { iraq: "#56B4E9", peru: "#E69F00", world: "#C3A6E8", theory: "#3FC29F", none: "#121212" }
  };

  /* Theme and region colours of the plotly chart; a hollow (unconfirmed) dot keeps the
   * background's colour, as it was drawn ("white" in the figure's data). */
  function theme(Plotly, graph, hollow) {
    var hues = HUES[dark() ? "dark" : "light"];
    Plotly.relayout(graph, themeLayout());
    graph.data.forEach(function (trace, i) {
      var c = hues[trace.legendgroup];
      var fill = trace.type === "bar" ? c : hollow[i].map(function (h) { return h ? hues.none : c; });
      Plotly.restyle(graph, { "marker.color": [fill], "marker.line.color": c }, [i]);
    });
  }

  function setup(root) {
    var figure = root.querySelector(".prt-timeline-figure");
    var views = all(figure, ".prt-tl-view");
    var buttons = all(figure, ".prt-tl-views button");
    var status = figure.querySelector(".prt-tl-status");
    var slot = figure.querySelector(".prt-tl-slot");
    var cards = all(root, ".prt-tl-cards .prt-tl-card");
    var graph = null, opener = null;

    /* Cards outside the shown years are hidden; so are period headers left empty. */
    function filterCards(view, label) {
      var from = view.getAttribute("data-start"), to = view.getAttribute("data-end"), shown = 0;
      cards.forEach(function (card) {
        card.hidden = card.getAttribute("data-stop") <= from || card.getAttribute("data-start") > to;
        shown += card.hidden ? 0 : 1;
      });
      var count = root.querySelector(".prt-tl-count");
      if (count) {
        count.textContent = t(shown < cards.length ? "timeline.count_some" : "timeline.count_all",
          { shown: shown, total: cards.length, label: label });
      }
      all(root, ".prt-tl-cards .prt-tl-list").forEach(function (list) {
        var empty = !list.querySelector(".prt-tl-card:not([hidden])");
        list.hidden = empty;
        var head = list.previousElementSibling;
        if (head && head.classList.contains("prt-tl-period")) { head.hidden = empty; }
      });
    }

    function show(n) {
      views.forEach(function (view, i) { view.hidden = i !== n; });
      buttons.forEach(function (other, i) { other.setAttribute("aria-pressed", String(i === n)); });
      filterCards(views[n], buttons[n].textContent);
      if (graph && window.Plotly) {
        window.Plotly.relayout(graph, { "xaxis.range": [views[n].getAttribute("data-start"), views[n].getAttribute("data-end")] });
      }
    }
    buttons.forEach(function (button, n) { button.addEventListener("click", function () { show(n); }); });

    function closeCard() {
      if (slot.hidden) { return; }
      slot.hidden = true;
      slot.textContent = "";
      all(figure, ".prt-ev-open").forEach(function (m) { m.classList.remove("prt-ev-open"); });
      if (opener && document.contains(opener)) { opener.focus(); }
      opener = null;
    }

    function sourceCard(id) {
      return root.querySelector('.prt-tl-cards .prt-tl-card[data-event="' + id + '"]');
    }

    /* Once the events' cards have arrived: the built page holds the first few of the
     * opening view and loads the rest as one block (static/later.js), at once where the
     * cards are shown, when a mark asks for one where they are not (a laptop's). A card
     * that cannot load still opens, with what the mark says of it. */
    function withCards(ids, then) {
      var later = window.PRT && window.PRT.later;
      var waits = ids.map(sourceCard).filter(function (card) { return card && later && card.hasAttribute("data-later-src"); });
      if (!waits.length) { then(); return; }
      Promise.all(waits.map(later.load)).then(then, then);
    }

    /* Fill the slot below the chart (a card, or a ringed mark's list) and show it. */
    function fillSlot(box, name, mark, from) {
      slot.textContent = "";
      var close = document.createElement("button");
      close.type = "button";
      close.className = "prt-tl-close";
      close.textContent = t("common.close");
      close.addEventListener("click", closeCard);
      box.insertBefore(close, box.firstChild);
      slot.appendChild(box);
      slot.setAttribute("role", "region");
      slot.setAttribute("aria-label", name);
      slot.tabIndex = -1;
      slot.hidden = false;
      all(figure, ".prt-ev-open").forEach(function (m) { m.classList.remove("prt-ev-open"); });
      if (mark) { mark.classList.add("prt-ev-open"); }
      opener = from || null;
      slot.focus({ preventScroll: true });
      var place = slot.getBoundingClientRect();
      if (place.bottom > window.innerHeight || place.top < 0) {
        slot.scrollIntoView({ block: "nearest", behavior: still() ? "auto" : "smooth" });
      }
    }

    /* The event's card, copied from the cards written in the page, opened below the chart.
     * Opened from a ringed mark's list, it offers the way back to that list. */
    function openCard(id, from, group) {
      var source = sourceCard(id);
      if (!source) { return; }
      var card = document.createElement("div");
      card.className = source.className + " prt-tl-open";
      card.setAttribute("data-event", id);
      card.innerHTML = source.innerHTML;
      if (group) {
        var back = document.createElement("button");
        back.type = "button";
        back.className = "prt-tl-back";
        back.textContent = t("timeline.back_to_group", { n: idsOf(group).length });
        back.addEventListener("click", function () { openGroup(group); });
        card.appendChild(back);
      }
      var mark = group || (from && from.closest ? from.closest(".prt-ev") : null);
      fillSlot(card, t("timeline.event", { title: source.querySelector(".prt-tl-title").textContent }), mark, from);
    }

    function idsOf(mark) {
      return (mark.getAttribute("data-events") || mark.getAttribute("data-event") || "").split(" ");
    }

    /* A ringed mark holds events too close to tell apart: its list, one button per event. */
    function openGroup(mark) {
      var list = document.createElement("div");
      list.className = "prt-tl-open prt-tl-group";
      var head = document.createElement("p");
      head.className = "prt-tl-title";
      head.textContent = mark.getAttribute("aria-label");
      list.appendChild(head);
      var ul = document.createElement("ul");
      ul.className = "prt-tl-picks";
      idsOf(mark).forEach(function (id) {
        var source = sourceCard(id);
        if (!source) { return; }
        var li = document.createElement("li");
        var pick = document.createElement("button");
        pick.type = "button";
        pick.className = "prt-tl-pick prt-r-" + (source.className.match(/prt-r-(\w+)/) || ["", "none"])[1];
        pick.setAttribute("data-event", id);
        pick.textContent = source.querySelector(".prt-tl-date time").textContent + ": " +
          source.querySelector(".prt-tl-title").textContent;
        pick.addEventListener("click", function () { openCard(id, mark, mark); });
        li.appendChild(pick);
        ul.appendChild(li);
      });
      list.appendChild(ul);
      fillSlot(list, mark.getAttribute("aria-label"), mark, mark);
    }

    function activate(mark, id) {
      withCards(id ? [id] : idsOf(mark), function () {
        if (mark.classList.contains("prt-ev-group") && !id) { openGroup(mark); return; }
        openCard(id || mark.getAttribute("data-event"), mark, mark.classList.contains("prt-ev-group") ? mark : null);
      });
    }

    /* The mark a click landed on, or the mark (single or ringed) of the label clicked:
     * a label (a note on the chart) opens its own event's card. */
    function markOf(target) {
      var mark = target.closest && target.closest(".prt-ev");
      if (mark) { return { mark: mark, id: null }; }
      var note = target.closest && target.closest("[data-event]");
      var view = note && note.closest(".prt-tl-view");
      if (!view) { return null; }
      var id = note.getAttribute("data-event");
      var owner = all(view, ".prt-ev").filter(function (m) { return idsOf(m).indexOf(id) >= 0; })[0];
      return owner ? { mark: owner, id: id } : null;
    }
    figure.querySelector(".prt-tl-scroll").addEventListener("click", function (ev) {
      var found = markOf(ev.target);
      if (found) { activate(found.mark, found.id); }
    });
    /* The marks of the shown view in date order (left to right, then top to bottom); a ringed
     * mark by its earliest shape. */
    function inOrder(mark) {
      return all(mark.closest(".prt-tl-view"), ".prt-ev").map(function (m) {
        var boxes = all(m, ".prt-shape").map(function (s) { return s.getBoundingClientRect(); });
        return { mark: m, x: Math.min.apply(null, boxes.map(function (b) { return b.left; })), y: boxes[0].top };
      }).sort(function (a, b) { return a.x - b.x || a.y - b.y; }).map(function (e) { return e.mark; });
    }
    var STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    figure.querySelector(".prt-tl-scroll").addEventListener("keydown", function (ev) {
      var mark = ev.target.classList && ev.target.classList.contains("prt-ev") ? ev.target : null;
      if (!mark) { return; }
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        activate(mark, null);
        return;
      }
      var marks = inOrder(mark), at = marks.indexOf(mark), next = null;
      if (STEPS[ev.key]) { next = marks[Math.max(0, Math.min(marks.length - 1, at + STEPS[ev.key]))]; }
      if (ev.key === "Home") { next = marks[0]; }
      if (ev.key === "End") { next = marks[marks.length - 1]; }
      if (!next) { return; }
      ev.preventDefault();
      mark.tabIndex = -1;  /* one Tab stop per chart: the mark last moved to */
      next.tabIndex = 0;
      next.focus();
    });
    root.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && !slot.hidden) { closeCard(); }
    });

    /* "Go to ¶" leaves a card; Back comes back to that card, not to the timeline's heading:
     * before the link is followed, the entry the reader leaves is pointed at the card's id. */
    root.addEventListener("click", function (ev) {
      var go = ev.target.closest && ev.target.closest("a.prt-tl-go");
      var card = go && go.closest(".prt-tl-card");
      var source = card && (card.id ? card : sourceCard(card.getAttribute("data-event")));
      if (!source || !source.id) { return; }
      try { window.history.replaceState(window.history.state, "", "#" + source.id); } catch (e) { /* file:// may refuse */ }
    });

    /* A card named by the address (Back from its ¶, or a link): show years that hold it,
     * and on a phone scroll it into view, on a wider screen open it below the chart. */
    function reveal() {
      var id = decodeURIComponent(window.location.hash.slice(1));
      var card = id && document.getElementById(id);
      if (!card || !card.classList.contains("prt-tl-card") || !root.contains(card)) { return; }
      if (card.hidden) {
        var n = views.map(function (v) {
          return !(card.getAttribute("data-stop") <= v.getAttribute("data-start") ||
                   card.getAttribute("data-start") > v.getAttribute("data-end"));
        }).indexOf(true);
        show(n < 0 ? views.length - 1 : n);
      }
      var event = card.getAttribute("data-event");
      withCards([event], function () {
        if (getComputedStyle(root.querySelector(".prt-tl-cards")).display !== "none") {
          window.requestAnimationFrame(function () { card.scrollIntoView({ block: "center" }); });
          return;
        }
        var view = views.filter(function (v) { return !v.hidden; })[0];
        var owner = all(view, ".prt-ev").filter(function (m) { return idsOf(m).indexOf(event) >= 0; })[0];
        openCard(event, owner || null, owner && owner.classList.contains("prt-ev-group") ? owner : null);
        window.requestAnimationFrame(function () { slot.scrollIntoView({ block: "center" }); });
      });
    }
    window.addEventListener("hashchange", reveal);
    window.addEventListener("pageshow", function (ev) { if (ev.persisted) { reveal(); } });

    var live = figure.querySelector(".prt-tl-live");
    live.addEventListener("click", function () {
      var load = window.PRT && window.PRT.loadPlotly;  /* course.js, on every page */
      if (!load) { status.textContent = t("timeline.unavailable"); return; }
      live.disabled = true;
      status.textContent = t("timeline.loading");
      /* The chart's data is a block the built page loads when asked (static/later.js);
       * in a notebook's output it is in the page. */
      var data = figure.querySelector(".prt-tl-data");
      Promise.all([load(), window.PRT.later ? window.PRT.later.load(data) : data]).then(function (loaded) {
        var Plotly = loaded[0], spec = JSON.parse(loaded[1].textContent);
        var layout = spec.layout;
        var current = views.filter(function (v) { return !v.hidden; })[0] || views[0];
        delete layout.updatemenus;  /* the page's own view buttons drive the chart */
        layout.showlegend = false;  /* the caption is the legend */
        layout.margin = { l: 10, r: 10, t: 40, b: 40 };
        layout.xaxis.range = [current.getAttribute("data-start"), current.getAttribute("data-end")];
        layout.xaxis.autorange = false;
        graph = document.createElement("div");
        graph.className = "plotly-graph-div prt-tl-chart";
        figure.querySelector(".prt-tl-scroll").hidden = true;
        figure.insertBefore(graph, slot);
        return Plotly.newPlot(graph, spec.data, layout, { displaylogo: false, responsive: true })
          .then(function () {
            var hollow = spec.data.map(function (t) {
              return [].concat(t.marker.color).map(function (c) { return c === "white"; });
            });
            theme(Plotly, graph, hollow);
            graph.on("plotly_click", function (data) {
              var point = data.points && data.points[0];
              var id = point && point.customdata && point.customdata[0];
              if (id) { withCards([id], function () { openCard(id, null); }); }
            });
            new MutationObserver(function () { theme(Plotly, graph, hollow); })
              .observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
            live.hidden = true;
            status.textContent = t("timeline.ready");
          });
      }).catch(function () {
        live.disabled = false;
        status.textContent = t("timeline.failed");
      });
    });
    show(0);
    reveal();
  }

  /* A chapter's folded timeline arrives when it is opened (static/later.js). */
  window.PRT.each(".prt-timeline", setup);
})();
