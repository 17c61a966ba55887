"""What a situation report says: the merged events of a period, summed up and compared.

A merged event belongs to a period when its reconciled date range overlaps the period (the same
rule as ``--since``/``--until`` everywhere else), so an event dated only to a week or a month is
counted in every period it overlaps; the report says how many such events there are. Undated
events belong to no period. Everything here is pure apart from :func:`select` and
:func:`latest_event_day`, which read the store.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventwire.merge import MergedEvent
from eventwire.store.merge_schema import ensure_schema
from eventwire.store.rows import load_json

DEFAULT_DAYS = 7
TOP_EVENTS = 10
MAX_INCREASES = 5
NO_COUNTRY = ""  # key for events at sea or without a country
ORGANISED = frozenset({
    "state forces", "government", "rebel group", "political militia", "identity militia",
    "terrorist group", "international",
})


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive range of days."""

    since: dt.date
    until: dt.date

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        end = self.since - dt.timedelta(days=1)
        return Period(end - dt.timedelta(days=self.days - 1), end)

    def overlaps(self, event: MergedEvent) -> bool:
        if event.date_earliest is None:
            return False
        latest = event.date_latest or event.date_earliest
        return latest >= self.since and event.date_earliest <= self.until

    def day_of(self, event: MergedEvent) -> dt.date:
        """The day an event is plotted on: its first day inside the period."""
        assert event.date_earliest is not None
        return max(event.date_earliest, self.since)

    def each_day(self) -> list[dt.date]:
        return [self.since + dt.timedelta(days=i) for i in range(self.days)]


def choose_period(since: dt.date | None, until: dt.date | None, latest: dt.date | None,
                  today: dt.date) -> tuple[Period, bool]:
    """The period from the options; True when it is the default (7 days to the latest event).

    ``--since`` alone gives the 7 days starting then, ``--until`` alone the 7 days ending then.
    """
    week = dt.timedelta(days=DEFAULT_DAYS - 1)
    if since is not None and until is not None:
        return Period(since, until), False
    if since is not None:
        return Period(since, since + week), False
    if until is not None:
        return Period(until - week, until), False
    end = latest or today
    return Period(end - week, end), True


# --- reading the store -------------------------------------------------------------------------


def latest_event_day(store: Any, country: str | None, today: dt.date) -> dt.date | None:
    """The last day of a day-precise merged event, else the last date at all.

    Not after today nor after the newest article's publication date: an event dated later is a
    plan or a forecast ("tariffs take effect on April 2") and would push the period past the news.
    """
    ensure_schema(store)
    d = store.dialect
    found = store.query("SELECT MAX(published) FROM articles")
    newest = d.load_date(found[0][0]) if found else None
    bound = min(today, newest) if newest is not None else today
    scope, params = (" AND country = ?", (country,)) if country else ("", ())
    for sql, extra in (
        ("SELECT MAX(date_latest) FROM event_clusters WHERE date_latest = date_earliest "
         "AND date_latest <= ?" + scope, (d.dump_date(bound), *params)),
        ("SELECT MAX(date_earliest) FROM event_clusters WHERE date_earliest IS NOT NULL" + scope, params),
    ):
        found = store.query(sql, extra)
        if found and found[0][0] is not None:
            return d.load_date(found[0][0])  # type: ignore[no-any-return]
    return None


def select(store: Any, period: Period, country: str | None) -> list[MergedEvent]:
    """Merged events whose date range overlaps ``period``, optionally in one country (ISO2)."""
    ensure_schema(store)
    d = store.dialect
    sql = ("SELECT record FROM event_clusters WHERE date_earliest IS NOT NULL "
           "AND date_latest >= ? AND date_earliest <= ?")
    params: tuple[Any, ...] = (d.dump_date(period.since), d.dump_date(period.until))
    if country:
        sql, params = sql + " AND country = ?", (*params, country)
    sql += " ORDER BY date_earliest, id" + d.collate_binary
    rows = store.query(sql, params)
    found = [MergedEvent.from_dict(load_json(r[0])) for r in rows]
    return [m for m in found if period.overlaps(m)]


def database_counts(store: Any) -> dict[str, int]:
    """Articles, event reports and merged events in the whole database."""
    ensure_schema(store)

    def count(table: str) -> int:
        return int(store.query(f"SELECT COUNT(*) FROM {table}")[0][0])

    return {"articles": count("articles"), "reports": count("events"),
            "merged_events": count("event_clusters")}


# --- summing up ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tally:
    """Events and fatalities (sum of best figures; low/high sums; events stating a figure)."""

    events: int = 0
    fatalities: int = 0
    low: int = 0
    high: int = 0
    stated: int = 0

    def add(self, event: MergedEvent) -> Tally:
        f = event.fatalities
        if f.best is None:
            return Tally(self.events + 1, self.fatalities, self.low, self.high, self.stated)
        return Tally(self.events + 1, self.fatalities + f.best, self.low + (f.low or f.best),
                     self.high + (f.high or f.best), self.stated + 1)


def tally(events: Iterable[MergedEvent]) -> Tally:
    total = Tally()
    for e in events:
        total = total.add(e)
    return total


def country_of(event: MergedEvent) -> str:
    """ISO2 of the event's place, or NO_COUNTRY (at sea, unplaced)."""
    if event.location is None or not event.location.country:
        return NO_COUNTRY
    return event.location.country


