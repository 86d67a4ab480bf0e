// Follow-up drafts: copy to the clipboard, and keep the "Open in mail app" link in step
// with unsaved edits. Cards swapped in by htmx get the same treatment (htmx:load).
(function () {
  "use strict";

  function draftField(form, name) {
    var field = form.querySelector("[name='" + name + "']");
    return field ? field.value : "";
  }

  // Mail clients want CRLF line breaks in a mailto body (RFC 6068).
  function mailtoHref(form, link) {
    var to = encodeURIComponent(link.getAttribute("data-mailto") || "").replace(/%40/g, "@");
    var body = draftField(form, "body").replace(/\r?\n/g, "\r\n");
    return "mailto:" + to + "?subject=" + encodeURIComponent(draftField(form, "subject")) +
      "&body=" + encodeURIComponent(body);
  }

  // The Copy button stays hidden where the page cannot reach the clipboard (plain http).
  function revealCopyButtons(root) {
    if (!navigator.clipboard || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll("[data-copy-draft]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function say(form, text) {
    var status = form.querySelector("[data-copy-status]");
    if (!status) {
      return;
    }
    status.textContent = text;
    window.clearTimeout(status.rebound_timer);
    status.rebound_timer = window.setTimeout(function () { status.textContent = ""; }, 4000);
  }

  document.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-copy-draft]") : null;
    var form = button ? button.closest("form") : null;
    if (!form) {
      return;
    }
    // The message alone goes in the mail's body; the subject has its own button.
    var part = button.getAttribute("data-copy-draft") === "subject" ? "subject" : "body";
    navigator.clipboard.writeText(draftField(form, part)).then(
      function () { say(form, form.dataset[part === "subject" ? "wordSubjectCopied" : "wordMessageCopied"]); },
      function () { say(form, form.dataset.wordNotCopied); }
    );
  });

  document.addEventListener("input", function (event) {
    var form = event.target instanceof Element ? event.target.closest("form[data-followup-draft]") : null;
    var link = form ? form.querySelector("a[data-mailto]") : null;
    if (link) {
      link.setAttribute("href", mailtoHref(form, link));
    }
  });

  document.addEventListener("htmx:load", function (event) {
    revealCopyButtons(event.target);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { revealCopyButtons(document); });
  } else {
    revealCopyButtons(document);
  }
})();
