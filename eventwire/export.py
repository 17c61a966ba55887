"""Exports analysts' tools read (ACLED-layout CSV, GeoJSON, Parquet, JSONL) and JSONL re-import.

Every writer streams: records go out one at a time (Parquet in column batches of
:data:`PARQUET_BATCH` rows), so exporting a million events never holds them all in memory.

CSV / Parquet columns: ACLED's layout, then eventwire's own (:data:`COLUMNS`):

| column | from |
|---|---|
| ``event_id_cnty`` | ISO 3166 alpha-3 of the place + the eventwire id (``IRQ966b9e75db0d3f58``; ``XXX`` when the country is unknown) |
| ``event_date``, ``year`` | earliest date (ISO ``YYYY-MM-DD``) and its year |
| ``time_precision`` | 1 day, 2 week (also a date that only defaulted to the publication day), 3 month or year |
| ``event_type``, ``sub_event_type`` | the ACLED crosswalk (:mod:`eventwire.crosswalk`) |
| ``actor1``, ``actor2`` | canonical actor and recipient names |
| ``assoc_actor_1``, ``assoc_actor_2`` | merged events: other actor / recipient names its reports give, ``; ``-separated |
| ``inter1``, ``inter2`` | ACLED inter codes from the actor type: 1 state forces / government, 2 rebel group (also terrorist group), 3 political militia, 4 identity militia, 5 rioters (protesters in a Riots event), 6 protesters, 7 civilians, 8 external / other (international, media, other); empty without an actor |
| ``interaction`` | the two inter codes, lower first (``17``); one actor: its code then 0 (``20``) |
| ``country``, ``iso`` | country name and ISO 3166 numeric code (pycountry) |
| ``admin1``, ``admin2``, ``location``, ``latitude``, ``longitude`` | the resolved place |
| ``geo_precision`` | 1 point, 2 admin2, 3 admin1 / region / country |
| ``source`` | outlet(s), ``; ``-separated (the article title when the outlet is unknown) |
| ``notes`` | a generated one-line summary: type (mode) by actor against recipient at place |
| ``fatalities`` | stated deaths (merged: the best estimate); **empty when no source states it**, never 0 by default |
| ``status``, ``confidence`` | eventwire's status and confidence |
| ``evidence`` | the evidence sentence(s) as ``[article_id#sentence] text``, `` | ``-separated |
| ``eventwire_id``, ``n_sources``, ``fatalities_low``, ``fatalities_high`` | id, corroborating outlets, toll range |

GeoJSON: a FeatureCollection with one Point per event (``null`` geometry when unplaced) and the
columns above as properties. JSONL: one full record per line: a ``Report`` (``{"event": {...},
"source": ..., "url": ..., "published": ..., "title": ...}``) or, with ``--merged``, a
``MergedEvent`` with every report. :func:`import_jsonl` reads either back into a store.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import click

from .cli_options import db_option, filter_options, require_db
from .errors import ConfigError, EventwireError, InputError
from .merge import MergedEvent, Report
from .records import Actor, Article, ArticleResult, Event, Place

FORMATS: tuple[str, ...] = ("csv", "jsonl", "geojson", "parquet")
PARQUET_HINT = "pip install 'eventwire[parquet]'"
PARQUET_BATCH = 100_000
COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "country", "iso", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision",
    "source", "notes", "fatalities", "status", "confidence", "evidence", "eventwire_id",
    "n_sources", "fatalities_low", "fatalities_high",
)
INTER: dict[str, int] = {
    "state forces": 1, "government": 1, "rebel group": 2, "terrorist group": 2,
    "political militia": 3, "identity militia": 4, "protesters": 6, "civilians": 7,
    "international": 8, "media": 8, "other": 8,
}
TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3, "year": 3}
GEO_PRECISION: dict[str, int] = {"point": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}


# --- rows --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Countries:
    """ISO lookups built once per export from pycountry: alpha-2 -> (name, alpha-3, numeric)."""

    by_alpha2: dict[str, tuple[str, str, int]]

    @classmethod
    def load(cls) -> Countries:
        import pycountry

        table = {c.alpha_2: (c.name, c.alpha_3, int(c.numeric)) for c in pycountry.countries}
        return cls(table)

    def get(self, alpha2: str | None) -> tuple[str | None, str, int | None]:
        found = self.by_alpha2.get(alpha2 or "")
        return (found[0], found[1], found[2]) if found else (alpha2, "XXX", None)


def inter_code(actor: Actor | None, event_type: str | None) -> int | None:
    if actor is None:
        return None
    if actor.type == "protesters" and event_type == "Riots":
        return 5
    return INTER.get(actor.type, 8)


def interaction(i1: int | None, i2: int | None) -> int | None:
    codes = sorted(c for c in (i1, i2) if c is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def _notes(kind: str, mode: str | None, actor: Actor | None, recipient: Actor | None, place: Place | None) -> str:
    text = kind + (f" ({mode})" if mode else "")
    if actor is not None:
        text += f" by {actor.name}"
    if recipient is not None:
        text += f" against {recipient.name}"
    if place is not None:
        text += f" at {place.name}"
    return text


def _evidence(event: Event) -> str:
    return f"[{event.article_id}#{event.evidence.sentence_index}] {event.evidence.sentence}"


def _time_precision(event: Event | None, precision: str | None) -> int | None:
    if event is not None and event.date is not None and event.date.text == "(publication date)":
        return 2
    return TIME_PRECISION.get(precision or "")


def _base_row(
    ident: str, day: dt.date | None, precision: int | None, acled: tuple[str | None, str | None],
    actors: tuple[Actor | None, Actor | None], place: Place | None, countries: Countries,
) -> list[Any]:
    actor, recipient = actors
    i1, i2 = inter_code(actor, acled[0]), inter_code(recipient, acled[0])
    name, alpha3, numeric = countries.get(place.country if place else None)
    return [
        alpha3 + ident, day.isoformat() if day else None, day.year if day else None, precision,
        acled[0], acled[1], actor.name if actor else None, None, i1,
        recipient.name if recipient else None, None, i2, interaction(i1, i2),
        name if place else None, numeric, place.admin1 if place else None,
        place.admin2 if place else None, place.name if place else None,
        place.lat if place else None, place.lon if place else None,
        GEO_PRECISION.get(place.precision) if place else None,
    ]


def report_row(report: Report, countries: Countries) -> list[Any]:
    """One report as a row of :data:`COLUMNS`."""
    e = report.event
    row = _base_row(
        e.id, e.date.earliest if e.date else None,
        _time_precision(e, e.date.precision if e.date else None),
        (e.acled_event_type, e.acled_sub_event_type), (e.actor, e.recipient), e.location, countries,
    )
    row += [
        report.source or report.title, _notes(e.type, e.mode, e.actor, e.recipient, e.location),
        e.fatalities, e.status, e.confidence, _evidence(e), e.id, 1, e.fatalities, e.fatalities,
    ]
    return row


def _assoc(names: Iterable[str], main: Actor | None) -> str | None:
    others = [n for n in dict.fromkeys(names) if main is None or n != main.name]
    return "; ".join(others) or None


def merged_row(m: MergedEvent, countries: Countries) -> list[Any]:
    """One merged event as a row of :data:`COLUMNS`."""
    first = m.reports[0].event if m.reports else None
    precision = None if m.date_precision is None else TIME_PRECISION.get(m.date_precision)
    row = _base_row(
        m.id, m.date_earliest, precision, (m.acled_event_type, m.acled_sub_event_type),
        (m.actor, m.recipient), m.location, countries,
    )
    row[7] = _assoc((r.event.actor.name for r in m.reports if r.event.actor), m.actor)
    row[10] = _assoc((r.event.recipient.name for r in m.reports if r.event.recipient), m.recipient)
    sources = "; ".join(dict.fromkeys(r.source or r.title or r.article_id for r in m.reports))
    row += [
        sources or None, _notes(m.type, m.mode, m.actor, m.recipient, m.location),
        m.fatalities.best, m.status, m.confidence,
        " | ".join(dict.fromkeys(_evidence(r.event) for r in m.reports)) if first else None,
        m.id, m.n_sources, m.fatalities.low, m.fatalities.high,
    ]
    return row


# --- writers -----------------------------------------------------------------------------------

Record = Report | MergedEvent


def _rows(records: Iterable[Record], countries: Countries) -> Iterator[list[Any]]:
    for r in records:
        yield merged_row(r, countries) if isinstance(r, MergedEvent) else report_row(r, countries)


def write_csv(records: Iterable[Record], out: IO[str], countries: Countries) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for row in _rows(records, countries):
        writer.writerow(row)
        n += 1
    return n


def write_jsonl(records: Iterable[Record], out: IO[str]) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r.to_dict(), ensure_ascii=False, allow_nan=False, separators=(",", ":")))
        out.write("\n")
        n += 1
    return n


def write_geojson(records: Iterable[Record], out: IO[str], countries: Countries) -> int:
    out.write('{"type":"FeatureCollection","features":[\n')
    n = 0
    for row in _rows(records, countries):
        lat, lon = row[18], row[19]
        geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        feature = {"type": "Feature", "id": row[27], "geometry": geometry, "properties": dict(zip(COLUMNS, row))}
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
        n += 1
    out.write("\n]}\n")
    return n


def parquet_schema() -> Any:
    """Typed Parquet columns (pyarrow schema) for :data:`COLUMNS`."""
    pa = _pyarrow()
    types = {
        "event_date": pa.date32(), "year": pa.int16(), "time_precision": pa.int8(),
        "inter1": pa.int8(), "inter2": pa.int8(), "interaction": pa.int16(), "iso": pa.int16(),
        "latitude": pa.float64(), "longitude": pa.float64(), "geo_precision": pa.int8(),
        "fatalities": pa.int64(), "confidence": pa.float32(), "n_sources": pa.int32(),
        "fatalities_low": pa.int64(), "fatalities_high": pa.int64(),
    }
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as e:
        raise ConfigError(f"Parquet export needs pyarrow: {PARQUET_HINT}", code="E_EXTRA") from e
    return pyarrow


def write_parquet(records: Iterable[Record], path: Path, countries: Countries) -> int:
    pa = _pyarrow()
    import pyarrow.parquet as pq

    schema = parquet_schema()
    date_col = COLUMNS.index("event_date")
    n = 0
    with pq.ParquetWriter(str(path), schema, compression="snappy") as writer:
        batch: list[list[Any]] = []
        for row in _rows(records, countries):
            batch.append(row)
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(_table(pa, schema, batch, date_col))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(_table(pa, schema, batch, date_col))
            n += len(batch)
    return n


def _table(pa: Any, schema: Any, batch: list[list[Any]], date_col: int) -> Any:
    columns = [list(col) for col in zip(*batch)] if batch else [[] for _ in COLUMNS]
    columns[date_col] = [dt.date.fromisoformat(d) if d else None for d in columns[date_col]]
    arrays = [pa.array(col, type=field.type) for col, field in zip(columns, schema)]
    return pa.Table.from_arrays(arrays, schema=schema)


def export(records: Iterable[Record], fmt: str, path: Path | str) -> int:
    """Write ``records`` to ``path`` (``-`` for stdout, not for parquet) in ``fmt``; return the count."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}", code="E_FORMAT")
    countries = Countries.load() if fmt != "jsonl" else Countries({})
    if fmt == "parquet":
        if str(path) == "-":
            raise ConfigError("Parquet cannot be written to stdout; give -o FILE", code="E_FORMAT")
        return write_parquet(records, Path(path), countries)
    writers: dict[str, Callable[[IO[str]], int]] = {
        "csv": lambda out: write_csv(records, out, countries),
        "jsonl": lambda out: write_jsonl(records, out),
        "geojson": lambda out: write_geojson(records, out, countries),
    }
    if str(path) == "-":
        return writers[fmt](sys.stdout)
    with open(path, "w", encoding="utf-8", newline="") as out:
        return writers[fmt](out)


