// A button that copies a field: <button data-copy="#field-id" hidden>. Shown only where
// the clipboard can be written; says what happened next to itself.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = document.querySelector(button.getAttribute("data-copy"));
      var status = document.querySelector(button.getAttribute("data-copy-status"));
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) status.textContent = "Copied.";
      }, function () {
        field.select();
        if (status) status.textContent = "Could not copy: it is selected, press Ctrl+C.";
      });
    });
  });
})();
