// The guide for elected officials: shows its "Print / Save as PDF" buttons, which
// static/js/portal.js wires to window.print() (like every [data-print] button). Without
// JavaScript the buttons stay hidden and the printable version's link does the job.
(function () {
    "use strict";
    document.querySelectorAll(".guide [data-print][hidden]").forEach(function (button) {
        button.hidden = false;
    });
})();
