/* Permanent Revolution Today: the static exercises. Works with no kernel: each kind reads
 * and writes its inputs here and is graded by static/graders.js, exactly as its Python
 * twin in book/exercises/ grades it. Answers stay on this device (static/store.js), key
 * "prt-answer:<exercise id>", so a reload or another page loses nothing; Reset (after
 * asking) forgets them; My answers exports them. When the browser will not store, the
 * page says so. */
(function () {
  "use strict";
  var PREFIX = "prt-answer:", G = window.PRTGraders, t = window.PRT.t, S = window.PRT.store;

  var el = window.PRT.el;
  function values(box, selector) { return Array.prototype.slice.call(box.querySelectorAll(selector)); }
  /* Whether the browser kept it: private modes, a full or disabled storage refuse. */
  function store(id, value) {
    try {
      if (value === null) { S.removeItem(PREFIX + id); } else { S.setItem(PREFIX + id, JSON.stringify(value)); }
      return true;
    } catch (e) { return false; }
  }
  function recall(id) { try { return JSON.parse(S.getItem(PREFIX + id)); } catch (e) { return null; } }
  /* Says so at the exercise, once, when the browser refused to keep an answer. */
  function kept(box, ok) {
    var notice = box.querySelector(".prt-not-kept");
    if (ok && notice) { notice.remove(); }
    if (!ok && !notice) {
      notice = el("p", t("exercise.not_kept"), "prt-not-kept prt-wrong");
      notice.setAttribute("role", "alert");
      box.querySelector(".prt-ex-actions").insertAdjacentElement("beforebegin", notice);
    }
    return ok;
  }
  /* Text with every "¶14" a link to that paragraph of the exercise's chapter: the
   * chapter and exercise pages sit side by side, one folder down from the book's root. */
  function withParagraphLinks(node, text, chapter) {
    String(text).split(/(¶\d+)/).forEach(function (part) {
      var m = /^¶(\d+)$/.exec(part);
      if (m && chapter) {
        var a = el("a", part, "prt-para-link");
        a.href = "../chapters/" + chapter + ".html#p" + m[1];
        a.setAttribute("aria-label", t("exercise.paragraph", { n: m[1] }));
        node.appendChild(a);
      } else if (part) { node.appendChild(document.createTextNode(part)); }
    });
    return node;
  }
  function show(box, result) {
    var out = box.querySelector(".prt-feedback"), chapter = box.getAttribute("data-chapter");
    out.textContent = "";
    if (result.correct === true || result.correct === false) {
      out.appendChild(el("p", t(result.correct ? "exercise.right" : "exercise.not_yet"), result.correct ? "prt-right" : "prt-wrong"));
    }
    var list = el("ul");
    result.messages.forEach(function (m) { list.appendChild(withParagraphLinks(el("li", "", result.invalid ? "prt-wrong" : ""), m, chapter)); });
    out.appendChild(list);
    if (box.getAttribute("data-kind") === "matching") { pairsToLookAt(box, result, list); }
  }
  /* Matching: the pairs still wrong are lit where they are (the item and the answer it
   * was given), and each "Look again at" line of the feedback is a link to its item,
   * which it brings into view and focuses. The grader names them in the items' order. */
  function pairsToLookAt(box, result, list) {
    var spec = JSON.parse(box.querySelector(".prt-ex-data").textContent), answer = pages.matching.read(box);
    var wrong = result.invalid ? [] : spec.key.map(function (k, i) { return answer[i] === k ? -1 : i; }).filter(function (i) { return i >= 0; });
    values(box, ".prt-match-item").forEach(function (item, i) {
      var bad = wrong.indexOf(i) >= 0;
      item.classList.toggle("prt-match-wrong", bad);
      item.querySelector(".prt-match-look").hidden = !bad;
    });
    values(box, ".prt-match-rights li").forEach(function (li) {
      var n = Number(li.getAttribute("data-right"));
      li.classList.toggle("prt-match-chosen", wrong.some(function (i) { return answer[i] === n; }));
    });
    var lines = values(list, "li").slice(1);
    wrong.forEach(function (i, j) {
      var line = lines[j], item = box.querySelectorAll(".prt-match-item")[i];
      if (!line || !item) { return; }
      var link = el("a", line.textContent, "prt-look-link");
      link.href = "#" + item.id;
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        item.scrollIntoView({ block: "center" });
        item.querySelector("select").focus({ preventScroll: true });
      });
      line.textContent = "";
      line.appendChild(link);
    });
  }

  /* Each kind: read the inputs into the stored shape, write a stored answer back. */
  var pages = {
    choice: {
      read: function (box) { return values(box, ".prt-ex-body input:checked").map(function (i) { return Number(i.value); }); },
      write: function (box, answer) { values(box, ".prt-ex-body input").forEach(function (i) { i.checked = answer.indexOf(Number(i.value)) >= 0; }); }
    },
    ordering: {
      read: function (box) { return values(box, ".prt-order li").map(function (li) { return li.getAttribute("data-id"); }); },
      write: function (box, answer) {
        var list = box.querySelector(".prt-order");
        answer.forEach(function (id) { var li = list.querySelector('li[data-id="' + id + '"]'); if (li) { list.appendChild(li); } });
      }
    },
    matching: {
      read: function (box) {
        return values(box, ".prt-match-select").map(function (s) { return s.value === "" ? null : Number(s.value); });
      },
      write: function (box, answer) {
        values(box, ".prt-match-select").forEach(function (s, i) {
          s.value = answer[i] === null || answer[i] === undefined ? "" : String(answer[i]);
        });
      }
    },
    "short": {
      read: function (box) {
        return { text: box.querySelector(".prt-text").value, ticks: values(box, ".prt-tick:checked").map(function (i) { return Number(i.value); }) };
      },
      write: function (box, answer) {
        box.querySelector(".prt-text").value = answer.text || "";
        values(box, ".prt-tick").forEach(function (i) { i.checked = (answer.ticks || []).indexOf(Number(i.value)) >= 0; });
      }
    },
    bridge: {
      read: function (box) {
        var answer = { grievance: box.querySelector(".prt-grievance").value };
        values(box, "textarea[data-step]").forEach(function (t) { answer[t.getAttribute("data-step")] = t.value; });
        answer.grievance = answer.grievance === "" ? -1 : Number(answer.grievance);
        return answer;
      },
      write: function (box, answer) {
        box.querySelector(".prt-grievance").value = answer.grievance < 0 ? "" : String(answer.grievance);
        values(box, "textarea[data-step]").forEach(function (t) { t.value = answer[t.getAttribute("data-step")] || ""; });
      }
    },
    discussion: {
      read: function (box) { return { notes: box.querySelector(".prt-text").value }; },
      write: function (box, answer) { box.querySelector(".prt-text").value = answer.notes || ""; }
    },
    ledger: window.PRTLedger
  };

  function setup(box) {
    var id = box.getAttribute("data-exercise");
    var spec = JSON.parse(box.querySelector(".prt-ex-data").textContent);
    var page = pages[spec.kind], grade = G.kinds[spec.kind];
    if (!page || !grade) { return; }
    var initial = page.read(box);
    function save() { return kept(box, store(id, page.read(box))); }
    box.querySelector(".prt-check").addEventListener("click", function () {
      var result = page.add ? page.add(box, spec) : grade(spec, page.read(box));
      if (!result.invalid && !save() && spec.kind === "discussion") {
        /* "Saved" is said only when it was. */
        result.messages = [t("grade.notes_not_saved", { n: G.words(page.read(box).notes) })];
      }
      show(box, result);
    });
    box.querySelectorAll(".prt-ex-hint, .prt-ex-prompt").forEach(function (node) {
      if (/¶\d/.test(node.textContent)) { var text = node.textContent; node.textContent = ""; withParagraphLinks(node, text, box.getAttribute("data-chapter")); }
    });
    box.querySelector(".prt-reset").addEventListener("click", function () {
      if (!window.confirm(t("exercise.erase", { title: box.querySelector(".prt-ex-title").textContent }))) { return; }
      store(id, null);
      page.write(box, initial);
      box.querySelector(".prt-feedback").textContent = "";
      if (spec.kind === "matching") { pairsToLookAt(box, { invalid: true }, el("ul")); }
    });
    box.addEventListener("click", function (ev) {
      var remove = ev.target.closest(".prt-l-remove");
      if (remove) {
        page.remove(box, Number(remove.getAttribute("data-row")));
        save();
        show(box, grade(spec, page.read(box)));
        return;
      }
      var button = ev.target.closest(".prt-up, .prt-down");
      if (!button) { return; }
      var li = button.closest("li"), up = button.classList.contains("prt-up");
      var other = up ? li.previousElementSibling : li.nextElementSibling;
      if (!other) { return; }
      li.parentNode.insertBefore(up ? li : other, up ? other : li);
      button.focus();
      save();
    });
    if (!page.add) {
      box.addEventListener("change", save);
      box.addEventListener("input", save);
    }
    /* A short answer's verdict follows the rubric's ticks once it is shown: a tick
     * changes the score at once, with no second press of Compare (the tick is saved
     * above, as every change is). */
    if (spec.kind === "short") {
      box.addEventListener("change", function (ev) {
        if (!ev.target.classList.contains("prt-tick") || !box.querySelector(".prt-feedback").textContent) { return; }
        var result = grade(spec, page.read(box));
        if (!result.invalid) { show(box, result); }
      });
    }
    /* The kept answer, as the page opens and again when the store restores one. */
    function restore() {
      var saved = recall(id);
      if (saved && (saved.length || (typeof saved === "object" && !Array.isArray(saved)))) {
        try {
          page.write(box, saved);
          var result = grade(spec, page.read(box));
          if (!result.invalid) { show(box, result); }
        } catch (e) { /* an unreadable saved answer: start fresh, keep the page working */ }
      } else {
        page.write(box, page.add ? [] : initial);  /* nothing kept, or an erasure restored */
        box.querySelector(".prt-feedback").textContent = "";
        if (spec.kind === "matching") { pairsToLookAt(box, { invalid: true }, el("ul")); }
      }
    }
    restore();
    document.addEventListener("prt-store-restored", restore);
  }
  function start() { document.querySelectorAll(".prt-exercise").forEach(setup); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
