/* Put at the top of every page of a SCORM module (served sandboxed, opaque origin). Installs scorm-again's
   cross-frame API where SCORM content looks for it (window.API for 1.2, window.API_1484_11 for 2004): each
   call goes by postMessage to the real runtime on the lesson page. The API answers reads from a local copy,
   filled here with the launch data (learner, suspend data, location) so a module reading them right after
   Initialize resumes where the learner left off. */
(function () {
  "use strict";
  var launchElement = document.getElementById("collectif-scorm-launch");
  var launch = launchElement ? JSON.parse(launchElement.textContent) : {};
  var api = new window.CrossFrameAPI("*", window.parent);
  Object.keys(launch).forEach(function (element) {
    api._cache.set(element, String(launch[element]));
  });
  window.API = api;
  window.API_1484_11 = api;
})();
