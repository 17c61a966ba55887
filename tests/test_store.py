"""The event store on real databases: SQLite and PostgreSQL (see conftest.py)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.errors import ConfigError, StoreError
from eventwire.records import (
    Actor, Article, ArticleResult, Event, Evidence, Place, Rejected, Sentence, TimeRef,
)
from eventwire.store import MIGRATIONS, POSTGRES_HINT, Store, open_store

D = dt.date

# --- hand-built data ------------------------------------------------------------------------


def make_event(
    eid: str,
    article_id: str,
    *,
    type: str = "ASSAULT",
    actor: Actor | None = None,
    recipient: Actor | None = None,
    place: tuple[float, float, str] | None = None,
    when: tuple[D, D] | None = None,
    fatalities: int | None = None,
) -> Event:
    location = None
    if place is not None:
        lat, lon, country = place
        location = Place(text=f"place {eid}", name=f"Place {eid}", lat=lat, lon=lon,
                         country=country)
    date = None
    if when is not None:
        date = TimeRef(text="then", value=when[0].isoformat(), precision="day",
                       earliest=when[0], latest=when[1])
    sentence = f"Sentence of {eid}."
    return Event(
        id=eid, article_id=article_id, type=type, mode=None, actor=actor, recipient=recipient,
        location=location, date=date, status="occurred",
        evidence=Evidence(article_id, 0, 0, len(sentence), sentence, "of", 9, 11),
        fatalities=fatalities,
    )


def make_result(article_id: str, events: tuple[Event, ...] = (), origin: str | None = None,
                ) -> ArticleResult:
    text = f"Text of {article_id}. Second sentence."
    article = Article(id=article_id, text=text, title=f"Title {article_id}",
                      published=D(2015, 11, 18), origin=origin or f"{article_id}.txt")
    sentences = (Sentence(0, 0, text.index(".") + 1, text[: text.index(".") + 1]),)
    return ArticleResult(article=article, sentences=sentences, events=events)


def numbered_results(ids: range, events_per_article: int = 3) -> list[ArticleResult]:
    out = []
    for i in ids:
        aid = f"art{i:04d}"
        events = tuple(
            make_event(f"{aid}-ev{j}", aid, actor=Actor(f"Group {i}", f"group {i}"),
                       place=(10.0 + j, 20.0, "SY"), when=(D(2015, 1, 1 + j), D(2015, 1, 1 + j)))
            for j in range(events_per_article)
        )
        out.append(make_result(aid, events))
    return out


ISIS = Actor("Islamic State", "Isis", type="terrorist group")
KURDS = Actor("Peshmerga", "Kurdish fighters", type="state forces", country="IRQ")
RUSSIA = Actor("Russia", "Moscow", type="government", country="RUS")

# Sinjar (IQ), Aleppo (SY), Sharm el-Sheikh (EG), Fiji/Tonga near the antimeridian (FJ).
SINJAR = (36.32, 41.87, "IQ")
ALEPPO = (36.20, 37.16, "SY")
SHARM = (27.91, 34.33, "EG")
FIJI_EAST = (-16.5, 179.9, "FJ")
FIJI_WEST = (-16.5, -179.9, "FJ")


@pytest.fixture
def world(store: Store) -> Store:
    events_a = (
        make_event("a1", "A", actor=KURDS, recipient=ISIS, place=SINJAR,
                   when=(D(2015, 11, 12), D(2015, 11, 13)), fatalities=7),
        make_event("a2", "A", type="THREATEN", actor=ISIS, recipient=RUSSIA, place=ALEPPO,
                   when=(D(2015, 11, 1), D(2015, 11, 30))),
    )
    events_b = (
        make_event("b1", "B", actor=None, recipient=RUSSIA, place=SHARM,
                   when=(D(2015, 10, 31), D(2015, 10, 31)), fatalities=224),
        make_event("b2", "B", type="PROTEST", place=None, when=None),
        make_event("b3", "B", type="ASSAULT", place=FIJI_EAST, when=(D(2014, 5, 1), D(2014, 5, 1))),
        make_event("b4", "B", type="ASSAULT", place=FIJI_WEST, when=(D(2016, 5, 1), D(2016, 5, 1))),
    )
    store.add_results([make_result("A", events_a), make_result("B", events_b)])
    return store


def ids(events: Iterator[Event]) -> list[str]:
    return [e.id for e in events]


# --- opening and migrations ---------------------------------------------------------------


def test_open_records_every_migration_once(store_target: str) -> None:
    with open_store(store_target) as store:
        names = [name for name, _ in store.migrations()]
    assert names == [m.name for m in MIGRATIONS]
    with open_store(store_target) as again:
        assert again.migrate() == []
        assert [name for name, _ in again.migrations()] == names


def test_opening_an_old_database_applies_only_the_missing_migrations(store_target: str) -> None:
    with open_store(store_target, migrations=MIGRATIONS[:1]) as old:
        assert [n for n, _ in old.migrations()] == [MIGRATIONS[0].name]
        first_applied = old.migrations()[0]
    with open_store(store_target) as store:
        assert store.migrations()[0] == first_applied
        assert [n for n, _ in store.migrations()] == [m.name for m in MIGRATIONS]
        assert store.add_rejections([Rejected("x.html", "ingest", "E_HTML", "no text")]) == 1
        store.add_results([make_result("new", (make_event("new-1", "new"),))])
        assert ids(store.events()) == ["new-1"]


def test_sqlite_opens_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    with open_store(path) as store:
        assert store.stats()["backend"] == "sqlite"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # persists in the file
    finally:
        conn.close()


def test_sqlite_connection_pragmas(tmp_path: Path) -> None:
    with open_store(tmp_path / "p.db") as store:
        conn = store._conn  # type: ignore[attr-defined]
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_default_target_is_eventwire_db_in_cwd(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store() as store:
        store.add_results([make_result("A")])
    assert (tmp_path / "eventwire.db").is_file()


def test_unopenable_sqlite_path_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open"):
        open_store(tmp_path / "missing-dir" / "x.db")


def test_postgres_without_psycopg_names_the_extra(monkeypatch: Any) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    monkeypatch.delitem(sys.modules, "eventwire.store.postgres", raising=False)
    with pytest.raises(ConfigError) as info:
        open_store("postgresql://nobody@127.0.0.1:1/none")
    assert POSTGRES_HINT in str(info.value)
    assert POSTGRES_HINT == "pip install 'eventwire[postgres]'"


def test_unreachable_postgres_is_a_store_error_without_password() -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    with pytest.raises(StoreError) as info:
        open_store("postgres://user:s3cret@127.0.0.1:1/none")
    assert "s3cret" not in str(info.value)


# --- writes -------------------------------------------------------------------------------


def test_adding_the_same_results_twice_changes_nothing(store: Store) -> None:
    results = numbered_results(range(5))
    assert store.add_results(results) == 5
    before = store.stats()
    assert store.add_results(results) == 0
    assert store.add_results(reversed(results), batch_size=2) == 0
    assert store.stats() == before
    assert before["articles"] == 5 and before["events"] == 15


def test_the_same_article_twice_in_one_batch_is_stored_once(store: Store) -> None:
    result = numbered_results(range(1))[0]
    assert store.add_results([result, result, result], batch_size=10) == 1
    assert store.stats()["events"] == 3
    assert store.get_result(result.article.id) == result


def test_known_ids_and_origins(store: Store) -> None:
    store.add_results(numbered_results(range(3)))
    assert store.has_article("art0001")
    assert not store.has_article("art0009")
    wanted = [f"art{i:04d}" for i in range(1200)]  # more than one IN (...) chunk
    assert store.known_article_ids(wanted) == {"art0000", "art0001", "art0002"}
    assert store.known_origins(["art0002.txt", "nope.txt"]) == {"art0002.txt"}


def test_get_result_returns_what_was_added(store: Store) -> None:
    result = numbered_results(range(1))[0]
    store.add_results([result])
    assert store.get_result("art0000") == result
    assert store.get_article("art0000") == result.article
    assert store.get_article("nope") is None and store.get_result("nope") is None


def test_failed_batch_leaves_no_partial_article(store: Store) -> None:
    good = make_result("good", (make_event("good-1", "good"),))
    store.add_results([good])
    # The second event of "bad" violates NOT NULL after "bad" and its first event were inserted.
    bad_events = (make_event("bad-1", "bad"), make_event(None, "bad"))  # type: ignore[arg-type]
    batch = [make_result("aaa", (make_event("aaa-1", "aaa"),)), make_result("bad", bad_events)]
    with pytest.raises(StoreError):
        store.add_results(batch, batch_size=10)
    assert not store.has_article("bad") and not store.has_article("aaa")
    assert ids(store.events()) == ["good-1"]
    assert store.stats()["events"] == 1
    assert store.add_results(batch[:1]) == 1  # the store is usable afterwards


def test_results_read_before_a_failing_source_are_kept(store: Store) -> None:
    def source() -> Iterator[ArticleResult]:
        yield from numbered_results(range(3))
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError, match="source broke"):
        store.add_results(source(), batch_size=100)
    assert store.stats()["articles"] == 3
    assert store.stats()["events"] == 9


def test_non_finite_numbers_are_refused_whole(store: Store) -> None:
    event = make_event("nan-1", "nan").replace(confidence=float("nan"))
    with pytest.raises(StoreError):
        store.add_results([make_result("nan", (event,))])
    assert not store.has_article("nan")


def _write_worker(args: tuple[str, list[int]]) -> int:
    target, numbers = args
    with open_store(target) as store:
        results = [numbered_results(range(n, n + 1), events_per_article=4)[0] for n in numbers]
        return store.add_results(results, batch_size=7)


def test_two_processes_writing_overlapping_articles(store_target: str) -> None:
    open_store(store_target).close()  # schema first, so the race is on the data
    first = list(range(0, 120))
    second = list(reversed(range(60, 180)))
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        added = pool.map(_write_worker, [(store_target, first), (store_target, second)])
    assert sum(added) == 180
    with open_store(store_target) as store:
        stats = store.stats()
        assert stats["articles"] == 180 and stats["events"] == 720
        assert len(set(ids(store.events()))) == 720
        assert store.get_result("art0090") == numbered_results(range(90, 91), 4)[0]


def test_two_processes_opening_a_new_database(new_store_target: Callable[[], str]) -> None:
    target = new_store_target()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        added = pool.map(_write_worker, [(target, [1, 2]), (target, [2, 3])])
    assert sum(added) == 3
    with open_store(target) as store:
        assert len(store.migrations()) == len(MIGRATIONS)


# --- rejections ---------------------------------------------------------------------------


def test_rejections_are_deduplicated_and_refreshed(store: Store) -> None:
    first = [Rejected("a.bin", "ingest", "E_BINARY", "binary"),
             Rejected("b.txt", "clean", "E_TOO_SHORT", "short")]
    store.add_rejections(first)
    store.add_rejections(first + [Rejected("a.bin", "ingest", "E_BINARY", "binary, again")])
    got = list(store.rejections())
    assert got == [Rejected("a.bin", "ingest", "E_BINARY", "binary, again"), first[1]]
    assert store.stats()["rejections_by_code"] == {"E_BINARY": 1, "E_TOO_SHORT": 1}


def test_storing_an_article_clears_its_earlier_rejection(store: Store) -> None:
    store.add_rejections([Rejected("doc.txt", "events", "E_INTERNAL", "crashed"),
                          Rejected("other.txt", "ingest", "E_EMPTY", "empty")])
    store.add_results([make_result("doc", origin="doc.txt")])
    assert [r.item for r in store.rejections()] == ["other.txt"]


# --- queries ------------------------------------------------------------------------------


def test_events_are_ordered_by_date_then_id_undated_last(world: Store) -> None:
    assert ids(world.events()) == ["b3", "b1", "a2", "a1", "b4", "b2"]
    assert ids(world.events(limit=2)) == ["b3", "b1"]
    assert ids(world.events(limit=0)) == []


def test_filter_by_type(world: Store) -> None:
    assert ids(world.events(type="THREATEN")) == ["a2"]
    assert ids(world.events(type="PROTEST")) == ["b2"]
    assert ids(world.events(type="AID")) == []


def test_filter_by_actor_name_or_text_either_role(world: Store) -> None:
    assert ids(world.events(actor="islamic")) == ["a2", "a1"]  # actor of a2, recipient of a1
    assert ids(world.events(actor="ISIS")) == ["a2", "a1"]  # the text as written
    assert ids(world.events(actor="moscow")) == ["b1", "a2"]
    assert ids(world.events(actor="kurdish FIGHT")) == ["a1"]
    assert ids(world.events(actor="%")) == []  # wildcards are literal
    assert ids(world.events(actor="_")) == []
    assert ids(world.events(actor="lami")) == ["a2", "a1"]  # any part of a word
    assert ids(world.events(actor="ru")) == ["b1", "a2"]  # shorter than a trigram: a scan, same answer


def test_actor_search_index_follows_deletes_and_rewrites(store: Store) -> None:
    """The trigram index behind --actor must never answer with rows that are gone or miss new ones."""
    first = make_result("A", (make_event("a1", "A", actor=Actor("Wagner Group", "Wagner")),))
    store.add_results([first])
    assert ids(store.events(actor="wagner")) == ["a1"]
    with store.transaction() as cur:
        cur.execute(store.dialect.sql("DELETE FROM articles WHERE id = ?"), ("A",))
    assert ids(store.events(actor="wagner")) == []
    again = make_result("A", (make_event("a1", "A", actor=Actor("Rapid Support Forces", "RSF")),))
    store.add_results([again])
    assert ids(store.events(actor="wagner")) == []
    assert ids(store.events(actor="support forces")) == ["a1"]


def test_filter_by_country_iso2_or_iso3(world: Store) -> None:
    assert ids(world.events(country="IQ")) == ["a1"]
    assert ids(world.events(country="IRQ")) == ["a1"]
    assert ids(world.events(country="egy")) == ["b1"]
    with pytest.raises(StoreError, match="unknown country"):
        list(world.events(country="XYZ"))


def test_since_until_select_overlapping_date_ranges(world: Store) -> None:
    # a2 covers the whole of November: it overlaps any window touching November.
    assert ids(world.events(since=D(2015, 11, 20), until=D(2015, 11, 21))) == ["a2"]
    assert ids(world.events(since=D(2015, 11, 13), until=D(2015, 11, 13))) == ["a2", "a1"]
    assert ids(world.events(since=D(2015, 11, 14))) == ["a2", "b4"]
    assert ids(world.events(until=D(2015, 10, 31))) == ["b3", "b1"]
    assert ids(world.events(since=D(2015, 1, 1), until=D(2015, 12, 31), type="ASSAULT")) == [
        "b1", "a1"]


def test_near_uses_true_distance(world: Store) -> None:
    # Sinjar to Aleppo is about 420 km; the box around Sinjar at 430 km also holds Aleppo's
    # latitude but a 400 km circle does not reach it.
    assert ids(world.events(near=(36.32, 41.87, 50))) == ["a1"]
    assert ids(world.events(near=(36.32, 41.87, 400))) == ["a1"]
    assert ids(world.events(near=(36.32, 41.87, 430))) == ["a2", "a1"]
    assert ids(world.events(near=(36.32, 41.87, 430), limit=1)) == ["a2"]
    assert ids(world.events(near=(0.0, 0.0, 100))) == []
    # A point in the corner of the 300 km box around Sinjar is 384 km away: not near.
    world.add_results([make_result("C", (make_event("c1", "C", place=(38.8, 44.9, "TR")),))])
    assert ids(world.events(near=(36.32, 41.87, 300))) == ["a1"]
    assert ids(world.events(near=(36.32, 41.87, 390))) == ["a1", "c1"]


def test_near_across_the_antimeridian_and_the_pole(world: Store) -> None:
    assert ids(world.events(near=(-16.5, 180.0, 30))) == ["b3", "b4"]
    assert ids(world.events(near=(-16.5, -179.95, 10))) == ["b4"]
    assert set(ids(world.events(near=(90.0, 0.0, 20_000)))) == {"a1", "a2", "b1", "b3", "b4"}


def test_bad_near_or_limit_is_a_store_error(world: Store) -> None:
    with pytest.raises(StoreError):
        world.events(near=(95.0, 0.0, 10))
    with pytest.raises(StoreError):
        world.events(limit=-1)


def test_filters_combine(world: Store) -> None:
    assert ids(world.events(actor="russia", country="SY")) == ["a2"]
    assert ids(world.events(type="ASSAULT", country="FJ", since=D(2015, 1, 1))) == ["b4"]


def test_stats_count_what_was_stored(world: Store) -> None:
    stats = world.stats()
    assert stats["articles"] == 2 and stats["events"] == 6 and stats["rejections"] == 0
    assert stats["events_by_type"] == {"ASSAULT": 4, "PROTEST": 1, "THREATEN": 1}


def test_evidence_and_actors_are_queryable_in_sql(
    world: Store, store_target: str, store_sql: Callable[[str, str], list[tuple[Any, ...]]],
) -> None:
    rows = store_sql(store_target, 'SELECT sentence, "start", "end", "trigger" FROM evidence '
                                   "WHERE event_id = 'a1'")
    assert rows == [("Sentence of a1.", 0, 15, "of")]
    roles = store_sql(store_target, "SELECT role, name, country FROM actors WHERE event_id = 'a1' "
                                    "ORDER BY role")
    assert roles == [("actor", "Peshmerga", "IRQ"), ("recipient", "Islamic State", None)]


def test_nul_characters(store: Store) -> None:
    article = Article(id="nul", text="before\x00after", title="t\x00")
    event = make_event("nul-1", "nul").replace(quote="q\x00q")
    store.add_results([ArticleResult(article=article, events=(event,))])
    assert list(store.events()) == [event]  # the event record is exact on both backends
    got = store.get_article("nul")
    assert got is not None
    if store.backend == "sqlite":
        assert got == article
    else:  # PostgreSQL text cannot hold U+0000: it is replaced, lengths kept
        assert got.text == "before\ufffdafter" and got.title == "t\ufffd"


def test_frequent_and_rare_actor_queries_give_the_same_first_page(store: Store) -> None:
    """Over FREQUENT_ACTOR_ROWS matches SQLite switches plan; the answer must not change."""
    from eventwire.store.base import FREQUENT_ACTOR_ROWS

    results = []
    for i in range(FREQUENT_ACTOR_ROWS // 4 + 10):
        aid = f"f{i:05d}"
        common = tuple(
            make_event(f"{aid}-{j}", aid, actor=Actor("Wagner Group", "Wagner"),
                       when=(D(2020, 1, 1) + dt.timedelta(days=(i * 7 + j) % 900),) * 2)
            for j in range(4)
        )
        rare = (make_event(f"{aid}-r", aid, actor=Actor("Rare Front", "RF"), when=(D(2021, 5, 1),) * 2),) if i % 300 == 0 else ()
        results.append(make_result(aid, common + rare))
    store.add_results(results)
    every = ids(store.events(actor="wagner"))
    assert len(every) == 4 * len(results)
    assert ids(store.events(actor="wagner", limit=25)) == every[:25]
    assert ids(store.events(actor="rare front")) == sorted(f"f{i:05d}-r" for i in range(0, len(results), 300))


def test_near_text_is_parsed_once_for_the_cli_and_the_api() -> None:
    from eventwire.store.query import parse_near

    assert parse_near(" 36.32, 41.87 ,50") == (36.32, 41.87, 50.0)
    for bad in ("36.3,41.9", "north,41.9,50", "36.3,41.9,-5", "91,0,10", "0,0,30000", "nan,0,10", "0,0,inf"):
        with pytest.raises(StoreError):
            parse_near(bad)
