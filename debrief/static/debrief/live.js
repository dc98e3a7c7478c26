// Live session screens, progressive enhancement only: without this script the "Actualiser" links do the same.
// Polling every 2 s (plain fetch of a small JSON state) works under runserver and behind gunicorn's sync
// workers alike, and recovers by itself after a network drop: the state lives on the server.
(function () {
  "use strict";
  if (!window.fetch) { return; }
  var EVERY = 2000;

  function countdowns(root) {
    (root || document).querySelectorAll("[data-countdown]").forEach(function (node) {
      var deadline = new Date(node.getAttribute("data-deadline")).getTime();
      var tick = function () {
        var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        var seconds = (left % 60 < 10 ? "0" : "") + (left % 60);
        // The words come translated from the page (data-template); the numbers are filled in here.
        node.textContent = (node.getAttribute("data-template") || "({minutes} min {seconds} s)")
          .replace("{minutes}", Math.floor(left / 60)).replace("{seconds}", seconds);
        if (left === 0 || !document.body.contains(node)) { window.clearInterval(timer); }
      };
      var timer = window.setInterval(tick, 1000);
      tick();
    });
  }

  function poll(url, onData, onError) {
    var run = function () {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" }, cache: "no-store" })
        .then(function (response) {
          if (!response.ok) { throw new Error(String(response.status)); }
          return response.json();
        })
        .then(onData, onError)
        .then(function () { window.setTimeout(run, EVERY); });
    };
    window.setTimeout(run, EVERY);
  }

  // Participant screen: redraw the state fragment when the trainer changes something.
  var state = document.querySelector("[data-live-state]");
  if (state) {
    var announce = document.querySelector("[data-live-announce]");
    var status = document.querySelector("[data-live-status]");
    var statusText = status ? status.textContent : "";
    poll(state.getAttribute("data-state-url"), function (data) {
      if (status) { status.textContent = statusText; }
      if (data.version && data.version !== state.getAttribute("data-version")) {
        state.innerHTML = data.html;
        state.setAttribute("data-version", data.version);
        var message = state.querySelector("[data-announce]");
        if (announce && message) { announce.textContent = message.getAttribute("data-announce"); }
        countdowns(state);
      }
    }, function () {
      if (status) { status.textContent = status.getAttribute("data-offline"); }
    });
  }

  // Presenter screen: live counts; a stage change (the timer ran out) reloads the controls.
  var presenter = document.querySelector("[data-presenter]");
  if (presenter) {
    var participants = presenter.querySelector("[data-participants]");
    var voters = presenter.querySelector("[data-voters]");
    poll(presenter.getAttribute("data-state-url"), function (data) {
      if (participants) { participants.textContent = data.participants; }
      if (voters) { voters.textContent = data.voters; }
      if (data.stage && data.stage !== presenter.getAttribute("data-stage")) { window.location.reload(); }
    }, function () {});
  }

  countdowns(document);
})();
