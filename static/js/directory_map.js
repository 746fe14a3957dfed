// The directory's map: progressive enhancement of the list, which stays complete without it.
// Reads everything from the data- attributes of .directory-map (URLs, translated texts), fetches
// the GeoJSON of the current results and shows it with Leaflet and Leaflet.markercluster
// (served from their XStatic packages). No tile layer unless one is configured: the markers
// then stand on a plain background.
(function () {
    "use strict";
    var section = document.querySelector(".directory-map[data-map-url]");
    if (!section || !window.L || !L.markerClusterGroup || !window.fetch) {
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

    function element(tag, className, content) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (content) { node.textContent = content; }
        return node;
    }

    function link(url, label) {
        var anchor = element("a", "", label);
        anchor.href = url;
        return anchor;
    }

    // A round marker showing a number, named for screen readers ("12 associations").
    function countIcon(count) {
        var label = countLabel(count, text.labelOne, text.labelMany);
        var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
        var html = document.createElement("div");
        html.appendChild(element("span", "", String(count)));
        html.firstChild.setAttribute("aria-hidden", "true");
        html.appendChild(element("span", "visually-hidden", label));
        return L.divIcon({
            html: html.innerHTML,
            className: "marker-cluster marker-cluster-" + size,
            iconSize: L.point(40, 40)
        });
    }

    function clusterIcon(cluster) {
        var count = 0;
        cluster.getAllChildMarkers().forEach(function (marker) {
            count += marker.options.count || 1;
        });
        return countIcon(count);
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

    function popupOf(properties) {
        var content = element("div", "directory-map__popup");
        if (properties.kind === "association") {
            content.appendChild(link(properties.url, properties.name));
            if (properties.commune) {
                content.appendChild(element("p", "", properties.commune));
            }
        } else {
            var label = countLabel(properties.count, text.labelOne, text.labelMany);
            if (properties.name) {
                content.appendChild(element("p", "directory-map__place", properties.name));
            }
            content.appendChild(properties.url ? link(properties.url, label)
                : element("p", "", label));
        }
        return content;
    }

    function markerOf(feature, latlng) {
        var properties = feature.properties;
        if (properties.kind === "association") {
            return L.marker(latlng, {
                icon: pin, alt: properties.name, title: properties.name, count: 1
            });
        }
        var title = (properties.name ? properties.name + " : " : "") +
            countLabel(properties.count, text.labelOne, text.labelMany);
        return L.marker(latlng, {icon: countIcon(properties.count), title: title,
                                 count: properties.count});
    }

    function show(data) {
        var messages = [];
        if (data.unplaced) {
            messages.push(countLabel(data.unplaced, text.unplacedOne, text.unplacedMany));
        }
        if (data.grouped) {
            messages.push(text.grouped);
        }
        if (!data.features.length) {
            canvas.hidden = true;
            messages.unshift(text.empty);
            status.textContent = messages.join(" ");
            return;
        }
        status.textContent = messages.join(" ");

        var map = L.map(canvas, {
            maxZoom: 18,  // markercluster needs it, and there may be no tile layer to set it
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
        var cluster = L.markerClusterGroup({
            iconCreateFunction: clusterIcon,
            animate: !reduceMotion,
            showCoverageOnHover: false
        });
        var layer = L.geoJSON(data, {
            pointToLayer: markerOf,
            onEachFeature: function (feature, marker) {
                marker.bindPopup(popupOf(feature.properties));
            }
        });
        cluster.addLayer(layer);
        map.addLayer(cluster);
        map.fitBounds(layer.getBounds(), {padding: [30, 30], maxZoom: 13});

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
            if (window.console) { console.error("directory map:", error); }
            canvas.hidden = true;
            status.textContent = text.error;
        });
})();
