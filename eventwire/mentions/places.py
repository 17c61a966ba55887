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

Resolution scores each gazetteer candidate by population, feature class (countries and
states beat towns of the same name; alternate names lose to a more populous primary name;
a water body beats a homonymous province, "Red Sea" is the sea with no country), the document's
country and state focus (named states vote twice, ambiguous names barely), distance to the other
places of the document, and "X, Y" containment; every mention of one name in a document gets
the same reading. Roads are resolved to the country of the nearest resolved place, never
to a homonymous US highway.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..gazetteer import ALTERNATE, DERIVED, Candidate, Gazetteer, distance_km, normalize
from ..records import Mention, Place, Sentence
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
SETTLEMENT_OF = re.compile(
    r"\b(?:town|village|city|hamlet|district|province|region|county|state|suburb|port|"
    r"neighbourhood|neighborhood)\s+of\s+((?:[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+){0,2})")
DIRECTION = r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|" \
            r"north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+)?"
X_COMMA_Y = re.compile(
    r"\b((?:[A-Z][\w'’\-]+)(?:\s+[A-Z][\w'’\-]+){0,2}),\s+(" + DIRECTION + r")"
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
    m = DATELINE.match(text)
    if m and good_candidates(gaz.lookup(m.group(1)), prominent=False):
        out.append(Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in INNER_DATELINE.finditer(text):
        if m.start(1) > 0 and good_candidates(gaz.lookup(m.group(1)), prominent=False):
            out.append(Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in ADDRESS_TOWN.finditer(text):
        if good_candidates(gaz.lookup(m.group(1)), prominent=False):
            out.append(Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in SETTLEMENT_OF.finditer(text):
        out.append(Span(m.start(1), m.end(1), m.group(1), "pattern"))
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
    rank = {"xy": 0, "pattern": 1, "road": 2, "ent": 3, "street": 4, "org": 5, "ngram": 6, "prop": 7, "demonym": 8}
    chosen: list[Span] = []
    for sp in sorted(spans, key=lambda s: (rank[s.source], -(s.end - s.start), s.start)):
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
    for name in names:
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
class _Focus:
    """Raw country and state votes, and what each name contributed (so a name never votes for itself)."""

    countries: Counter[str]
    admin1: Counter[tuple[str, str]]
    own: dict[str, tuple[str | None, tuple[str, str] | None, float, float]]

    def country_share(self, key: str, iso: str | None) -> float:
        own_iso, _, w, _ = self.own.get(key, (None, None, 0.0, 0.0))
        total = sum(self.countries.values()) - w
        count = self.countries.get(iso or "", 0.0) - (w if own_iso == iso else 0.0)
        return count / total if total > 0 else 0.0

    def admin1_share(self, key: str, area: tuple[str, str]) -> float:
        _, own_area, _, w = self.own.get(key, (None, None, 0.0, 0.0))
        w = w if own_area is not None else 0.0
        total = sum(self.admin1.values()) - w
        count = self.admin1.get(area, 0.0) - (w if own_area == area else 0.0)
        return count / total if total > 0 else 0.0


FEATURE_PRIOR = {"country": 1.6, "admin1": 0.9, "region": 0.9, "admin2": 0.1, "point": 0.0}
KIND_PRIOR = {0: 0.0, ALTERNATE: -0.8, DERIVED: -0.4}


def _prior(c: Candidate, mention: str) -> float:
    score = math.log10(c.population + 10) / 3.0 + FEATURE_PRIOR.get(c.precision, 0.0)
    score += KIND_PRIOR.get(c.name_kind, 0.0)
    if c.feature == "PPLC":
        score += 0.5
    if c.precision == "admin2" and re.search(r"\b(County|Parish|Borough)\b", mention):
        score += 2.0
    if c.precision == "admin1" and re.search(r"\b(State|Province|Governorate|Oblast|Region)\b", mention):
        score += 1.0
    return score


def _focus(cands: dict[str, list[Candidate]], texts: Counter[str], demonyms: Counter[str]) -> _Focus:
    countries: Counter[str] = Counter()
    admin1: Counter[tuple[str, str]] = Counter()
    own: dict[str, tuple[str | None, tuple[str, str] | None, float, float]] = {}
    for key, cs in cands.items():
        if not cs:
            continue
        ranked = sorted(cs, key=lambda c: -_prior(c, key))
        best = ranked[0]
        weight = texts[key] * (1.0 if len({c.country for c in cs}) == 1 else 0.5)
        area = _area(best)
        rivals = [c for c in ranked[1:] if _area(c) != area and _prior(c, key) > _prior(best, key) - 0.5]
        area_weight = texts[key] * (0.3 if rivals else 2.0 if best.precision == "admin1" else 1.0)
        if best.country:
            countries[best.country] += weight
        if area is not None:
            admin1[area] += area_weight
        own[key] = (best.country, area, weight, area_weight)
    for iso, n in demonyms.items():
        countries[iso] += 0.5 * n
    return _Focus(countries, admin1, own)


def _area(c: Candidate) -> tuple[str, str] | None:
    """The first-order division a candidate lies in (a state names its own)."""
    if not c.country or c.precision not in ("point", "admin2", "admin1"):
        return None
    name = c.name if c.precision == "admin1" else c.admin1
    return (c.country, name) if name else None


def _score(c: Candidate, mention: str, focus: _Focus, anchors: list[Candidate]) -> float:
    score = _prior(c, mention)
    score += 2.0 * focus.country_share(mention, c.country)
    if c.country and c.admin1:
        score += 2.5 * focus.admin1_share(mention, (c.country, c.admin1))
    if anchors and c.precision in ("point", "admin2"):
        near = min(distance_km(c.lat, c.lon, a.lat, a.lon) for a in anchors)
        score += 1.5 if near < 100 else 0.75 if near < 400 else 0.0
    return score


def _within(c: Candidate, container: list[Candidate]) -> bool:
    for y in container:
        if y.precision == "country" and c.country == y.country:
            return True
        if y.precision == "admin1" and c.country == y.country and c.admin1 and normalize(c.admin1) in (
                normalize(y.name), normalize(y.admin1 or "")):
            return True
    return False


def _resolve_all(spans: list[Span], gaz: Gazetteer, demonyms: Counter[str]) -> dict[str, Candidate | None]:
    texts = Counter(normalize(sp.text) for sp in spans if sp.source not in ("road", "street"))
    cands = {normalize(sp.text): candidates(gaz, sp.text) for sp in spans if sp.source not in ("road", "street")}
    for sp in spans:
        if sp.within:
            key = normalize(sp.text)
            container = [c for c in gaz.lookup(sp.within) if c.precision in ("country", "admin1")]
            own = cands.get(key, [])
            inside = [c for c in own if _within(c, container)]
            cands[key] = inside or own or container[:1]
    focus = _focus(cands, texts, demonyms)
    first = {k: (max(cs, key=lambda c: _score(c, k, focus, [])) if cs else None) for k, cs in cands.items()}
    anchors = [c for c in first.values() if c is not None and c.precision in ("point", "admin2", "admin1")]
    out: dict[str, Candidate | None] = {}
    for key, cs in cands.items():
        others = [a for a in anchors if a is not first[key]]
        out[key] = max(cs, key=lambda c: _score(c, key, focus, others)) if cs else None
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


def resolve(text: str, spans: Sequence[Span], gaz: Gazetteer, ents: Sequence[Mention] = ()) -> list[Place]:
    """Resolve recognised spans in their document context."""
    demonyms = _demonyms(ents, gaz)
    named = [sp for sp in spans if sp.source not in ("road", "street")]
    best = _resolve_all(named, gaz, demonyms)
    resolved = [(sp, best[normalize(sp.text)]) for sp in named]
    pairs = [(sp, c) for sp, c in resolved if c is not None]
    countries = Counter(c.country for _, c in pairs if c.country) + demonyms
    focus = countries.most_common(1)[0][0] if countries else None
    fallback = _fallback(gaz, pairs, focus)
    places = [_to_place(sp, c if c is not None else fallback).replace(text=sp.text) for sp, c in resolved]
    for sp in spans:
        if sp.source in ("road", "street"):
            iso = _road_country(sp, pairs, focus) if sp.source == "road" else None
            country = gaz.country(iso) if iso else None
            place = _to_place(sp, country)
            places.append(place.replace(name=sp.text) if country is not None else place)
    return sorted(places, key=lambda p: p.start)


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
