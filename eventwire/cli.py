"""The ``eventwire`` command line: thin commands over library functions.

Exit codes: 0 success, 1 some inputs were rejected (the rest was processed), 2 usage error.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import importlib
import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from .cli_options import db_option, filter_options, published_option, require_db
from .errors import EventwireError
from .records import Event, Rejected

EVAL_TASKS = ("extract", "muc4", "plover", "police", "geoparse", "timex", "merge")


actors_option = click.option(
    "--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra actor dictionary TSV (same columns as the bundled one); repeatable.",
)


@click.group()
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: raw news articles in, evidenced conflict-event data out."""


# --- process --------------------------------------------------------------------------------


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@published_option
@actors_option
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a dask.distributed cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default with --executor dask: a LocalCluster).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def process(inputs: tuple[str, ...], db: str, published: dt.date | None, actor_files: tuple[str, ...],
            workers: int, executor: str, scheduler: str | None, as_json: bool) -> None:
    """Read INPUTS (files, directories, .jsonl, '-' for stdin), extract events, store them.

    Articles already in the database are skipped, so an interrupted run can simply be
    started again.

    Example: eventwire process examples/ --db eventwire.db
    """
    from .ingest import read_inputs
    from .pipeline import Pipeline
    from .runner import process as run
    from .store import open_store

    missing = [p for p in inputs if p != "-" and not Path(p).exists()]
    if missing:
        raise click.BadParameter(f"no such file or directory: {', '.join(missing)}", param_hint="INPUTS")
    make_pipeline = functools.partial(Pipeline, actor_files=tuple(Path(p) for p in actor_files))
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    try:
        with open_store(db) as store, _progress() as tick:
            summary = run(read_inputs(inputs, published=published), store, make_pipeline=make_pipeline,
                          workers=workers, on_item=tick, executor=executor, scheduler=scheduler)
            stats = store.stats()
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps({**summary.to_dict(), "database": stats}, default=str))
    else:
        _print_summary(summary.to_dict(), stats, db)
    if summary.n_rejected:
        sys.exit(1)


def _print_summary(summary: dict[str, Any], stats: dict[str, Any], db: str) -> None:
    click.echo(
        f"read {summary['read']} item(s): {summary['new']} new article(s), "
        f"{summary['skipped']} already stored, {summary['rejected']} rejected; "
        f"{summary['events']} event report(s) in {summary['seconds']:.1f}s"
    )
    for code, n in sorted(summary["rejected_by_code"].items()):
        click.echo(f"  rejected {code}: {n}")
    totals = ", ".join(f"{k} {v}" for k, v in stats.items() if isinstance(v, int))
    click.echo(f"database {db}: {totals}")
    by_type = stats.get("events_by_type") or {}
    if by_type:
        click.echo("events by type: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))


def _rate_column():  # type: ignore[no-untyped-def]
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task):  # type: ignore[no-untyped-def]
            return Text(f"{task.speed:.1f} items/s" if task.speed else "")

    return RateColumn()


