// eventwire web UI: wires the filters, map, timeline, list, event panel and article reader to
// the HTTP API. The whole view (filters, open event, open article) lives in the URL query
// string, so a link reproduces what the analyst is looking at.

import { ApiError, MAX_EVENTS, fetchEvents, getJSON, queryString } from "./api.js";
import { renderArticle } from "./article.js";
import { h } from "./dom.js";
import { countryName } from "./format.js";
import { createList } from "./list.js";
import { createMap } from "./map.js";
import { renderEvent, renderMessage, renderOverview } from "./panel.js";
import { createTimeline } from "./timeline.js";

const FILTER_KEYS = ["q", "type", "actor", "country", "since", "until", "status", "min_confidence", "sort"];
const VIEW_KEYS = ["event", "article", "report"];
const TEXT_KEYS = ["q", "type", "actor", "country", "since", "until"]; // filters held in one input each
const $ = (id) => document.getElementById(id);

const form = $("filters");
const state = { filters: {}, event: null, article: null, report: null, zoom: false };
let controller = null;
let lastStats = null;
let eventRequest = 0;
let focusAfterLoad = true; // an event named in the URL is brought into view once its marker exists

// --- URL <-> state ----------------------------------------------------------------------------

function readURL() {
  const params = new URLSearchParams(window.location.search);
  state.filters = {};
  for (const key of FILTER_KEYS) if (params.get(key)) state.filters[key] = params.get(key);
  for (const key of VIEW_KEYS) state[key] = params.get(key) || null;
}

