"""Place mentions: find toponyms in an article and resolve them against the gazetteer.

Recognition combines spaCy's GPE/LOC/FAC entities with patterns spaCy misses: "X, Y" where Y
is a state or country ("Sinjar, Iraq", "Kantyshevo, south-west Russia", "Alexandria, La."),
"the town/village of X", place names heading an organisation ("Rapides Parish Sheriff's
Office" -> "Rapides Parish"), capitalised gazetteer names after a locative preposition
("in Cottonport"), and roads and streets ("Highway 47", "Memphis St.").

Not places (filters in :mod:`eventwire.mentions.place_filters`): national adjectives, seats
of government used for their occupants ("the Kremlin said"), and names the document shows to
be people, groups, products or companies. All-caps datelines inside the text ("... blaze.
TORRINGTON — A fire") and towns after street addresses ("of 1935 Orchard St., Alexandria")
are recognised.

Resolution is collective (one reading per name per document). Each gazetteer candidate has a
prior from population, feature class (countries and states beat towns of the same name;
alternate names lose to a more populous primary name; "X County" prefers the county; a water
body beats a homonymous province) and "X, Y" containment. Each candidate is then re-scored by
how many of the document's other names plausibly lie in the same state, country and county
(all their readings count, weighted by plausibility, so "Athens" and "Henderson County" agree
on Texas although neither would alone), with national adjectives and currency signs ("$") as
weak country hints; two rounds of this, then closeness to the other names' confident
readings breaks the remaining ties. Roads are resolved to the country of the nearest
resolved place, never to a homonymous US highway; streets stay unresolved and never count as
evidence ("Washington Drive").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..gazetteer import ALTERNATE, DERIVED, Candidate, Gazetteer, distance_km, normalize
from ..records import Mention, Place, Sentence
from .subplaces import WS as _WS
from .subplaces import parent_after, sub_place, sub_spans
from .place_filters import (
    AP_STATES,
    LOCATIVE_BEFORE,
    NOT_PLACE_WORDS,
    Span,
    candidates,
    confirm,
    document_context,
    good_candidates,
    is_actor_use,
    is_container,
    is_named_thing,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BUILDING = re.compile(
    r"\b(?:Jail|Court|Courthouse|Hall|Station|School|Hospital|Center|Centre|Office|Department|"
    r"Church|Library|Airport|Prison|Museum|Stadium|University|College|Academy|Park|Police)\b")
ROAD = re.compile(
    r"\b(?:(?:U\.S\.|US|State|County|Interstate|Federal|National)\s+)?(?:Highway|Route|Road|Hwy\.?|"
    r"Interstate|Freeway|Motorway)\s+\d+[A-Z]?\b|\bI-\d+\b|\b[A-Z]\.?[A-Z][a-z]?\.?\s?\d+\b(?=\W)")
STREET = re.compile(
    r"\b(?:(?:[NSEW]\.|North|South|East|West)\s+)?(?:[A-Z][\w'’]*\.?\s+){1,3}"
    r"(?:St\.|Street|Road|Rd\.|Drive|Dr\.|Avenue|Ave\.|Boulevard|Blvd\.|Lane|Ln\.|Highway|Parkway|"
    r"Pkwy\.|Circle|Trail|Pike|Terrace)(?=\W|$)")
SETTLEMENT_OF = re.compile(  # towns, villages, districts: see subplaces.KIND_OF_NAME
    r"\b(?:city|province|region|county|state|port|department)[ \t]+of[ \t]+"  # lower case: not "Port of Los Angeles", "Department of Labor"
    r"((?:[A-Z][\w'’\-]+)(?:[ \t]+[A-Z][\w'’\-]+){0,2})")
_WORD = r"[A-Z][\w'’\-]+"
# "Huanuco Department", "Arauca Intendancy": a first-order division named with its generic word
ADMIN_NAMED = re.compile(
    rf"\b({_WORD}(?:{_WS}(?:de{_WS}|del{_WS})?{_WORD}){{0,2}}{_WS}(?i:department|intendancy|commissary))\b(?!{_WS}of\b)")  # not "Ohio Department of Transportation"
# "the corner of Sarmiento and San Martin streets": both are streets
STREET_PAIR = re.compile(
    rf"\b({_WORD}(?:{_WS}{_WORD}){{0,2}}){_WS}and{_WS}({_WORD}(?:{_WS}{_WORD}){{0,2}}){_WS}(?i:streets|avenues|roads)\b")
DIRECTION = r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|" \
            r"north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+)?"
X_COMMA_Y = re.compile(
    r"\b((?:[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+){0,2}),\s+(?:in\s+(?:the\s+)?)?(" + DIRECTION + r")"
    r"((?:[A-Z][\w'’\-]*\.?)(?:\s?[A-Z][\w'’\-]*\.?){0,2})")
ABBREVIATED = re.compile(
    r"(?<![\w.])(?:U\.S\.(?:A\.)?|U\.K\.|[NS]\.[CDHJMY]\.|R\.I\.|W\.Va\.|D\.C\.)(?!\w)")
DATELINE = re.compile(r"^\s*([A-Z]{3,}(?:\s[A-Z]{3,}){0,2})\s*(?:,|—|–|-|\()")
INNER_DATELINE = re.compile(
    r"(?:^|[.!?\n]\s*)([A-Z][A-Z'’\-]+(?:\.? [A-Z][A-Z'’\-]+){0,2})(?:,\s+[A-Z][A-Za-z.]+)?\s+(?:—|--|–|-)\s")
ADDRESS_TOWN = re.compile(
    r"\b\d+\s+(?:[NSEW]\.\s+)?(?:[A-Z][\w'’]*\s+){1,3}(?:St|Street|Road|Rd|Ave|Avenue|Drive|Dr|Lane|Ln|"
    r"Blvd|Boulevard|Court|Ct|Place|Pl|Circle|Way|Trail|Highway)\.?,\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})")
CAPITALISED = re.compile(r"\b[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|de|al|el|la)){0,3}\b")


# --- recognition --------------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    span = text[start:end]
    lead = re.match(r"^(?:the|The|THE)\s+", span)
    if lead and not re.match(r"^the (?:Gambia|Hague|Bahamas|Bronx)", span, re.I):
        start += lead.end()
    tail = re.search(r"(?:'s|’s|'|’)$", text[start:end])
    if tail:
        end -= len(tail.group(0))
    return start, end


def _ent_spans(text: str, ents: Sequence[Mention], gaz: Gazetteer) -> list[Span]:
    out = []
    for ent in ents:
        start, end = _trim(text, ent.start, ent.end)
        if start >= end:
            continue
        name = text[start:end]
        if ent.label in PLACE_LABELS:
            head = _place_head(text, start, end, gaz) if BUILDING.search(name) else None
            out.append(head or _undirected(text, start, end, gaz))
        elif ent.label == "ORG":
            head = _place_head(text, start, end, gaz)
            if head is not None:
                out.append(head)
            elif good_candidates(gaz.lookup(name), prominent=True):
                out.append(Span(start, end, name, "org", strong=False))
        elif ent.label == "PERSON" and good_candidates(gaz.lookup(name), prominent=False):
            out.append(Span(start, end, name, "org", strong=False))
    return out


def _undirected(text: str, start: int, end: int, gaz: Gazetteer) -> Span:
    """"Northeast Georgia" -> "Georgia" when only the bare name is a known place."""
    m = re.match(r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|"
                 r"Northeast|Northwest|Southeast|Southwest|Upper|Lower)\s+", text[start:end])
    if m and not gaz.has_name(text[start:end]) and gaz.has_name(text[start + m.end():end]):
        start += m.end()
    return Span(start, end, text[start:end], "ent")


def _place_head(text: str, start: int, end: int, gaz: Gazetteer) -> Span | None:
    """The longest leading place name of an organisation ("Alexandria Police" -> "Alexandria")."""
    words = list(re.finditer(r"[\w.'’\-]+", text[start:end]))
    for n in range(len(words) - 1, 0, -1):
        s, e = start + words[0].start(), start + words[n - 1].end()
        name = text[s:e]
        if name.casefold() in NOT_PLACE_WORDS or not name[:1].isupper():
            continue
        if good_candidates(gaz.lookup(name), prominent=True):
            return Span(s, e, name, "org")
    return None


def _pattern_spans(text: str, gaz: Gazetteer) -> list[Span]:
    out = []
    for m in X_COMMA_Y.finditer(text):
        found = _y_name(gaz, m.group(3))
        if found is None:
            continue
        y_text, y_len = found
        x_start, x_end = _trim(text, m.start(1), m.end(1))
        x = text[x_start:x_end]
        if x.casefold() in NOT_PLACE_WORDS or gaz.demonym(x):
            continue
        out.append(Span(x_start, x_end, x, "xy", within=None if is_container(gaz, x) else y_text))
        out.append(Span(m.start(3), m.start(3) + y_len, text[m.start(3):m.start(3) + y_len], "xy"))
    for m in ABBREVIATED.finditer(text):
        out.append(Span(m.start(), m.end(), m.group(0), "pattern"))
    dateline = DATELINE.match(text)
    if dateline and good_candidates(gaz.lookup(dateline.group(1)), prominent=False):
        out.append(Span(dateline.start(1), dateline.end(1), dateline.group(1), "pattern"))
    for m in INNER_DATELINE.finditer(text):
        if m.start(1) > 0 and good_candidates(gaz.lookup(m.group(1)), prominent=False):
            out.append(Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in ADDRESS_TOWN.finditer(text):
        if good_candidates(gaz.lookup(m.group(1)), prominent=False):
            out.append(Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in SETTLEMENT_OF.finditer(text):
        out.append(Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in ADMIN_NAMED.finditer(text):
        if good_candidates(candidates(gaz, m.group(1)), prominent=False):
            out.append(Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in STREET_PAIR.finditer(text):
        for g in (1, 2):
            if m.group(g).casefold() not in NOT_PLACE_WORDS:
                out.append(Span(m.start(g), m.end(g), m.group(g), "street", kind="street"))
    out += sub_spans(text, gaz)
    for m in ROAD.finditer(text):
        if not re.fullmatch(r"[A-Z]\.?[A-Z][a-z]?\.?\s?\d+", m.group(0)) or m.group(0)[:2] in ("I-",):
            out.append(Span(m.start(), m.end(), m.group(0), "road"))
    for m in STREET.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if text[s:e].split()[0].casefold() not in NOT_PLACE_WORDS:
            out.append(Span(s, e, text[s:e], "street"))
    return out


def _y_name(gaz: Gazetteer, raw: str) -> tuple[str, int] | None:
    """The longest leading container name of "Y" and its length in ``raw`` ("Texas. Jones" -> Texas)."""
    raw = raw.rstrip()
    if raw in AP_STATES:
        return AP_STATES[raw], len(raw)
    words = list(re.finditer(r"\S+", raw))
    for n in range(len(words), 0, -1):
        end = words[n - 1].end()
        cand = raw[:end].rstrip(".")
        if cand.casefold() in NOT_PLACE_WORDS:
            continue
        if cand in AP_STATES or raw[:end] in AP_STATES:
            return AP_STATES.get(raw[:end], AP_STATES.get(cand, cand)), end
        if cand and is_container(gaz, cand):
            return cand, len(cand)
    return None


def _ngram_spans(text: str, gaz: Gazetteer, taken: list[tuple[int, int]]) -> list[Span]:
    """Capitalised gazetteer names after a locative preposition that nothing else found."""
    out = []
    for m in CAPITALISED.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if not LOCATIVE_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            if name.casefold() in NOT_PLACE_WORDS or words[n - 1] in ("of", "de", "al", "el", "la"):
                continue
            if good_candidates(gaz.lookup(name), prominent=False):
                out.append(Span(m.start(), m.start() + len(name), name, "ngram"))
                break
    return out


def _select(spans: list[Span]) -> list[Span]:
    """Resolve overlaps: prefer pattern evidence, then longer spans, then earlier ones."""
    rank = {"sub": -1, "xy": 0, "pattern": 1, "road": 2, "ent": 3, "street": 4, "org": 5, "ngram": 6, "prop": 7, "demonym": 8}
    chosen: list[Span] = []
    def order(s: Span) -> tuple[int, int, int]:  # streets the text calls so beat an entity reading
        return (rank["road"] if s.kind == "street" else rank[s.source], -(s.end - s.start), s.start)

    for sp in sorted(spans, key=order):
        if any(sp.start < c.end and c.start < sp.end for c in chosen):
            continue
        chosen.append(sp)
    return sorted(chosen, key=lambda s: s.start)


def _propagate(text: str, spans: list[Span], ents: Sequence[Mention]) -> list[Span]:
    """One sense per discourse: other occurrences of a recognised name are toponyms too."""
    names = {sp.text for sp in spans if sp.source not in ("road", "street") and len(sp.text) > 3}
    blocked = [(e.start, e.end) for e in ents if e.label not in PLACE_LABELS]
    taken = [(sp.start, sp.end) for sp in spans]
    added = []
    for name in sorted(names, key=lambda n: (-len(n), n)):  # longest first: "North Korea" before "Korea"
        for m in re.finditer(r"(?<![\w.])" + re.escape(name) + r"(?![\w])", text):
            span = (m.start(), m.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            if any(s <= span[0] and span[1] <= e and (s, e) != span for s, e in blocked):
                continue
            added.append(Span(m.start(), m.end(), name, "prop"))
            taken.append(span)
    return sorted(spans + added, key=lambda sp: sp.start)


def recognise(text: str, ents: Sequence[Mention], gaz: Gazetteer) -> list[Span]:
    """Toponym spans of ``text`` (not yet resolved)."""
    spans = _ent_spans(text, ents, gaz) + _pattern_spans(text, gaz)
    taken = [(e.start, e.end) for e in ents] + [(s.start, s.end) for s in spans]
    spans += _ngram_spans(text, gaz, taken)
    selected = _select(spans)
    ctx = document_context(text, ents, gaz, selected)
    kept = [sp for sp in confirm(text, selected)
            if not is_actor_use(text, sp, gaz) and not is_named_thing(text, sp, gaz, ctx)]
    return [sp for sp in _propagate(text, kept, ents)
            if not is_actor_use(text, sp, gaz) and not is_named_thing(text, sp, gaz, ctx)]


def demonym_spans(text: str, ents: Sequence[Mention], gaz: Gazetteer) -> list[Span]:
    """National adjectives ("Egyptian", "Sri Lankan") as spans; some gold sets count them."""
    out = []
    for ent in ents:
        if ent.label in ("NORP", "GPE", "PERSON") and gaz.demonym(ent.text) and not gaz.has_name(ent.text):
            out.append(Span(ent.start, ent.end, ent.text, "demonym"))
    return out


# --- resolution ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of document evidence counts against a candidate's own prior."""

    sharpness: float = 2.5  # how fast a reading's plausibility falls with its score gap to the best
    area: float = 2.5  # same first-order division as the other names' likely readings
    country: float = 2.0  # same country
    county: float = 1.5  # lies in a county that another name of the document denotes
    smoothing: float = 1.0  # pseudo-count: one supporting name is weaker evidence than three
    rounds: int = 2  # re-estimate the readings this many times
    near: float = 1.5  # within 100 km of another name's chosen reading (half within 400 km)
    demonym: float = 0.5  # a national adjective ("Turkish") counts as half a place name of that country
    currency: float = 0.5  # so does a currency sign ("$40,000") used in the article


