// Shows whether the live updates are on, from the htmx SSE extension's events; everything else is plain HTML.
(function () {
  "use strict";
  function setState(state) {
    var indicator = document.getElementById("live-indicator");
    if (indicator) {
      indicator.setAttribute("data-state", state);
    }
  }
  document.addEventListener("htmx:sseOpen", function () { setState("on"); });
  document.addEventListener("htmx:sseError", function () { setState("connecting"); });
})();
