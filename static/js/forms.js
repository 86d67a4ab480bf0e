// Forms on every page: ask before a destructive action, and after a failed submit put the
// keyboard on the first field to fix. No inline handlers anywhere (the CSP allows none).
// htmx needs no wiring here: it sends the CSRF token from <body hx-headers> (base.html).
(function () {
  "use strict";

  // Ask before a destructive action: <form data-confirm="Delete it?"> or <a data-confirm="...">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form instanceof HTMLFormElement ? form.getAttribute("data-confirm") : null;
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  }, true);

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("a[data-confirm], button[data-confirm]") : null;
    if (target && !window.confirm(target.getAttribute("data-confirm"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // After a failed submit, put the keyboard on the first field that needs fixing.
  function focusFirstError() {
    var field = document.querySelector("main .is-invalid");
    if (field && typeof field.focus === "function") {
      field.focus({ preventScroll: false });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusFirstError);
  } else {
    focusFirstError();
  }
})();
