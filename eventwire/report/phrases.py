"""Plain-text phrases both renderers use: dates, periods, tolls, places, statuses, evidence.

Every function returns unescaped text; the Markdown and HTML renderers escape it for their
format. Nothing here reads a store or a clock.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from eventwire.merge import MergedEvent, Report, Toll
from eventwire.report.data import NO_COUNTRY, Change, Increase, SituationReport, Tally, is_uncertain

MAX_SENTENCES = 3


def day(d: dt.date) -> str:
    return f"{d.day} {d:%b %Y}"


def weekday(d: dt.date) -> str:
    return f"{d:%a} {day(d)}"


def span(first: dt.date, last: dt.date) -> str:
    """``6–12 Nov 2015``, ``30 Oct – 5 Nov 2015``, ``30 Dec 2015 – 5 Jan 2016``."""
    if first == last:
        return day(first)
    if first.year != last.year:
        return f"{day(first)} – {day(last)}"
    if first.month != last.month:
        return f"{first.day} {first:%b} – {day(last)}"
    return f"{first.day}–{day(last)}"


@functools.cache
def country_name(iso2: str) -> str:
    """``Iraq (IQ)``; events without a country are "no country (unplaced or at sea)"."""
    if iso2 == NO_COUNTRY:
        return "no country (unplaced or at sea)"
    import pycountry

    found = pycountry.countries.get(alpha_2=iso2)
    name = getattr(found, "common_name", None) or getattr(found, "name", None) or iso2
    return f"{name} ({iso2})"


def title(r: SituationReport) -> str:
    return f"Situation report: {span(r.period.since, r.period.until)}"


def scope(r: SituationReport) -> str:
    return country_name(r.country) if r.country else "all countries"


def period_note(r: SituationReport) -> str:
    p = r.period
    text = f"{weekday(p.since)} to {weekday(p.until)} ({p.days} day{'s' if p.days != 1 else ''})"
    if r.default_period:
        text += f"; by default, the {p.days} days ending at the latest event date in the database"
    return text + f". Compared with the previous {p.days} days, {span(r.previous.since, r.previous.until)}."


def event_type(e: MergedEvent) -> str:
    return f"{e.type} ({e.mode})" if e.mode else e.type


def who(e: MergedEvent) -> str:
    actor = e.actor.name if e.actor else "unknown actor"
    return f"{actor} → {e.recipient.name}" if e.recipient else actor


def place(e: MergedEvent) -> str:
    loc = e.location
    if loc is None:
        return "place not stated"
    parts = [loc.name] + [x for x in (loc.admin1,) if x and x != loc.name]
    where = ", ".join(parts)
    if loc.country:
        where += f", {country_name(loc.country)}"
    return where + (f" ({loc.precision} precision)" if loc.precision != "point" else "")


def when(e: MergedEvent) -> str:
    if e.date_earliest is None:
        return "undated"
    last = e.date_latest or e.date_earliest
    if last == e.date_earliest:
        return weekday(e.date_earliest)
    if e.date_precision == "day":
        return f"{span(e.date_earliest, last)} (reports give different days)"
    return f"{span(e.date_earliest, last)} (dated to the {e.date_precision or 'range'})"


def toll(t: Toll, noun: str) -> str:
    if t.best is None:
        return f"{noun} not stated"
    text = f"{t.best} {noun}"
    if t.low != t.high:
        text += f" (range {t.low}–{t.high})"
    return text + f", stated in {t.n_stated} article{'s' if t.n_stated != 1 else ''}"


def status(e: MergedEvent) -> str:
    """``SUSPECTED`` (shouting on purpose) for anything not reported as having occurred."""
    return e.status.upper() if is_uncertain(e) else "occurred"


def fatalities(t: Tally) -> str:
    if not t.stated:
        return "none stated"
    text = f"{t.fatalities}"
    if (t.low, t.high) != (t.fatalities, t.fatalities):
        text += f" (range {t.low}–{t.high})"
    return text


def share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def signed(n: int) -> str:
    return f"+{n}" if n > 0 else ("±0" if n == 0 else f"−{-n}")


def change_label(c: Change, kind: str) -> str:
    return country_name(c.key) if kind == "country" else c.key


def increase(i: Increase) -> str:
    what = country_name(i.key) if i.kind == "country" else i.key
    return f"{what}: {i.measure} {i.before} → {i.now} ({signed(i.now - i.before)})"


def key_figures(r: SituationReport) -> list[tuple[str, str]]:
    """(label, text) headline lines; empty when the period has no events (see :func:`empty_note`)."""
    n, now, before = len(r.events), r.now, r.before.all
    if not n:
        return []
    if now.all.stated:
        toll_text = f"{fatalities(now.all)} best estimate, stated for {now.all.stated} of {n} events"
    else:
        toll_text = f"none stated in any of the {n} events"
    statuses = ", ".join(f"{s} {k}" for s, k in now.by_status.items() if s != "occurred")
    named = [c for c in r.by_country if c.now.events and c.key != NO_COUNTRY]
    listed = ", ".join(f"{country_name(c.key)} {c.now.events}" for c in named)
    countries = f"{len(named)}: {listed}" if named else "none known"
    unplaced = now.by_country.get(NO_COUNTRY)
    if unplaced:
        countries += f"; {unplaced.events} event(s) without a country"
    return [
        ("Events", f"{n} (previous period {before.events}, {signed(n - before.events)})"),
        ("Fatalities", f"{toll_text} (previous period {fatalities(before)})"),
        ("Events by type", ", ".join(f"{c.key} {c.now.events}" for c in r.by_type if c.now.events)),
        ("Countries affected", countries),
        ("Uncertain events", f"{now.uncertain} of {n} ({share(now.uncertain, n)})"
         + (f": {statuses}" if statuses else "")),
    ]


def empty_note(r: SituationReport) -> str:
    return (f"No events were recorded in this period ({scope(r)}). The previous period had "
            f"{r.before.all.events} event(s).")


def overall_change(r: SituationReport) -> str:
    a, b = r.now.all, r.before.all
    return (f"Events {b.events} → {a.events} ({signed(a.events - b.events)}); fatalities "
            f"{b.fatalities} → {a.fatalities} ({signed(a.fatalities - b.fatalities)}); previous period "
            f"{span(r.previous.since, r.previous.until)}.")


def new_countries(r: SituationReport) -> str:
    return ", ".join(map(country_name, r.new_countries)) or "none"


def new_actors(r: SituationReport) -> str:
    return ", ".join(r.new_actors) or "none"


def map_caption(r: SituationReport) -> str:
    text = f"{len(r.events) - r.unlocated} located event(s) shown"
    if r.unlocated:
        text += f"; {r.unlocated} without coordinates not shown"
    return (text + ". Colour: event type; size: fatalities; hollow: uncertain status. Places known only "
            "to a region or country are drawn at its centre.")


def timeline_caption(r: SituationReport) -> str:
    text = ("Merged events per day, stacked by type; each event is counted once, on its first day "
            "in the period.")
    if r.coarse_dated:
        text += (f" {r.coarse_dated} event(s) dated only to a week, month or year are drawn on the first "
                 "day of that range inside the period.")
    return text


def facts(e: MergedEvent) -> list[tuple[str, str]]:
    """(label, text) lines describing one top event."""
    rows = [
        ("Where", place(e)), ("When", when(e)),
        ("Toll", f"{toll(e.fatalities, 'killed')}; {toll(e.injuries, 'injured')}"),
        ("Status", status(e) + (f" (reports say: {', '.join(e.statuses)})" if len(e.statuses) > 1 else "")),
        ("Reports", f"{e.n_reports} from {e.n_sources} source(s); confidence {e.confidence:.2f}"),
    ]
    if e.acled_sub_event_type:
        rows.append(("ACLED", f"{e.acled_event_type or '?'} / {e.acled_sub_event_type}"))
    return rows


@dataclass(frozen=True, slots=True)
class Quote:
    """An evidence sentence split around its trigger word, with every report that gives it."""

    before: str
    trigger: str
    after: str
    reports: tuple[Report, ...]


def quotes(e: MergedEvent) -> tuple[list[Quote], int]:
    """Distinct evidence sentences (at most MAX_SENTENCES) and how many were left out."""
    by_sentence: dict[str, list[Report]] = {}
    for rep in e.reports:
        by_sentence.setdefault(" ".join(rep.event.evidence.sentence.split()), []).append(rep)
    out = [_quote(reps) for reps in list(by_sentence.values())[:MAX_SENTENCES]]
    return out, max(0, len(by_sentence) - MAX_SENTENCES)


def _quote(reports: list[Report]) -> Quote:
    ev = reports[0].event.evidence
    text = ev.sentence
    a, b = ev.trigger_start - ev.start, ev.trigger_end - ev.start
    if ev.trigger and 0 <= a < b <= len(text) and text[a:b] == ev.trigger:
        return Quote(_flat(text[:a]), text[a:b], _flat(text[b:]), tuple(reports))
    return Quote(_flat(text), "", "", tuple(reports))


def _flat(text: str) -> str:
    """Whitespace runs (newlines too) to single spaces, keeping a leading/trailing space."""
    if not text:
        return ""
    core = " ".join(text.split())
    return (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() and core else "")


def source_parts(rep: Report) -> Iterator[tuple[str, str]]:
    """(kind, text) pieces of a citation: outlet, title, published, url."""
    yield "outlet", rep.source or "outlet not recorded"
    if rep.title:
        yield "title", " ".join(rep.title.split())
    if rep.published:
        yield "published", f"published {day(rep.published)}"
    if rep.url:
        yield "url", rep.url


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links (never javascript: or data:)."""
    if url and url.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in url):
        return url
    return None


