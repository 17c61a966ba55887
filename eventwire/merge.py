"""Merging event reports: many reports (sentences, articles, outlets) of one real-world event.

An :class:`~eventwire.records.Event` is one *report*: what one sentence of one article says. This
module groups reports of the same event into a :class:`MergedEvent` that keeps every report with
its source, article and sentence, and reconciles their fields. Everything here is pure: no store,
no clock, no globals. Persistence lives in :mod:`eventwire.store.merge_schema`.

Same event? (:func:`same_event`, a score in [0, 1]; 0 means "certainly not")
-------------------------------------------------------------------------------
Hard conditions (any one failing gives 0):

* **type family** equal: every ASSAULT and COERCE/seize is "violence" (so an ASSAULT and a seizure
  of territory can be one battle); any other PLOVER type is its own family;
* **status group** equal: realised (occurred, claimed, suspected, denied, attempted) versus
  unrealised (planned, threatened, hypothetical, negated);
* **place**: same country when both are known; when both have coordinates, within the distance of
  the coarser precision: point 25 km, admin2 50 km, admin1 150 km, region 300 km (country: the same
  country is enough);
* **date**: two day-precise dates at most 2 days apart; otherwise the [earliest, latest] ranges,
  widened by one day, must overlap. A date that only defaulted to the publication day (the
  sentence names none) counts as "within the 3 days up to publication";
* **one sentence, two perpetrators**: reports from the same sentence of the same article with
  different actors are different events (the coder split them on purpose).

Otherwise the score is a weighted sum (weights in :data:`WEIGHTS`) of type (1 same ACLED sub-event
type or same type+mode, 0.8 two battle sub-types, 0.5 one generic report, 0.3 two different
specific modes), actors (1 same pair in either order, since ACLED's order is not directional; 0.8
a shared canonical name; 0.3 when one report names no actor; 0.5 same type and country; 0.3 different perpetrators; 0.2
disjoint), place (1 - distance / (2 x threshold), 1 for the same GeoNames id, 0.6 same country at
country precision, 0.3 when one is unplaced), date (1 same day, 0.8 one day apart, 0.5 two, 0.6 overlapping
ranges, 0.4 year precision, 0.3 when one is undated) and evidence (token Jaccard of the two sentences'
content words). Reports join when the score reaches :data:`THRESHOLD`.

Clustering (:func:`merge`, :func:`assign`)
------------------------------------------
Reports are taken in order of (earliest date, article id, report id), undated last. Each report
is compared only with clusters in its block: same type family, same or unknown country, and a week
bucket within reach of its date (blocking keeps the work near-linear). It joins the best cluster
whose *every* member passes the hard conditions (complete link, so a cluster cannot drift across
weeks or countries) and whose best member scores at least ``THRESHOLD``. When a report fits two
clusters that are compatible with each other, they are merged and the merge is logged. A cluster's
id is the id of the report that founded it: in a full run the earliest report, and it never
changes when later reports join. :func:`rebuild` recomputes from scratch and maps the result onto
existing ids, logging every split and merge.

Reconciliation (:func:`reconcile`)
----------------------------------
* date: the range from the earliest to the latest date among the reports with the finest date
  precision present (publication-day defaults count only when nothing better exists);
* place: the most precise (point < admin2 < admin1 < region < country); ties by how many reports
  name it, then first seen;
* fatalities / injuries: each article counts once, with the highest figure it states; ``low`` is
  the minimum, ``high`` the maximum and ``best`` the lower median over articles that state one;
  ``None`` when no report states a figure (never 0 by default);
* status: the most committed status any report gives, in :data:`STATUS_ORDER`; all statuses seen are
  kept in ``statuses``;
* type, mode and crosswalks: the most frequent ACLED sub-event type, ties to the report with a
  mode, then the earliest; actor and recipient: the most frequent canonical names;
* ``n_reports`` reports, ``n_articles`` distinct articles, ``n_sources`` distinct outlets (an
  article without a known outlet counts as its own source); confidence: the highest report's.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

import click

from .records import Actor, Event, Place, Record

THRESHOLD = 0.70
WEIGHTS: dict[str, float] = {"type": 0.30, "actors": 0.25, "place": 0.15, "date": 0.15, "evidence": 0.15}
PLACE_KM: dict[str, float] = {"point": 25.0, "admin2": 50.0, "admin1": 150.0, "region": 300.0}
PLACE_RANK: dict[str, int] = {"point": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
TIME_RANK: dict[str, int] = {"day": 0, "week": 1, "month": 2, "year": 3}
DAY_WINDOW = 2
UNKNOWN = 0.3  # agreement score of a field one of the two reports lacks
DEFAULT_DATE_DAYS = 3
DEFAULT_DATE_TEXT = "(publication date)"
REALISED = frozenset({"occurred", "claimed", "suspected", "denied", "attempted"})
STATUS_ORDER: tuple[str, ...] = (
    "occurred", "claimed", "suspected", "attempted", "denied", "planned", "threatened",
    "hypothetical", "negated",
)
BATTLES = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})
BUCKET_DAYS = 7
STOPWORDS = frozenset("""
the and for with that this from have has had was were are been being its their his her they them
said says say about after before into onto over under than then there where when which while who
whom whose will would could should also not but all any some more most other such only own same
very just one two three on in at of to by as is it be or an a
""".split())


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report(Record):
    """One event report with where it came from (outlet, url, publication date)."""

    event: Event
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None

    _nested: ClassVar[dict[str, type[Record]]] = {"event": Event}
    _dates: ClassVar[tuple[str, ...]] = ("published",)

    @property
    def id(self) -> str:
        return self.event.id

    @property
    def article_id(self) -> str:
        return self.event.article_id


@dataclass(frozen=True, slots=True)
class Toll(Record):
    """A reconciled figure: best (median over articles), low, high, and how many articles state it."""

    best: int | None = None
    low: int | None = None
    high: int | None = None
    n_stated: int = 0


@dataclass(frozen=True, slots=True)
class MergedEvent(Record):
    """One real-world event: every report of it and the reconciled fields (see module docstring)."""

    id: str
    type: str
    mode: str | None
    family: str
    actor: Actor | None
    recipient: Actor | None
    location: Place | None
    date_earliest: dt.date | None
    date_latest: dt.date | None
    date_precision: str | None
    fatalities: Toll
    injuries: Toll
    status: str
    statuses: tuple[str, ...]
    confidence: float
    n_reports: int
    n_articles: int
    n_sources: int
    sources: tuple[str, ...]
    acled_event_type: str | None
    acled_sub_event_type: str | None
    cameo_root: str | None
    reports: tuple[Report, ...]

    _nested: ClassVar[dict[str, type[Record]]] = {
        "actor": Actor, "recipient": Actor, "location": Place, "fatalities": Toll,
        "injuries": Toll, "reports": Report,
    }
    _dates: ClassVar[tuple[str, ...]] = ("date_earliest", "date_latest")

    @property
    def report_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.reports)


@dataclass(frozen=True, slots=True)
class LogEntry(Record):
    """One change to the set of merged events: create, join, merge, or split.

    ``merge``: ``other_id`` was absorbed into ``cluster_id``; ``split``: reports of ``cluster_id``
    now form ``other_id``; ``join``: report ``event_id`` joined ``cluster_id``.
    """

    action: str
    cluster_id: str
    other_id: str | None = None
    event_id: str | None = None
    detail: str = ""


def as_report(item: Report | Event) -> Report:
    return item if isinstance(item, Report) else Report(event=item)


# --- pairwise similarity -----------------------------------------------------------------------


def family(event: Event) -> str:
    """Type family used for blocking: ASSAULT and COERCE/seize are one ("violence")."""
    if event.type == "ASSAULT" or (event.type == "COERCE" and event.mode == "seize"):
        return "violence"
    return event.type


def status_group(status: str) -> str:
    return "realised" if status in REALISED else "unrealised"


def is_default_date(event: Event) -> bool:
    return event.date is not None and event.date.text == DEFAULT_DATE_TEXT


def date_range(event: Event) -> tuple[dt.date, dt.date] | None:
    """The covered days; a publication-day default covers the few days up to it."""
    ref = event.date
    if ref is None or ref.earliest is None:
        return None
    latest = ref.latest or ref.earliest
    if is_default_date(event):
        return latest - dt.timedelta(days=DEFAULT_DATE_DAYS), latest
    return ref.earliest, latest


def _precise_day(event: Event) -> dt.date | None:
    ref = event.date
    if ref is None or ref.precision != "day" or ref.earliest is None or is_default_date(event):
        return None
    return ref.earliest


def date_score(a: Event, b: Event) -> float:
    """Date agreement in [0, 1]; 0 means outside the window."""
    da, db = _precise_day(a), _precise_day(b)
    if da is not None and db is not None:
        gap = abs((da - db).days)
        return (1.0, 0.8, 0.5)[gap] if gap <= DAY_WINDOW else 0.0
    ra, rb = date_range(a), date_range(b)
    if ra is None or rb is None:
        return UNKNOWN
    slack = dt.timedelta(days=1)
    if ra[1] + slack < rb[0] or rb[1] + slack < ra[0]:
        return 0.0
    year = "year" in (a.date.precision if a.date else None, b.date.precision if b.date else None)
    return 0.4 if year else 0.6


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def place_score(a: Place | None, b: Place | None) -> float:
    """Place agreement in [0, 1]; 0 means different countries or too far apart."""
    if a is None or b is None:
        return UNKNOWN
    if a.country and b.country and a.country != b.country:
        return 0.0
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0
    coarse = max((a.precision, b.precision), key=lambda p: PLACE_RANK.get(p, 4))
    limit = PLACE_KM.get(coarse)
    if limit is None or None in (a.lat, a.lon, b.lat, b.lon):
        return 0.6 if a.country and a.country == b.country else 0.5
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    return 0.0 if km > limit else 1.0 - km / (2 * limit)


def type_score(a: Event, b: Event) -> float:
    if family(a) != family(b):
        return 0.0
    sa, sb = a.acled_sub_event_type, b.acled_sub_event_type
    if (sa is not None and sa == sb) or (a.type, a.mode) == (b.type, b.mode):
        return 1.0
    if sa in BATTLES and sb in BATTLES:
        return 0.8
    if a.mode is None or b.mode is None:
        return 0.5
    return 0.3


def _name_key(actor: Actor) -> str:
    return actor.name.casefold().strip()


def _names_match(a: Actor, b: Actor) -> bool:
    ka, kb = _name_key(a), _name_key(b)
    if ka == kb:
        return True
    wa, wb = set(ka.split()), set(kb.split())
    return bool(wa and wb) and (wa <= wb or wb <= wa) and min(len(wa), len(wb)) >= 1 and len(wa ^ wb) <= 1


def actor_score(a: Event, b: Event) -> float:
    """Actor agreement; actor and recipient may be swapped (ACLED order is not directional)."""
    pa = [x for x in (a.actor, a.recipient) if x is not None]
    pb = [x for x in (b.actor, b.recipient) if x is not None]
    if not pa or not pb:
        return UNKNOWN
    if len(pa) == 2 and len(pb) == 2 and (
        (_names_match(pa[0], pb[0]) and _names_match(pa[1], pb[1]))
        or (_names_match(pa[0], pb[1]) and _names_match(pa[1], pb[0]))
    ):
        return 1.0
    if a.actor is not None and b.actor is not None and not _names_match(a.actor, b.actor) and not (
        b.recipient is not None and _names_match(a.actor, b.recipient)
    ):
        return 0.3
    if any(_names_match(x, y) for x in pa for y in pb):
        return 0.8
    if any(x.type == y.type and x.type != "other" and x.country == y.country for x in pa for y in pb):
        return 0.5
    return 0.2


_WORD = re.compile(r"[a-z][a-z'-]{2,}")


def content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(sentence.lower()) if w not in STOPWORDS)


def evidence_score(a: Event, b: Event) -> float:
    """Token Jaccard of the two evidence sentences' content words."""
    if a.evidence.sentence == b.evidence.sentence:
        return 1.0
    wa, wb = content_words(a.evidence.sentence), content_words(b.evidence.sentence)
    return len(wa & wb) / len(wa | wb) if wa or wb else 0.0


