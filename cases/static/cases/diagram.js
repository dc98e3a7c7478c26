// Draws the Mermaid diagram of a case graph in the admin preview. The table beside it already gives
// the same information, so nothing is lost when the vendored library is missing or fails.
(function () {
  "use strict";
  if (!window.mermaid) {
    return;
  }
  window.mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: "neutral" });
  window.mermaid.run({ querySelector: "[data-case-diagram]" });
})();