def is_uncertain(event: MergedEvent) -> bool:
    return event.status != "occurred"


def organised_actors(event: MergedEvent) -> set[str]:
    """Named, organised actors on either side (not "nine people" or "a convoy")."""
    return {a.name for a in (event.actor, event.recipient)
            if a is not None and a.type in ORGANISED and (a.actor_id is not None or a.name[:1].isupper())}


@dataclass(frozen=True, slots=True)
class Totals:
    """Headline numbers of one period."""

    all: Tally
    by_type: dict[str, Tally]
    by_country: dict[str, Tally]
    by_status: dict[str, int]
    uncertain: int
    actors: frozenset[str]


def totals(events: Sequence[MergedEvent]) -> Totals:
    by_type: dict[str, Tally] = {}
    by_country: dict[str, Tally] = {}
    for e in events:
        by_type[e.type] = by_type.get(e.type, Tally()).add(e)
        by_country[country_of(e)] = by_country.get(country_of(e), Tally()).add(e)
    actors = frozenset(a for e in events for a in organised_actors(e))
    return Totals(
        all=tally(events), by_type=by_type, by_country=by_country,
        by_status=dict(Counter(e.status for e in events).most_common()),
        uncertain=sum(1 for e in events if is_uncertain(e)), actors=actors,
    )


@dataclass(frozen=True, slots=True)
class Change:
    """One type or country in this period against the previous one."""

    key: str
    now: Tally
    before: Tally

    @property
    def events_delta(self) -> int:
        return self.now.events - self.before.events

    @property
    def fatalities_delta(self) -> int:
        return self.now.fatalities - self.before.fatalities


@dataclass(frozen=True, slots=True)
class Increase:
    """A notable rise: what (type or country), which measure, before, now."""

    kind: str  # "type" | "country"
    key: str
    measure: str  # "events" | "fatalities"
    before: int
    now: int


def changes(now: dict[str, Tally], before: dict[str, Tally]) -> tuple[Change, ...]:
    """Every key of either period, most events now first."""
    keys = set(now) | set(before)
    rows = [Change(k, now.get(k, Tally()), before.get(k, Tally())) for k in keys]
    return tuple(sorted(rows, key=lambda c: (-c.now.events, -c.now.fatalities, -c.before.events, c.key)))


def increases(by_type: Sequence[Change], by_country: Sequence[Change]) -> tuple[Increase, ...]:
    """The largest rises in events and fatalities, biggest first."""
    found: list[Increase] = []
    for kind, rows in (("type", by_type), ("country", by_country)):
        for c in rows:
            if c.events_delta > 0:
                found.append(Increase(kind, c.key, "events", c.before.events, c.now.events))
            if c.fatalities_delta > 0:
                found.append(Increase(kind, c.key, "fatalities", c.before.fatalities, c.now.fatalities))
    found.sort(key=lambda i: (-(i.now - i.before), i.measure != "fatalities", i.kind, i.key))
    return tuple(found[:MAX_INCREASES])


def rank_key(event: MergedEvent) -> tuple[Any, ...]:
    """Top events: most fatalities (stated before unstated), then reports, sources, confidence."""
    best = event.fatalities.best
    return (-(best if best is not None else -1), -event.n_reports, -event.n_sources,
            -event.confidence, event.date_earliest or dt.date.max, event.id)


# --- the whole report ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SituationReport:
    """Everything the renderers show; built by :func:`build`."""

    period: Period
    previous: Period
    default_period: bool
    country: str | None
    events: tuple[MergedEvent, ...]
    now: Totals
    before: Totals
    by_type: tuple[Change, ...]
    by_country: tuple[Change, ...]
    new_countries: tuple[str, ...]
    new_actors: tuple[str, ...]
    increases: tuple[Increase, ...]
    top: tuple[MergedEvent, ...]
    database: str
    generated: dt.datetime
    counts: dict[str, int] = field(default_factory=dict)
    merged_now: int = 0

    @property
    def coarse_dated(self) -> int:
        return sum(1 for e in self.events if e.date_precision not in (None, "day"))

    @property
    def unlocated(self) -> int:
        return sum(1 for e in self.events if e.location is None or e.location.lat is None)

    @property
    def n_reports(self) -> int:
        return sum(e.n_reports for e in self.events)

    @property
    def n_articles(self) -> int:
        return len({r.article_id for e in self.events for r in e.reports})


def build(
    events: Sequence[MergedEvent], previous_events: Sequence[MergedEvent], *, period: Period,
    default_period: bool, country: str | None, database: str, generated: dt.datetime,
    counts: dict[str, int] | None = None, merged_now: int = 0, top: int = TOP_EVENTS,
) -> SituationReport:
    """Sum up a period's events and compare them with the previous period's."""
    now, before = totals(events), totals(previous_events)
    by_type = changes(now.by_type, before.by_type)
    by_country = changes(now.by_country, before.by_country)
    return SituationReport(
        period=period, previous=period.previous(), default_period=default_period, country=country,
        events=tuple(events), now=now, before=before, by_type=by_type, by_country=by_country,
        new_countries=tuple(sorted(k for k in now.by_country if k not in before.by_country and k)),
        new_actors=tuple(sorted(now.actors - before.actors)),
        increases=increases(by_type, by_country),
        top=tuple(sorted(events, key=rank_key)[:top]), database=database, generated=generated,
        counts=dict(counts or {}), merged_now=merged_now,
    )
