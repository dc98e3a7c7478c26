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
            error.refused = response.status >= 400 && response.status < 500;
            throw error;
          }
          return data;
        });
    });
  }

  // Statements are sent one after the other, in the order H5P emitted them ("attempted" before
  // "answered"), so the server never handles two writes of the same learner at once.
  var queue = Promise.resolve();

  function relay(frame, statement) {
    if (!isPlainObject(statement.verb) || IGNORED_VERBS.indexOf(statement.verb.id) !== -1) {
      return;
    }
    // The platform identifies the learner by account; H5P's own anonymous actor is replaced.
    statement.actor = actorFor(frame);
    var body = JSON.stringify(statement);
    if (body.length > MAX_STATEMENT_LENGTH) {
      return;
    }
    queue = queue
      .then(function () {
        // One retry after a short pause covers a busy server or a network hiccup; a refusal is final.
        return send(frame, body).catch(function (error) {
          if (error.refused) {
            throw error;
          }
          return new Promise(function (resolve) {
            window.setTimeout(resolve, 1500);
          }).then(function () {
            return send(frame, body);
          });
        });
      })
      .then(function (data) {
        showError(frame, "");
        var status = blockPart(frame, "data-h5p-status");
        if (status && data.progress) {
          status.textContent = data.progress.label;
        }
      })
      .catch(function (error) {
        showError(
          frame,
          error.refused ? error.message : frame.getAttribute("data-h5p-save-error-text"));
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
})();
