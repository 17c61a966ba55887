"""Recognition filters for place mentions: which capitalised names are toponyms at all.

Shared by recognition and resolution in :mod:`eventwire.mentions.places`: the span record,
the lexical cues (locative prepositions, person titles, speech verbs, organisation suffixes),
gazetteer predicates ("a primary name of a real place", "a state or country"), the candidate
list of a name, and the document-level filters that drop metonymic uses ("the Kremlin said"),
people ("Sgt. Kosinski", "Tim Pawlenty"), groups ("the Tamil minority"), products
("2000 Ford Taurus") and names the gazetteer does not know and that do not look like places.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..gazetteer import ALTERNATE, Candidate, Gazetteer, normalize
from ..records import Mention

GOVERNMENT_SEATS = frozenset({
    "kremlin", "the kremlin", "white house", "the white house", "pentagon", "the pentagon",
    "downing street", "number 10", "whitehall", "elysee", "elysee palace", "zhongnanhai",
    "blue house", "capitol hill", "foggy bottom", "quai d'orsay",
})
SPEECH_AFTER = re.compile(
    r"^\s*(?:has |have |had |will |would |is |was )?(?:said|says|say|warned|warns|announced|"
    r"accused|denied|insisted|claimed|responded|rejected|urged|demanded|wants|threatened|"
    r"condemned|called|stated|hopes|believes|refused|agreed|confirmed)\b")
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|outside|across|around|into|toward|towards|through|throughout|"
    r"between|to|of|and|via|downtown|north of|south of|east of|west of)\s+$")
AP_STATES = MappingProxyType({
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky",
    "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan",
    "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana",
    "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota",
    "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island",
    "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee", "Vt.": "Vermont",
    "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming", "D.C.": "District of Columbia",
})
NOT_PLACE_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "god", "christmas", "easter", "mr", "mrs", "ms", "dr", "president",
    "police", "university", "school", "church", "city", "county", "state", "street", "north",
    "south", "east", "west", "the", "a", "an", "this", "that", "national", "federal", "center",
    "centre", "department", "office", "court", "hospital", "college", "park", "lake", "river",
    "mount", "new", "union", "victoria", "hope", "liberty", "unity", "independence", "justice",
    "commerce", "friendship", "industry", "enterprise", "progress", "opportunity", "reading",
    "mobile", "marine", "early", "many", "most", "more", "best", "deal", "chance", "orange",
    "wednesday night", "moscow time", "am", "pm", "ok", "tv", "it", "is", "i", "metro", "central",
    "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western",
    "olympic", "downtown", "midwest",
})
MAX_CANDIDATES = 40
CONTINENT_ADJECTIVES = MappingProxyType({
    "african": "Africa", "european": "Europe", "asian": "Asia", "south american": "South America",
    "north american": "North America", "antarctic": "Antarctica",
})
PERSON_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sgt|Gov|Sen|Rep|Rev|Lt|Capt|Col|Gen|Det|Cpl|Pvt|Officer|Judge|Justice|"
    r"Deputy|Mayor|President|Chief|Coach|Pastor|Father|Sister|Brother|Prof|Professor|Trooper|"
    r"Commissioner|Councilman|Councilwoman|Sheriff|Attorney|Secretary|Minister|Senator|King|Queen|"
    r"Prince|Princess|Lord|Lady|Sir|Dame)\.?\s+$")
PERSON_VERB_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:,\s*\d+,|(?:has |had |will |would |also |then |later )?"
    r"(?:said|says|told|added|explained|noted|testified|pleaded|admitted|recalled|wrote|asked|"
    r"figures|thinks|believes|knew|know|voted|visited|spent|scored|married|died|resigned))\b")
GROUP_AFTER = re.compile(
    r"^\s+(?:faith|minority|separatists?|rebels?|Tigers|moderates|diaspora|believers?|religion)\b")
ROLE_WORDS = frozenset({
    "police", "fire", "spokesman", "spokeswoman", "mayor", "marshal", "chief", "attorney", "commissioner",
    "sheriff", "officer", "deputy", "judge", "council", "county", "city", "native", "resident", "school",
    "state", "superintendent", "director", "manager", "president", "governor", "senator",
})
STRICT_LOCATIVE = re.compile(r"\b(?:in|near|outside|at)\s+$")
ORG_AFTER = re.compile(
    r"^\s+(?:Inc|Corp|Co|Ltd|LLC|Company|Corporation|Group|Foundation|Trust|Bank|Airlines|"
    r"Motors|Telecom|Energy|Oil|Petroleum|Holdings|Partners|Construction|Farms|Herald|Times|Gazette|"
    r"Tribune|Maneuver|Day|Award|Prize|Trophy)\b")
YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+$")
GEO_HEAD = re.compile(
    r"\b(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Drive|Dr\.|Boulevard|Blvd\.|Lane|Highway|Route|Parkway|"
    r"Court|Circle|Trail|Pike|Abbey|Dam|Airport|Base|Camp|Refinery|Mine|Market|Plaza|Mall|County|Parish|Borough|Township|City|Town|Village|Lake|River|Creek|Bay|Sea|Ocean|Gulf|Island|"
    r"Islands|Mountains?|Mount|Mt\.|Valley|Beach|Springs|Falls|Heights|Hills|Park|Province|Region|"
    r"State|District|Desert|Peninsula|Canyon|Harbor|Harbour|Port|Fort|Ft\.|Square|Bridge|Prairie)\b")
ADMIN_SUFFIX = re.compile(r"[ \t]+(?i:department|intendancy|commissary|province)$")
WATER_FEATURES = frozenset({"SEA", "GULF", "OCN", "LK", "STRT", "BAY", "STM", "CNL", "CHN"})


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised toponym before resolution: offsets into the text, and how it was found."""

    start: int
    end: int
    text: str
    source: str  # ent | org | pattern | xy | sub | road | street | ngram
    within: str | None = None  # "X, Y": the text of Y
    strong: bool = True  # recognised by a reliable cue (needed for single-word n-grams)
    kind: str | None = None  # "sub": the feature code of what the text calls it (PPLX, PPL, FRM, ...)

    def replace(self, **changes: object) -> Span:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


