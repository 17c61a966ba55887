"""Exports (ACLED CSV, GeoJSON, Parquet, JSONL) and JSONL re-import, on real stores."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.export import COLUMNS, export, export_command, import_command, import_jsonl, read_jsonl
from eventwire.merge import Report, merge
from eventwire.records import (
    ACTOR_TYPES, PLACE_PRECISIONS, PLOVER_TYPES, STATUSES, TIME_PRECISIONS,
    Actor, Article, ArticleResult, Event, Evidence, Number, Place, TimeRef,
)
from eventwire.store import open_store
from eventwire.store.merge_schema import merge_store

SINJAR = Place("Sinjar", "Sinjār", geonameid=99062, lat=36.32, lon=41.88, country="IQ", admin1="Ninawa")
PESH = Actor("Kurdish Peshmerga", "peshmerga", "state forces", "IRQ")
IS = Actor("Islamic State", "Isis", "rebel group")
CIV = Actor("civilians", "villagers", "civilians")


def event(eid: str, article: str, *, day: str = "2015-11-12", fatalities: int | None = None,
          actor: Actor = PESH, recipient: Actor = IS, place: Place | None = SINJAR,
          sentence: str = "Peshmerga fighters retook Sinjar.") -> Event:
    d = dt.date.fromisoformat(day)
    return Event(
        id=eid, article_id=article, type="ASSAULT", mode=None, actor=actor, recipient=recipient,
        location=place, date=TimeRef("on Thursday", day, "day", earliest=d, latest=d), status="occurred",
        evidence=Evidence(article, 0, 0, len(sentence), sentence), fatalities=fatalities,
        confidence=0.75, acled_event_type="Battles", acled_sub_event_type="Armed clash", cameo_root="19",
    )


def result(article: str, events: list[Event], source: str = "Wire") -> ArticleResult:
    art = Article(id=article, text="x", source=source, published=dt.date(2015, 11, 13), title=f"t-{article}")
    return ArticleResult(article=art, events=tuple(events))


def test_csv_has_acled_layout_and_codes(tmp_path: Path) -> None:
    reports = [Report(event("e1", "a1", fatalities=3), source="Wire"),
               Report(event("e2", "a2", actor=IS, recipient=CIV, place=None))]
    out = tmp_path / "r.csv"
    assert export(reports, "csv", out) == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == COLUMNS
    assert COLUMNS[:24] == (
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
        "country", "iso", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
        "source", "notes", "fatalities",
    )
    first, second = rows
    assert first["event_id_cnty"] == "IRQe1" and first["iso"] == "368" and first["country"] == "Iraq"
    assert (first["inter1"], first["inter2"], first["interaction"]) == ("1", "2", "12")
    assert first["fatalities"] == "3" and first["time_precision"] == "1" and first["geo_precision"] == "1"
    assert "Peshmerga fighters retook Sinjar." in first["evidence"]
    assert second["fatalities"] == "", "no toll stated must not become 0"
    assert (second["inter1"], second["inter2"], second["interaction"]) == ("2", "7", "27")
    assert second["event_id_cnty"].startswith("XXX") and second["latitude"] == ""


def test_merged_csv_row_reconciles_sources_and_toll(tmp_path: Path) -> None:
    merged = merge([Report(event("e1", "a1", fatalities=10), source="Wire A"),
                    Report(event("e2", "a2", day="2015-11-13", fatalities=14), source="Wire B"),
                    Report(event("e3", "a3", fatalities=12), source="Wire C")])
    assert len(merged) == 1
    out = tmp_path / "m.csv"
    export(merged, "csv", out)
    (row,) = csv.DictReader(out.open(encoding="utf-8"))
    assert row["fatalities"] == "12" and row["fatalities_low"] == "10" and row["fatalities_high"] == "14"
    assert row["n_sources"] == "3" and row["source"] == "Wire A; Wire C; Wire B"


def test_geojson_is_a_feature_collection_of_points(tmp_path: Path) -> None:
    out = tmp_path / "r.geojson"
    export([Report(event("e1", "a1")), Report(event("e2", "a2", place=None))], "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    placed, unplaced = data["features"]
    assert placed["geometry"] == {"type": "Point", "coordinates": [41.88, 36.32]}
    assert unplaced["geometry"] is None and unplaced["properties"]["eventwire_id"] == "e2"


def test_parquet_columns_are_typed(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed: pip install 'eventwire[parquet]'")
    out = tmp_path / "r.parquet"
    export([Report(event("e1", "a1", fatalities=4)), Report(event("e2", "a2"))], "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == 2 and tuple(table.column_names) == COLUMNS
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("fatalities").type) == "int64"
    assert str(table.schema.field("latitude").type) == "double"
    assert table.column("fatalities").to_pylist() == [4, None]
    assert table.column("event_date").to_pylist()[0] == dt.date(2015, 11, 12)


def test_cli_export_filters_and_merged(store_target: str, tmp_path: Path) -> None:
    with open_store(store_target) as store:
        store.add_results([result("a1", [event("e1", "a1")], "Wire A"),
                           result("a2", [event("e2", "a2", day="2015-11-13")], "Wire B"),
                           result("a3", [event("e3", "a3", day="2016-05-01", place=None)], "Wire C")])
        merge_store(store)
    runner = CliRunner()
    out = tmp_path / "iq.csv"
    res = runner.invoke(export_command, ["--db", store_target, "--country", "IQ", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert [r["eventwire_id"] for r in csv.DictReader(out.open())] == ["e1", "e2"]
    res = runner.invoke(export_command, ["--db", store_target, "--merged", "--format", "jsonl", "-o", "-"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.splitlines() if x.startswith("{")]
    assert [(m["id"], m["n_sources"]) for m in lines] == [("e1", 2), ("e3", 1)]


def test_import_of_merged_export_keeps_ids(new_store_target: Callable[[], str], tmp_path: Path) -> None:
    source, target = new_store_target(), new_store_target()
    with open_store(source) as store:
        store.add_results([result("a1", [event("e1", "a1")]), result("a2", [event("e2", "a2")])])
        merge_store(store)
    first, second = tmp_path / "m1.jsonl", tmp_path / "m2.jsonl"
    runner = CliRunner()
    assert runner.invoke(export_command, ["--db", source, "--merged", "--format", "jsonl", "-o", str(first)]).exit_code == 0
    res = runner.invoke(import_command, [str(first), "--db", target])
    assert res.exit_code == 0, res.output
    assert runner.invoke(export_command, ["--db", target, "--merged", "--format", "jsonl", "-o", str(second)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with open_store(target) as store:
        assert merge_store(store)["reports"] == 0, "imported reports are already merged"


def test_bad_import_line_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event": {"id": "x"}}\n', encoding="utf-8")
    res = CliRunner().invoke(import_command, [str(bad), "--db", str(tmp_path / "x.db")])
    assert res.exit_code == 1 and "bad.jsonl:1" in res.output


# --- property: export -> import -> export is lossless ------------------------------------------

text = st.text(max_size=20)
maybe = st.none() | text
small = st.integers(min_value=-5, max_value=10**9)
days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1))
actors = st.builds(Actor, name=text, text=text, type=st.sampled_from(ACTOR_TYPES), country=maybe,
                   start=small, end=small, actor_id=maybe)
places = st.builds(Place, text=text, name=text, geonameid=st.none() | small,
                   lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180),
                   country=st.none() | st.sampled_from(["IQ", "SY", "FR", "ZZ"]), admin1=maybe,
                   admin2=maybe, precision=st.sampled_from(PLACE_PRECISIONS), feature=maybe)
times = st.builds(TimeRef, text=text, value=maybe, precision=st.none() | st.sampled_from(TIME_PRECISIONS),
                  earliest=st.none() | days, latest=st.none() | days)
numbers = st.builds(Number, role=text, value=small, text=text, approximate=st.booleans())


@st.composite
def event_lists(draw: st.DrawFn) -> list[Event]:
    n = draw(st.integers(min_value=1, max_value=6))
    out = []
    for i in range(n):
        article = draw(st.sampled_from(["a1", "a2", "a3"]))
        out.append(Event(
            id=f"e{i}", article_id=article, type=draw(st.sampled_from(PLOVER_TYPES)), mode=draw(maybe),
            actor=draw(st.none() | actors), recipient=draw(st.none() | actors),
            location=draw(st.none() | places), date=draw(st.none() | times),
            status=draw(st.sampled_from(STATUSES)),
            evidence=Evidence(article, draw(small), draw(small), draw(small), draw(text), draw(text)),
            fatalities=draw(st.none() | small), injuries=draw(st.none() | small),
            numbers=tuple(draw(st.lists(numbers, max_size=2))), attribution=draw(maybe),
            quote=draw(maybe), confidence=draw(st.floats(0, 1)), acled_event_type=draw(maybe),
            acled_sub_event_type=draw(maybe), cameo_root=draw(maybe),
        ))
    return out


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(events=event_lists())
def test_jsonl_round_trip_is_lossless(events: list[Event], new_store_target: Callable[[], str],
                                      tmp_path_factory: pytest.TempPathFactory) -> None:
    tmp = tmp_path_factory.mktemp("rt")
    source, target = new_store_target(), new_store_target()
    by_article: dict[str, list[Event]] = {}
    for e in events:
        by_article.setdefault(e.article_id, []).append(e)
    with open_store(source) as store:
        store.add_results([result(a, evs) for a, evs in sorted(by_article.items())])
        first = tmp / "1.jsonl"
        export(merge_schema_reports(store), "jsonl", first)
    with open_store(target) as store:
        import_jsonl(first, store)
        second = tmp / "2.jsonl"
        export(merge_schema_reports(store), "jsonl", second)
    assert first.read_bytes() == second.read_bytes()
    back = sorted((r.event for r in read_jsonl(second)), key=lambda e: e.id)  # type: ignore[union-attr]
    assert back == sorted(events, key=lambda e: e.id)


def merge_schema_reports(store: object) -> list[Report]:
    from eventwire.store.merge_schema import reports

    return list(reports(store))
