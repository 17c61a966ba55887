// The timeline: events per day stacked by type, drawn as SVG from /api/stats by_day. Bars are
// grouped into weeks, months or years when days would be too thin to see. Dragging across the
// plot (or clicking a bar) chooses a date range; the chosen range is drawn as a band.

import { svg } from "./dom.js";
import { sortTypes, typeColor } from "./format.js";

const DAY_MS = 86400000;
const MARGIN = { top: 8, right: 12, bottom: 20, left: 34 };

export const dayNum = (iso) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const isoDay = (n) => new Date(n * DAY_MS).toISOString().slice(0, 10);

function ymd(n) {
  const d = new Date(n * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()];
}

const monthStart = (y, m) => Math.floor(Date.UTC(y, m, 1) / DAY_MS);

/** Calendar units: start of the unit containing day n, and the start of the next one. */
function unit(name, days, start, next) {
  return { name, days, start, next };
}
const UNITS = [
  unit("day", 1, (n) => n, (n) => n + 1),
  unit("week", 7, (n) => n - ((ymd(n)[3] + 6) % 7), (n) => n + 7),
  unit("month", 30.4, (n) => monthStart(ymd(n)[0], ymd(n)[1]), (n) => monthStart(ymd(n)[0], ymd(n)[1] + 1)),
  unit("quarter", 91, (n) => monthStart(ymd(n)[0], ymd(n)[1] - (ymd(n)[1] % 3)),
    (n) => monthStart(ymd(n)[0], ymd(n)[1] + 3)),
  unit("year", 365, (n) => monthStart(ymd(n)[0], 0), (n) => monthStart(ymd(n)[0] + 1, 0)),
  years(2),
  years(5),
];
function years(k) {
  const first = (n) => monthStart(ymd(n)[0] - (ymd(n)[0] % k), 0);
  return unit(`${k} years`, 365.25 * k, first, (n) => monthStart(ymd(first(n))[0] + k, 0));
}
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function pickUnit(pxPerDay, minPx) {
  return UNITS.find((u) => u.days * pxPerDay >= minPx) || UNITS[UNITS.length - 1];
}

function tickLabel(n, u, first) {
  const [y, m, d] = ymd(n);
  if (u.days >= 365) return String(y);
  if (u.days >= 28) return m === 0 || first ? `${MONTHS[m]} ${y}` : MONTHS[m];
  return (m === 0 && d === 1) || first ? `${d} ${MONTHS[m]} ${y}` : `${d} ${MONTHS[m]}`;
}

/** Bins of the chosen unit with counts per type: [{start, end (exclusive), counts: Map}]. */
function binCounts(byDay, u) {
  const bins = new Map();
  for (const row of byDay) {
    if (!row.date) continue;
    const start = u.start(dayNum(row.date));
    if (!bins.has(start)) bins.set(start, { start, end: u.next(start), counts: new Map(), total: 0 });
    const bin = bins.get(start);
    bin.counts.set(row.type, (bin.counts.get(row.type) || 0) + row.count);
    bin.total += row.count;
  }
  return [...bins.values()].sort((a, b) => a.start - b.start);
}

/**
 * The days drawn when no date range is zoomed into: every dated event, except when a few
 * stragglers (a war recalled from decades ago, a target year such as 2050) would stretch the axis
 * far beyond where nearly all events are. Then the 2% of events at each end are left out of the
 * axis (not out of the data: the list and map keep them) and counted as `before` / `after`.
 */
export function defaultRange(byDay) {
  const rows = byDay.filter((r) => r.date).map((r) => [dayNum(r.date), r.count])
    .sort((a, b) => a[0] - b[0]);
  const whole = { lo: rows[0][0], hi: rows[rows.length - 1][0], before: 0, after: 0 };
  const total = rows.reduce((s, r) => s + r[1], 0);
  const cut = Math.floor(total * 0.02);
  if (!cut) return whole;
  const edge = (ordered) => {
    let seen = 0;
    for (const [day, n] of ordered) {
      seen += n;
      if (seen > cut) return day;
    }
    return ordered[ordered.length - 1][0];
  };
  const lo = edge(rows);
  const hi = edge([...rows].reverse());
  if (hi <= lo || (hi - lo) * 3 > whole.hi - whole.lo) return whole;
  const outside = (test) => rows.filter((r) => test(r[0])).reduce((s, r) => s + r[1], 0);
  return { lo, hi, before: outside((d) => d < lo), after: outside((d) => d > hi) };
}