WEIGHTS = Weights()
MIN_ALTERNATE_POPULATION = 5000  # below this, a place is not looked for under an alternate name
# Currency signs as weak country hints; "$" only when not qualified (C$, A$, HK$, NZ$, S$...).
CURRENCY_SIGNS = (
    ("US", re.compile(r"(?<![A-Za-z])\$\s?\d")), ("GB", re.compile(r"£\s?\d")),
    ("IN", re.compile(r"\bRs\.?\s?\d|\d\s(?:crore|lakh)\b")),
)
FEATURE_PRIOR = MappingProxyType({"country": 1.6, "admin1": 0.9, "region": 0.9, "admin2": 0.1, "point": 0.0})
KIND_PRIOR = MappingProxyType({0: 0.0, ALTERNATE: -0.8, DERIVED: -0.4})


def _prior(c: Candidate, mention: str) -> float:
    score = math.log10(c.population + 10) / 3.0 + FEATURE_PRIOR.get(c.precision, 0.0)
    score += KIND_PRIOR.get(c.name_kind, 0.0)
    if c.feature == "PPLC":
        score += 0.5
    if c.precision == "admin2" and re.search(r"\b(County|Parish|Borough|Co\.)", mention):
        score += 2.0
    if c.precision == "admin1" and re.search(r"\b(State|Province|Governorate|Oblast|Region)\b", mention):
        score += 1.0
    return score


