/* Permanent Revolution Today: how each exercise kind grades an answer, in the browser.
 * The twin of the grade() functions in book/exercises/*.py: a table of answers and
 * verdicts made from the Python side is run through these under node --test
 * (tests/test_grader_parity.py), so the book and the live notebooks cannot drift apart.
 * DOM-free: answers come in the shapes the exercise pages store (static/exercises.js).
 * Its words come from the catalog through `t` (static/translate.js): PRT.t on a page,
 * the same catalog in node's tests, which build the graders with graders(t). */
(function (root) {
  "use strict";
  function graders(t) {
    function words(text) { return String(text || "").trim().split(/\s+/).filter(Boolean).length; }
    /* A verdict: correct is true, false or null (nothing to grade); invalid is not saved. */
    function verdict(correct, messages, invalid) { return { correct: correct, messages: messages, invalid: !!invalid }; }
    function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }).sort(function (a, b) { return a - b; }); }
    /* n / d rounded half up, in whole numbers: the same digits in Python and JavaScript. */
    function ratio(n, d) { return Math.floor((2 * n + d) / (2 * d)); }

    function choice(spec, chosen) {
      if (!chosen.length) { return verdict(false, [t("grade.choose_first")], true); }
      var picked = unique(chosen);
      if (picked.some(function (i) { return !(i >= 0 && i < spec.options.length); })) {
        return verdict(null, [t("grade.no_option")], true);
      }
      var right = [], messages = picked.map(function (i) { return spec.options[i].feedback; });
      spec.options.forEach(function (o, i) { if (o.correct) { right.push(i); } });
      var missed = right.filter(function (i) { return picked.indexOf(i) < 0; }).length;
      if (spec.multiple && missed) { messages.push(t("grade.more_right", { n: missed })); }
      return verdict(missed === 0 && picked.length === right.length, messages);
    }

    function ordering(spec, answer) {
      if (answer.slice().sort().join("\n") !== spec.key.slice().sort().join("\n")) {
        return verdict(false, [t("grade.place_every")], true);
      }
      var hits = 0, misplaced = [];
      spec.key.forEach(function (id, i) { if (answer[i] === id) { hits += 1; } else { misplaced.push(spec.misplaced[answer[i]]); } });
      if (hits === spec.key.length) { return verdict(true, spec.key.map(function (id) { return spec.dates[id]; })); }
      return verdict(false, [t("grade.in_place", { hits: hits, total: spec.key.length })].concat(misplaced, [spec.hint]));
    }

    function matching(spec, answer) {
      if (!answer.some(function (a) { return a !== null && a !== undefined; })) {
        return verdict(false, [t("grade.match_first")], true);
      }
      var wrong = [];
      spec.key.forEach(function (k, i) { if (answer[i] !== k) { wrong.push(spec.lefts[i]); } });
      var hits = spec.key.length - wrong.length;
      if (!wrong.length) { return verdict(true, [t("grade.all_matched", { n: hits })]); }
      return verdict(false, [t("grade.matched", { hits: hits, total: spec.key.length })].concat(
        wrong.map(function (l) { return t("grade.look_again", { item: l }); })));
    }

    function short(spec, answer) {
      var n = words(answer.text);
      if (n < spec.min_words) { return verdict(null, [t("grade.too_short", { min: spec.min_words, n: n })], true); }
      var ticks = unique((answer.ticks || []).filter(function (t) { return t >= 0 && t < spec.points; })).length;
      return verdict(ticks === spec.points, [t("grade.model_answer", { model: spec.model }),
        t("grade.ticked", { n: ticks, total: spec.points })]);
    }

    var STEPS = ["immediate", "transitional", "goal"];
    function bridge(spec, answer) {
      var chosen = answer.grievance >= 0 ? spec.grievances[answer.grievance] : null;
      if (!chosen) { return verdict(null, [t("grade.choose_grievance")], true); }
      for (var i = 0; i < STEPS.length; i += 1) {
        if (words(answer[STEPS[i]]) < spec.min_words) {
          return verdict(null, [t("grade.fill_step", { step: t("grade.step_" + STEPS[i]), min: spec.min_words })], true);
        }
      }
      return verdict(null, [
        t("grade.chain", { immediate: answer.immediate, transitional: answer.transitional, goal: answer.goal }),
        t("grade.program", { grievance: chosen.grievance, demand: chosen.demand, where: chosen.where }),
        t("grade.compare")]);
    }

    function discussion(spec, answer) {
      var n = words(answer.notes);
      if (!n) { return verdict(null, [t("grade.note_first")], true); }
      return verdict(null, [t("grade.notes_saved", { n: n })]);
    }

    /* The ledger: one entry checked (an Error says what to fix), and the totals. */
    function check(spec, household, day, minutes) {
      household = String(household || "").trim();
      if (!household) { throw new Error(t("ledger.no_household")); }
      var d = String(day || "").trim(), m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
      var date = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      if (!m || date.getUTCFullYear() !== +m[1] || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
        throw new Error(t("ledger.not_a_date", { day: d }));
      }
      var text = String(minutes).trim();
      if (!/^-?[0-9]+$/.test(text)) { throw new Error(t("ledger.not_whole", { text: text })); }
      var value = Number(text);
      if (value < 0 || value > spec.max) { throw new Error(t("ledger.out_of_range", { max: spec.max, value: value })); }
      return { household: household, day: d, minutes: value };
    }
    function summary(rows) {
      if (!rows.length) { return [t("ledger.no_entries")]; }
      var total = 0, byDay = {}, households = {};
      rows.forEach(function (r) { total += r.minutes; byDay[r.day] = (byDay[r.day] || 0) + r.minutes; households[r.household] = 1; });
      var days = Object.keys(byDay).sort(), hh = Object.keys(households).length, tenths = ratio(total * 10, 60);
      var worst = days.reduce(function (a, d) { return byDay[d] >= byDay[a] ? d : a; }, days[0]);
      return [
        t("ledger.entries", { rows: rows.length, households: t("ledger.households", { n: hh }), days: t("ledger.days", { n: days.length }) }),
        t("ledger.total", { minutes: total, hours: Math.floor(tenths / 10) + "." + (tenths % 10) }),
        t("ledger.mean", { minutes: ratio(total, rows.length) }),
        t("ledger.worst", { day: worst, minutes: byDay[worst] })];
    }
    function ledger(spec, rows) {
      var good = [], problems = [];
      (Array.isArray(rows) ? rows : []).forEach(function (r, n) {
        try { good.push(check(spec, r && r.household, r && r.day, r && r.minutes)); }
        catch (e) { problems.push(t("ledger.row_skipped", { n: n + 1, why: e.message })); }
      });
      return verdict(null, summary(good).concat(problems));
    }

    return { words: words, verdict: verdict, check: check, summary: summary,
      kinds: { choice: choice, ordering: ordering, matching: matching, short: short, bridge: bridge,
        discussion: discussion, ledger: ledger } };
  }
  if (typeof module !== "undefined" && module.exports) { module.exports = graders; } else { root.PRTGraders = graders(root.PRT.t); }
})(this);
