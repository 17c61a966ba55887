"""``eventwire watch DIR``: process files as they appear and JSONL files as they grow.

Each pass (:func:`scan_once`) walks DIR (recursively, the suffixes ``eventwire process`` reads)
and compares every file with what the database remembers of it (table ``watch_files``: bytes and
lines already processed, size and mtime):

* a **JSONL** file (``.jsonl`` / ``.ndjson``) is read from the remembered byte offset up to its
  last complete line (a line still being written, without its newline, waits for the next pass);
  lines are numbered on from the remembered count, so origins (``path:LINE``) match a plain
  ``eventwire process`` of the whole file. A file that shrank was replaced: it is read again from
  the start (articles already stored are skipped, by content id);
* **any other file** is processed when it is new or its size or mtime changed, once it has been
  left alone for ``settle`` seconds (so a file still being copied is not read half-written).

The offset is saved only after the articles read are stored, so a watcher killed at any moment
re-reads at most the lines of the interrupted pass, whose articles the store then skips: a
restart neither reprocesses stored work nor misses anything. The actual work goes through
:func:`eventwire.runner.process` (the same path as ``eventwire process``).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .cli_options import db_option, published_option
from .errors import EventwireError
from .ingest import JSONL_SUFFIXES, iter_files, parse_jsonl_line, read_inputs, to_article
from .records import Article, Rejected
from .runner import Summary, process

if TYPE_CHECKING:
    from .pipeline import Pipeline

MAX_LINE_BYTES = 5_000_000
READ_CHUNK = 8 << 20  # bytes of a growing JSONL file handled per step


@dataclass(frozen=True, slots=True)
class PassResult:
    """What one pass over the directory did."""

    files: int  # files that had something new
    new_articles: int
    events: int
    rejected: int
    skipped: int


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def _jsonl_items(
    path: str, offset: int, lines: int, published: dt.date | None,
) -> tuple[list[Article | Rejected], int, int]:
    """Items of the complete lines after ``offset``; returns (items, new offset, new line count)."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        data = handle.read(READ_CHUNK)
    end = data.rfind(b"\n") + 1
    if end == 0:
        return [], offset, lines
    items: list[Article | Rejected] = []
    for raw_line in data[:end].splitlines(keepends=True):
        lines += 1
        where = f"{path}:{lines}"
        if len(raw_line) > MAX_LINE_BYTES:
            items.append(Rejected(where, "ingest", "E_TOO_LARGE", f"line {lines}: longer than the limit"))
        elif raw_line.strip():
            raw = parse_jsonl_line(raw_line, where, lines)
            items.append(raw if isinstance(raw, Rejected) else to_article(raw, published=published))
    return items, offset + end, lines


def _add(total: dict[str, int], summary: Summary) -> None:
    total["new"] += summary.new
    total["events"] += summary.events
    total["rejected"] += summary.n_rejected
    total["skipped"] += summary.skipped


def _grow_jsonl(
    path: str, store: Any, run: Callable[[list[Article | Rejected]], Summary],
    published: dt.date | None, total: dict[str, int],
) -> bool:
    from .store.merge_schema import set_watch_state, watch_state

    st = os.stat(path)
    state = watch_state(store, path)
    offset, lines = (state[0], state[1]) if state else (0, 0)
    if st.st_size < offset:  # replaced or truncated: start over (stored articles are skipped)
        offset, lines = 0, 0
    changed = False
    while offset < st.st_size:
        items, new_offset, new_lines = _jsonl_items(path, offset, lines, published)
        if new_offset == offset:
            break
        _add(total, run(items))
        offset, lines = new_offset, new_lines
        set_watch_state(store, path, offset, lines, st.st_size, st.st_mtime)
        changed = True
    return changed


def _whole_file(
    path: str, store: Any, run: Callable[[list[Article | Rejected]], Summary],
    published: dt.date | None, settle: float, total: dict[str, int],
) -> bool:
    from .store.merge_schema import set_watch_state, watch_state

    st = os.stat(path)
    state = watch_state(store, path)
    if state is not None and state[2] == st.st_size and state[3] == st.st_mtime:
        return False
    if time.time() - st.st_mtime < settle:
        return False  # still being written; next pass
    _add(total, run(list(read_inputs([path], published=published))))
    set_watch_state(store, path, st.st_size, 0, st.st_size, st.st_mtime)
    return True


def scan_once(
    directory: str | Path, store: Any, pipeline: Pipeline, *, published: dt.date | None = None,
    settle: float = 0.0,
) -> PassResult:
    """One pass over ``directory``: process what is new since the database last saw it."""
    from .store.merge_schema import ensure_schema

    ensure_schema(store)

    def run(items: list[Article | Rejected]) -> Summary:
        return process(items, store, make_pipeline=lambda: pipeline)

    total = {"new": 0, "events": 0, "rejected": 0, "skipped": 0}
    files = 0
    for path in _files(directory):
        try:
            if _is_jsonl(path):
                changed = _grow_jsonl(path, store, run, published, total)
            else:
                changed = _whole_file(path, store, run, published, settle, total)
        except FileNotFoundError:
            continue  # removed between listing and reading
        files += int(changed)
    return PassResult(files, total["new"], total["events"], total["rejected"], total["skipped"])


def _files(directory: str | Path) -> Iterator[str]:
    return iter_files(os.path.abspath(str(directory)))


def watch(
    directory: str | Path, store: Any, pipeline: Pipeline, *, interval: float = 5.0,
    published: dt.date | None = None, once: bool = False, settle: float = 2.0,
    on_pass: Callable[[PassResult], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> PassResult:
    """Scan ``directory`` every ``interval`` seconds until stopped (or once); returns the totals."""
    totals = PassResult(0, 0, 0, 0, 0)
    while True:
        result = scan_once(directory, store, pipeline, published=published, settle=0.0 if once else settle)
        totals = PassResult(*(a + b for a, b in zip(_astuple(totals), _astuple(result))))
        if on_pass is not None:
            on_pass(result)
        if once or (should_stop is not None and should_stop()):
            return totals
        time.sleep(interval)


def _astuple(p: PassResult) -> tuple[int, ...]:
    return (p.files, p.new_articles, p.events, p.rejected, p.skipped)


# --- command line ------------------------------------------------------------------------------


@click.command("watch")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@db_option
@click.option("--interval", type=click.FloatRange(min=0.1), default=5.0, show_default=True,
              help="Seconds between passes.")
@click.option("--once", is_flag=True, help="Make one pass and exit.")
@click.option("--merge", "do_merge", is_flag=True, help="Run the merge step after each pass with new articles.")
@published_option
def watch_command(directory: str, db: str, interval: float, once: bool, do_merge: bool,
                  published: dt.date | None) -> None:
    """Process files in DIRECTORY as they appear, and JSONL files as they grow.

    Restart-safe: what was processed is remembered in the database (byte offsets per file).
    Stop with Ctrl-C.

    Example: eventwire watch incoming/ --db eventwire.db --interval 10
    """
    from .pipeline import Pipeline
    from .store import open_store
    from .store.merge_schema import merge_store

    def report(result: PassResult) -> None:
        if result.files or once:
            click.echo(f"{result.files} file(s) changed: {result.new_articles} new article(s), "
                       f"{result.events} event report(s), {result.rejected} rejected")
        if do_merge and result.new_articles:
            merge_store(store)

    try:
        with open_store(db) as store:
            watch(directory, store, Pipeline(), interval=interval, published=published, once=once,
                  on_pass=report)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e


__all__ = ["PassResult", "scan_once", "watch", "watch_command"]
