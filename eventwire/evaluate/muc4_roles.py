"""Role fillers and perpetrator confidence for MUC templates, read from a whole ArticleResult.

The event coder gives each event one actor and one recipient; MUC keys want every perpetrator,
victim, target and weapon the message names for an incident, as short noun phrases. This module
turns what the coder found into such fillers:

- :func:`minimal_nps` cuts a mention to its minimal noun phrases: coordinations split ("stores and
  electric towers" -> "stores", "electric towers"), leading determiners, numerals and quantifiers
  dropped, everything after the head (a relative clause, an apposition, a prepositional phrase)
  cut. Pronouns and event nouns ("the attack") are no fillers at all.
- :func:`passive_victim`: "Hector Oqueli was kidnapped" sometimes comes out with the person as the
  actor; a person before a passive trigger with no recipient is the victim.
- :class:`DocContext` holds what the message as a whole says: named armed groups (perpetrator
  organisations when an incident sentence names no group), weapon nouns of incident sentences,
  responsibility cues for the confidence slot, and the dateline city.
- :func:`confidence_for`: CLAIMED OR ADMITTED when a group claims the act; SUSPECTED OR ACCUSED BY
  AUTHORITIES when officials (police, army, government, judge ...) blame or suspect someone;
  SUSPECTED OR ACCUSED when someone else does; else REPORTED AS FACT.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Actor, ArticleResult, Event

DETERMINERS = frozenset("""
a an the this that these those some several many few all both each every any other another his
her their its our my your his whose such various numerous about approximately nearly almost over
least at more than less most two three four five six seven eight nine ten eleven twelve dozen
dozens hundreds thousands one unidentified unknown alleged presumed suspected
""".split())
PRONOUNS = frozenset("""
he she it they them him her we us i you who whom which that this these those one ones himself
herself themselves itself someone somebody anyone anybody nobody everyone people's
""".split())
EVENT_NOUNS = frozenset("""
attack attacks incident incidents murder murders killing killings assassination bombing bombings
explosion explosions offensive operation operations action actions crime crimes massacre act acts
kidnapping kidnappings abduction ambush raid raids violence clash clashes fighting incursion
attention case situation wave campaign war death deaths morning evening night tonight afternoon
today yesterday said says indicate number others part front entrance windows documents
""".split())
CUT_WORDS = frozenset("""
of in at from on for with near who whom whose which that by to into belonging located inside
outside during after while when where as whom including like
""".split())
WEAPON_TERMS = (
    "car bomb", "car-bomb", "car bombs", "vehicle bomb", "truck bomb", "explosive device",
    "explosive devices", "explosive charge", "explosive charges", "dynamite charge",
    "dynamite charges", "dynamite sticks", "sticks of dynamite", "charge of dynamite",
    "machine gun", "machine-gun", "machinegun", "machineguns", "submachine gun", "molotov cocktail",
    "molotov cocktails", "incendiary bomb", "incendiary bombs", "land mine", "landmine",
    "land mines", "rocket launcher", "grenade launcher", "booby trap", "booby traps",
    "booby-trapped", "assault weapons", "automatic weapons", "automatic rifles", "firearms",
    "firearm", "bombs", "bomb", "dynamite", "explosives", "grenades", "grenade", "rifles", "rifle",
    "mortars", "mortar", "rockets", "rocket", "missiles", "missile", "mines", "pistols", "pistol",
    "revolver", "revolvers", "guns", "gun", "machetes", "machete", "knives", "knife", "bazooka",
    "bazookas", "m-16", "ak-47", "rpg", "rpg-7", "bullets", "bullet", "shotgun", "carbine",
    "fal rifles", "uzi", "galil", "mortar shells", "shells",
)
WEAPON_RE = re.compile(r"\b(" + "|".join(re.escape(t) for t in WEAPON_TERMS) + r")\b", re.I)
CLAIM_RE = re.compile(
    r"\b(claim\w*\s+(?:\w+\s+){0,3}responsib\w*|responsib\w*\s+(?:\w+\s+){0,4}claim\w*|"
    r"took\s+responsib\w*|assum\w+\s+responsib\w*|accept\w*\s+responsib\w*|admit\w*)", re.I,
)
SUSPECT_RE = re.compile(
    r"\b(blam\w*|accus\w*|attribut\w*|suspect\w*|alleged\w*|presum\w*|believed\s+to|"
    r"held\s+responsible|charged|implicat\w*|responsib\w*|were\s+behind|was\s+behind)", re.I,
)
AUTHORITY_RE = re.compile(
    r"\b(police|army|armed\s+forces|military|government|minister|ministry|president|"
    r"authorit\w*|officials?|judge|court|brigade|battalion|colonel|general|commander|"
    r"prosecutor|attorney\s+general|spokesman|coprefa|das\b|dincote|security\s+forces|"
    r"garrison|national\s+guard|mayor|governor|embassy)", re.I,
)
DATELINE_CITY = re.compile(r"^\s*([A-Z][A-Z .'-]{1,30}?)(?:\s*\([A-Z .,'-]+\))?\s*,\s*\d{1,2}\s+[A-Z]{3}")
NONSTATE = frozenset({"rebel group", "political militia", "identity militia", "terrorist group"})


def minimal_nps(text: str) -> tuple[str, ...]:
    """The minimal noun phrases a mention amounts to (none for pronouns and event nouns)."""
    text = " ".join(text.replace("'S ", " ").replace("'s ", " ").split())
    text = re.split(r"\s*[,;:(\[\"]\s*|\s+--\s*", text)[0]
    parts = re.split(r"\s+(?:and|or|&)\s+", text, flags=re.I)
    out = []
    for part in parts:
        words = [w.strip(".'\"") for w in part.split()]
        cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in CUT_WORDS), len(words))
        words = [w for w in words[:cut] if w]
        while words and (words[0].lower() in DETERMINERS or re.fullmatch(r"[\d.,-]+", words[0])):
            words = words[1:]
        if not words or words[-1].lower() in PRONOUNS or words[-1].lower() in EVENT_NOUNS:
            continue
        if len(words) == 1 and words[0].lower() in PRONOUNS | DETERMINERS:
            continue
        out.append(" ".join(words))
    return tuple(dict.fromkeys(out))


def passive_victim(event: Event, text: str) -> bool:
    """A person written before a passive trigger ("Oqueli was kidnapped"), with no recipient."""
    actor, ev = event.actor, event.evidence
    if actor is None or event.recipient is not None or actor.end < 0 or actor.actor_id is not None:
        return False
    if not actor.start < actor.end <= ev.trigger_start:
        return False
    between = text[actor.end:ev.trigger_start].lower()
    return bool(re.search(r"\b(was|were|been|being|is|are)\b", between)) and " by " not in between


@dataclass(frozen=True, slots=True)
class DocContext:
    """What a whole message says that single events miss."""

    text: str
    groups: tuple[Actor, ...]  # named non-state armed groups, in text order
    dateline_city: str | None
    sentences: tuple[tuple[int, int, str], ...]  # (start, end, text)
    place_names: frozenset[str] = frozenset()  # lower-cased place mentions: never a victim

    def sentence_of(self, offset: int) -> str:
        for start, end, text in self.sentences:
            if start <= offset < end:
                return text
        return ""

    def groups_in(self, start: int, end: int) -> tuple[Actor, ...]:
        return tuple(g for g in self.groups if start <= g.start < end)

    def main_group(self) -> Actor | None:
        """The one named armed group of the message, when exactly one is named."""
        names = {g.name for g in self.groups}
        return self.groups[0] if len(names) == 1 else None


def doc_context(result: ArticleResult) -> DocContext:
    text = result.article.text
    groups = tuple(a for a in result.actors if a.actor_id is not None and a.type in NONSTATE)
    m = DATELINE_CITY.match(text)
    city = m.group(1).strip() if m else None
    sents = tuple((s.start, s.end, s.text) for s in result.sentences)
    places = frozenset(p.text.lower() for p in result.places) | frozenset(p.name.lower() for p in result.places)
    return DocContext(text=text, groups=groups, dateline_city=city, sentences=sents, place_names=places)


def confidence_for(sentences: Sequence[str]) -> str:
    """Confidence of the perpetrator organisation from the incident's sentences."""
    if any(CLAIM_RE.search(s) for s in sentences):
        return "CLAIMED OR ADMITTED"
    blamed = [s for s in sentences if SUSPECT_RE.search(s)]
    if any(AUTHORITY_RE.search(s) for s in blamed):
        return "SUSPECTED OR ACCUSED BY AUTHORITIES"
    if blamed:
        return "SUSPECTED OR ACCUSED"
    return "REPORTED AS FACT"