def _same_sentence_other_actor(a: Event, b: Event) -> bool:
    same = a.article_id == b.article_id and a.evidence.sentence_index == b.evidence.sentence_index
    return same and a.actor is not None and b.actor is not None and not _names_match(a.actor, b.actor)


def compatible(a: Event, b: Event) -> bool:
    """The hard conditions of the module docstring (no scoring)."""
    if family(a) != family(b) or status_group(a.status) != status_group(b.status):
        return False
    if _same_sentence_other_actor(a, b):
        return False
    return place_score(a.location, b.location) > 0.0 and date_score(a, b) > 0.0


def same_event(a: Event, b: Event) -> float:
    """How likely two reports describe the same real-world event, in [0, 1] (0: hard no)."""
    if not compatible(a, b):
        return 0.0
    parts = {
        "type": type_score(a, b), "actors": actor_score(a, b),
        "place": place_score(a.location, b.location), "date": date_score(a, b),
        "evidence": evidence_score(a, b),
    }
    return round(sum(WEIGHTS[k] * v for k, v in parts.items()), 6)


# --- reconciliation ----------------------------------------------------------------------------


def order_key(report: Report) -> tuple[int, str, str, str]:
    """Processing order: earliest date (undated last), then article id, then report id."""
    r = date_range(report.event)
    return (0 if r else 1, r[0].isoformat() if r else "", report.article_id, report.id)


