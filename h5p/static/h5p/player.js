/* Runs inside the player iframe, sandboxed in an opaque origin without the learner's session: starts
   h5p-standalone with files reached through the signed URLs of config, and hands every xAPI statement
   H5P emits, and its height, to the lesson page. It never talks to the platform's API itself. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("h5p-config").textContent);
  var container = document.querySelector("[data-h5p-player]");

  function tellParent(message) {
    if (window.parent && window.parent !== window) {
      // Our origin is opaque, the lesson page's is ours: "*" is the only target we can name. The page
      // checks that the message comes from this frame (frame-ancestors 'self' keeps other sites out).
      window.parent.postMessage(message, "*");
    }
  }

  function reportHeight() {
    tellParent({ type: "collectif:h5p:resize", height: document.documentElement.scrollHeight });
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
    // This document is already the content's own frame. H5P's nested iframe cannot work here: in a sandbox
    // without allow-same-origin each nested document gets a fresh opaque origin, out of the player's reach.
    embedType: "div",
    // No cookies from this sandbox: the files are public behind their signed URL.
    assetsRequestFetchOptions: { credentials: "omit" },
  };

  function start() {
    if (window.H5P && H5P.externalDispatcher) {
      H5P.externalDispatcher.on("xAPI", function (event) {
        tellParent({ type: "collectif:h5p:xapi", statement: JSON.parse(JSON.stringify(event.data.statement)) });
      });
    }
    if (window.ResizeObserver) {
      new ResizeObserver(reportHeight).observe(document.documentElement);
    }
    reportHeight();
    window.setInterval(reportHeight, 1000);
  }

  // In a sandbox h5p-standalone may reject after the content is attached (it looks for its own iframe):
  // what counts is whether the content is there.
  new H5PStandalone.H5P(container, options).then(start, function () {
    start();
    if (!container.querySelector(".h5p-content > *")) {
      document.querySelector("[data-h5p-error]").hidden = false;
    }
  });
})();
