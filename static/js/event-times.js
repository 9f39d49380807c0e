/* Event pages, progressively enhanced: each time also in the visitor's own zone, and each
   session's status (upcoming, live, ended) by the visitor's clock, so a cached page stays right.
   Without scripts the page shows the same information in the event's or the language's zone. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";
  // A browser that cannot name the visitor's zone cannot convert to it: the page stays as served.
  try {
    if (!Intl.DateTimeFormat().resolvedOptions().timeZone) { return; }
  } catch (error) {
    return;
  }
  var dayAndTime = new Intl.DateTimeFormat(lang, {
    weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
    hour12: false, timeZoneName: "short"
  });
  var timeOnly = new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hour12: false, timeZoneName: "short" });

  function offsetMinutes(iso) {
    var match = /([+-])(\d\d):(\d\d)$/.exec(iso);
    if (!match) { return 0; }
    var minutes = parseInt(match[2], 10) * 60 + parseInt(match[3], 10);
    return match[1] === "-" ? -minutes : minutes;
  }

  function instantOf(element) {
    var iso = element.getAttribute("datetime");
    var instant = new Date(iso);
    if (isNaN(instant.getTime())) { return null; }
    // Shown in the visitor's own zone already: nothing to add.
    if (-instant.getTimezoneOffset() === offsetMinutes(iso)) { return null; }
    return instant;
  }

  function addNote(after, text) {
    var holder = after.closest("[data-local-label]");
    var label = holder ? holder.getAttribute("data-local-label") : "";
    var note = document.createElement("span");
    note.className = "local-time";
    note.textContent = " (" + (label ? label + ": " : "") + text + ")";
    after.insertAdjacentElement("afterend", note);
  }

  document.querySelectorAll(".time-range").forEach(function (range) {
    var times = range.querySelectorAll("time[data-local-time]");
    if (times.length !== 2) { return; }
    var start = instantOf(times[0]);
    var end = instantOf(times[1]);
    if (!start || !end) { return; }
    addNote(range, dayAndTime.format(start) + " – " + timeOnly.format(end));
    times.forEach(function (time) { time.setAttribute("data-local-done", ""); });
  });

  document.querySelectorAll("time[data-local-time]:not([data-local-done])").forEach(function (element) {
    var instant = instantOf(element);
    if (instant) { addNote(element, dayAndTime.format(instant)); }
  });

  function refreshStatuses() {
    var now = Date.now();
    document.querySelectorAll("[data-session-status]").forEach(function (status) {
      var start = Date.parse(status.getAttribute("data-start"));
      var end = Date.parse(status.getAttribute("data-end"));
      if (isNaN(start) || isNaN(end)) { return; }
      var state = now < start ? "upcoming" : now < end ? "live" : "ended";
      status.querySelectorAll("[data-state]").forEach(function (variant) {
        variant.hidden = variant.getAttribute("data-state") !== state;
      });
    });
  }
  refreshStatuses();
  window.setInterval(refreshStatuses, 30000);
})();
