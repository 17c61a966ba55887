// The right-hand panel: an overview of the current selection (counts by type, actor, country)
// or one merged event with every report and its evidence sentence highlighted.

import { h, safeHref } from "./dom.js";
import { highlight } from "./highlight.js";
import {
  count, countryName, dateRange, direction, hasRange, pct, placeLabel, sortTypes, sourceName, toll, typeColor,
  typeLabel,
} from "./format.js";

const SPAN_KINDS = ["trigger", "actor", "recipient", "place", "date"];

function field(label, ...value) {
  return [h("dt", { text: label }), h("dd", {}, ...value)];
}

function actorCell(a) {
  if (!a) return "—";
  const extra = [a.type, a.country].filter(Boolean).join(", ");
  return [
    a.name || a.text,
    a.text && a.text !== a.name ? h("span", { className: "muted", text: ` “${a.text}”` }) : null,
    extra ? h("span", { className: "muted", text: ` (${extra})` }) : null,
  ];
}

function placeCell(p) {
  if (!p) return "—";
  const coords = p.lat !== null && p.lon !== null ? ` ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : "";
  return [placeLabel(p), h("span", { className: "muted", text: ` · ${p.precision}${coords}` })];
}

function statusBadge(status, uncertain) {
  return h("span", { className: `badge status ${uncertain ? "uncertain" : "certain"}`, text: status });
}

function spanLegend() {
  return h("p", { className: "span-legend" }, "Highlighted: ",
    SPAN_KINDS.map((k) => h("mark", { className: `hl hl-${k}`, text: k })));
}

/** The evidence sentence with trigger, actor, recipient, place and date marked. */
export function evidenceSentence(report) {
  const ev = report.evidence;
  const { fragment, dropped } = highlight(ev.sentence, ev.start, report.spans || []);
  const block = h("blockquote", { className: "evidence", dataset: { eventId: report.event_id } }, fragment);
  if (dropped.length) {
    block.append(h("div", { className: "muted small",
      text: `also: ${dropped.map((s) => `${s.kind} “${s.text}”`).join(", ")}` }));
  }
  return block;
}

function reportCard(report, { onOpenArticle }) {
  const href = safeHref(report.url);
  const title = report.title || "(untitled article)";
  const uncertain = report.status !== "occurred";
  const facts = [
    report.attribution ? `according to ${report.attribution}` : null,
    report.weapon ? `weapon: ${report.weapon}` : null,
    report.fatalities !== null && report.fatalities !== undefined
      ? `fatalities: ${count(report.fatalities)}` : null,
    report.injuries !== null && report.injuries !== undefined ? `injuries: ${report.injuries}` : null,
    `confidence ${pct(report.confidence)}`,
  ].filter(Boolean);
  const className = uncertain ? "report uncertain" : "report";
  return h("article", { className, dataset: { eventId: report.event_id } },
    h("div", { className: "report-head" },
      h("span", { className: "report-source", text: sourceName(report.source, report.url) }),
      h("span", { className: "report-date", text: report.published || "no date" }),
      statusBadge(report.status, uncertain)),
    h("div", { className: "report-title" },
      href ? h("a", { href, target: "_blank", rel: "noopener noreferrer nofollow", text: title }) : title),
    evidenceSentence(report),
    report.quote ? h("p", { className: "report-quote", text: `“${report.quote}”` }) : null,
    h("div", { className: "report-foot" },
      h("span", { className: "muted", text: facts.join(" · ") }),
      h("button", {
        type: "button", className: "btn btn-small open-article",
        on: { click: () => onOpenArticle(report.article_id, report.event_id) },
        text: "Open article",
      })));
}

export function renderEvent(panel, ev, { onOpenArticle, onClose }) {
  const swatch = h("span", { className: "swatch big", "aria-hidden": "true" });
  swatch.style.background = typeColor(ev.type);
  const dl = h("dl", { className: "facts" },
    field("Type", `${typeLabel(ev)}`, h("span", { className: "muted", text: ` (${ev.family})` })),
    field("Status", statusBadge(ev.status, ev.uncertain),
      ev.statuses && ev.statuses.length > 1
        ? h("span", { className: "muted", text: ` reports: ${ev.statuses.join(", ")}` }) : null),
    field("Actor", actorCell(ev.actor)),
    field("Recipient", actorCell(ev.recipient)),
    field("Place", placeCell(ev.place)),
    field("Date", dateRange(ev),
      ev.date_precision ? h("span", { className: "muted", text: ` (${ev.date_precision})` }) : null),
    field("Fatalities", h("span", { className: "toll", text: toll(ev.fatalities) }),
      hasRange(ev.fatalities) ? h("span", { className: "muted", text: " best (low–high)" }) : null),
    field("Injuries", toll(ev.injuries)),
    field("Confidence", pct(ev.confidence)),
    field("ACLED", [ev.acled_event_type, ev.acled_sub_event_type].filter(Boolean).join(" / ") || "—"),
    field("CAMEO", ev.cameo_root || "—"),
    field("Sources", `${ev.n_sources} source(s), ${ev.n_articles} article(s), ${ev.n_reports} report(s)`));
  const reports = (ev.reports || []).map((r) => reportCard(r, { onOpenArticle }));
  panel.replaceChildren(
    h("div", { className: ev.uncertain ? "event-detail uncertain" : "event-detail", dataset: { id: ev.id } },
      h("div", { className: "panel-head" },
        swatch,
        h("h2", { className: "panel-title", text: `${typeLabel(ev)}: ${direction(ev)}` }),
        h("button", { type: "button", className: "btn btn-small", "aria-label": "Close event",
          on: { click: onClose }, text: "×" })),
      dl,
      h("h3", { className: "section-title", text: `Reports (${reports.length})` }),
      spanLegend(),
      reports));
}

function bars(entries, { label, onPick, color }) {
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return h("ul", { className: "bars" }, entries.map(([key, n]) => {
    const fill = h("span", { className: "bar-fill" });
    fill.style.width = `${Math.max(2, (n / max) * 100)}%`;
    if (color) fill.style.background = color(key);
    return h("li", {},
      h("button", { type: "button", className: "bar-row", title: `filter: ${label(key)}`,
        on: { click: () => onPick(key) } },
      h("span", { className: "bar-label", text: label(key) }),
      h("span", { className: "bar-track" }, fill),
      h("span", { className: "bar-n", text: n })));
  }));
}

export function renderOverview(panel, stats, { onFilter }) {
  const byType = sortTypes(Object.keys(stats.by_type || {})).map((t) => [t, stats.by_type[t]]);
  const byCountry = Object.entries(stats.by_country || {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
  const byActor = (stats.by_actor || []).slice(0, 12).map((a) => [a.name, a.count]);
  panel.replaceChildren(h("div", { className: "overview" },
    h("h2", { className: "panel-title", text: "Overview" }),
    h("p", { className: "muted",
      text: `${stats.total} merged event(s) match. Click a marker or a row to read an event and `
        + "the sentences that report it; click a bar below to filter." }),
    h("h3", { className: "section-title", text: "By type" }),
    byType.length ? bars(byType, { label: (t) => t, onPick: (t) => onFilter({ type: t }), color: typeColor })
      : "—",
    h("h3", { className: "section-title", text: "Top actors" }),
    byActor.length ? bars(byActor, { label: (a) => a, onPick: (a) => onFilter({ actor: a }) }) : "—",
    h("h3", { className: "section-title", text: "Countries" }),
    byCountry.length
      ? bars(byCountry, { label: (c) => `${countryName(c)} (${c})`, onPick: (c) => onFilter({ country: c }) })
      : "—"));
}

export function renderMessage(panel, title, text) {
  panel.replaceChildren(h("div", { className: "panel-message" },
    h("h2", { className: "panel-title", text: title }), h("p", { text })));
}
