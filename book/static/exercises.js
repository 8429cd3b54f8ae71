/* Permanent Revolution Today: the static exercises. Works with no kernel: each kind reads
 * and writes its inputs with the page part of its file (static/kinds/<kind>.js) and is
 * graded by static/graders.js, exactly as its Python twin in book/kinds/ grades it.
 * Answers stay on this device (static/store.js), key "prt-answer:<exercise id>", so a
 * reload or another page loses nothing; Reset (after asking) forgets them; My answers
 * exports them. The first graded answer (the first Check whose answer is not refused) is
 * kept once beside them, "prt-first:<exercise id>" = {answer, correct, time}: a second try
 * or a Reset never replaces it (static/answer-file.js puts it in the file, version 3).
 * When the browser will not store, the page says so. */
(function () {
  "use strict";
  var PREFIX = "prt-answer:", FIRST = "prt-first:", G = window.PRTGraders, t = window.PRT.t, S = window.PRT.store;
  var K = window.PRTKinds.build(t).kinds;

  var el = window.PRT.el;
  /* Whether the browser kept it: private modes, a full or disabled storage refuse. */
  function store(id, value) {
    try {
      if (value === null) { S.removeItem(PREFIX + id); } else { S.setItem(PREFIX + id, JSON.stringify(value)); }
      return true;
    } catch (e) { return false; }
  }
  /* The first graded answer, kept once (a refusal to store is said by the answer's own save). */
  function keepFirst(id, value, result) {
    try {
      if (S.getItem(FIRST + id) !== null) { return; }
      S.setItem(FIRST + id, JSON.stringify({ answer: value, correct: result.correct === undefined ? null : result.correct,
        time: new Date().toISOString() }));
    } catch (e) { /* not kept: the page says so for the answer itself */ }
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
  function show(box, result, spec, page) {
    var out = box.querySelector(".prt-feedback"), chapter = box.getAttribute("data-chapter");
    out.textContent = "";
    if (result.correct === true || result.correct === false) {
      out.appendChild(el("p", t(result.correct ? "exercise.right" : "exercise.not_yet"), result.correct ? "prt-right" : "prt-wrong"));
    }
    var list = el("ul");
    result.messages.forEach(function (m) { list.appendChild(withParagraphLinks(el("li", "", result.invalid ? "prt-wrong" : ""), m, chapter)); });
    out.appendChild(list);
    if (page.shown) { page.shown(box, spec, result, list); }
  }
  /* No feedback: what it drew on the exercise goes too. */
  function clear(box, spec, page) {
    box.querySelector(".prt-feedback").textContent = "";
    if (page.shown) { page.shown(box, spec, { invalid: true, messages: [] }, el("ul")); }
  }

  function setup(box) {
    var id = box.getAttribute("data-exercise");
    var spec = JSON.parse(box.querySelector(".prt-ex-data").textContent);
    var kind = K[spec.kind], page = kind && kind.page;
    if (!page || !kind.grade) { return; }
    function grade() { return G.grade(spec, page.read(box)); }
    var initial = page.read(box);
    function save() { return kept(box, store(id, page.read(box))); }
    box.querySelector(".prt-check").addEventListener("click", function () {
      var result = page.add ? page.add(box, spec) : grade();
      if (!result.invalid) { keepFirst(id, page.read(box), result); }
      if (!result.invalid && !save() && page.notSaved) { result.messages = page.notSaved(page.read(box)); }
      show(box, result, spec, page);
    });
    box.querySelectorAll(".prt-ex-hint, .prt-ex-prompt").forEach(function (node) {
      if (/¶\d/.test(node.textContent)) { var text = node.textContent; node.textContent = ""; withParagraphLinks(node, text, box.getAttribute("data-chapter")); }
    });
    box.querySelector(".prt-reset").addEventListener("click", function () {
      if (!window.confirm(t("exercise.erase", { title: box.querySelector(".prt-ex-title").textContent }))) { return; }
      store(id, null);
      page.write(box, initial);
      clear(box, spec, page);
    });
    /* A click the kind acts on (ordering's Up and Down, the ledger's Remove). */
    box.addEventListener("click", function (ev) {
      var done = page.click ? page.click(box, ev.target) : null;
      if (!done) { return; }
      save();
      if (done === "grade") { show(box, grade(), spec, page); }
    });
    if (!page.add) {
      box.addEventListener("change", save);
      box.addEventListener("input", save);
    }
    /* A change the shown verdict follows at once (a short answer's rubric ticks), with no
     * second press of the button (the change is saved above, as every change is). */
    if (page.regrades) {
      box.addEventListener("change", function (ev) {
        if (!page.regrades(ev.target) || !box.querySelector(".prt-feedback").textContent) { return; }
        var result = grade();
        if (!result.invalid) { show(box, result, spec, page); }
      });
    }
    /* The kept answer, as the page opens and again when the store restores one. */
    function restore() {
      var saved = recall(id);
      if (saved && (saved.length || (typeof saved === "object" && !Array.isArray(saved)))) {
        try {
          page.write(box, saved);
          var result = grade();
          if (!result.invalid) { show(box, result, spec, page); }
        } catch (e) { /* an unreadable saved answer: start fresh, keep the page working */ }
      } else {
        page.write(box, page.add ? [] : initial);  /* nothing kept, or an erasure restored */
        clear(box, spec, page);
      }
    }
    restore();
    document.addEventListener("prt-store-restored", restore);
  }
  /* A chapter's exercises arrive when their fold is shown (book/later.py). */
  window.PRT.each(".prt-exercise", setup);
})();
