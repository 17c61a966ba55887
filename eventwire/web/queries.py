"""Reading merged events for the HTTP API: filters, sorting, paging and stats.

Filters on what a merged event shows apply to its reconciled values, so that every event listed
under ``type=ASSAULT`` or ``since=2024-01-01`` displays that type and a date range in the window:

* ``type``: the merged event's type; ``country``: the country of its place;
* ``since`` / ``until``: its date range overlaps the window (undated events are left out);
* ``near``: its place lies within the circle (a bounding box in SQL, then the exact distance);
* ``statuses`` / ``min_confidence``: its reconciled status and confidence, read from the stored
  record (``json_extract`` on SQLite, ``->>`` on PostgreSQL).

Filters that search apply to every report: ``actor`` matches any report's actor or recipient
(:func:`eventwire.store.query.build_filter`, as ``eventwire events --actor``), and ``q`` matches,
case-insensitively, any report's evidence sentence, place name or article title, or an actor /
recipient name (canonical or as written).

How: one SQL query returns a light row (id, date, fatalities, confidence, place, type, country,
actor name) per matching merged event; sorting and paging happen over those rows in Python, and
only the records of the requested page are read and parsed. Cost per request grows with the number
of *matching* merged events (tens of bytes each), not with the size of their records.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.merge import MergedEvent
from eventwire.records import Event
from eventwire.store import rows as store_rows
from eventwire.store.query import ACTORS_MATCHING, Near, bounding_box, build_filter, country_alpha2, like_pattern

SORTS: tuple[str, ...] = ("date", "-date", "fatalities", "-fatalities", "confidence", "-confidence")
TOP_ACTORS = 20
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class EventQuery:
    """The filters of ``GET /api/events`` and ``GET /api/stats`` (already validated)."""

    type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    near: tuple[float, float, float] | None = None
    statuses: tuple[str, ...] = ()
    min_confidence: float | None = None
    q: str | None = None


@dataclass(frozen=True, slots=True)
class Row:
    """What sorting, paging and stats need of one merged event."""

    id: str
    date: str | None
    fatalities: int | None
    confidence: float | None
    lat: float | None
    lon: float | None
    type: str | None
    country: str | None
    actor: str | None


def _lower_pattern(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _text_search(q: str) -> tuple[str, list[Any]]:
    """Merged events with a report whose sentence, place, article title or actor contains ``q``."""
    lowered = _lower_pattern(q)
    sql = (
        "c.id IN (SELECT m.cluster_id FROM cluster_members m JOIN events e ON e.id = m.event_id "
        "JOIN articles a ON a.id = e.article_id WHERE LOWER(e.sentence) LIKE ? ESCAPE '\\' "
        "OR LOWER(e.place) LIKE ? ESCAPE '\\' OR LOWER(a.title) LIKE ? ESCAPE '\\' "
        f"OR e.id IN ({ACTORS_MATCHING}))"
    )
    return sql, [lowered, lowered, lowered, like_pattern(q)]


def _where(store: Any, query: EventQuery, located: bool = False) -> tuple[str, list[Any], Near | None]:
    dump = store.dialect.dump_date
    conds: list[str] = ["c.lat IS NOT NULL AND c.lon IS NOT NULL"] if located else []
    params: list[Any] = []
    for sql, value in (("c.type = ?", query.type),
                       ("c.country = ?", country_alpha2(query.country) if query.country else None),
                       ("c.date_latest >= ?", dump(query.since) if query.since else None),
                       ("c.date_earliest <= ?", dump(query.until) if query.until else None)):
        if value is not None:
            conds.append(sql)
            params.append(value)
    by_actor = build_filter(actor=query.actor)
    if by_actor.conditions:
        conds.append("c.id IN (SELECT m.cluster_id FROM cluster_members m JOIN events e "
                     "ON e.id = m.event_id" + by_actor.where() + ")")
        params.extend(by_actor.params)
    near = build_filter(near=query.near).near
    if near is not None:
        box, box_params = bounding_box(near)  # written over events e; the same columns exist on c
        conds.append(box.replace("e.lat", "c.lat").replace("e.lon", "c.lon"))
        params.extend(box_params)
    if query.q:
        sql, found = _text_search(query.q)
        conds.append(sql)
        params.extend(found)
    if query.statuses:
        conds.append(f"c.status IN ({', '.join('?' for _ in query.statuses)})")
        params.extend(query.statuses)
    if query.min_confidence is not None:
        conds.append("c.confidence >= ?")
        params.append(query.min_confidence)
    return (" WHERE " + " AND ".join(conds) if conds else ""), params, near


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def matching(
    store: Any, query: EventQuery, *, confidence: bool = False, actor: bool = False, located: bool = False,
) -> list[Row]:
    """Light rows of every merged event matching ``query`` (with a place, if ``located``), in id order.

    Reading a field of the stored record costs far more than reading a column, so the merged
    confidence and actor name are read only when asked for (sorting by confidence, stats).
    """
    where, params, near = _where(store, query, located)
    conf_sql = "c.confidence" if confidence else "NULL"
    actor_sql = "c.actor" if actor else "NULL"
    sql = (
        f"SELECT c.id, c.date_earliest, c.fatalities, {conf_sql}, c.lat, c.lon, c.type, c.country, "
        f"{actor_sql} FROM event_clusters c{where} ORDER BY c.id" + store.dialect.collate_binary
    )
    found = []
    for cid, date, fatalities, conf, lat, lon, type_, country, name in store.stream(sql, params):
        if near is not None and not near.contains(lat, lon):
            continue
        found.append(Row(
            id=str(cid), date=_iso(date), fatalities=None if fatalities is None else int(fatalities),
            confidence=None if conf is None else float(conf),
            lat=lat, lon=lon, type=type_, country=country, actor=name,
        ))
    return found


_KEYS: dict[str, Callable[[Row], Any]] = {
    "date": lambda r: r.date, "fatalities": lambda r: r.fatalities,
    "confidence": lambda r: r.confidence,
}


def sort_rows(found: Sequence[Row], sort: str) -> list[Row]:
    """Rows in ``sort`` order (a leading '-' for descending); missing values last; ties by id."""
    descending = sort.startswith("-")
    key = _KEYS[sort.lstrip("-")]
    by_id = sorted(found, key=lambda r: r.id)
    present = [r for r in by_id if key(r) is not None]
    present.sort(key=key, reverse=descending)  # stable: equal keys stay in id order
    return present + [r for r in by_id if key(r) is None]


def page_of(found: Sequence[Row], page: int, page_size: int) -> list[Row]:
    start = (page - 1) * page_size
    return list(found[start:start + page_size])


def page_ids(
    store: Any, query: EventQuery, sort: str, page: int, page_size: int, *, located: bool = False,
) -> tuple[int, list[str]]:
    """(how many merged events match, the ids on ``page`` in ``sort`` order).

    Counting, sorting and paging run in SQL, except with ``near``, whose exact distance check
    runs in Python over the rows inside the bounding box (then sorted there, same order).
    """
    where, params, near = _where(store, query, located)
    if near is not None:
        found = matching(store, query, confidence=sort.endswith("confidence"), located=located)
        return len(found), [r.id for r in page_of(sort_rows(found, sort), page, page_size)]
    total = int(store.query("SELECT COUNT(*) FROM event_clusters c" + where, params)[0][0])
    key = {"date": "c.date_earliest", "fatalities": "c.fatalities",
           "confidence": "c.confidence"}[sort.lstrip("-")]
    direction = " DESC" if sort.startswith("-") else ""
    sql = (f"SELECT c.id FROM event_clusters c{where} ORDER BY ({key}) IS NULL, {key}{direction}, "
           f"c.id{store.dialect.collate_binary} LIMIT ? OFFSET ?")
    found_ids = store.query(sql, [*params, page_size, (page - 1) * page_size])
    return total, [str(r[0]) for r in found_ids]


def load(store: Any, ids: Sequence[str]) -> list[MergedEvent]:
    """Merged events by id, in the order given (ids that no longer exist are left out)."""
    records: dict[str, Any] = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for cid, record in store.query(f"SELECT id, record FROM event_clusters WHERE id IN ({marks})", chunk):
            records[str(cid)] = record
    return [MergedEvent.from_dict(store_rows.load_json(records[i])) for i in ids if i in records]


def get(store: Any, event_id: str) -> MergedEvent | None:
    found = load(store, [event_id])
    return found[0] if found else None


def article_texts(store: Any, article_ids: Sequence[str]) -> dict[str, str]:
    wanted = sorted(set(article_ids))
    texts: dict[str, str] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i:i + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        texts.update((str(a), str(t)) for a, t in store.query(
            f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk))
    return texts


def article_events(store: Any, article_id: str) -> list[tuple[Event, str | None]]:
    """The article's event reports in text order, each with its merged event id (None if unmerged)."""
    found = store.query(
        "SELECT e.record, m.cluster_id FROM events e LEFT JOIN cluster_members m ON m.event_id = e.id "
        "WHERE e.article_id = ? ORDER BY e.seq", (article_id,),
    )
    return [(store_rows.event_from_record(record), cluster) for record, cluster in found]


def counts(store: Any) -> dict[str, int]:
    def count(table: str) -> int:
        return int(store.query(f"SELECT COUNT(*) FROM {table}")[0][0])

    return {"articles": count("articles"), "events": count("events"),
            "merged_events": count("event_clusters")}


def stats(found: Sequence[Row]) -> dict[str, Any]:
    """Counts by day and type, by type, by country (ISO2) and the top actors of ``found``."""
    by_day = Counter((r.date, r.type or "") for r in found if r.date is not None)
    by_actor = Counter(r.actor for r in found if r.actor)
    return {
        "total": len(found),
        "by_day": [{"date": d, "type": t, "count": n} for (d, t), n in sorted(by_day.items())],
        "by_type": dict(sorted(Counter(r.type or "" for r in found).items())),
        "by_country": dict(sorted(Counter(r.country for r in found if r.country).items())),
        "by_actor": [{"name": name, "count": n} for name, n in
                     sorted(by_actor.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ACTORS]],
    }


__all__ = [
    "SORTS", "EventQuery", "Row", "article_events", "article_texts", "counts", "get", "load",
    "matching", "page_ids", "page_of", "sort_rows", "stats",
]
