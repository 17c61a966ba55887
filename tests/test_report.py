"""``eventwire report``: a situation report built from a real database of processed articles.

The database holds the bundled examples plus a few articles written here, published in two
consecutive weeks (6-12 and 13-19 May 2024), so the report of the second week has a previous
period to compare with. Expected numbers are computed straight from the ``event_clusters``
table with SQL and JSON, not through the report's own code.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import json
import re
import sqlite3
import struct
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from eventwire.cli import main
from eventwire.ingest import read_inputs
from eventwire.runner import process
from eventwire.store import open_store

from support import EXAMPLES, pipeline

pytestmark = pytest.mark.slow

WEEK = ("2024-05-13", "2024-05-19")
BEFORE = ("2024-05-06", "2024-05-12")
AIR_STRIKE = ("Nigerian troops killed 15 Boko Haram fighters in an air strike on a camp near Maiduguri "
              "on Thursday, the army said.")
ARTICLES = [
    {"id": "t-1", "source": "Test Wire", "url": "https://example.org/t/1", "published": "2024-05-08",
     "title": "Gunmen attack police post in Maiduguri",
     "text": "Boko Haram fighters attacked a police post in Maiduguri on Tuesday, killing four police "
             "officers, a police spokesman said. The attackers fled into the bush after a two-hour gun "
             "battle, he added."},
    {"id": "t-2", "source": "Daily Ledger", "url": "https://example.org/t/2", "published": "2024-05-10",
     "title": "Protest in Lagos over fuel prices",
     "text": "Hundreds of protesters marched in Lagos on Thursday against rising fuel prices. The "
             "demonstration ended peacefully in the afternoon, witnesses said."},
    {"id": "t-3", "source": "Test Wire", "url": "https://example.org/t/3", "published": "2024-05-14",
     "title": "Village raid near Maiduguri kills 12",
     "text": "Boko Haram fighters attacked a village near Maiduguri on Monday, killing 12 civilians and "
             "burning dozens of homes, local officials said. Residents said the gunmen arrived on "
             "motorcycles shortly after dawn."},
    {"id": "t-4", "source": "Coast Herald", "url": "https://example.org/t/4", "published": "2024-05-14",
     "title": "Villagers killed near Maiduguri",
     "text": "Boko Haram militants killed at least 10 villagers in an attack on a village near Maiduguri "
             "on Monday, residents said. Survivors fled to the city."},
    {"id": "t-5", "source": "Coast Herald", "url": "javascript:alert(1)", "published": "2024-05-16",
     "title": "Car bomb in Mogadishu <script>alert(1)</script>",
     "text": "A car bomb exploded near a checkpoint in Mogadishu on Wednesday, killing seven people and "
             "wounding 20 others <script>alert('x')</script>, police said. Police suspect Al-Shabaab "
             "militants carried out the attack, a charge the group has not confirmed."},
    {"id": "t-6", "source": "Daily Ledger", "url": "https://example.org/t/5", "published": "2024-05-17",
     "title": "Nigerian troops strike camp",
     "text": AIR_STRIKE + " The army said the camp was used to plan attacks on villages."},
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Process examples/ and the articles above (no merge), then run one report, which merges."""
    root = tmp_path_factory.mktemp("report")
    wire = root / "articles.jsonl"
    wire.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = root / "ew.db"
    with open_store(str(db)) as store:
        process(read_inputs([str(EXAMPLES), str(wire)]), store, make_pipeline=pipeline)
    out = root / "week.md"
    first = invoke("--db", str(db), "--since", WEEK[0], "--until", WEEK[1], "-o", str(out))
    return {"db": db, "root": root, "md": out, "first": first}


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, ["report", *args])


def clusters(db: Path, since: str, until: str, country: str | None = None) -> list[dict[str, Any]]:
    """Merged events overlapping [since, until], read with plain SQL."""
    sql = "SELECT record FROM event_clusters WHERE date_latest >= ? AND date_earliest <= ?"
    params: tuple[str, ...] = (since, until)
    if country:
        sql, params = sql + " AND country = ?", (*params, country)
    with sqlite3.connect(db) as conn:
        return [json.loads(r[0]) for r in conn.execute(sql, params)]