def weapons_in(sentences: Sequence[str]) -> tuple[str, ...]:
    """Instrument nouns written in the sentences, longest form first within a sentence."""
    found = [m.group(1) for s in sentences for m in WEAPON_RE.finditer(s)]
    return tuple(dict.fromkeys(found))


# --- fillers read from incident sentences ------------------------------------------------------

PERP_HEADS = (
    r"(?:terrorists?|guerrillas?|guerillas?|subversives?|rebels?|insurgents?|gunmen|gunman|"
    r"(?:armed|masked|heavily armed|unidentified|unknown)\s+(?:men|individuals|persons|people|"
    r"youths|subjects|group)|individuals|assailants?|attackers?|kidnappers?|assassins?|killers?|"
    r"hitmen|murderers|commandos?|squads?|extremists?|militants?|criminals|bandits|"
    r"death squads?|paramilitary groups?|drug traffickers|narcoterrorists?|soldiers|troops|"
    r"members of the \w+(?:\s+\w+)?)"
)
_NP = r"((?:[\w'-]+\s+){0,3}?" + PERP_HEADS + r")"
INCIDENT_VERBS = (
    r"(?:kill\w*|murder\w*|assassinat\w*|kidnap\w*|abduct\w*|attack\w*|shot|shoot\w*|bomb\w*|"
    r"burn\w*|set fire|set off|detonat\w*|dynamit\w*|exploded|plant\w*|hurl\w*|threw|machine-?gunned|"
    r"ambush\w*|raid\w*|storm\w*|destroy\w*|damag\w*|wound\w*|injur\w*|execut\w*|massacr\w*|"
    r"seiz\w*|rob\w*|stole|looted|fired|opened fire|intercepted|tortur\w*|hacked)"
)
BY_AGENT = re.compile(INCIDENT_VERBS + r"\b[^.;]{0,60}?\bby\s+" + _NP + r"\b", re.I)
SUBJECT = re.compile(r"\b" + _NP + r"\s+(?:\w+\s+){0,2}?" + INCIDENT_VERBS + r"\b", re.I)
VICTIM_VERBS = (
    r"(?:killed|murdered|assassinated|kidnapped|abducted|wounded|injured|shot|executed|"
    r"massacred|tortured|machine-?gunned|hacked to death|shot dead|shot to death|slain)"
)
VICTIM_AFTER = re.compile(
    r"\b(?<!were )(?<!was )" + VICTIM_VERBS + r"\s+(?!by\b|in\b|on\b|at\b|near\b|when\b|yesterday\b|today\b)"
    r"((?:[\w'.-]+\s+){0,4}?[\w'-]+)(?=\s*(?:[,.;]|\band\b|\bin\b|\bon\b|\bat\b|\bnear\b|\bwho\b|"
    r"\bwhen\b|\bas\b|\bwhile\b|\bafter\b|\byesterday\b|\btoday\b|\bduring\b|$))", re.I,
)
VICTIM_BEFORE = re.compile(
    r"((?:[\w'.-]+\s+){0,3}?[\w'-]+)\s+(?:was|were|have been|has been|had been)\s+(?:\w+\s+)?"
    + VICTIM_VERBS + r"\b", re.I,
)
OBJECTS = (
    r"(?:building|buildings|house|houses|home|homes|residence|offices?|headquarters|embassy|bridge|"
    r"bridges|towers?|pylons?|power lines?|lines|stations?|plant|pipeline|facilit(?:y|ies)|stores?|"
    r"shops?|banks?|branch|cars?|vehicles?|bus|buses|trucks?|jeep|trains?|aircraft|plane|helicopter|"
    r"school|church|factory|warehouse|hotel|restaurant|market|farms?|estate|substation|antenna|"
    r"dealership|premises|ministry|university|club|cinema|theater|airport|terminal|garage|booth|"
    r"agency|depot|pipes|supermarket|pharmacy|hospital|center|centre|company|installations?)"
)
TARGET_NP = re.compile(r"\b((?:[\w'-]+\s+){0,2}" + OBJECTS + r")\b", re.I)
NOT_MODIFIER = DETERMINERS | CUT_WORDS | PRONOUNS | frozenset(
    "and or was were is are be been has have had to its their his her near against into".split()
)


