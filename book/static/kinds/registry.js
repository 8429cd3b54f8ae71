/* Permanent Revolution Today: the exercise kinds' registry, the browser's half of "one
 * contract per exercise kind" (book/kinds/ is the Python half).
 *
 * Each kind is one file, book/static/kinds/<kind>.js, that is one call (and no more:
 * no other global, nothing done as it loads):
 *
 *   PRTKinds.register("<kind>", function (h) { "use strict"; return { ...the parts below... }; });
 *
 * The build joins this file and then every other file here, by name, into _static/kinds.js
 * (book/course/assets.py kinds_script), loaded before graders.js, exercises.js and
 * answer-file.js; under node, requiring this file loads them all (the parity and answer-file
 * tests). Adding a kind is adding its file: nothing else in static/ names a kind.
 *
 * The factory gets `h`, made once per translator:
 *   h.t(key, values)         the catalog's words (PRT.t on a page; the catalog in node's tests)
 *   h.verdict(correct, messages, invalid)   a grade's result: correct true, false or null
 *                            (nothing to grade); an invalid answer is not saved
 *   h.words(text), h.unique(numbers), h.ratio(n, d) (n / d rounded half up, as Python),
 *   h.tally(list) ({item: count}), h.flat(lists)
 *   h.misfit(why)            an Error marked .misfit: a file's answer that no longer fits
 *   h.indexOf(list, text, what)  text's index, or a misfit naming `what` (a catalog key)
 *   h.label(ids, labels, id) the label shown for an id (this edition's words), or the id
 *   h.english(entry, key)    the English texts of entry[key], which a version 1 or 2 file's
 *                            answers hold: entry.en[key] where an edition in another language
 *                            gives them, else entry[key] (the English edition's own labels)
 *   h.el(tag, text, cls), h.values(box, selector)   for the page part only (the DOM)
 *
 * and returns the kind's parts. Words: `spec` is the exercise's JSON in its page's
 * .prt-ex-data (book/kinds/<kind> static_html); `entry` its entry in the answer catalog
 * (book/answers/catalog.py); `stored` an answer as the page keeps it ("prt-answer:<id>",
 * positions in the page's lists); `stable` as an answer file keeps it (version 3: ids, the
 * same in every language, never displayed texts: book/answers/model.py, book/course/ids.py).
 * `entry` gives each list's ids beside this edition's labels. All but `page` are DOM-free,
 * so node runs them.
 *   shape                      the key every stable answer has (the Python kind's SHAPE)
 *   private                    optional, true: answers stay on the device (out of an answer
 *                              file unless the member includes private notes; never sent to the room)
 *   grade(spec, stored)        the verdict, word for word the kind's Python grade()
 *   toStable(entry, stored)    the stable answer
 *   fromStable(entry, stable)  the stored answer, or throws h.misfit(why); `shape` is checked first
 *   upgrade(entry, old)        optional: a version 1 or 2 file's stable answer (displayed English
 *                              texts) as version 3's (ids), or throws h.misfit(why) for a text no
 *                              longer offered (the Python kind's upgrade; a kind whose answers
 *                              always held ids has none)
 *   readable(entry, stable)    the answer in words (My answers, the chat summary; "\n" between lines)
 *   group                      optional, the facilitator's group page (as book/answers/summary.py):
 *     caption                  the catalog key said above the bars ({title})
 *     bars(entry, stables)     rows [label, count, right?, what is right (optional)]
 *     marksRight               optional, true: a right row says "✓ right answer"
 *     words(entry, stable)     optional, a member's own words, listed under the bars
 *   page                       the exercise on its page (book/kinds/frame.py markup);
 *                              `box` is the exercise's .prt-exercise element:
 *     read(box), write(box, stored)   the stored answer from the inputs, and back
 *     shown(box, spec, result, list)  optional, after the feedback list (<ul>) shows `result`;
 *                              called with {invalid: true, messages: []} when the feedback is cleared
 *     click(box, target)       optional, a click in the box: "save" (the answer changed),
 *                              "grade" (changed: save it and show its verdict) or null
 *     regrades(target)         optional, true when a change of `target` redraws a shown verdict
 *     notSaved(stored)         optional, the feedback's lines when the browser would not keep it
 *     add(box, spec)           optional: Check adds to the answer (the ledger's rows) and
 *                              gives the verdict; the answer is saved then, not as it is typed
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
    function label(ids, labels, id) { var i = ids.indexOf(id); return i < 0 ? String(id) : labels[i]; }
    function english(entry, key) { return (entry.en && entry.en[key]) || entry[key]; }
    function tally(list) { var c = {}; list.forEach(function (x) { c[x] = (c[x] || 0) + 1; }); return c; }
    function flat(lists) { return [].concat.apply([], lists); }
    function el(tag, text, cls) { return root.PRT.el(tag, text, cls); }
    function values(box, selector) { return Array.prototype.slice.call(box.querySelectorAll(selector)); }
    return { t: t, words: words, verdict: verdict, unique: unique, ratio: ratio, misfit: misfit, indexOf: indexOf,
      label: label, english: english, tally: tally, flat: flat, el: el, values: values };
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
    /* Under node, the kinds beside this file, in the bundle's order (by name), each
     * registering into the PRTKinds it finds while it loads. */
    var fs = require("fs"), path = require("path");
    global.PRTKinds = registry;
    try {
      fs.readdirSync(__dirname).filter(function (f) { return /\.js$/.test(f) && f !== path.basename(__filename); })
        .sort().forEach(function (f) { require(path.join(__dirname, f)); });
    } finally { delete global.PRTKinds; }
    module.exports = registry;
  } else {
    /* Loaded twice (the room adds its own copy to a page that has one): the kinds register again. */
    root.PRTKinds = root.PRTKinds || registry;
  }
})(this);
