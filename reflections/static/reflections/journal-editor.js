/*
 * Journal editor: progressive enhancement of the plain textarea.
 * - a small formatting toolbar over a contenteditable area (the server cleans whatever HTML it receives);
 * - autosave of the draft (debounced fetch POST with the CSRF header) and an explicit "Enregistrer";
 * - every change is first written to localStorage, so a draft survives a lost connection, a lost session or a
 *   closed tab, and is kept until the server has confirmed it: "enregistré" is shown only when the server
 *   answers with the digest of the very text that was sent.
 * - optimistic concurrency: each save carries the server version the text started from; if another tab or device
 *   saved since, the server refuses (409) and both versions are shown side by side for the learner to choose.
 * - a new entry carries an id made here, so a retried first autosave never creates a second entry.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-journal-editor]");
  if (!form || !window.fetch) {
    return;
  }
  var messages = JSON.parse(document.getElementById("journal-editor-messages").textContent);
  var textarea = form.querySelector("textarea[name=body_text]");
  var titleInput = form.querySelector("input[name=title]");
  var htmlInput = form.querySelector("[data-html-input]");
  var revisionInput = form.querySelector("[data-revision-input]");
  var status = form.querySelector("[data-status]");
  var initial = document.getElementById("journal-initial-html");
  var csrfToken = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var label = document.getElementById("journal-body-label");

  var autosaveUrl = form.dataset.autosaveUrl;
  var storageKey = form.dataset.storageKey;
  var tokenUrl = form.dataset.tokenUrl;
  var loginUrl = form.dataset.loginUrl;
  var conflictPanel = form.querySelector("[data-conflict]");
  var baseVersion = parseInt(revisionInput.value, 10) || 0; // the server version this text started from
  var edits = 0; // changes made in this page
  var confirmedEdits = 0; // changes the server confirmed holding
  var clientId = null; // this editor's id for a new entry
  var timer = null;
  var resumeTimer = null;
  var inFlight = false;
  var blocked = null; // "conflict" or "refused": waits for the learner
  var signedOut = false;
  var theirs = null; // the other version, during a conflict
  var AUTOSAVE_DELAY = 1200;
  var RETRY_DELAY = 5000;

  // --- The formatted editor ------------------------------------------------------------------------------
  var editor = document.createElement("div");
  editor.className = "journal-editor__area";
  editor.contentEditable = "true";
  editor.setAttribute("role", "textbox");
  editor.setAttribute("aria-multiline", "true");
  editor.setAttribute("aria-labelledby", "journal-body-label");
  editor.setAttribute("aria-describedby", textarea.getAttribute("aria-describedby") || "journal-body-help");
  if (textarea.getAttribute("aria-invalid")) {
    editor.setAttribute("aria-invalid", "true");
  }
  editor.id = "journal-body-editor";
  editor.innerHTML = initial ? initial.innerHTML.trim() : "";
  if (!editor.innerHTML) {
    editor.innerHTML = "<p><br></p>";
  }

  var toolbar = document.createElement("div");
  toolbar.className = "journal-editor__toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", messages.toolbar);
  toolbar.setAttribute("aria-controls", editor.id);
  var tools = [
    ["bold", "B", function () { document.execCommand("bold"); }],
    ["italic", "I", function () { document.execCommand("italic"); }],
    ["ul", "•", function () { document.execCommand("insertUnorderedList"); }],
    ["ol", "1.", function () { document.execCommand("insertOrderedList"); }],
    ["quote", "« »", function () { document.execCommand("formatBlock", false, "blockquote"); }],
    ["link", messages.link, addLink],
  ];
  tools.forEach(function (tool) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "journal-editor__tool journal-editor__tool--" + tool[0];
    button.textContent = tool[1];
    button.setAttribute("aria-label", messages[tool[0]]);
    button.title = messages[tool[0]];
    button.dataset.tool = tool[0];
    // Keep the selection in the editor: act on mousedown for pointers, on click for keyboards.
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });
    button.addEventListener("click", function () {
      editor.focus();
      tool[2]();
      changed();
    });
    toolbar.appendChild(button);
  });

  function addLink() {
    var address = window.prompt(messages.link_prompt, "https://");
    if (!address) {
      return;
    }
    address = address.trim();
    if (!/^(https?:\/\/|mailto:)/i.test(address)) {
      setStatus("error", messages.link_invalid);
      return;
    }
    document.execCommand("createLink", false, address);
  }

  try {
    document.execCommand("defaultParagraphSeparator", false, "p");
  } catch (error) {
    /* older browsers use div; the server turns it into text anyway */
  }
  textarea.hidden = true;
  textarea.disabled = true;
  htmlInput.disabled = false;
  textarea.parentNode.insertBefore(toolbar, textarea);
  textarea.parentNode.insertBefore(editor, textarea);
  label.removeAttribute("for");
  var help = document.getElementById("journal-body-help");
  if (help) {
    help.textContent = messages.help_rich;
  }
  label.addEventListener("click", function () { editor.focus(); });

  // --- State shown to the learner ------------------------------------------------------------------------
  function setStatus(state, text, link) {
    status.dataset.state = state;
    status.textContent = text;
    if (link) {
      var anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.target = "_blank";
      anchor.rel = "noopener";
      anchor.textContent = link.text;
      status.appendChild(document.createTextNode(" "));
      status.appendChild(anchor);
    }
  }

  // --- The browser's copy ----------------------------------------------------------------------------------
  function readLocal() {
    try {
      return JSON.parse(window.localStorage.getItem(storageKey) || "null");
    } catch (error) {
      return null;
    }
  }

  function storeLocally() {
    try {
      window.localStorage.setItem(
        storageKey,
        JSON.stringify({
          html: editor.innerHTML,
          title: titleInput.value,
          base: baseVersion,
          clientId: clientId,
          at: Date.now(),
        })
      );
    } catch (error) {
      /* storage full or disabled: the autosave still runs */
    }
  }

  function forgetLocal() {
    try {
      window.localStorage.removeItem(storageKey);
    } catch (error) {
      /* nothing to forget */
    }
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) {
      return (c ^ (Math.random() * 16) >> (c / 4)).toString(16);
    });
  }

  // SHA-256 of what was sent, to compare with the digest the server computed of what it received.
  function digest(text) {
    if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) {
      return Promise.resolve(null);
    }
    return window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)).then(function (buffer) {
      return Array.prototype.map
        .call(new Uint8Array(buffer), function (byte) { return ("0" + byte.toString(16)).slice(-2); })
        .join("");
    });
  }

  // --- Saving ----------------------------------------------------------------------------------------------
  function changed() {
    edits += 1;
    storeLocally();
    if (!blocked && !signedOut) {
      setStatus("unsaved", messages.unsaved);
    }
    schedule(AUTOSAVE_DELAY);
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, delay);
  }

  function post(sent) {
    // URL-encoded, not multipart: line breaks reach the server exactly as typed, so the digests can match.
    var body = new URLSearchParams();
    body.append("title", sent.title);
    body.append("body_html", sent.html);
    body.append("revision", String(baseVersion));
    if (clientId) {
      body.append("client_id", clientId);
    }
    return window
      .fetch(autosaveUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-CSRFToken": csrfToken, Accept: "application/json" },
      })
      .then(function (response) {
        return response.json().then(
          function (data) { return { response: response, data: data }; },
          function () { return { response: response, data: null }; }
        );
      });
  }

  function send() {
    if (inFlight || blocked || signedOut || edits <= confirmedEdits) {
      return;
    }
    if (!navigator.onLine) {
      setStatus("offline", messages.offline);
      return;
    }
    inFlight = true;
    var sent = { edits: edits, title: titleInput.value, html: editor.innerHTML };
    setStatus("saving", messages.saving);
    Promise.all([post(sent), digest(sent.title + "\n" + sent.html)])
      .then(function (results) { handle(results[0].response, results[0].data, sent, results[1]); })
      .catch(function () { setStatus("offline", messages.offline); })
      .then(function () {
        inFlight = false;
        if (edits > confirmedEdits && !blocked && !signedOut) {
          schedule(status.dataset.state === "saving" ? AUTOSAVE_DELAY : RETRY_DELAY);
        }
      });
  }

  function handle(response, data, sent, sentDigest) {
    // A lost session: the login form's redirect, a 401, or a CSRF refusal (the token changes at each login).
    if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
      becomeSignedOut();
    } else if (response.status === 409 && data) {
      showConflict(data);
    } else if (response.status === 400 && data) {
      blocked = "refused";
      setStatus("error", data.error || messages.error);
    } else if (response.ok && data && data.status === "saved") {
      confirmSaved(data, sent, sentDigest);
    } else {
      setStatus("error", messages.error);
    }
  }

  function confirmSaved(data, sent, sentDigest) {
    if (sentDigest && data.received !== sentDigest) {
      setStatus("error", messages.unconfirmed);
      return;
    }
    baseVersion = data.version;
    revisionInput.value = baseVersion;
    confirmedEdits = sent.edits;
    if (data.autosave_url && autosaveUrl !== data.autosave_url) {
      // The first save of a new entry created it: from now on, it is that entry's editor.
      forgetLocal();
      autosaveUrl = data.autosave_url;
      storageKey = data.storage_key;
      clientId = null;
      form.action = data.edit_url;
      window.history.replaceState(null, "", data.edit_url);
    }
    if (edits <= confirmedEdits) {
      forgetLocal();
      setStatus("saved", messages.saved.replace("%(time)s", data.saved_at || ""));
    } else {
      storeLocally();
    }
  }

  // --- Lost session: keep the text, offer to log in again elsewhere, resume by itself ----------------------
  function becomeSignedOut() {
    signedOut = true;
    storeLocally();
    setStatus("signed-out", messages.signed_out, { href: loginUrl, text: messages.relogin });
    window.clearTimeout(resumeTimer);
    resumeTimer = window.setTimeout(tryResume, RETRY_DELAY);
  }

  function tryResume() {
    window
      .fetch(tokenUrl, { credentials: "same-origin", redirect: "manual", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.csrf) {
          resumeTimer = window.setTimeout(tryResume, RETRY_DELAY);
          return;
        }
        csrfToken = data.csrf;
        form.querySelector("input[name=csrfmiddlewaretoken]").value = csrfToken;
        signedOut = false;
        setStatus("saving", messages.resumed);
        send();
      })
      .catch(function () { resumeTimer = window.setTimeout(tryResume, RETRY_DELAY); });
  }

  // --- Two versions: show both, the learner chooses --------------------------------------------------------
  function showConflict(data) {
    blocked = "conflict";
    theirs = data;
    storeLocally();
    setStatus("conflict", messages.conflict);
    if (!conflictPanel) {
      return;
    }
    conflictPanel.querySelector("[data-conflict-mine-title]").textContent = titleInput.value || messages.no_title;
    // This tab's text as plain text: it has not been through the server's cleaner yet.
    var mine = conflictPanel.querySelector("[data-conflict-mine]");
    mine.textContent = editor.innerText;
    mine.style.whiteSpace = "pre-wrap";
    conflictPanel.querySelector("[data-conflict-theirs-title]").textContent = data.title || messages.no_title;
    // The stored version, already cleaned by the server.
    conflictPanel.querySelector("[data-conflict-theirs]").innerHTML = data.html || "";
    conflictPanel.hidden = false;
    conflictPanel.querySelector("h2").focus();
  }

  function closeConflict() {
    blocked = null;
    conflictPanel.hidden = true;
    editor.focus();
  }

  if (conflictPanel) {
    conflictPanel.querySelector("[data-keep-mine]").addEventListener("click", function () {
      baseVersion = theirs.version;
      revisionInput.value = baseVersion;
      closeConflict();
      changed();
      schedule(0);
    });
    conflictPanel.querySelector("[data-take-theirs]").addEventListener("click", function () {
      editor.innerHTML = theirs.html || "<p><br></p>";
      titleInput.value = theirs.title || "";
      baseVersion = theirs.version;
      revisionInput.value = baseVersion;
      confirmedEdits = edits;
      forgetLocal();
      closeConflict();
      setStatus("saved", messages.in_sync);
    });
  }

  editor.addEventListener("input", changed);
  titleInput.addEventListener("input", changed);
  window.addEventListener("online", function () { schedule(0); });
  window.addEventListener("offline", function () {
    if (edits > confirmedEdits) {
      setStatus("offline", messages.offline);
    }
  });
  window.setInterval(function () {
    if (edits > confirmedEdits && !blocked && !signedOut) {
      send();
    }
  }, 15000);

  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
    htmlInput.value = editor.innerHTML;
    revisionInput.value = baseVersion;
    storeLocally();
  });

  // --- A copy kept in this browser that the server never confirmed: restore it and send it ----------------
  var local = readLocal();
  if (form.hasAttribute("data-new-entry")) {
    clientId = (local && local.clientId) || newId();
  }
  if (local && (local.html !== editor.innerHTML || (local.title || "") !== titleInput.value)) {
    editor.innerHTML = local.html;
    titleInput.value = local.title || "";
    if (typeof local.base === "number") {
      baseVersion = local.base; // if the server moved on since, the next save shows both versions
      revisionInput.value = baseVersion;
    }
    edits = 1;
    setStatus("unsaved", messages.restored);
    schedule(0);
  } else if (local) {
    forgetLocal();
  }
})();
