/* Permanent Revolution Today: the exercise kinds' registry, the browser's half of "one
 * contract per exercise kind" (book/exercises/ is the Python half).
 *
 * Each kind is one file, book/static/kinds/<kind>.js, that calls
 *
 *   PRTKinds.register("<kind>", function (h) { return { ...the parts below... }; });
 *
 * The build joins this file and then every other file here, by name, into _static/kinds.js
 * (book/course/assets.py kinds_script), loaded before graders.js, exercises.js and
 * answer-file.js; under node, requiring this file loads them all (the parity and answer-file
 * tests). Adding a kind is adding its file: nothing else in static/ names a kind.
 *
 * The factory gets `h`, built once per translator: h.t (the catalog's words: PRT.t, or
 * the catalog in node's tests), h.words(text) (its word count), h.verdict(correct, messages,
 * invalid), h.unique(numbers) (sorted, once each), h.ratio(n, d) (n / d rounded half up, as
 * Python does), h.misfit(why) (an Error marked .misfit), h.indexOf(list, text, what) (the
 * index, or a misfit naming `what`, a catalog key), h.tally(list) ({item: count}),
 * h.flat(lists) (one list), and for the page parts only
 * h.el(tag, text, cls) and h.values(box, selector) (the matching elements as an array).
 *
 * It returns (entry: the kind's entry in book/answers/catalog.py's catalog; spec: the
 * exercise's JSON in its page's .prt-ex-data; stored: the answer as the page keeps it,
 * "prt-answer:<id>"; stable: the answer as an answer file keeps it, book/answers/model.py):
 *   shape                    the key every stable answer of the kind has (book/answers/stable.py SHAPE)
 *   private                  optional, true: its answers stay on the device (out of answer
 *                            files unless the member includes private notes; never sent to the room)
 *   grade(spec, stored)      the verdict, exactly as the kind's Python grade() (DOM-free)
 *   toStable(entry, stored)  the stable answer (DOM-free)
 *   fromStable(entry, stable) the stored answer; throws h.misfit(why) when it no longer fits
 *                            (DOM-free; `shape` is checked before it is called)
 *   readable(entry, stable)  the answer in words for My answers and the chat summary ("\n" between lines)
 *   group                    optional, the facilitator's group page (book/answers/summary.py):
 *     caption                  the catalog key said above the bars ({title})
 *     bars(entry, stables)     rows [label, count, right?, what is right (optional)]
 *     marksRight               optional, true: a right row is marked "✓ right answer"
 *     words(entry, stable)     optional, a member's own words shown under the bars
 *   page                     the exercise page (book/exercises/base.py markup), given the
 *                            exercise's box (.prt-exercise):
 *     read(box)                the stored answer from the inputs
 *     write(box, stored)       the inputs from a stored answer
 *     shown(box, spec, result, list)  optional, after the feedback `list` (<ul>) shows `result`;
 *                                     also called with {invalid: true, messages: []} when cleared
 *     click(box, target)       optional, a click in the box: "save" (the answer changed),
 *                            "grade" (changed: save and show its verdict) or nothing
 *     regrades(target)         optional, true when a change of `target` redraws a shown verdict
 *     notSaved(stored)         optional, the feedback's lines when the browser would not keep it
 *     add(box, spec)           optional: Check adds to the answer (the ledger's rows) and
 *                            gives the verdict; the answer is then saved on Check, not as typed
 *   ...and anything else the kind needs (the ledger's check and summary).
 */
(function (root) {
  "use strict";
  var factories = {}, names = [], made = [];

  function register(name, factory) {
    if (!(name in factories)) { names.push(name); }
    factories[name] = factory;
    made = [];
  }

  function helpers(t) {
    function words(text) { return String(text || "").trim().split(/\s+/).filter(Boolean).length; }
    /* A verdict: correct is true, false or null (nothing to grade); invalid is not saved. */
    function verdict(correct, messages, invalid) { return { correct: correct, messages: messages, invalid: !!invalid }; }
    function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }).sort(function (a, b) { return a - b; }); }
    /* n / d rounded half up, in whole numbers: the same digits in Python and JavaScript. */
    function ratio(n, d) { return Math.floor((2 * n + d) / (2 * d)); }
    function misfit(why) { var e = new Error(why); e.misfit = true; return e; }
    function indexOf(list, text, what) {
      var i = list.indexOf(text);
      if (i < 0) { throw misfit(t("answers.not_offered", { what: t(what), text: String(text).slice(0, 60) })); }
      return i;
    }
    function tally(list) { var c = {}; list.forEach(function (x) { c[x] = (c[x] || 0) + 1; }); return c; }
    function flat(lists) { return [].concat.apply([], lists); }
    function el(tag, text, cls) { return root.PRT.el(tag, text, cls); }
    function values(box, selector) { return Array.prototype.slice.call(box.querySelectorAll(selector)); }
    return { t: t, words: words, verdict: verdict, unique: unique, ratio: ratio, misfit: misfit, indexOf: indexOf,
      tally: tally, flat: flat, el: el, values: values };
  }

  /* Every registered kind made with the translator `t`: {helpers: h, kinds: {name: parts}};
   * made once per translator. */
  function build(t) {
    for (var i = 0; i < made.length; i += 1) { if (made[i].t === t) { return made[i].built; } }
    var h = helpers(t), kinds = {};
    names.forEach(function (name) { kinds[name] = factories[name](h); });
    made.push({ t: t, built: { helpers: h, kinds: kinds } });
    return made[made.length - 1].built;
  }

  var registry = { register: register, build: build, names: function () { return names.slice(); } };
  if (typeof module !== "undefined" && module.exports) {
    module.exports = registry;
    /* Under node, the kinds beside this file, in the bundle's order (by name). */
    var fs = require("fs"), path = require("path");
    fs.readdirSync(__dirname).filter(function (f) { return /\.js$/.test(f) && f !== path.basename(__filename); })
      .sort().forEach(function (f) { require(path.join(__dirname, f)); });
  } else {
    /* Loaded twice (the room adds its own copy to a page that has one): the kinds register again. */
    root.PRTKinds = root.PRTKinds || registry;
  }
})(this);
