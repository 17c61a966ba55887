"""Schema, named migrations and the small dialect difference between SQLite and PostgreSQL.

Both backends get the same tables from the same migration list; only a handful of type names and
the parameter placeholder differ, and those live in :class:`Dialect`. Each applied migration is
recorded in the ``migrations`` table (name, applied_at); opening a store applies the missing ones
in one transaction, so opening is idempotent and safe when two processes open a new file at once.

Tables::

    articles    one row per stored article; ``mentions`` holds sentences/actors/places/times (JSON)
    events      one row per event report: queryable columns + ``record``, the full Event as JSON
    actors      actor and recipient of each event, for actor search (``search`` is casefolded)
    rejections  input items that could not be processed; one row per (item, code)
    evidence    a view over ``events``: the sentence and trigger offsets of each event report

Evidence is 1:1 with an event report (an Event has exactly one Evidence), so it lives in the event
row and the ``evidence`` view exposes it under its own name; the merge step, which groups many
reports into one event, will add the 1:N table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Columns are a queryable projection; integers outside this range are clamped there (the JSON
# record keeps the exact value).
# ``events.sort_date`` is the earliest date, or this day for undated events so that they sort last
# and ``ORDER BY sort_date, id`` can walk an index.
UNDATED = dt.date(9999, 12, 31)
INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


@dataclass(frozen=True, slots=True)
class Dialect:
    """What differs between the two SQL backends."""

    name: str  # "sqlite" | "postgresql"
    types: dict[str, str]  # template name -> SQL type
    placeholder: str  # "?" or "%s"
    collate_binary: str  # collation clause that orders ids by bytes (also types["bytes_order"])
    migrate_lock: str | None  # statement that serialises concurrent migrations, if needed
    dump_date: Callable[[dt.date | None], Any]
    dump_ts: Callable[[dt.datetime], Any]
    clean_text: Callable[[str | None], str | None]

    def sql(self, statement: str) -> str:
        """Shared SQL (``?`` placeholders, ``{type}`` names) in this dialect."""
        if self.placeholder != "?":
            statement = statement.replace("?", self.placeholder)
        return statement.format(**self.types) if "{" in statement else statement

    def load_date(self, value: Any) -> dt.date | None:
        if value is None or isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value))


def _iso_date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _iso_ts(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds")


def _keep(value: str | None) -> str | None:
    return value


def _strip_nul(value: str | None) -> str | None:
    # PostgreSQL text cannot hold U+0000; JSON columns keep it escaped, plain columns replace it.
    return value.replace("\x00", "\ufffd") if value and "\x00" in value else value


SQLITE = Dialect(
    name="sqlite",
    types={"real": "REAL", "date": "TEXT", "json": "TEXT", "ts": "TEXT",
           "bytes_order": "COLLATE BINARY"},
    placeholder="?",
    collate_binary=" COLLATE BINARY",
    migrate_lock=None,  # BEGIN IMMEDIATE already holds the write lock
    dump_date=_iso_date,
    dump_ts=_iso_ts,
    clean_text=_keep,
)

POSTGRES = Dialect(
    name="postgresql",
    types={"real": "DOUBLE PRECISION", "date": "DATE", "json": "JSON", "ts": "TIMESTAMPTZ",
           "bytes_order": 'COLLATE "C"'},
    placeholder="%s",
    collate_binary=' COLLATE "C"',
    migrate_lock="SELECT pg_advisory_xact_lock(7214551000417)",
    dump_date=lambda value: value,
    dump_ts=lambda value: value,
    clean_text=_strip_nul,
)


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    statements: tuple[str, ...]


MIGRATIONS_TABLE = """CREATE TABLE IF NOT EXISTS migrations (
    name TEXT PRIMARY KEY,
    applied_at {ts} NOT NULL
)"""

_ARTICLES = """CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    summary TEXT,
    url TEXT,
    source TEXT,
    published {date},
    origin TEXT,
    language TEXT,
    text TEXT NOT NULL,
    n_sentences BIGINT NOT NULL,
    mentions {json} NOT NULL,
    processed_at {ts} NOT NULL
)"""

_EVENTS = """CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    type TEXT,
    mode TEXT,
    status TEXT,
    date_value TEXT,
    date_precision TEXT,
    date_earliest {date},
    date_latest {date},
    sort_date {date} NOT NULL,
    place TEXT,
    geonameid BIGINT,
    country TEXT,
    admin1 TEXT,
    lat {real},
    lon {real},
    place_precision TEXT,
    actor TEXT,
    recipient TEXT,
    fatalities BIGINT,
    injuries BIGINT,
    confidence {real},
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    cameo_root TEXT,
    attribution TEXT,
    sentence_index BIGINT,
    sentence_start BIGINT,
    sentence_end BIGINT,
    sentence TEXT,
    trigger_text TEXT,
    trigger_start BIGINT,
    trigger_end BIGINT,
    record {json} NOT NULL
)"""

_ACTORS = """CREATE TABLE actors (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    name TEXT,
    text TEXT,
    type TEXT,
    country TEXT,
    actor_id TEXT,
    search TEXT NOT NULL,
    PRIMARY KEY (event_id, role)
)"""

_REJECTIONS = """CREATE TABLE rejections (
    item TEXT NOT NULL,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    at {ts} NOT NULL,
    PRIMARY KEY (item, code)
)"""

_EVIDENCE_VIEW = """CREATE VIEW evidence AS
SELECT id AS event_id, article_id, sentence_index, sentence_start AS "start",
       sentence_end AS "end", sentence, trigger_text AS "trigger", trigger_start, trigger_end
