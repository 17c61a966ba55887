"""Bad input through ``eventwire process``: rejected with a stable code, the rest goes on.

Each test builds a directory mixing good articles with one kind of bad item and runs the real
command on it (CliRunner in this process, real spaCy and a real SQLite file). A user should see:
the bad item in the ``rejections`` table with its code, the count in the summary, the good items
stored, exit code 1 - and a second run adds no rejection rows.
"""

from __future__ import annotations

import io
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import REJECTION_CODES
from eventwire.ingest import read_inputs
from eventwire.records import Article, Rejected

LAHORE = ("Pakistani police arrested six suspected militants in a raid on a house in Lahore on "
          "Monday, a police spokesman said.\nThe men were taken to a counter-terrorism court later "
          "in the day.")
NAIROBI = ("Thousands of students protested outside parliament in Nairobi on Thursday against a "
           "planned increase in university fees, chanting and waving banners.")
MOSUL = ("Coalition aircraft carried out an air strike on a weapons depot in western Mosul on "
         "Friday, killing four Islamic State fighters, the Iraqi military said.")
GOMA_TRUNCATED_HTML = (
    "<html><head><title>Fighting near Goma</title></head><body><article><h1>Fighting near Goma</h1>"
    "<p>Rebels of the M23 movement attacked army positions near the city of Goma on Saturday, "
    "killing at least ten soldiers, a Congolese army spokesman said.</p><p>Thousands of residents "
    "fled towards the border with Rwanda as the fighting went on into the evening, aid workers "
    "said. The army said it had pushed the rebels back from two villages north of the "
)  # cut off mid-sentence, no closing tags
FRENCH = ("Des hommes armés ont attaqué un poste de police dans le nord du pays mardi, tuant trois "
          "policiers, selon les autorités locales. Les assaillants ont pris la fuite vers la "
          "frontière, a déclaré un responsable de la sécurité.")
SPANISH = ("Hombres armados atacaron una comisaría de policía en el norte del país el martes y "
           "mataron a tres agentes, según las autoridades locales. Los atacantes huyeron hacia la "
           "frontera, dijo un portavoz del ejército.")
CLI_MAX_BYTES = 5_000_000  # the default per-file limit (the CLI has no option to change it)


@dataclass(frozen=True)
class Run:
    exit_code: int
    summary: dict[str, Any]
    rejections: list[tuple[str, str, str]]  # (item, code, reason)
    origins: set[str]  # origins of stored articles
    n_articles: int
    n_events: int


def process(*inputs: str, db: Path, stdin: bytes | None = None) -> Run:
    result = CliRunner().invoke(main, ["process", *inputs, "--db", str(db), "--json"], input=stdin,
                                catch_exceptions=False)
    summary = json.loads(result.stdout)
    conn = sqlite3.connect(db)
    try:
        rejections = conn.execute("SELECT item, code, reason FROM rejections ORDER BY item, code").fetchall()
        origins = {o for (o,) in conn.execute("SELECT origin FROM articles")}
        n_events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        conn.close()
    return Run(result.exit_code, summary, rejections, origins, len(origins), n_events)


