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

    // A wide table scrolls inside its box (.table-scroll); where it overflows, the box
    // takes the keyboard's focus (the arrows then scroll it) and is named after the
    // table's caption, or the heading before it, for a screen reader.
    var labels = 0;
    function labelOf(box) {
        var named = box.querySelector("caption") || box.previousElementSibling;
        if (!named || !/^(CAPTION|H2|H3|H4)$/.test(named.tagName)) { return null; }
        if (!named.id) { labels += 1; named.id = "table-scroll-label-" + labels; }
        return named.id;
    }
    function markScrollable() {
        document.querySelectorAll(".table-scroll").forEach(function (box) {
            if (box.scrollWidth > box.clientWidth + 1) {
                box.setAttribute("tabindex", "0");
                var label = labelOf(box);
                if (label) {
                    box.setAttribute("role", "region");
                    box.setAttribute("aria-labelledby", label);
                }
            } else if (box.hasAttribute("tabindex")) {
                box.removeAttribute("tabindex");
                box.removeAttribute("role");
                box.removeAttribute("aria-labelledby");
            }
        });
    }
    markScrollable();
    var resizing;
    window.addEventListener("resize", function () {
        clearTimeout(resizing);
        resizing = setTimeout(markScrollable, 150);
    });

    // Print links ("Imprimer cette page") are plain buttons marked data-print, hidden until
    // this script can make them work.
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
})();