def _area(c: Candidate) -> tuple[str, str] | None:
    """The first-order division a candidate lies in (a state names its own)."""
    if not c.country or c.precision not in ("point", "admin2", "admin1"):
        return None
    name = c.name if c.precision == "admin1" else c.admin1
    return (c.country, name) if name else None


def _county(c: Candidate) -> tuple[str, str, str] | None:
    """The second-order division a candidate lies in (a county names its own)."""
    name = c.name if c.precision == "admin2" else c.admin2 if c.precision == "point" else None
    return (c.country, c.admin1, normalize(name)) if name and c.country and c.admin1 else None


@dataclass(frozen=True, slots=True)
class _Name:
    """One distinct toponym of a document with its candidate readings and their prior scores."""

    key: str
    cands: tuple[Candidate, ...]
    priors: tuple[float, ...]


def _plausibility(scores: Sequence[float], sharpness: float) -> list[float]:
    """Each reading's likelihood relative to the name's best reading (the best gets 1)."""
    top = max(scores)
    return [math.exp(sharpness * (s - top)) for s in scores]


_Masses = tuple[defaultdict[object, float], defaultdict[object, float], defaultdict[object, float]]


def _masses(name: _Name, probs: Sequence[float]) -> _Masses:
    """How plausibly the name lies in each area, country and county (its best reading there)."""
    areas: defaultdict[object, float] = defaultdict(float)
    countries: defaultdict[object, float] = defaultdict(float)
    counties: defaultdict[object, float] = defaultdict(float)
    for c, p in zip(name.cands, probs):
        areas[_area(c)] = max(areas[_area(c)], p)
        countries[c.country] = max(countries[c.country], p)
        if c.precision == "admin2":
            counties[_county(c)] = max(counties[_county(c)], p)
    return areas, countries, counties


