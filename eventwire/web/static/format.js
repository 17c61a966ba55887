// Colours, labels and number/date formatting shared by the map, list, timeline and panel.

/** PLOVER types in a fixed order (material conflict, verbal conflict, cooperation). */
export const TYPES = [
  "ASSAULT", "COERCE", "MOBILIZE", "SANCTION",
  "THREATEN", "PROTEST", "ACCUSE", "REJECT",
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
];

const COLORS = {
  ASSAULT: "#c62828", COERCE: "#ef6c00", MOBILIZE: "#8d6e63", SANCTION: "#b08900",
  THREATEN: "#d81b60", PROTEST: "#7b1fa2", ACCUSE: "#6d4c41", REJECT: "#546e7a",
  AGREE: "#2e7d32", CONSULT: "#558b2f", SUPPORT: "#1565c0", CONCEDE: "#4fc3f7",
  COOPERATE: "#00897b", AID: "#00acc1", RETREAT: "#5c6bc0", REQUEST: "#9ccc65",
};

export function typeColor(type) {
  return COLORS[type] || "#757575";
}

/** Types sorted in the fixed order, unknown ones last. */
export function sortTypes(types) {
  const rank = (t) => (TYPES.includes(t) ? TYPES.indexOf(t) : TYPES.length);
  return [...types].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const regionNames = typeof Intl.DisplayNames === "function"
  ? new Intl.DisplayNames(["en"], { type: "region" }) : null;

/** "Iraq" for "IQ"; the code itself when unknown. */
export function countryName(iso2) {
  if (!iso2) return "";
  try {
    return (regionNames && regionNames.of(iso2.toUpperCase())) || iso2;
  } catch {
    return iso2;
  }
}

export function dateRange(ev) {
  const a = ev.date_earliest;
  const b = ev.date_latest;
  if (!a && !b) return "undated";
  if (!b || a === b) return a || b;
  return `${a} – ${b}`;
}

/** "1,200" rather than "1200": large tolls stay readable. */
export const count = (n) => Number(n).toLocaleString("en-US");

/** True when the reports disagree on a toll, so it has a range. */
export const hasRange = (t) => Boolean(t) && t.low !== null && t.high !== null && t.best !== null
  && (t.low !== t.best || t.high !== t.best);

/** "7", "7 (5–9)", or "—" when no report states a figure. */
export function toll(t) {
  if (!t || t.best === null || t.best === undefined) return "—";
  if (hasRange(t)) return `${count(t.best)} (${count(t.low)}–${count(t.high)})`;
  return count(t.best);
}

/** The outlet; without one, the web site of an http(s) URL ("voanews.com"); else "unknown source". */
export function sourceName(source, url) {
  if (source) return source;
  try {
    const u = new URL(url);
    if (u.protocol === "http:" || u.protocol === "https:") return u.hostname.replace(/^www\./, "");
  } catch {
    // no usable URL
  }
  return "unknown source";
}

export function actorName(a) {
  return a ? a.name || a.text || "" : "";
}

/** "Kurdish Peshmerga → Islamic State", with "?" for a missing side. */
export function direction(ev) {
  const a = actorName(ev.actor);
  const r = actorName(ev.recipient);
  if (!a && !r) return "unknown actors";
  return `${a || "?"} → ${r || "?"}`;
}

export function placeLabel(place) {
  if (!place) return "no location";
  const country = place.country ? countryName(place.country) : "";
  const name = place.name || place.text || "";
  return country && country !== name ? `${name}, ${country}` : name || country;
}

export function typeLabel(ev) {
  return ev.mode ? `${ev.type} · ${ev.mode}` : ev.type;
}

export function pct(x) {
  return x === null || x === undefined ? "—" : Number(x).toFixed(2);
}