function writeURL(push) {
  const { event, article, report } = state;
  const qs = queryString({ ...state.filters, event, article, report });
  const url = `${window.location.pathname}${qs ? `?${qs}` : ""}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

// --- filters form -----------------------------------------------------------------------------

function fillForm() {
  const f = state.filters;
  for (const key of TEXT_KEYS) form.elements[key].value = f[key] || "";
  $("f-sort").value = f.sort || "-date";
  const statuses = new Set((f.status || "").split(",").filter(Boolean));
  for (const box of form.querySelectorAll('input[name="status"]')) box.checked = statuses.has(box.value);
  $("f-confidence").value = f.min_confidence || "0";
  $("f-confidence-out").textContent = Number($("f-confidence").value).toFixed(2);
}

function readForm() {
  const f = {};
  for (const key of TEXT_KEYS) {
    const value = form.elements[key].value.trim();
    if (value) f[key] = value;
  }
  const statuses = [...form.querySelectorAll('input[name="status"]:checked')].map((b) => b.value);
  if (statuses.length) f.status = statuses.join(",");
  if (Number($("f-confidence").value) > 0) f.min_confidence = $("f-confidence").value;
  if ($("f-sort").value !== "-date") f.sort = $("f-sort").value;
  return f;
}

/** Apply the form. While typing, the first change adds a history entry and later ones replace it. */
function commit({ typing = false } = {}) {
  const filters = readForm();
  if (JSON.stringify(filters) === JSON.stringify(state.filters)) return;
  state.filters = filters;
  writeURL(!(typing && typingSession));
  typingSession = typing;
  refresh();
}

let typingTimer = null;
let typingSession = false;
form.addEventListener("input", (e) => {
  if (e.target.id === "f-confidence") {
    $("f-confidence-out").textContent = Number(e.target.value).toFixed(2);
    return;
  }
  const typed = e.target.type === "search" || e.target.id === "f-actor" || e.target.id === "f-country";
  const partialCountry = e.target.id === "f-country" && ![0, 2, 3].includes(e.target.value.trim().length);
  if (typed && !partialCountry) {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => commit({ typing: true }), 400);
  }
});
form.addEventListener("change", (e) => {
  const typed = ["f-q", "f-actor", "f-country"].includes(e.target.id);
  if (typed) clearTimeout(typingTimer);
  commit({ typing: typed });
  typingSession = false;
});
$("f-sort").addEventListener("change", () => commit()); // outside the form element: events do not reach it
form.addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(typingTimer);
  commit();
});
function clearFilters() {
  state.filters = {};
  state.zoom = false;
  fillForm();
  writeURL(true);
  refresh();
}
form.addEventListener("reset", (e) => {
  e.preventDefault();
  clearFilters();
});
$("empty-clear").addEventListener("click", clearFilters);

function setFilters(changes) {
  state.filters = { ...state.filters, ...changes };
  for (const [key, value] of Object.entries(changes)) if (!value) delete state.filters[key];
  fillForm();
  writeURL(true);
  refresh();
}

// --- views ------------------------------------------------------------------------------------

const mapView = createMap($("map"), { onSelect: (id) => openEvent(id, { fromMap: true }) });
new ResizeObserver(() => mapView.invalidate()).observe($("map"));
const list = createList($("event-list"), { onSelect: (id) => openEvent(id) });
const timeline = createTimeline($("timeline"), {
  onRange: (since, until) => setFilters({ since, until }), title: $("timeline-title"),
});
$("tl-zoom").addEventListener("click", () => { state.zoom = true; drawTimeline(); });
$("tl-all").addEventListener("click", () => { state.zoom = false; drawTimeline(); });
$("tl-clear").addEventListener("click", () => { state.zoom = false; setFilters({ since: "", until: "" }); });

let timelineDays = [];
function drawTimeline() {
  const { since = "", until = "" } = state.filters;
  const hasRange = Boolean(since || until);
  if (!hasRange) state.zoom = false;
  $("tl-zoom").disabled = !hasRange || state.zoom;
  $("tl-all").disabled = !state.zoom;
  $("tl-clear").disabled = !hasRange;
  timeline.render(timelineDays, since, until, state.zoom);
}

function showError(err) {
  const text = err instanceof ApiError
    ? `${err.message || "request failed"} (${err.code}${err.status ? `, HTTP ${err.status}` : ""})`
    : String(err.message || err);
  $("error-text").textContent = text;
  $("error-banner").hidden = false;
}
$("error-dismiss").addEventListener("click", () => { $("error-banner").hidden = true; });

function setStatus(name) {
  document.body.dataset.state = name;
  $("layout").setAttribute("aria-busy", name === "loading" ? "true" : "false");
}

function fillDatalists(stats) {
  $("country-options").replaceChildren(...Object.keys(stats.by_country || {}).sort()
    .map((c) => h("option", { value: c, label: countryName(c) })));
  $("actor-options").replaceChildren(...(stats.by_actor || []).map((a) => h("option", { value: a.name })));
}

function updateExports() {
  const filters = { ...state.filters };
  $("export-csv").href = `/api/events?${queryString({ ...filters, format: "csv", page_size: 500 })}`;
  $("export-geojson").href = `/api/events?${queryString({ ...filters, format: "geojson", page_size: 500 })}`;
}

async function refresh() {
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  setStatus("loading");
  updateExports();
  const filters = { ...state.filters };
  const statsFilters = { ...filters };
  delete statsFilters.sort;
  const timelineFilters = { ...statsFilters };
  delete timelineFilters.since;
  delete timelineFilters.until;
  try {
    const [events, stats, tlStats] = await Promise.all([
      fetchEvents(filters, signal),
      getJSON("/api/stats", statsFilters, signal),
      getJSON("/api/stats", timelineFilters, signal),
    ]);
    $("error-banner").hidden = true;
    lastStats = stats;
    render(events, stats, tlStats);
    setStatus("ready");
  } catch (err) {
    if (err.name === "AbortError") return;
    showError(err);
    render({ total: 0, items: [] }, null, null, err);
    setStatus("error");
  }
}

function render(events, stats, tlStats, err = null) {
  const located = mapView.setEvents(events.items, { fit: true });
  if (focusAfterLoad && state.event) mapView.focusEvent(state.event);
  focusAfterLoad = false;
  list.render(events.items, state.event);
  const shown = events.items.length;
  const plural = events.total === 1 ? "" : "s";
  $("result-count").textContent = err ? "" : `${events.total} event${plural} · ${located} on the map`;
  $("list-note").hidden = !(events.total > shown);
  $("list-note").textContent =
    `Showing the first ${shown} of ${events.total} (at most ${MAX_EVENTS}); narrow the filters.`;
  $("list-empty").hidden = shown > 0;
  $("list-empty").querySelector("p").textContent = err
    ? "The events could not be loaded (see the message above)." : "No events match these filters.";
  $("map-empty").hidden = located > 0;
  $("map-empty").textContent = err ? "Could not load events." : "No located events to show.";
  mapView.setLegend(stats ? stats.by_type : {});
  timelineDays = tlStats ? tlStats.by_day : [];
  drawTimeline();
  if (tlStats) fillDatalists(tlStats);
  if (!state.event) showOverview();
}

function showOverview() {
  if (lastStats) renderOverview($("panel"), lastStats, { onFilter: setFilters });
  else renderMessage($("panel"), "Overview", "No data loaded.");
}

async function openEvent(id, { fromMap = false, push = true, fromUrl = false } = {}) {
  state.event = id;
  if (!fromUrl) writeURL(push);
  list.select(id, { focus: false });
  if (fromMap) mapView.markSelected(id);
  else mapView.focusEvent(id);
  const ticket = ++eventRequest;
  $("panel").dataset.state = "loading";
  try {
    const ev = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    if (ticket !== eventRequest) return;
    renderEvent($("panel"), ev, { onOpenArticle: openArticle, onClose: closeEvent });
    $("panel").dataset.state = "ready";
  } catch (err) {
    if (ticket !== eventRequest) return;
    renderMessage($("panel"), "Event not available", `${err.message} (${err.code || "error"})`);
    $("panel").dataset.state = "error";
  }
}

function closeEvent() {
  state.event = null;
  eventRequest += 1;
  writeURL(true);
  list.select(null);
  mapView.markSelected(null);
  showOverview();
}

const dialog = $("article-dialog");
async function openArticle(articleId, reportId, { fromUrl = false } = {}) {
  state.article = articleId;
  state.report = reportId || null;
  if (!fromUrl) writeURL(true);
  dialog.dataset.state = "loading";
  try {
    const article = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
    renderArticle(dialog, article, {
      focusId: reportId,
      onOpenEvent: (mergedId) => {
        dialog.close();
        openEvent(mergedId);
      },
    });
    dialog.dataset.state = "ready";
  } catch (err) {
    dialog.dataset.state = "error";
    showError(err);
    if (dialog.open) dialog.close();
  }
}
$("article-close").addEventListener("click", () => dialog.close());
dialog.addEventListener("close", () => {
  if (!state.article) return;
  state.article = null;
  state.report = null;
  writeURL(true);
});

$("copy-link").addEventListener("click", async () => {
  const button = $("copy-link");
  try {
    await navigator.clipboard.writeText(window.location.href);
    button.textContent = "Copied";
  } catch {
    button.textContent = "Copy failed";
  }
  setTimeout(() => { button.textContent = "Copy link"; }, 1500);
});

document.addEventListener("keydown", (e) => {
  if (e.key === "Escape" && !dialog.open && state.event && !e.target.closest("input, select")) closeEvent();
});

window.addEventListener("popstate", () => {
  readURL();
  fillForm();
  refresh();
  syncViews();
});

function syncViews() {
  if (state.event) openEvent(state.event, { fromUrl: true });
  else closeEventQuietly();
  if (state.article) openArticle(state.article, state.report, { fromUrl: true });
  else if (dialog.open) dialog.close();
}

function closeEventQuietly() {
  eventRequest += 1;
  list.select(null);
  mapView.markSelected(null);
  showOverview();
}

async function loadHealth() {
  try {
    const health = await getJSON("/api/health");
    $("health").textContent = [`${health.merged_events} merged events`, `${health.articles} articles`,
      health.backend, `v${health.version}`].join(" · ");
  } catch (err) {
    $("health").textContent = "server unavailable";
  }
}

readURL();
fillForm();
loadHealth();
refresh();
syncViews();
