// The world map: Leaflet draws the markers the server clustered for the view on screen.
// Without JavaScript (or without Leaflet) the page's lists stand in for the map.
(function () {
  "use strict";
  if (!window.L) return;

  function formatCount(n) {
    return new Intl.NumberFormat(document.documentElement.lang || undefined).format(n);
  }

  function markerSize(n) {
    return Math.round(Math.min(64, 26 + 8 * Math.log10(n)));
  }

  function link(url, text) {
    var a = document.createElement("a");
    a.href = url;
    a.textContent = text;
    return a;
  }

  // The countries shipped with the site (Natural Earth through world-atlas), drawn as SVG under the markers.
  function drawBasemap(map, element, config) {
    if (!window.topojson || !config.basemapUrl) return;
    map.createPane("basemap").style.zIndex = 200;
    fetch(config.basemapUrl)
      .then(function (response) { return response.json(); })
      .then(function (world) {
        L.geoJSON(topojson.feature(world, world.objects.countries), {
          pane: "basemap",
          interactive: false,
          style: { color: "#9aa9b5", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
        }).addTo(map);
        map.attributionControl.addAttribution(config.basemapAttribution);
        element.classList.add("map-with-basemap");
      })
      .catch(function () { element.classList.add("map-without-tiles"); });
  }

  function start(element) {
    var config = element.dataset;
    // People who ask their system for less motion get a map that jumps instead of flying.
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    // Right to left (Arabic), the controls sit on the mirrored side: the zoom buttons at the start
    // (top right), the attribution at the end (bottom left). Their titles come translated from the page.
    var rtl = document.documentElement.dir === "rtl";
    var map = L.map(element, {
      worldCopyJump: true, minZoom: 1, maxZoom: 18, zoomControl: false, attributionControl: false,
      zoomAnimation: !still, fadeAnimation: !still, markerZoomAnimation: !still
    })
      .setView([parseFloat(config.latitude), parseFloat(config.longitude)], parseInt(config.zoom, 10));
    L.control.zoom({
      position: rtl ? "topright" : "topleft",
      zoomInTitle: config.zoomInTitle || "+", zoomOutTitle: config.zoomOutTitle || "\u2212"
    }).addTo(map);
    L.control.attribution({ position: rtl ? "bottomleft" : "bottomright" }).addTo(map);
    if (config.tileUrl) {
      var tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution, maxZoom: 18 });
      // When the tile server cannot be reached the markers and their counts still show on a plain background.
      tiles.on("tileerror", function () { element.classList.add("map-without-tiles"); });
      tiles.addTo(map);
    } else {
      drawBasemap(map, element, config);
    }
    element.leafletMap = map; // other layers (the events') join the map through this

    var layer = L.layerGroup().addTo(map);
    var status = document.getElementById(config.status);
    var request = 0;

    function draw(markers) {
      layer.clearLayers();
      markers.forEach(function (marker) {
        var lone = marker.n === 1 && marker.url;
        var size = lone ? 18 : markerSize(marker.n);
        var label = lone ? marker.title : (marker.place ? marker.place + ": " : "") + formatCount(marker.n);
        var icon = L.divIcon({
          className: lone ? "map-point" : "map-cluster",
          html: lone ? "" : "<span>" + formatCount(marker.n) + "</span>",
          iconSize: [size, size],
        });
        var leafletMarker = L.marker([marker.lat, marker.lng], { icon: icon, title: label, alt: label, keyboard: true });
        if (lone) {
          var popup = document.createElement("div");
          popup.appendChild(link(marker.url, marker.title));
          if (marker.place) {
            var where = document.createElement("p");
            where.appendChild(link(marker.place_url, marker.place));
            popup.appendChild(where);
          }
          leafletMarker.bindPopup(popup);
        } else if (marker.place && map.getZoom() >= 8) {
          var more = document.createElement("div");
          more.appendChild(link(marker.place_url, marker.place + " (" + formatCount(marker.n) + ")"));
          leafletMarker.bindPopup(more);
        } else {
          leafletMarker.on("click", function () {
            var closer = Math.min(map.getZoom() + 3, 18);
            if (still) map.setView([marker.lat, marker.lng], closer, { animate: false });
            else map.flyTo([marker.lat, marker.lng], closer, { duration: 0.5 });
          });
        }
        leafletMarker.addTo(layer);
      });
    }

    function load() {
      var bounds = map.getBounds();
      var url = new URL(config.clustersUrl, window.location.href);
      url.searchParams.set("bbox", [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
        .map(function (n) { return n.toFixed(4); }).join(","));
      url.searchParams.set("zoom", map.getZoom());
      var mine = ++request;
      element.setAttribute("aria-busy", "true");
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (mine !== request) return;
          element.setAttribute("aria-busy", "false");
          if (data.error) {
            if (status) status.textContent = data.error;
            return;
          }
          draw(data.markers);
          element.dataset.markers = String(data.markers.length);
          if (status) status.textContent = status.dataset.template.replace("%(count)s", formatCount(data.total));
        })
        .catch(function () { element.setAttribute("aria-busy", "false"); });
    }

    map.on("moveend", load);
    load();
  }

  document.querySelectorAll("[data-map]").forEach(start);
})();
