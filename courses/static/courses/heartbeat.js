/* Visible-time tracking on lessons: a heartbeat every 30 s while the page is visible.
   The server ignores gaps longer than its idle cut-off, so time away from the tab is never counted. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-heartbeat]");
  if (!form || !window.fetch) {
    return;
  }
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var interval = (parseInt(form.getAttribute("data-interval"), 10) || 30) * 1000;
  var timer = null;

  function send() {
    window.fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      keepalive: true,
      headers: { "X-CSRFToken": token, "X-Requested-With": "fetch" }
    }).catch(function () { /* offline: the next beat will try again */ });
  }

  function beatIfVisible() {
    if (document.visibilityState === "visible") {
      send();
    }
  }

  function start() {
    if (timer === null) {
      send();
      timer = window.setInterval(beatIfVisible, interval);
    }
  }

  function stop() {
    if (timer !== null) {
      window.clearInterval(timer);
      timer = null;
      send(); // counts the visible time since the last beat
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      start();
    } else {
      stop();
    }
  });
  if (document.visibilityState === "visible") {
    start();
  }
})();