def _support(names: Sequence[_Name], probs: Sequence[Sequence[float]], hints: dict[str, float],
             w: Weights) -> list[list[float]]:
    """Each candidate's support from the other names: the share of them that plausibly lie in its
    area, country and county (a name never supports itself; pseudo-count smoothing)."""
    own = [_masses(n, p) for n, p in zip(names, probs)]
    totals: _Masses = (defaultdict(float), defaultdict(float), defaultdict(float))
    for masses in own:
        for total, mass in zip(totals, masses):
            for key, value in mass.items():
                total[key] += value
    for iso, value in hints.items():
        totals[1][iso] += value
    evidence = len(names) + sum(hints.values())
    out = []
    for name, (areas, countries, counties) in zip(names, own):
        norm = evidence - 1 + w.smoothing
        row = []
        for c in name.cands:
            area, county = _area(c), _county(c)
            s = w.country * (totals[1][c.country] - countries[c.country]) / norm if c.country else 0.0
            if area is not None:
                s += w.area * (totals[0][area] - areas[area]) / norm
            if county is not None:
                s += w.county * min(1.0, totals[2][county] - counties[county])
            row.append(s)
        out.append(row)
    return out


def _near_bonus(c: Candidate, anchors: Sequence[tuple[Candidate, float]], w: Weights) -> float:
    """Closeness to the confident readings of the other names (confidence-weighted)."""
    if c.precision not in ("point", "admin2"):
        return 0.0
    best = 0.0
    for a, confidence in anchors:
        km = distance_km(c.lat, c.lon, a.lat, a.lon)
        best = max(best, confidence * (w.near if km < 100 else w.near / 2 if km < 400 else 0.0))
    return best


