"""Typed, immutable records that flow through the pipeline.

Data flows one way::

    raw item --ingest--> Article --nlp--> Sentence[] --mentions--> Actor / Place / TimeRef / Number
             \\                                                        |
              +--> Rejected (any stage)                    events --> Event[] --> store

Every record is a frozen dataclass with ``to_dict`` / ``from_dict`` that round-trip exactly
through JSON. Character offsets (``start``, ``end``) always index ``Article.text``.
"""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, fields
from typing import Any, ClassVar, TypeVar

T = TypeVar("T", bound="Record")

# --- vocabularies -------------------------------------------------------------------------

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = (
    "occurred", "attempted", "threatened", "planned", "claimed",
    "suspected", "denied", "negated", "hypothetical",
)
ACTOR_TYPES: tuple[str, ...] = (
    "state forces", "government", "rebel group", "political militia", "identity militia",
    "terrorist group", "civilians", "protesters", "international", "media", "other",
)
PLACE_PRECISIONS: tuple[str, ...] = ("point", "admin2", "admin1", "country", "region")
TIME_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year")
MENTION_KINDS: tuple[str, ...] = ("actor", "place", "time", "number", "quote")


class Record:
    """Mixin: JSON-safe ``to_dict`` / ``from_dict`` for frozen dataclasses.

    Nested records are rebuilt from the field types listed in ``_nested``; dates are ISO strings.
    """

    __slots__ = ()
    _nested: ClassVar[dict[str, type[Record]]] = {}
    _dates: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, Record):
                value = value.to_dict()
            elif isinstance(value, tuple):
                value = [v.to_dict() if isinstance(v, Record) else v for v in value]
            elif isinstance(value, dt.date):
                value = value.isoformat()
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        kwargs: dict[str, Any] = {}
        names = _field_names(cls)  # type: ignore[arg-type]
        for name, value in data.items():
            if name not in names:
                continue
            nested = cls._nested.get(name)
            if nested is not None and value is not None:
                if isinstance(value, list):
                    value = tuple(nested.from_dict(v) for v in value)
                else:
                    value = nested.from_dict(value)
            elif isinstance(value, list):
                value = tuple(value)
            elif name in cls._dates and isinstance(value, str):
                value = dt.date.fromisoformat(value)
            kwargs[name] = value
        return cls(**kwargs)

    def replace(self: T, **changes: Any) -> T:
        return dataclasses.replace(self, **changes)  # type: ignore[type-var]


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    """Field names of a record class (computed once per class: from_dict is on the read path)."""
    return frozenset(f.name for f in fields(cls))


def content_id(*parts: str, length: int = 16) -> str:
    """Stable hex id from content: the same input always yields the same id."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:length]


# --- input ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One cleaned news article. ``id`` is a hash of the normalised main text."""

    id: str
    text: str  # main text only: no title, no standfirst, no boilerplate
    title: str | None = None
    summary: str | None = None  # standfirst / dek
    url: str | None = None
    source: str | None = None  # outlet, e.g. "The Independent"
    published: dt.date | None = None
    origin: str | None = None  # where it was read from: path, "path:line", "-"
    language: str = "en"

    _dates: ClassVar[tuple[str, ...]] = ("published",)


@dataclass(frozen=True, slots=True)
class Rejected(Record):
    """An input item that could not be processed, and why. Stored and counted, never raised."""

    item: str  # path, "path:line" or article id
    stage: str  # ingest | clean | nlp | events | store
    code: str  # stable machine code, e.g. "E_EMPTY"
    reason: str  # human sentence


@dataclass(frozen=True, slots=True)
class Sentence(Record):
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """A span of ``Article.text`` of some kind, before or without resolution."""

    kind: str  # one of MENTION_KINDS
    text: str
    start: int
    end: int
    sentence: int = -1
    label: str | None = None  # e.g. spaCy entity label or a lexicon tag


