"""Actor mentions: a bundled, editable dictionary plus generated state actors and an NER fallback.

Three sources, in priority order for overlapping spans (longest span wins, then priority):

1. ``data/actors.tsv`` (and any user files): named groups and institutions with aliases.
2. Generated state actors: a country or demonym followed by a force/government noun
   ("Russian officials", "Iraqi troops", "Syria's army") -> "Government of Russia",
   "Military Forces of Iraq"; a bare country name used as an actor -> the country.
3. Generic role nouns ("militants", "civilians", "protesters", "police") and, last, spaCy
   ORG/PERSON/NORP entities not covered by anything above.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..records import Actor, Mention

# role noun -> (name template, actor type); {c} is the country name
STATE_ROLES: dict[str, tuple[str, str]] = {
    "forces": ("Military Forces of {c}", "state forces"),
    "troops": ("Military Forces of {c}", "state forces"),
    "soldiers": ("Military Forces of {c}", "state forces"),
    "army": ("Military Forces of {c}", "state forces"),
    "military": ("Military Forces of {c}", "state forces"),
    "armed forces": ("Military Forces of {c}", "state forces"),
    "military forces": ("Military Forces of {c}", "state forces"),
    "security forces": ("Military Forces of {c}", "state forces"),
    "special forces": ("Military Forces of {c}", "state forces"),
    "air force": ("Military Forces of {c}", "state forces"),
    "navy": ("Military Forces of {c}", "state forces"),
    "warplanes": ("Military Forces of {c}", "state forces"),
    "jets": ("Military Forces of {c}", "state forces"),
    "fighter jets": ("Military Forces of {c}", "state forces"),
    "aircraft": ("Military Forces of {c}", "state forces"),
    "drones": ("Military Forces of {c}", "state forces"),
    "police": ("Police Forces of {c}", "state forces"),
    "policemen": ("Police Forces of {c}", "state forces"),
    "police officers": ("Police Forces of {c}", "state forces"),
    "officials": ("Government of {c}", "government"),
    "military officials": ("Military Forces of {c}", "state forces"),
    "security officials": ("Government of {c}", "government"),
    "authorities": ("Government of {c}", "government"),
    "government": ("Government of {c}", "government"),
    "president": ("Government of {c}", "government"),
    "prime minister": ("Government of {c}", "government"),
    "foreign ministry": ("Government of {c}", "government"),
    "defence ministry": ("Government of {c}", "government"),
    "defense ministry": ("Government of {c}", "government"),
    "ministry of defence": ("Government of {c}", "government"),
    "ministry of defense": ("Government of {c}", "government"),
    "civilians": ("Civilians ({c})", "civilians"),
    "protesters": ("Protesters ({c})", "protesters"),
    "demonstrators": ("Protesters ({c})", "protesters"),
}

# generic role nouns without a country
GENERIC_ROLES: dict[str, tuple[str, str]] = {
    "militants": ("Unidentified armed group", "rebel group"),
    "gunmen": ("Unidentified armed group", "rebel group"),
    "gunman": ("Unidentified armed group", "rebel group"),
    "suicide bomber": ("Unidentified armed group", "terrorist group"),
    "bomber": ("Unidentified armed group", "terrorist group"),
    "attacker": ("Unidentified armed group", "rebel group"),
    "assailant": ("Unidentified armed group", "rebel group"),
    "sniper": ("Unidentified armed group", "rebel group"),
    "insurgents": ("Unidentified armed group", "rebel group"),
    "rebels": ("Unidentified armed group", "rebel group"),
    "guerrillas": ("Unidentified armed group", "rebel group"),
    "terrorists": ("Unidentified armed group", "terrorist group"),
    "jihadists": ("Unidentified armed group", "terrorist group"),
    "extremists": ("Unidentified armed group", "terrorist group"),
    "attackers": ("Unidentified armed group", "rebel group"),
    "armed men": ("Unidentified armed group", "rebel group"),
    "heavily armed men": ("Unidentified armed group", "rebel group"),
    "unidentified men": ("Unidentified armed group", "rebel group"),
    "masked men": ("Unidentified armed group", "rebel group"),
    "hooded men": ("Unidentified armed group", "rebel group"),
    "subversives": ("Unidentified armed group", "rebel group"),
    "assailants": ("Unidentified armed group", "rebel group"),
    "death squads": ("Unidentified armed group", "political militia"),
    "militia": ("Unidentified militia", "political militia"),
    "militiamen": ("Unidentified militia", "political militia"),
    "civilians": ("Civilians", "civilians"),
    "villagers": ("Civilians", "civilians"),
    "residents": ("Civilians", "civilians"),
    "passengers": ("Civilians", "civilians"),
    "students": ("Civilians", "civilians"),
    "children": ("Civilians", "civilians"),
    "journalists": ("Civilians", "civilians"),
    "protesters": ("Protesters", "protesters"),
    "rioters": ("Protesters", "protesters"),
    "demonstrators": ("Protesters", "protesters"),
    "police": ("Police Forces", "state forces"),
    "policemen": ("Police Forces", "state forces"),
    "soldiers": ("Military Forces", "state forces"),
    "troops": ("Military Forces", "state forces"),
    "security forces": ("Military Forces", "state forces"),
    "special forces": ("Military Forces", "state forces"),
    "the army": ("Military Forces", "state forces"),
    "government forces": ("Military Forces", "state forces"),
    "government troops": ("Military Forces", "state forces"),
    "the air force": ("Military Forces", "state forces"),
    "the navy": ("Military Forces", "state forces"),
    "riot police": ("Police Forces", "state forces"),
    "the coalition": ("Unidentified coalition", "international"),
    "the group": ("Unidentified armed group", "rebel group"),
    "the militant group": ("Unidentified armed group", "rebel group"),
    "the armed group": ("Unidentified armed group", "rebel group"),
}
ANAPHORS_ONLY = {"the group", "the militant group", "the armed group", "the coalition"}  # dropped when unresolved

# common names that differ from pycountry's official short names
COUNTRY_ALIASES: dict[str, str] = {
    "US": "USA", "U.S.": "USA", "United States": "USA", "America": "USA", "Britain": "GBR",
    "UK": "GBR", "U.K.": "GBR", "Russia": "RUS", "Iran": "IRN", "Syria": "SYR",
    "South Korea": "KOR", "North Korea": "PRK", "Venezuela": "VEN", "Bolivia": "BOL",
    "Tanzania": "TZA", "Vietnam": "VNM", "Laos": "LAO", "Moldova": "MDA", "Congo": "COD",
    "DR Congo": "COD", "DRC": "COD", "Taiwan": "TWN", "Palestine": "PSE", "Turkey": "TUR",
    "Ivory Coast": "CIV", "Burma": "MMR", "Czech Republic": "CZE", "Kosovo": "XKX",
    "PRC": "CHN", "People's Republic of China": "CHN", "DPRK": "PRK", "ROK": "KOR",
    "UAE": "ARE", "Saudi Arabia": "SAU", "Great Britain": "GBR",
    "Bosnia": "BIH", "Bosnia-Herzegovina": "BIH", "Macedonia": "MKD", "Holland": "NLD",
    "Swaziland": "SWZ", "East Timor": "TLS", "Cape Verde": "CPV", "Zaire": "COD", "Brunei": "BRN",
    "Cote d'Ivoire": "CIV", "Côte d'Ivoire": "CIV", "The Gambia": "GMB", "Vatican": "VAT",
    "Micronesia": "FSM", "Republic of Congo": "COG", "Congo-Brazzaville": "COG", "Byelorussia": "BLR",
}
SHORT_NAMES: dict[str, str] = {
    "USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "IRN": "Iran",
    "SYR": "Syria", "KOR": "South Korea", "PRK": "North Korea", "VEN": "Venezuela",
    "BOL": "Bolivia", "TZA": "Tanzania", "VNM": "Vietnam", "LAO": "Laos", "MDA": "Moldova",
    "COD": "DR Congo", "TWN": "Taiwan", "PSE": "Palestine", "TUR": "Turkey", "XKX": "Kosovo",
}

ACRONYM = re.compile(r"^[A-Z][A-Z0-9.\-]{0,4}$")


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    type: str
    country: str | None


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """Compiled alias patterns. Load once per worker with :meth:`load` and pass it in."""

    entries: dict[str, Entry]
    aliases: dict[str, str]  # lowercased alias -> entry id (case-insensitive aliases)
    acronyms: dict[str, str]  # alias as written -> entry id (case-sensitive)
    countries: dict[str, str]  # lowercased country name or demonym -> ISO3
    country_names: dict[str, str]  # ISO3 -> short name
    pattern: re.Pattern[str]
    acronym_pattern: re.Pattern[str]
    state_pattern: re.Pattern[str]
    generic_pattern: re.Pattern[str]

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> ActorDictionary:
        rows = _read_tsv(resources.files("eventwire").joinpath("data/actors.tsv").read_text("utf-8"))
        for path in extra:
            rows += _read_tsv(Path(path).read_text("utf-8"))
        entries: dict[str, Entry] = {}
        aliases: dict[str, str] = {}
        acronyms: dict[str, str] = {}
        for row in rows:
            ident, name, kind, country, alias_field = (row + ["", "", "", "", ""])[:5]
            entries[ident] = Entry(ident, name, kind, None if country in ("", "-") else country)
            for alias in [name, *alias_field.split("|")]:
                alias = alias.strip()
                if not alias:
                    continue
                if (ACRONYM.match(alias) or any(c.isupper() for c in alias[1:])) and len(alias.replace(".", "")) <= 4:
                    acronyms[alias] = ident  # "IS", "LeT": only as written, never the words "is", "let"
                else:
                    aliases[alias.lower()] = ident
        countries, country_names = _country_table()
        return cls(
            entries=entries, aliases=aliases, acronyms=acronyms, countries=countries,
            country_names=country_names,
            pattern=_alternation(aliases, flags=re.IGNORECASE),
            acronym_pattern=_alternation(acronyms, flags=0),
            state_pattern=_state_pattern(countries),
            generic_pattern=_alternation(GENERIC_ROLES, flags=re.IGNORECASE),
        )

    def country_of(self, word: str) -> str | None:
        """ISO3 for a country name or demonym ("Russian", "Iraq", "U.S."), else None."""
        return self.countries.get(word.lower().removesuffix("'s").removesuffix("’s"))


def find_actors(
    text: str, ents: Iterable[Mention], actors: ActorDictionary, *, all_caps: bool = False,
) -> tuple[Actor, ...]:
    """All actor mentions in ``text``, non-overlapping, in text order."""
    found: list[tuple[int, Actor]] = []  # (priority, actor); lower priority value wins ties
    ents = tuple(ents)
    persons = [(e.start, e.end) for e in ents if e.label == "PERSON"]
    for m in actors.pattern.finditer(text):  # aliases match across line breaks ("LIBERATION\nMOVEMENT")
        if any(a <= m.start() and m.end() <= b and b - a > m.end() - m.start() for a, b in persons):
            continue  # part of a person's name: "Braspetro president Wagner Freire" is no Wagner Group
        entry = actors.entries[actors.aliases[" ".join(m.group(0).split()).lower()]]
        found.append((0, _actor(entry, m.group(0), m.start(), m.end())))
    if not all_caps:
        for m in actors.acronym_pattern.finditer(text):
            entry = actors.entries[actors.acronyms[" ".join(m.group(0).split())]]
            found.append((0, _actor(entry, m.group(0), m.start(), m.end())))
    for m in actors.state_pattern.finditer(text):
        iso3 = actors.country_of(m.group("mod"))
        if iso3 is None or not (all_caps or m.group("mod")[0].isupper()):
            continue
        template, kind = STATE_ROLES[_norm_role(m.group("role"))]
        name = template.format(c=actors.country_names.get(iso3, iso3))
        found.append((1, Actor(name, m.group(0), kind, iso3, m.start(), m.end())))
    for m in actors.generic_pattern.finditer(text):
        name, kind = GENERIC_ROLES[" ".join(m.group(0).split()).lower()]
        found.append((2, Actor(name, m.group(0), kind, None, m.start(), m.end())))
    found += [(1, a) for a in _coordinated(text, actors)]
    for ent in ents:
        if ent.label in ("ORG", "PERSON", "NORP") and _name_like(ent.text):
            found.append((3, _fallback(ent, actors)))
    return _non_overlapping(found)


def resolve_generic(
    actors: Sequence[Actor], text: str, names: dict[str, str], *, focus: str | None = None,
) -> tuple[Actor, ...]:
    """Definite generic mentions take their antecedent: "the guerrillas" after "the FMLN" is
    the FMLN, "the coalition" after "the US-led coalition" is that coalition, and "troops"
    after "the Malian army" are Mali's (or, with no such army, the article's ``focus`` country,
    ISO3). ``names`` maps ISO3 to country names. "the group" with no antecedent is dropped."""
    out: list[Actor] = []
    for actor in actors:
        resolved = _antecedent(actor, out, text, names, focus)
        if resolved is None and actor.text.lower() in ANAPHORS_ONLY:
            continue
        out.append(resolved or actor)
    return tuple(out)


def _antecedent(actor: Actor, before: list[Actor], text: str, names: dict[str, str], focus: str | None) -> Actor | None:
    definite = actor.text.lower().startswith("the ") or text[max(0, actor.start - 4): actor.start].lower() == "the "
    if actor.actor_id is None and actor.country is None and actor.name in ("Military Forces", "Police Forces"):
        state = [a.country for a in before if a.country and a.type in ("state forces", "government")]
        iso3 = state[-1] if state else focus
        if iso3 is None:
            return None
        return actor.replace(name=f"{actor.name} of {names.get(iso3, iso3)}", country=iso3)
    if actor.actor_id is not None or not actor.name.startswith("Unidentified") or not definite:
        return None
    if actor.name == "Unidentified coalition":
        named = [a for a in before if a.actor_id and "coalition" in a.name.lower()]
    else:  # dictionary groups, or organisations named like armed groups ("the Jacobo Carcamo Command")
        named = [a for a in before if (a.actor_id or not a.name.startswith("Unidentified")) and a.type in ARMED]
    if not named:
        return None
    last = named[-1]
    return actor.replace(name=last.name, type=last.type, country=last.country, actor_id=last.actor_id)


ARMED = {"terrorist group", "rebel group", "political militia", "identity militia"}


def country_actor(iso3: str, text: str, start: int, end: int, actors: ActorDictionary) -> Actor:
    """A country named as a whole (a recipient such as "attacks in Russia")."""
    return Actor(actors.country_names.get(iso3, iso3), text, "government", iso3, start, end)


# --- helpers ------------------------------------------------------------------------------


def _actor(entry: Entry, text: str, start: int, end: int) -> Actor:
    return Actor(entry.name, text, entry.type, entry.country, start, end, entry.id)


COORDINATED = re.compile(
    r"(?<![\w-])(?P<a>[A-Z][\w-]+),? and (?P<b>[A-Z][\w-]+) (?P<role>fighters|forces|troops|soldiers|militias|militiamen)\b"
)


def _coordinated(text: str, actors: ActorDictionary) -> list[Actor]:
    """"Kurdish and Yazidi fighters": the first modifier shares the head noun."""
    out = []
    for m in COORDINATED.finditer(text):
        ident = actors.aliases.get(f"{m.group('a')} {m.group('role')}".lower())
        if ident is not None:
            out.append(_actor(actors.entries[ident], m.group("a"), m.start("a"), m.end("a")))
    return out


def _name_like(text: str) -> bool:
    """An entity that can name an actor: capitalised words, not one stray word like "Heavily"."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    if not words or not any(w[0].isupper() for w in words):
        return False
    return len(words) > 1 or text.isupper() and len(text) <= 6 or not text.lower().endswith(("ly", "ic", "al", "ed", "ing"))