def _confidence(name: _Name, probs: Sequence[float], chosen: Candidate) -> float:
    """1 minus the plausibility of the best reading in another area (1 for an unambiguous name)."""
    rivals = [p for c, p in zip(name.cands, probs) if c is not chosen and _area(c) != _area(chosen)]
    return 1.0 - max(rivals, default=0.0)


def _related(a: str, b: str) -> bool:
    """One name contains the other ("North Arlington", "Arlington"): not independent evidence."""
    return re.search(r"\b" + re.escape(a) + r"\b", b) is not None or re.search(
        r"\b" + re.escape(b) + r"\b", a) is not None


def _joint(names: Sequence[_Name], hints: dict[str, float], w: Weights) -> list[Candidate]:
    """Collective resolution: every name's reading is re-scored by how well it agrees with the
    plausible readings of all the other names (same county, state, country), then by closeness
    to the other names' confident readings."""
    probs = [_plausibility(n.priors, w.sharpness) for n in names]
    scores = [list(n.priors) for n in names]
    for _ in range(w.rounds):
        support = _support(names, probs, hints, w)
        scores = [[p + s for p, s in zip(n.priors, row)] for n, row in zip(names, support)]
        probs = [_plausibility(row, w.sharpness) for row in scores]
    first = [n.cands[max(range(len(row)), key=row.__getitem__)] for n, row in zip(names, scores)]
    anchors = [(n.key, c, _confidence(n, p, c)) for n, p, c in zip(names, probs, first)
               if c.precision in ("point", "admin2", "admin1")]
    out = []
    for n, row in zip(names, scores):
        others = [(c, conf) for key, c, conf in anchors if not _related(key, n.key)]
        out.append(max(zip(n.cands, row), key=lambda cs: cs[1] + _near_bonus(cs[0], others, w))[0])
    return out