def _trim(np: str) -> str:
    """Drop leading words that cannot modify a noun (determiners, prepositions, verbs)."""
    words = np.split()
    while len(words) > 1 and (
        words[0].lower() in NOT_MODIFIER or re.fullmatch(r"[\d.,-]+|\w+(?:ed|ing|ly)", words[0], re.I)
        and words[0].lower() not in ("armed", "heavily", "building", "ruling", "united")
    ):
        words = words[1:]
    return " ".join(words)


def perpetrators_in(sentence: str) -> tuple[str, ...]:
    """Generic perpetrator NPs: agents of incident verbs ("kidnapped by armed men") and subjects."""
    found = [m.group(1) for m in BY_AGENT.finditer(sentence)]
    found += [m.group(1) for m in SUBJECT.finditer(sentence)]
    return tuple(dict.fromkeys(np for f in found for np in minimal_nps(_trim(f))))


def victims_in(sentence: str) -> tuple[str, ...]:
    """Objects of killing/kidnapping verbs and subjects of their passives, as minimal NPs."""
    found = [m.group(1) for m in VICTIM_AFTER.finditer(sentence)]
    found += [m.group(1) for m in VICTIM_BEFORE.finditer(sentence)]
    out = []
    for f in found:
        for np in minimal_nps(_trim(f)):
            if not re.search(PERP_HEADS + r"$", np, re.I) and not re.fullmatch(r"[\d\s]+", np):
                out.append(np)
    return tuple(dict.fromkeys(out))


def targets_in(sentence: str) -> tuple[str, ...]:
    """Physical objects (buildings, vehicles, power towers ...) named in an incident sentence."""
    return tuple(dict.fromkeys(_trim(m.group(1)) for m in TARGET_NP.finditer(sentence)))
