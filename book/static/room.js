/* Permanent Revolution Today: the room (book/room). Loaded only by the room's server:
 * on each page of the book it serves (a member's phone), and on its own pages, the
 * projector, the facilitator's controls and the session record (body[data-room-page]).
 *
 * On a phone: a bar to join by a pseudonym (the member id is the device's answer-file id,
 * "prt-member:id"); "Send to the room" on each exercise; answers and the two ¶ flags go
 * to the room as they are kept (a ¶'s note and the discussion exercises' notes never
 * leave the phone). Each send has an id and waits in an outbox ("prt-room:outbox") until
 * the room has it: a phone that drops off sends it when it is back. While a question is
 * open in round 1 or 2 its feedback is held back until the facilitator reveals it. */
(function () {
  "use strict";
  var t = window.PRT.t, API = "/_room/api/", page = document.body.getAttribute("data-room-page");
  /* Where the room keeps its own things on the device (out of the answer file) and the member id. */
  var outboxKey = "prt-room:outbox", nameKey = "prt-room:name", flagsKey = "prt-room:flags", memberKey = "prt-member:id";

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }
  function json(r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); }
  function post(path, body) {
    return fetch(API + path, { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body) }).then(json);
  }
  /* Waits on the room for a change (the server answers at once when there is one, else after 20 s). */
  function follow(query, onState) {
    var since = -1;
    function next() {
      fetch(API + "state?since=" + since + "&" + query(), { credentials: "same-origin" }).then(json).then(function (r) {
        if (r.status !== 200) { onState(null, r.body.error); window.setTimeout(next, 3000); return; }
        since = r.body.version; onState(r.body); next();
      }).catch(function () { onState(null); window.setTimeout(next, 2000); });
    }
    next();
  }
  function style(text) { var s = el("style"); s.textContent = text; document.head.appendChild(s); }

  /* -- the projector, the facilitator and the record ------------------------------------ */
  function bars(counts, options, correct, revealed) {
    var list = el("ul", "", "room-bars"), max = 1;
    Object.keys(counts).forEach(function (k) { max = Math.max(max, counts[k]); });
    (options || Object.keys(counts)).forEach(function (label) {
      var n = counts[label] || 0, li = el("li"), bar = el("span", "", "room-bar");
      /* A kind with no options counts "answered" and "right"; the record passes a choice's
       * options as its counts' keys. */
      var shown = options || (label !== "right" && label !== "answered") ? label
        : t(label === "right" ? "room.outcome_right" : "room.outcome_answered");
      if (revealed && correct && correct.indexOf(label) >= 0) { li.className = "room-right"; shown = "✓ " + shown; }
      li.appendChild(el("span", shown, "room-label"));
      bar.style.width = (100 * n / max) + "%";
      var track = el("span", "", "room-track"); track.appendChild(bar);
      li.appendChild(track); li.appendChild(el("b", String(n), "room-count"));
      list.appendChild(li);
    });
    return list;
  }
  /* A kind other than choice: what the group page counts of its answers ([label, count]
   * pairs: the ¶s chosen, the grievances, each item matched rightly ...), under its caption. */
  function parts(pairs, caption) {
    var box = el("figure", "", "room-parts"), counts = {}, labels = [];
    pairs.forEach(function (p) { labels.push(p[0]); counts[p[0]] = p[1]; });
    box.appendChild(el("figcaption", caption || ""));
    box.appendChild(bars(counts, labels, null, false));
    return box;
  }
  function question(q) {
    var box = el("section", "", "room-question");
    if (!q) { box.appendChild(el("p", t("room.no_question_open"), "room-quiet")); return box; }
    box.appendChild(el("h2", q.title));
    box.appendChild(el("p", q.revealed ? t("room.revealed") : t("room.round_now", { n: q.round }), "room-phase"));
    var rounds = el("div", "", "room-rounds");
    ["1", "2"].forEach(function (r) {
      var col = el("div", "", "room-round");
      col.setAttribute("data-round", r);
      col.appendChild(el("h3", t("room.round", { n: Number(r) })));
      if (q.counts && q.counts[r]) { col.appendChild(bars(q.counts[r], q.options, q.correct, q.revealed)); }
      else { col.appendChild(el("p", t("room.not_yet_asked"), "room-quiet")); }
      if (q.parts && q.parts[r]) { col.appendChild(parts(q.parts[r], q.parts_caption)); }
      rounds.appendChild(col);
    });
    box.appendChild(rounds);
    /* Beside the rounds, every member's kept answer: the first they gave, and the last. */
    if (q.kept) {
      var kept = el("div", "", "room-rounds room-kept");
      ["first", "last"].forEach(function (which) {
        var col = el("div", "", "room-round");
        col.setAttribute("data-kept", which);
        col.appendChild(el("h3", t("group.room_kept_" + which)));
        col.appendChild(bars(q.kept[which], q.options, q.correct, q.revealed));
        if (q.kept_parts && q.kept_parts[which]) { col.appendChild(parts(q.kept_parts[which], q.parts_caption)); }
        kept.appendChild(col);
      });
      box.appendChild(kept);
    }
    if (q.key) {
      var key = el("div", "", "room-key");
      key.appendChild(el("h3", t("room.key")));
      var ul = el("ul"); q.key.forEach(function (line) { ul.appendChild(el("li", line)); });
      key.appendChild(ul); box.appendChild(key);
    }
    return box;
  }
  function flagged(flags) {
    var box = el("section", "", "room-flags");
    box.appendChild(el("h2", t("room.flagged")));
    if (!flags.length) { box.appendChild(el("p", t("room.none_flagged"), "room-quiet")); return box; }
    var ol = el("ol");
    flags.slice(0, 12).forEach(function (f) {
      var li = el("li");
      li.appendChild(el("b", "¶" + f.paragraph + " · " + f.chapter + " "));
      li.appendChild(el("span", t("room.flag_counts", { confused: f.confused, discuss: f.discuss }), "room-flag-n"));
      li.appendChild(el("q", f.words));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    return box;
  }
  var SCREEN_CSS = "body{font:20px/1.4 system-ui,sans-serif;margin:0;padding:1rem 2rem;color:#111}" +
    ".room-head{display:flex;gap:2rem;align-items:center;flex-wrap:wrap}.room-head img{width:220px;height:220px}" +
    ".room-join{font-size:1.6rem;font-weight:bold}.room-rounds{display:grid;grid-template-columns:1fr 1fr;gap:2rem}" +
    ".room-bars{list-style:none;padding:0}.room-bars li{display:grid;grid-template-columns:minmax(8rem,40%) 1fr 3rem;gap:.5rem;align-items:center;margin:.4rem 0}" +
    ".room-track{background:#eee;height:1.4rem}.room-bar{display:block;height:100%;background:#1f5f99}.room-right .room-bar{background:#1d7a3a}" +
    ".room-right{font-weight:bold}.room-count{font-size:1.4rem}.room-quiet{color:#555}.room-key{border-inline-start:6px solid #1d7a3a;padding-inline-start:1rem}" +
    ".room-parts{margin:.8rem 0 0}.room-parts figcaption{font-size:.9rem;color:#444}.room-flags q{display:block;color:#333}.room-controls button{font-size:1rem;margin:.2rem;padding:.4rem .8rem}" +
    "select,textarea{font-size:1rem;max-width:100%}@media print{.room-controls,.room-print{display:none}}";

  function projector(main) {
    document.title = t("room.projector_title");
    style(SCREEN_CSS);
    var head = el("header", "", "room-head"), qr = el("img"), join = el("div"), body = el("div");
    qr.src = "/_room/qr.svg"; qr.alt = t("room.qr_alt");
    head.appendChild(qr); head.appendChild(join);
    main.appendChild(head); main.appendChild(body);
    follow(function () { return "view=projector"; }, function (s) {
      if (!s) { return; }
      join.textContent = "";
      join.appendChild(el("p", t("room.join_here"), ""));
      s.join.forEach(function (u) { join.appendChild(el("p", u, "room-join")); });
      join.appendChild(el("p", t("room.members", { n: s.members })));
      redraw(body, s);
    });
  }

  /* The projector's and the facilitator's screens: the open question, then the flagged ¶s. */
  function redraw(body, s) {
    body.textContent = "";
    body.appendChild(question(s.question));
    body.appendChild(flagged(s.flags));
  }

  function facilitator(main) {
    document.title = t("room.facilitator_title");
    style(SCREEN_CSS);
    var controls = el("div", "", "room-controls"), pick = el("select"), said = el("p", "", "room-said"), body = el("div");
    var names = el("p", "", "room-names"), note = el("textarea"), links = el("p");
    said.setAttribute("role", "status");
    controls.appendChild(pick);
    function act(action, extra) {
      var payload = extra || {}; payload.action = action;
      post("control", payload).then(function (r) { said.textContent = r.status === 200 ? "" : r.body.error; });
    }
    [["open", "room.open"], ["round2", "room.round2"], ["reveal", "room.reveal"], ["close", "room.close"], ["end", "room.end"]].forEach(function (b) {
      var button = el("button", t(b[1]));
      button.type = "button"; button.setAttribute("data-action", b[0]);
      button.addEventListener("click", function () {
        if (b[0] === "end" && !window.confirm(t("room.end_sure"))) { return; }
        act(b[0], b[0] === "open" ? { exercise: pick.value } : null);
      });
      controls.appendChild(button);
    });
    var label = el("label", t("room.note_label")), add = el("button", t("room.add_note"));
    note.id = "room-note"; label.htmlFor = note.id; note.rows = 2; add.type = "button";
    add.addEventListener("click", function () { if (note.value.trim()) { act("note", { text: note.value }); note.value = ""; } });
    /* The record as a page and as a PDF (printed now into the session's folder), and the view across sessions. */
    [["/_room/projector", "room.projector_link"], ["/_room/record", "room.record_link"],
      ["/_room/record.pdf", "room.record_pdf_link"], ["/_room/sessions", "room.across_link"]].forEach(function (l, i) {
      var a = el("a", t(l[1])); a.href = l[0];
      if (i) { links.appendChild(document.createTextNode(" · ")); }
      links.appendChild(a);
    });
    [controls, label, note, add, said, names, body, links].forEach(function (n) { main.appendChild(n); });
    follow(function () { return "view=facilitator"; }, function (s, error) {
      if (!s) { if (error) { said.textContent = error; } return; }
      if (!pick.options.length) {
        s.exercises.forEach(function (ex) { var o = el("option", ex.chapter + " · " + ex.title); o.value = ex.id; pick.appendChild(o); });
      }
      names.textContent = t("room.who", { n: s.names.length, names: s.names.join(", ") });
      redraw(body, s);
    });
  }

  /** A record's ISO time as a reader reads it, as the printed record does (record.py's when). */
  function when(stamp) {
    var m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(stamp || "");
    return m ? m[1] + " " + m[2] + " UTC" : (stamp || "–");
  }

  function record(main) {
    document.title = t("room.record_title");
    style(SCREEN_CSS);
    fetch(API + "state?view=facilitator", { credentials: "same-origin" }).then(json).then(function (r) {
      if (r.status !== 200) { main.appendChild(el("p", r.body.error)); return; }
      var rec = r.body.record, print = el("button", t("room.print"), "room-print");
      print.type = "button"; print.addEventListener("click", function () { window.print(); });
      main.appendChild(el("h1", t("room.record_heading", { session: rec.session })));
      main.appendChild(print);
      var pdf = el("a", t("room.record_pdf_link"), "room-print"); pdf.href = "/_room/record.pdf";
      main.appendChild(document.createTextNode(" ")); main.appendChild(pdf);
      main.appendChild(el("p", t("room.started_ended", { started: when(rec.started), ended: when(rec.ended) })));
      main.appendChild(el("h2", t("room.joined")));
      var ul = el("ul");
      rec.joined.forEach(function (j) { ul.appendChild(el("li", j.pseudonym + " · " + j.code + " (" + when(j.time) + ")")); });
      main.appendChild(ul);
      main.appendChild(el("h2", t("room.questions")));
      rec.questions.forEach(function (q) {
        var box = el("section");
        box.appendChild(el("h3", q.title));
        var rounds = el("div", "", "room-rounds");
        ["1", "2"].forEach(function (n) {
          var col = el("div"); col.appendChild(el("h4", t("room.round", { n: Number(n) })));
          col.appendChild(bars(q.rounds[n] || {}, null, null, false)); rounds.appendChild(col);
        });
        box.appendChild(rounds); main.appendChild(box);
      });
      main.appendChild(flagged(r.body.flags));
      main.appendChild(el("h2", t("room.notes")));
      var notes = el("ul");
      rec.notes.forEach(function (n) { notes.appendChild(el("li", n.time + " " + n.text)); });
      main.appendChild(notes);
    });
  }

  if (page === "projector") { projector(document.getElementById("prt-room-main")); return; }
  if (page === "facilitator") { facilitator(document.getElementById("prt-room-main")); return; }
  if (page === "record") { record(document.getElementById("prt-room-main")); return; }

  /* -- a member's phone, on a page of the book ------------------------------------------ */
  var S = window.PRT.store || window.localStorage, A = window.PRTAnswers, catalog = null, state = null;
  var bar = el("aside", "", "prt-room-bar"), line = el("p", "", "prt-room-line"), status = el("p", "", "prt-room-status");
  status.setAttribute("role", "status");
  bar.setAttribute("aria-label", t("room.bar"));
  style(".prt-room-bar{position:sticky;bottom:0;z-index:1100;background:#f3f6fa;border-top:2px solid #1f5f99;padding:.4rem .8rem;font-size:.95rem}" +
    ".prt-room-bar p{margin:.2rem 0}.prt-room-bar input{font-size:1rem;max-width:12rem}.prt-room-bar button{margin:.2rem}" +
    ".prt-room-hold .prt-feedback{display:none}.prt-room-held{font-style:italic}.prt-room-refused{color:#a4262c}");

  function read(key) { try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; } }
  function write(key, value) { try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* said by the status line */ } }
  function memberId() {
    try { var kept = JSON.parse(S.getItem(memberKey)); if (typeof kept === "string" && A.isMemberId(kept)) { return kept; } } catch (e) { /* made below */ }
    return A.memberId(S, function (n) { return Array.prototype.slice.call(window.crypto.getRandomValues(new Uint32Array(n))); });
  }
  function sendId() {
    return Array.prototype.map.call(window.crypto.getRandomValues(new Uint32Array(4)), function (n) { return n.toString(36); }).join("-");
  }
  var joined = read(nameKey), outbox = read(outboxKey) || [], flushing = false, offline = false;

  function refusedAt(exercise, message) {
    var box = exercise && document.querySelector('.prt-exercise[data-exercise="' + exercise + '"] .prt-room-said');
    if (box) { box.textContent = message; box.className = "prt-room-said prt-room-refused"; }
    else { status.textContent = message; }
  }
  function sentAt(exercise, round) {
    var box = exercise && document.querySelector('.prt-exercise[data-exercise="' + exercise + '"] .prt-room-said');
    if (box) { box.textContent = round ? t("room.sent_round", { n: round }) : t("room.sent"); box.className = "prt-room-said"; }
  }
  function showStatus() {
    if (!joined) { return; }
    status.textContent = outbox.length ? t(offline ? "room.waiting_offline" : "room.waiting", { n: outbox.length }) : t("room.all_sent");
  }
  function enqueue(send) {
    if (!joined) { return; }
    send.id = sendId();
    if (send.type === "answer") { outbox = outbox.filter(function (s) { return s.inFlight || s.type !== "answer" || s.exercise !== send.exercise; }); }
    outbox.push(send);
    write(outboxKey, outbox);
    showStatus();
    flush();
  }
  /* One send at a time, oldest first; kept in the outbox until the room answers. */
  function flush() {
    if (flushing || !outbox.length || !joined) { showStatus(); return; }
    flushing = true;
    var send = outbox[0]; send.inFlight = true;
    var body = {}; Object.keys(send).forEach(function (k) { if (k !== "inFlight") { body[k] = send[k]; } });
    post("send", { member: joined.member, send: body }).then(function (r) {
      flushing = false; send.inFlight = false; offline = false;
      if (r.status === 429) { window.setTimeout(flush, 2000); showStatus(); return; }
      if (r.status === 403) { rejoin().then(flush); return; }
      outbox.shift(); write(outboxKey, outbox);
      if (r.status === 200) { sentAt(send.exercise, r.body.round); } else { refusedAt(send.exercise, r.body.error); }
      flush();
    }).catch(function () {
      flushing = false; send.inFlight = false; offline = true; showStatus();
      window.setTimeout(flush, 3000);
    });
  }
  window.addEventListener("online", flush);

  function sendAnswer(id) {
    var entry = catalog && catalog[id], stored = null;
    try { stored = JSON.parse(S.getItem("prt-answer:" + id)); } catch (e) { stored = null; }
    if (!entry || A.isPrivate(entry.kind)) { return; }
    if (stored === null) { refusedAt(id, t("room.answer_first")); return; }
    var first = null;
    try { first = JSON.parse(S.getItem(A.FIRST + id)); } catch (e) { first = null; }
    try {
      var send = { type: "answer", exercise: id, answer: A.toStable(entry, stored) };
      /* The device's first graded answer goes along: the room keeps it once, as the book does. */
      if (first && first.answer !== undefined) { send.first = { answer: A.toStable(entry, first.answer), time: first.time || null }; }
      enqueue(send);
    } catch (e) { refusedAt(id, e.message); }
  }
  function sendFlag(key, raw) {
    var parts = key.slice("prt-para:".length).split(":"), spot = null, sent = read(flagsKey) || {};
    try { spot = JSON.parse(raw); } catch (e) { spot = null; }
    var flag = spot && spot.flag ? spot.flag : null;
    if (parts.length !== 2 || (sent[key] || null) === flag) { return; }  /* a note alone is never sent */
    sent[key] = flag; write(flagsKey, sent);
    enqueue({ type: "flag", chapter: parts[0], paragraph: Number(parts[1]), flag: flag });
  }
  /* Answers and flags go as the book keeps them (store.js), an answer a moment after its last change. */
  var timers = {};
  if (window.PRT.store) {
    var setItem = S.setItem, removeItem = S.removeItem;
    S.setItem = function (key, value) {
      setItem.call(S, key, value);
      if (!joined) { return; }
      if (key.indexOf("prt-answer:") === 0) {
        var id = key.slice("prt-answer:".length);
        window.clearTimeout(timers[id]); timers[id] = window.setTimeout(function () { sendAnswer(id); }, 1200);
      } else if (key.indexOf("prt-para:") === 0) { sendFlag(key, value); }
    };
    S.removeItem = function (key) {
      removeItem.call(S, key);
      if (joined && key.indexOf("prt-para:") === 0) { sendFlag(key, null); }
    };
  }

  /* Answers the room kept for this member that this device lacks (a new phone): put back. */
  function restore(mine) {
    if (!catalog || !A) { return; }
    var plan = A.plan(catalog, S, { format: A.FORMAT, version: A.VERSION, pseudonym: mine.pseudonym, member: mine.member,
      answers: mine.answers, notes: mine.flags.map(function (f) { return { chapter: f.chapter, paragraph: f.paragraph, flag: f.flag, note: "" }; }) });
    try { plan.add.concat(plan.firsts).forEach(function (kv) { S.setItem(kv[0], JSON.stringify(kv[1])); }); } catch (e) { return; }
    if (plan.add.length) { document.dispatchEvent(new CustomEvent("prt-store-restored")); }
  }
  function joinWith(payload) {
    return post("join", payload).then(function (r) {
      if (r.status !== 200) { status.textContent = r.body.error; return false; }
      if (payload.code) { try { S.setItem(memberKey, JSON.stringify(r.body.member)); } catch (e) { /* kept in memory */ } }
      joined = { member: r.body.member, pseudonym: r.body.pseudonym, code: r.body.code };
      write(nameKey, joined);
      restore(r.body);
      drawBar(); flush();
      return true;
    }).catch(function () { status.textContent = t("room.unreachable"); return false; });
  }
  function rejoin() { return joinWith({ pseudonym: joined.pseudonym, member: joined.member }); }

  function drawBar() {
    bar.textContent = "";
    if (!joined) {
      var form = el("form"), label = el("label", t("room.pseudonym_label")), name = el("input"), go = el("button", t("room.join"));
      var code = el("input"), codeLabel = el("label", t("room.code_label"));
      name.id = "prt-room-name"; label.htmlFor = name.id; name.maxLength = 60; name.autocomplete = "nickname";
      code.id = "prt-room-code"; codeLabel.htmlFor = code.id; code.maxLength = 4; code.size = 5;
      go.type = "submit";
      form.appendChild(label); form.appendChild(name); form.appendChild(codeLabel); form.appendChild(code); form.appendChild(go);
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        if (code.value.trim()) { joinWith({ pseudonym: name.value, code: code.value.trim() }); }
        else { joinWith({ pseudonym: name.value, member: memberId() }); }
      });
      bar.appendChild(el("p", t("room.welcome"))); bar.appendChild(form); bar.appendChild(status);
      return;
    }
    bar.appendChild(el("p", t("room.in_room", { name: joined.pseudonym, code: joined.code }), "prt-room-me"));
    bar.appendChild(line); bar.appendChild(status);
    showStatus(); drawQuestion();
  }
  /* A kind whose Check adds to the answer (the ledger's Add entry): not pressed for it. */
  function adds(box) { var kind = A.kinds[box.getAttribute("data-kind")]; return !!(kind && kind.page && kind.page.add); }
  function drawQuestion() {
    line.textContent = "";
    var q = state && state.question;
    document.querySelectorAll(".prt-exercise").forEach(function (box) {
      var id = box.getAttribute("data-exercise"), hold = !!(q && q.exercise === id && !q.revealed);
      var was = box.classList.contains("prt-room-hold"), held = box.querySelector(".prt-room-held");
      box.classList.toggle("prt-room-hold", hold);
      if (hold && !held) { held = el("p", t("room.feedback_later"), "prt-room-held"); box.querySelector(".prt-feedback").insertAdjacentElement("beforebegin", held); }
      if (!hold && held) { held.remove(); }
      if (was && !hold && q && q.revealed && S.getItem("prt-answer:" + id) !== null && !adds(box)) {
        var check = box.querySelector(".prt-check"); if (check) { check.click(); }  /* the feedback, now */
      }
    });
    if (!q) { line.textContent = t("room.no_question_open"); return; }
    line.appendChild(document.createTextNode(t(q.revealed ? "room.phone_revealed" : q.round === 1 ? "room.phone_round_1" : "room.phone_round_2", { title: q.title }) + " "));
    if (!document.querySelector('.prt-exercise[data-exercise="' + q.exercise + '"]')) {
      var link = el("a", t("room.go_to_question"));
      link.href = "/exercises/" + q.chapter + ".html#ex-" + q.exercise;
      line.appendChild(link);
    }
  }
  function addButtons() {
    document.querySelectorAll(".prt-exercise").forEach(function (box) {
      var id = box.getAttribute("data-exercise"), actions = box.querySelector(".prt-ex-actions");
      if (!actions || box.querySelector(".prt-room-said")) { return; }  /* once per exercise */
      var said = el("span", "", "prt-room-said");
      said.setAttribute("role", "status");
      if (A.isPrivate(box.getAttribute("data-kind"))) {
        said.textContent = t("room.stays_here");
      } else {
        var send = el("button", t("room.send"), "prt-room-send");
        send.type = "button";
        send.addEventListener("click", function () {
          if (!joined) { status.textContent = t("room.join_first_here"); bar.scrollIntoView(); return; }
          window.clearTimeout(timers[id]); sendAnswer(id);
        });
        actions.appendChild(send);
      }
      actions.appendChild(said);
    });
  }

  document.body.appendChild(bar);
  addButtons(); drawBar();
  /* A chapter's exercises arrive when their fold is shown (book/later.py). */
  document.addEventListener("prt:later", function () { addButtons(); if (joined) { drawQuestion(); } });
  fetch(API + "catalog").then(json).then(function (r) { catalog = r.body; flush(); }).catch(function () { /* the outbox waits */ });
  follow(function () { return joined ? "member=" + encodeURIComponent(joined.member) : "view=phone"; }, function (s) {
    if (!s) { offline = true; showStatus(); return; }
    if (offline) { offline = false; flush(); }
    state = s; if (joined) { drawQuestion(); }
  });
})();