def _obscure(c: Candidate) -> bool:
    """A village's old or foreign name ("Ten Mile" for Holbrook, NSW): not how news names it; the
    document's own state is a better guess for such a name."""
    return c.name_kind == ALTERNATE and c.precision == "point" and c.population < MIN_ALTERNATE_POPULATION


def _within(c: Candidate, container: list[Candidate]) -> bool:
    for y in container:
        if y.precision == "country" and c.country == y.country:
            return True
        if y.precision == "admin1" and c.country == y.country and c.admin1 and normalize(c.admin1) in (
                normalize(y.name), normalize(y.admin1 or "")):
            return True
    return False


def _resolve_all(spans: list[Span], gaz: Gazetteer, hints: dict[str, float],
                 weights: Weights | None = None) -> dict[str, Candidate | None]:
    cands = {normalize(sp.text): [c for c in candidates(gaz, sp.text) if not _obscure(c)] for sp in spans}
    surface = {normalize(sp.text): sp.text for sp in spans}
    for sp in spans:
        if sp.within:
            key = normalize(sp.text)
            container = [c for c in gaz.lookup(sp.within) if c.precision in ("country", "admin1")]
            own = cands.get(key, [])
            inside = [c for c in own if _within(c, container)]
            # none of the name's readings lies in the stated container ("La Rochela, in Santander
            # Department" is no French La Rochelle): the place is one the gazetteer lacks, in there
            cands[key] = inside or container[:1] or own
    names = [_Name(k, tuple(cs), tuple(_prior(c, surface[k]) for c in cs)) for k, cs in cands.items() if cs]
    chosen = _joint(names, hints, weights or WEIGHTS) if names else []
    out: dict[str, Candidate | None] = {k: None for k in cands}
    out.update({n.key: c for n, c in zip(names, chosen)})
    return out


def _road_country(sp: Span, resolved: list[tuple[Span, Candidate]], focus: str | None) -> str | None:
    nearby = [(abs(s.start - sp.start), c.country) for s, c in resolved
              if c.country and c.precision in ("point", "admin2", "admin1")]
    if nearby:
        return min(nearby)[1]
    return focus


