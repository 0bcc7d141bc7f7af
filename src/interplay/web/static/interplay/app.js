// Interplay's only script. Everything works without it; it adds two safety nets:
// 1. Journal text is copied to this device's storage as it is typed, so a lost connection or
//    an expired session loses nothing; the copy is offered back when the editor opens again
//    (after signing in) and cleared once the entry is saved.
// 2. htmx is told to show error fragments (for example "your session has ended").
(function () {
  "use strict";

  function storeDraft(form) {
    var key = form.dataset.draftKey;
    var title = form.querySelector("[name=title]");
    var body = form.querySelector("[name=body]");
    try {
      localStorage.setItem(key, JSON.stringify({
        title: title ? title.value : "",
        body: body.value,
        savedAt: Math.floor(Date.now() / 1000)
      }));
    } catch (error) { /* storage full or disabled: the server copy still exists */ }
  }

  function restoreDraft(form) {
    var key = form.dataset.draftKey;
    var stored;
    try { stored = JSON.parse(localStorage.getItem(key) || "null"); } catch (error) { stored = null; }
    if (!stored || !stored.body) { return; }
    var body = form.querySelector("[name=body]");
    var title = form.querySelector("[name=title]");
    var serverSaved = parseInt(form.dataset.serverSaved || "0", 10);
    if (stored.body === body.value) { return; }
    if (stored.savedAt <= serverSaved && body.value) { return; }
    body.value = stored.body;
    if (title && stored.title) { title.value = stored.title; }
    var notice = document.getElementById("draft-restored");
    if (notice) { notice.hidden = false; }
  }

  function setUp() {
    document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
      restoreDraft(form);
      form.addEventListener("input", function () { storeDraft(form); });
    });
    document.querySelectorAll("[data-clear-drafts]").forEach(function (marker) {
      marker.dataset.clearDrafts.split(" ").forEach(function (key) {
        try { localStorage.removeItem(key); } catch (error) { /* nothing to clear */ }
      });
    });
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    // Show 4xx fragments (validation messages, "please sign in again") instead of dropping them.
    var status = event.detail.xhr.status;
    if (status >= 400 && status < 500) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