class _progress:
    """A rich progress bar with rate on stderr when it is a terminal; silent otherwise."""

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.bar = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self.bar = Progress(
                SpinnerColumn(), TextColumn("{task.completed} items"), _rate_column(),
                TimeElapsedColumn(), console=Console(stderr=True), transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task("process", total=None)
        return self.tick

    def tick(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


# --- extract --------------------------------------------------------------------------------


@main.command()
@click.argument("input_path", metavar="INPUT")
@published_option
@actors_option
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json", show_default=True)
def extract(input_path: str, published: dt.date | None, actor_files: tuple[str, ...], fmt: str) -> None:
    """Print the events of INPUT without touching a database.

    Example: eventwire extract article.txt --published 2015-11-12 --format table
    """
    from .ingest import read_inputs
    from .pipeline import Pipeline

    pipeline = Pipeline(actor_files=tuple(Path(p) for p in actor_files))
    events: list[Event] = []
    rejected: list[Rejected] = []
    for item in read_inputs([input_path], published=published):
        result = item if isinstance(item, Rejected) else pipeline(item)
        if isinstance(result, Rejected):
            rejected.append(result)
        else:
            events.extend(result.events)
    _emit_events(events, fmt)
    for r in rejected:
        click.echo(f"rejected {r.item}: [{r.code}] {r.reason}", err=True)
    if rejected:
        sys.exit(1)


# --- events ---------------------------------------------------------------------------------


@main.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True)
def events(db: str, type_: str | None, actor: str | None, country: str | None, since: dt.date | None,
           until: dt.date | None, near: tuple[float, float, float] | None, limit: int | None, fmt: str) -> None:
    """Query stored events.

    Example: eventwire events --type ASSAULT --country IQ --since 2015-11-01 --format csv
    """
    from .store import open_store

    require_db(db)
    try:
        with open_store(db) as store:
            found = list(store.events(type=type_.upper() if type_ else None, actor=actor, country=country,
                                      since=since, until=until, near=near, limit=limit))
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    _emit_events(found, fmt)


# --- output ---------------------------------------------------------------------------------


def event_view(e: Event) -> dict[str, Any]:
    """The public JSON shape of an event: the full record."""
    return e.to_dict()


FLAT_COLUMNS = (
    "id", "date", "type", "mode", "actor", "recipient", "location", "country", "lat", "lon",
    "fatalities", "status", "attribution", "confidence", "acled", "sentence",
)


def flat_row(e: Event) -> dict[str, Any]:
    loc, date = e.location, e.date
    return {
        "id": e.id, "date": date.value if date else None, "type": e.type, "mode": e.mode,
        "actor": e.actor.name if e.actor else None,
        "recipient": e.recipient.name if e.recipient else None,
        "location": loc.name if loc else None, "country": loc.country if loc else None,
        "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
        "fatalities": e.fatalities, "status": e.status, "attribution": e.attribution,
        "confidence": e.confidence, "acled": e.acled_sub_event_type,
        "sentence": e.evidence.sentence,
    }


def _emit_events(found: Iterable[Event], fmt: str) -> None:
    found = list(found)
    if fmt == "json":
        click.echo(json.dumps([event_view(e) for e in found], ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for e in found:
            click.echo(json.dumps(event_view(e), ensure_ascii=False))
    elif fmt == "csv":
        buf = io.StringIO()
        rows = [flat_row(e) for e in found]
        writer = csv.DictWriter(buf, fieldnames=list(FLAT_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buf.getvalue(), nl=False)
    else:
        _table(found)


def _table(found: list[Event]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True)
    for col in ("date", "type", "actor", "recipient", "location", "dead", "status", "evidence"):
        table.add_column(col, overflow="fold")
    for e in found:
        r = flat_row(e)
        where = f"{r['location']} ({r['country']})" if r["location"] else ""
        table.add_row(
            str(r["date"] or ""), f"{e.type}" + (f" ({e.mode})" if e.mode else ""),
            str(r["actor"] or ""), str(r["recipient"] or ""), where,
            "" if e.fatalities is None else str(e.fatalities), e.status,
            e.evidence.sentence[:160],
        )
    Console(width=200 if not sys.stdout.isatty() else None).print(table)
    click.echo(f"{len(found)} event(s)")


# --- evaluate -------------------------------------------------------------------------------


class _LazyEvaluate(click.Group):
    """Task commands live in eventwire.evaluate.<task>; import them only when used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [t for t in EVAL_TASKS if self._load(t) is not None]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        if name not in EVAL_TASKS:
            return None
        try:
            module = importlib.import_module(f"eventwire.evaluate.{name}")
        except ModuleNotFoundError:
            return None
        command = getattr(module, "command", None)
        return command if isinstance(command, click.Command) else None


@main.group(cls=_LazyEvaluate)
def evaluate() -> None:
    """Score eventwire on a gold set; --format json prints one JSON object.

    Example: eventwire evaluate extract --data ../shared/datasets/article-extraction --format json
    """


def _register_extensions() -> None:
    """Commands that live beside their library code (merge, export/import, watch)."""
    from .export import export_command, import_command
    from .merge import merge_command
    from .watch import watch_command

    for command in (merge_command, export_command, import_command, watch_command):
        main.add_command(command)
    main.add_command(importlib.import_module("eventwire.report.command").report_command)
    main.add_command(importlib.import_module("eventwire.web.serve").serve_command)


_register_extensions()


if __name__ == "__main__":
    main()