def _fallback(gaz: Gazetteer, pairs: list[tuple[Span, Candidate]], focus: str | None) -> Candidate | None:
    """For names the gazetteer lacks: the document's main state, else its main country."""
    states = Counter((c.country, c.admin1) for _, c in pairs if c.country == focus and c.admin1
                     and c.precision in ("point", "admin2", "admin1"))
    if states:
        (iso, admin1), n = states.most_common(1)[0]
        if n >= 2 or len(states) == 1:
            area = next((c for c in gaz.lookup(admin1 or "") if c.precision == "admin1" and c.country == iso), None)
            if area is not None:
                return area
    return gaz.country(focus) if focus else None


def _to_place(sp: Span, c: Candidate | None) -> Place:
    if c is None:
        return Place(text=sp.text, name=sp.text, start=sp.start, end=sp.end, precision="point")
    return Place(text=sp.text, name=c.name, start=sp.start, end=sp.end, geonameid=c.geonameid, lat=c.lat,
                 lon=c.lon, country=c.country, admin1=c.admin1, admin2=c.admin2, precision=c.precision,
                 feature=c.feature)


def _demonyms(ents: Sequence[Mention], gaz: Gazetteer) -> Counter[str]:
    found: Counter[str] = Counter()
    for ent in ents:
        if ent.label == "NORP":
            iso = gaz.demonym(ent.text)
            if iso:
                found[iso] += 1
    return found


def _currency_votes(text: str) -> list[str]:
    """Countries whose currency sign the article uses ("$40,000" in a US local story); a weak hint."""
    return [iso for iso, pattern in CURRENCY_SIGNS if pattern.search(text)]


def resolve(text: str, spans: Sequence[Span], gaz: Gazetteer, ents: Sequence[Mention] = ()) -> list[Place]:
    """Resolve recognised spans in their document context."""
    w = WEIGHTS
    hints: defaultdict[str, float] = defaultdict(float)
    for iso, n in _demonyms(ents, gaz).items():
        hints[iso] += w.demonym * n
    for iso in _currency_votes(text):
        hints[iso] += w.currency
    spans = [sp.replace(source="street") if sp.source not in ("road", "sub") and STREET.fullmatch(sp.text) else sp
             for sp in spans]  # "Washington Drive" is a street of this town, not evidence about Washington
    parents = {sp: _written_parent(text, sp, spans) for sp in spans if sp.source == "sub"}
    subs = [sp for sp in parents if not _town_by_name(sp, parents[sp], gaz)]
    sub_keys = {normalize(sp.text) for sp in subs}
    named = [sp for sp in spans if sp.source not in ("road", "street") and sp not in subs
             and normalize(sp.text) not in sub_keys]
    named = [sp.replace(source="pattern") if sp.source == "sub" else sp for sp in named]
    best = _resolve_all(named, gaz, hints, w)
    resolved = [(sp, best[normalize(sp.text)]) for sp in named]
    pairs = [(sp, c) for sp, c in resolved if c is not None]
    countries: Counter[str] = Counter(c.country for _, c in pairs if c.country)
    for iso, value in hints.items():
        countries[iso] += value  # type: ignore[assignment]  # Counter of float votes
    focus = countries.most_common(1)[0][0] if countries else None
    fallback = _fallback(gaz, pairs, focus)
    places = [_to_place(sp, c if c is not None else fallback).replace(text=sp.text) for sp, c in resolved]
    places += _sub_places(spans, subs, parents, best, pairs, focus, fallback, gaz)
    for sp in spans:
        if sp.source in ("road", "street"):
            road_iso = _road_country(sp, pairs, focus) if sp.source == "road" else None
            country = gaz.country(road_iso) if road_iso else None
            place = _to_place(sp, country)
            places.append(place.replace(name=sp.text) if country is not None else place)
    return sorted(places, key=lambda p: p.start)


def _written_parent(text: str, sp: Span, spans: Sequence[Span]) -> str | None:
    """What the text says ``sp`` lies in: "Y's X neighborhood", "X, Y Department", "X ... in Y"."""
    if sp.within:
        return sp.within
    after = parent_after(text, sp, [s for s in spans if s.source != "sub" or s.kind in ("PPL", "ADM3")])
    return after.text if after is not None else None


