/* Keyboard shortcuts for the workflow screens. Every shortcut clicks a real, labelled
   button marked with data-shortcut="<key>", so the mouse, the keyboard and assistive
   technology all go through the same server callbacks.

   Duplicate queue (.wf-queue): j / k move between pairs (focus), and a / r / o click the
   button of the pair in focus; other keys (u) click a button in [data-shortcuts].
   Workshop and other pages: any key clicks the button whose data-shortcut (a space-separated
   list of keys) names it inside [data-shortcuts]. Keys typed into a field are never taken. */
(function () {
  "use strict";

  function typing(el) {
    if (!el) { return false; }
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  function clickIn(scope, key) {
    if (!scope) { return false; }
    var buttons = scope.querySelectorAll("[data-shortcut]");
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      var keys = (b.getAttribute("data-shortcut") || "").split(" ");
      if (keys.indexOf(key) >= 0 && !b.disabled) {
        b.click();
        return true;
      }
    }
    return false;
  }

  function queueKeys(e, queue) {
    var items = queue.querySelectorAll(".wf-item");
    if (!items.length) { return false; }
    var current = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest(".wf-item") : null;
    var index = Array.prototype.indexOf.call(items, current);
    if (index < 0) { index = Math.min(window.wfQueueIndex || 0, items.length - 1); }
    window.wfQueueKeyboard = true;
    if (e.key === "j" || e.key === "k") {
      index = e.key === "j" ? Math.min(index + 1, items.length - 1) : Math.max(index - 1, 0);
      for (var i = 0; i < items.length; i++) { items[i].classList.remove("focused"); }
      items[index].classList.add("focused");
      items[index].focus();
      window.wfQueueIndex = index;
      return true;
    }
    if (e.key === "a" || e.key === "r" || e.key === "o") {
      window.wfQueueIndex = index;
      return clickIn(items[index], e.key);
    }
    return false;
  }

  // Set-up: the upload box refuses files over the size limit without sending them
  // (dcc.Upload max_size); say so, naming each file (the server checks again).
  function oversize(files) {
    var box = document.getElementById("su-size-msg");
    if (!box || !files) { return; }
    var limit = parseInt(box.getAttribute("data-max-bytes"), 10);
    var lines = [];
    for (var i = 0; i < files.length; i++) {
      var f = files[i];
      if (f.size > limit) {
        lines.push("Not imported: '" + f.name + "' is " + (f.size / 1048576).toFixed(1) +
          " MB, more than the " + Math.floor(limit / 1048576) + " MB allowed.");
      }
    }
    box.textContent = lines.join(" ");
  }
  document.addEventListener("change", function (e) {
    if (e.target && e.target.closest && e.target.closest("#su-upload")) { oversize(e.target.files); }
  }, true);
  document.addEventListener("drop", function (e) {
    if (e.target && e.target.closest && e.target.closest("#su-upload") && e.dataTransfer) {
      oversize(e.dataTransfer.files);
    }
  }, true);

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) { return; }
    var done = false;
    var queue = document.querySelector(".wf-queue");
    if (queue) { done = queueKeys(e, queue); }
    if (!done) {
      var scopes = document.querySelectorAll("[data-shortcuts]");
      for (var i = 0; i < scopes.length && !done; i++) { done = clickIn(scopes[i], e.key); }
    }
    if (done) { e.preventDefault(); }
  });
})();
