// The events layer of the maps: upcoming events with a place, drawn beside the practices' markers,
// with a switch to hide them. Without JavaScript, place pages list their events instead.
(function () {
  "use strict";
  var script = document.getElementById("events-layer-script");
  if (!window.L || !script) return;

  function start(element) {
    var map = element.leafletMap;
    if (!map) return;
    var layer = L.layerGroup().addTo(map);
    L.control.layers(null, (function () { var o = {}; o[script.dataset.label] = layer; return o; })()).addTo(map);
    var request = 0;

    function load() {
      if (!map.hasLayer(layer)) return;
      var bounds = map.getBounds();
      var url = new URL(script.dataset.eventsUrl, window.location.href);
      url.searchParams.set("bbox", [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
        .map(function (n) { return Math.max(-180 * 4, Math.min(180 * 4, n)).toFixed(4); }).join(","));
      var mine = ++request;
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          if (mine !== request || !data.events) return;
          layer.clearLayers();
          data.events.forEach(function (event) {
            var icon = L.divIcon({ className: "map-event", html: "", iconSize: [16, 16] });
            var label = event.title + " (" + event.when + ")";
            var marker = L.marker([event.lat, event.lng], { icon: icon, title: label, alt: label, keyboard: true });
            var popup = document.createElement("div");
            var a = document.createElement("a");
            a.href = event.url;
            a.textContent = event.title;
            var when = document.createElement("p");
            when.textContent = event.when + " · " + event.place;
            popup.appendChild(a);
            popup.appendChild(when);
            marker.bindPopup(popup).addTo(layer);
          });
          element.dataset.events = String(data.events.length);
        })
        .catch(function () {});
    }
    map.on("moveend overlayadd", load);
    load();
  }

  document.querySelectorAll("[data-map]").forEach(start);
})();
