"""End to end through the command line: ``eventwire process``, ``extract`` and ``events``.

Real spaCy, real SQLite files in a temporary directory, no mocks. The examples database is built
once per module by `python -m eventwire.cli` in a subprocess (a real program run); the other commands go
through click's CliRunner in this process, which shares the already loaded model.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from eventwire.cli import main
from eventwire.ingest import read_inputs
from eventwire.records import Article
from eventwire.runner import WRITE_BATCH
from eventwire.store import open_store
from support import EXAMPLES

CLI_DATA = Path(__file__).resolve().parent / "data" / "cli"
MOSUL_TXT = CLI_DATA / "mosul_airstrike.txt"
THREE_EVENTS = CLI_DATA / "three_events.jsonl"  # Mosul air strike, Nairobi protest, Lahore arrest
SUMMARY = re.compile(
    r"read (\d+) item\(s\): (\d+) new article\(s\), (\d+) already stored, (\d+) rejected; "
    r"(\d+) event report\(s\)"
)
EVENT_KEYS = {
    "type", "mode", "actor", "recipient", "location", "date", "fatalities", "status", "evidence",
}


# --- helpers -------------------------------------------------------------------------------------


def cli(*args: str, input: str | bytes | None = None) -> Result:
    """Run the eventwire command in this process (the spaCy model is loaded once per session)."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def cli_subprocess(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the eventwire command as a separate program, the way a user does."""
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli", *args], cwd=cwd, capture_output=True, text=True,
        timeout=300,
    )


def summary_counts(output: str) -> dict[str, int]:
    found = SUMMARY.search(output)
    assert found, f"no summary line in:\n{output}"
    keys = ("read", "new", "skipped", "rejected", "events")
    return dict(zip(keys, (int(g) for g in found.groups())))


def db_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "rejections")}
    finally:
        conn.close()


def n_input_items(directory: Path) -> int:
    """Items a directory holds: one per .txt/.html file, one per non-blank JSONL line."""
    total = 0
    for path in directory.iterdir():
        if path.suffix == ".jsonl":
            total += sum(1 for line in path.read_text("utf-8").splitlines() if line.strip())
        elif path.suffix in (".txt", ".html", ".htm"):
            total += 1
    return total