def _fallback(ent: Mention, actors: ActorDictionary) -> Actor:
    iso3 = actors.country_of(ent.text) if ent.label == "NORP" else None
    if iso3 is not None:
        return Actor(actors.country_names.get(iso3, iso3), ent.text, "government", iso3, ent.start, ent.end)
    kind = org_type(ent.text) if ent.label == "ORG" else "other"
    return Actor(ent.text, ent.text, kind, None, ent.start, ent.end)


ARMED_ORG_WORDS = re.compile(
    r"\b(front|army|movement|command|commandos?|brigades?|militias?|guerrillas?|rebels?|liberation|"
    r"revolutionary|insurgents?|death squads?|cartel|mujahideen|jihad|martyrs|resistance|armed forces|"
    r"self-defen[cs]e|paramilitar\w*|patriotic|anticommunist|squadrons?)\b", re.I,
)
MEDIA_ORG_WORDS = re.compile(
    r"\b(radio|television|tv|newspaper|daily|news agency|agency|press|times|post|herald|tribune|gazette|"
    r"journal|diario|el tiempo|la prensa|el nacional|el espectador|el mundo|channel|broadcast\w*|"
    r"network|reuters?|afp|efe|xinhua|tass|bbc|cnn)\b", re.I,
)
STATE_ORG_WORDS = re.compile(r"\b(ministry|police|national guard|armed forces of|government|embassy|court|congress|senate|parliament)\b", re.I)


