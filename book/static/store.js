/* Permanent Revolution Today: where this device keeps a reader's answers, flags and
 * cards (keys "prt-answer:", the first graded answers "prt-first:", "prt-para:", "prt-cards:", the member id "prt-member:id", and where
 * each chapter was left off, "prt-read:<chapter>"), as window.PRT.store.
 *
 * Why not localStorage alone: opened from file:// (the zip, a USB stick), Chromium
 * sometimes dropped a page's localStorage write: the page went on reading its own copy,
 * while the next page found the older value or nothing (about 1 write in 60, measured in
 * 2026-12). IndexedDB confirms each write once the browser holds it, and lost none in the
 * same trials. So every write goes to both: localStorage, read synchronously, lets a page
 * show what is kept as it opens; IndexedDB is the record. As each page opens, the record
 * is compared with localStorage: what localStorage lost is put back, what only
 * localStorage holds (answers from before this store, or a record write cut short) is
 * recorded, and the page's scripts redraw on "prt-store-restored". Where IndexedDB is
 * refused, localStorage works alone, as before.
 *
 * The store answers like localStorage (getItem, setItem, removeItem, key, length) from
 * its own copy, so a page never reads a write it made as lost; setItem throws when the
 * browser will not store (private windows, a full or disabled storage): callers say so. */
(function () {
  "use strict";
  var OURS = /^prt-(answer|first|para|cards|member|read):/, NAME = "prt-store", TABLE = "entries";
  var local = null, writable = true;
  try { local = window.localStorage; local.getItem("prt-probe"); } catch (e) { local = null; }
  try { local.setItem("prt-probe", "1"); local.removeItem("prt-probe"); } catch (e) { writable = false; }

  var copy = {}, touched = {}, queue = [], db = null, pending = 0, waiting = [], opened = false;
  if (local) {
    for (var i = 0; i < local.length; i += 1) {
      var k = local.key(i);
      if (OURS.test(k)) { copy[k] = local.getItem(k); }
    }
  }

  function settled() {
    if (pending || !opened) { return; }
    waiting.splice(0).forEach(function (resolve) { resolve(); });
  }
  /* One transaction per change, committed at once: a reader who leaves the page a moment
   * later does not take an unsent write along. A removal is recorded as null. */
  function record(key, value) {
    if (!db) { queue.push([key, value]); return; }
    pending += 1;
    var done = function () { pending -= 1; settled(); };
    try {
      var tx = db.transaction(TABLE, "readwrite");
      tx.objectStore(TABLE).put(value, key);
      tx.oncomplete = done; tx.onabort = done;
      if (tx.commit) { tx.commit(); }
    } catch (e) { done(); }
  }

  var store = {
    getItem: function (key) { return Object.prototype.hasOwnProperty.call(copy, key) ? copy[key] : null; },
    setItem: function (key, value) {
      if (!local) { throw new TypeError(); }  /* nothing can be kept: callers say so in their words */
      value = String(value);
      local.setItem(key, value);  /* throws when the browser will not store: nothing is kept */
      copy[key] = value; touched[key] = true;
      record(key, value);
    },
    removeItem: function (key) {
      if (local) { local.removeItem(key); }
      delete copy[key]; touched[key] = true;
      record(key, null);
    },
    key: function (n) { return Object.keys(copy).sort()[n] || null; },
    get length() { return Object.keys(copy).length; },
    /* Whether this browser has a store at all, and whether it takes new writes now
     * (a private window or a full storage refuses them). */
    available: !!local,
    writable: !!local && writable,
    /* A promise, settled when every write so far is in the record (or the record is refused). */
    saved: function () { return new Promise(function (resolve) { waiting.push(resolve); settled(); }); }
  };

  /* Compare the record with localStorage; true when the page must redraw. */
  function reconcile(keys, values) {
    var changed = false, seen = {};
    keys.forEach(function (key, n) {
      seen[key] = true;
      if (touched[key] || !OURS.test(key)) { return; }
      var value = values[n];
      if (value === null && key in copy) {
        delete copy[key]; changed = true;
        try { local.removeItem(key); } catch (e) { /* the copy is right; localStorage catches up next time */ }
      } else if (value !== null && copy[key] !== value) {
        copy[key] = value; changed = true;
        try { local.setItem(key, value); } catch (e) { /* as above */ }
      }
    });
    Object.keys(copy).forEach(function (key) { if (!seen[key] && !touched[key]) { record(key, copy[key]); } });
    return changed;
  }

  function open() {
    var request;
    try { request = window.indexedDB.open(NAME, 1); } catch (e) { return Promise.resolve(null); }
    return new Promise(function (resolve) {
      /* A browser that never answers (some block storage without saying so): localStorage alone. */
      window.setTimeout(function () { resolve(null); }, 5000);
      request.onupgradeneeded = function () { request.result.createObjectStore(TABLE); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { resolve(null); };
      request.onblocked = function () { resolve(null); };
    });
  }
  function readAll(base) {
    return new Promise(function (resolve) {
      var out = { keys: [], values: [] }, tx = base.transaction(TABLE, "readonly");
      tx.objectStore(TABLE).openCursor().onsuccess = function (ev) {
        var cursor = ev.target.result;
        if (!cursor) { return; }
        out.keys.push(String(cursor.key)); out.values.push(cursor.value);
        cursor.continue();
      };
      tx.oncomplete = function () { resolve(out); };
      tx.onabort = tx.onerror = function () { resolve(null); };
    });
  }

  store.ready = (local ? open() : Promise.resolve(null)).then(function (base) {
    if (!base) { queue.length = 0; return false; }
    return readAll(base).then(function (all) {
      db = base;
      var changed = all ? reconcile(all.keys, all.values) : false;
      queue.splice(0).forEach(function (entry) { record(entry[0], entry[1]); });
      if (changed) { document.dispatchEvent(new CustomEvent("prt-store-restored")); }
      return changed;
    });
  }).then(function (changed) {
    opened = true;
    settled();
    document.documentElement.setAttribute("data-prt-store", "ready");
    return changed;
  });

  window.PRT = window.PRT || {};
  window.PRT.store = store;
})();
