"""``eventwire watch``: new files, growing JSONL files, restarts, on a real store and pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from support import pipeline

from eventwire.store import Store, open_store
from eventwire.watch import scan_once, watch_command

STORY = ("Gunmen attacked a police checkpoint in the town of Mopti on Tuesday, killing three officers, "
         "the Malian army said in a statement.")
OTHER = ("Protesters marched through central Nairobi on Tuesday against a proposed finance bill, "
         "and police fired tear gas at the crowd near parliament.")
THIRD = ("Yemen's Houthi rebels fired two missiles at a commercial vessel in the Red Sea on Wednesday, "
         "the US military said.")


def line(ident: str, text: str) -> bytes:
    return (json.dumps({"id": ident, "text": text, "published": "2024-06-25"}) + "\n").encode()


def origins(store: Store) -> list[str]:
    from eventwire.store.merge_schema import _sql

    return sorted(r[0] for r in _sql(store)._query("SELECT origin FROM articles"))


def test_growing_jsonl_is_read_line_by_line_across_restarts(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    feed = inbox / "feed.jsonl"
    whole, partial = line("a", STORY), line("b", OTHER)
    feed.write_bytes(whole + partial[:40])  # second line still being written
    db = tmp_path / "w.db"
    with open_store(db) as store:
        first = scan_once(inbox, store, pipeline())
        assert first.new_articles == 1 and first.events >= 1
        assert origins(store) == [f"{feed}:1"]
    with feed.open("ab") as handle:
        handle.write(partial[40:] + line("c", THIRD))
    with open_store(db) as store:  # a restarted watcher
        second = scan_once(inbox, store, pipeline())
        assert second.new_articles == 2 and second.skipped == 0, "only the new lines are read"
        assert origins(store) == [f"{feed}:1", f"{feed}:2", f"{feed}:3"]
        assert scan_once(inbox, store, pipeline()).files == 0, "nothing new, nothing read"


def test_new_and_changed_files_are_processed_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "w.db"
    with open_store(db) as store:
        assert scan_once(inbox, store, pipeline()).new_articles == 1
        (inbox / "sub").mkdir()
        (inbox / "sub" / "two.txt").write_text(OTHER, encoding="utf-8")
        again = scan_once(inbox, store, pipeline())
        assert (again.files, again.new_articles) == (1, 1)
        assert store.stats()["articles"] == 2


def test_replaced_jsonl_does_not_duplicate(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    feed = inbox / "feed.jsonl"
    feed.write_bytes(line("a", STORY) + line("b", OTHER))
    with open_store(tmp_path / "w.db") as store:
        scan_once(inbox, store, pipeline())
        feed.write_bytes(line("a", STORY))  # rotated: shorter than the offset
        result = scan_once(inbox, store, pipeline())
        assert result.new_articles == 0 and result.skipped == 1
        assert store.stats()["articles"] == 2


def test_cli_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "feed.jsonl").write_bytes(line("a", STORY) + b"{broken\n")
    db = str(tmp_path / "w.db")
    res = CliRunner().invoke(watch_command, [str(inbox), "--db", db, "--once"])
    assert res.exit_code == 0, res.output
    assert "1 new article(s)" in res.output and "1 rejected" in res.output
    res = CliRunner().invoke(watch_command, [str(inbox), "--db", db, "--once"])
    assert "0 new article(s)" in res.output
