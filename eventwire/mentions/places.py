"""Place mentions: find toponyms in an article and resolve them against the gazetteer.

Recognition combines spaCy's GPE/LOC/FAC entities with patterns spaCy misses: "X, Y" where Y
is a state or country ("Sinjar, Iraq", "Kantyshevo, south-west Russia", "Alexandria, La."),
"the town/village of X", place names heading an organisation ("Rapides Parish Sheriff's
Office" -> "Rapides Parish"), capitalised gazetteer names after a locative preposition
("in Cottonport"), and roads and streets ("Highway 47", "Memphis St.").

Not places: national adjectives ("Turkish" only sets the country focus), seats of government
used for their occupants ("the Kremlin said"; "Washington warned" when a capital is followed
by a speech verb), and names the document shows to be something else: people (a first name or
surname of a multi-word PERSON entity, a word after a title such as "Sgt."/"Mrs.", a name
followed by "said"/"told" away from any locative preposition), groups ("the Tamil minority",
any NORP entity), products and companies ("2000 Ford Taurus", "Petrojet's" when the
gazetteer lacks the name and it has no geographic head word). All-caps datelines inside the
text ("... blaze. TORRINGTON — A fire") and towns after street addresses ("of 1935 Orchard
St., Alexandria") are recognised.

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

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BUILDING = re.compile(
    r"\b(?:Jail|Court|Courthouse|Hall|Station|School|Hospital|Center|Centre|Office|Department|"
    r"Church|Library|Airport|Prison|Museum|Stadium|University|College|Academy|Park|Police)\b")
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
AP_STATES = {
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
}
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
WATER_FEATURES = frozenset({"SEA", "GULF", "OCN", "LK", "STRT", "BAY", "STM", "CNL", "CHN"})


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    text: str
    source: str  # ent | org | pattern | xy | road | street | ngram
    within: str | None = None  # "X, Y": the text of Y
    strong: bool = True  # recognised by a reliable cue (needed for single-word n-grams)


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


def _ent_spans(text: str, ents: Sequence[Mention], gaz: Gazetteer) -> list[_Span]:
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
            elif _good_candidates(gaz.lookup(name), prominent=True):
                out.append(_Span(start, end, name, "org", strong=False))
        elif ent.label == "PERSON" and _good_candidates(gaz.lookup(name), prominent=False):
            out.append(_Span(start, end, name, "org", strong=False))
    return out


def _undirected(text: str, start: int, end: int, gaz: Gazetteer) -> _Span:
    """"Northeast Georgia" -> "Georgia" when only the bare name is a known place."""
    m = re.match(r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|"
                 r"Northeast|Northwest|Southeast|Southwest|Upper|Lower)\s+", text[start:end])
    if m and not gaz.has_name(text[start:end]) and gaz.has_name(text[start + m.end():end]):
        start += m.end()
    return _Span(start, end, text[start:end], "ent")


def _place_head(text: str, start: int, end: int, gaz: Gazetteer) -> _Span | None:
    """The longest leading place name of an organisation ("Alexandria Police" -> "Alexandria")."""
    words = list(re.finditer(r"[\w.'’\-]+", text[start:end]))
    for n in range(len(words) - 1, 0, -1):
        s, e = start + words[0].start(), start + words[n - 1].end()
        name = text[s:e]
        if name.casefold() in NOT_PLACE_WORDS or not name[:1].isupper():
            continue
        if _good_candidates(gaz.lookup(name), prominent=True):
            return _Span(s, e, name, "org")
    return None


def _good_candidates(cands: list[Candidate], *, prominent: bool) -> bool:
    """A name worth taking as a toponym without NER support: a primary name of a real place."""
    for c in cands:
        if c.name_kind == ALTERNATE:
            continue
        if c.precision in ("country", "admin1", "region", "admin2"):
            return True
        if c.population >= (5000 if prominent else 1000):
            return True
    return False


def _pattern_spans(text: str, gaz: Gazetteer) -> list[_Span]:
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
        out.append(_Span(x_start, x_end, x, "xy", within=None if _is_container(gaz, x) else y_text))
        out.append(_Span(m.start(3), m.start(3) + y_len, text[m.start(3):m.start(3) + y_len], "xy"))
    for m in ABBREVIATED.finditer(text):
        out.append(_Span(m.start(), m.end(), m.group(0), "pattern"))
    m = DATELINE.match(text)
    if m and _good_candidates(gaz.lookup(m.group(1)), prominent=False):
        out.append(_Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in INNER_DATELINE.finditer(text):
        if m.start(1) > 0 and _good_candidates(gaz.lookup(m.group(1)), prominent=False):
            out.append(_Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in ADDRESS_TOWN.finditer(text):
        if _good_candidates(gaz.lookup(m.group(1)), prominent=False):
            out.append(_Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in SETTLEMENT_OF.finditer(text):
        out.append(_Span(m.start(1), m.end(1), m.group(1), "pattern"))
    for m in ROAD.finditer(text):
        if not re.fullmatch(r"[A-Z]\.?[A-Z][a-z]?\.?\s?\d+", m.group(0)) or m.group(0)[:2] in ("I-",):
            out.append(_Span(m.start(), m.end(), m.group(0), "road"))
    for m in STREET.finditer(text):
        s, e = _trim(text, m.start(), m.end())
        if text[s:e].split()[0].casefold() not in NOT_PLACE_WORDS:
            out.append(_Span(s, e, text[s:e], "street"))
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
        if cand and _is_container(gaz, cand):
            return cand, len(cand)
    return None


def _is_container(gaz: Gazetteer, name: str) -> bool:
    return any(c.precision in ("country", "admin1") and c.name_kind != ALTERNATE for c in gaz.lookup(name))


def _ngram_spans(text: str, gaz: Gazetteer, taken: list[tuple[int, int]]) -> list[_Span]:
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
            if _good_candidates(gaz.lookup(name), prominent=False):
                out.append(_Span(m.start(), m.start() + len(name), name, "ngram"))
                break
    return out


def _select(spans: list[_Span]) -> list[_Span]:
    """Resolve overlaps: prefer pattern evidence, then longer spans, then earlier ones."""
    rank = {"xy": 0, "pattern": 1, "road": 2, "ent": 3, "street": 4, "org": 5, "ngram": 6, "prop": 7, "demonym": 8}
    chosen: list[_Span] = []
    for sp in sorted(spans, key=lambda s: (rank[s.source], -(s.end - s.start), s.start)):
        if any(sp.start < c.end and c.start < sp.end for c in chosen):
            continue
        chosen.append(sp)
    return sorted(chosen, key=lambda s: s.start)


def _is_actor_use(text: str, sp: _Span, gaz: Gazetteer) -> bool:
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


def _confirm(text: str, spans: list[_Span]) -> list[_Span]:
    """Keep weak spans (a place name spaCy called a person or organisation) only with support."""
    strong = {normalize(sp.text) for sp in spans if sp.strong}
    out = []
    for sp in spans:
        if sp.strong or normalize(sp.text) in strong or LOCATIVE_BEFORE.search(text[max(0, sp.start - 20):sp.start]):
            out.append(sp)
    return out


def _propagate(text: str, spans: list[_Span], ents: Sequence[Mention]) -> list[_Span]:
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
            added.append(_Span(m.start(), m.end(), name, "prop"))
            taken.append(span)
    return sorted(spans + added, key=lambda sp: sp.start)


def recognise(text: str, ents: Sequence[Mention], gaz: Gazetteer) -> list[_Span]:
    """Toponym spans of ``text`` (not yet resolved)."""
    spans = _ent_spans(text, ents, gaz) + _pattern_spans(text, gaz)
    taken = [(e.start, e.end) for e in ents] + [(s.start, s.end) for s in spans]
    spans += _ngram_spans(text, gaz, taken)
    selected = _select(spans)
    ctx = _context(text, ents, gaz, selected)
    kept = [sp for sp in _confirm(text, selected)
            if not _is_actor_use(text, sp, gaz) and not _is_named_thing(text, sp, gaz, ctx)]
    return [sp for sp in _propagate(text, kept, ents)
            if not _is_actor_use(text, sp, gaz) and not _is_named_thing(text, sp, gaz, ctx)]


def demonym_spans(text: str, ents: Sequence[Mention], gaz: Gazetteer) -> list[_Span]:
    """National adjectives ("Egyptian", "Sri Lankan") as spans; some gold sets count them."""
    out = []
    for ent in ents:
        if ent.label in ("NORP", "GPE", "PERSON") and gaz.demonym(ent.text) and not gaz.has_name(ent.text):
            out.append(_Span(ent.start, ent.end, ent.text, "demonym"))
    return out


# --- filtering: names that are people, groups, organisations or unknown ---------------------------


@dataclass(frozen=True, slots=True)
class _Context:
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
        if not _good_candidates(gaz.lookup(ent.text), prominent=False):
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


def _context(text: str, ents: Sequence[Mention], gaz: Gazetteer, spans: Sequence[_Span]) -> _Context:
    people = _person_words(text, ents, gaz)
    for name in {sp.text for sp in spans if " " not in sp.text and sp.text[:1].isupper()}:
        for m in re.finditer(r"(?<![\w.])" + re.escape(name) + r"(?!\w)", text):
            if PERSON_VERB_AFTER.match(text[m.end():m.end() + 30]) and not (
                    _is_container(gaz, name) or LOCATIVE_BEFORE.search(text[max(0, m.start() - 20):m.start()])):
                people.add(normalize(name))
                break
    located = {normalize(sp.text) for sp in spans if STRICT_LOCATIVE.search(text[max(0, sp.start - 10):sp.start])}
    groups = {normalize(e.text) for e in ents if e.label == "NORP"}
    groups |= {normalize(sp.text) for sp in spans if GROUP_AFTER.match(text[sp.end:sp.end + 20])}
    return _Context(frozenset(people - located), frozenset(groups - located))


def _is_named_thing(text: str, sp: _Span, gaz: Gazetteer, ctx: _Context) -> bool:
    """A person, group, product or unknown name rather than a place."""
    if sp.source in ("road", "street", "demonym"):
        return False
    key = normalize(sp.text)
    before, after = text[max(0, sp.start - 30):sp.start], text[sp.end:sp.end + 30]
    if PERSON_TITLE_BEFORE.search(before) or YEAR_BEFORE.search(before) or ORG_AFTER.match(after):
        return True
    if sp.source in ("xy", "pattern"):
        return False
    if key in ctx.person_words and not _is_big_container(gaz, sp.text):
        return True
    if key in ctx.group_words and not gaz.country(sp.text):
        return True
    return _is_unknown(sp, gaz)


def _is_unknown(sp: _Span, gaz: Gazetteer) -> bool:
    """Not in the gazetteer and not shaped like a place name ("Titan", "NCIS", "Santa Claus")."""
    known = [c for c in _candidates(gaz, sp.text) if c.population > 0 or c.precision != "point"]
    return not GEO_HEAD.search(sp.text) and not known


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


def _candidates(gaz: Gazetteer, name: str) -> list[Candidate]:
    name = AP_STATES.get(name, name)
    found = gaz.lookup(name)[:MAX_CANDIDATES]
    if any(c.feature == "PPLC" and c.population > 100_000 for c in found) and "State" not in name:
        found = [c for c in found if c.precision != "admin1"]  # "Washington" is the capital
    top_primary = max((c.population for c in found if c.name_kind != ALTERNATE), default=-1)
    found = [c for c in found  # "Arlington" is not Ship Bottom's old name; "Jenin" is Jinin's
             if c.name_kind != ALTERNATE or c.precision in ("country", "admin1", "region") or c.population > top_primary]
    if any(c.feature in WATER_FEATURES for c in found):  # "Red Sea": the sea, not Sudan's state
        found = [c for c in found if c.feature in WATER_FEATURES]
    if not found:
        iso = gaz.demonym(name)
        country = gaz.country(iso) if iso else None
        found = [country] if country is not None else []
    return found


def _within(c: Candidate, container: list[Candidate]) -> bool:
    for y in container:
        if y.precision == "country" and c.country == y.country:
            return True
        if y.precision == "admin1" and c.country == y.country and c.admin1 and normalize(c.admin1) in (
                normalize(y.name), normalize(y.admin1 or "")):
            return True
    return False


def _resolve_all(spans: list[_Span], gaz: Gazetteer, demonyms: Counter[str]) -> dict[str, Candidate | None]:
    texts = Counter(normalize(sp.text) for sp in spans if sp.source not in ("road", "street"))
    cands = {normalize(sp.text): _candidates(gaz, sp.text) for sp in spans if sp.source not in ("road", "street")}
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


def _road_country(sp: _Span, resolved: list[tuple[_Span, Candidate]], focus: str | None) -> str | None:
    nearby = [(abs(s.start - sp.start), c.country) for s, c in resolved
              if c.country and c.precision in ("point", "admin2", "admin1")]
    if nearby:
        return min(nearby)[1]
    return focus


def _fallback(gaz: Gazetteer, pairs: list[tuple[_Span, Candidate]], focus: str | None) -> Candidate | None:
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


def _to_place(sp: _Span, c: Candidate | None) -> Place:
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


def resolve(text: str, spans: Sequence[_Span], gaz: Gazetteer, ents: Sequence[Mention] = ()) -> list[Place]:
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
    given = [_Span(s, e, text[s:e], "ent") for s, e in spans]
    given_keys = {(s, e) for s, e in spans}
    for sp in context:
        if sp.within and (sp.start, sp.end) in given_keys:
            given = [g if (g.start, g.end) != (sp.start, sp.end) else sp for g in given]
    places = resolve(text, given + [sp for sp in context if (sp.start, sp.end) not in given_keys
                                    and sp.source not in ("road", "street")], gaz, ents)
    return [p for p in places if (p.start, p.end) in given_keys]
