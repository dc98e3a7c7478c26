/* On a lesson page: relays the xAPI statements of each sandboxed H5P player to the platform, with the
   learner's session, CSRF token and the player token of that frame, sizes each frame to its content and
   shows the progress the server answers. The players run in an opaque origin ("null"): a message is
   accepted only from one of this page's H5P frames, with the expected shape and a bounded size. */
(function () {
  "use strict";
  if (window.collectifH5PLesson) {
    return;
  }
  window.collectifH5PLesson = true;

  var XAPI_MESSAGE = "collectif:h5p:xapi";
  var RESIZE_MESSAGE = "collectif:h5p:resize";
  var MAX_STATEMENT_LENGTH = 64 * 1024;
  // Clicks inside a question ("interacted") are too many to be worth storing.
  var IGNORED_VERBS = ["http://adlnet.gov/expapi/verbs/interacted"];
  var csrfMeta = document.querySelector("meta[name=csrf-token]");
  var csrfInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  var csrfToken = csrfMeta ? csrfMeta.getAttribute("content") : csrfInput ? csrfInput.value : "";

  // JavaScript runs: the players work, so their "JavaScript needed" notes go away.
  document.querySelectorAll("[data-h5p-fallback]").forEach(function (note) {
    note.hidden = true;
  });

  function frameFor(source) {
    var frames = document.querySelectorAll("iframe[data-h5p-frame]");
    for (var i = 0; i < frames.length; i += 1) {
      if (source && frames[i].contentWindow === source) {
        return frames[i];
      }
    }
    return null;
  }

  function isPlainObject(value) {
    return Object.prototype.toString.call(value) === "[object Object]";
  }

  function blockPart(frame, attribute) {
    return document.querySelector("[" + attribute + '="' + frame.getAttribute("data-h5p-frame") + '"]');
  }

  function actorFor(frame) {
    var script = document.getElementById("h5p-actor-" + frame.getAttribute("data-h5p-frame"));
    return script ? JSON.parse(script.textContent) : null;
  }

  function showError(frame, message) {
    var alert = blockPart(frame, "data-h5p-save-error");
    if (alert) {
      alert.textContent = message || "";
      alert.hidden = !message;
    }
  }

  function send(frame, body) {
    return fetch(frame.getAttribute("data-h5p-statements"), {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": csrfToken,
        "X-H5P-Player-Token": frame.getAttribute("data-h5p-token"),
      },
      body: body,
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          if (!response.ok) {
            var error = new Error(data.error || "HTTP " + response.status);
            error.status = response.status;
            error.refused = response.status >= 400 && response.status < 500;
            throw error;
          }
          return data;
        });
    });
  }

  // Unsent statements wait in the browser's storage (the outbox) until the server acknowledges them: a network
  // outage, a restarting server or a closed tab loses nothing. Each statement gets its id before it is stored,
  // so a statement sent twice is recorded once (the server answers 409 for an id it already holds). An entry
  // names its learner: on a shared computer, one person's answers are never sent under another's session.
  var OUTBOX_KEY = "collectif:h5p:outbox";
  var OUTBOX_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
  var RETRY_FIRST_MS = 1000;
  var RETRY_MAX_MS = 30000;

  function readOutbox() {
    try {
      var entries = JSON.parse(window.localStorage.getItem(OUTBOX_KEY) || "[]");
      return Array.isArray(entries) ? entries : [];
    } catch (error) {
      return [];
    }
  }

  function writeOutbox(entries) {
    try {
      window.localStorage.setItem(OUTBOX_KEY, JSON.stringify(entries));
    } catch (error) {
      // Storage full or disabled: the statement is still sent from memory while the page stays open.
    }
  }

  var OUTBOX_MAX_ENTRIES = 200;

  function keep(entry) {
    writeOutbox(readOutbox().concat([entry]).slice(-OUTBOX_MAX_ENTRIES));
  }

  function forget(id) {
    writeOutbox(readOutbox().filter(function (entry) {
      return entry.id !== id;
    }));
  }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (byte) {
      return (byte + 0x100).toString(16).slice(1);
    }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function learnerOf(frame) {
    var actor = actorFor(frame);
    return actor && actor.account ? String(actor.account.name) : "";
  }

  function wait(ms) {
    return new Promise(function (resolve) {
      window.setTimeout(resolve, ms);
    });
  }

  // Waits for the network to come back, or a pause that doubles after each failure.
  function backOff(delay) {
    return Promise.race([
      wait(delay),
      new Promise(function (resolve) {
        window.addEventListener("online", resolve, { once: true });
      }),
    ]);
  }

  function showProgress(frame, data) {
    showError(frame, "");
    var status = blockPart(frame, "data-h5p-status");
    if (status && data.progress) {
      status.textContent = data.progress.label;
    }
  }

  // Sends until the server answers: acknowledged (2xx) or already held (409) ends it; a refusal of the statement
  // itself (other 4xx) ends it with the server's message; no answer, 5xx or 429 waits and retries.
  function deliver(frame, entry, delay) {
    return send(frame, entry.body).then(
      function (data) {
        forget(entry.id);
        showProgress(frame, data);
      },
      function (error) {
        var status = error.status || 0;
        if (status === 409) {
          forget(entry.id);
          return undefined;
        }
        if (status === 401 || status === 403) {
          // Session lost or player expired: the entry waits in the outbox for the next visit (after logging in
          // again or reloading, with a fresh player), and the learner is told why.
          showError(frame, error.message);
          return undefined;
        }
        if (error.refused && [408, 429].indexOf(status) === -1) {
          forget(entry.id);
          showError(frame, error.message);
          return undefined;
        }
        showError(frame, frame.getAttribute("data-h5p-save-error-text"));
        return backOff(delay).then(function () {
          return deliver(frame, entry, Math.min(delay * 2, RETRY_MAX_MS));
        });
      }
    );
  }

  // Statements are sent one after the other, in the order H5P emitted them ("attempted" before
  // "answered"), so the server never handles two writes of the same learner at once.
  var queue = Promise.resolve();

  function enqueue(frame, entry) {
    queue = queue.then(function () {
      return deliver(frame, entry, RETRY_FIRST_MS);
    });
  }

  function relay(frame, statement) {
    if (!isPlainObject(statement.verb) || IGNORED_VERBS.indexOf(statement.verb.id) !== -1) {
      return;
    }
    // The platform identifies the learner by account; H5P's own anonymous actor is replaced.
    statement.actor = actorFor(frame);
    statement.id = newId();
    var body = JSON.stringify(statement);
    if (body.length > MAX_STATEMENT_LENGTH) {
      return;
    }
    var entry = {
      id: statement.id,
      frame: frame.getAttribute("data-h5p-frame"),
      learner: learnerOf(frame),
      body: body,
      at: Date.now(),
    };
    keep(entry);
    enqueue(frame, entry);
  }

  // Statements left unsent by an earlier visit (closed tab, outage) go out first, for this learner's frames only.
  function resendLeftovers() {
    var now = Date.now();
    var entries = readOutbox().filter(function (entry) {
      return entry && typeof entry.at === "number" && now - entry.at < OUTBOX_MAX_AGE_MS;
    });
    writeOutbox(entries);
    entries.forEach(function (entry) {
      var frame = document.querySelector('iframe[data-h5p-frame="' + entry.frame + '"]');
      if (frame && learnerOf(frame) === entry.learner) {
        enqueue(frame, entry);
      }
    });
  }

  window.addEventListener("message", function (event) {
    // The players are sandboxed without allow-same-origin: their messages come from the origin "null".
    if (event.origin !== "null") {
      return;
    }
    var frame = frameFor(event.source);
    var data = event.data;
    if (!frame || !isPlainObject(data) || typeof data.type !== "string") {
      return;
    }
    if (data.type === RESIZE_MESSAGE && typeof data.height === "number" && data.height > 0) {
      frame.style.height = Math.min(Math.ceil(data.height) + 4, 4000) + "px";
    } else if (data.type === XAPI_MESSAGE && isPlainObject(data.statement)) {
      relay(frame, data.statement);
    }
  });
  resendLeftovers();
})();
