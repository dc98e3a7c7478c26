/* Runs inside the player iframe: starts h5p-standalone, posts H5P's xAPI statements to the platform
   and tells the lesson page (same origin) its height and the learner's progress. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("h5p-config").textContent);
  var container = document.querySelector("[data-h5p-player]");
  var csrfToken = document.querySelector("meta[name=csrf-token]").getAttribute("content");
  var origin = window.location.origin;
  // Clicks inside a question ("interacted") are too many to be worth storing.
  var IGNORED_VERBS = ["http://adlnet.gov/expapi/verbs/interacted"];

  function tellParent(message) {
    if (window.parent && window.parent !== window) {
      message.activity = config.id;
      window.parent.postMessage(message, origin);
    }
  }

  function reportHeight() {
    tellParent({ type: "collectif-h5p-resize", height: document.documentElement.scrollHeight });
  }

  // Statements are sent one after the other, in the order H5P emitted them ("attempted" before
  // "answered"), so the server never handles two writes of the same learner at once.
  var queue = Promise.resolve();

  function send(statement) {
    return fetch(config.statementsUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken },
      body: JSON.stringify(statement),
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });
  }

  function postStatement(statement) {
    if (!statement || !statement.verb || IGNORED_VERBS.indexOf(statement.verb.id) !== -1) {
      return;
    }
    // The platform identifies the learner by account; H5P's own anonymous actor is replaced.
    statement.actor = config.actor;
    queue = queue
      .then(function () {
        // One retry after a short pause covers a busy server; a second failure is shown.
        return send(statement).catch(function () {
          return new Promise(function (resolve) {
            window.setTimeout(resolve, 1500);
          }).then(function () {
            return send(statement);
          });
        });
      })
      .then(function (body) {
        document.querySelector("[data-h5p-save-error]").hidden = true;
        if (body.progress) {
          tellParent({ type: "collectif-h5p-progress", progress: body.progress });
        }
      })
      .catch(function () {
        document.querySelector("[data-h5p-save-error]").hidden = false;
      });
  }

  var options = {
    id: config.id,
    h5pJsonPath: config.h5pJsonPath,
    librariesPath: config.librariesPath,
    frameJs: config.frameJs,
    frameCss: config.frameCss,
    xAPIObjectIRI: config.xAPIObjectIRI,
    frame: false,
    copyright: false,
    export: false,
    icon: false,
    fullScreen: false,
    embed: false,
  };

  new H5PStandalone.H5P(container, options)
    .then(function () {
      H5P.externalDispatcher.on("xAPI", function (event) {
        postStatement(event.data.statement);
      });
      if (window.ResizeObserver) {
        new ResizeObserver(reportHeight).observe(document.documentElement);
      }
      reportHeight();
      window.setInterval(reportHeight, 1000);
    })
    .catch(function () {
      document.querySelector("[data-h5p-error]").hidden = false;
      reportHeight();
    });
})();
