// The printable work-search log: a Print button where the browser can print.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    if (typeof window.print !== "function") return;
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
