// The petition's live counter (refreshed every 30 seconds from the counter's JSON). Without
// JavaScript, the page shows the count it was served with. (The print button of the
// printable version is portal.js's, like every [data-print] button.)
(function () {
  "use strict";
  var counter = document.querySelector("[data-counter-url]");
  if (counter && window.fetch) {
    var count = counter.querySelector("[data-count]");
    var progress = counter.querySelector("[data-progress]");
    var refresh = function () {
      fetch(counter.getAttribute("data-counter-url"), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          count.textContent = data.count;
          if (progress && data.goal) {
            progress.value = Math.min(data.count, data.goal);
            progress.textContent = data.percent + " %";
          }
        })
        .catch(function () {});
    };
    window.setInterval(refresh, 30000);
  }
})();
