// Runs static/interplay/app.js against a small stand-in for the DOM and localStorage (Node's
// WebCrypto is the browser's API), for tests/web/test_draft_script.py. Prints one JSON line.
const fs = require("fs");
const crypto = require("crypto");
const store = {};
globalThis.localStorage = {
  get length() { return Object.keys(store).length; },
  key: (i) => Object.keys(store)[i],
  setItem: (k, v) => { store[k] = String(v); },
  getItem: (k) => (k in store ? store[k] : null),
  removeItem: (k) => { delete store[k]; },
};
const notice = { hidden: true };
let form = null;
let signOut = null;
globalThis.window = globalThis;
globalThis.document = {
  readyState: "complete",
  getElementById: () => notice,
  addEventListener: () => {},
  querySelectorAll: (sel) => (sel === "form[data-draft-key]" ? [form]
    : sel === "form[data-sign-out]" ? [signOut] : []),
};
function newKey() { return crypto.randomBytes(32).toString("base64url"); }
function openEditor(deviceKey) {
  const listeners = {};
  const body = { value: "" };
  form = {
    dataset: { draftKey: "interplay-draft-u1-new", deviceKey: deviceKey, serverSaved: "0" },
    querySelector: (sel) => (sel.includes("body") ? body : { value: "" }),
    addEventListener: (ev, fn) => { listeners[ev] = fn; },
    listeners: listeners, body: body,
  };
  signOut = { addEventListener: (ev, fn) => { signOut.submit = fn; } };
  notice.hidden = true;
  eval(fs.readFileSync(process.argv[2], "utf8"));
}
const wait = () => new Promise((done) => setTimeout(done, 100));
(async () => {
  const text = process.argv[3];
  const result = {};
  const key = newKey();
  openEditor(key);
  await wait();
  form.body.value = text;
  form.listeners.input();
  await wait();
  result.stored = store["interplay-draft-u1-new"] || "";
  openEditor(key);  // the editor again, same key (an expired session, signed in again)
  await wait();
  result.restored = form.body.value;
  openEditor(newKey());  // after a sign-out elsewhere: the key is gone, a new one is made
  await wait();
  result.restoredUnderNewKey = form.body.value;
  result.leftAfterNewKey = Object.keys(store);
  form.body.value = text;
  form.listeners.input();
  await wait();
  signOut.submit();
  result.leftAfterSignOut = Object.keys(store);
  openEditor("");  // no key: nothing is kept on the device
  await wait();
  form.body.value = text;
  if (form.listeners.input) { form.listeners.input(); }
  await wait();
  result.keptWithoutKey = Object.keys(store);
  console.log(JSON.stringify(result));
})();