export function createTimeline(container, { onRange, title = null }) {
  let last = null; // the last data drawn: a resize redraws it
  let drag = null;

  function render(byDay, since = "", until = "", zoom = false) {
    last = { byDay, since, until, zoom };
    container.replaceChildren();
    const width = Math.max(200, container.clientWidth);
    const height = Math.max(80, container.clientHeight);
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = height - MARGIN.top - MARGIN.bottom;
    const days = byDay.filter((r) => r.date).map((r) => dayNum(r.date));
    if (title) title.textContent = "Events per day";
    const root = svg("svg", {
      width, height, viewBox: `0 0 ${width} ${height}`, className: "tl-svg", role: "img",
    });
    container.append(root);
    if (!days.length) {
      root.setAttribute("aria-label", "Timeline: no dated events");
      root.append(svg("text", { x: width / 2, y: height / 2, className: "tl-empty", "text-anchor": "middle",
        text: "No dated events for these filters" }));
      return;
    }
    let { lo, hi, before, after } = defaultRange(byDay);
    if (zoom && (since || until)) {
      before = 0;
      after = 0;
      lo = since ? dayNum(since) : lo;
      hi = until ? dayNum(until) : hi;
    }
    const pad = Math.max(1, Math.round((hi - lo) * 0.02));
    const d0 = lo - pad;
    const d1 = hi + pad + 1;
    const pxPerDay = plotW / (d1 - d0);
    const x = (n) => MARGIN.left + (n - d0) * pxPerDay;
    const dayAt = (px) => Math.floor(d0 + (px - MARGIN.left) / pxPerDay);
    const binUnit = pickUnit(pxPerDay, 5);
    const bins = binCounts(byDay, binUnit).filter((b) => b.end > d0 && b.start < d1);
    const maxTotal = Math.max(1, ...bins.map((b) => b.total));
    const y = (v) => MARGIN.top + plotH - (v / maxTotal) * plotH;
    const total = bins.reduce((s, b) => s + b.total, 0);
    const hidden = [before ? `${before} earlier` : "", after ? `${after} later` : ""].filter(Boolean);
    root.setAttribute("aria-label",
      `Timeline: ${total} events from ${isoDay(lo)} to ${isoDay(hi)}, one bar per ${binUnit.name}`
      + (hidden.length ? ` (${hidden.join(" and ")} not drawn)` : ""));
    root.dataset.unit = binUnit.name;
    if (title) title.textContent = `Events per ${binUnit.name}`;

    drawAxes(root, { d0, d1, x, y, maxTotal, pxPerDay, width, plotH });
    const selLo = since ? dayNum(since) : null;
    const selHi = until ? dayNum(until) : null;
    const bars = svg("g", { className: "tl-bars" });
    for (const bin of bins) {
      const x0 = Math.max(MARGIN.left, x(bin.start));
      const x1 = Math.min(MARGIN.left + plotW, x(bin.end));
      const w = Math.max(1.5, x1 - x0 - (x1 - x0 > 4 ? 1 : 0));
      const outside = (selLo !== null && bin.end - 1 < selLo) || (selHi !== null && bin.start > selHi);
      const last = isoDay(bin.end - 1);
      const label = binUnit.name === "day" ? last : `${isoDay(bin.start)} – ${last}`;
      const group = svg("g", { className: outside ? "tl-bin out" : "tl-bin" });
      let acc = 0;
      for (const type of sortTypes(bin.counts.keys())) {
        const count = bin.counts.get(type);
        const rect = svg("rect", {
          x: x0, width: w, y: y(acc + count), height: Math.max(1, y(acc) - y(acc + count)),
          fill: typeColor(type), className: "tl-bar",
          "data-start": isoDay(bin.start), "data-end": last, "data-type": type, "data-count": count,
        });
        rect.append(svg("title", { text: `${label}: ${type} ${count}` }));
        group.append(rect);
        acc += count;
      }
      bars.append(group);
    }
    root.append(bars);
    if (before) {
      root.append(svg("text", { x: MARGIN.left + 4, y: MARGIN.top + 10, className: "tl-outside",
        text: `← ${before} earlier (from ${isoDay(Math.min(...days)).slice(0, 4)}) not drawn` }));
    }
    if (after) {
      const lastYear = isoDay(Math.max(...days)).slice(0, 4);
      root.append(svg("text", { x: width - MARGIN.right - 4, y: MARGIN.top + 10, className: "tl-outside",
        "text-anchor": "end", text: `${after} later (to ${lastYear}) not drawn →` }));
    }
    if (selLo !== null || selHi !== null) {
      const a = selLo === null ? MARGIN.left : Math.max(MARGIN.left, x(selLo));
      const b = selHi === null ? MARGIN.left + plotW : Math.min(MARGIN.left + plotW, x(selHi + 1));
      if (b > a) {
        root.append(svg("rect", { x: a, y: MARGIN.top, width: b - a, height: plotH, className: "tl-sel" }));
      }
    }
    const brush = svg("rect", {
      x: MARGIN.left, y: 0, width: 0, height: plotH + MARGIN.top, className: "tl-brush",
    });
    root.append(brush);
    const overlay = svg("rect", {
      x: MARGIN.left, y: 0, width: plotW, height: plotH + MARGIN.top, className: "tl-overlay",
    });
    root.append(overlay);
    attachBrush(overlay, brush, { dayAt, x, bins });
  }

  function attachBrush(overlay, brush, { dayAt, x, bins }) {
    const px = (e) => e.clientX - overlay.ownerSVGElement.getBoundingClientRect().left;
    overlay.addEventListener("pointerdown", (e) => {
      overlay.setPointerCapture(e.pointerId);
      drag = { x0: px(e), x1: px(e) };
    });
    overlay.addEventListener("pointermove", (e) => {
      const hit = barAt(e);
      overlay.classList.toggle("over-bar", Boolean(hit));
      if (!drag) return;
      drag.x1 = px(e);
      brush.setAttribute("x", String(Math.min(drag.x0, drag.x1)));
      brush.setAttribute("width", String(Math.abs(drag.x1 - drag.x0)));
    });
    overlay.addEventListener("pointerup", (e) => {
      if (!drag) return;
      const { x0, x1 } = drag;
      drag = null;
      brush.setAttribute("width", "0");
      if (Math.abs(x1 - x0) < 4) {
        const bin = barAt(e);
        if (bin) onRange(isoDay(bin.start), isoDay(bin.end - 1));
        return;
      }
      const a = dayAt(Math.min(x0, x1));
      const b = dayAt(Math.max(x0, x1));
      onRange(isoDay(a), isoDay(b));
    });
    overlay.addEventListener("pointercancel", () => {
      drag = null;
      brush.setAttribute("width", "0");
    });

    /** The bin under the pointer: the one whose bar contains it, else the nearest within 3 px. */
    function barAt(e) {
      const at = px(e);
      let best = null;
      let bestDistance = 3;
      for (const b of bins) {
        const a = x(b.start);
        const z = Math.max(x(b.end), a + 1.5);
        const distance = at < a ? a - at : at > z ? at - z : 0;
        if (distance < bestDistance) {
          best = b;
          bestDistance = distance;
        }
      }
      return best;
    }
  }

  function drawAxes(root, { d0, d1, x, y, maxTotal, pxPerDay, width, plotH }) {
    const axis = svg("g", { className: "tl-axis" });
    const base = MARGIN.top + plotH;
    axis.append(svg("line", { x1: MARGIN.left, x2: width - MARGIN.right, y1: base, y2: base }));
    const tickUnit = pickUnit(pxPerDay, 70);
    let first = true;
    for (let n = tickUnit.start(d0); n < d1; n = tickUnit.next(n)) {
      if (n < d0) continue;
      axis.append(svg("line", { x1: x(n), x2: x(n), y1: base, y2: base + 4 }));
      const label = tickLabel(n, tickUnit, first);
      if (x(n) + 2 + label.length * 6 <= width) {
        axis.append(svg("text", { x: x(n) + 2, y: base + 14, text: label }));
      }
      first = false;
    }
    const steps = maxTotal > 1 ? [maxTotal, Math.round(maxTotal / 2)] : [maxTotal];
    for (const v of steps) {
      const right = width - MARGIN.right;
      axis.append(svg("line", { x1: MARGIN.left, x2: right, y1: y(v), y2: y(v), className: "grid" }));
      axis.append(svg("text", { x: MARGIN.left - 5, y: y(v) + 4, "text-anchor": "end", text: v }));
    }
    root.append(axis);
  }

  new ResizeObserver(() => {
    if (last) render(last.byDay, last.since, last.until, last.zoom);
  }).observe(container);
  return { render };
}
