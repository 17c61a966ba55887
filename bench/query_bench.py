"""Query benchmark: the ``events`` filters over 1,000,000 stored event reports (SQLite).

    python bench/query_bench.py [--events 1000000] [--db FILE] [--limit 100] [--json FILE]

Builds (once; reused when ``--db`` already holds the events) a synthetic store: a few thousand
distinct Event records, made with the real records and row functions, copied under fresh ids to
the requested count (10 events per article; two actor rows per event), inserted with plain
``executemany`` into the schema the store itself created. Then times each filter of
``Store.events`` (type, country, actor, date range, near, and all of them together) through the
store API, first page of ``--limit`` results, median of several runs, and prints SQLite's query
plan so a missing index shows up as a SCAN.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventwire.records import Actor, Event, Evidence, Place, TimeRef  # noqa: E402
from eventwire.store import open_store  # noqa: E402
from eventwire.store import rows  # noqa: E402
from eventwire.store.query import build_filter  # noqa: E402
from eventwire.store.schema import SQLITE  # noqa: E402

TYPES = ("ASSAULT",) * 6 + ("COERCE",) * 3 + ("PROTEST",) * 3 + (
    "THREATEN", "ACCUSE", "MOBILIZE", "AID", "RETREAT", "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "REQUEST", "REJECT", "SANCTION")
COUNTRIES = (("IQ", 33.3, 44.4), ("SY", 35.0, 38.5), ("AF", 34.5, 69.2), ("UA", 49.0, 31.0),
             ("ML", 14.5, -4.0), ("NG", 10.0, 8.0), ("SO", 2.0, 45.3), ("YE", 15.4, 44.2),
             ("CD", -1.7, 29.2), ("SD", 15.6, 32.5), ("PK", 30.4, 69.3), ("LY", 32.9, 13.2),
             ("US", 38.9, -77.0), ("FR", 48.9, 2.35), ("IN", 28.6, 77.2), ("MX", 19.4, -99.1))
ACTOR_NAMES = ("Islamic State", "Taliban", "al-Shabab", "Boko Haram", "Houthis", "Wagner Group",
               "Iraqi Security Forces", "Syrian Arab Army", "Ukrainian Armed Forces", "police",
               "protesters", "civilians", "Kurdish Peshmerga", "M23", "Rapid Support Forces")
MINOR_ACTORS = tuple(f"Local Militia {i:04d}" for i in range(1500))  # real stores name thousands
TEMPLATES = 4000
PER_ARTICLE = 10


def _template(rng: random.Random, i: int) -> Event:
    iso2, lat, lon = rng.choice(COUNTRIES)
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    actor, recipient = (rng.choice(ACTOR_NAMES if rng.random() < 0.5 else MINOR_ACTORS) for _ in "ar")
    sentence = f"{actor} attacked {recipient} near the town, officials said ({i})."
    return Event(
        id=f"t{i}", article_id="a", type=rng.choice(TYPES), mode=None,
        actor=Actor(actor, actor, "other", None), recipient=Actor(recipient, recipient, "civilians", None),
        location=Place("town", f"Town {i}", geonameid=100000 + i, lat=lat + rng.uniform(-3, 3),
                       lon=lon + rng.uniform(-3, 3), country=iso2),
        date=TimeRef("(publication date)", day.isoformat(), "day", earliest=day, latest=day),
        status="occurred", evidence=Evidence("a", 0, 0, len(sentence), sentence, "attacked"),
        fatalities=rng.choice((None, rng.randrange(50))), confidence=0.8,
    )


def _rows(n: int, seed: int) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
    """(event row, actor rows) for ``n`` events, ids unique, record JSON carrying the same ids."""
    rng = random.Random(seed)
    templates = [_template(rng, i) for i in range(TEMPLATES)]
    base = [(rows.event_row(e, "a", 0, SQLITE), rows.actor_rows(e, SQLITE)) for e in templates]
    for k in range(n):
        event_row, actor_rows = base[rng.randrange(TEMPLATES)]
        old_id = event_row[0]
        new_id, article_id = f"e{k:08d}", f"a{k // PER_ARTICLE:07d}"
        record = event_row[-1].replace(f'"id":"{old_id}"', f'"id":"{new_id}"').replace('"article_id":"a"', f'"article_id":"{article_id}"')
        yield (new_id, article_id, k % PER_ARTICLE, *event_row[3:-1], record), [(new_id, *r[1:]) for r in actor_rows]


def build(db: Path, n: int, seed: int = 7) -> float:
    """Create the store (schema via open_store), then bulk-insert; returns seconds spent."""
    open_store(db).close()
    started = time.perf_counter()
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO articles (id, text, n_sentences, mentions, processed_at) VALUES (?, 'x', 0, '{}', '2025-01-01')",
        ((f"a{j:07d}",) for j in range((n + PER_ARTICLE - 1) // PER_ARTICLE)),
    )
    event_sql = rows.insert_sql("events", rows.EVENT_COLUMNS, "id")
    actor_sql = rows.insert_sql("actors", rows.ACTOR_COLUMNS, "event_id, role")
    batch_e: list[tuple[Any, ...]] = []
    batch_a: list[tuple[Any, ...]] = []
    for event_row, actor_rows in _rows(n, seed):
        batch_e.append(event_row)
        batch_a.extend(actor_rows)
        if len(batch_e) >= 50_000:
            conn.executemany(event_sql, batch_e)
            conn.executemany(actor_sql, batch_a)
            batch_e, batch_a = [], []
    conn.executemany(event_sql, batch_e)
    conn.executemany(actor_sql, batch_a)
    # the distinct names behind the actor filter, as Store.add_results keeps them
    conn.execute("INSERT OR IGNORE INTO actor_names (search) SELECT DISTINCT search FROM actors")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - started


FILTERS: dict[str, dict[str, Any]] = {
    "type": {"type": "ASSAULT"},
    "country": {"country": "ML"},
    "actor": {"actor": "boko"},
    "rare actor": {"actor": "militia 0042"},
    "date range": {"since": dt.date(2019, 3, 1), "until": dt.date(2019, 3, 31)},
    "near": {"near": (33.3, 44.4, 50.0)},
    "type+country+dates": {"type": "ASSAULT", "country": "IQ", "since": dt.date(2016, 1, 1), "until": dt.date(2016, 12, 31)},
}


def time_filter(db: Path, kwargs: dict[str, Any], limit: int | None, repeat: int) -> tuple[list[float], str]:
    """Milliseconds per call of ``Store.events``, and the SQL it ran (bound values inlined)."""
    out = []
    executed: list[str] = []
    with open_store(db) as store:
        store._conn.set_trace_callback(executed.append)  # type: ignore[attr-defined]  # bench only
        for _ in range(repeat):
            executed.clear()
            started = time.perf_counter()
            found = list(store.events(limit=limit, **kwargs))
            out.append((time.perf_counter() - started) * 1000)
    assert limit is None or len(found) <= limit
    selects = [sql for sql in executed if sql.lstrip().upper().startswith("SELECT")]
    return out, selects[-1] if selects else ""


def plan_and_count(db: Path, kwargs: dict[str, Any], sql: str) -> tuple[int, list[str]]:
    where = build_filter(dump_date=SQLITE.dump_date, **kwargs)
    conn = sqlite3.connect(str(db))
    try:
        plan = [row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)] if sql else []
        count = conn.execute("SELECT COUNT(*) FROM events e" + where.where(), where.params).fetchone()[0]
    finally:
        conn.close()
    return int(count), plan


def _stored(db: Path) -> int:
    """Events in an existing bench store built with today's columns (0: build it again)."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(str(db))
    try:
        columns = tuple(row[1] for row in conn.execute("PRAGMA table_info(events)"))
        if columns[:len(rows.EVENT_COLUMNS)] != rows.EVENT_COLUMNS:
            return 0
        return int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


