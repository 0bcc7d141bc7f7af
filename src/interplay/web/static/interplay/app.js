// Interplay's only script. Everything works without it; it adds two safety nets:
// 1. Journal text is copied to this device's storage as it is typed (sealed, see below), so a
//    lost connection or an expired session loses nothing; the copy is offered back when the
//    editor opens again (after signing in), cleared once the entry is saved, and cleared from
//    the device at sign-out.
// 2. htmx is told to show error fragments (for example "your session has ended").
(function () {
  "use strict";

  var DRAFT_PREFIX = "interplay-draft-";

  // The copy on this device is sealed with AES-GCM under a key the editor page carries and the
  // server drops at sign-out (journal/device_keys.py): what is left in storage after signing
  // out cannot be read. Without the key or WebCrypto (a plain-HTTP address other than this
  // computer) nothing is kept on the device; the server's autosaved draft still is.
  function toBytes(text) { return new TextEncoder().encode(text); }
  function fromBase64(text) {
    var padded = text.replace(/-/g, "+").replace(/_/g, "/");
    while (padded.length % 4) { padded += "="; }
    return Uint8Array.from(atob(padded), function (c) { return c.charCodeAt(0); });
  }
  function toBase64(bytes) {
    var text = "";
    new Uint8Array(bytes).forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text);
  }
  function deviceKey(form) {
    var raw = form.dataset.deviceKey;
    if (!raw || !window.crypto || !window.crypto.subtle) { return Promise.resolve(null); }
    return window.crypto.subtle.importKey("raw", fromBase64(raw), "AES-GCM", false,
      ["encrypt", "decrypt"]).catch(function () { return null; });
  }

  function storeDraft(form, key) {
    var title = form.querySelector("[name=title]");
    var body = form.querySelector("[name=body]");
    var plain = JSON.stringify({ title: title ? title.value : "", body: body.value });
    var iv = window.crypto.getRandomValues(new Uint8Array(12));
    window.crypto.subtle.encrypt({ name: "AES-GCM", iv: iv }, key, toBytes(plain))
      .then(function (sealed) {
        try {
          localStorage.setItem(form.dataset.draftKey, JSON.stringify({
            iv: toBase64(iv), sealed: toBase64(sealed), savedAt: Math.floor(Date.now() / 1000)
          }));
        } catch (error) { /* storage full or disabled: the server copy still exists */ }
      });
  }

  function restoreDraft(form, key) {
    var name = form.dataset.draftKey;
    var stored;
    try { stored = JSON.parse(localStorage.getItem(name) || "null"); } catch (error) { stored = null; }
    if (!stored) { return; }
    if (!stored.sealed) { localStorage.removeItem(name); return; }  // an older plain copy
    window.crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(stored.iv) }, key,
      fromBase64(stored.sealed))
      .then(function (plain) {
        var copy = JSON.parse(new TextDecoder().decode(plain));
        var body = form.querySelector("[name=body]");
        var title = form.querySelector("[name=title]");
        var serverSaved = parseInt(form.dataset.serverSaved || "0", 10);
        if (!copy.body || copy.body === body.value) { return; }
        if (stored.savedAt <= serverSaved && body.value) { return; }
        body.value = copy.body;
        if (title && copy.title) { title.value = copy.title; }
        var notice = document.getElementById("draft-restored");
        if (notice) { notice.hidden = false; }
      })
      .catch(function () { localStorage.removeItem(name); });  // sealed under a dropped key
  }

  function clearAllDrafts() {
    try {
      var names = [];
      for (var i = 0; i < localStorage.length; i += 1) { names.push(localStorage.key(i)); }
      names.forEach(function (name) {
        if (name && name.indexOf(DRAFT_PREFIX) === 0) { localStorage.removeItem(name); }
      });
    } catch (error) { /* storage disabled: nothing to clear */ }
  }

  function setUp() {
    document.querySelectorAll("form[data-draft-key]").forEach(function (form) {
      deviceKey(form).then(function (key) {
        if (!key) { return; }
        restoreDraft(form, key);
        form.addEventListener("input", function () { storeDraft(form, key); });
      });
    });
    document.querySelectorAll("[data-clear-drafts]").forEach(function (marker) {
      marker.dataset.clearDrafts.split(" ").forEach(function (name) {
        try { localStorage.removeItem(name); } catch (error) { /* nothing to clear */ }
      });
    });
    document.querySelectorAll("form[data-sign-out]").forEach(function (form) {
      form.addEventListener("submit", clearAllDrafts);
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
