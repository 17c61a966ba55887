"""Tables for merged events and for ``eventwire watch``, and the functions that read and write them.

Added as named migrations on top of :data:`eventwire.store.schema.MIGRATIONS`::

    event_clusters   one row per merged event: queryable columns + ``record`` (MergedEvent JSON)
    cluster_members  which merged event each event report belongs to (one row per report)
    cluster_log      every create / join / merge / split, in order (``seq``), never silent
    watch_files      per watched file: bytes and lines already processed, size and mtime seen

Wiring: :func:`ensure_schema` applies the missing migrations through the store's public
``migrate``; adding :data:`MERGE_MIGRATIONS` to ``schema.MIGRATIONS`` makes that a no-op.

Access to the store: these functions take a ``SqlStore`` (what ``open_store`` returns) and use
its ``dialect`` and three of its methods, ``_query`` (all rows), ``_stream`` (rows in batches) and
``_transaction`` (a cursor inside one transaction). They are reached only through
:func:`_sql` below so that a public accessor on the store can replace them in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from eventwire.merge import THRESHOLD, LogEntry, MergedEvent, Report, assign, rebuild
from eventwire.store import rows
from eventwire.store.query import build_filter
from eventwire.store.schema import MIGRATIONS, Migration

_CLUSTERS = """CREATE TABLE event_clusters (
    id TEXT PRIMARY KEY,
    family TEXT,
    type TEXT,
    acled_sub_event_type TEXT,
    country TEXT,
    date_earliest {date},
    date_latest {date},
    lat {real},
    lon {real},
    n_reports BIGINT NOT NULL,
    n_sources BIGINT NOT NULL,
    fatalities BIGINT,
    record {json} NOT NULL,
    updated_at {ts} NOT NULL
)"""

_MEMBERS = """CREATE TABLE cluster_members (
    event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    cluster_id TEXT NOT NULL
)"""

_LOG = """CREATE TABLE cluster_log (
    seq BIGINT PRIMARY KEY,
    at {ts} NOT NULL,
    action TEXT NOT NULL,
    cluster_id TEXT NOT NULL,
    other_id TEXT,
    event_id TEXT,
    detail TEXT NOT NULL
)"""

_WATCH = """CREATE TABLE watch_files (
    path TEXT PRIMARY KEY,
    byte_offset BIGINT NOT NULL,
    lines BIGINT NOT NULL,
    size BIGINT NOT NULL,
    mtime {real} NOT NULL,
    updated_at {ts} NOT NULL
)"""

MERGE_MIGRATIONS: tuple[Migration, ...] = (
    Migration("0101_merged_events", (
        _CLUSTERS,
        "CREATE INDEX event_clusters_dates ON event_clusters (date_earliest, date_latest)",
        "CREATE INDEX event_clusters_country ON event_clusters (country)",
        _MEMBERS,
        "CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id)",
        _LOG,
    )),
    Migration("0102_watch_files", (_WATCH,)),
    # fields the web filters and sorts on, as columns rather than inside the JSON record
    Migration("0103_merged_event_filter_columns", (
        "ALTER TABLE event_clusters ADD COLUMN status TEXT",
        "ALTER TABLE event_clusters ADD COLUMN confidence {real}",
        "ALTER TABLE event_clusters ADD COLUMN actor TEXT",
        "CREATE INDEX event_clusters_status ON event_clusters (status)",
    )),
)
ALL_MIGRATIONS: tuple[Migration, ...] = MIGRATIONS + tuple(
    m for m in MERGE_MIGRATIONS if m.name not in {x.name for x in MIGRATIONS}
)
_CLUSTER_COLUMNS = (
    "id", "family", "type", "acled_sub_event_type", "country", "date_earliest", "date_latest",
    "lat", "lon", "n_reports", "n_sources", "fatalities", "record", "updated_at",
    "status", "confidence", "actor",
)
_WINDOW = dt.timedelta(days=10)
CHUNK = 5000  # new reports assigned per transaction


def _sql(store: Any) -> Any:
    """The store's SQL plumbing (see the module docstring)."""
    return store


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def ensure_schema(store: Any) -> list[str]:
    """Apply the merge and watch migrations if missing; return the names applied."""
    applied = list(_sql(store).migrate(ALL_MIGRATIONS))
    _fill_filter_columns(store)
    return applied


