/* Click-to-load video: the link becomes a button; only when pressed does the page load the
   site's player page, which alone may frame the provider's privacy-enhanced player.
   Without scripts the link opens the video. */
(function () {
  "use strict";
  document.querySelectorAll(".video-preview[data-player-url]").forEach(function (preview) {
    var link = preview.querySelector("a");
    if (!link) { return; }
    link.setAttribute("role", "button");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = preview.getAttribute("data-player-url");
      frame.title = preview.getAttribute("data-title") || link.textContent.trim();
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      preview.replaceChildren(frame);
      preview.classList.add("video-preview--playing");
      frame.focus();
    });
    link.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); link.click(); }
    });
  });
})();