@click.command()
@click.option("--events", "n", type=click.IntRange(1), default=1_000_000, show_default=True)
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="/tmp/eventwire-query-bench.db", show_default=True)
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True, help="Page size; 0 rows beyond it are read.")
@click.option("--repeat", type=click.IntRange(1), default=5, show_default=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False), default=None)
def main(n: int, db_path: str, limit: int, repeat: int, json_path: str | None) -> None:
    """Time each `events` filter on a store of N synthetic event reports.

    Example: python bench/query_bench.py --events 1000000 --json query.json
    """
    from rich.console import Console
    from rich.table import Table

    db = Path(db_path)
    build_s = None
    if _stored(db) != n:
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        build_s = round(build(db, n), 1)
    results = {}
    for name, kwargs in FILTERS.items():
        page, sql = time_filter(db, kwargs, limit, repeat)
        count, plan = plan_and_count(db, kwargs, sql)
        results[name] = {"matches": count, f"first_{limit}_ms_p50": round(statistics.median(page), 1),
                         "max_ms": round(max(page), 1), "plan": plan}
    table = Table(title=f"events filters over {n:,} event reports (first {limit} rows, median of {repeat})")
    for col in ("filter", "matches", "ms (p50)", "ms (max)", "query plan"):
        table.add_column(col, overflow="fold")
    for name, r in results.items():
        table.add_row(name, f"{r['matches']:,}", str(r[f"first_{limit}_ms_p50"]), str(r["max_ms"]), "; ".join(r["plan"]))
    Console(width=160).print(table)
    if json_path:
        Path(json_path).write_text(json.dumps({"events": n, "build_s": build_s, "filters": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
