"""A killed ``eventwire process`` run can be started again: nothing lost, nothing duplicated.

The run is a real subprocess, killed with SIGKILL as soon as the database holds its first
articles; then the same command completes the job. The result must equal a clean, uninterrupted run
on the same inputs in another database.

The runner writes results in batches of ``runner.WRITE_BATCH`` articles (one transaction each), so
the corpus needs more than two batches for the kill to land in the middle of a run.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.runner import WRITE_BATCH

N_ARTICLES = 2 * WRITE_BATCH + 10
TOWNS = ("Mosul", "Kirkuk", "Aleppo", "Homs", "Kandahar", "Herat", "Mogadishu", "Gao", "Maiduguri",
         "Peshawar", "Benghazi", "Sanaa", "Goma")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TARGETS = ("a police checkpoint", "an army convoy", "a market", "a village council office")
PUBLISHED = "2020-05-09"
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


def article(i: int) -> str:
    """A small article with two events; the numbers make every text (and id) distinct."""
    town, day, target = TOWNS[i % len(TOWNS)], DAYS[i % len(DAYS)], TARGETS[i % len(TARGETS)]
    return (
        f"Gunmen attacked {target} in {town} on {day}, killing {i % 9 + 2} people and wounding "
        f"{i + 3} others, officials said.\n"
        f"Security forces later arrested {i % 5 + 1} suspects in a village {i + 4} kilometres "
        f"outside the city, a police spokesman said."
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("resume") / "corpus"
    directory.mkdir()
    for i in range(N_ARTICLES):
        (directory / f"story_{i:04d}.txt").write_text(article(i) + "\n", encoding="utf-8")
    return directory


def count_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=0.5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # schema not created yet, or locked for a moment
        return 0


def events_by_article(db: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(db)
    try:
        found: dict[str, list[str]] = {a: [] for (a,) in conn.execute("SELECT id FROM articles")}
        for article_id, event_id in conn.execute("SELECT article_id, id FROM events ORDER BY id"):
            found[article_id].append(event_id)
        return found
    finally:
        conn.close()


def table_count(db: Path, table: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def run_cli(corpus: Path, db: Path) -> dict[str, object]:
    result = CliRunner().invoke(
        main, ["process", str(corpus), "--db", str(db), "--published", PUBLISHED, "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _stderr(proc: subprocess.Popen[bytes]) -> bytes:
    return proc.stderr.read() if proc.stderr is not None else b""


def start_and_kill(corpus: Path, db: Path) -> int:
    """Start the real program, SIGKILL it once articles are stored; return how many there were."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "process", str(corpus), "--db", str(db),
         "--published", PUBLISHED],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 240
        while count_articles(db) == 0:
            assert proc.poll() is None, f"the run ended before storing anything: {_stderr(proc)!r}"
            assert time.monotonic() < deadline, "no article stored within the time limit"
            time.sleep(0.01)
        still_running = proc.poll() is None
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()
    assert still_running, "the run finished before it could be interrupted"
    assert proc.returncode == -signal.SIGKILL
    return count_articles(db)


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    return db, run_cli(corpus, db)


def test_killed_run_resumes_without_loss_or_duplicates(corpus: Path, clean, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clean_db, clean_summary = clean
    assert clean_summary["new"] == N_ARTICLES and clean_summary["events"] > 0

    db = tmp_path / "interrupted.db"
    stored_at_kill = start_and_kill(corpus, db)
    assert 0 < stored_at_kill < N_ARTICLES

    # what the killed run left is whole: every stored article has all of its events
    partial = events_by_article(db)
    expected = events_by_article(clean_db)
    assert len(partial) == stored_at_kill
    for article_id, event_ids in partial.items():
        assert event_ids == expected[article_id], article_id

    summary = run_cli(corpus, db)
    assert summary["read"] == N_ARTICLES
    assert summary["skipped"] == stored_at_kill
    assert summary["new"] == N_ARTICLES - stored_at_kill
    assert summary["rejected"] == 0

    assert table_count(db, "articles") == N_ARTICLES
    resumed = events_by_article(db)
    assert resumed == expected
    all_ids = [e for ids in resumed.values() for e in ids]
    assert len(all_ids) == len(set(all_ids)) == table_count(clean_db, "events")
    assert table_count(db, "actors") == table_count(clean_db, "actors")


def test_resumed_run_then_stores_nothing_more(corpus: Path, clean) -> None:  # type: ignore[no-untyped-def]
    clean_db, _ = clean
    before = (table_count(clean_db, "articles"), table_count(clean_db, "events"))
    summary = run_cli(corpus, clean_db)
    assert (summary["new"], summary["skipped"], summary["events"]) == (0, N_ARTICLES, 0)
    assert (table_count(clean_db, "articles"), table_count(clean_db, "events")) == before


def test_two_workers_store_what_one_worker_stores(corpus: Path, clean, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Many chunks through the process pool: same articles, same event ids as the clean run."""
    clean_db, clean_summary = clean
    db = tmp_path / "two_workers.db"
    result = CliRunner().invoke(
        main, ["process", str(corpus), "--db", str(db), "--published", PUBLISHED, "--workers", "2", "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["new"], summary["events"]) == (clean_summary["new"], clean_summary["events"])
    assert events_by_article(db) == events_by_article(clean_db)
