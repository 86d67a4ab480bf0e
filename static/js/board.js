// The board: drag and drop between columns (SortableJS), a keyboard "Move" dialog on
// each card, and the rejection dialog when a card lands on Rejected. Every move is saved
// through htmx (which sends the CSRF token from <body hx-headers>); if the server says
// no, the card goes back where it was and the status line says why.
(function () {
  "use strict";

  var board = document.querySelector("[data-board]");
  if (!board || !window.Sortable || !window.htmx) {
    return;
  }
  var statusLine = document.getElementById("board-status");
  var moveDialog = document.getElementById("move-dialog");
  var rejectDialog = document.getElementById("reject-dialog");
  var rejectBody = document.getElementById("reject-dialog-body");
  var menuCard = null;      // the card whose Move dialog is open
  var pendingReject = null; // the move waiting for the rejection's details
  var focusAfterSave = null; // the id of a card moved from the keyboard
  // What the board says, in the page's language: data-word-* on the board (board.html).
  var words = {
    gone: board.dataset.wordGone,
    kept: board.dataset.wordKept,
    unsaved: board.dataset.wordUnsaved,
    back: board.dataset.wordBack,
    formUnloaded: board.dataset.wordFormUnloaded,
    rejectionUnsaved: board.dataset.wordRejectionUnsaved,
    moreUnloaded: board.dataset.wordMoreUnloaded,
    loadingForm: board.dataset.wordLoadingForm,
    notRecorded: board.dataset.wordNotRecorded
  };

  function say(text, isError) {
    statusLine.textContent = text;
    statusLine.classList.toggle("is-error", Boolean(isError));
  }

  function urlFor(template, id) {
    return template.replace("/0/", "/" + id + "/");
  }

  function columnOf(stage) {
    return document.getElementById("cards-" + stage);
  }

  // Where a card was, so that a refused move can put it back.
  function remember(card) {
    var from = card.parentElement;
    return { card: card, from: from, index: Array.prototype.indexOf.call(from.children, card) };
  }

  function putBack(move) {
    move.card.removeAttribute("aria-busy");
    move.from.insertBefore(move.card, move.from.children[move.index] || null);
  }

  // The card is already in its new column (the move shows at once); the server's answer
  // replaces it with the card as saved, or an error puts it back.
  function save(move, stage, confirmed) {
    var card = move.card;
    columnOf(stage).prepend(card);
    if (stage === "rejected") {
      openRejection(move);
      return;
    }
    card.setAttribute("aria-busy", "true");
    card.reboundMove = move;
    var values = confirmed ? { stage: stage, confirm: "1" } : { stage: stage };
    window.htmx.ajax("POST", urlFor(board.dataset.moveUrl, card.dataset.id), {
      source: card, target: card, swap: "outerHTML", values: values
    });
  }

  // What to tell the user: the server's own words when it sent plain text (a refusal
  // it explains), otherwise a sentence of ours, never an error page's markup.
  function reasonFor(xhr, fallback) {
    var type = xhr ? xhr.getResponseHeader("Content-Type") || "" : "";
    if (xhr && xhr.status === 400 && type.indexOf("text/plain") === 0 && xhr.responseText) {
      return xhr.responseText;
    }
    if (xhr && xhr.status === 404) {
      return words.gone;
    }
    return fallback;
  }

  function refused(event) {
    var elt = event.detail.elt;
    var move = elt && elt.reboundMove;
    var xhr = event.detail.xhr;
    if (move && xhr && xhr.status === 409 && xhr.responseText) {
      // The move would cancel drafts the user edited: ask, then send it again or undo it.
      delete elt.reboundMove;
      var stage = move.card.parentElement.dataset.stage;
      if (window.confirm(xhr.responseText)) {
        save(move, stage, true);
      } else {
        putBack(move);
        say(words.kept, false);
      }
    } else if (move) {
      delete elt.reboundMove;
      putBack(move);
      say(reasonFor(xhr, words.unsaved) + " " + words.back, true);
    } else if (pendingReject && elt === pendingReject.card) {
      rejectDialog.close(); // puts the card back
      say(reasonFor(xhr, words.formUnloaded), true);
    } else if (rejectDialog.contains(elt)) {
      say(reasonFor(xhr, words.rejectionUnsaved), true);
      rejectDialog.close();
    } else if (elt && elt.closest && elt.closest(".board-more")) {
      say(reasonFor(xhr, words.moreUnloaded), true);
    }
  }
  document.body.addEventListener("htmx:responseError", refused);
  document.body.addEventListener("htmx:sendError", refused);

  document.body.addEventListener("rebound:board-status", function (event) {
    say(event.detail.value, false);
  });

  // A card swapped in after a keyboard move gets the focus back on its Move button.
  document.body.addEventListener("htmx:load", function (event) {
    var card = event.target;
    if (focusAfterSave && card.id === "card-" + focusAfterSave) {
      focusAfterSave = null;
      card.querySelector("[data-move-menu]").focus();
    }
  });

  board.querySelectorAll(".board-cards").forEach(function (list) {
    window.Sortable.create(list, {
      group: "board",
      sort: false, // a column is ordered by date, not by hand
      animation: 150,
      draggable: ".board-card",
      filter: "[data-move-menu]",
      preventOnFilter: false,
      ghostClass: "is-ghost",
      onEnd: function (event) {
        if (event.from === event.to) {
          return;
        }
        // Sortable has moved the card; note where it came from before saving.
        var move = { card: event.item, from: event.from, index: event.oldIndex };
        save(move, event.to.dataset.stage);
      }
    });
  });

  // The keyboard's way: the Move button opens a dialog of stages.
  board.addEventListener("click", function (event) {
    var button = event.target instanceof Element ? event.target.closest("[data-move-menu]") : null;
    if (!button) {
      return;
    }
    menuCard = button.closest(".board-card");
    var current = menuCard.parentElement.dataset.stage;
    moveDialog.querySelector("[data-move-name]").textContent = menuCard.dataset.label;
    moveDialog.querySelectorAll(".move-option").forEach(function (option) {
      option.disabled = option.value === current;
      option.setAttribute("aria-current", option.value === current ? "true" : "false");
    });
    moveDialog.returnValue = "";
    moveDialog.showModal();
  });

  moveDialog.addEventListener("close", function () {
    var card = menuCard;
    var stage = moveDialog.returnValue;
    menuCard = null;
    if (!card) {
      return;
    }
    if (!stage) {
      card.querySelector("[data-move-menu]").focus();
      return;
    }
    focusAfterSave = card.dataset.id;
    save(remember(card), stage);
  });

  function openRejection(move) {
    pendingReject = move;
    rejectBody.textContent = words.loadingForm;
    rejectDialog.showModal();
    window.htmx.ajax("GET", urlFor(board.dataset.rejectUrl, move.card.dataset.id), {
      source: move.card, target: rejectBody, swap: "innerHTML"
    });
  }

  // Saved: the server sends the card (swapped in by id) and this event.
  document.body.addEventListener("rebound:rejected", function () {
    pendingReject = null;
    rejectDialog.close();
  });

  rejectDialog.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("[data-dialog-cancel]")) {
      rejectDialog.close();
    }
  });

  // Closed without saving (Cancel, Escape): the card goes back.
  rejectDialog.addEventListener("close", function () {
    var move = pendingReject;
    pendingReject = null;
    rejectBody.textContent = "";
    if (move) {
      putBack(move);
      say(words.notRecorded, false);
      var button = move.card.querySelector("[data-move-menu]");
      if (focusAfterSave === move.card.dataset.id) {
        focusAfterSave = null;
        button.focus();
      }
    }
  });
})();