def _fill_filter_columns(store: Any) -> None:
    """Merged events saved before migration 0103 get its columns from their records (whichever
    call applied the migration; every merged event saved since has a status, so this finds
    nothing to do after the first time, through the status index)."""
    s = _sql(store)
    stale = s._query("SELECT record FROM event_clusters WHERE status IS NULL")
    if not stale:
        return
    sql = s.dialect.sql("UPDATE event_clusters SET status = ?, confidence = ?, actor = ? WHERE id = ?")
    with s.transaction() as cur:
        for cluster in (_cluster(r[0]) for r in stale):
            cur.execute(sql, (cluster.status, cluster.confidence,
                              cluster.actor.name if cluster.actor else None, cluster.id))


# --- reading reports and clusters --------------------------------------------------------------

_REPORTS = (
    "SELECT e.record, a.source, a.url, a.published, a.title FROM events e "
    "JOIN articles a ON a.id = e.article_id"
)


def _report(row: tuple[Any, ...], dialect: Any) -> Report:
    record, source, url, published, title = row
    return Report(
        event=rows.event_from_record(record), source=source, url=url,
        published=dialect.load_date(published), title=title,
    )


def unmerged_reports(store: Any) -> Iterator[Report]:
    """Event reports not yet in any merged event, with their article's outlet and date."""
    s = _sql(store)
    sql = (_REPORTS + " WHERE e.id NOT IN (SELECT event_id FROM cluster_members) "
           "ORDER BY (e.date_earliest IS NULL), e.date_earliest, e.id" + s.dialect.collate_binary)
    for row in s._stream(sql, ()):
        yield _report(row, s.dialect)


def all_reports(store: Any) -> Iterator[Report]:
    s = _sql(store)
    for row in s._stream(_REPORTS + " ORDER BY e.id", ()):
        yield _report(row, s.dialect)


def reports(
    store: Any, *, type: str | None = None, actor: str | None = None, country: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None,
    near: tuple[float, float, float] | None = None, limit: int | None = None,
) -> Iterator[Report]:
    """Event reports with their article's outlet, url, date and title, filtered as
    ``Store.events`` and in its order (earliest date, undated last, then id); streamed."""
    s = _sql(store)
    where = build_filter(type=type, actor=actor, country=country, since=since, until=until,
                         near=near, dump_date=s.dialect.dump_date)
    sql = (
        "SELECT e.record, a.source, a.url, a.published, a.title, e.lat, e.lon FROM events e "
        "JOIN articles a ON a.id = e.article_id" + where.where()
        + " ORDER BY (e.date_earliest IS NULL), e.date_earliest, e.id" + s.dialect.collate_binary
    )
    count = 0
    for row in s._stream(sql, where.params):
        if limit is not None and count >= limit:
            return
        if where.near is not None and not where.near.contains(row[5], row[6]):
            continue
        yield _report(row[:5], s.dialect)
        count += 1


def _cluster(record: Any) -> MergedEvent:
    return MergedEvent.from_dict(rows.load_json(record))


def clusters_near(store: Any, reports: Sequence[Report]) -> list[MergedEvent]:
    """Merged events that reports could join: dated within 10 days of them, or undated.

    With an undated report among ``reports`` every merged event is a candidate.
    """
    s = _sql(store)
    days = [r.event.date.earliest for r in reports if r.event.date and r.event.date.earliest]
    lasts = [r.event.date.latest or r.event.date.earliest for r in reports
             if r.event.date and r.event.date.earliest]
    if not reports:
        return []
    if len(days) < len(reports):
        found = s._query("SELECT record FROM event_clusters ORDER BY id")
    else:
        lo, hi = s.dialect.dump_date(min(days) - _WINDOW), s.dialect.dump_date(max(lasts) + _WINDOW)  # type: ignore[type-var,operator]
        found = s._query(
            "SELECT record FROM event_clusters WHERE date_earliest IS NULL "
            "OR (date_latest >= ? AND date_earliest <= ?) ORDER BY id", (lo, hi),
        )
    return [_cluster(r[0]) for r in found]


