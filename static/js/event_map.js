// The venue's map on an event page: progressive enhancement of the address, which the page
// always shows. Reads everything from the data- attributes of .event-map (position, names,
// translated texts) and shows one marker with Leaflet (served from its XStatic package). No
// tile layer unless one is configured: the marker then stands on a plain background.
(function () {
    "use strict";
    var section = document.querySelector(".event-map[data-latitude]");
    if (!section || !window.L) {
        return;
    }
    var text = section.dataset;
    var position = [parseFloat(text.latitude), parseFloat(text.longitude)];
    if (isNaN(position[0]) || isNaN(position[1])) {
        return;
    }
    var canvas = section.querySelector(".event-map__canvas");
    var reduceMotion = window.matchMedia &&
        window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    section.hidden = false;
    var map = L.map(canvas, {
        center: position,
        zoom: 15,
        maxZoom: 18,
        zoomControl: false,
        zoomAnimation: !reduceMotion,
        fadeAnimation: !reduceMotion,
        markerZoomAnimation: !reduceMotion,
        scrollWheelZoom: false
    });
    L.control.zoom({zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut}).addTo(map);
    if (text.tilesUrl) {
        L.tileLayer(text.tilesUrl, {attribution: text.tilesAttribution, maxZoom: 18}).addTo(map);
    }
    var pin = L.icon({
        iconUrl: text.iconUrl,
        iconRetinaUrl: text.iconRetinaUrl,
        shadowUrl: text.shadowUrl,
        iconSize: [25, 41],
        iconAnchor: [12, 41],
        popupAnchor: [1, -34],
        shadowSize: [41, 41]
    });
    var popup = document.createElement("div");
    var name = document.createElement("p");
    name.className = "event-map__name";
    name.textContent = text.name;
    popup.appendChild(name);
    if (text.address) {
        var address = document.createElement("p");
        address.textContent = text.address;
        popup.appendChild(address);
    }
    L.marker(position, {icon: pin, alt: text.name, title: text.name})
        .bindPopup(popup)
        .addTo(map);

    // Leaflet names its popup close button in English.
    map.on("popupopen", function (event) {
        var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
        if (close) { close.setAttribute("aria-label", text.close); }
    });
})();
