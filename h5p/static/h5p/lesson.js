/* On a lesson page: sizes each H5P iframe to its content and shows the progress the player reports.
   Messages are only accepted from this site's own player frames. */
(function () {
  "use strict";
  if (window.collectifH5PLesson) {
    return;
  }
  window.collectifH5PLesson = true;

  // JavaScript runs: the players work, so their "JavaScript needed" notes go away.
  document.querySelectorAll("[data-h5p-fallback]").forEach(function (note) {
    note.hidden = true;
  });

  function frameFor(source) {
    var frames = document.querySelectorAll("iframe[data-h5p-frame]");
    for (var i = 0; i < frames.length; i += 1) {
      if (frames[i].contentWindow === source) {
        return frames[i];
      }
    }
    return null;
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== window.location.origin || !event.data || typeof event.data !== "object") {
      return;
    }
    var frame = frameFor(event.source);
    if (!frame) {
      return;
    }
    if (event.data.type === "collectif-h5p-resize" && event.data.height > 0) {
      frame.style.height = Math.min(Math.ceil(event.data.height) + 4, 4000) + "px";
    } else if (event.data.type === "collectif-h5p-progress" && event.data.progress) {
      var status = document.querySelector('[data-h5p-status="' + frame.getAttribute("data-h5p-frame") + '"]');
      if (status) {
        status.textContent = event.data.progress.label;
      }
    }
  });
})();
