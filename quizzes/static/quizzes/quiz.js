// Progressive enhancement of the attempt form: autosave on change and a countdown.
// Without this script everything still works with the "Enregistrer" and "Valider" buttons.
(function () {
  "use strict";
  var form = document.querySelector("[data-quiz-form]");
  if (!form || !window.fetch) { return; }
  var status = form.querySelector("[data-autosave-status]");
  var timer = null;

  function save() {
    var data = new FormData(form);
    data.set("action", "save");
    fetch(window.location.href, {
      method: "POST", body: data, credentials: "same-origin", headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      if (status && response.status === 204) { status.textContent = status.dataset.saved || "Réponses enregistrées."; }
    }).catch(function () {});
  }

  form.addEventListener("change", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 600);
  });

  var deadlineNode = document.querySelector("[data-deadline]");
  var countdown = document.querySelector("[data-countdown]");
  if (deadlineNode && countdown) {
    var deadline = new Date(deadlineNode.getAttribute("data-deadline")).getTime();
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      var minutes = Math.floor(left / 60), seconds = left % 60;
      countdown.textContent = "(" + minutes + " min " + (seconds < 10 ? "0" : "") + seconds + " s)";
      if (left === 0) { window.clearInterval(interval); }
    };
    var interval = window.setInterval(tick, 1000);
    tick();
  }
})();