def good_candidates(cands: list[Candidate], *, prominent: bool) -> bool:
    """A name worth taking as a toponym without NER support: a primary name of a real place."""
    for c in cands:
        if c.name_kind == ALTERNATE:
            continue
        if c.precision in ("country", "admin1", "region", "admin2"):
            return True
        if c.population >= (5000 if prominent else 1000):
            return True
    return False


def is_container(gaz: Gazetteer, name: str) -> bool:
    return any(c.precision in ("country", "admin1") and c.name_kind != ALTERNATE for c in gaz.lookup(name))


def is_actor_use(text: str, sp: Span, gaz: Gazetteer) -> bool:
    """Metonymy and adjectives: "the Kremlin", "Washington said", "Turkish"."""
    key = normalize(sp.text)
    if key in GOVERNMENT_SEATS:
        return True
    if gaz.demonym(sp.text) and not gaz.has_name(sp.text):
        return True
    if key in NOT_PLACE_WORDS and sp.text != "US":
        return True
    if re.match(r"-(?:led|backed|allied|funded|brokered|based|made)\b", text[sp.end:sp.end + 10]):
        return True
    if SPEECH_AFTER.match(text[sp.end:sp.end + 40]) and not LOCATIVE_BEFORE.search(text[max(0, sp.start - 20):sp.start]):
        return any(c.feature == "PPLC" for c in gaz.lookup(sp.text)[:3])
    return False


def confirm(text: str, spans: list[Span]) -> list[Span]:
    """Keep weak spans (a place name spaCy called a person or organisation) only with support."""
    strong = {normalize(sp.text) for sp in spans if sp.strong}
    out = []
    for sp in spans:
        if sp.strong or normalize(sp.text) in strong or LOCATIVE_BEFORE.search(text[max(0, sp.start - 20):sp.start]):
            out.append(sp)
    return out


# --- filtering: names that are people, groups, organisations or unknown ---------------------------


@dataclass(frozen=True, slots=True)
class Context:
    """Document-level evidence about what capitalised names denote."""

    person_words: frozenset[str]
    group_words: frozenset[str]


def _person_words(text: str, ents: Sequence[Mention], gaz: Gazetteer) -> set[str]:
    """First names and surnames of people the document names ("Tim Pawlenty", "Sgt. Kosinski")."""
    words: set[str] = set()
    for ent in ents:
        parts = ent.text.split()
        if ent.label != "PERSON" or not 2 <= len(parts) <= 4 or any(
                normalize(w) in ROLE_WORDS or not re.fullmatch(r"[A-Z][\w'’\-.]*", w) for w in parts):
            continue
        if not good_candidates(gaz.lookup(ent.text), prominent=False):
            words.update(_bare(w) for w in (parts[0], parts[-1]))
    for m in re.finditer(PERSON_TITLE_BEFORE.pattern[:-1] + r"((?:[A-Z][\w'’\-]+\s+){0,2}[A-Z][\w'’\-]+)", text):
        name = m.group(1).split()[-1]
        if not any(c.population >= 50_000 for c in gaz.lookup(name)):
            words.add(_bare(name))
    return words


