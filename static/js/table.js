// The table's bulk actions: a "tick all on this page" box and a count of what is ticked.
// Without JavaScript each row's box still works; the header box stays hidden.
(function () {
  "use strict";

  var all = document.querySelector("[data-check-all]");
  var form = document.getElementById("bulk-form");
  if (!all || !form) {
    return;
  }
  var count = form.querySelector("[data-bulk-count]");
  function boxes() {
    return document.querySelectorAll("input[name='ids'][form='bulk-form']");
  }
  function update() {
    var ticked = Array.prototype.filter.call(boxes(), function (box) { return box.checked; }).length;
    all.checked = ticked > 0 && ticked === boxes().length;
    all.indeterminate = ticked > 0 && ticked < boxes().length;
    count.textContent = ticked ? ticked + " ticked" : "";
  }
  all.hidden = false;
  all.addEventListener("change", function () {
    boxes().forEach(function (box) { box.checked = all.checked; });
    update();
  });
  document.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.name === "ids") {
      update();
    }
  });
  update();
})();
