/* rancang web: where keyboard focus goes after htmx replaces part of a page (WCAG 2.4.3 focus order).
   A static file, because the Content-Security-Policy allows no inline script.
   - a form that comes back with errors: focus its first invalid input (the summary above it names the count);
   - a result, a saved note or an error arriving (marked data-focus): focus it, so it is read and Tab goes on
     from there;
   - anything else that replaced the element holding focus (a job's progress): focus its replacement, never
     the page body. */
(function () {
  "use strict";
  var held = null;

  function fresh(selector) {
    var found = null;
    document.querySelectorAll(selector).forEach(function (el) {
      if (!el.hasAttribute("data-seen")) {
        if (!found) { found = el; }
        el.setAttribute("data-seen", "");
      }
    });
    return found;
  }

  function settle() {
    var invalid = fresh("[aria-invalid='true']");
    var arrived = fresh("[data-focus]");
    var target = invalid || arrived;
    if (!target && held && !document.contains(held)) {
      target = document.querySelector("#hasil .job button, #hasil [tabindex], #hasil");
    }
    held = null;
    if (target) {
      if (!target.hasAttribute("tabindex") && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus();
    }
  }

  document.addEventListener("htmx:beforeSwap", function () {
    held = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
  });
  document.addEventListener("htmx:afterSettle", settle);
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-focus]").forEach(function (el) { el.setAttribute("data-seen", ""); });
    var invalid = fresh("[aria-invalid='true']");
    if (invalid) { invalid.focus(); }
  });
})();
