"""Places the text itself defines: neighbourhoods, districts, villages, farms the gazetteer lacks.

The gazetteer holds populated places of 500 people or more, so the most specific place of a
report ("in the Miraflores neighborhood in Lima", "Tegucigalpa's Florencia del Este
neighborhood", "the village of Chinchipe, in the jungle province of La Mar", "Santa Maria del
Valle, Huanuco Department", "the place called La Motosa", "the Peru farm") is often missing or
ambiguous there. The text says what kind of place it is and usually what it lies in; this module
reads both.

Recognition (:func:`sub_spans`) gives ``Span(source="sub", kind=<GeoNames feature code>)``, with
``within`` the parent as written when the pattern names it ("X, Y Department", "Y's X
neighborhood"). :func:`parent_after` finds a parent written after the name ("... neighborhood in
Lima", "..., a village in Turbo municipality").

Resolution (:func:`sub_place`): a gazetteer reading of the name that lies inside the parent
(within ``NEAR_KM`` of a town, inside a state, inside a country) keeps its GeoNames id and
coordinates; otherwise the place keeps its own name and gets its parent's coordinates, country and
divisions, no GeoNames id, and a precision that says the coordinates are approximate: ``admin2``
when the parent is a town (the place is somewhere in or near that town), else the parent's own
precision. Either way the feature code is what the text calls it (``PPLX`` for a neighbourhood
or district of a town, ``PPL`` for a village, ``FRM`` for a farm, ``LCTY`` for a named spot), so
readers of the record can rank it below its parent in size.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType

from ..gazetteer import ALTERNATE, Candidate, Gazetteer, distance_km, normalize
from ..records import Place
from .place_filters import NOT_PLACE_WORDS, Span, good_candidates

# What the text calls a place -> GeoNames feature code.
KIND_FEATURES = MappingProxyType({
    "neighborhood": "PPLX", "neighbourhood": "PPLX", "barrio": "PPLX", "colonia": "PPLX",
    "suburb": "PPLX", "quarter": "PPLX", "sector": "PPLX", "district": "PPLX", "area": "LCTY",
    "zone": "LCTY", "village": "PPL", "hamlet": "PPL", "settlement": "PPL", "town": "PPL",
    "township": "PPL", "canton": "ADM3", "municipality": "ADM3", "jurisdiction": "ADM3",
    "farm": "FRM", "estate": "EST", "hacienda": "FRM", "ranch": "FRM", "place": "LCTY",
    "site": "LCTY", "spot": "LCTY", "locality": "LCTY",
})
# Features of places smaller than a town: ranked more specific than any gazetteer town.
SUB_FEATURES = frozenset({"PPLX", "LCTY", "ADM3", "FRM", "EST"})
NEAR_KM = 30.0  # a gazetteer reading this close to a town parent lies in it
WELL_KNOWN = 5000  # a reading this populous stands without a parent ("the Miraflores district")
GAZETTEER_KINDS = frozenset({"PPL", "ADM3", "PPLX"})  # kinds a gazetteer reading may stand for
# Words describing a neighbourhood, never part of its name ("the exclusive La Mascota neighborhood").
DESCRIPTORS = (
    r"residential|exclusive|poor|wealthy|working[- ]class|middle[- ]class|upper[- ]class|populous|"
    r"densely[ \t]+populated|commercial|industrial|downtown|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|nearby|neighboring|neighbouring|"
    r"same|small|rural|urban|marginal|busy|quiet|remote|isolated|mountain|jungle|coastal|border|"
    r"shantytown|slum|outlying|peripheral|capital's|city's"
)
WS = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # blanks, or one line break (wire copy wraps anywhere)
_DESC = rf"(?:(?i:{DESCRIPTORS}){WS})*"
_CAP = r"[A-Z][\w'’\-]*"
_CONN = r"(?:de|del|la|las|los|el|y|da|do|dos|das|di)"
NAME = rf"{_CAP}(?:{WS}(?:{_CONN}{WS}){{0,2}}{_CAP}){{0,3}}"
_KINDS_AFTER = (
    r"neighborhood|neighbourhood|barrio|district|sector|suburb|quarter|area|zone|village|hamlet|"
    r"settlement|canton|municipality|jurisdiction|farm|estate|hacienda|ranch"
)
_KINDS_OF = (
    r"neighborhood|neighbourhood|barrio|district|suburb|quarter|village|hamlet|town|township|"
    r"settlement|canton|farm|estate|hacienda|ranch|colony"
)
_ADMIN_AFTER = r"department|province|municipality|state|region|intendancy|commissary|canton"
# "the Thames Valley District School Board", "South Central District Senior Olympics": an organisation
_NOT_ORG = rf"(?!{WS}[A-Z][a-z])"
# "in the Miraflores neighborhood", "in Villa Maria del Triunfo district"
NAME_KIND = re.compile(
    rf"\b(?i:the|in|at|near|of|from|into|to){WS}(?:(?i:the){WS})?{_DESC}(?P<name>{NAME}){WS}"
    rf"(?P<kind>(?i:{_KINDS_AFTER}))\b{_NOT_ORG}")
# "Tegucigalpa's Florencia del Este neighborhood"
OWNER_NAME_KIND = re.compile(
    rf"(?P<owner>{NAME})['’][sS]{WS}{_DESC}(?P<name>{NAME}){WS}(?P<kind>(?i:{_KINDS_AFTER}))\b{_NOT_ORG}")
# all-caps text whose case restorer lower-cased a name: "in the miraflores district"
LOWER_NAME_KIND = re.compile(
    rf"\b(?i:the|in){WS}(?P<name>[a-z][a-z'’\-]{{3,}}){WS}(?P<kind>(?i:neighborhood|neighbourhood|district|barrio))\b")
# "the residential district of miraflores" after case restoration
LOWER_KIND_OF_NAME = re.compile(
    rf"\b(?i:the|a|an){WS}{_DESC}(?P<kind>(?i:district|neighborhood|neighbourhood|barrio|village|town))"
    rf"{WS}(?i:of){WS}(?P<name>[a-z][a-z'’\-]{{3,}})\b")
# "the village of Chinchipe", "the residential district of Miraflores"
KIND_OF_NAME = re.compile(
    rf"\b(?i:the|a|an|this|that){WS}{_DESC}(?P<kind>(?i:{_KINDS_OF})){WS}(?i:of){WS}(?P<name>{NAME})")
# "the place called La Motosa", "a farm known as El Recreo"
CALLED = re.compile(
    rf"\b(?P<kind>(?i:place|site|spot|area|locality|hamlet|village|estate|farm|hacienda|ranch|"
    rf"neighborhood|neighbourhood)){WS}(?i:called|known{WS}as|named){WS}(?P<name>{NAME})")
# "Santa Maria del Valle, Huanuco Department", "Mulalo, Yumbo municipality"
NAME_COMMA_ADMIN = re.compile(
    rf"(?P<name>{NAME}),{WS}(?P<parent>{NAME}{WS}(?i:{_ADMIN_AFTER}))\b")
# "Puerto Bello, a village in Turbo municipality"
NAME_APPOSITION = re.compile(
    rf"(?P<name>{NAME}),{WS}(?i:an?|the){WS}(?:(?i:small|tiny|remote|poor|rural){WS})?"
    rf"(?P<kind>(?i:village|hamlet|town|settlement|neighborhood|neighbourhood|district|farm|estate|hacienda))\b"
    rf"(?={WS}?(?:[,.;:)]|$|(?:in|of|near|on|outside|located|where|north|south|east|west|about|some)\b))")
# the text between a place and the parent written after it: "... neighborhood in", ", in the jungle province of"
PARENT_BETWEEN = re.compile(
    rf"^\s*,?\s*(?:(?:[a-z-]+|[A-Z][a-z-]+){WS}){{0,4}}?(?i:in|of|near){WS}(?:(?i:the){WS})?"
    rf"(?:(?i:[a-z-]+){WS}){{0,2}}?$")
NOT_NAMES = frozenset({"the", "this", "that", "its", "their", "his", "her", "our", "same", "whole", "entire",
                       "other", "capital", "country", "city", "town", "area", "region", "zone", "metropolitan",
                       "a", "an", "another", "one", "municipal", "local"})


def _feature(kind: str) -> str:
    return KIND_FEATURES[kind.casefold()]


# Words of an organisation's or a building's name: "Butler County Transportation Improvement District"
ORG_WORDS = frozenset({"school", "schools", "market", "development", "transportation", "improvement", "office",
                       "attorney", "attorney’s", "attorney's", "board", "company", "authority", "commission",
                       "council", "county", "department", "police", "fire", "water", "sanitation", "hospital",
                       "college", "university", "church", "center", "centre", "business", "historic", "senior"})


def _usable(name: str) -> bool:
    """A name, not a descriptor or a generic word ("the Residential neighborhood", "the City district")."""
    words = name.split()
    return bool(words) and not ORG_WORDS.intersection(w.casefold() for w in words) and name.casefold() not in NOT_PLACE_WORDS and words[0].casefold() not in NOT_NAMES \
        and words[-1].casefold() not in KIND_FEATURES and not re.fullmatch(DESCRIPTORS, words[0], re.I)


def sub_spans(text: str, gaz: Gazetteer) -> list[Span]:
    """Places the text calls a neighbourhood, district, village, farm ... (see the module doc)."""
    out: list[Span] = []
    kinds_used: set[int] = set()

    def add(m: re.Match[str], kind: str, within: str | None = None) -> bool:
        name, end = m.group("name"), m.end("name")
        if name[-2:] in ("'s", "’s"):  # "the Village of Glen Carbon's budget"
            name, end = name[:-2], end - 2
        if not _usable(name) or gaz.demonym(name):
            return False
        out.append(Span(m.start("name"), end, name, "sub", within=within, kind=kind))
        return True

    for m in OWNER_NAME_KIND.finditer(text):
        if add(m, _feature(m.group("kind")), within=m.group("owner")):
            kinds_used.add(m.start("kind"))
    for m in NAME_KIND.finditer(text):
        if m.start("kind") not in kinds_used and _add_named_kind(m, gaz, add):
            kinds_used.add(m.start("kind"))
    for m in LOWER_NAME_KIND.finditer(text):
        name = m.group("name")
        if m.start("kind") not in kinds_used and good_candidates(gaz.lookup(name), prominent=True) \
                and add(m, _feature(m.group("kind"))):
            kinds_used.add(m.start("kind"))
    for m in KIND_OF_NAME.finditer(text):
        if m.start("kind") not in kinds_used:  # not "the Moreno district of Buenos Aires"
            add(m, _feature(m.group("kind")))
    for m in LOWER_KIND_OF_NAME.finditer(text):
        if good_candidates(gaz.lookup(m.group("name")), prominent=True):
            add(m, _feature(m.group("kind")))
    for m in CALLED.finditer(text):
        add(m, "LCTY" if m.group("kind").casefold() in ("place", "site", "spot", "area", "locality")
            else _feature(m.group("kind")))
    for m in NAME_COMMA_ADMIN.finditer(text):
        add(m, "PPL", within=m.group("parent"))
    for m in NAME_APPOSITION.finditer(text):
        add(m, _feature(m.group("kind")))
    return out


def _add_named_kind(m: re.Match[str], gaz: Gazetteer, add) -> bool:  # type: ignore[no-untyped-def]
    """"the X area" is X itself when X is a known place; other kinds name a place of their own."""
    kind = m.group("kind").casefold()
    if kind in ("area", "zone", "sector") and gaz.has_name(m.group("name")):
        return False
    return bool(add(m, _feature(kind)))


def parent_after(text: str, sp: Span, spans: Sequence[Span]) -> Span | None:
    """The place written right after ``sp`` as what it lies in ("... neighborhood in Lima")."""
    for other in sorted(spans, key=lambda s: s.start):
        if other.start < sp.end or other.source in ("road", "street"):
            continue
        if other.start - sp.end > 80:
            return None
        between = text[sp.end:other.start]
        kind_word = re.match(rf"^{WS}(?i:{_KINDS_AFTER})\b", between)
        rest = between[kind_word.end():] if kind_word else between
        admin = re.match(rf"{WS}(?i:{_ADMIN_AFTER})\b", text[other.end:]) or re.search(rf"\b(?i:{_ADMIN_AFTER})$", other.text)
        if re.fullmatch(r"\s*,\s*", rest) and admin:
            return other  # "the El Pedregal neighborhood, Bello municipality", "Rio Blanco municipality, Tolima Department"
        return other if PARENT_BETWEEN.match(rest) else None
    return None


def lies_in(c: Candidate | Place, parent: Candidate | Place) -> bool:
    """Is ``c`` inside ``parent`` (near a town, in a state, in a country)?"""
    if c.country != parent.country or c.country is None:
        return False
    if parent.precision == "country":
        return True
    if parent.precision in ("admin1", "region"):
        return bool(c.admin1) and normalize(c.admin1 or "") in (normalize(parent.name), normalize(parent.admin1 or ""))
    if c.lat is None or parent.lat is None or c.lon is None or parent.lon is None:
        return False
    return distance_km(c.lat, c.lon, parent.lat, parent.lon) <= NEAR_KM


def sub_place(sp: Span, own: Sequence[Candidate], parent: Candidate | Place | None, *, written: bool = True) -> Place:
    """The place ``sp`` names, inside ``parent`` (see the module doc). When the text does not name the
    parent (``written`` False: a nearby town or the document's main area), any gazetteer reading in
    the parent's country will do."""
    kind = sp.kind or "LCTY"
    points = [c for c in own if c.precision == "point"]
    inside = [c for c in points if parent is not None and lies_in(c, parent)]
    if not inside and not written:  # no parent written: the main country, else a well-known place
        inside = [c for c in points if parent is not None and c.country == parent.country]
        if parent is None or parent.precision in ("admin1", "region", "country"):  # no town nearby either
            inside = inside or [c for c in points[:1] if c.population >= WELL_KNOWN and c.name_kind != ALTERNATE]
    if inside and kind in GAZETTEER_KINDS:
        c = inside[0]
        return Place(text=sp.text, name=c.name, start=sp.start, end=sp.end, geonameid=c.geonameid, lat=c.lat,
                     lon=c.lon, country=c.country, admin1=c.admin1, admin2=c.admin2, precision=c.precision,
                     feature=kind if kind in SUB_FEATURES else c.feature)
    name = _display(sp.text)
    if parent is None:
        return Place(text=sp.text, name=name, start=sp.start, end=sp.end, precision="point", feature=kind)
    precision = "admin2" if parent.precision == "point" else parent.precision
    return Place(text=sp.text, name=name, start=sp.start, end=sp.end, lat=parent.lat, lon=parent.lon,
                 country=parent.country, admin1=parent.admin1, admin2=parent.admin2 if parent.precision != "country"
                 else None, precision=precision, feature=kind)


def _display(written: str) -> str:
    """A canonical form of a name written in any case: "FLORENCIA DEL ESTE" -> "Florencia del Este"."""
    if written != written.upper() and written != written.lower():
        return " ".join(written.split())
    words = written.lower().split()
    return " ".join(w if i and re.fullmatch(_CONN, w) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def is_sub(place: Place) -> bool:
    """A place smaller than a town: a neighbourhood, district, farm, named spot."""
    return place.feature in SUB_FEATURES
