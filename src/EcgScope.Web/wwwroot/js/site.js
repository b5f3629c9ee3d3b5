// EcgScope pages: small enhancements over forms that work without script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // The language menu submits on change (the button stays for keyboard and no-script use).
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }

  // Files dropped on the box go into the file input, so the form sends them as if picked.
  const dropzone = document.getElementById("dropzone");
  const input = document.getElementById("file");
  if (dropzone && input) {
    for (const name of ["dragenter", "dragover"]) {
      dropzone.addEventListener(name, event => { event.preventDefault(); dropzone.classList.add("over"); });
    }
    for (const name of ["dragleave", "drop"]) {
      dropzone.addEventListener(name, () => dropzone.classList.remove("over"));
    }
    dropzone.addEventListener("drop", event => {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length > 0) {
        input.files = event.dataTransfer.files;
        input.dispatchEvent(new Event("change"));
      }
    });
  }

  // Zoom by widening the trace image; the box scrolls to pan (mouse, touch, arrow keys). Zoom 1 is the image's own
  // size, about true paper size on a screen (4 px per mm), so a 30 s trace starts readable instead of squeezed into
  // the box; zooming out stops when the whole trace fits the box.
  const trace = document.getElementById("trace");
  const image = document.getElementById("trace-image");
  if (trace && image) {
    let zoom = 1;
    const fit = () => Math.min(1, trace.clientWidth / image.naturalWidth);
    const apply = () => { if (image.naturalWidth > 0) image.style.width = (zoom * image.naturalWidth) + "px"; };
    for (const button of document.querySelectorAll("[data-zoom]")) {
      button.addEventListener("click", () => {
        const step = button.dataset.zoom;
        zoom = step === "in" ? Math.min(zoom * 1.5, 4) : step === "out" ? Math.max(zoom / 1.5, fit()) : 1;
        apply();
      });
    }
    if (image.complete) apply(); else image.addEventListener("load", apply);
  }

  // Labelling: a key press clicks the button of that key (1..9 a class, s skip, u undo), unless typing in a field.
  const labelForm = document.getElementById("label-form");
  if (labelForm) {
    document.addEventListener("keydown", event => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.target.closest("input, select, textarea")) return;
      const button = labelForm.querySelector(`button[data-key="${CSS.escape(event.key.toLowerCase())}"]`);
      if (button && !labelForm.dataset.sent) {
        event.preventDefault();
        labelForm.dataset.sent = "1"; // one decision per page: a held key must not label the next item unseen
        button.click();
      }
    });
  }
});
