/* Permanent Revolution Today: the one way scripts get the words they show a reader.
 * The words are book/data/strings.yml, written by the build as _static/strings.js
 * (window.PRT.strings, loaded just before this file). PRT.t("feature.key", {name: value})
 * fills in {name}; a text with plural forms picks one by {n} (Intl.PluralRules for the
 * catalog's language). A key the catalog lacks, or a {name} not given, throws: a typo
 * must fail loudly, never show a key's name to a reader. DOM-free, so node's tests
 * (tests/js/) use the same function with the same catalog. */
(function (root) {
  "use strict";
  function translator(strings, language) {
    var plural = typeof Intl !== "undefined" && Intl.PluralRules ? new Intl.PluralRules(language || "en") : null;
    return function t(key, params) {
      if (!Object.prototype.hasOwnProperty.call(strings, key)) { throw new Error("no text '" + key + "' in book/data/strings.yml"); }
      var text = strings[key];
      params = params || {};
      if (typeof text !== "string") {
        if (typeof params.n !== "number") { throw new Error("text '" + key + "' needs a count {n}"); }
        text = text[plural ? plural.select(params.n) : (params.n === 1 ? "one" : "other")] || text.other;
      }
      return text.replace(/\{(\w+)\}/g, function (whole, name) {
        if (!Object.prototype.hasOwnProperty.call(params, name)) { throw new Error("text '" + key + "' needs {" + name + "}"); }
        return String(params[name]);
      });
    };
  }
  if (typeof module !== "undefined" && module.exports) { module.exports = translator; return; }
  root.PRT = root.PRT || {};
  if (!root.PRT.strings) { throw new Error("_static/strings.js did not load before translate.js"); }
  root.PRT.t = translator(root.PRT.strings, root.PRT.language);
})(this);