def _toll(reports: Sequence[Report], field: str) -> Toll:
    per_article: dict[str, int] = {}
    for r in reports:
        value = getattr(r.event, field)
        if value is not None:
            per_article[r.article_id] = max(value, per_article.get(r.article_id, value))
    if not per_article:
        return Toll()
    values = sorted(per_article.values())
    return Toll(best=statistics.median_low(values), low=values[0], high=values[-1], n_stated=len(values))


def _dates(reports: Sequence[Report]) -> tuple[dt.date | None, dt.date | None, str | None]:
    dated = [r.event for r in reports if date_range(r.event) is not None]
    explicit = [e for e in dated if not is_default_date(e)] or dated
    if not explicit:
        return None, None, None
    best = min(TIME_RANK.get(e.date.precision or "year", 3) for e in explicit)  # type: ignore[union-attr]
    finest = [e for e in explicit if TIME_RANK.get(e.date.precision or "year", 3) == best]  # type: ignore[union-attr]
    earliest = min(e.date.earliest for e in finest)  # type: ignore[union-attr,type-var]
    latest = max((e.date.latest or e.date.earliest) for e in finest)  # type: ignore[union-attr,type-var]
    return earliest, latest, finest[0].date.precision  # type: ignore[union-attr,return-value]


def _place(reports: Sequence[Report]) -> Place | None:
    places = [r.event.location for r in reports if r.event.location is not None]
    if not places:
        return None
    counts = Counter((p.name, p.country) for p in places)
    return min(places, key=lambda p: (PLACE_RANK.get(p.precision, 4), -counts[(p.name, p.country)]))