def all_clusters(store: Any) -> list[MergedEvent]:
    return [_cluster(r[0]) for r in _sql(store)._query("SELECT record FROM event_clusters ORDER BY id")]


def merged_events(
    store: Any, *, type: str | None = None, actor: str | None = None, country: str | None = None,
    since: dt.date | None = None, until: dt.date | None = None,
    near: tuple[float, float, float] | None = None, limit: int | None = None,
) -> Iterator[MergedEvent]:
    """Merged events with at least one report matching every filter (as ``Store.events``),
    streamed in order of earliest date (undated last), then id."""
    s = _sql(store)
    where = build_filter(type=type, actor=actor, country=country, since=since, until=until,
                         near=near, dump_date=s.dialect.dump_date)
    sql = "SELECT c.record FROM event_clusters c"
    if where.conditions:
        sql += (" WHERE c.id IN (SELECT m.cluster_id FROM cluster_members m JOIN events e "
                "ON e.id = m.event_id" + where.where() + ")")
    sql += " ORDER BY (c.date_earliest IS NULL), c.date_earliest, c.id" + s.dialect.collate_binary
    count = 0
    for (record,) in s._stream(sql, where.params):
        if limit is not None and count >= limit:
            return
        merged = _cluster(record)
        loc = merged.location
        if where.near is not None and not where.near.contains(loc.lat if loc else None, loc.lon if loc else None):
            continue
        yield merged
        count += 1


def cluster_of(store: Any, event_id: str) -> str | None:
    found = _sql(store)._query("SELECT cluster_id FROM cluster_members WHERE event_id = ?", (event_id,))
    return str(found[0][0]) if found else None


def history(store: Any) -> list[tuple[int, str, LogEntry]]:
    """The cluster log: (seq, ISO timestamp, entry), oldest first."""
    found = _sql(store)._query(
        "SELECT seq, at, action, cluster_id, other_id, event_id, detail FROM cluster_log ORDER BY seq"
    )
    return [
        (int(seq), at if isinstance(at, str) else at.isoformat(),
         LogEntry(action=a, cluster_id=c, other_id=o, event_id=e, detail=d))
        for seq, at, a, c, o, e, d in found
    ]


# --- writing -----------------------------------------------------------------------------------


def _cluster_row(m: MergedEvent, dialect: Any, now: Any) -> tuple[Any, ...]:
    loc = m.location
    return (
        m.id, m.family, m.type, m.acled_sub_event_type, loc.country if loc else None,
        dialect.dump_date(m.date_earliest), dialect.dump_date(m.date_latest),
        loc.lat if loc else None, loc.lon if loc else None, m.n_reports, m.n_sources,
        rows.clamp(m.fatalities.best), rows.dump_json(m.to_dict()), now,
        m.status, m.confidence, m.actor.name if m.actor else None,
    )


_UPSERT = (
    f"INSERT INTO event_clusters ({', '.join(_CLUSTER_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _CLUSTER_COLUMNS)}) ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _CLUSTER_COLUMNS[1:])
)
_MEMBER_UPSERT = (
    "INSERT INTO cluster_members (event_id, cluster_id) VALUES (?, ?) "
    "ON CONFLICT (event_id) DO UPDATE SET cluster_id = excluded.cluster_id"
)
_LOG_INSERT = (
    "INSERT INTO cluster_log (seq, at, action, cluster_id, other_id, event_id, detail) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def save(
    store: Any, clusters: Iterable[MergedEvent], log: Sequence[LogEntry], *,
    replace_all: bool = False,
) -> int:
    """Write merged events whose ids the log names (all of them with ``replace_all``), drop the
    ones a merge absorbed, update membership and append the log; one transaction. Returns the
    number of merged events written."""
    s = _sql(store)
    touched = {e.cluster_id for e in log} | {e.other_id for e in log if e.other_id}
    gone = {e.other_id for e in log if e.action == "merge" and e.other_id}
    chosen = [c for c in clusters if replace_all or c.id in touched]
    gone -= {c.id for c in chosen}
    now = s.dialect.dump_ts(_now())
    with s._transaction() as cur:
        if replace_all:
            cur.execute("DELETE FROM event_clusters")
        for cid in sorted(gone):
            cur.execute(s.dialect.sql("DELETE FROM event_clusters WHERE id = ?"), (cid,))
        if chosen:
            cur.executemany(s.dialect.sql(_UPSERT), [_cluster_row(c, s.dialect, now) for c in chosen])
            members = [(rid, c.id) for c in chosen for rid in c.report_ids]
            cur.executemany(s.dialect.sql(_MEMBER_UPSERT), members)
        _append_log(cur, s.dialect, log, now)
    return len(chosen)