def query(db: Path, *args: str) -> list[dict[str, Any]]:
    result = cli("events", "--db", str(db), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def ids(events: list[dict[str, Any]]) -> set[str]:
    return {e["id"] for e in events}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


# --- process -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def examples_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`eventwire process examples/ --db ex.db`, run once as a real program."""
    workdir = tmp_path_factory.mktemp("examples_db")
    db = workdir / "ex.db"
    done = cli_subprocess("process", str(EXAMPLES), "--db", str(db), cwd=workdir)
    return db, done


def test_process_examples_prints_summary_and_stores_everything(examples_run) -> None:  # type: ignore[no-untyped-def]
    db, done = examples_run
    assert done.returncode == 0, done.stderr
    counts = summary_counts(done.stdout)
    expected_items = n_input_items(EXAMPLES)
    assert counts["read"] == expected_items
    assert counts["new"] == expected_items and counts["skipped"] == 0 and counts["rejected"] == 0
    assert counts["events"] > 0
    stored = db_counts(db)
    assert stored == {"articles": expected_items, "events": counts["events"], "rejections": 0}
    assert f"database {db}" in done.stdout


def test_process_again_stores_nothing_new(examples_run) -> None:  # type: ignore[no-untyped-def]
    db, _ = examples_run
    before = db_counts(db)
    again = cli("process", str(EXAMPLES), "--db", str(db))
    assert again.exit_code == 0, again.output
    counts = summary_counts(again.stdout)
    assert counts["new"] == 0 and counts["events"] == 0
    assert counts["skipped"] == counts["read"] == before["articles"]
    assert "already stored" in again.stdout
    assert db_counts(db) == before


def test_same_text_from_txt_and_jsonl_is_one_article(tmp_path: Path) -> None:
    text = (
        "Police arrested six suspected militants in a raid on a house in Lahore on Monday, "
        "a police spokesman said.\nThe men were taken to a counter-terrorism court later in the day."
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(text + "\n", encoding="utf-8")
    (corpus / "wire.jsonl").write_text(json.dumps({"text": text, "published": "2023-01-10"}) + "\n")
    db = tmp_path / "dup.db"
    result = cli("process", str(corpus), "--db", str(db), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["read"], summary["new"], summary["skipped"]) == (2, 1, 1)
    assert summary["database"]["articles"] == 1
    assert db_counts(db)["articles"] == 1


def test_summary_counts_a_repeated_article_once_in_a_long_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(5):  # rejections in the stream delay the first write batch
        (corpus / f"a{i}_empty.txt").write_text("")
    n_distinct = WRITE_BATCH + 6
    for i in range(n_distinct):
        (corpus / f"b{i:03d}.txt").write_text(
            f"Gunmen attacked a police post in Kirkuk on Monday, killing {i % 7 + 2} officers, "
            f"officials said in statement number {i}.\n", encoding="utf-8")
    (corpus / "c_repeat.txt").write_text((corpus / "b000.txt").read_text("utf-8"), encoding="utf-8")
    db = tmp_path / "long.db"
    summary = json.loads(cli("process", str(corpus), "--db", str(db), "--json").stdout)
    stored = db_counts(db)
    assert stored["articles"] == n_distinct
    assert (summary["new"], summary["skipped"]) == (n_distinct, 1)
    assert summary["events"] == stored["events"]


def test_stored_evidence_offsets_index_the_stored_article_text(examples_run) -> None:  # type: ignore[no-untyped-def]
    db, _ = examples_run
    with open_store(db) as store:
        events = list(store.events())
        assert events
        for event in events:
            article = store.get_article(event.article_id)
            assert article is not None, event.article_id
            ev = event.evidence
            assert article.text[ev.start:ev.end] == ev.sentence
            assert article.text[ev.trigger_start:ev.trigger_end] == ev.trigger


def test_two_workers_store_the_same_events_as_one(examples_run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db_one, _ = examples_run
    db_two = tmp_path / "two.db"
    result = cli("process", str(EXAMPLES), "--db", str(db_two), "--workers", "2")
    assert result.exit_code == 0, result.output
    with open_store(db_one) as one, open_store(db_two) as two:
        one_ids = [e.id for e in one.events()]
        two_ids = [e.id for e in two.events()]
        assert one_ids and sorted(one_ids) == sorted(two_ids)
        assert one.stats()["articles"] == two.stats()["articles"]


# --- extract -------------------------------------------------------------------------------------


def _extract(fmt: str, cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.chdir(cwd)
    result = cli("extract", str(MOSUL_TXT), "--published", "2017-03-04", "--format", fmt)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def mosul_article() -> Article:
    (article,) = list(read_inputs([str(MOSUL_TXT)]))
    assert isinstance(article, Article), article
    return article


def test_extract_json_has_the_public_fields_and_touches_no_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mosul_article: Article,
) -> None:
    found = json.loads(_extract("json", tmp_path, monkeypatch).stdout)
    assert list(tmp_path.iterdir()) == []  # no eventwire.db, nothing else
    assert isinstance(found, list) and found
    for event in found:
        assert EVENT_KEYS <= set(event)
        if event["actor"] is not None:
            assert isinstance(event["actor"]["name"], str)
        loc = event["location"]
        if loc is not None:
            assert {"name", "country", "lat", "lon"} <= set(loc)
        date = event["date"]
        if date is not None:
            assert {"value", "precision"} <= set(date)
        assert {"sentence", "start", "end"} <= set(event["evidence"])
        assert event["evidence"]["article_id"] == mosul_article.id
    strike = [e for e in found if e["type"] == "ASSAULT" and e["mode"] == "aerial"]
    assert len(strike) == 1, found
    (strike_event,) = strike
    assert strike_event["location"]["name"] == "Mosul" and strike_event["location"]["country"] == "IQ"
    assert haversine_km(strike_event["location"]["lat"], strike_event["location"]["lon"], 36.34, 43.13) < 30
    assert (strike_event["date"]["value"], strike_event["date"]["precision"]) == ("2017-03-03", "day")
    assert strike_event["fatalities"] == 4
    assert strike_event["status"] == "occurred"


def test_extract_evidence_offsets_index_the_article_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mosul_article: Article,
) -> None:
    found = json.loads(_extract("json", tmp_path, monkeypatch).stdout)
    assert found
    assert not mosul_article.text.startswith("Coalition strike hits")  # the headline is not text
    for event in found:
        ev = event["evidence"]
        assert mosul_article.text[ev["start"]:ev["end"]] == ev["sentence"]


def test_extract_jsonl_gives_the_json_events_one_per_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    as_list = json.loads(_extract("json", tmp_path, monkeypatch).stdout)
    lines = [json.loads(line) for line in _extract("jsonl", tmp_path, monkeypatch).stdout.splitlines()]
    assert lines == as_list
    assert list(tmp_path.iterdir()) == []


def test_extract_table_shows_every_event(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n_events = len(json.loads(_extract("json", tmp_path, monkeypatch).stdout))
    out = _extract("table", tmp_path, monkeypatch).stdout
    for column in ("date", "type", "actor", "location", "evidence"):
        assert column in out
    assert f"{n_events} event(s)" in out
    assert "Mosul (IQ)" in out
    assert list(tmp_path.iterdir()) == []


def test_extract_rejects_an_unusable_file_with_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    monkeypatch.chdir(tmp_path)
    result = cli("extract", str(empty), "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert "E_EMPTY" in result.output  # on stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]


# --- events --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def filters_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("filters") / "three.db"
    result = cli("process", str(THREE_EVENTS), "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def everything(filters_db: Path) -> list[dict[str, Any]]:
    found = query(filters_db)
    kinds = {(e["type"], (e["location"] or {}).get("country")) for e in found}
    # the three stories the database was built from
    assert {("ASSAULT", "IQ"), ("PROTEST", "KE"), ("COERCE", "PK")} <= kinds, kinds
    return found


def _subset(everything: list[dict[str, Any]], keep) -> set[str]:  # type: ignore[no-untyped-def]
    chosen = {e["id"] for e in everything if keep(e)}
    assert chosen and chosen != ids(everything), "a filter test needs a proper, non-empty subset"
    return chosen


@pytest.mark.parametrize("value", ["ASSAULT", "protest"])
def test_events_type_filter(filters_db: Path, everything: list[dict[str, Any]], value: str) -> None:
    expected = _subset(everything, lambda e: e["type"] == value.upper())
    assert ids(query(filters_db, "--type", value)) == expected


def _names(e: dict[str, Any]) -> str:
    parts = [f"{a['name']}\x1f{a['text']}" for a in (e["actor"], e["recipient"]) if a]
    return "\x1f".join(parts).casefold()


@pytest.mark.parametrize("value", ["POLICE", "pakistan", "Civilians"])
def test_events_actor_filter_is_a_case_insensitive_substring(
    filters_db: Path, everything: list[dict[str, Any]], value: str,
) -> None:
    expected = _subset(everything, lambda e: value.casefold() in _names(e))
    assert ids(query(filters_db, "--actor", value)) == expected


@pytest.mark.parametrize(("iso2", "iso3"), [("IQ", "IRQ"), ("ke", "ken"), ("PK", "PAK")])
def test_events_country_filter_takes_iso2_and_iso3(
    filters_db: Path, everything: list[dict[str, Any]], iso2: str, iso3: str,
) -> None:
    expected = _subset(everything, lambda e: (e["location"] or {}).get("country") == iso2.upper())
    assert ids(query(filters_db, "--country", iso2)) == expected
    assert ids(query(filters_db, "--country", iso3)) == expected


@pytest.mark.parametrize("window", [
    ("--since", "2020-01-01"), ("--until", "2023-12-31"),
    ("--since", "2023-01-01", "--until", "2023-12-31"), ("--since", "2017-03-03", "--until", "2017-03-03"),
])
def test_events_date_window(filters_db: Path, everything: list[dict[str, Any]], window: tuple[str, ...]) -> None:
    args = dict(zip(window[::2], window[1::2]))
    since, until = args.get("--since", "0000-00-00"), args.get("--until", "9999-99-99")

    def inside(e: dict[str, Any]) -> bool:
        date = e["date"]
        return bool(date and date["earliest"] and date["latest"]
                    and date["latest"] >= since and date["earliest"] <= until)

    assert ids(query(filters_db, *window)) == _subset(everything, inside)


@pytest.mark.parametrize(("lat", "lon", "km"), [(36.34, 43.13, 50.0), (31.5, 74.3, 20.0), (-1.3, 36.8, 1000.0)])
def test_events_near_filter(
    filters_db: Path, everything: list[dict[str, Any]], lat: float, lon: float, km: float,
) -> None:
    def within(e: dict[str, Any]) -> bool:
        loc = e["location"]
        return bool(loc and loc["lat"] is not None and haversine_km(lat, lon, loc["lat"], loc["lon"]) <= km)

    assert ids(query(filters_db, "--near", f"{lat},{lon},{km}")) == _subset(everything, within)


def test_events_near_nothing_is_an_empty_list(filters_db: Path) -> None:
    assert query(filters_db, "--near", "60.0,10.0,100") == []


def test_events_filters_combine(filters_db: Path, everything: list[dict[str, Any]]) -> None:
    found = query(filters_db, "--type", "ASSAULT", "--country", "IRQ", "--since", "2017-01-01",
                  "--actor", "depot")
    expected = _subset(everything, lambda e: e["type"] == "ASSAULT" and e["location"]["country"] == "IQ"
                       and "depot" in _names(e))
    assert ids(found) == expected


def test_events_output_formats_agree(filters_db: Path, everything: list[dict[str, Any]]) -> None:
    expected = _subset(everything, lambda e: e["type"] == "ASSAULT")
    base = ["events", "--db", str(filters_db), "--type", "ASSAULT", "--format"]
    jsonl = cli(*base, "jsonl")
    assert {json.loads(line)["id"] for line in jsonl.stdout.splitlines()} == expected
    rows = list(csv.DictReader(io.StringIO(cli(*base, "csv").stdout)))
    assert {r["id"] for r in rows} == expected
    assert {"date", "type", "actor", "location", "country", "lat", "lon", "sentence"} <= set(rows[0])
    assert {r["type"] for r in rows} == {"ASSAULT"}
    table = cli(*base, "table")
    assert table.exit_code == 0 and f"{len(expected)} event(s)" in table.stdout


def test_events_csv_header_is_the_same_when_nothing_matches(filters_db: Path) -> None:
    base = ["events", "--db", str(filters_db), "--format", "csv"]
    full_header = cli(*base).stdout.splitlines()[0]
    empty = cli(*base, "--type", "AGREE").stdout.splitlines()
    assert empty == [full_header]


def test_events_on_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    result = cli("events", "--db", str(missing))
    assert result.exit_code != 0
    assert "no database" in result.output and str(missing) in result.output
    assert not missing.exists()


@pytest.mark.parametrize("code", ["XYZ", "XX"])
def test_events_unknown_country_code_is_an_error(filters_db: Path, code: str) -> None:
    result = cli("events", "--db", str(filters_db), "--country", code)
    assert result.exit_code == 2
    assert code in result.output


def test_process_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = cli("process", str(tmp_path / "nowhere"), "--db", str(db))
    assert result.exit_code == 2 and "nowhere" in result.output
    assert not db.exists()


@pytest.mark.parametrize("near", [
    "abc", "36.3,41.9", "1,2,3,4", "36.3;41.9;50",
    "100,0,5", "36.3,41.9,-5",
])
def test_events_bad_near_is_a_usage_error(filters_db: Path, near: str) -> None:
    result = cli("events", "--db", str(filters_db), "--near", near)
    assert result.exit_code == 2, result.output
    assert "--near" in result.output