def _actors(reports: Sequence[Report]) -> tuple[Actor | None, Actor | None]:
    actors = [r.event.actor for r in reports if r.event.actor is not None]
    if not actors:
        return None, _most_common([r.event.recipient for r in reports if r.event.recipient], None)
    actor = _most_common(actors, None)
    recipients = [r.event.recipient for r in reports if r.event.recipient is not None]
    return actor, _most_common(recipients, actor.name if actor else None)


def _most_common(actors: Sequence[Actor], exclude: str | None) -> Actor | None:
    pool = [a for a in actors if a.name != exclude] or list(actors)
    if not pool:
        return None
    counts = Counter(a.name for a in pool)
    return min(pool, key=lambda a: -counts[a.name])


def _representative(reports: Sequence[Report]) -> Event:
    counts = Counter(r.event.acled_sub_event_type for r in reports if r.event.acled_sub_event_type)
    return min(
        (r.event for r in reports),
        key=lambda e: (-counts.get(e.acled_sub_event_type or "", 0), e.mode is None),
    )


def reconcile(cluster_id: str, reports: Iterable[Report]) -> MergedEvent:
    """One merged event from its reports (rules in the module docstring)."""
    ordered = tuple(sorted(reports, key=order_key))
    rep = _representative(ordered)
    earliest, latest, precision = _dates(ordered)
    actor, recipient = _actors(ordered)
    statuses = tuple(s for s in STATUS_ORDER if any(r.event.status == s for r in ordered))
    outlets = tuple(dict.fromkeys(r.source or f"article:{r.article_id}" for r in ordered))
    return MergedEvent(
        id=cluster_id, type=rep.type, mode=rep.mode, family=family(rep), actor=actor,
        recipient=recipient, location=_place(ordered), date_earliest=earliest, date_latest=latest,
        date_precision=precision, fatalities=_toll(ordered, "fatalities"),
        injuries=_toll(ordered, "injuries"), status=statuses[0] if statuses else rep.status,
        statuses=statuses, confidence=max(r.event.confidence for r in ordered),
        n_reports=len(ordered), n_articles=len({r.article_id for r in ordered}),
        n_sources=len(outlets), sources=outlets, acled_event_type=rep.acled_event_type,
        acled_sub_event_type=rep.acled_sub_event_type, cameo_root=rep.cameo_root, reports=ordered,
    )


# --- clustering --------------------------------------------------------------------------------