def _town_by_name(sp: Span, parent: str | None, gaz: Gazetteer) -> bool:
    """"the town of Cayara", "Aipe municipality" with no parent written: a town the gazetteer knows,
    resolved like any name."""
    return sp.kind in ("PPL", "ADM3") and parent is None and bool(candidates(gaz, sp.text))


def _sub_places(spans: Sequence[Span], subs: Sequence[Span], parents: dict[Span, str | None],
                best: dict[str, Candidate | None], pairs: list[tuple[Span, Candidate]], focus: str | None,
                fallback: Candidate | None, gaz: Gazetteer) -> list[Place]:
    """Neighbourhoods, villages, farms ... inside their written parent, else inside the nearest
    town before them, else inside the document's main state or country (one reading per name)."""
    found: dict[str, Place] = {}
    for sp in sorted(subs, key=lambda s: s.start):
        key = normalize(sp.text)
        if key in found:
            continue
        parent = _parent_reading(parents.get(sp), best, focus, gaz)
        written = parent is not None
        parent = parent or _nearby_town(sp, pairs, focus) or fallback
        found[key] = sub_place(sp, candidates(gaz, sp.text), parent, written=written)
    out = []
    for sp in spans:
        place = found.get(normalize(sp.text))
        if place is not None and sp.source not in ("road", "street"):
            out.append(place.replace(text=sp.text, start=sp.start, end=sp.end))
    return out


def _parent_reading(written: str | None, best: dict[str, Candidate | None], focus: str | None,
                    gaz: Gazetteer) -> Candidate | None:
    if not written:
        return None
    chosen = best.get(normalize(written))
    if chosen is not None:
        return chosen
    found = candidates(gaz, written)
    return next((c for c in found if c.country == focus), found[0] if found else None)


def _nearby_town(sp: Span, pairs: list[tuple[Span, Candidate]], focus: str | None) -> Candidate | None:
    """The nearest town (else state) named before ``sp`` in the last few sentences, in the main country."""
    before = [(s, c) for s, c in pairs if s.end <= sp.start and sp.start - s.end <= 600
              and (focus is None or c.country == focus)]
    for levels in (("point",), ("admin2", "admin1")):
        near = [(s.start, c) for s, c in before if c.precision in levels]
        if near:
            return max(near, key=lambda sc: sc[0])[1]
    return None


def find_places(text: str, ents: Sequence[Mention], gaz: Gazetteer, *,
                sentences: Sequence[Sentence] = (), include_demonyms: bool = False) -> tuple[Place, ...]:
    """Toponyms of ``text``, resolved to gazetteer entries where possible (offsets index ``text``).

    Names the gazetteer lacks fall back to the document's main state or country (a coarser
    precision, the written text kept). ``include_demonyms`` also returns national adjectives
    as country-level places, as some gold sets (LGL) annotate them; the pipeline leaves it off.
    """
    del sentences  # accepted for a uniform stage signature; resolution uses the whole text
    spans = recognise(text, ents, gaz)
    if include_demonyms:
        spans = _select(spans + demonym_spans(text, ents, gaz))
    return tuple(resolve(text, spans, gaz, ents))


def resolve_spans(text: str, spans: Sequence[tuple[int, int]], ents: Sequence[Mention],
                  gaz: Gazetteer) -> list[Place]:
    """Resolve given toponym spans (e.g. gold ones) in the context of the whole document."""
    context = recognise(text, ents, gaz)
    given = [Span(s, e, text[s:e], "ent") for s, e in spans]
    given_keys = {(s, e) for s, e in spans}
    for sp in context:
        if sp.within and (sp.start, sp.end) in given_keys:
            given = [g if (g.start, g.end) != (sp.start, sp.end) else sp for g in given]
    places = resolve(text, given + [sp for sp in context if (sp.start, sp.end) not in given_keys
                                    and sp.source not in ("road", "street")], gaz, ents)
    return [p for p in places if (p.start, p.end) in given_keys]
