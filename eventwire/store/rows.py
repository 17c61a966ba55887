"""Records to rows and back.

The columns of ``events`` and ``actors`` are a queryable projection; the ``record`` column holds
the whole Event as JSON so that ``Event.from_dict`` rebuilds it exactly. Article fields are plain
columns; the article's sentences, actors, places and times go into one JSON column, sentences as
``[index, start, end]`` when their text is the slice of the article text they point at.
"""

from __future__ import annotations

import json
from typing import Any

from eventwire.records import (
    Actor, Article, ArticleResult, Event, Place, Sentence, TimeRef,
)
from eventwire.store.schema import INT64_MAX, INT64_MIN, UNDATED, Dialect

ARTICLE_COLUMNS = (
    "id", "title", "summary", "url", "source", "published", "origin", "language", "text",
    "n_sentences", "mentions", "processed_at",
)
EVENT_COLUMNS = (
    "id", "article_id", "seq", "type", "mode", "status",
    "date_value", "date_precision", "date_earliest", "date_latest", "sort_date",
    "place", "geonameid", "country", "admin1", "lat", "lon", "place_precision",
    "actor", "recipient", "fatalities", "injuries", "confidence",
    "acled_event_type", "acled_sub_event_type", "cameo_root", "attribution",
    "sentence_index", "sentence_start", "sentence_end", "sentence",
    "trigger_text", "trigger_start", "trigger_end", "record",
)
ACTOR_COLUMNS = ("event_id", "role", "name", "text", "type", "country", "actor_id", "search")


def insert_sql(table: str, columns: tuple[str, ...], conflict: str) -> str:
    """Shared INSERT ... ON CONFLICT DO NOTHING statement (SQLite >= 3.24 and PostgreSQL)."""
    marks = ", ".join("?" for _ in columns)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) "
        f"ON CONFLICT ({conflict}) DO NOTHING"
    )


def dump_json(value: Any) -> str:
    """Compact JSON; NaN and infinities are refused (neither JSON nor PostgreSQL accept them)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def load_json(value: Any) -> Any:
    """SQLite returns JSON text; psycopg has already parsed PostgreSQL ``json`` columns."""
    return json.loads(value) if isinstance(value, (str, bytes)) else value


def clamp(value: int | None) -> int | None:
    if value is None or isinstance(value, bool) or not isinstance(value, int):
        return value
    return min(max(value, INT64_MIN), INT64_MAX)


def casefold(text: str | None) -> str:
    return (text or "").casefold()


# --- articles -------------------------------------------------------------------------------


def _sentence_item(sentence: Sentence, text: str) -> list[Any]:
    item: list[Any] = [sentence.index, sentence.start, sentence.end]
    if text[sentence.start:sentence.end] != sentence.text:
        item.append(sentence.text)
    return item


def _sentence_from(item: list[Any], text: str) -> Sentence:
    index, start, end = item[0], item[1], item[2]
    return Sentence(index, start, end, item[3] if len(item) > 3 else text[start:end])


def mentions_json(result: ArticleResult, stored_text: str) -> str:
    return dump_json({
        "sentences": [_sentence_item(s, stored_text) for s in result.sentences],
        "actors": [a.to_dict() for a in result.actors],
        "places": [p.to_dict() for p in result.places],
        "times": [t.to_dict() for t in result.times],
    })


def article_row(result: ArticleResult, dialect: Dialect, now: Any) -> tuple[Any, ...]:
    a = result.article
    text = dialect.clean_text(a.text)
    clean = dialect.clean_text
    return (
        a.id, clean(a.title), clean(a.summary), clean(a.url), clean(a.source),
        dialect.dump_date(a.published), clean(a.origin), clean(a.language), text,
        len(result.sentences), mentions_json(result, text or ""), dialect.dump_ts(now),
    )


def article_from_row(row: tuple[Any, ...], dialect: Dialect) -> Article:
    values = dict(zip(ARTICLE_COLUMNS, row))
    return Article(
        id=values["id"], text=values["text"], title=values["title"], summary=values["summary"],
        url=values["url"], source=values["source"],
        published=dialect.load_date(values["published"]), origin=values["origin"],
        language=values["language"],
    )


def result_from_row(
    row: tuple[Any, ...], dialect: Dialect, events: tuple[Event, ...],
) -> ArticleResult:
    article = article_from_row(row, dialect)
    mentions = load_json(row[ARTICLE_COLUMNS.index("mentions")])
    return ArticleResult(
        article=article,
        sentences=tuple(_sentence_from(s, article.text) for s in mentions["sentences"]),
        actors=tuple(Actor.from_dict(a) for a in mentions["actors"]),
        places=tuple(Place.from_dict(p) for p in mentions["places"]),
        times=tuple(TimeRef.from_dict(t) for t in mentions["times"]),
        events=events,
    )


# --- events ---------------------------------------------------------------------------------


def _date_columns(date: TimeRef | None, dialect: Dialect) -> tuple[Any, ...]:
    if date is None:
        return (None, None, None, None, dialect.dump_date(UNDATED))
    # A one-sided range is treated as a single day, so that window filters can use plain indexes.
    earliest = date.earliest or date.latest
    latest = date.latest or date.earliest
    return (
        dialect.clean_text(date.value), dialect.clean_text(date.precision),
        dialect.dump_date(earliest), dialect.dump_date(latest),
        dialect.dump_date(earliest or UNDATED),
    )


def _place_columns(place: Place | None, dialect: Dialect) -> tuple[Any, ...]:
    if place is None:
        return (None,) * 7
    clean = dialect.clean_text
    return (
        clean(place.name), clamp(place.geonameid), clean(place.country), clean(place.admin1),
        place.lat, place.lon, clean(place.precision),
    )


def _evidence_columns(event: Event, dialect: Dialect) -> tuple[Any, ...]:
    ev = event.evidence
    clean = dialect.clean_text
    return (
        clamp(ev.sentence_index), clamp(ev.start), clamp(ev.end), clean(ev.sentence),
        clean(ev.trigger), clamp(ev.trigger_start), clamp(ev.trigger_end),
    )


def event_row(event: Event, article_id: str, seq: int, dialect: Dialect) -> tuple[Any, ...]:
    """The row of one event report; ``article_id`` is the article it was stored with."""
    clean = dialect.clean_text
    return (
        event.id, article_id, seq, clean(event.type), clean(event.mode), clean(event.status),
        *_date_columns(event.date, dialect),
        *_place_columns(event.location, dialect),
        clean(event.actor.name if event.actor else None),
        clean(event.recipient.name if event.recipient else None),
        clamp(event.fatalities), clamp(event.injuries), event.confidence,
        clean(event.acled_event_type), clean(event.acled_sub_event_type), clean(event.cameo_root),
        clean(event.attribution),
        *_evidence_columns(event, dialect),
        dump_json(event.to_dict()),
    )


def actor_rows(event: Event, dialect: Dialect) -> list[tuple[Any, ...]]:
    clean = dialect.clean_text
    rows = []
    for role, actor in (("actor", event.actor), ("recipient", event.recipient)):
        if actor is None:
            continue
        search = clean(casefold(actor.name) + "\x1f" + casefold(actor.text))
        rows.append((
            event.id, role, clean(actor.name), clean(actor.text), clean(actor.type),
            clean(actor.country), clean(actor.actor_id), search,
        ))
    return rows


def event_from_record(value: Any) -> Event:
    return Event.from_dict(load_json(value))
