// The only script of a share page (the page itself is plain HTML, served from memory): the
// video loads on click, and screenshots open in a lightbox. No framework, nothing inline.
(function () {
  "use strict";

  document.querySelectorAll("button[data-video-id]").forEach(function (button) {
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src =
        "https://www.youtube-nocookie.com/embed/" +
        encodeURIComponent(button.getAttribute("data-video-id")) +
        "?autoplay=1&rel=0";
      frame.title = (button.getAttribute("aria-label") || "").replace(/^Play video: /, "");
      frame.allow = "autoplay; encrypted-media; picture-in-picture";
      frame.allowFullscreen = true;
      frame.className = "aspect-video w-full rounded-lg";
      button.replaceWith(frame);
    });
  });

  // Interactive from here on (browser tests wait for this mark, as on the app's pages).
  document.documentElement.dataset.hydrated = "true";

  var thumbs = Array.prototype.slice.call(document.querySelectorAll("button[data-full]"));
  if (thumbs.length === 0 || typeof HTMLDialogElement !== "function") return;

  function control(label, path) {
    var b = document.createElement("button");
    b.type = "button";
    b.setAttribute("aria-label", label);
    b.className = "rounded-full bg-white/90 p-2 text-slate-900";
    b.innerHTML =
      '<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">' +
      path +
      "</svg>";
    return b;
  }

  var dialog = document.createElement("dialog");
  dialog.className = "m-auto max-h-none max-w-none bg-transparent p-4 backdrop:bg-slate-950/80";
  dialog.setAttribute("aria-label", "Screenshot");
  var image = document.createElement("img");
  image.className = "max-h-[80vh] max-w-full rounded-lg bg-white object-contain";
  var caption = document.createElement("p");
  caption.className = "text-sm text-white";
  var controls = document.createElement("div");
  controls.className = "flex gap-2";
  var prev = control("Previous screenshot", '<path d="m15 18-6-6 6-6"/>');
  var close = control("Close", '<path d="M18 6 6 18"/><path d="m6 6 12 12"/>');
  var next = control("Next screenshot", '<path d="m9 18 6-6-6-6"/>');
  controls.append(prev, close, next);
  var body = document.createElement("div");
  body.className = "flex flex-col items-center justify-center gap-3";
  body.append(image, caption, controls);
  dialog.append(body);
  document.body.append(dialog);

  var current = 0;
  function show(i) {
    current = (i + thumbs.length) % thumbs.length;
    var alt = thumbs[current].getAttribute("data-alt") || "Screenshot " + (current + 1);
    image.src = thumbs[current].getAttribute("data-full");
    image.alt = alt;
    caption.textContent = thumbs[current].getAttribute("data-alt") || "";
    dialog.setAttribute("aria-label", "Screenshot " + (current + 1) + " of " + thumbs.length);
  }
  thumbs.forEach(function (thumb, i) {
    thumb.addEventListener("click", function () {
      show(i);
      dialog.showModal();
      close.focus();
    });
  });
  prev.addEventListener("click", function () {
    show(current - 1);
  });
  next.addEventListener("click", function () {
    show(current + 1);
  });
  close.addEventListener("click", function () {
    dialog.close();
  });
  dialog.addEventListener("click", function (e) {
    if (e.target === dialog) dialog.close();
  });
  dialog.addEventListener("keydown", function (e) {
    if (e.key === "ArrowRight") show(current + 1);
    if (e.key === "ArrowLeft") show(current - 1);
  });
})();
