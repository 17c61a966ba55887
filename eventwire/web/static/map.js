// The Leaflet map: clustered event markers coloured by type and sized by fatalities, areas for
// imprecise places, a legend, and a base layer that works offline (country outlines from
// /api/outlines always lie beneath the OpenStreetMap tiles; when tiles fail they are what shows).
/* global L */

import { getJSON } from "./api.js";
import { h } from "./dom.js";
import { dateRange, direction, placeLabel, sortTypes, toll, typeColor, typeLabel } from "./format.js";

/** Radius in metres of the area drawn for a place known only to this precision. */
const AREA_METRES = { admin2: 20000, admin1: 80000, region: 150000, country: 250000 };

const FOCUS_ZOOM = 7; // zoom level used to show one selected event
const TILE_URL = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png";
const TILE_ATTRIBUTION = "© OpenStreetMap contributors";

/** Marker diameter in pixels: grows with the square root of the best fatality figure. */
export function markerSize(fatalities) {
  const best = fatalities && fatalities.best;
  if (!best) return 12;
  return Math.round(Math.min(40, 14 + 3.2 * Math.sqrt(best)));
}

function markerIcon(ev) {
  const size = markerSize(ev.fatalities);
  const precise = !ev.place || ev.place.precision === "point";
  const dot = h("span", {
    className: ["ew-dot", precise ? "precise" : "area", ev.uncertain ? "uncertain" : ""].join(" ").trim(),
    dataset: { id: ev.id, type: ev.type, status: ev.status },
  });
  dot.style.width = `${size}px`;
  dot.style.height = `${size}px`;
  dot.style.setProperty("--type-color", typeColor(ev.type));
  if (ev.fatalities && ev.fatalities.best) {
    dot.append(h("span", { className: "ew-dot-n", text: ev.fatalities.best }));
  }
  return L.divIcon({ html: dot, className: "ew-marker", iconSize: [size, size] });
}

function tooltipContent(ev) {
  return h("div", { className: "ew-tip" },
    h("strong", { text: typeLabel(ev) }),
    ev.uncertain ? h("span", { className: "badge status", text: ev.status }) : null,
    h("div", { text: direction(ev) }),
    h("div", { text: `${placeLabel(ev.place)} · ${dateRange(ev)}` }),
    h("div", { text: `fatalities ${toll(ev.fatalities)} · ${ev.n_sources} source(s)` }));
}

/** Cluster icon: a ring split by event type (conic gradient) with the count in the middle. */
function clusterIcon(cluster) {
  const counts = new Map();
  const children = cluster.getAllChildMarkers();
  for (const m of children) counts.set(m.options.ewType, (counts.get(m.options.ewType) || 0) + 1);
  const stops = [];
  let at = 0;
  for (const type of sortTypes(counts.keys())) {
    const end = at + (counts.get(type) / children.length) * 360;
    stops.push(`${typeColor(type)} ${at}deg ${end}deg`);
    at = end;
  }
  const n = cluster.getChildCount();
  const size = n < 10 ? 34 : n < 100 ? 40 : 48;
  const ring = h("div", { className: "ew-cluster-ring" }, h("span", { text: n }));
  ring.style.background = `conic-gradient(${stops.join(", ")})`;
  return L.divIcon({ html: ring, className: "ew-cluster", iconSize: [size, size] });
}

