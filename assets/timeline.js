/* The Timeline page in the browser: the chart takes the height the viewport leaves, and
   the list of events in view works as a listbox (arrow keys, Home/End, Page Up/Down move
   the active event; Enter or Space opens it, then focus goes to the event panel, where
   the tag form is). The list's options are made here from the rows the server sends
   (tl-events-data): as Dash components they cost the first render more than the chart.
   Opening goes through the option's click (which sets tl-ev-open), so the keyboard, the
   mouse and assistive technology all use the same server callback. */
(function () {
  "use strict";

  var FIT_MIN = 320; // px: below this the page scrolls rather than squash the lanes

  function fit() {
    var box = document.getElementById("tl-fit");
    if (!box) { return; }
    if (window.innerWidth <= 1100) { box.style.height = ""; return; } // stacked layout
    var rect = box.getBoundingClientRect();
    var top = rect.top + window.scrollY;
    // What the page holds below the box (the status line, the padding) stays on screen
    // too: measured from the body's content, never from the viewport (which would count
    // the box's own shortfall and shrink it on every call).
    var below = document.body.getBoundingClientRect().bottom - rect.bottom;
    var h = Math.max(FIT_MIN, Math.floor(window.innerHeight - top - Math.max(0, below) - 4));
    if (box.style.height !== h + "px") {
      box.style.height = h + "px";
      window.dispatchEvent(new Event("resize")); // Plotly's responsive charts follow
    }
  }

  var pending = false;
  function fitSoon() {
    // A box not fitted yet (the page has just arrived, its chart not drawn): at once,
    // before Plotly draws the first figure at the wrong height and has to draw it again.
    var box = document.getElementById("tl-fit");
    if (box && !box.hasAttribute("data-fitted")) {
      box.setAttribute("data-fitted", "");
      fit();
      return;
    }
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; fit(); });
  }
  window.addEventListener("resize", function (e) { if (e.isTrusted) { fitSoon(); } });
  new MutationObserver(fitSoon).observe(document.documentElement, {
    childList: true, subtree: true
  });

  function options(list) { return list.querySelectorAll("[role=option]"); }

  var OPTION_PREFIX = "tl-ev-";

  // The listbox's options from rows [event id, when, agencies, summary] (text only: a
  // description is never read as HTML).
  function fillList(list, rows) {
    var items = document.createDocumentFragment();
    for (var i = 0; i < rows.length; i++) {
      var li = document.createElement("li");
      li.id = OPTION_PREFIX + rows[i][0];
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.className = "tl-ev";
      var when = document.createElement("span");
      when.className = "tl-ev-when";
      when.textContent = rows[i][1];
      li.appendChild(when);
      li.appendChild(document.createTextNode(" " + rows[i][2] + ": " + rows[i][3]));
      items.appendChild(li);
    }
    list.removeAttribute("aria-activedescendant");
    list.replaceChildren(items);
  }

  function eventOf(option) { return Number(option.id.slice(OPTION_PREFIX.length)); }

  var opened = 0;
  document.addEventListener("click", function (e) {
    var option = e.target && e.target.closest ? e.target.closest("#tl-events [role=option]") : null;
    if (!option || !window.dash_clientside || !window.dash_clientside.set_props) { return; }
    opened += 1; // a new value each time, so the same event can be opened again
    window.dash_clientside.set_props("tl-ev-open", { data: { event: eventOf(option), n: opened } });
  });

  function activate(list, option, stay) {
    var all = options(list);
    for (var i = 0; i < all.length; i++) { all[i].classList.remove("active"); }
    if (!option) { list.removeAttribute("aria-activedescendant"); return; }
    option.classList.add("active");
    list.setAttribute("aria-activedescendant", option.id);
    if (!stay) { option.scrollIntoView({ block: "nearest" }); }
  }

  // The button pressed on an option makes it the active one, where it is: the list gets
  // the focus next, and made its first (or selected) option active and scrolled to it, so
  // the button came up over another place and the click opened nothing.
  document.addEventListener("mousedown", function (e) {
    var option = e.target && e.target.closest ? e.target.closest("#tl-events [role=option]") : null;
    if (option) { activate(option.parentNode, option, true); }
  });

  function current(list) {
    var id = list.getAttribute("aria-activedescendant");
    return id ? document.getElementById(id) : null;
  }

  function focusPanelWhenShown() {
    var panel = document.getElementById("tl-panel");
    if (!panel) { return; }
    var done = false;
    var obs = new MutationObserver(function () {
      if (done) { return; }
      done = true;
      obs.disconnect();
      panel.focus();
    });
    obs.observe(panel, { childList: true, subtree: true });
    window.setTimeout(function () { obs.disconnect(); }, 10000);
  }

  document.addEventListener("keydown", function (e) {
    var list = e.target;
    if (!list || list.id !== "tl-events") { return; }
    var all = Array.prototype.slice.call(options(list));
    if (!all.length) { return; }
    var index = all.indexOf(current(list));
    var next = null;
    switch (e.key) {
      case "ArrowDown": next = all[Math.min(all.length - 1, index + 1)]; break;
      case "ArrowUp": next = all[Math.max(0, index < 0 ? 0 : index - 1)]; break;
      case "Home": next = all[0]; break;
      case "End": next = all[all.length - 1]; break;
      case "PageDown": next = all[Math.min(all.length - 1, Math.max(0, index) + 10)]; break;
      case "PageUp": next = all[Math.max(0, index - 10)]; break;
      case "Enter":
      case " ":
        e.preventDefault();
        var chosen = index < 0 ? all[0] : all[index];
        activate(list, chosen);
        if (chosen.getAttribute("aria-selected") === "true") {
          document.getElementById("tl-panel").focus();
        } else {
          focusPanelWhenShown();
          chosen.click();
        }
        return;
      default: return;
    }
    e.preventDefault();
    activate(list, next);
  });

  // Focus on the list with no active option: the selected one (or the first) becomes
  // active, so a screen reader announces it.
  document.addEventListener("focusin", function (e) {
    var list = e.target;
    if (!list || list.id !== "tl-events" || current(list)) { return; }
    var chosen = list.querySelector("[role=option][aria-selected=true]") ||
      list.querySelector("[role=option]");
    activate(list, chosen);
  });

  // The page's first drawing puts the chart first: the period strip and the list of
  // events in view are made once it is drawn (they cost the chart's first render as much
  // as a third of its own drawing). Resolves in the task after the frame that shows the
  // chart, or after CHART_WAIT_MS whatever happened to it.
  var CHART_WAIT_MS = 3000;
  function afterChart() {
    return new Promise(function (resolve) {
      var since = Date.now();
      function check() {
        var gd = document.querySelector("#tl-graph .js-plotly-plot");
        if ((gd && gd._fullLayout && gd.calcdata) || Date.now() - since > CHART_WAIT_MS) {
          window.setTimeout(resolve, 0);
          return;
        }
        window.requestAnimationFrame(check);
      }
      window.requestAnimationFrame(check);
    });
  }

  function markIn(list, selected, rows) {
    if (rows && list.lrtRows !== rows) { // new rows (a redraw): new options
      list.lrtRows = rows;
      fillList(list, rows);
    }
    var all = options(list);
    var found = null;
    for (var i = 0; i < all.length; i++) {
      var mine = eventOf(all[i]) === selected;
      all[i].setAttribute("aria-selected", mine ? "true" : "false");
      if (mine) { found = all[i]; }
    }
    if (found) { activate(list, found); }
    return String(selected);
  }

  // A new tag's point on its kind's trace (figures.py puts the tag traces at 1..8, in
  // KIND_ORDER, which tl-kinds holds).
  function tagPoint(kind, at, kinds) {
    return {
      x: [at.x], y: [at.y], customdata: [at.event], text: [""],
      hovertext: [kinds.labels[kind]]
    };
  }

  // Draw a new tag on the chart at once, redrawing its kind's trace alone (Plotly.animate
  // with no redraw: that trace's points only). extendData redrew every trace, the axes,
  // bands and legend: most of a tag's wait on a 20,000-record review. Plotly animates SVG
  // traces only: false for a WebGL one (showTag extends it instead) or nothing to draw.
  function drawTag(kind, at, selected, kinds) {
    var i = kinds && kinds.order ? kinds.order.indexOf(kind) : -1;
    if (i < 0 || !at || at.event !== selected || at.x === null || at.x === undefined) {
      return false;
    }
    var gd = document.querySelector("#tl-graph .js-plotly-plot");
    var trace = gd && gd._fullLayout && gd.data && gd.data[1 + i];
    if (!trace || trace.type !== "scatter" || !window.Plotly || !window.Plotly.animate) {
      return false;
    }
    var point = tagPoint(kind, at, kinds);
    var update = {};
    Object.keys(point).forEach(function (k) { update[k] = (trace[k] || []).concat(point[k]); });
    window.Plotly.animate(gd, { data: [update], traces: [1 + i] }, {
      mode: "immediate", transition: { duration: 0 }, frame: { duration: 0, redraw: false }
    });
    return true;
  }

  // The click on "Add tag" (mouse, or Enter/Space on the button) draws its tag before
  // Dash handles the click: Dash's own work for a click on a busy page (every store's
  // update, the save's request) takes longer than the drawing, and the tag waited for it.
  // The values are the ones showTag is given (Dash's layout holds every prop).
  var drawnByClick = false;
  document.addEventListener("click", function (e) {
    var button = e.target && e.target.closest ? e.target.closest("#tl-tag-add") : null;
    var api = window.dash_component_api;
    if (!button || !api || !api.getLayout) { return; }
    var prop = function (id, name) {
      var c = api.getLayout(id);
      return c && c.props ? c.props[name] : undefined;
    };
    drawnByClick = drawTag(
      prop("tl-tag-kind", "value"), prop("tl-tag-at", "data"), prop("tl-selected", "data"),
      prop("tl-kinds", "data")
    );
  }, true);

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    lrtTimeline: {
      markSelected: function (selected, rows) {
        var list = document.getElementById("tl-events");
        if (!list) { return window.dash_clientside.no_update; }
        if (list.lrtRows === undefined && rows) { // the page's first list: after the chart
          list.lrtRows = null;
          list.lrtSelected = selected;
          list.lrtPending = rows;
          return afterChart().then(function () {
            // the latest selection and rows by then (a redraw may have sent newer ones)
            return markIn(list, list.lrtSelected, list.lrtPending);
          });
        }
        if (list.lrtRows === null) { // still waiting for the chart: the latest wins
          list.lrtSelected = selected;
          list.lrtPending = rows;
          return window.dash_clientside.no_update;
        }
        return markIn(list, selected, rows);
      },
      // The page's first period strip, drawn once the chart is (tl-strip-first); a strip
      // already drawn by then (a redraw) stays.
      stripAfterChart: function (first) {
        return afterChart().then(function () {
          var strip = document.querySelector("#tl-overview .js-plotly-plot");
          var drawn = strip && strip.layout && strip.layout.barmode; // not the blank one
          return drawn || !first ? window.dash_clientside.no_update : first;
        });
      },
      // The view after a zoom, a pan or a range button: the chart's own date axis ("all"
      // once autoranged from a drawn view), no update while it shows the view drawn
      // (layout.meta.view: Plotly changes the layout's own range as the chart is zoomed).
      followZoom: function (relayout, figure) {
        var nu = window.dash_clientside.no_update;
        var gd = document.querySelector("#tl-graph .js-plotly-plot");
        var ax = gd && gd._fullLayout && gd._fullLayout.xaxis;
        if (!relayout || !ax || !ax.range) { return nu; }
        var meta = figure && figure.layout && figure.layout.meta;
        var drawn = meta && meta.view;
        if (ax.autorange) { return drawn ? "all" : nu; }
        var a = String(ax.range[0]).slice(0, 10);
        var b = String(ax.range[1]).slice(0, 10);
        if (drawn && String(drawn[0]).slice(0, 10) === a && String(drawn[1]).slice(0, 10) === b) {
          return nu;
        }
        return a <= b ? [a, b] : [b, a];
      },
      // A redraw (the version this screen has seen) when the figure shown is older than
      // it and either just arrived or replaced the drawing a new tag was drawn on.
      redrawIfStale: function (drawn, seen, taggedOn) {
        var nu = window.dash_clientside.no_update;
        if (!drawn || seen === null || seen === undefined || drawn.version >= seen) { return nu; }
        var ctx = window.dash_clientside.callback_context;
        var arrived = ctx && ctx.triggered && ctx.triggered.some(function (t) {
          return t.prop_id === "tl-drawn.data";
        });
        if (arrived) { return seen; }
        if (taggedOn !== null && taggedOn !== undefined && taggedOn !== drawn.draw) { return seen; }
        return nu;
      },
      // "Add tag" (see drawTag): the tag is drawn here if the click did not draw it (an
      // extendData where Plotly cannot draw one trace alone). Also noted: at which poll
      // the save began (tl-tag-saving), so a poll answered before the save's answer does
      // not take this screen's own tag for someone else's change.
      showTag: function (n, kind, at, selected, kinds, drawn, polls) {
        var nu = window.dash_clientside.no_update;
        var done = drawnByClick;
        drawnByClick = false;
        if (!n || !kind) { return [nu, nu, nu]; }
        var saving = { poll: polls || 0 }; // from the poll's count: the page's own clock
        var i = kinds ? kinds.order.indexOf(kind) : -1;
        if (!at || at.event !== selected || i < 0) { return [nu, nu, saving]; }
        var on = drawn ? drawn.draw : null;
        if (done || drawTag(kind, at, selected, kinds)) { return [nu, on, saving]; }
        var extend = {};
        var point = tagPoint(kind, at, kinds);
        Object.keys(point).forEach(function (k) { extend[k] = [point[k]]; });
        return [[extend, [1 + i]], on, saving];
      }
    }
  });
})();
