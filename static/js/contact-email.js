/* Contact callouts: turn the "Show the e-mail address" button into a real mailto link that a
   visitor can click or copy. The address is not in the HTML as text (against harvesters);
   without scripts, the button reveals it on a separate page. */
(function () {
  "use strict";
  document.querySelectorAll("[data-obfuscated-email]").forEach(function (holder) {
    var address;
    try {
      // The server reversed the address and base64-encoded its UTF-8 bytes (obfuscate_email).
      var bytes = Uint8Array.from(window.atob(holder.getAttribute("data-obfuscated-email")), function (character) {
        return character.charCodeAt(0);
      });
      address = Array.from(new TextDecoder().decode(bytes)).reverse().join("");
    } catch (error) {
      return;
    }
    if (address.indexOf("@") < 1) { return; }
    var link = document.createElement("a");
    link.href = "mailto:" + address;
    link.textContent = address;
    holder.replaceChildren(link);
  });
})();