export function createMap(element, { onSelect }) {
  const map = L.map(element, { worldCopyJump: true, minZoom: 1, maxZoom: 17, zoomSnap: 0.5 })
    .setView([25, 20], 2);
  map.createPane("outlines");
  const tiles = L.tileLayer(TILE_URL, { subdomains: "abc", maxZoom: 17, attribution: TILE_ATTRIBUTION });
  const noTiles = L.layerGroup();
  const areas = L.featureGroup().addTo(map);
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false, maxClusterRadius: 36, spiderfyOnMaxZoom: true, animate: false,
    spiderfyDistanceMultiplier: 2.2, iconCreateFunction: clusterIcon,
  }).addTo(map);
  L.control.layers({ "OpenStreetMap": tiles, "Country outlines only": noTiles }, {}, { position: "topright" })
    .addTo(map);
  const basemapNote = L.control({ position: "bottomright" });
  basemapNote.onAdd = () => h("div", { className: "ew-basemap-note", text: "Offline: country outlines" });
  const legend = L.control({ position: "bottomleft" });
  const legendBox = h("details", { className: "ew-legend", open: true });
  legend.onAdd = () => {
    L.DomEvent.disableClickPropagation(legendBox);
    L.DomEvent.disableScrollPropagation(legendBox);
    return legendBox;
  };
  legend.addTo(map);

  let tileLoaded = false;
  let tileErrors = 0;
  tiles.on("tileload", () => {
    tileLoaded = true;
    element.dataset.basemap = "tiles";
  });
  tiles.on("tileerror", () => {
    tileErrors += 1;
    if (!tileLoaded && tileErrors >= 2 && map.hasLayer(tiles)) {
      map.removeLayer(tiles);
      noTiles.addTo(map);
      basemapNote.addTo(map);
    }
  });
  noTiles.on("add", () => { element.dataset.basemap = "outlines"; });
  tiles.on("add", () => { element.dataset.basemap = "tiles"; basemapNote.remove(); });
  element.dataset.basemap = "outlines";
  tiles.addTo(map);
  loadOutlines(map, element);

  const markers = new Map();
  let selected = null;

  function setEvents(items, { fit = true } = {}) {
    clusters.clearLayers();
    areas.clearLayers();
    markers.clear();
    const located = items.filter((ev) => ev.place && ev.place.lat !== null && ev.place.lon !== null);
    const layerList = [];
    for (const ev of located) {
      const latlng = [ev.place.lat, ev.place.lon];
      const marker = L.marker(latlng, {
        icon: markerIcon(ev), ewType: ev.type, keyboard: true, title: `${typeLabel(ev)}: ${direction(ev)}`,
        alt: `${ev.type} event`, riseOnHover: true,
      });
      marker.bindTooltip(tooltipContent(ev), { direction: "top", offset: [0, -8] });
      marker.on("click", () => onSelect(ev.id));
      markers.set(ev.id, marker);
      layerList.push(marker);
      const radius = AREA_METRES[ev.place.precision];
      if (radius) {
        const area = L.circle(latlng, {
          radius, color: typeColor(ev.type), weight: 1, fillOpacity: 0.12, opacity: 0.6,
          dashArray: ev.uncertain ? "4 4" : null, className: "ew-area",
        });
        area.on("click", () => onSelect(ev.id));
        areas.addLayer(area);
      }
    }
    clusters.addLayers(layerList);
    element.dataset.markers = String(located.length);
    if (fit && located.length) {
      const bounds = L.latLngBounds(located.map((ev) => [ev.place.lat, ev.place.lon]));
      map.fitBounds(bounds.pad(0.25), { maxZoom: 7, animate: false });
    }
    if (selected) markSelected(selected);
    return located.length;
  }

  function markSelected(id) {
    selected = id;
    for (const el of element.querySelectorAll(".ew-dot.selected")) el.classList.remove("selected");
    const marker = id && markers.get(id);
    const el = marker && marker.getElement();
    if (el) el.querySelector(".ew-dot").classList.add("selected");
  }

  /**
   * Select an event's marker and bring it into view: centre on it (zooming in to a regional
   * scale at most) and, when it is still inside a cluster (events at the same place), fan the
   * cluster out.
   */
  function focusEvent(id) {
    const marker = markers.get(id);
    if (!marker) {
      markSelected(id);
      return;
    }
    const zoom = Math.min(FOCUS_ZOOM, Math.max(map.getZoom(), FOCUS_ZOOM - 2));
    map.setView(marker.getLatLng(), zoom, { animate: false });
    const parent = clusters.getVisibleParent(marker);
    if (parent && parent !== marker && parent.spiderfy) {
      if (map.getZoom() < map.getMaxZoom() && parent.getAllChildMarkers().some(
        (m) => !m.getLatLng().equals(marker.getLatLng()))) {
        clusters.zoomToShowLayer(marker, () => markSelected(id));
        return;
      }
      parent.spiderfy();
    }
    markSelected(id);
  }

  function setLegend(byType) {
    legendBox.replaceChildren();
    legendBox.append(h("summary", { className: "ew-legend-title", text: "Legend: event type" }));
    const types = sortTypes(Object.keys(byType || {}));
    for (const type of types) {
      const swatch = h("span", { className: "ew-swatch" });
      swatch.style.background = typeColor(type);
      legendBox.append(h("div", { className: "ew-legend-row" }, swatch, h("span", { text: type }),
        h("span", { className: "ew-legend-n", text: byType[type] })));
    }
    if (!types.length) legendBox.append(h("div", { className: "ew-legend-row muted", text: "no events" }));
    legendBox.append(h("div", { className: "ew-legend-keys" },
      h("div", {}, h("span", { className: "ew-key ew-key-point" }), "exact place"),
      h("div", {}, h("span", { className: "ew-key ew-key-area" }), "district / province / country"),
      h("div", {}, h("span", { className: "ew-key ew-key-uncertain" }), "uncertain (claimed, suspected…)"),
      h("div", {}, h("span", { className: "ew-key ew-key-size" }), "size: fatalities (best)")));
  }

  return { map, setEvents, focusEvent, markSelected, setLegend, invalidate: () => map.invalidateSize() };
}

async function loadOutlines(map, element) {
  try {
    const data = await getJSON("/api/outlines");
    L.geoJSON(data, {
      pane: "outlines", interactive: false,
      style: { color: "#9aa3ad", weight: 0.8, fillColor: "#f3f1ec", fillOpacity: 1 },
    }).addTo(map);
    element.dataset.outlines = String((data.features || []).length);
  } catch (e) {
    element.dataset.outlines = "error";
    console.warn("country outlines unavailable:", e.message);
  }
}

