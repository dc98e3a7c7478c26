/* On a lesson page: runs scorm-again's SCORM runtime for each sandboxed module frame. The module's pages
   call it by postMessage (cross-frame API); only messages from that very frame are handled. Commits go to
   the platform with the learner's session, CSRF token and the frame's player token; the answer updates the
   progress line under the module (or says why nothing was saved). */
(function () {
  "use strict";
  if (window.collectifScormLesson) {
    return;
  }
  window.collectifScormLesson = true;

  var csrfMeta = document.querySelector("meta[name=csrf-token]");
  var csrfInput = document.querySelector("input[name=csrfmiddlewaretoken]");
  var csrfToken = csrfMeta ? csrfMeta.getAttribute("content") : csrfInput ? csrfInput.value : "";

  function blockPart(frame, attribute) {
    return document.querySelector("[" + attribute + '="' + frame.dataset.scormFrame + '"]');
  }

  function showResult(frame, httpStatus, body) {
    var status = blockPart(frame, "data-scorm-status");
    var error = blockPart(frame, "data-scorm-save-error");
    var saved = httpStatus >= 200 && httpStatus < 300 && body && body.result === "true";
    if (saved && status && body.label) {
      status.textContent = body.label;
    }
    if (error) {
      error.hidden = saved;
      error.textContent = saved ? "" : (body && body.error) || frame.dataset.scormSaveErrorText;
    }
    return saved ? { result: "true", errorCode: 0 } : { result: "false", errorCode: 101 };
  }

  // Commits are sent one after the other, synchronously as SCORM expects, with our headers: the terminating
  // one too (scorm-again would send it as a beacon, which cannot carry the CSRF and player tokens).
  function synchronousCommits(frame) {
    return {
      processHttpRequest: function (url, params) {
        var xhr = new XMLHttpRequest();
        var body = null;
        xhr.open("POST", url, false);
        xhr.setRequestHeader("Content-Type", "application/json;charset=UTF-8");
        xhr.setRequestHeader("X-CSRFToken", csrfToken);
        xhr.setRequestHeader("X-Scorm-Player-Token", frame.dataset.scormToken);
        try {
          xhr.send(JSON.stringify(params));
          body = JSON.parse(xhr.responseText);
        } catch (ignored) {
          body = null;
        }
        return showResult(frame, xhr.status, body);
      },
      updateSettings: function () {},
    };
  }

  function start(frame) {
    var launchElement = document.getElementById(frame.dataset.scormLaunch);
    var launch = launchElement ? JSON.parse(launchElement.textContent) : {};
    var settings = {
      autocommit: true,
      autocommitSeconds: 10,
      lmsCommitUrl: frame.dataset.scormCommit,
      dataCommitFormat: "flattened",
      terminateCommitPayloadField: "terminate",
      httpService: synchronousCommits(frame),
      logLevel: 5,
    };
    var api = frame.dataset.scormVersion === "1.2" ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    api.loadFromFlattenedJSON(launch);
    var lms = new window.CrossFrameLMS(api, "*");
    // scorm-again listens to every window message; only this frame may drive this runtime.
    window.removeEventListener("message", lms._boundOnMessage);
    window.addEventListener("message", function (event) {
      if (event.source === frame.contentWindow) {
        lms._boundOnMessage(event);
      }
    });
    // Loaded only now: the module's first call (Initialize) must find the runtime listening.
    frame.src = frame.dataset.scormSrc;
  }

  document.querySelectorAll("[data-scorm-fallback]").forEach(function (note) {
    note.hidden = true;
  });
  document.querySelectorAll("iframe[data-scorm-frame]").forEach(start);
})();