def _append_log(cur: Any, dialect: Any, log: Sequence[LogEntry], now: Any) -> None:
    cur.execute("SELECT COALESCE(MAX(seq), 0) FROM cluster_log")
    start = int(cur.fetchone()[0])
    params = [
        (start + i, now, e.action, e.cluster_id, e.other_id, e.event_id, e.detail)
        for i, e in enumerate(log, 1)
    ]
    if params:
        cur.executemany(dialect.sql(_LOG_INSERT), params)


# --- the merge step over a store ----------------------------------------------------------------


def merge_store(store: Any, *, full: bool = False, threshold: float = THRESHOLD) -> dict[str, int]:
    """Merge the store's unmerged reports into its merged events (or, with ``full``, recompute
    everything, keeping ids and logging splits and merges). Returns counts of what changed."""
    ensure_schema(store)
    counts = {"reports": 0, "create": 0, "join": 0, "merge": 0, "split": 0}
    if full:
        reports = list(all_reports(store))
        clusters, log = rebuild(reports, all_clusters(store), threshold=threshold)
        save(store, clusters, log, replace_all=True)
        _count(counts, len(reports), log)
    else:
        chunk: list[Report] = []
        for report in unmerged_reports(store):
            chunk.append(report)
            if len(chunk) >= CHUNK:
                _merge_chunk(store, chunk, threshold, counts)
                chunk = []
        if chunk:
            _merge_chunk(store, chunk, threshold, counts)
    counts["merged_events"] = int(_sql(store)._query("SELECT COUNT(*) FROM event_clusters")[0][0])
    return counts


def _merge_chunk(store: Any, chunk: list[Report], threshold: float, counts: dict[str, int]) -> None:
    clusters, log = assign(chunk, clusters_near(store, chunk), threshold=threshold)
    save(store, clusters, log)
    _count(counts, len(chunk), log)


def _count(counts: dict[str, int], n_reports: int, log: Sequence[LogEntry]) -> None:
    counts["reports"] += n_reports
    for entry in log:
        counts[entry.action] = counts.get(entry.action, 0) + 1


# --- watch offsets -----------------------------------------------------------------------------


def watch_state(store: Any, path: str) -> tuple[int, int, int, float] | None:
    """(byte offset, lines done, size, mtime) recorded for ``path``, or None when never seen."""
    found = _sql(store)._query(
        "SELECT byte_offset, lines, size, mtime FROM watch_files WHERE path = ?", (path,),
    )
    if not found:
        return None
    offset, lines, size, mtime = found[0]
    return int(offset), int(lines), int(size), float(mtime)


def set_watch_state(store: Any, path: str, offset: int, lines: int, size: int, mtime: float) -> None:
    s = _sql(store)
    sql = (
        "INSERT INTO watch_files (path, byte_offset, lines, size, mtime, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET byte_offset = excluded.byte_offset, "
        "lines = excluded.lines, size = excluded.size, mtime = excluded.mtime, "
        "updated_at = excluded.updated_at"
    )
    with s._transaction() as cur:
        cur.execute(s.dialect.sql(sql), (path, offset, lines, size, mtime, s.dialect.dump_ts(_now())))


__all__ = [
    "ALL_MIGRATIONS", "MERGE_MIGRATIONS", "all_clusters", "all_reports", "cluster_of",
    "clusters_near", "ensure_schema", "history", "merge_store", "merged_events", "reports", "save", "set_watch_state",
    "unmerged_reports", "watch_state",
]
