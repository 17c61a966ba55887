"""Merging event reports into events: similarity rules, reconciliation, incremental ids, store."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from eventwire.merge import THRESHOLD, Report, assign, merge, rebuild, same_event
from eventwire.records import Actor, Article, ArticleResult, Event, Evidence, Place, TimeRef
from eventwire.store import Store, open_store
from eventwire.store.merge_schema import cluster_of, history, merge_store, merged_events

PESH = Actor("Kurdish Peshmerga", "peshmerga", "state forces", "IRQ")
IS = Actor("Islamic State", "Isis", "rebel group")
COALITION = Actor("US-led coalition", "coalition", "international")


def place(lat: float, lon: float, precision: str = "point", country: str = "IQ", gid: int | None = None) -> Place:
    return Place("p", f"p{lat},{lon}", geonameid=gid, lat=lat, lon=lon, country=country, precision=precision)


SINJAR = place(36.32, 41.88, gid=99062)


def ev(eid: str, article: str = "a1", *, type: str = "ASSAULT", mode: str | None = None,
       actor: Actor | None = PESH, recipient: Actor | None = IS, where: Place | None = SINJAR,
       day: str | None = "2015-11-12", precision: str = "day", latest: str | None = None,
       status: str = "occurred", fatalities: int | None = None, sentence: str | None = None,
       sentence_index: int = 0, sub: str | None = "Armed clash") -> Event:
    when = None
    if day is not None:
        d = dt.date.fromisoformat(day)
        when = TimeRef("x", day, precision, earliest=d, latest=dt.date.fromisoformat(latest) if latest else d)
    text = sentence or f"Report {eid} of fighting."
    return Event(
        id=eid, article_id=article, type=type, mode=mode, actor=actor, recipient=recipient,
        location=where, date=when, status=status, fatalities=fatalities,
        evidence=Evidence(article, sentence_index, 0, len(text), text),
        acled_event_type="Battles" if sub in ("Armed clash", "Government regains territory") else None,
        acled_sub_event_type=sub,
    )


# --- same_event ------------------------------------------------------------------------------


def test_assault_and_seizure_are_one_battle() -> None:
    clash = ev("a", "a1")
    seize = ev("b", "a2", type="COERCE", mode="seize", day="2015-11-13", sub="Government regains territory")
    assert same_event(clash, seize) >= THRESHOLD


def test_actor_order_is_not_directional() -> None:
    a = ev("a", "a1")
    b = ev("b", "a2", actor=IS, recipient=PESH)
    assert same_event(a, b) == pytest.approx(same_event(a, ev("c", "a2")), abs=0.05)


def test_unrelated_types_never_match() -> None:
    assert same_event(ev("a"), ev("b", "a2", type="PROTEST", sub="Peaceful protest")) == 0.0


def test_point_distance_threshold() -> None:
    near = place(36.32, 41.88 + 0.2)  # ~18 km east
    far = place(36.32, 41.88 + 0.5)  # ~45 km east
    assert same_event(ev("a"), ev("b", "a2", where=near)) > 0.0
    assert same_event(ev("a"), ev("b", "a2", where=far)) == 0.0
    coarse = place(36.32, 41.88 + 1.0, precision="admin1")  # ~90 km, admin1 allows 150
    assert same_event(ev("a"), ev("b", "a2", where=coarse)) > 0.0


def test_other_country_never_matches() -> None:
    assert same_event(ev("a"), ev("b", "a2", where=place(36.5, 41.0, country="SY"))) == 0.0
    country_only = place(33.0, 44.0, precision="country")
    assert same_event(ev("a"), ev("b", "a2", where=country_only)) > 0.0


def test_date_window_depends_on_precision() -> None:
    assert same_event(ev("a"), ev("b", "a2", day="2015-11-14")) > 0.0
    assert same_event(ev("a"), ev("b", "a2", day="2015-11-15")) == 0.0
    month = ev("b", "a2", day="2015-11-01", latest="2015-11-30", precision="month")
    assert same_event(ev("a"), month) > 0.0
    assert same_event(ev("a", day="2015-12-05"), month) == 0.0


def test_planned_does_not_merge_with_occurred() -> None:
    assert same_event(ev("a"), ev("b", "a2", status="planned")) == 0.0


def test_same_sentence_other_perpetrator_is_another_event() -> None:
    text = "Coalition jets supported peshmerga fighters attacking Sinjar."
    ground = ev("a", sentence=text)
    air = ev("b", actor=COALITION, mode="aerial", sub="Air/drone strike", sentence=text)
    assert same_event(ground, air) == 0.0


# --- merge and reconcile ---------------------------------------------------------------------


def reports() -> list[Report]:
    return [
        Report(ev("r1", "a1", fatalities=10, where=place(36.3, 41.9, precision="admin1")), source="Wire A"),
        Report(ev("r2", "a2", day="2015-11-13", fatalities=14, sentence="Sinjar fell."), source="Wire B"),
        Report(ev("r3", "a2", day="2015-11-13", fatalities=9, sentence="Nine dead in Sinjar."), source="Wire B"),
        Report(ev("r4", "a3", fatalities=12), source="Wire C"),
        Report(ev("x1", "a3", where=place(34.5, 69.2, country="AF")), source="Wire C"),
    ]


def test_merge_reconciles_fields() -> None:
    merged = {m.id: m for m in merge(reports())}
    assert set(merged) == {"r1", "x1"}
    sinjar = merged["r1"]
    assert sinjar.report_ids == ("r1", "r4", "r2", "r3")
    assert (sinjar.n_reports, sinjar.n_articles, sinjar.n_sources) == (4, 3, 3)
    # one figure per article (its highest): 10, 14, 12 -> best = median, low = min, high = max
    assert (sinjar.fatalities.best, sinjar.fatalities.low, sinjar.fatalities.high) == (12, 10, 14)
    assert sinjar.injuries.best is None, "no injuries stated must stay None"
    assert (sinjar.date_earliest, sinjar.date_latest) == (dt.date(2015, 11, 12), dt.date(2015, 11, 13))
    assert sinjar.location is not None and sinjar.location.precision == "point"
    assert {r.source for r in sinjar.reports} == {"Wire A", "Wire B", "Wire C"}
    assert all(r.event.evidence.sentence for r in sinjar.reports)


def test_merge_is_deterministic_whatever_the_input_order() -> None:
    expected = merge(reports())
    shuffled = reports()
    random.Random(7).shuffle(shuffled)
    assert merge(shuffled) == expected


def test_id_is_stable_when_reports_join_later() -> None:
    first, log1 = assign(reports()[:2], ())
    assert [c.id for c in first] == ["r1"] and [e.action for e in log1] == ["create", "join"]
    second, log2 = assign(reports()[2:], first)
    assert sorted(c.id for c in second) == ["r1", "x1"]
    assert [(e.action, e.cluster_id, e.event_id) for e in log2 if e.action == "join"] == [("join", "r1", "r4"), ("join", "r1", "r3")]
    assert next(c for c in second if c.id == "r1").n_reports == 4


def test_bridging_report_merges_clusters_and_logs_it() -> None:
    west = Report(ev("w", "a1", where=place(36.32, 41.80), day="2015-11-11",
                     sentence="Peshmerga advanced on the western villages."))
    east = Report(ev("e", "a2", recipient=None, where=place(36.32, 41.97), day="2015-11-13",
                     sentence="Explosions shook the eastern outskirts overnight."))
    clusters, _ = assign([west, east], ())
    assert sorted(c.id for c in clusters) == ["e", "w"], "too little in common on their own"
    middle = Report(ev("m", "a3", where=place(36.32, 41.885), day="2015-11-12",
                       sentence="Fighting reached the town centre."))
    merged, log = assign([middle], clusters)
    assert [c.id for c in merged] == ["w"] and merged[0].report_ids == ("w", "m", "e")
    assert [(e.action, e.cluster_id, e.other_id) for e in log] == [("join", "w", None), ("merge", "w", "e")]


def test_bridge_between_incompatible_events_merges_nothing() -> None:
    west = Report(ev("w", "a1", where=place(36.32, 41.70)))
    east = Report(ev("e", "a2", where=place(36.32, 42.06)))  # ~32 km apart: never one event
    clusters, _ = assign([west, east], ())
    merged, log = assign([Report(ev("m", "a3", where=place(36.32, 41.88)))], clusters)
    assert len(merged) == 2 and not [e for e in log if e.action == "merge"]


def test_rebuild_keeps_ids_and_logs_a_split() -> None:
    a, b = Report(ev("a", "a1")), Report(ev("b", "a2"))
    wrong = merge([a, b])[0]
    apart = Report(ev("b", "a2", day="2015-11-20"))  # b's date was corrected: no longer the same event
    clusters, log = rebuild([a, apart], [wrong])
    assert sorted(c.id for c in clusters) == ["a", "b"]
    assert [(e.action, e.cluster_id, e.other_id) for e in log] == [("split", "a", "b")]


def test_blocking_keeps_far_dates_apart_at_scale() -> None:
    many = [Report(ev(f"r{i:04d}", f"a{i}", day=(dt.date(2015, 1, 1) + dt.timedelta(days=7 * i)).isoformat()))
            for i in range(400)]
    merged = merge(many)
    assert len(merged) == 400


# --- store -----------------------------------------------------------------------------------


def stored(store: Store, article: str, events: list[Event], source: str) -> None:
    art = Article(id=article, text="t", source=source, published=dt.date(2015, 11, 13))
    store.add_results([ArticleResult(article=art, events=tuple(events))])


def test_merge_store_is_incremental_and_logged(store: Store) -> None:
    stored(store, "a1", [ev("r1", "a1")], "Wire A")
    first = merge_store(store)
    assert (first["reports"], first["create"], first["merged_events"]) == (1, 1, 1)
    stored(store, "a2", [ev("r2", "a2", day="2015-11-13")], "Wire B")
    second = merge_store(store)
    assert (second["reports"], second["join"], second["merged_events"]) == (1, 1, 1)
    assert merge_store(store)["reports"] == 0
    (event,) = list(merged_events(store))
    assert event.id == "r1" and event.n_sources == 2 and event.sources == ("Wire A", "Wire B")
    assert cluster_of(store, "r2") == "r1"
    assert [(e.action, e.cluster_id, e.event_id) for _, _, e in history(store)] == [
        ("create", "r1", "r1"), ("join", "r1", "r2")]
    again = merge_store(store, full=True)
    assert again["merged_events"] == 1 and [m.id for m in merged_events(store)] == ["r1"]


def test_merged_events_saved_before_the_filter_columns_get_them_on_upgrade(store: Store) -> None:
    """Status, confidence and actor became columns (migration 0103): older databases are filled in."""
    from eventwire.store.merge_schema import ensure_schema

    stored(store, "a1", [ev("r1", "a1", status="claimed")], "Wire A")
    merge_store(store)
    with store.transaction() as cur:
        cur.execute("UPDATE event_clusters SET status = NULL, confidence = NULL, actor = NULL")
        cur.execute("DELETE FROM migrations WHERE name = '0103_merged_event_filter_columns'")
        cur.execute("DROP INDEX event_clusters_status")
        for column in ("status", "confidence", "actor"):
            cur.execute(f"ALTER TABLE event_clusters DROP COLUMN {column}")
    assert ensure_schema(store) == ["0103_merged_event_filter_columns"]
    ((status, confidence, actor),) = store.query("SELECT status, confidence, actor FROM event_clusters")
    (merged,) = merged_events(store)
    assert (status, actor) == ("claimed", "Kurdish Peshmerga") and confidence == pytest.approx(merged.confidence)


def test_filter_columns_are_filled_when_another_opener_applied_the_migration(store: Store) -> None:
    """`eventwire serve` opens the store with every migration before merging: the upgrade must
    still fill the columns the web filters read."""
    from eventwire.store.merge_schema import ALL_MIGRATIONS, ensure_schema

    stored(store, "a1", [ev("r1", "a1", status="suspected")], "Wire A")
    merge_store(store)
    with store.transaction() as cur:
        cur.execute("UPDATE event_clusters SET status = NULL, confidence = NULL, actor = NULL")
    store.migrate(ALL_MIGRATIONS)  # nothing left to apply, as after open_store(db, migrations=ALL_MIGRATIONS)
    assert ensure_schema(store) == []
    assert store.query("SELECT status, actor FROM event_clusters") == [("suspected", "Kurdish Peshmerga")]


def test_merged_events_filters(store: Store) -> None:
    stored(store, "a1", [ev("r1", "a1"), ev("k1", "a1", where=place(34.5, 69.2, country="AF"))], "Wire A")
    merge_store(store)
    assert [m.id for m in merged_events(store, country="AF")] == ["k1"]
    assert [m.id for m in merged_events(store, near=(36.3, 41.9, 20))] == ["r1"]
    assert [m.id for m in merged_events(store, since=dt.date(2016, 1, 1))] == []


# --- the seed plus a second article about Sinjar ---------------------------------------------


def test_seed_and_second_article_make_one_sinjar_event(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from support import EXAMPLES, SEED, pipeline

    from eventwire.ingest import read_inputs
    from eventwire.runner import process

    if not SEED.exists():
        pytest.skip(f"{SEED} is not present (set EVENTWIRE_SHARED to the shared/ folder)")
    with open_store(tmp_path / "demo.db") as store:
        process(read_inputs([str(SEED)], published=dt.date(2015, 11, 12)), store, make_pipeline=pipeline)
        process(read_inputs([str(EXAMPLES / "sinjar_offensive_day2.txt")]), store, make_pipeline=pipeline)
        merge_store(store)
        events = list(merged_events(store))
    sinjar = [m for m in events if m.location and "Sinj" in m.location.name and m.family == "violence"
              and m.actor and "Peshmerga" in m.actor.name]
    assert len(sinjar) == 1, [(m.id, m.actor, m.n_articles) for m in sinjar]
    assert sinjar[0].n_articles == 2
    assert any("recaptured" in r.event.evidence.sentence for r in sinjar[0].reports)
    assert any("captured three villages" in r.event.evidence.sentence for r in sinjar[0].reports)
    sinai = [m for m in events if m.location and m.location.country == "EG"]
    assert len(sinai) == 1 and sinai[0].fatalities.best == 224 and sinai[0].n_articles == 1
