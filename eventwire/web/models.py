"""Request and response shapes of the HTTP API (pydantic: they make the OpenAPI schema).

Records inside eventwire are frozen dataclasses; these models exist only at the HTTP edge and
mirror the JSON that :mod:`eventwire.web.views` builds. Field meanings are in docs/api.md.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SpanKind = Literal["evidence", "trigger", "actor", "recipient", "place", "date"]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    backend: Literal["sqlite", "postgresql"]
    articles: int
    events: int = Field(description="Event reports (one per sentence per article).")
    merged_events: int = Field(description="Real-world events after merging reports.")


class ActorOut(BaseModel):
    name: str = Field(description="Canonical name, e.g. 'Islamic State'.")
    text: str = Field(description="As written in the article.")
    type: str
    country: str | None = Field(description="ISO 3166-1 alpha-3 of the actor's home, if known.")


class PlaceOut(BaseModel):
    name: str
    text: str
    country: str | None = Field(description="ISO 3166-1 alpha-2.")
    lat: float | None
    lon: float | None
    precision: str = Field(description="point, admin2, admin1, region or country.")
    feature: str | None = Field(description="GeoNames feature code, e.g. PPL, ADM1, PCLI.")


class Toll(BaseModel):
    best: int | None = Field(description="Lower median over the articles that state a figure.")
    low: int | None
    high: int | None


class EventSummary(BaseModel):
    id: str
    type: str = Field(description="PLOVER type, e.g. ASSAULT.")
    mode: str | None
    family: str
    status: str
    statuses: list[str]
    uncertain: bool = Field(description="True when the status is not 'occurred'.")
    actor: ActorOut | None
    recipient: ActorOut | None
    place: PlaceOut | None
    date_earliest: str | None = Field(description="YYYY-MM-DD")
    date_latest: str | None = Field(description="YYYY-MM-DD")
    date_precision: str | None
    fatalities: Toll
    injuries: Toll
    confidence: float
    n_reports: int
    n_articles: int
    n_sources: int
    sources: list[str]
    acled_event_type: str | None
    acled_sub_event_type: str | None
    cameo_root: str | None
    headline: str = Field(description="The evidence sentence of the first report.")


class Span(BaseModel):
    kind: SpanKind
    start: int = Field(description="Character offset into the article's text.")
    end: int
    text: str = Field(description="The article text from start to end.")


class ArticleSpan(Span):
    event_id: str = Field(description="The event report this span belongs to.")


class EvidenceOut(BaseModel):
    sentence: str
    start: int
    end: int
    sentence_index: int


class ReportOut(BaseModel):
    event_id: str
    article_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    status: str
    attribution: str | None
    quote: str | None
    weapon: str | None
    confidence: float
    fatalities: int | None
    injuries: int | None
    evidence: EvidenceOut
    spans: list[Span]


class EventDetail(EventSummary):
    reports: list[ReportOut]


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters, on all pages.")
    page: int
    page_size: int
    items: list[EventSummary]


class ArticleEvent(BaseModel):
    id: str
    merged_id: str | None
    type: str
    status: str


class ArticleOut(BaseModel):
    id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    text: str
    spans: list[ArticleSpan]
    events: list[ArticleEvent]


class DayCount(BaseModel):
    date: str
    type: str
    count: int


class ActorCount(BaseModel):
    name: str
    count: int


class Stats(BaseModel):
    total: int
    by_day: list[DayCount]
    by_type: dict[str, int]
    by_country: dict[str, int]
    by_actor: list[ActorCount]


class ArticleIn(BaseModel):
    """A news article to process: exactly one of ``text`` and ``html``."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain article text (headline and boilerplate are removed).")
    html: str | None = Field(None, description="A web page; its main text is extracted.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=4000)
    source: str | None = Field(None, max_length=500, description="Outlet name, e.g. 'Example Wire'.")
    published: str | None = Field(None, max_length=64, description="Publication date, YYYY-MM-DD.",
                                  examples=["2015-11-13"])


class Submitted(BaseModel):
    article_id: str
    events: list[str] = Field(description="Ids of the event reports found in the article.")
    merged_events: list[str] = Field(description="Ids of the merged events those reports belong to.")


class ErrorInfo(BaseModel):
    status: int
    code: str
    message: str
    detail: Any = None


class ErrorOut(BaseModel):
    error: ErrorInfo


__all__ = [
    "ActorCount", "ActorOut", "ArticleEvent", "ArticleIn", "ArticleOut", "ArticleSpan", "DayCount",
    "ErrorInfo", "ErrorOut", "EventDetail", "EventPage", "EventSummary", "EvidenceOut", "Health",
    "PlaceOut", "ReportOut", "Span", "Stats", "Submitted", "Toll",
]