def _buckets(event: Event) -> tuple[int, ...] | None:
    r = date_range(event)
    if r is None:
        return None
    reach = dt.timedelta(days=DAY_WINDOW + 1)
    first, last = (r[0] - reach).toordinal() // BUCKET_DAYS, (r[1] + reach).toordinal() // BUCKET_DAYS
    return tuple(range(first, last + 1))


@dataclass
class _Index:
    """Clusters by (family, country, week bucket); lives for one call of :func:`assign`."""

    keys: dict[str, dict[str | None, dict[int | None, set[str]]]]

    def add(self, cluster_id: str, event: Event) -> None:
        country = event.location.country if event.location else None
        by_bucket = self.keys.setdefault(family(event), {}).setdefault(country, {})
        for b in _buckets(event) or (None,):
            by_bucket.setdefault(b, set()).add(cluster_id)

    def candidates(self, event: Event) -> set[str]:
        by_country = self.keys.get(family(event), {})
        country = event.location.country if event.location else None
        countries = [country, None] if country is not None else list(by_country)
        buckets = _buckets(event)
        found: set[str] = set()
        for c in countries:
            by_bucket = by_country.get(c, {})
            wanted = (*buckets, None) if buckets is not None else tuple(by_bucket)
            for b in wanted:
                found |= by_bucket.get(b, set())
        return found


@dataclass
class _State:
    """Working copy of the clusters during :func:`assign` (local, never shared)."""

    members: dict[str, list[Report]]
    founders: dict[str, tuple[int, str, str, str]]
    index: _Index
    log: list[LogEntry]
    touched: set[str]


def _fit(report: Report, members: Sequence[Report]) -> float:
    best = 0.0
    for m in members:
        s = same_event(report.event, m.event)
        if s == 0.0:
            return 0.0
        best = max(best, s)
    return best


def _clusters_compatible(a: Sequence[Report], b: Sequence[Report]) -> bool:
    return all(compatible(x.event, y.event) for x in a for y in b)


def _place_report(state: _State, report: Report, threshold: float) -> None:
    scored = sorted(
        ((s, state.founders[cid], cid) for cid in state.index.candidates(report.event)
         if cid in state.members and (s := _fit(report, state.members[cid])) >= threshold),
        key=lambda t: (-t[0], t[1]),
    )
    if not scored:
        state.members[report.id] = [report]
        state.founders[report.id] = order_key(report)
        state.index.add(report.id, report.event)
        state.log.append(LogEntry("create", report.id, event_id=report.id))
        state.touched.add(report.id)
        return
    target = scored[0][2]
    state.members[target].append(report)
    state.index.add(target, report.event)
    state.log.append(LogEntry("join", target, event_id=report.id, detail=f"score {scored[0][0]:.3f}"))
    state.touched.add(target)
    for _, _, other in scored[1:]:
        if other in state.members and other != target:
            target = _merge_clusters(state, target, other, report)


def _merge_clusters(state: _State, a: str, b: str, via: Report) -> str:
    if not _clusters_compatible(state.members[a], state.members[b]):
        return a
    keep, gone = (a, b) if state.founders[a] <= state.founders[b] else (b, a)
    state.members[keep].extend(state.members.pop(gone))
    state.founders.pop(gone)
    for m in state.members[keep]:
        state.index.add(keep, m.event)
    state.log.append(LogEntry("merge", keep, other_id=gone, event_id=via.id,
                              detail=f"report {via.id} links both"))
    state.touched.add(keep)
    state.touched.discard(gone)
    return keep


def _purge_index(index: _Index, gone: set[str]) -> None:
    for by_country in index.keys.values():
        for by_bucket in by_country.values():
            for ids in by_bucket.values():
                ids -= gone


def assign(
    new_reports: Iterable[Report | Event], existing: Sequence[MergedEvent] = (),
    *, threshold: float = THRESHOLD,
) -> tuple[tuple[MergedEvent, ...], tuple[LogEntry, ...]]:
    """Add reports to existing merged events; return (all merged events, log of changes).

    Existing events keep their ids; reports already in one are ignored. Events absorbed by a
    merge disappear from the result and appear in the log as ``merge`` entries.
    """
    state = _State({}, {}, _Index({}), [], set())
    known: set[str] = set()
    for cluster in existing:
        state.members[cluster.id] = list(cluster.reports)
        state.founders[cluster.id] = _founder_key(cluster)
        known.update(cluster.report_ids)
        for r in cluster.reports:
            state.index.add(cluster.id, r.event)
    fresh = {r.id: r for r in map(as_report, new_reports) if r.id not in known}
    for report in sorted(fresh.values(), key=order_key):
        _place_report(state, report, threshold)
    _purge_index(state.index, set(state.founders) ^ set(state.members))
    previous = {c.id: c for c in existing}
    out = tuple(
        reconcile(cid, members) if cid in state.touched or cid not in previous else previous[cid]
        for cid, members in sorted(state.members.items(), key=lambda kv: state.founders[kv[0]])
    )
    return out, tuple(state.log)