def org_type(text: str) -> str:
    """Actor type of an organisation spaCy found but the dictionary does not know, from its name:
    "Jacobo Carcamo Command" -> rebel group, "El Tiempo" / "Radio Cadena Nacional" -> media."""
    if STATE_ORG_WORDS.search(text):
        return "other"  # unknown state bodies stay untyped: their country is not known here
    if MEDIA_ORG_WORDS.search(text):
        return "media"
    if ARMED_ORG_WORDS.search(text):
        return "rebel group"
    return "other"


def _non_overlapping(found: list[tuple[int, Actor]]) -> tuple[Actor, ...]:
    # dictionary beats generated state actors beats generic roles beats NER; then longest first
    found.sort(key=lambda pa: (pa[0], -(pa[1].end - pa[1].start), pa[1].start))
    taken: list[Actor] = []
    for _, actor in found:
        if all(actor.end <= t.start or actor.start >= t.end for t in taken):
            taken.append(actor)
    return tuple(sorted(taken, key=lambda a: a.start))


def _norm_role(role: str) -> str:
    return re.sub(r"\s+", " ", role.lower())


def _read_tsv(text: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _alternation(words: Iterable[str], *, flags: int) -> re.Pattern[str]:
    words = [w for w in words if w]
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w-])(?:" + _branches(words, fold=bool(flags & re.IGNORECASE)) + r")(?![\w-])", flags)