# --- import ------------------------------------------------------------------------------------


def read_jsonl(path: Path | str) -> Iterator[Record]:
    """Records of an eventwire JSONL export (reports or merged events); InputError on a bad line."""
    with open(path, encoding="utf-8") as lines:
        for lineno, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                yield MergedEvent.from_dict(data) if "reports" in data else Report.from_dict(data)
            except (ValueError, TypeError, KeyError, AttributeError) as e:
                raise InputError(f"{path}:{lineno} is not an eventwire export record: {e}",
                                 code="E_JSONL") from e


def _results(reports: Sequence[Report], origin: str) -> list[ArticleResult]:
    """Reports grouped into one ArticleResult per article (imported articles carry no text)."""
    by_article: dict[str, list[Report]] = {}
    for r in reports:
        by_article.setdefault(r.article_id, []).append(r)
    out = []
    for article_id, group in by_article.items():
        head = group[0]
        article = Article(id=article_id, text="", title=head.title, url=head.url, source=head.source,
                          published=head.published, origin=f"{origin}#{article_id}")
        out.append(ArticleResult(article=article, events=tuple(r.event for r in group)))
    return out


def import_jsonl(path: Path | str, store: Any) -> dict[str, int]:
    """Store the records of a JSONL export; merged events keep their ids. Idempotent.

    Reports are grouped by article (an article is stored with all its events at once), so the
    file's records are held in memory while reading.
    """
    from .merge import LogEntry
    from .store.merge_schema import ensure_schema, save

    records = list(read_jsonl(path))
    merged = [r for r in records if isinstance(r, MergedEvent)]
    reports = [r for r in records if isinstance(r, Report)] + [x for m in merged for x in m.reports]
    articles = store.add_results(_results(reports, f"import:{path}"))
    if merged:
        ensure_schema(store)
        log = [LogEntry("import", m.id, detail=f"from {path}") for m in merged]
        save(store, merged, log)
    return {"records": len(records), "reports": len(reports), "new_articles": articles,
            "merged_events": len(merged)}


