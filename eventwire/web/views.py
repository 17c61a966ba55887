"""Records to the JSON the HTTP API sends: EventSummary, Report with spans, article view, CSV, GeoJSON.

Pure functions over eventwire records (no database, no FastAPI). Spans are character offsets
into the article's cleaned text; a span is sent only when its offsets are valid for that text and
fall inside the evidence sentence, and its ``text`` is always the article text between them, so a
client can highlight by slicing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from eventwire.merge import MergedEvent, Report, Toll
from eventwire.records import Actor, Event, Place

CSV_COLUMNS: tuple[str, ...] = (
    "id", "type", "mode", "status", "actor", "recipient", "place", "country", "lat", "lon",
    "precision", "date_earliest", "date_latest", "fatalities", "injuries", "confidence",
    "n_reports", "n_sources", "acled_event_type", "acled_sub_event_type", "headline",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def actor_view(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "text": actor.text, "type": actor.type, "country": actor.country}


def place_view(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place.name, "text": place.text, "country": place.country, "lat": place.lat,
            "lon": place.lon, "precision": place.precision, "feature": place.feature}


def toll_view(toll: Toll) -> dict[str, int | None]:
    return {"best": toll.best, "low": toll.low, "high": toll.high}


def summary(m: MergedEvent) -> dict[str, Any]:
    """The EventSummary of a merged event (see docs/api.md)."""
    return {
        "id": m.id, "type": m.type, "mode": m.mode, "family": m.family, "status": m.status,
        "statuses": list(m.statuses), "uncertain": m.status != "occurred",
        "actor": actor_view(m.actor), "recipient": actor_view(m.recipient),
        "place": place_view(m.location),
        "date_earliest": _iso(m.date_earliest), "date_latest": _iso(m.date_latest),
        "date_precision": m.date_precision,
        "fatalities": toll_view(m.fatalities), "injuries": toll_view(m.injuries),
        "confidence": m.confidence, "n_reports": m.n_reports, "n_articles": m.n_articles,
        "n_sources": m.n_sources, "sources": list(m.sources),
        "acled_event_type": m.acled_event_type, "acled_sub_event_type": m.acled_sub_event_type,
        "cameo_root": m.cameo_root,
        "headline": m.reports[0].event.evidence.sentence if m.reports else "",
    }


# --- spans -------------------------------------------------------------------------------------


def _raw_spans(event: Event) -> Iterator[tuple[str, int, int]]:
    ev = event.evidence
    yield "trigger", ev.trigger_start, ev.trigger_end
    for kind, item in (("actor", event.actor), ("recipient", event.recipient),
                       ("place", event.location), ("date", event.date)):
        if item is not None:
            yield kind, item.start, item.end


def spans(event: Event, text: str | None) -> list[dict[str, Any]]:
    """Trigger, actor, recipient, place and date spans of one report inside its evidence sentence."""
    if text is None:
        return []
    ev = event.evidence
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int, int]] = set()
    for kind, start, end in _raw_spans(event):
        if not (0 <= ev.start <= start < end <= ev.end <= len(text)) or (kind, start, end) in seen:
            continue
        seen.add((kind, start, end))
        out.append({"kind": kind, "start": start, "end": end, "text": text[start:end]})
    return out


def evidence_span(event: Event, text: str) -> dict[str, Any] | None:
    ev = event.evidence
    if not 0 <= ev.start < ev.end <= len(text):
        return None
    return {"kind": "evidence", "start": ev.start, "end": ev.end, "text": text[ev.start:ev.end]}


def report_view(report: Report, text: str | None) -> dict[str, Any]:
    """One report of a merged event; ``text`` is its article's text (None if the article is gone)."""
    e = report.event
    return {
        "event_id": e.id, "article_id": e.article_id, "title": report.title,
        "source": report.source, "url": report.url, "published": _iso(report.published),
        "status": e.status, "attribution": e.attribution, "quote": e.quote, "weapon": e.weapon,
        "confidence": e.confidence, "fatalities": e.fatalities, "injuries": e.injuries,
        "evidence": {"sentence": e.evidence.sentence, "start": e.evidence.start,
                     "end": e.evidence.end, "sentence_index": e.evidence.sentence_index},
        "spans": spans(e, text),
    }


def detail(m: MergedEvent, texts: Mapping[str, str]) -> dict[str, Any]:
    """EventSummary plus every report; ``texts`` maps article ids to article texts."""
    return {**summary(m), "reports": [report_view(r, texts.get(r.article_id)) for r in m.reports]}


def article_spans(events: Iterable[Event], text: str) -> list[dict[str, Any]]:
    """Evidence sentence and inner spans of every event of one article, ordered by position."""
    out: list[dict[str, Any]] = []
    for event in events:
        sentence = evidence_span(event, text)
        if sentence is not None:
            out.append({**sentence, "event_id": event.id})
        out.extend({**s, "event_id": event.id} for s in spans(event, text))
    return sorted(out, key=lambda s: (s["start"], -s["end"], s["kind"], s["event_id"]))


# --- CSV and GeoJSON ---------------------------------------------------------------------------


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(s: Mapping[str, Any]) -> list[Any]:
    """One flat CSV row from an EventSummary dict, in :data:`CSV_COLUMNS` order."""
    actor, recipient, place = s["actor"] or {}, s["recipient"] or {}, s["place"] or {}
    values = [
        s["id"], s["type"], s["mode"], s["status"], actor.get("name"), recipient.get("name"),
        place.get("name"), place.get("country"), place.get("lat"), place.get("lon"),
        place.get("precision"), s["date_earliest"], s["date_latest"], s["fatalities"]["best"],
        s["injuries"]["best"], s["confidence"], s["n_reports"], s["n_sources"],
        s["acled_event_type"], s["acled_sub_event_type"], s["headline"],
    ]
    return ["" if v is None else _cell(v) for v in values]


def to_csv(summaries: Iterable[Mapping[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in summaries:
        writer.writerow(csv_row(s))
    return out.getvalue()


def feature(s: Mapping[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point feature ([lon, lat]) for a located EventSummary, else None."""
    place = s["place"]
    if not place or place["lat"] is None or place["lon"] is None:
        return None
    return {"type": "Feature", "id": s["id"],
            "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": dict(s)}


def feature_collection(
    summaries: Iterable[Mapping[str, Any]], total: int, page: int, page_size: int,
) -> dict[str, Any]:
    features = [f for f in (feature(s) for s in summaries) if f is not None]
    return {"type": "FeatureCollection", "total": total, "page": page, "page_size": page_size,
            "features": features}


__all__ = [
    "CSV_COLUMNS", "actor_view", "article_spans", "csv_row", "detail", "evidence_span", "feature",
    "feature_collection", "place_view", "report_view", "spans", "summary", "to_csv", "toll_view",
]