def _founder_key(cluster: MergedEvent) -> tuple[int, str, str, str]:
    founder = next((r for r in cluster.reports if r.id == cluster.id), None)
    return order_key(founder) if founder else min(order_key(r) for r in cluster.reports)


def merge(reports: Iterable[Report | Event], *, threshold: float = THRESHOLD) -> list[MergedEvent]:
    """Group reports into merged events from scratch (deterministic for the same reports)."""
    clusters, _ = assign(reports, (), threshold=threshold)
    return list(clusters)


def rebuild(
    reports: Iterable[Report | Event], existing: Sequence[MergedEvent], *, threshold: float = THRESHOLD,
) -> tuple[tuple[MergedEvent, ...], tuple[LogEntry, ...]]:
    """Recompute all merged events and keep existing ids where possible, logging splits and merges.

    A fresh cluster holding the founder of an existing event takes that event's id; one holding
    members of several existing events is logged as a ``merge`` (the earliest-founded id wins); an
    existing event whose reports now fall into several clusters is logged as a ``split``.
    """
    pool = {r.id: r for r in map(as_report, reports)}
    for cluster in existing:
        for r in cluster.reports:
            pool.setdefault(r.id, r)
    fresh = merge(pool.values(), threshold=threshold)
    old_of = {rid: c.id for c in existing for rid in c.report_ids}
    founders = {c.id: _founder_key(c) for c in existing}
    out: list[MergedEvent] = []
    log: list[LogEntry] = []
    taken: set[str] = set()
    absorbed: list[tuple[str, list[str]]] = []
    for cluster in fresh:
        olds = sorted({old_of[r] for r in cluster.report_ids if r in old_of}, key=lambda i: founders[i])
        keep = next((o for o in olds if o not in taken and o in cluster.report_ids), None)
        keep = keep or next((o for o in olds if o not in taken), None) or cluster.id
        taken.add(keep)
        absorbed.append((keep, olds))
        out.append(cluster if keep == cluster.id else cluster.replace(id=keep))
    for keep, olds in absorbed:
        log.extend(LogEntry("merge", keep, other_id=o, detail="rebuild") for o in olds if o not in taken)
    out_of = {rid: c.id for c in out for rid in c.report_ids}
    for old in existing:
        parts = sorted({out_of[r] for r in old.report_ids if r in out_of})
        main = old.id if old.id in parts else (parts[0] if parts else old.id)
        log.extend(LogEntry("split", old.id, other_id=p, detail="rebuild") for p in parts if p != main)
    return tuple(out), tuple(log)


__all__ = [
    "LogEntry", "MergedEvent", "Report", "THRESHOLD", "Toll", "WEIGHTS", "as_report", "assign",
    "compatible", "family", "merge", "merge_command", "rebuild", "reconcile", "same_event",
]


# --- command line ------------------------------------------------------------------------------


@click.command("merge")
@click.option("--db", default="eventwire.db", show_default=True, help="SQLite file path, or a postgresql:// URL.")
@click.option("--rebuild", "full", is_flag=True,
              help="Recompute all merged events (ids are kept; splits and merges are logged).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def merge_command(db: str, full: bool, as_json: bool) -> None:
    """Group stored event reports of the same real-world event into merged events.

    Only reports not yet merged are compared (against nearby merged events), so running it after
    every 'eventwire process' is cheap; ids stay stable.

    Example: eventwire merge --db eventwire.db
    """
    import json

    from .errors import EventwireError
    from .store import open_store
    from .store.merge_schema import merge_store

    try:
        with open_store(db) as store:
            counts = merge_store(store, full=full)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    if as_json:
        click.echo(json.dumps(counts))
        return
    click.echo(
        f"{counts['reports']} report(s) merged: {counts['create']} new event(s), {counts['join']} "
        f"join(s), {counts['merge']} merge(s), {counts['split']} split(s); "
        f"{counts['merged_events']} merged event(s) in {db}"
    )
