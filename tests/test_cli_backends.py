"""Every database command works the same on SQLite and on a real PostgreSQL server.

Uses the ``new_store_target`` fixture (tests/conftest.py): a fresh SQLite file or a fresh
PostgreSQL schema per target; the PostgreSQL variants skip, saying why, without a server.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from click.testing import CliRunner

from eventwire.cli import main
from support import EXAMPLES


def cli(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_process_query_merge_export_import(new_store_target: Callable[[], str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = new_store_target()
    first = cli("process", str(EXAMPLES), "--db", db, "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["new"] == 6 and summary["events"] > 0

    again = json.loads(cli("process", str(EXAMPLES), "--db", db, "--json").stdout)
    assert (again["new"], again["skipped"], again["database"]["events"]) == (0, 6, summary["database"]["events"])

    events = json.loads(cli("events", "--db", db, "--format", "json").stdout)
    assert len(events) == summary["database"]["events"]
    iraq = json.loads(cli("events", "--db", db, "--country", "IRQ", "--format", "json").stdout)
    assert iraq and all(e["location"]["country"] == "IQ" for e in iraq)

    assert cli("merge", "--db", db).exit_code == 0
    merged = tmp_path / "merged.jsonl"
    assert cli("export", "--db", db, "--merged", "--format", "jsonl", "-o", str(merged)).exit_code == 0
    assert merged.read_text(encoding="utf-8").strip()

    reports = tmp_path / "reports.jsonl"
    assert cli("export", "--db", db, "--format", "jsonl", "-o", str(reports)).exit_code == 0
    copy = new_store_target()
    assert cli("import", str(reports), "--db", copy).exit_code == 0
    again_out = tmp_path / "again.jsonl"
    assert cli("export", "--db", copy, "--format", "jsonl", "-o", str(again_out)).exit_code == 0
    assert again_out.read_text(encoding="utf-8") == reports.read_text(encoding="utf-8")
