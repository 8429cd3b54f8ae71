/* Permanent Revolution Today: a reader's stored answers to and from an answer file
 * (format "prt-answers", version 3: book/answers/model.py documents the shapes; versions 1
 * and 2, whose answers hold English texts, are still read, their texts mapped to ids).
 * The browser keeps each exercise as the page shows it ("prt-answer:<id>" = positions in
 * that page's lists) and the first graded answer beside it ("prt-first:<id>" = {answer,
 * correct, time}, never replaced by a later try or a Reset); a file keeps ids, the same in
 * every language and after a reshuffle; each kind's file (static/kinds/<kind>.js) converts
 * its own answers. DOM-free,
 * so node's test runner checks it too (tests/js/answer-file.test.js).
 * `catalog` is book/answers/catalog.py's JSON: exercise id -> kind, chapter and texts.
 * Why an answer no longer fits is said in the catalog's words, through `t` (PRT.t on a
 * page; node's tests build the functions with answerFile(t)). */
(function (root) {
  "use strict";
  var registry = typeof module !== "undefined" && module.exports ? require("./kinds/registry.js") : root.PRTKinds;
  function answerFile(t) {
    var FORMAT = "prt-answers", VERSION = 3, IDS_SINCE = 3, ANSWER = "prt-answer:", FIRST = "prt-first:", PARA = "prt-para:";
    var MEMBER = "prt-member:" + "id";
    /* Member ids: no 0/o, 1/l/i, so a code read aloud or copied by hand stays right. */
    var ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz", ID_LENGTH = 16, CODE_LENGTH = 4;
    var built = registry.build(t), kinds = built.kinds, misfit = built.helpers.misfit;

    /* A stored (page-shaped) answer in the file's stable shape: its kind's toStable. */
    function toStable(entry, stored) {
      if (!kinds[entry.kind]) { throw misfit(t("answers.unknown_kind", { kind: entry.kind })); }
      return kinds[entry.kind].toStable(entry, stored);
    }

    /* A file's stable answer in the page's shape; throws (err.misfit) if it no longer fits. */
    function fromStable(entry, stable) {
      if (!stable || typeof stable !== "object") { throw misfit(t("answers.not_object")); }
      var kind = kinds[entry.kind];
      if (!kind) { throw misfit(t("answers.unknown_kind", { kind: entry.kind })); }
      if (!(kind.shape in stable)) { throw misfit(t("answers.other_shape", { key: kind.shape })); }
      return kind.fromStable(entry, stable);
    }
    /* A version 1 or 2 file's stable answer (English texts) as version 3's (ids): its kind's
     * upgrade (book/answers/stable.py upgrade); throws (err.misfit) for a text no longer offered. */
    function upgrade(entry, stable, version) {
      var kind = kinds[entry.kind];
      if (version >= IDS_SINCE || !kind || !kind.upgrade || !stable || typeof stable !== "object" || !(kind.shape in stable)) {
        return stable;
      }
      return kind.upgrade(entry, stable);
    }

    /* The first answer to keep: the one kept, unless `other` was given earlier (an import of
     * an older file's first answer); a first answer with no time never replaces one. */
    function earlier(kept, other) {
      if (!other) { return false; }
      if (!kept) { return true; }
      var a = Date.parse(other.time || ""), b = Date.parse(kept.time || "");
      return !isNaN(a) && (isNaN(b) || a < b);
    }

    /* Whether a kind's answers stay on the device unless the member includes private notes. */
    function isPrivate(kind) { return !!(kinds[kind] && kinds[kind]["private"]); }

    function read(storage, key) {
      try { return JSON.parse(storage.getItem(key)); } catch (e) { return null; }
    }
    function keys(storage) {
      var out = [];
      for (var i = 0; i < storage.length; i += 1) { out.push(storage.key(i)); }
      return out;
    }

    /* This device's member id, made once and kept with the answers: the group page tells
     * two members who chose one pseudonym apart by it, and lets a re-sent file replace
     * the earlier one. `random(n)` gives n random integers below 2^32 (crypto on a page). */
    function memberId(storage, random) {
      var kept = read(storage, MEMBER);
      if (typeof kept === "string" && isMemberId(kept)) { return kept; }
      var id = random(ID_LENGTH).map(function (n) { return ALPHABET[n % ALPHABET.length]; }).join("");
      storage.setItem(MEMBER, JSON.stringify(id));  /* throws when nothing can be kept: callers say so */
      return id;
    }
    function isMemberId(id) { return new RegExp("^[" + ALPHABET + "]{" + ID_LENGTH + "}$").test(id); }
    /* The short code shown beside a pseudonym ("Zaid · K7QM"). */
    function code(id) { return id ? id.slice(0, CODE_LENGTH).toUpperCase() : ""; }

    /* The file's name: pseudonym, day and code, so two members called Zaid, or one who
     * sends again next week, never give two files of one name. */
    function fileName(pseudonym, day, id) {
      var name = pseudonym.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "").toLowerCase() || "member";
      return ["answers", name, day, code(id).toLowerCase()].filter(Boolean).join("-") + ".json";
    }

    /* Everything this book stored on the device, as an answer file. A private kind's
     * answers (the discussion exercises' notes) were promised to stay on the device: they
     * are in the file only when `options.private` says the member chose to include them. */
    function collect(catalog, storage, pseudonym, session, bookVersion, now, options) {
      var opts = options || {}, kept = read(storage, MEMBER);
      var file = { format: FORMAT, version: VERSION, pseudonym: pseudonym, member: typeof kept === "string" ? kept : "",
        session: session || "", book_version: bookVersion || "", source: "book", exported: now, answers: [], notes: [] };
      Object.keys(catalog).forEach(function (id) {
        var stored = read(storage, ANSWER + id), first = read(storage, FIRST + id);
        if ((stored === null && !first) || (isPrivate(catalog[id].kind) && !opts.private)) { return; }
        try {
          var entry = { exercise: id, chapter: catalog[id].chapter, kind: catalog[id].kind,
            answer: stored === null ? null : toStable(catalog[id], stored), time: null };
          if (first && first.answer !== undefined) {
            entry.first = { answer: toStable(catalog[id], first.answer), correct: first.correct === undefined ? null : first.correct,
              time: first.time || null };
          }
          file.answers.push(entry);
        } catch (e) { /* an unreadable stored answer stays on the device, out of the file */ }
      });
      keys(storage).filter(function (k) { return k.indexOf(PARA) === 0; }).sort().forEach(function (k) {
        var parts = k.slice(PARA.length).split(":"), spot = read(storage, k);
        if (!spot || parts.length !== 2) { return; }
        file.notes.push({ chapter: parts[0], paragraph: Number(parts[1]), flag: spot.flag || null,
          note: spot.note || "", time: spot.time || null });
      });
      return file;
    }

    function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

    /* What importing `file` would do: {add: [[key, value]], replace: [[key, value, title]], misfits: [why],
     * firsts: [[key, value]], member: the file's member id to keep, or null}.
     * Nothing is written here: the page asks before it replaces anything. A first answer is
     * taken (in `firsts`, without asking) only where the device has none or the file's was
     * given earlier: an older file never replaces a first answer with a later one. */
    function plan(catalog, storage, file) {
      if (!file || file.format !== FORMAT) { throw new Error(t("answers.not_ours")); }
      if (!(file.version >= 1)) { throw new Error(t("answers.no_version")); }
      /* A member moving to a new device takes their member id along (a device that has
       * one keeps it: the group page then counts the two devices' files apart). */
      var out = { add: [], replace: [], misfits: [], firsts: [], member: typeof file.member === "string" && isMemberId(file.member) &&
        read(storage, MEMBER) === null ? file.member : null };
      (file.answers || []).forEach(function (a) {
        var entry = catalog[a.exercise];
        try {
          if (!entry) { throw misfit(t("answers.gone")); }
          if (entry.kind !== a.kind) { throw misfit(t("answers.kind_changed", { was: a.kind, now: entry.kind })); }
          var first = a.first && typeof a.first === "object" ? { answer: fromStable(entry, upgrade(entry, a.first.answer, file.version)),
            correct: a.first.correct === undefined ? null : a.first.correct, time: a.first.time || null } : null;
          if (earlier(read(storage, FIRST + a.exercise), first)) { out.firsts.push([FIRST + a.exercise, first]); }
          if (a.answer === null || a.answer === undefined) { return; }
          var value = fromStable(entry, upgrade(entry, a.answer, file.version)), key = ANSWER + a.exercise, mine = read(storage, key);
          if (mine === null) { out.add.push([key, value]); }
          else if (!same(mine, value)) { out.replace.push([key, value, entry.title]); }
        } catch (e) { out.misfits.push(a.exercise + ": " + e.message); }
      });
      (file.notes || []).forEach(function (n) {
        var key = PARA + n.chapter + ":" + n.paragraph, value = { flag: n.flag || null, note: n.note || "", time: n.time || null };
        var mine = read(storage, key);
        if (mine === null) { out.add.push([key, value]); }
        else if (mine.flag !== value.flag || mine.note !== value.note) { out.replace.push([key, value, "¶" + n.paragraph + " (" + n.chapter + ")"]); }
      });
      return out;
    }

    /* The first graded answer of an exercise, kept once: nothing is written when one is kept. */
    function keepFirst(storage, id, stored, correct, now) {
      if (read(storage, FIRST + id) !== null) { return false; }
      storage.setItem(FIRST + id, JSON.stringify({ answer: stored, correct: correct === undefined ? null : correct, time: now }));
      return true;
    }

    return { FORMAT: FORMAT, VERSION: VERSION, ANSWER: ANSWER, FIRST: FIRST, PARA: PARA, MEMBER: MEMBER, kinds: kinds,
      toStable: toStable, fromStable: fromStable, upgrade: upgrade, keepFirst: keepFirst, isPrivate: isPrivate, collect: collect, plan: plan, keys: keys, memberId: memberId,
      isMemberId: isMemberId, code: code, fileName: fileName };
  }
  if (typeof module !== "undefined" && module.exports) { module.exports = answerFile; } else { root.PRTAnswers = answerFile(root.PRT.t); }
})(this);
