// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    // Collapsible main menu on small screens.
    var toggle = document.querySelector(".main-nav__toggle");
    var list = document.getElementById("main-nav-list");
    if (toggle && list) {
        toggle.hidden = false;
        list.setAttribute("data-collapsed", "true");
        toggle.addEventListener("click", function () {
            var expanded = toggle.getAttribute("aria-expanded") === "true";
            toggle.setAttribute("aria-expanded", String(!expanded));
            list.setAttribute("data-collapsed", String(expanded));
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                toggle.setAttribute("aria-expanded", "false");
                list.setAttribute("data-collapsed", "true");
                toggle.focus();
            }
        });
    }

    // Print links ("Imprimer cette page") are plain buttons marked data-print, hidden until
    // this script can make them work.
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
})();
