"""``eventwire report``: a situation report on the merged events of a period, as HTML, Markdown or PDF.

The command merges any stored reports not yet merged (the same incremental step as ``eventwire
merge``), so it gives a complete picture right after ``eventwire process``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

import click

from eventwire.cli_options import db_option, parse_country, parse_date, require_db
from eventwire.errors import EventwireError
from eventwire.report.data import TOP_EVENTS

if TYPE_CHECKING:
    from eventwire.report.data import SituationReport

SUFFIXES = {".md": "md", ".markdown": "md", ".pdf": "pdf", ".html": "html", ".htm": "html"}


@click.command("report")
@db_option
@click.option("--since", callback=parse_date, metavar="YYYY-MM-DD",
              help="First day of the period (alone: the 7 days from then).")
@click.option("--until", callback=parse_date, metavar="YYYY-MM-DD",
              help="Last day of the period (alone: the 7 days up to then). Default: the latest event date.")
@click.option("--country", callback=parse_country,
              help="Only events in this country (ISO code, 2 or 3 letters).")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "pdf"]),
              help="Output format (default: from the extension of -o, else html).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; Markdown also writes STEM_map.png and STEM_timeline.png beside it.")
@click.option("--top", type=click.IntRange(1, 100), default=TOP_EVENTS, show_default=True,
              help="How many top events to describe in full.")
def report_command(db: str, since: dt.date | None, until: dt.date | None, country: str | None,
                   fmt: str | None, output: Path, top: int) -> None:
    """Write a situation report: headline numbers, changes since the previous period, a map,
    events per day, and the top events with their evidence.

    The default period is the 7 days ending at the latest event date in the database; the
    previous period is the same number of days just before.

    Example: eventwire report --since 2015-11-06 --until 2015-11-12 --format html -o week45.html
    """
    from eventwire.store.query import country_alpha2

    if since is not None and until is not None and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}", param_hint="--since")
    require_db(db)
    if not output.parent.is_dir():
        raise click.BadParameter(f"directory {output.parent} does not exist", param_hint="-o")
    fmt = fmt or SUFFIXES.get(output.suffix.lower(), "html")
    _check_extras(fmt)
    try:
        iso2 = country_alpha2(country) if country else None
        report, merged = _build(db, since, until, iso2, top)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    if merged:
        click.echo(f"merged {merged} new report(s) into events first", err=True)
    from eventwire.report.render import write_report

    try:
        written = write_report(report, fmt, output)
    except OSError as e:
        raise click.ClickException(f"cannot write {output}: {e}") from e
    click.echo(
        f"wrote {fmt} report of {len(report.events)} event(s), {report.period.since} to "
        f"{report.period.until}, to {', '.join(str(p) for p in written)}"
    )


def _check_extras(fmt: str) -> None:
    from eventwire.report.charts import require_matplotlib
    from eventwire.report.render import PDF_HINT

    try:
        require_matplotlib()
    except ImportError as e:
        raise click.ClickException(str(e)) from e
    if fmt == "pdf":
        try:
            import weasyprint  # noqa: F401
        except (ImportError, OSError) as e:
            raise click.ClickException(f"PDF output needs WeasyPrint: {PDF_HINT} ({e})") from e


def _build(db: str, since: dt.date | None, until: dt.date | None, iso2: str | None,
           top: int) -> tuple[SituationReport, int]:
    """Merge what is unmerged, pick the period, read both periods' events, sum them up."""
    from eventwire.report import data
    from eventwire.store import open_store
    from eventwire.store.merge_schema import merge_store

    now = dt.datetime.now(dt.timezone.utc)
    with open_store(db) as store:
        merged = merge_store(store)["reports"]
        latest = data.latest_event_day(store, iso2, now.date())
        period, default = data.choose_period(since, until, latest, now.date())
        events = data.select(store, period, iso2)
        before = data.select(store, period.previous(), iso2)
        counts = data.database_counts(store)
    report = data.build(events, before, period=period, default_period=default, country=iso2,
                        database=_shown(db), generated=now, counts=counts, merged_now=merged, top=top)
    return report, merged


def _shown(db: str) -> str:
    """The database as the report names it: a file path, or a URL without its password."""
    parts = urlsplit(db)
    if parts.scheme and parts.password:
        host = parts.hostname or ""
        netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
        return urlunsplit(parts._replace(netloc=netloc))
    return db