def _bare(word: str) -> str:
    return re.sub(r"(?:'s|')$", "", normalize(word))


def _is_big_container(gaz: Gazetteer, name: str) -> bool:
    return any(c.name_kind != ALTERNATE and (c.precision == "country" or (
        c.precision == "admin1" and c.population >= 1_000_000)) for c in gaz.lookup(name))


def document_context(text: str, ents: Sequence[Mention], gaz: Gazetteer, spans: Sequence[Span]) -> Context:
    people = _person_words(text, ents, gaz)
    for name in {sp.text for sp in spans if " " not in sp.text and sp.text[:1].isupper()}:
        for m in re.finditer(r"(?<![\w.])" + re.escape(name) + r"(?!\w)", text):
            if PERSON_VERB_AFTER.match(text[m.end():m.end() + 30]) and not (
                    is_container(gaz, name) or LOCATIVE_BEFORE.search(text[max(0, m.start() - 20):m.start()])):
                people.add(normalize(name))
                break
    located = {normalize(sp.text) for sp in spans if STRICT_LOCATIVE.search(text[max(0, sp.start - 10):sp.start])}
    groups = {normalize(e.text) for e in ents if e.label == "NORP"}
    groups |= {normalize(sp.text) for sp in spans if GROUP_AFTER.match(text[sp.end:sp.end + 20])}
    return Context(frozenset(people - located), frozenset(groups - located))


def is_named_thing(text: str, sp: Span, gaz: Gazetteer, ctx: Context) -> bool:
    """A person, group, product or unknown name rather than a place."""
    if sp.source in ("road", "street", "demonym"):
        return False
    key = normalize(sp.text)
    before, after = text[max(0, sp.start - 30):sp.start], text[sp.end:sp.end + 30]
    if PERSON_TITLE_BEFORE.search(before) or YEAR_BEFORE.search(before) or ORG_AFTER.match(after):
        return True
    if sp.source in ("xy", "pattern", "sub"):
        return False
    if key in ctx.person_words and not _is_big_container(gaz, sp.text):
        return True
    if key in ctx.group_words and not gaz.country(sp.text):
        return True
    return _is_unknown(sp, gaz)


def _is_unknown(sp: Span, gaz: Gazetteer) -> bool:
    """Not in the gazetteer and not shaped like a place name ("Titan", "NCIS", "Santa Claus")."""
    known = [c for c in candidates(gaz, sp.text) if c.population > 0 or c.precision != "point"]
    return not GEO_HEAD.search(sp.text) and not known


def candidates(gaz: Gazetteer, name: str) -> list[Candidate]:
    """The gazetteer readings a toponym may have, minus readings no reader would intend."""
    name = AP_STATES.get(name, name)
    found = gaz.lookup(name)[:MAX_CANDIDATES]
    bare = ADMIN_SUFFIX.sub("", name)
    if not found and bare != name:  # "Huanuco Department": the division, not the town of that name
        found = [c for c in gaz.lookup(bare)[:MAX_CANDIDATES] if c.precision in ("admin1", "admin2")]
    if any(c.feature == "PPLC" and c.population > 100_000 for c in found) and "State" not in name:
        found = [c for c in found if c.precision != "admin1"]  # "Washington" is the capital
    top_primary = max((c.population for c in found if c.name_kind != ALTERNATE), default=-1)
    found = [c for c in found  # "Arlington" is not Ship Bottom's old name; "Jenin" is Jinin's
             if c.name_kind != ALTERNATE or c.precision in ("country", "admin1", "region") or c.population > top_primary]
    if any(c.feature in WATER_FEATURES for c in found):  # "Red Sea": the sea, not Sudan's state
        found = [c for c in found if c.feature in WATER_FEATURES]
    return found + _adjective_readings(gaz, name, found)


def _adjective_readings(gaz: Gazetteer, name: str, found: list[Candidate]) -> list[Candidate]:
    """A national or continental adjective denotes its country or continent ("Canadian", "African"),
    even when a small place shares the word (Canadian County)."""
    if any(c.precision in ("country", "region") for c in found):
        return []
    continent = CONTINENT_ADJECTIVES.get(normalize(name))
    if continent is not None:
        return [c for c in gaz.lookup(continent) if c.feature == "CONT"][:1]
    iso = gaz.demonym(name)
    country = gaz.country(iso) if iso else None
    return [country] if country is not None else []
