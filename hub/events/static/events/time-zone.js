// Tells the server the reader's time zone once (a cookie), so event times are shown in it too.
// Without JavaScript, the "Also show times in" form does the same.
(function () {
  "use strict";
  if (document.cookie.split("; ").some(function (c) { return c.indexOf("tz=") === 0; })) return;
  var zone;
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
  if (!zone) return;
  document.cookie = "tz=" + zone + "; path=/; max-age=31536000; samesite=lax";
  var select = document.getElementById("reader-zone");
  // Once, on an event page, unless it carries a message that a reload would lose.
  if (select && select.value !== zone && document.querySelector("[data-reload-for-zone]") && !document.querySelector(".messages")) {
    window.location.reload();
  }
})();