def write_good(directory: Path) -> set[str]:
    """Two good plain-text articles; returns their paths as origins."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {directory / "lahore.txt": LAHORE, directory / "nairobi.txt": NAIROBI}
    for path, text in paths.items():
        path.write_text(text + "\n", encoding="utf-8")
    return {str(p) for p in paths}


def check_rejected(tmp_path: Path, corpus: Path, bad: dict[str, str], good: set[str],
                   *extra_inputs: str, stdin: bytes | None = None) -> Run:
    """Run twice; ``bad`` maps item -> expected code, ``good`` the origins that must be stored."""
    db = tmp_path / "run.db"
    inputs = (str(corpus), *extra_inputs)
    first = process(*inputs, db=db, stdin=stdin)
    assert first.exit_code == 1, first
    assert {(item, code) for item, code, _ in first.rejections} == set(bad.items())
    for item, code, reason in first.rejections:
        assert code in REJECTION_CODES and reason.strip(), (item, code, reason)
    expected_counts: dict[str, int] = {}
    for code in bad.values():
        expected_counts[code] = expected_counts.get(code, 0) + 1
    assert first.summary["rejected_by_code"] == expected_counts
    assert first.summary["rejected"] == len(bad)
    assert first.origins == good
    assert first.summary["new"] == len(good) and first.n_events == first.summary["events"] > 0

    second = process(*inputs, db=db, stdin=stdin)
    assert second.exit_code == 1
    assert second.summary["rejected"] == len(bad) and second.summary["new"] == 0
    assert [r[:2] for r in second.rejections] == [r[:2] for r in first.rejections]
    assert (second.n_articles, second.n_events) == (first.n_articles, first.n_events)
    return first


def test_empty_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_bytes(b" \n\t\n")
    check_rejected(tmp_path, corpus, {str(corpus / "empty.txt"): "E_EMPTY",
                                      str(corpus / "blank.txt"): "E_EMPTY"}, good)


def test_binary_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    (corpus / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (corpus / "nul.txt").write_bytes(b"Police said\x00\x00\x00 the attack\x00 happened" * 10)
    check_rejected(tmp_path, corpus, {str(corpus / "scan.txt"): "E_BINARY",
                                      str(corpus / "nul.txt"): "E_BINARY"}, good)


def test_undecodable_bytes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    # neither UTF-8 nor cp1252: 0x81, 0x8d, 0x8f, 0x90, 0x9d have no cp1252 meaning
    (corpus / "garbled.txt").write_bytes(b"Police said the attack \x81\x8d\x8f\x90\x9d happened. " * 20)
    check_rejected(tmp_path, corpus, {str(corpus / "garbled.txt"): "E_ENCODING"}, good)


def test_malformed_html_is_rejected_and_truncated_html_still_works(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    (corpus / "broken.html").write_text("<html><body><div><p><div><span><p>", encoding="utf-8")
    truncated = corpus / "goma.html"
    truncated.write_text(GOMA_TRUNCATED_HTML, encoding="utf-8")
    run = check_rejected(tmp_path, corpus, {str(corpus / "broken.html"): "E_HTML"},
                         good | {str(truncated)})
    conn = sqlite3.connect(tmp_path / "run.db")
    try:
        (text,) = conn.execute("SELECT text FROM articles WHERE origin = ?", (str(truncated),)).fetchone()
        (n_goma,) = conn.execute(
            "SELECT COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id WHERE a.origin = ?",
            (str(truncated),),
        ).fetchone()
    finally:
        conn.close()
    assert "killing at least ten soldiers" in text and "<p>" not in text
    assert n_goma > 0, run


def test_broken_jsonl_line_among_good_lines(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    wire = corpus / "wire.jsonl"
    wire.write_text("\n".join([
        json.dumps({"id": "w1", "published": "2024-06-20", "text": NAIROBI.replace("students", "teachers")}),
        '{"id": "w2", "published": "2024-06-21", "text": "Soldiers opened fire on',  # cut off
        json.dumps({"id": "w3", "published": "2017-03-04", "text": MOSUL}),
        '["not", "an", "object"]',
        json.dumps({"id": "w5", "title": "no body"}),
    ]) + "\n", encoding="utf-8")
    check_rejected(
        tmp_path, corpus,
        {f"{wire}:2": "E_JSONL", f"{wire}:4": "E_JSONL", f"{wire}:5": "E_JSONL"},
        good | {f"{wire}:1", f"{wire}:3"},
    )


def test_invalid_published_date_in_jsonl(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    wire = corpus / "wire.jsonl"
    wire.write_text(json.dumps({"published": "last Tuesday", "text": MOSUL}) + "\n", encoding="utf-8")
    check_rejected(tmp_path, corpus, {f"{wire}:1": "E_DATE"}, good)


def test_non_english_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    (corpus / "fr.txt").write_text(FRENCH + "\n", encoding="utf-8")
    (corpus / "es.txt").write_text(SPANISH + "\n", encoding="utf-8")
    check_rejected(tmp_path, corpus, {str(corpus / "fr.txt"): "E_LANGUAGE",
                                      str(corpus / "es.txt"): "E_LANGUAGE"}, good)


def test_too_short_text(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    (corpus / "stub.txt").write_text("Breaking news.\nMore soon.\n", encoding="utf-8")
    check_rejected(tmp_path, corpus, {str(corpus / "stub.txt"): "E_TOO_SHORT"}, good)


def test_oversized_file_through_the_cli(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    big = corpus / "huge.txt"
    sentence = b"Police said the attack happened on Monday in the north of the city. "
    big.write_bytes(sentence * (CLI_MAX_BYTES // len(sentence) + 1))
    check_rejected(tmp_path, corpus, {str(big): "E_TOO_LARGE"}, good)


def test_oversized_items_with_a_small_max_bytes(tmp_path: Path) -> None:
    """The library limit applies per file and per JSONL line; smaller items still go through."""
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(LAHORE, encoding="utf-8")
    large.write_text(LAHORE + "\n" + MOSUL, encoding="utf-8")
    wire = tmp_path / "wire.jsonl"
    wire.write_text("\n".join(json.dumps({"text": t}) for t in (NAIROBI, LAHORE + " " + MOSUL, MOSUL)) + "\n")
    limit = len(LAHORE.encode()) + 100
    items = list(read_inputs([str(small), str(large), str(wire)], max_bytes=limit))
    outcome = [(i.origin, "ok") if isinstance(i, Article) else (i.item, i.code) for i in items]
    assert outcome == [
        (str(small), "ok"), (str(large), "E_TOO_LARGE"),
        (f"{wire}:1", "ok"), (f"{wire}:2", "E_TOO_LARGE"), (f"{wire}:3", "ok"),
    ]


def test_bad_stdin(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    check_rejected(tmp_path, corpus, {"-": "E_BINARY"}, good, "-", stdin=b"\x00\x01\x02 not text " * 50)


def test_empty_stdin(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    check_rejected(tmp_path, corpus, {"-": "E_EMPTY"}, good, "-", stdin=b"")


def test_good_stdin_is_stored_next_to_a_rejected_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    good = write_good(corpus)
    (corpus / "fr.txt").write_text(FRENCH + "\n", encoding="utf-8")
    run = check_rejected(tmp_path, corpus, {str(corpus / "fr.txt"): "E_LANGUAGE"}, good | {"-"},
                         "-", stdin=MOSUL.encode("utf-8"))
    assert run.summary["read"] == 4


def test_stdin_jsonl_lines_are_sniffed(tmp_path: Path) -> None:
    lines = [json.dumps({"published": "2017-03-04", "text": MOSUL}), "{broken",
             json.dumps({"published": "2024-06-20", "text": NAIROBI})]
    items = list(read_inputs(["-"], stdin=io.BytesIO(("\n".join(lines) + "\n").encode())))
    outcome = [(i.origin, "ok") if isinstance(i, Article) else (i.item, i.code) for i in items]
    assert outcome == [("-:1", "ok"), ("-:2", "E_JSONL"), ("-:3", "ok")]
    assert all(not isinstance(i, Rejected) or i.reason for i in items)


@pytest.mark.parametrize("kind", ["empty", "binary"])
def test_rejection_is_cleared_when_the_item_becomes_good(tmp_path: Path, kind: str) -> None:
    """A fixed file is stored on the next run and leaves no stale rejection behind."""
    corpus = tmp_path / "corpus"
    write_good(corpus)
    fixed = corpus / "fixed.txt"
    fixed.write_bytes(b"" if kind == "empty" else b"\x00" * 64)
    db = tmp_path / "run.db"
    assert [r[0] for r in process(str(corpus), db=db).rejections] == [str(fixed)]
    fixed.write_text(MOSUL + "\n", encoding="utf-8")
    after = process(str(corpus), db=db)
    assert after.exit_code == 0
    assert after.rejections == []
    assert str(fixed) in after.origins
