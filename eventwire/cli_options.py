"""Click options shared by several commands (events, export, process, extract, watch).

One place for parsing dates, --near and --country, for the database option, and for the event
filters, so every command accepts and rejects the same values with the same messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

DEFAULT_DB = "eventwire.db"
F = TypeVar("F", bound=Callable[..., Any])


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def parse_near(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    from .errors import StoreError
    from .store.query import parse_near as parse_near_text

    try:
        return parse_near_text(value)
    except StoreError as e:
        raise click.BadParameter(str(e.args[0])) from None


def parse_country(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import pycountry

    code = value.upper()
    if (len(code) == 2 and pycountry.countries.get(alpha_2=code)) or (len(code) == 3 and pycountry.countries.get(alpha_3=code)):
        return code
    raise click.BadParameter(f"{value!r} is not an ISO 3166 country code (e.g. IQ or IRQ)")


def require_db(db: str) -> None:
    """Reading commands never create an empty database by accident."""
    if not db.startswith(("postgres://", "postgresql://")) and not Path(db).exists():
        raise click.ClickException(f"no database at {db}; run 'eventwire process' first")


db_option = click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite file path, or a postgresql:// URL.")
published_option = click.option(
    "--published", callback=parse_date, metavar="YYYY-MM-DD",
    help="Publication date for inputs that carry none (relative dates resolve against it).",
)


def filter_options(func: F) -> F:
    """--type --actor --country --since --until --near --limit, as ``events`` and ``export`` take them."""
    options = [
        click.option("--type", "type_", help="PLOVER type, e.g. ASSAULT."),
        click.option("--actor", help="Actor or recipient name (substring, case-insensitive)."),
        click.option("--country", callback=parse_country, help="ISO country code of the location (2 or 3 letters)."),
        click.option("--since", callback=parse_date, metavar="YYYY-MM-DD"),
        click.option("--until", callback=parse_date, metavar="YYYY-MM-DD"),
        click.option("--near", callback=parse_near, metavar="LAT,LON,KM"),
        click.option("--limit", type=click.IntRange(min=0), default=None),
    ]
    for option in reversed(options):
        func = option(func)
    return func
