/*
 * Journal editor: progressive enhancement of the plain textarea.
 * - a small formatting toolbar over a contenteditable area (the server cleans whatever HTML it receives);
 * - autosave of the draft (debounced fetch POST with the CSRF header) and an explicit "Enregistrer";
 * - every change is first written to localStorage with a revision number, so a draft survives a lost
 *   connection or a closed tab; it is sent when the connection is back. The server ignores a revision that
 *   is not newer than the one it holds, so an older save never overwrites newer text.
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
  var revision = parseInt(revisionInput.value, 10) || 0;
  var acknowledged = revision; // the highest revision the server confirmed
  var timer = null;
  var inFlight = false;
  var blocked = false; // a refused or conflicting save waits for the learner
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
  var replaceButton = null;

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
    if (state === "conflict") {
      replaceButton = document.createElement("button");
      replaceButton.type = "button";
      replaceButton.className = "button journal-editor__replace";
      replaceButton.textContent = messages.replace;
      replaceButton.addEventListener("click", function () {
        blocked = false;
        revision = Math.max(revision, parseInt(replaceButton.dataset.serverRevision, 10) || 0) + 1;
        revisionInput.value = revision;
        storeLocally();
        send();
      });
      status.appendChild(document.createTextNode(" "));
      status.appendChild(replaceButton);
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
        JSON.stringify({ html: editor.innerHTML, title: titleInput.value, revision: revision, at: Date.now() })
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

  // --- Saving ----------------------------------------------------------------------------------------------
  function changed() {
    revision += 1;
    revisionInput.value = revision;
    storeLocally();
    if (!blocked) {
      setStatus("unsaved", messages.unsaved);
    }
    schedule(AUTOSAVE_DELAY);
  }

  function schedule(delay) {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, delay);
  }

  function send() {
    if (inFlight || blocked || revision <= acknowledged) {
      return;
    }
    if (!navigator.onLine) {
      setStatus("offline", messages.offline);
      return;
    }
    inFlight = true;
    var sentRevision = revision;
    var body = new FormData();
    body.append("title", titleInput.value);
    body.append("body_html", editor.innerHTML);
    body.append("revision", String(sentRevision));
    setStatus("saving", messages.saving);
    window
      .fetch(autosaveUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken, Accept: "application/json" },
      })
      .then(function (response) {
        return response.json().then(
          function (data) { return { response: response, data: data }; },
          function () { return { response: response, data: {} }; }
        );
      })
      .then(function (result) {
        var data = result.data;
        if (result.response.ok) {
          acknowledged = Math.max(acknowledged, data.revision || sentRevision);
          if (data.edit_url && autosaveUrl !== data.autosave_url) {
            // The first save of a new entry created it: from now on, it is that entry's editor.
            forgetLocal();
            autosaveUrl = data.autosave_url;
            storageKey = data.storage_key;
            form.action = data.edit_url;
            window.history.replaceState(null, "", data.edit_url);
          }
          if (revision <= acknowledged) {
            forgetLocal();
            setStatus("saved", messages.saved.replace("%(time)s", data.saved_at || ""));
          } else {
            storeLocally();
          }
        } else if (result.response.status === 409) {
          blocked = true;
          setStatus("conflict", messages.conflict);
          replaceButton.dataset.serverRevision = data.revision || 0;
        } else if (result.response.status === 400) {
          blocked = true;
          setStatus("error", data.error || messages.error);
        } else {
          setStatus("error", messages.error);
        }
      })
      .catch(function () {
        setStatus("offline", messages.offline);
      })
      .then(function () {
        inFlight = false;
        if (revision > acknowledged && !blocked) {
          schedule(navigator.onLine && status.dataset.state !== "offline" ? AUTOSAVE_DELAY : RETRY_DELAY);
        }
      });
  }

  editor.addEventListener("input", changed);
  titleInput.addEventListener("input", changed);
  window.addEventListener("online", function () { schedule(0); });
  window.addEventListener("offline", function () {
    if (revision > acknowledged) {
      setStatus("offline", messages.offline);
    }
  });
  window.setInterval(function () {
    if (revision > acknowledged && !blocked) {
      send();
    }
  }, 15000);

  form.addEventListener("submit", function () {
    window.clearTimeout(timer);
    htmlInput.value = editor.innerHTML;
    revisionInput.value = revision;
    storeLocally();
  });

  // --- A copy kept in this browser that the server never received: restore it and send it ----------------
  var local = readLocal();
  if (local && local.revision > revision) {
    editor.innerHTML = local.html;
    titleInput.value = local.title || "";
    revision = local.revision;
    revisionInput.value = revision;
    setStatus("unsaved", messages.restored);
    schedule(0);
  } else if (local) {
    forgetLocal();
  }
})();
