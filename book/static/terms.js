/* Permanent Revolution Today: glossary words by touch, mouse and keyboard.
 * A tap, click or Enter on a glossary word opens a small panel at the word: the
 * definition, a "Full entry" link to the glossary, and Close. The reader stays in
 * place (the glossary page is very long). Escape or Close shuts the panel and puts the
 * focus back on the word. With scripts off the word is a plain link to its entry, and
 * its title attribute (written at build time) still shows the definition on hover. */
(function () {
  "use strict";
  var panel = null, opener = null, el = window.PRT.el, t = window.PRT.t;

  function build() {
    panel = document.createElement("div");
    panel.className = "prt-term-panel";
    panel.id = "prt-term-panel";
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "prt-term-panel-title");
    panel.tabIndex = -1;
    panel.hidden = true;
    var title = el("p", "", "prt-term-panel-title"), actions = el("p", "", "prt-term-panel-actions");
    var shut = el("button", t("common.close"), "prt-term-panel-close");
    title.id = "prt-term-panel-title";
    shut.type = "button";
    shut.addEventListener("click", close);
    actions.appendChild(el("a", t("term.full_entry"), "prt-term-panel-full"));
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(shut);
    panel.appendChild(title);
    panel.appendChild(el("p", "", "prt-term-panel-def"));
    panel.appendChild(actions);
    document.body.appendChild(panel);
  }

  function place(link) {
    var box = link.getBoundingClientRect(), width = document.documentElement.clientWidth;
    panel.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + width - panel.offsetWidth - 8)) + "px";
    panel.style.top = (window.scrollY + box.bottom + 6) + "px";
  }

  function open(link) {
    if (!panel) { build(); }
    opener = link;
    panel.querySelector(".prt-term-panel-title").textContent = link.textContent.trim();
    panel.querySelector(".prt-term-panel-def").textContent = link.getAttribute("data-definition");
    panel.querySelector(".prt-term-panel-full").href = link.href;
    panel.hidden = false;
    link.setAttribute("aria-expanded", "true");
    place(link);
    panel.focus();
  }

  function close() {
    if (!panel || panel.hidden) { return; }
    panel.hidden = true;
    if (opener) {
      opener.setAttribute("aria-expanded", "false");
      opener.focus();
      opener = null;
    }
  }

  function bind(link) {
    link.setAttribute("data-definition", link.getAttribute("title"));
    link.removeAttribute("title");
    link.setAttribute("aria-haspopup", "dialog");
    link.setAttribute("aria-expanded", "false");
    link.addEventListener("click", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey) { return; }
      ev.preventDefault();
      if (opener === link && !panel.hidden) { close(); } else { open(link); }
    });
  }

  /* The words of a block that arrives later (a chapter's exercises, its words) too. */
  window.PRT.each("a.prt-term[title]", bind);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { close(); } });
  document.addEventListener("click", function (ev) {
    if (panel && !panel.hidden && !panel.contains(ev.target) && !(ev.target.closest && ev.target.closest("a.prt-term"))) {
      close();
    }
  });
})();
