// The members' map of the offers by commune: progressive enhancement of the table of the
// offers by commune, which stays complete without it. Reads everything from the data-
// attributes of .aid-map (the GeoJSON's URL, translated texts) and shows one numbered marker
// per commune with Leaflet (served from its XStatic package). No tile layer unless one is
// configured: the markers then stand on a plain background.
(function () {
    "use strict";
    var section = document.querySelector(".aid-map[data-map-url]");
    if (!section || !window.L || !window.fetch) {
        return;
    }
    var canvas = section.querySelector(".directory-map__canvas");
    var status = section.querySelector(".directory-map__status");
    var text = section.dataset;
    var reduceMotion = window.matchMedia &&
        window.matchMedia("(prefers-reduced-motion: reduce)").matches;

    function countLabel(count, one, many) {
        return count === 1 ? one : many.replace("{count}", String(count));
    }

    // A round marker showing the number of offers; its title names it ("Melun : 3 offres").
    function markerOf(feature, latlng) {
        var properties = feature.properties;
        var title = properties.name + " : " +
            countLabel(properties.count, text.labelOne, text.labelMany);
        var number = document.createElement("span");
        number.setAttribute("aria-hidden", "true");
        number.textContent = String(properties.count);
        var icon = L.divIcon({
            html: number.outerHTML,
            className: "marker-cluster marker-cluster-" + (properties.count < 10 ? "small" : "medium"),
            iconSize: L.point(40, 40)
        });
        return L.marker(latlng, {icon: icon, title: title, alt: title});
    }

    function popupOf(properties) {
        var content = document.createElement("p");
        var anchor = document.createElement("a");
        anchor.href = properties.url;
        anchor.textContent = properties.name + " : " +
            countLabel(properties.count, text.labelOne, text.labelMany);
        content.appendChild(anchor);
        return content;
    }

    function show(data) {
        var messages = [];
        if (data.unplaced) {
            messages.push(countLabel(data.unplaced, text.unplacedOne, text.unplacedMany));
        }
        if (!data.features.length) {
            canvas.hidden = true;
            messages.unshift(text.empty);
            status.textContent = messages.join(" ");
            return;
        }
        status.textContent = messages.join(" ");
        var map = L.map(canvas, {
            maxZoom: 18,
            zoomControl: false,
            zoomAnimation: !reduceMotion,
            fadeAnimation: !reduceMotion,
            markerZoomAnimation: !reduceMotion,
            scrollWheelZoom: false
        });
        L.control.zoom({zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut}).addTo(map);
        if (text.tilesUrl) {
            L.tileLayer(text.tilesUrl, {attribution: text.tilesAttribution, maxZoom: 18})
                .addTo(map);
        }
        var layer = L.geoJSON(data, {
            pointToLayer: markerOf,
            onEachFeature: function (feature, marker) {
                marker.bindPopup(popupOf(feature.properties));
            }
        }).addTo(map);
        map.fitBounds(layer.getBounds(), {padding: [30, 30], maxZoom: 12});

        // Leaflet names its popup close button in English.
        map.on("popupopen", function (event) {
            var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
            if (close) { close.setAttribute("aria-label", text.close); }
        });
    }

    section.hidden = false;
    fetch(text.mapUrl, {headers: {Accept: "application/geo+json"}, credentials: "same-origin"})
        .then(function (response) {
            if (!response.ok) { throw new Error(response.status); }
            return response.json();
        })
        .then(show)
        .catch(function (error) {
            if (window.console) { console.error("mutual aid map:", error); }
            canvas.hidden = true;
            status.textContent = text.error;
        });
})();
