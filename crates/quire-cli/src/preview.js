// Written by `quire build` into `trunk serve` previews only (never into a
// site built for publishing): when `quire watch` has republished the blog
// after an edit, it reloads the page, as Trunk does after an app rebuild.
(function () {
  "use strict";
  var stamp = document.currentScript.src.replace(/[^/]*$/, "__STAMP_FILE__");
  var seen = null;
  function look() {
    fetch(stamp, { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (now) {
        if (now === null) return;
        if (seen !== null && now !== seen) location.reload();
        seen = now;
      })
      .catch(function () {})
      .then(function () {
        setTimeout(look, 500);
      });
  }
  look();
})();
