/* Runs before Dash's polyfill (app.py puts it first; assets_ignore keeps Dash from
   loading it again): the browser's own string trimming and number parsing, kept for
   native-restore.js. The polyfill (core-js 2) replaces them because they no longer trim
   U+180E, which Unicode stopped calling a space in 2013; its replacements are regular
   expressions that Plotly calls for every point it draws. */
window.lrtNative = {
  trim: String.prototype.trim,
  trimStart: String.prototype.trimStart,
  trimEnd: String.prototype.trimEnd,
  trimLeft: String.prototype.trimLeft,
  trimRight: String.prototype.trimRight,
  parseInt: window.parseInt,
  parseFloat: window.parseFloat
};
