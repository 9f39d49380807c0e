/* Click-to-load video: the link becomes a button; only when pressed does the page load the
   provider's privacy-enhanced player. Without scripts the link opens the video. */
(function () {
  "use strict";
  document.querySelectorAll(".video-preview[data-embed-url]").forEach(function (preview) {
    var link = preview.querySelector("a");
    if (!link) { return; }
    link.setAttribute("role", "button");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = preview.getAttribute("data-embed-url") + (preview.getAttribute("data-embed-url").indexOf("?") < 0 ? "?" : "&") + "autoplay=1";
      frame.title = preview.getAttribute("data-title") || link.textContent.trim();
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.setAttribute("allowfullscreen", "");
      frame.loading = "lazy";
      preview.replaceChildren(frame);
      preview.classList.add("video-preview--playing");
      frame.focus();
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); link.click(); }
    });
  });
})();
