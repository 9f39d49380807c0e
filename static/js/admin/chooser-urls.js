/* The choosers' addresses for wagtail-localize's translation editor, read from this script's
   own data attributes: the same as wagtail-localize's inline script, without inline script. */
(function () {
  "use strict";
  var urls = document.currentScript.dataset;
  if (typeof window.chooserUrls === "undefined") {
    window.chooserUrls = {
      imageChooser: urls.imageChooser,
      documentChooser: urls.documentChooser,
      pageChooser: urls.pageChooser
    };
  }
})();