FROM events"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_articles_events", (
        _ARTICLES,
        "CREATE INDEX articles_origin ON articles (origin)",
        "CREATE INDEX articles_published ON articles (published)",
        _EVENTS,
        "CREATE INDEX events_article ON events (article_id, seq)",
        "CREATE INDEX events_type ON events (type)",
        "CREATE INDEX events_country ON events (country)",
        "CREATE INDEX events_earliest ON events (date_earliest)",
        "CREATE INDEX events_latest ON events (date_latest)",
        "CREATE INDEX events_order ON events (sort_date, id {bytes_order})",
        "CREATE INDEX events_latlon ON events (lat, lon)",
        _ACTORS,
        "CREATE INDEX actors_name ON actors (name)",
    )),
    Migration("0002_rejections", (
        _REJECTIONS,
        "CREATE INDEX rejections_code ON rejections (code)",
    )),
    Migration("0003_evidence_view", (_EVIDENCE_VIEW,)),
    # filters that also walk the result order (measured with bench/query_bench.py, 1M events)
    Migration("0004_ordered_filter_indexes", (
        "CREATE INDEX events_type_order ON events (type, sort_date, id {bytes_order})",
        "CREATE INDEX events_country_order ON events (country, sort_date, id {bytes_order})",
        "CREATE INDEX events_order_latest ON events (sort_date, id {bytes_order}, date_latest)",
        "CREATE INDEX events_type_country_order ON events "
        "(type, country, sort_date, id {bytes_order}, date_earliest, date_latest)",
    )),
    # actor search: a substring match over the distinct names (thousands, not millions of rows),
    # then an index range per matching name (measured with bench/query_bench.py, 1M events)
    Migration("0005_actor_names", (
        "CREATE TABLE actor_names (search TEXT PRIMARY KEY)",
        "CREATE INDEX actors_search ON actors (search, event_id)",
        "INSERT INTO actor_names (search) SELECT DISTINCT search FROM actors",
    )),
)


def apply_migrations(
    cursor: Any, dialect: Dialect, migrations: tuple[Migration, ...], now: dt.datetime,
) -> list[str]:
    """Apply the migrations not yet recorded; return their names. Call inside one transaction."""
    if dialect.migrate_lock:
        cursor.execute(dialect.migrate_lock)
    cursor.execute(dialect.sql(MIGRATIONS_TABLE))
    cursor.execute("SELECT name FROM migrations")
    done = {row[0] for row in cursor.fetchall()}
    applied: list[str] = []
    for migration in migrations:
        if migration.name in done:
            continue
        for statement in migration.statements:
            cursor.execute(dialect.sql(statement))
        cursor.execute(
            dialect.sql("INSERT INTO migrations (name, applied_at) VALUES (?, ?)"),
            (migration.name, dialect.dump_ts(now)),
        )
        applied.append(migration.name)
    return applied
