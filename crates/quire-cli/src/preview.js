// Written by `quire build` into `trunk serve` previews only (never into a
// site built for publishing): when `quire watch` has republished the blog
// after this page was asked for, it reloads the page, as Trunk does after
// an app rebuild. The stamp is the republish's time in milliseconds since
// 1970, from the same machine's clock as the browser's.
(function () {
  "use strict";
  var stamp = document.currentScript.src.replace(/[^/]*$/, "__STAMP_FILE__");
  function look() {
    fetch(stamp, { cache: "no-store" })
      .then(function (response) {
        return response.ok ? response.text() : "";
      })
      .then(function (text) {
        var republished = Number(text);
        if (republished > performance.timeOrigin) location.reload();
        else setTimeout(look, 500);
      })
      .catch(function () {
        setTimeout(look, 500);
      });
  }
  look();
})();
