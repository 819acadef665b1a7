// The operator's contract page: the slider walks through the events' business times; each step puts its time in
// the "as of" field and asks for the state (htmx listens for the change). Timeline rows after that time are dimmed.
(function () {
  "use strict";
  function dim(asOf) {
    document.querySelectorAll("table.timeline tbody tr").forEach(function (row) {
      row.classList.toggle("later", row.getAttribute("data-business-time") > asOf);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var slider = document.getElementById("asOfSlider");
    var field = document.getElementById("asOf");
    if (!slider || !field) {
      return;
    }
    var times = (slider.getAttribute("data-times") || "").split(" ");
    slider.addEventListener("input", function () {
      field.value = times[Number(slider.value)];
      dim(field.value);
      field.dispatchEvent(new Event("change", { bubbles: true }));
    });
    field.addEventListener("change", function () { dim(field.value); });
    dim(field.value);
  });
})();
