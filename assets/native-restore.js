/* After Dash's polyfill (assets load after it): the browser's own trimming and number
   parsing back in place (kept by native-keep.js; see there why). Each is put back as a
   non-enumerable property, as it was, so no `for...in` over a string sees it. */
(function () {
  "use strict";
  var kept = window.lrtNative;
  if (!kept) { return; }
  function put(target, name, fn) {
    if (typeof fn !== "function" || target[name] === fn) { return; }
    Object.defineProperty(target, name, {
      value: fn, writable: true, configurable: true, enumerable: false
    });
  }
  ["trim", "trimStart", "trimEnd", "trimLeft", "trimRight"].forEach(function (name) {
    put(String.prototype, name, kept[name]);
  });
  ["parseInt", "parseFloat"].forEach(function (name) {
    put(window, name, kept[name]);
    put(Number, name, kept[name]);
  });
})();
