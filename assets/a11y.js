/* Repairs to the ARIA of Dash 4's own components (dcc), which axe-core reports on every page
   that uses them and which the components' props cannot change. Each repair is keyed on the
   component's class, not on any page's ids, and is re-applied whenever React redraws.

   - Checklist / RadioItems: Dash draws a role="listbox" whose role="option" labels hold real
     checkboxes or radios (a control nested in a control, and a listbox with no name). The
     native inputs already say what they are: the list becomes a (radio)group named by the
     <label for=its id> on the page, and the labels lose the option role.
   - Dropdown: a focus "trampoline" input is aria-hidden yet in the tab order. It leaves the
     tab order and the real trigger button (which holds the dropdown's id, so a
     <label for> names it) takes its place.
   - DatePickerSingle / DatePickerRange: the wrapper <div> carries a popover trigger's ARIA
     (aria-haspopup, aria-expanded, aria-labelledby pointing at "undefined"), which a div may
     not have; the inputs are the controls. The wrapper becomes a group named by the page's
     label; an input whose id a <label for> names loses the generic "Select Date" aria-label;
     the clear link becomes a keyboard-operable button.
   - Upload: the hidden file input takes no focus (the visible "choose files" button opens it)
     and is named after the drop zone's text. */
(function () {
  "use strict";

  function labelFor(id) {
    if (!id) { return null; }
    var labels = document.getElementsByTagName("label");
    for (var i = 0; i < labels.length; i++) {
      if (labels[i].htmlFor === id) { return labels[i]; }
    }
    return null;
  }

  var serial = 0;
  function nameFromLabel(el, id) {
    if (el.hasAttribute("aria-label")) { return; }
    var label = labelFor(id);
    if (!label) { return; }
    if (!label.id) { label.id = "a11y-label-" + (++serial); }
    if (el.getAttribute("aria-labelledby") !== label.id) {
      el.setAttribute("aria-labelledby", label.id);
    }
  }

  function setAttr(el, name, value) {
    if (el.getAttribute(name) !== value) { el.setAttribute(name, value); }
  }

  function dropAttr(el, name) {
    if (el.hasAttribute(name)) { el.removeAttribute(name); }
  }

  function fixOptionLists(root) {
    // Only Checklist and RadioItems: a Dropdown's menu is a true listbox of options.
    root.querySelectorAll(".dash-checklist, .dash-radioitems").forEach(function (list) {
      if (!list.classList.contains("dash-options-list")) { return; }
      var radio = list.classList.contains("dash-radioitems");
      setAttr(list, "role", radio ? "radiogroup" : "group");
      nameFromLabel(list, list.id);
      list.querySelectorAll(".dash-options-list-option[role=option]").forEach(function (opt) {
        if (!opt.querySelector("input")) { return; }
        dropAttr(opt, "role");
        dropAttr(opt, "aria-selected");
      });
    });
  }

  function fixDropdowns(root) {
    root.querySelectorAll("input.dash-dropdown-focus-target").forEach(function (trap) {
      setAttr(trap, "tabindex", "-1");
      var trigger = trap.nextElementSibling;
      if (trigger && trigger.tagName === "BUTTON" && !trigger.disabled) {
        setAttr(trigger, "tabindex", "0");
      }
    });
  }

  var POPOVER_ARIA = ["aria-haspopup", "aria-expanded", "aria-disabled", "aria-labelledby",
                      "aria-controls", "type"];
  function fixDatePickers(root) {
    root.querySelectorAll(".dash-datepicker-input-wrapper").forEach(function (wrap) {
      var base = (wrap.id || "").replace(/-wrapper$/, "");
      POPOVER_ARIA.forEach(function (name) {
        if (name !== "aria-labelledby" || !wrap.dataset.a11yNamed) { dropAttr(wrap, name); }
      });
      setAttr(wrap, "role", "group");
      if (labelFor(base)) {
        nameFromLabel(wrap, base);
        wrap.dataset.a11yNamed = "1";
      }
      wrap.querySelectorAll("input.dash-datepicker-input").forEach(function (input) {
        if (labelFor(input.id)) { dropAttr(input, "aria-label"); }
      });
    });
    root.querySelectorAll("a.dash-datepicker-clear").forEach(function (clear) {
      setAttr(clear, "role", "button");
      setAttr(clear, "tabindex", "0");
      if (!clear.dataset.a11yKeys) {
        clear.dataset.a11yKeys = "1";
        clear.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); clear.click(); }
        });
      }
    });
  }

  function fixUploads(root) {
    root.querySelectorAll("input[type=file]").forEach(function (input) {
      var zone = input.parentElement;
      if (!zone || labelFor(input.id)) { return; }
      if (zone.querySelector("button")) { setAttr(input, "tabindex", "-1"); }
      if (!input.hasAttribute("aria-label")) {
        var text = (zone.textContent || "").replace(/\s+/g, " ").trim();
        setAttr(input, "aria-label", text || "Choose files");
      }
    });
  }

  function repair() {
    var root = document.body;
    if (!root) { return; }
    fixOptionLists(root);
    fixDropdowns(root);
    fixDatePickers(root);
    fixUploads(root);
  }

  var queued = false;
  function schedule() {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; repair(); });
  }

  function start() {
    repair();
    new MutationObserver(schedule).observe(document.body, {
      childList: true, subtree: true, attributes: true,
      attributeFilter: ["role", "tabindex", "aria-label", "aria-labelledby", "aria-expanded",
                        "aria-selected"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
