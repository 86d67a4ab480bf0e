// The bell: without JavaScript it is a link to the notifications page. Here it becomes a
// Bootstrap dropdown toggle; htmx loads the latest notifications each time it opens
// (see templates/notifications/bell.html), so other pages pay only for the unread count.
(function () {
  "use strict";

  document.querySelectorAll("[data-bell-toggle]").forEach(function (toggle) {
    toggle.setAttribute("role", "button");
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("data-bs-toggle", "dropdown");
    // "Mark all read" works inside the menu: only a click outside it closes the menu.
    toggle.setAttribute("data-bs-auto-close", "outside");
  });

  // A link answers Enter only; as a button it must answer Space too.
  document.addEventListener("keydown", function (event) {
    var toggle = event.target instanceof Element ? event.target.closest("[data-bell-toggle]") : null;
    if (toggle && event.key === " ") {
      event.preventDefault();
      toggle.click();
    }
  });

  // When the list arrives (on opening, or after "Mark all read" replaced the button that had
  // focus), the keyboard moves into it, unless the user has already gone elsewhere.
  document.addEventListener("htmx:afterSettle", function (event) {
    var body = event.target;
    if (!(body instanceof Element) || !body.hasAttribute("data-bell-body")) {
      return;
    }
    var menu = body.closest(".dropdown-menu");
    if (!menu || !menu.classList.contains("show")) {
      return;
    }
    var active = document.activeElement;
    if (active && active !== document.body && !menu.parentElement.contains(active)) {
      return;
    }
    var first = menu.querySelector(".dropdown-item");
    if (first) {
      first.focus();
    }
  });
})();
