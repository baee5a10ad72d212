/* Workshop (pages/workshop.py): the browser's side of its clientside callbacks.

   move: moving is worked out in the browser, so keys pressed faster than the server
   answers all count; `seq` orders the moves for the server (Store.set_workshop_view
   ignores late ones).
   fontSize: the text size the screen shows (it scales with the window), so the timeline
   strip's labels match it. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  workshop: {
    move: function (p, n, ep, en, steps, nonce) {
      var W = window.wsNav;
      if (!W || W.nonce !== nonce) { W = window.wsNav = {nonce: nonce, seen: {}, pos: null}; }
      steps = steps || [];
      if (!steps.length) { return window.dash_clientside.no_update; }
      var changed = false;
      var pos = W.pos;
      if (!pos || pos.step >= steps.length) { pos = {step: 0, event: null}; changed = true; }
      var i = pos.step, ev = pos.event;
      // Count the clicks since the last run: a burst of key presses may arrive as one.
      var counts = [["ws-prev", p], ["ws-next", n], ["ws-ev-prev", ep], ["ws-ev-next", en]];
      counts.forEach(function (c) {
        var id = c[0], now = c[1] || 0, moves = now - (W.seen[id] || 0);
        W.seen[id] = now;
        for (var m = 0; m < moves; m++) {
          changed = true;
          if (id === "ws-next") { i = Math.min(i + 1, steps.length - 1); ev = null; }
          else if (id === "ws-prev") { i = Math.max(i - 1, 0); ev = null; }
          else {
            var evs = steps[i].events || [];
            if (!evs.length) { continue; }
            var k = evs.indexOf(ev);
            k = id === "ws-ev-next" ? k + 1 : k - 1;
            ev = evs[Math.max(0, Math.min(k, evs.length - 1))];
          }
        }
      });
      if (!changed) { return window.dash_clientside.no_update; }
      W.pos = {step: i, event: ev, seq: Date.now()};
      return W.pos;
    },
    fontSize: function () {
      return window.wsScreenSize();
    }
  }
});

/* The screen's text size and the strip's height (px): the strip fits its lanes to them.
   Sent again when the window changes size (a laptop plugged into the projector). */
window.wsScreenSize = function () {
  var el = document.querySelector(".ws-screen");
  var strip = document.querySelector(".ws-strip");
  return {
    font: el ? parseFloat(getComputedStyle(el).fontSize) : 24,
    height: strip ? strip.clientHeight : null
  };
};
(function () {
  var timer = null;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (document.getElementById("ws-font") && window.dash_clientside.set_props) {
        window.dash_clientside.set_props("ws-font", {data: window.wsScreenSize()});
      }
    }, 300);
  });
})();