def is_png(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG; fails when the bytes are not one."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def report(built: dict[str, Any], name: str, *args: str) -> tuple[Result, Path]:
    out = built["root"] / name
    result = invoke("--db", str(built["db"]), *args, "-o", str(out))
    assert result.exit_code == 0, result.output
    return result, out


# --- tests ---------------------------------------------------------------------------------------


def test_report_merges_unmerged_reports_first(built: dict[str, Any]) -> None:
    first = built["first"]
    assert first.exit_code == 0, first.output
    assert re.search(r"merged \d+ new report\(s\) into events first", first.output)
    with sqlite3.connect(built["db"]) as conn:
        left = conn.execute(
            "SELECT COUNT(*) FROM events WHERE id NOT IN (SELECT event_id FROM cluster_members)").fetchone()
    assert left == (0,)


def test_markdown_images_sit_next_to_the_report(built: dict[str, Any]) -> None:
    text = built["md"].read_text(encoding="utf-8")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert sorted(links) == ["week_map.png", "week_timeline.png"]
    for link in links:
        width, height = is_png((built["md"].parent / link).read_bytes())
        assert width > 600 and height > 200


def test_headline_numbers_match_the_store(built: dict[str, Any]) -> None:
    now = clusters(built["db"], *WEEK)
    before = clusters(built["db"], *BEFORE)
    stated = [c["fatalities"] for c in now if c["fatalities"]["best"] is not None]
    types = Counter(c["type"] for c in now)
    countries = {c["location"]["country"] for c in now if c["location"] and c["location"]["country"]}
    uncertain = sum(1 for c in now if c["status"] != "occurred")
    assert len(now) >= 4 and stated and uncertain  # the articles give enough to check
    text = built["md"].read_text(encoding="utf-8")
    delta = len(now) - len(before)
    assert f"- **Events:** {len(now)} (previous period {len(before)}, +{delta})" in text
    best, low, high = (sum(f[k] for f in stated) for k in ("best", "low", "high"))
    assert (f"- **Fatalities:** {best} (range {low}–{high}) best estimate, stated for {len(stated)} "
            f"of {len(now)} events") in text
    by_type = ", ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0])))
    assert f"- **Events by type:** {by_type}" in text
    assert f"- **Countries affected:** {len(countries)}: " in text
    assert f"- **Uncertain events:** {uncertain} of {len(now)} ({round(100 * uncertain / len(now))}%)" in text


def country(c: dict[str, Any]) -> str:
    return (c["location"] or {}).get("country") or ""


def by_rank(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documented order: fatalities (stated first), reports, sources, confidence."""
    def key(c: dict[str, Any]) -> tuple[float, ...]:
        best = c["fatalities"]["best"]
        return (-(best if best is not None else -1), -c["n_reports"], -c["n_sources"], -c["confidence"])
    return sorted(found, key=key)


def test_comparison_with_the_previous_week(built: dict[str, Any]) -> None:
    now, before = clusters(built["db"], *WEEK), clusters(built["db"], *BEFORE)
    text = built["md"].read_text(encoding="utf-8")
    types_now, types_before = Counter(c["type"] for c in now), Counter(c["type"] for c in before)
    places_now, places_before = Counter(map(country, now)), Counter(map(country, before))
    assert types_now["ASSAULT"] > types_before["ASSAULT"] > 0 and "PROTEST" in types_before
    rows = (("ASSAULT", lambda c: c["type"] == "ASSAULT"), ("Nigeria (NG)", lambda c: country(c) == "NG"))
    for row, keep in rows:
        a, b = (sum(1 for c in found if keep(c)) for found in (now, before))
        dead_a, dead_b = (sum(c["fatalities"]["best"] or 0 for c in found if keep(c))
                          for found in (now, before))
        assert f"| {row} | {b} | {a} | +{a - b} | {dead_b} | {dead_a} | +{dead_a - dead_b} |" in text
    gone = types_before["PROTEST"]
    assert f"| PROTEST | {gone} | 0 | −{gone} |" in text  # dropped to none, still listed
    up = types_now["ASSAULT"] - types_before["ASSAULT"]
    assert f"- ASSAULT: events {types_before['ASSAULT']} → {types_now['ASSAULT']} (+{up})" in text
    assert "SO" in places_now and "SO" not in places_before
    assert "Somalia (SO)" in text.split("**New countries**")[1].split("\n")[0]
    newcomer = by_rank(now)[0]["actor"]["name"]  # the air strike's perpetrator, absent before
    assert all(newcomer not in (c["actor"] or {}).get("name", "") for c in before)
    assert newcomer in text.split("**New actors**")[1].split("\n")[0]


def test_top_events_ranked_with_evidence_and_sources(built: dict[str, Any]) -> None:
    _, out = report(built, "week.html", "--since", WEEK[0], "--until", WEEK[1])
    page = out.read_text(encoding="utf-8")
    ranked = by_rank(clusters(built["db"], *WEEK))
    headings = [h for _, h in re.findall(r'<span class="rank">(\d+)</span>([^<]*)', page)]
    assert len(headings) == len(ranked)
    for heading, c in zip(headings, ranked):
        assert html.escape(c["actor"]["name"] if c["actor"] else "unknown actor") in heading
    top = ranked[0]
    assert top["fatalities"]["best"] == 15  # the air strike, from its own sentence
    plain = re.sub(r"</?mark>", "", page)
    assert html.escape(AIR_STRIKE) in plain
    assert html.escape(top["reports"][0]["event"]["evidence"]["sentence"]) in plain
    assert '<b>Daily Ledger</b>, “Nigerian troops strike camp”, published 17 May 2024' in page
    assert '<a href="https://example.org/t/5">https://example.org/t/5</a>' in page
    merged = [c for c in ranked if c["n_articles"] == 2]  # the village raid, told by two outlets
    assert len(merged) == 1
    f = merged[0]["fatalities"]
    assert (f["best"], f["low"], f["high"]) == (10, 10, 12)
    assert "10 killed (range 10–12), stated in 2 articles" in page
    assert "2 from 2 source(s)" in page


def test_html_is_self_contained_and_escapes_article_text(built: dict[str, Any]) -> None:
    _, out = report(built, "escaped.html", "--since", WEEK[0], "--until", WEEK[1], "--format", "html")
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page  # in the evidence sentence
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # in the title
    assert 'href="javascript' not in page
    sources = re.findall(r'<img src="([^"]+)"', page)
    assert len(sources) == 2 and all(s.startswith("data:image/png;base64,") for s in sources)
    for s in sources:
        is_png(base64.b64decode(s.split(",", 1)[1]))
    assert not re.search(r'(src|href)="(?!data:|https?://example\.org)', page)
    md = built["md"].read_text(encoding="utf-8")
    assert "<script>" not in md and r"\<script\>" in md


def test_empty_period_gives_a_valid_report(built: dict[str, Any]) -> None:
    for fmt in ("md", "html"):
        _, out = report(built, f"empty.{fmt}", "--since", "2001-01-01", "--until", "2001-01-07")
        text = out.read_text(encoding="utf-8")
        assert "No events were recorded in this period" in text
        assert "Methods and caveats" in text
    assert not list(built["root"].glob("empty_*.png"))


def test_default_period_ends_at_the_latest_event(built: dict[str, Any]) -> None:
    with sqlite3.connect(built["db"]) as conn:
        (last,) = conn.execute(
            "SELECT MAX(date_latest) FROM event_clusters WHERE date_latest = date_earliest "
            "AND date_latest <= (SELECT MAX(published) FROM articles)").fetchone()  # no forecasts
    end = dt.date.fromisoformat(last)
    result, out = report(built, "default.md")
    text = out.read_text(encoding="utf-8")
    start = end - dt.timedelta(days=6)
    assert f"{start:%a} {start.day} {start:%b %Y} to {end:%a} {end.day} {end:%b %Y} (7 days)" in text
    assert "by default, the 7 days ending at the latest event date in the database" in text
    assert f"- **Events:** {len(clusters(built['db'], start.isoformat(), last))} " in text


def test_country_scope(built: dict[str, Any]) -> None:
    _, out = report(built, "somalia.md", "--since", WEEK[0], "--until", WEEK[1], "--country", "SOM")
    text = out.read_text(encoding="utf-8")
    assert "**Scope:** Somalia (SO)" in text
    assert f"- **Events:** {len(clusters(built['db'], *WEEK, country='SO'))} " in text
    assert "Nigeria" not in text


@pytest.mark.parametrize("args", [
    ("--since", "2024-13-01"), ("--until", "yesterday"), ("--country", "XX"),
    ("--since", "2024-05-19", "--until", "2024-05-13"), ("--format", "docx"),
])
def test_bad_options_are_usage_errors(built: dict[str, Any], args: tuple[str, ...]) -> None:
    result = invoke("--db", str(built["db"]), *args, "-o", str(built["root"] / "bad.html"))
    assert result.exit_code == 2, result.output
    assert not (built["root"] / "bad.html").exists()


def test_missing_output_directory_is_a_usage_error(built: dict[str, Any]) -> None:
    result = invoke("--db", str(built["db"]), "-o", str(built["root"] / "no" / "such" / "dir.html"))
    assert result.exit_code == 2 and "does not exist" in result.output


def test_pdf_report(built: dict[str, Any]) -> None:
    pytest.importorskip("weasyprint", reason="WeasyPrint is not installed: pip install 'eventwire[pdf]'")
    _, out = report(built, "week.pdf", "--since", WEEK[0], "--until", WEEK[1])
    data = out.read_bytes()
    assert data[:5] == b"%PDF-" and len(data) > 20_000


def test_pdf_without_weasyprint_names_the_extra(built: dict[str, Any]) -> None:
    code = ("import sys; sys.modules['weasyprint'] = None; from eventwire.cli import main; "
            "sys.argv = ['eventwire'] + sys.argv[1:]; main()")
    out = built["root"] / "nopdf.pdf"
    done = subprocess.run(
        [sys.executable, "-c", code, "report", "--db", str(built["db"]), "-o", str(out)],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 1
    assert "pip install 'eventwire[pdf]'" in done.stderr
    assert not out.exists()