def _branches(words: Iterable[str], *, fold: bool, spaces: bool = True) -> str:
    """The alternation of ``words``, longest first, so that the longest word wins at a position; a
    space matches any run of white space (only a space with ``spaces`` false). Grouped under each
    first letter, so that the regex engine tries a handful of branches at each position of a text
    instead of every word."""
    groups: dict[str, list[str]] = {}
    for w in {w for w in words if w}:
        groups.setdefault(w[0].lower() if fold else w[0], []).append(w)
    out = []
    for first, group in sorted(groups.items()):
        rests = sorted({re.escape(w[1:]).replace(r"\ ", r"\s+" if spaces else r"\ ") for w in group}, key=len, reverse=True)
        out.append(re.escape(first) + ("(?:" + "|".join(rests) + ")" if rests != [""] else ""))
    return "|".join(out)


def _state_pattern(countries: dict[str, str]) -> re.Pattern[str]:
    roles = sorted((re.escape(r).replace(r"\ ", r"\s+") for r in STATE_ROLES), key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?P<mod>" + _branches(countries, fold=True, spaces=False) + r")(?:['’]s)?(?:-led)?\s+(?P<role>"
        + "|".join(roles) + r")(?![\w-])",
        re.IGNORECASE,
    )


@functools.lru_cache(maxsize=1)
def country_words() -> dict[str, tuple[str, ...]]:
    """Every lower-case name and demonym the actor dictionary reads as a country, by ISO 3166 alpha-3
    code ("PER": "peru", "peruvian", ...)."""
    out: dict[str, list[str]] = {}
    for word, iso3 in _country_table()[0].items():
        out.setdefault(iso3, []).append(word)
    return {iso3: tuple(words) for iso3, words in out.items()}


def _country_table() -> tuple[dict[str, str], dict[str, str]]:
    import pycountry

    countries: dict[str, str] = {}
    names: dict[str, str] = {}
    for c in pycountry.countries:
        short = getattr(c, "common_name", None) or c.name
        names[c.alpha_3] = SHORT_NAMES.get(c.alpha_3, short)
        for name in (c.name, short):
            if "," not in name:
                countries[name.lower()] = c.alpha_3
    names.update(SHORT_NAMES)
    for alias, iso3 in COUNTRY_ALIASES.items():
        countries[alias.lower()] = iso3
    text = resources.files("eventwire").joinpath("data/demonyms.tsv").read_text("utf-8")
    for iso3, demonyms in (row[:2] for row in _read_tsv(text)):
        for d in demonyms.split("|"):
            countries[d.lower()] = iso3
    return countries, names
