// Sign-up proposes the browser's time zone: the select starts on it when the server
// offers it, so reminders arrive at a sensible hour without the user scrolling 400 zones.
// A choice the user already made (a form sent back with errors) is left alone.
(function () {
  "use strict";
  document.querySelectorAll("select[data-browser-zone]").forEach(function (select) {
    if (select.dataset.browserZone !== "propose") return;
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    if (!zone) return;
    var option = Array.prototype.find.call(select.options, function (o) {
      return o.value === zone;
    });
    if (option) select.value = zone;
  });
})();