# --- resolved mentions ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Actor(Record):
    """A resolved actor: canonical name plus the text as written."""

    name: str  # canonical, e.g. "Islamic State"
    text: str  # as written, e.g. "Isis"
    type: str = "other"  # one of ACTOR_TYPES
    country: str | None = None  # ISO 3166-1 alpha-3 of the actor's home, if any
    start: int = -1
    end: int = -1
    actor_id: str | None = None  # dictionary key, None for NER fallback


@dataclass(frozen=True, slots=True)
class Place(Record):
    """A toponym resolved (or not) to GeoNames."""

    text: str  # as written
    name: str  # canonical (GeoNames) name
    start: int = -1
    end: int = -1
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # name of first-order division
    admin2: str | None = None
    precision: str = "point"  # one of PLACE_PRECISIONS
    feature: str | None = None  # GeoNames feature code, e.g. "PPL", "ADM1", "PCLI", or "REGION"


@dataclass(frozen=True, slots=True)
class TimeRef(Record):
    """A time expression and its resolution against the publication date.

    ``value`` is ISO-like: ``2015-11-11``, ``2015-W45``, ``2015-11``, ``2015``; ``None`` when it
    cannot be resolved (e.g. "on Thursday" with no publication date). ``earliest``/``latest`` give
    the covered day range when resolved.
    """

    text: str
    value: str | None
    precision: str | None = None  # one of TIME_PRECISIONS, None when unresolved
    start: int = -1
    end: int = -1
    earliest: dt.date | None = None
    latest: dt.date | None = None
    timex_type: str = "DATE"  # DATE | TIME | DURATION | SET

    _dates: ClassVar[tuple[str, ...]] = ("earliest", "latest")


@dataclass(frozen=True, slots=True)
class Number(Record):
    """A quantity attached to a role: killed, wounded, force size, count of places taken."""

    role: str  # killed | wounded | kidnapped | arrested | force | count
    value: int
    text: str
    start: int = -1
    end: int = -1
    approximate: bool = False


# --- events -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence(Record):
    article_id: str
    sentence_index: int
    start: int  # sentence offsets in Article.text
    end: int
    sentence: str
    trigger: str = ""
    trigger_start: int = -1
    trigger_end: int = -1


@dataclass(frozen=True, slots=True)
class Event(Record):
    """One event report: what one sentence of one article says happened."""

    id: str
    article_id: str
    type: str  # PLOVER type
    mode: str | None
    actor: Actor | None
    recipient: Actor | None
    location: Place | None
    date: TimeRef | None
    status: str  # one of STATUSES
    evidence: Evidence
    fatalities: int | None = None
    injuries: int | None = None
    numbers: tuple[Number, ...] = ()
    weapon: str | None = None  # instrument as written, e.g. "car bomb", "machetes"
    attribution: str | None = None  # who says so, e.g. "the coalition in a statement"
    quote: str | None = None  # quoted text carrying the claim
    confidence: float = 0.5
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    cameo_root: str | None = None

    _nested: ClassVar[dict[str, builtins.type[Record]]] = {
        "actor": Actor, "recipient": Actor, "location": Place, "date": TimeRef,
        "evidence": Evidence, "numbers": Number,
    }


@dataclass(frozen=True, slots=True)
class ArticleResult(Record):
    """Everything the per-article stages produced for one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    events: tuple[Event, ...] = ()

    _nested: ClassVar[dict[str, type[Record]]] = {
        "article": Article, "sentences": Sentence, "actors": Actor, "places": Place,
        "times": TimeRef, "events": Event,
    }


__all__ = [
    "Actor", "Article", "ArticleResult", "Event", "Evidence", "Mention", "Number", "Place",
    "Record", "Rejected", "Sentence", "TimeRef", "content_id",
    "PLOVER_TYPES", "STATUSES", "ACTOR_TYPES", "PLACE_PRECISIONS", "TIME_PRECISIONS",
]