# --- command line ------------------------------------------------------------------------------


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True)
@click.option("--merged/--reports", default=False, show_default=True,
              help="Export merged events (run 'eventwire merge' first) or single reports.")
@click.option("-o", "--output", default="-", show_default=True, help="Output file ('-' for stdout).")
@filter_options
def export_command(db: str, fmt: str, merged: bool, output: str, type_: str | None, **filters: Any) -> None:
    """Export events as ACLED-layout CSV, GeoJSON, Parquet or JSONL (full records).

    Example: eventwire export --format csv --merged --country IQ -o iraq.csv
    """
    from .store import open_store
    from .store.merge_schema import ensure_schema, merged_events, reports

    require_db(db)
    query = {**filters, "type": type_.upper() if type_ else None}
    try:
        with open_store(db) as store:
            if merged:
                ensure_schema(store)
            found = merged_events(store, **query) if merged else reports(store, **query)
            n = export(found, fmt, output)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    if output != "-":
        click.echo(f"wrote {n} {'merged event' if merged else 'report'}(s) to {output}", err=True)


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--db", default="eventwire.db", show_default=True, help="SQLite file path, or a postgresql:// URL.")
def import_command(path: str, db: str) -> None:
    """Load a JSONL export (reports or merged events) into a database.

    Example: eventwire import events.jsonl --db other.db
    """
    from .store import open_store

    try:
        with open_store(db) as store:
            counts = import_jsonl(path, store)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    click.echo(
        f"read {counts['records']} record(s): {counts['reports']} report(s), "
        f"{counts['new_articles']} new article(s), {counts['merged_events']} merged event(s)"
    )


__all__ = [
    "COLUMNS", "FORMATS", "INTER", "Countries", "export", "export_command", "import_command",
    "import_jsonl", "inter_code", "interaction", "merged_row", "parquet_schema", "read_jsonl",
    "report_row",
]
