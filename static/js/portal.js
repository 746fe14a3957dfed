// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    // Menus behind a button on small screens (the site's menu, the members' space's). CSS
    // keeps them closed until opened, so nothing moves when this script runs; without
    // scripts, static/css/no-script.css shows them open.
    var toggles = document.querySelectorAll("[data-menu-toggle]");
    function setOpen(toggle, open) {
        var menu = document.getElementById(toggle.getAttribute("aria-controls"));
        toggle.setAttribute("aria-expanded", String(open));
        if (menu) { menu.setAttribute("data-open", String(open)); }
    }
    toggles.forEach(function (toggle) {
        toggle.addEventListener("click", function () {
            setOpen(toggle, toggle.getAttribute("aria-expanded") !== "true");
        });
    });
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") { return; }
        toggles.forEach(function (toggle) {
            if (toggle.getAttribute("aria-expanded") === "true") {
                setOpen(toggle, false);
                toggle.focus();
            }
        });
        // An open disclosure of the members' menu that holds the focus closes too, its
        // summary focused.
        document.querySelectorAll(".extranet-nav__group[open]").forEach(function (group) {
            if (group.contains(document.activeElement)) {
                group.open = false;
                group.querySelector("summary").focus();
            }
        });
    });
    // A disclosure of the members' menu closes when one clicks elsewhere.
    document.addEventListener("click", function (event) {
        document.querySelectorAll(".extranet-nav__group[open]").forEach(function (group) {
            if (!group.contains(event.target)) { group.open = false; }
        });
    });

    // Print links ("Imprimer cette page") are plain buttons marked data-print, hidden until
    // this script can make them work.
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
})();
