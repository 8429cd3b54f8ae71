/* Permanent Revolution Today: how each exercise kind grades an answer, in the browser.
 * The twin of the grade() functions in book/exercises/*.py: a table of answers and
 * verdicts made from the Python side is run through these under node --test
 * (tests/test_grader_parity.py), so the book and the live notebooks cannot drift apart.
 * DOM-free: answers come in the shapes the exercise pages store (static/exercises.js). */
(function (root) {
  "use strict";

  function words(text) { return String(text || "").trim().split(/\s+/).filter(Boolean).length; }
  /* A verdict: correct is true, false or null (nothing to grade); invalid is not saved. */
  function verdict(correct, messages, invalid) { return { correct: correct, messages: messages, invalid: !!invalid }; }
  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }).sort(function (a, b) { return a - b; }); }
  /* n / d rounded half up, in whole numbers: the same digits in Python and JavaScript. */
  function ratio(n, d) { return Math.floor((2 * n + d) / (2 * d)); }

  function choice(spec, chosen) {
    if (!chosen.length) { return verdict(false, ["Choose an answer first."], true); }
    var picked = unique(chosen);
    if (picked.some(function (i) { return !(i >= 0 && i < spec.options.length); })) {
      return verdict(null, ["That option does not exist in this exercise."], true);
    }
    var right = [], messages = picked.map(function (i) { return spec.options[i].feedback; });
    spec.options.forEach(function (o, i) { if (o.correct) { right.push(i); } });
    var missed = right.filter(function (i) { return picked.indexOf(i) < 0; }).length;
    if (spec.multiple && missed) { messages.push(missed + " more right answer" + (missed > 1 ? "s" : "") + " to find."); }
    return verdict(missed === 0 && picked.length === right.length, messages);
  }

  function ordering(spec, answer) {
    if (answer.slice().sort().join("\n") !== spec.key.slice().sort().join("\n")) {
      return verdict(false, ["Place every event exactly once."], true);
    }
    var hits = 0, misplaced = [];
    spec.key.forEach(function (id, i) { if (answer[i] === id) { hits += 1; } else { misplaced.push(spec.misplaced[answer[i]]); } });
    if (hits === spec.key.length) { return verdict(true, spec.key.map(function (id) { return spec.dates[id]; })); }
    return verdict(false, [hits + " of " + spec.key.length + " events are in the right place."].concat(misplaced, [spec.hint]));
  }

  function matching(spec, answer) {
    if (!answer.some(function (a) { return a !== null && a !== undefined; })) {
      return verdict(false, ["Match at least one item first."], true);
    }
    var wrong = [];
    spec.key.forEach(function (k, i) { if (answer[i] !== k) { wrong.push(spec.lefts[i]); } });
    var hits = spec.key.length - wrong.length;
    if (!wrong.length) { return verdict(true, ["All " + hits + " matched."]); }
    return verdict(false, [hits + " of " + spec.key.length + " matched."].concat(
      wrong.map(function (l) { return "Look again at: " + l + "."; })));
  }

  function short(spec, answer) {
    var n = words(answer.text);
    if (n < spec.min_words) { return verdict(null, ["Write at least " + spec.min_words + " words first (you have " + n + ")."], true); }
    var ticks = unique((answer.ticks || []).filter(function (t) { return t >= 0 && t < spec.points; })).length;
    return verdict(ticks === spec.points, ["Model answer: " + spec.model, "You ticked " + ticks + " of " + spec.points + " points of the rubric."]);
  }

  var STEPS = ["immediate", "transitional", "goal"];
  function bridge(spec, answer) {
    var chosen = answer.grievance >= 0 ? spec.grievances[answer.grievance] : null;
    if (!chosen) { return verdict(null, ["Choose a grievance first."], true); }
    for (var i = 0; i < STEPS.length; i += 1) {
      if (words(answer[STEPS[i]]) < spec.min_words) {
        return verdict(null, ["Fill in the " + STEPS[i] + " step with at least " + spec.min_words + " words."], true);
      }
    }
    return verdict(null, [
      "Your chain: " + answer.immediate + " → " + answer.transitional + " → " + answer.goal,
      "The article's program answers “" + chosen.grievance + "” with: " + chosen.demand + chosen.where + ".",
      "Compare: where does your chain go further, or stop sooner, than the article's?"]);
  }

  function discussion(spec, answer) {
    var n = words(answer.notes);
    if (!n) { return verdict(null, ["Write a note first."], true); }
    return verdict(null, ["Notes saved (" + n + " words)."]);
  }

  /* The ledger: one entry checked (an Error says what to fix), and the totals. */
  function check(spec, household, day, minutes) {
    household = String(household || "").trim();
    if (!household) { throw new Error("Choose or name a household."); }
    var d = String(day || "").trim(), m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    var date = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (!m || date.getUTCFullYear() !== +m[1] || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
      throw new Error("'" + d + "' is not a date; use the form 2026-07-14.");
    }
    var text = String(minutes).trim();
    if (!/^-?[0-9]+$/.test(text)) { throw new Error("Minutes must be a whole number; '" + text + "' is not."); }
    var value = Number(text);
    if (value < 0 || value > spec.max) { throw new Error("Minutes must be between 0 and " + spec.max + " (a day has 1440); got " + value + "."); }
    return { household: household, day: d, minutes: value };
  }
  function summary(rows) {
    if (!rows.length) { return ["No entries yet."]; }
    var total = 0, byDay = {}, households = {};
    rows.forEach(function (r) { total += r.minutes; byDay[r.day] = (byDay[r.day] || 0) + r.minutes; households[r.household] = 1; });
    var days = Object.keys(byDay).sort(), hh = Object.keys(households).length, tenths = ratio(total * 10, 60);
    var worst = days.reduce(function (a, d) { return byDay[d] >= byDay[a] ? d : a; }, days[0]);
    return [
      rows.length + " entries from " + hh + " household" + (hh !== 1 ? "s" : "") + " over " + days.length + " day" + (days.length !== 1 ? "s" : "") + ".",
      "Total without power: " + total + " minutes (" + Math.floor(tenths / 10) + "." + (tenths % 10) + " hours).",
      "Mean per household and day: " + ratio(total, rows.length) + " minutes.",
      "Worst day: " + worst + ", " + byDay[worst] + " minutes across households."];
  }
  function ledger(spec, rows) {
    var good = [], problems = [];
    (Array.isArray(rows) ? rows : []).forEach(function (r, n) {
      try { good.push(check(spec, r && r.household, r && r.day, r && r.minutes)); }
      catch (e) { problems.push("Row " + (n + 1) + " skipped: " + e.message); }
    });
    return verdict(null, summary(good).concat(problems));
  }

  var api = { words: words, verdict: verdict, check: check, summary: summary,
    kinds: { choice: choice, ordering: ordering, matching: matching, short: short, bridge: bridge,
      discussion: discussion, ledger: ledger } };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; } else { root.PRTGraders = api; }
})(this);