def caveats(r: SituationReport) -> list[str]:
    """The methods and caveats footer, one paragraph per item."""
    c = r.counts
    lines = [
        "Events are extracted automatically from news text by eventwire (rule-based coding over a "
        "spaCy parse and an offline gazetteer); they have not been checked by a person. Figures are "
        "as reported by the sources and are not verified.",
        f"This report covers {len(r.events)} merged event(s) from {r.n_reports} report(s) in "
        f"{r.n_articles} article(s). The database holds {c.get('articles', 0)} article(s), "
        f"{c.get('reports', 0)} event report(s) and {c.get('merged_events', 0)} merged event(s).",
        "Reports of the same real-world event are merged; fatalities take the lower median of the "
        "articles that state a figure (best) with the lowest and highest figures as the range. "
        "Events without a stated figure count as none stated, not as zero.",
        "An event belongs to every period its date range overlaps; an event without any date is in "
        f"no period. {r.coarse_dated} event(s) in this period are dated only to a week, month or year.",
        "Uncertain events are those not reported as having occurred (claimed, suspected, denied, "
        "attempted, planned, threatened, hypothetical, negated).",
    ]
    if r.merged_now:
        lines.append(f"{r.merged_now} stored report(s) were merged into events before this report was made.")
    lines.append(f"Database: {r.database}. Generated {r.generated:%Y-%m-%d %H:%M} UTC by eventwire "
                 f"{_version()}.")
    return lines


@functools.cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("eventwire")
    except PackageNotFoundError:
        return "(development)"
