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
- :func:`perpetrators_in`: generic perpetrators around incident verbs; a singular group word that
  only modifies an event noun ("TERRORIST ATTACK", "GUERRILLA BOMBING") is no perpetrator.
- :func:`confidence_for`: CLAIMED OR ADMITTED when a group claims the act (or claims credit; a
  claim nobody made, "no group has claimed responsibility", is none);
  SUSPECTED OR ACCUSED BY AUTHORITIES when officials (police, army, government, judge ...) say,
  blame or suspect (an authority word inside the accused's own name does not count); SUSPECTED OR
  ACCUSED when someone else does or the text hedges ("apparently", "allegedly"); else REPORTED AS
  FACT (TASKDOC part 2, slot 11 decision tree).
- :func:`person_victims`: personal names in victim position (before a passive kill/kidnap verb,
  after an active one or "murder of", or the person a "shot him" refers to).
- :func:`can_name_people`, :func:`is_nationality`, :func:`only_combatants`: filters for victims and
  perpetrators, and the TASKDOC 1.0 rule that attacks on military/police targets only (or on drug
  traffickers) are no terrorist incidents.
- :meth:`DocContext.most_specific_place`: the city over its department over its country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..events.attribution import source_kind
from ..events.roles import PEOPLE_SUFFIX, PERSON_NOUNS
from ..mentions.subplaces import is_sub, lies_in
from ..truecasing import common_word, is_caseless
from ..records import PLACE_PRECISIONS, Actor, ArticleResult, Event, Place
from .muc4_score import Entity

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
WEAPON_TERMS = (  # longer forms first: the model and its noun are one weapon ("M-16 RIFLES"); bullets are no weapon
    "m-16 rifles", "m-16 rifle", "ak-47 rifles", "ak-47 rifle", "ak-47 assault rifles",
    "car bomb", "car-bomb", "car bombs", "vehicle bomb", "truck bomb", "explosive device",
    "explosive devices", "explosive charge", "explosive charges", "dynamite charge",
    "dynamite charges", "dynamite sticks", "sticks of dynamite", "charge of dynamite",
    "submachineguns", "submachinegun", "submachine guns", "rocket launchers", "grenade launchers", "tnt",
    "machine gun", "machine-gun", "machinegun", "machineguns", "submachine gun", "molotov cocktail",
    "molotov cocktails", "incendiary bomb", "incendiary bombs", "land mine", "landmine",
    "land mines", "rocket launcher", "grenade launcher", "booby trap", "booby traps",
    "booby-trapped", "assault weapons", "automatic weapons", "automatic rifles", "firearms",
    "firearm", "bombs", "bomb", "dynamite", "explosives", "grenades", "grenade", "rifles", "rifle",
    "mortars", "mortar", "rockets", "rocket", "missiles", "missile", "mines", "pistols", "pistol",
    "revolver", "revolvers", "guns", "gun", "machetes", "machete", "knives", "knife", "bazooka",
    "bazookas", "m-16", "ak-47", "rpg", "rpg-7", "shotgun", "carbine",
    "fal rifles", "uzi", "galil", "mortar shells", "shells",
)
WEAPON_RE = re.compile(r"\b(" + "|".join(re.escape(t) for t in WEAPON_TERMS) + r")\b", re.I)
_RESPONSIBILITY_CLAIM = (
    r"claim\w*\s+(?:\w+\s+){0,3}responsib\w*|responsib\w*\s+(?:\w+\s+){0,4}claim\w*|"
    r"took\s+responsib\w*|assum\w+\s+responsib\w*|accept\w*\s+responsib\w*|"
    r"claim\w*\s+(?:\w+\s+){0,2}credit|(?:was|were|been|is|are)\s+claimed\s+by"
)
# a claim of responsibility, by whoever makes it (groups nobody recognised as actors claim too: "a group
# calling itself the Gerardo Barrios Commando Unit claimed responsibility")
RESPONSIBILITY_CLAIM_RE = re.compile(r"\b(" + _RESPONSIBILITY_CLAIM + ")", re.I)
# in a sentence about the perpetrator, an admission is a claim too ("the FMLN admitted ..."); in any
# sentence of the message it is not ("the minister admitted that ...")
CLAIM_RE = re.compile(r"\b(" + _RESPONSIBILITY_CLAIM + r"|admit\w*)", re.I)
NO_CLAIM_RE = re.compile(  # "no group has yet claimed responsibility": no claim at all
    r"\b(?:no|nobody|none|not|neither)\b[^.;]{0,50}?\bclaim\w*\s+(?:\w+\s+){0,3}responsib", re.I,
)
# Words that say who is blamed for an incident, and hedges that do so only in a sentence naming an
# incident (:func:`suspicion_in`); a hedge followed by "to" hedges a purpose ("presumably to recruit
# them"), and "responsible" blames only as "responsible for/of/in" or "is/held/those responsible" (not
# "A SERIOUS AND RESPONSIBLE DIALOGUE").
_BLAME = (
    r"blam\w*|accus\w*|held\s+responsible|charged|implicat\w*|responsib\w*\s+(?:for|of|in)\b|"
    r"(?:hold|holds|those|the|is|are|was|were|be|been)\s+responsib\w*|were\s+behind|was\s+behind|"
    r"link(?:ed|s)\s+(?:[\w,]+\s+){0,8}(?:to|with)\s+the"
)
_HEDGE = (
    r"attribut\w*|suspect\w*|alleged\w*|believed\s+to|believes?\s+that|in\s+the\s+opinion\s+of|"
    r"(?:presum|apparent|allegedl|probabl)\w*\b(?!\s+to\b)"
)
SUSPECT_RE = re.compile(r"\b(?:(" + _BLAME + r")|(" + _HEDGE + r"))", re.I)  # group 1: blame, group 2: hedge
SELF_ACCUSE_RE = r"\b{name}\b[^.;]{{0,80}}?(?<!was )(?<!were )(?<!been )\b(accused|accuses|charged|blamed|blames)\b"
ATTRIBUTED_TO_RE = re.compile(
    r"\b(according\s+to|in\s+the\s+opinion\s+of|sources?\s+(?:in|of|from|at|close\s+to))\s+(?:[\w'-]+\s+){0,4}$", re.I,
)
AUTHORITY_RE = re.compile(
    r"\b(police|army|armed\s+forces|military|government|minister|ministry|president|"
    r"authorit\w*|officials?|judge|court|brigade|battalion|colonel|general|commander|"
    r"prosecutor|attorney\s+general|spokesman|coprefa|das\b|dincote|security\s+forces|"
    r"garrison|national\s+guard|mayor|governor|embassy)", re.I,
)
SAY_RE = re.compile(
    r"\b(according\s+to|said|says|say|reported|reports|announced|stated|blamed|blames|accused|"
    r"accuses|charged|believes?|suspects?|suspected|confirmed|indicated|attributed|sources?|communiqu\w*)\b",
    re.I,
)
NOT_A_CITY = frozenset({"CLANDESTINE", "NO CITY", "NO PLACE", "UNKNOWN", "PLACE UNKNOWN"})  # "CLANDESTINE, 12 JAN 90 (RADIO VENCEREMOS)"
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
        inner = [i for i, w in enumerate(words[:-1]) if i > 0 and w.lower() in ("the", "a", "an")]
        words = words[inner[-1] + 1:] if inner else words  # "report the presumed members"
        while words and (words[0].lower() in DETERMINERS or re.fullmatch(r"[\d.,-]+", words[0])):
            words = words[1:]
        if not words or words[-1].lower() in PRONOUNS or words[-1].lower() in EVENT_NOUNS:
            continue
        if len(words) == 1 and words[0].lower() in PRONOUNS | DETERMINERS:
            continue
        out.append(" ".join(words))
    return tuple(dict.fromkeys(out))


COLLECTIVE_HEADS = frozenset("""
group groups band bands column columns squad squads unit units commando commandos detachment gang
gangs members member team teams cell cells contingent
""".split())


def of_alternatives(np: str, text: str) -> tuple[str, ...]:
    """A collective head and what it is made of, as alternative forms of one filler: "GROUP" in
    "A GROUP OF HEAVILY ARMED MEN" -> ("GROUP", "HEAVILY ARMED MEN")."""
    words = np.split()
    if not words or words[-1].lower() not in COLLECTIVE_HEADS:
        return (np,)
    flat = " ".join(text.split())
    m = re.search(r"\b" + re.escape(np) + r"\s+of\s+(.+)", flat, re.I)
    inner = minimal_nps(m.group(1)) if m else ()
    return (np, inner[0]) if inner else (np,)


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
    persons: tuple[Actor, ...] = ()  # mentions that look like personal names, in text order
    places: tuple[Place, ...] = ()  # resolved place mentions, in text order
    caseless: bool = False  # the message is written in one case: capitals say nothing about names

    def could_be_people(self, np: str) -> bool:
        """:func:`can_name_people`; and in a caseless message, where capitals say nothing, an NP not
        headed by a word for people must hold a word that is only ever a name ("TORRADO", "RENE
        LOPEZ") or be (part of) a personal name the message writes ("LOPEZ"), not only common
        words ("THE TIME", "EITHER", "THE SAME CAI")."""
        if not can_name_people(np, self.place_names):
            return False
        words = np.split()
        if not self.caseless or people_word(words[-1]) or not all(common_word(w) for w in words):
            return True
        lower = {w.lower() for w in words}
        return any(lower <= set(a.text.lower().split()) for a in self.persons)

    def most_specific_place(self, start: int, end: int, near: Place | None) -> Place | None:
        """The most specific place written in ``start:end`` (a neighbourhood, district or village over
        its town over its department over its country), keeping to the country of ``near`` when it
        has one; else ``near``. Then, when a sentence close by places a smaller place inside it
        ("... died in Lima." + "The attack took place in the Miraflores neighborhood"), that one."""
        inside = [p for p in self.places if start <= p.start < end and p.country]
        if near is not None and near.country:
            inside = [p for p in inside if p.country == near.country]
        best = min(inside, key=place_specificity, default=None)  # first written among the most specific
        if best is None or (near is not None and place_specificity(best) >= place_specificity(near)
                            and not _lies_within(best, near)):
            best = near
        return self.refined_place(best, start) if best is not None else None

    def refined_place(self, place: Place, at: int, window: int = 2) -> Place:
        """The smaller place inside ``place`` named nearest to offset ``at`` within ``window``
        sentences either side, else ``place``."""
        index = next((i for i, (s, e, _) in enumerate(self.sentences) if s <= at < e), None)
        if index is None:
            return place
        lo = self.sentences[max(0, index - window)][0]
        hi = self.sentences[min(len(self.sentences) - 1, index + window)][1]
        rank = place_specificity(place)
        smaller = [p for p in self.places if lo <= p.start < hi and place_specificity(p) < rank
                   and _lies_within(p, place)]
        return min(smaller, key=lambda p: abs(p.start - at), default=place)

    def sentence_of(self, offset: int) -> str:
        for start, end, text in self.sentences:
            if start <= offset < end:
                return text
        return ""

    def mentioning(self, names: Sequence[str]) -> tuple[str, ...]:
        """The sentences that name any of ``names`` (whole words, any case)."""
        pats = [re.compile(r"\b" + re.escape(n) + r"\b", re.I) for n in dict.fromkeys(names) if n.strip()]
        return tuple(t for _, _, t in self.sentences if any(p.search(t) for p in pats))

    def written_forms(self, names: Sequence[str]) -> tuple[str, ...]:
        """``names`` plus the texts this message writes for any group named so (canonical -> as written)."""
        wanted = {n.lower() for n in names}
        found = [g.text for g in self.groups if g.name.lower() in wanted or g.text.lower() in wanted]
        return tuple(dict.fromkeys([*names, *found]))

    def groups_in(self, start: int, end: int) -> tuple[Actor, ...]:
        return tuple(g for g in self.groups if start <= g.start < end)

    def main_group(self) -> Actor | None:
        """The one named armed group of the message, when exactly one is named."""
        names = {g.name for g in self.groups}
        return self.groups[0] if len(names) == 1 else None


def place_specificity(place: Place) -> int:
    """0 neighbourhood, district, farm or spot; 1 town or village; 2 county; 3 state or region; 4 country."""
    if is_sub(place):
        return 0
    if place.precision == "point" or (place.feature or "").startswith("PPL"):
        return 1
    order = dict(zip(PLACE_PRECISIONS, (1, 2, 3, 4, 3)))  # point admin2 admin1 country region
    return order.get(place.precision, 5)


def _lies_within(small: Place, big: Place) -> bool:
    """Does the text or the gazetteer put ``small`` inside ``big``? A place the text defines shares its
    parent's coordinates; a neighbourhood lies near its town; a town lies in its state."""
    if small.country is None or small.country != big.country:
        return False
    if small.geonameid is None and (small.lat, small.lon) == (big.lat, big.lon) and small.lat is not None:
        return True
    if big.precision == "point":
        return is_sub(small) and lies_in(small, big)
    return big.precision in ("admin1", "region") and lies_in(small, big)


def doc_context(result: ArticleResult) -> DocContext:
    text = result.article.text
    groups = tuple(a for a in result.actors if a.actor_id is not None and a.type in NONSTATE)
    m = DATELINE_CITY.match(text)
    city = m.group(1).strip() if m else None
    city = None if city is not None and city.upper() in NOT_A_CITY else city
    sents = tuple((s.start, s.end, s.text) for s in result.sentences)
    places = frozenset(p.text.lower() for p in result.places) | frozenset(p.name.lower() for p in result.places)
    persons = _persons(result.actors, places)
    return DocContext(text=text, groups=groups, dateline_city=city, sentences=sents, place_names=places,
                      persons=persons, places=tuple(p for p in result.places if p.start >= 0),
                      caseless=is_caseless(text))


def confidence_for(sentences: Sequence[str], accused: Sequence[str] = ()) -> str:
    """Confidence of the perpetrator organisation from the incident's sentences.

    An authority word inside an ``accused`` name ("hold the army responsible") is the accused, not
    the accuser, so it does not make the suspicion one of the authorities.
    """
    if any(CLAIM_RE.search(s) and not NO_CLAIM_RE.search(s) for s in sentences):
        return "CLAIMED OR ADMITTED"
    blamed = [_without(s, accused) for s in sentences if suspicion_in(_own_accusations_cut(s, accused))]
    if any(_authority_speaks(s) for s in blamed):
        return "SUSPECTED OR ACCUSED BY AUTHORITIES"
    if blamed:
        return "SUSPECTED OR ACCUSED"
    return "REPORTED AS FACT"


def _authority_speaks(sentence: str) -> bool:
    """An authority is the source: an authority word before a verb of saying or blaming ("police
    said", "the army blamed") or after "according to" / "in the opinion of" / "sources in"; a
    speaker of an armed group or other non-state body ("an FMLN spokesman said") is none, and an
    authority after a blaming verb is the accused ("the rebels blamed the government")."""
    for m in AUTHORITY_RE.finditer(sentence):
        before, after = sentence[max(0, m.start() - 40):m.start()], sentence[m.end():m.end() + 40]
        if source_kind(before[-25:] + m.group(0) + after[:12]) != "authority":
            continue
        if SAY_RE.search(after) or ATTRIBUTED_TO_RE.search(before):
            return True
    return False


def _own_accusations_cut(sentence: str, accused: Sequence[str]) -> str:
    """The sentence without accusations the accused group makes itself ("the ELN accused him of
    being a CIA agent"): those are about somebody else, not about who did the incident."""
    for name in sorted({n for n in accused if n.strip()}, key=len, reverse=True):
        sentence = re.sub(SELF_ACCUSE_RE.format(name=re.escape(name)), name, sentence, flags=re.I)
    return sentence


def _without(sentence: str, names: Sequence[str]) -> str:
    for name in sorted(set(names), key=len, reverse=True):
        if name.strip():
            sentence = re.sub(r"\b" + re.escape(name) + r"\b", " ", sentence, flags=re.I)
    return sentence


HAUL_BEFORE = re.compile(  # weapons taken, found or handed over were not used: "WE SEIZED ... THREE G3 RIFLES"
    r"\b(?:seiz\w*|captur\w*|confiscat\w*|recover\w*|found|finding|discover\w*|caches?|arsenals?|"
    r"surrender\w*|turned\s+over|handed\s+over|stole|stolen|smuggl\w*|shipments?|possession)\b[^.;]{0,80}$", re.I,
)
HAUL_AFTER = re.compile(r"^[^.;]{0,60}?\b(?:were|was)\s+(?:also\s+)?(?:seized|captured|confiscated|recovered|found|destroyed)\b", re.I)


def weapons_in(sentences: Sequence[str]) -> tuple[str, ...]:
    """Instrument nouns written in the sentences, longest form first within a sentence; not those
    seized, found or destroyed (a haul, not the weapon of an incident)."""
    found = [m.group(1) for s in sentences for m in WEAPON_RE.finditer(s)
             if not HAUL_BEFORE.search(s[:m.start()]) and not HAUL_AFTER.match(s[m.end():])]
    return tuple(dict.fromkeys(found))


# --- fillers read from incident sentences ------------------------------------------------------

PERP_HEADS = (
    r"(?:terrorists?|guerrillas?|guerillas?|subversives?|rebels?|insurgents?|gunmen|gunman|"
    r"(?:armed|masked|heavily armed|unidentified|unknown)\s+(?:men|individuals|persons|people|"
    r"youths|subjects|group)|individuals|assailants?|attackers?|kidnappers?|assassins?|killers?|"
    r"hitmen|murderers|commandos?|squads?|extremists?|militants?|criminals|bandits|fighters|"
    r"death squads?|paramilitary groups?|drug traffickers|narcoterrorists?|soldiers|troops|sappers|outlaws|cells?|"
    r"members of the \w+(?:\s+\w+)?)"
)
DOER_WORDS = r"(?:" + PERP_HEADS + r"|men|man|youths)"  # as the doer of an incident verb, plain "men" are perpetrators too
# a doer word may head a collective that the keys write whole: "URBAN GUERRILLA GROUP", "COMMANDO UNITS"
COLLECTIVE = r"(?:\s+(?:units?|groups?|columns?|cells?|detachments?))?"
_NP = r"((?:[\w'-]+\s+){0,3}?" + DOER_WORDS + COLLECTIVE + r")"
INCIDENT_VERBS = (
    r"(?:kill\w*|murder\w*|assassinat\w*|kidnap\w*|abduct\w*|attack\w*|shot|shoot\w*|bomb\w*|"
    r"burn\w*|set fire|set off|detonat\w*|dynamit\w*|exploded|plant\w*|hurl\w*|threw|machine-?gunned|"
    r"ambush\w*|raid\w*|storm\w*|destroy\w*|damag\w*|wound\w*|injur\w*|execut\w*|massacr\w*|"
    r"seiz\w*|rob\w*|stole|looted|fired|opened fired?|intercepted|tortur\w*|hacked|placed|placing|mined|"
    r"blew up|blown up|riddled)"
)
INCIDENT_VERB_RE = re.compile(r"\b" + INCIDENT_VERBS + r"\b", re.I)

# A hedge names a suspect only in a sentence that names an incident: "27 ALLEGED SHINING PATH MEMBERS
# WERE CAPTURED", "THE ALLEGED ANNOUNCEMENT", "ATTRIBUTED THE CHANGE IN TACTICS TO", "THE ATTACKS ARE
# APPARENTLY CONTINUING" say nothing of who did it.
INCIDENT_WORD = re.compile(
    r"\b(?:" + INCIDENT_VERBS + r"|explo\w*|crimes?|incidents?|actions?|acts?|slaughter\w*|sabotage\w*|"
    r"deaths?|died|hostages?)\b", re.I,
)


def suspicion_in(sentence: str) -> bool:
    """The sentence says who is blamed for an incident: a word of blame or accusation, or a hedge in a
    sentence that names an incident (:data:`SUSPECT_RE`, :data:`INCIDENT_WORD`)."""
    return any(m.group(1) or INCIDENT_WORD.search(sentence) for m in SUSPECT_RE.finditer(sentence))


STATE_FORCE = (  # a state armed body written as a whole: the keys name it as the perpetrator organisation
    r"((?:(?:salvadoran|colombian|peruvian|guatemalan|honduran|bolivian|chilean|ecuadorean|ecuadoran|nicaraguan)\s+)?"
    r"(?:armed\s+forces|air\s+force|army|national\s+guard|treasury\s+police|national\s+police|navy|"
    r"(?:\w+\s+)?(?:infantry\s+)?(?:battalion|brigade)))"
)
STATE_DOER = re.compile(  # "THE ARMED FORCES BOMBED ...", "... WAS BOMBED BY THE AIR FORCE"
    r"\b" + STATE_FORCE + r"\s+(?:\w+\s+){0,2}?" + INCIDENT_VERBS + r"\b|"
    + INCIDENT_VERBS + r"\s+by\s+(?:the\s+)?" + STATE_FORCE + r"\b", re.I,
)


def state_doers(sentence: str) -> tuple[str, ...]:
    """State armed bodies the sentence makes the doer of an incident verb."""
    flat = " ".join(sentence.split())
    return tuple(dict.fromkeys(next(g for g in m.groups() if g) for m in STATE_DOER.finditer(flat)))


BY_AGENT = re.compile(
    "(?:" + INCIDENT_VERBS + r"\b[^.;]{0,60}?\bby|\b(?:perpetrated|carried\s+out|committed|staged)\s+by|"
    r"\b(?:the )?work of|\bblamed (?:it |the \w+ )?on)\s+" + _NP + r"\b", re.I)
SUBJECT = re.compile(r"\b" + _NP + r"\s+(?:\w+\s+){0,2}?(" + INCIDENT_VERBS + r")\b", re.I)
# who claims an incident or is held responsible for it did it: "GUERRILLAS OF THE MRTA HAVE CLAIMED
# CREDIT", "THE FMLN GUERRILLAS ARE BEING HELD RESPONSIBLE", "POLICE BLAMED URBAN COMMANDOS FOR"
RESPONSIBLE = re.compile(
    r"\b" + _NP + r"(?:\s+of\s+the(?:\s+[\w'-]+){1,6}?)?(?:\s+\([\w\s.-]+\))?\s+(?:(?:have|has|had)\s+)?"
    r"(?:(?:are|is|was|were|have\s+been|has\s+been)\s+(?:being\s+)?held\s+responsible|claimed\s+(?:\w+\s+){0,3}?"
    r"(?:responsibility|credit)|(?:took|assumed|accepted)\s+(?:\w+\s+)?responsibility)"
    r"|\b(?:blamed|accused|held)\s+" + _NP + r"\s+(?:for|of|responsible)\b", re.I)
VICTIM_VERBS = (
    r"(?:killed|murdered|assassinated|kidnapped|abducted|wounded|injured|shot|executed|"
    r"massacred|tortured|machine-?gunned|hacked to death|shot dead|shot to death|slain)"
)
_VICTIM_VERB_WORD = re.compile(r"\b" + VICTIM_VERBS, re.I)
_ACTIVE_ING = r"(?:killing|murdering|assassinating|wounding|injuring)"  # "... EXPLODED, KILLING X"
_ACTIVE_ING_WORD = re.compile(r"\b" + _ACTIVE_ING + r"\b", re.I)
VICTIM_AFTER = re.compile(  # "KILLED X", and "..., KILLING X" / "..., INJURING X" (not "THE KILLING OF")
    r"\b(?<!were )(?<!was )(?<!not )(?<!never )(?:" + VICTIM_VERBS + r"|" + _ACTIVE_ING + r"(?!\s+of\b))"
    r"\s+(?!by\b|in\b|on\b|at\b|near\b|when\b|yesterday\b|today\b)"
    r"((?:[\w'.-]+\s+){0,4}?[\w'-]+)(?=\s*(?:[,;]|\.(?!\w)|\band\b|\bin\b|\bon\b|\bat\b|\bnear\b|\bwho\b|"
    r"\bwhen\b|\bas\b|\bwhile\b|\bafter\b|\byesterday\b|\btoday\b|\bduring\b|\bwith\b|\busing\b|$))", re.I,
)
# nouns whose "of" names whom an incident hit: "THE MURDER OF X", "THE BODIES OF X AND Y"
_HARM_NOUNS = r"murders?|assassinations?|killings?|kidnappings?|abductions?|massacre|bod(?:y|ies)|corpses?"
VICTIM_OF_NOUN = re.compile(  # "THE MURDER OF SIX JESUITS AND TWO WOMEN", "THE KIDNAPPING OF A JUDGE"
    r"\b(?:" + _HARM_NOUNS + r")\s+of\s+"
    r"((?:[\w'.-]+\s+){0,7}?[\w'-]+)(?=\s*(?:[,;:(]|--|\.(?!\w)|\bin\b|\bon\b|\bat\b|\bwho\b|\bwhen\b|"
    r"\bwhich\b|\bthat\b|\bby\b|\blast\b|\bwas\b|\bwere\b|\bhas\b|\bhave\b|\bhad\b|\bis\b|\bare\b|$))", re.I,
)
VICTIM_BEFORE = re.compile(
    r"((?:[\w'.-]+\s+){0,3}?[\w'-]+)\s+(?:was|were|have been|has been|had been)\s+(?!not\b|never\b)(?:\w+\s+)?"
    + VICTIM_VERBS + r"\b", re.I,
)
# Objects an incident can hit, as :func:`targets_in` finds them in sentences ("_" joins the words of
# one name); their last words, with OTHER_OBJECT_HEADS, tell a target from a victim by its head.
TARGET_WORDS = tuple("""
building buildings house houses home homes residence residences office offices headquarters embassy
bridge bridges tower towers pylon pylons power_line power_lines lines station stations plant pipeline
facility facilities store stores shop shops bank banks branch car cars vehicle vehicles bus buses
truck trucks jeep train trains aircraft plane helicopter school church factory warehouse warehouses
hotel restaurant market farm farms estate substation antenna dealership premises ministry university
club cinema theater theaters theatre theatres airport terminal garage booth agency depot pipes
supermarket pharmacy hospital center centre company installation installations grid transformer
transformers junction_boxes exchange exchanges drugstore drugstores businesses establishments
automobile automobiles newspaper newspapers mansion mansions institute campus
hall halls presidency brothel brothels junction_box oil_well oil_wells government_house food_stands vendor_stands
power_poles electric_poles electricity_poles utility_poles
""".split()) + tuple(
    f"{kind}_{power}{system}"
    for kind in ("electric", "electrical", "electricity", "power", "telephone")
    for power in (("", "power_") if kind.startswith("electric") else ("",))
    for system in ("system", "systems", "network", "networks")
)
OTHER_OBJECT_HEADS = frozenset("""
consulate post posts line plants pipelines airplane helicopters mine road highway dam transmitter
power bakery hall halls museum stadium port refinery tanker ship boat branches agencies camp radio
door doors window windows settlement settlements airports pole poles
""".split())
OBJECT_HEADS = frozenset(w.split("_")[-1] for w in TARGET_WORDS) | OTHER_OBJECT_HEADS
OBJECTS = "(?:" + "|".join(w.replace("_", r"\s+") for w in sorted(TARGET_WORDS, key=len, reverse=True)) + ")"
TARGET_NP = re.compile(r"\b((?:[\w'-]+\s+){0,2}(" + OBJECTS + r"))\b", re.I)
NOT_MODIFIER = DETERMINERS | CUT_WORDS | PRONOUNS | frozenset(
    "and or was were is are be been has have had to its their his her near against into 's".split()
    # verbs and prepositions a regex window may start on ("ENTER a shop", "APPROACH his house",
    # "BETWEEN his home and ...", "SET the club on fire", "BROKEN and office")
    + "enter entered approach approached set between toward towards through across behind around along "
      "past under beside broken true reach reached leave left attack attacks blew up drove burn burnt".split()
)


def _trim(np: str) -> str:
    """The noun phrase from after the last word that cannot modify its head (a determiner, preposition
    or verb): "GUERRILLAS KILLED PRESIDENCY" -> "PRESIDENCY"."""
    words = np.split()
    # an -ing word right before the head is a modifier ("POLLING STATIONS")
    cuts = [i for i, w in enumerate(words[:-1]) if _cannot_modify(w, before_head=i == len(words) - 2)]
    return " ".join(words[cuts[-1] + 1:] if cuts else words)


def _cannot_modify(word: str, before_head: bool = False) -> bool:
    return word.lower() in NOT_MODIFIER or bool(
        re.fullmatch(r"[\d.,-]+|\w+(?:ed|ly)" + ("" if before_head else r"|\w+ing"), word, re.I)
        and word.lower() not in ("armed", "heavily", "building", "ruling", "united"))


def perpetrators_in(sentence: str) -> tuple[str, ...]:
    """Generic perpetrator NPs: agents of incident verbs ("kidnapped by armed men") and subjects."""
    found = [_whole_np(m.group(1), sentence[m.end(1):]) for m in BY_AGENT.finditer(sentence)
             if not _modifier_use(m.group(1), sentence[m.end(1):])
             and not re.search(r"\bnot\s+(?:\w+\s+){0,2}$", sentence[max(0, m.start() - 30):m.start()], re.I)]
    found += [np for m in RESPONSIBLE.finditer(sentence) if (np := m.group(1) or m.group(2))]
    found += involved_in(sentence)
    for m in SUBJECT.finditer(sentence):
        np, gap = m.group(1), sentence[m.end(1):m.start(2)]
        if PASSIVE_GAP.search(gap):  # "a guerrilla was killed": the subject of a passive suffered it
            continue
        if re.search(r"\b(?:and|or)\b|,", gap, re.I):  # "WE KILLED 15 SOLDIERS AND WOUNDED 30": an object before "and"
            continue
        np = _whole_np(np, gap)
        if not _modifier_use(np, sentence[m.start(1) + len(np):]):
            found.append(np)
    return tuple(dict.fromkeys(np for f in found for np in minimal_nps(_trim(f))))


INVOLVED = re.compile(  # "A COLONEL, TWO LIEUTENANTS AND TWO SOLDIERS WERE INVOLVED IN THE MASSACRE"
    r"([^.;:]{3,160}?)\s+(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+(?:(?:\w+ly|also)\s+)?"
    r"(?:involved|implicated|participants?)\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:massacres?|murders?|assassinations?|attacks?|killings?|kidnappings?|bombings?|crimes?|deaths?)\b", re.I,
)
IMPLICATED = re.compile(  # "CRISTIANI IMPLICATED FOUR OFFICERS AND FIVE SOLDIERS IN THE ASSASSINATION"
    r"\bimplicated\s+([^.;:]{3,120}?)\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:massacres?|murders?|assassinations?|attacks?|killings?|kidnappings?|bombings?|crimes?|deaths?)\b", re.I,
)
_INVOLVED_WORD = re.compile(r"\b(?:involved|implicated|participants?)\b", re.I)
_CLAUSE_START = re.compile(r".*\b(?:that|which|said|says|announced|reported|confirmed|revealed|admitted)\s+", re.I)


def involved_in(sentence: str) -> tuple[str, ...]:
    """People the sentence says were involved or implicated in an incident; each item of a list,
    when it is headed by a word for people ("A COLONEL", "TWO LIEUTENANTS", "FIVE MEMBERS OF THE ARMY")."""
    flat = " ".join(sentence.split())
    if not _INVOLVED_WORD.search(flat):
        return ()  # the patterns below scan from every position: skip the sentences they cannot match
    spans = [m.group(1) for m in IMPLICATED.finditer(flat)]
    for m in INVOLVED.finditer(flat):
        head = _CLAUSE_START.match(m.group(1))
        spans.append(m.group(1)[head.end():] if head else m.group(1))
    out = []
    for span in spans:
        for item in re.split(r"\s*,\s*(?:and\s+)?(?:including\s+)?|\s+and\s+", span, flags=re.I):
            out += [np for np in minimal_nps(item) if people_word(np.split()[-1])]
    return tuple(dict.fromkeys(out))


PASSIVE_GAP = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:(?:\w+ly|also|later|then|all|both)\s+)?$", re.I)
HEAD_AFTER = re.compile(
    r"(?:\s+(?!(?:was|were|have|has|had|who|which|that)\b)[\w'-]+){0,2}?\s+" + PERP_HEADS + COLLECTIVE + r"\b", re.I)


def _whole_np(np: str, after: str) -> str:
    """"GUERRILLA | URBAN COMMANDO UNITS bombed", "by GUERRILLA | URBAN COMMANDOS": the noun phrase
    runs on to the last doer word just after the one matched."""
    longer = HEAD_AFTER.match(after)
    return np + longer.group(0) if longer else np


MODIFIER_HEADS = frozenset(
    "terrorist guerrilla guerilla rebel subversive insurgent extremist militant".split())


def _modifier_use(np: str, after: str) -> bool:
    """"TERRORIST ATTACK", "GUERRILLA BOMBING": a singular group word modifying an event noun names
    the kind of act, not a perpetrator."""
    words = np.lower().split()
    nxt = re.match(r"\s+([a-z]+)", after.lower())
    return bool(words) and words[-1] in MODIFIER_HEADS and nxt is not None and nxt.group(1) in EVENT_NOUNS


CONJUNCT_BEFORE = re.compile(  # "[FEDERICO PAQUILLAUVI] AND CIRILO QUISPE WERE WOUNDED": the first of two subjects
    r"((?:[\w'.-]+\s+){0,4}?[\w'-]+)\s+and\s+(?:[\w'.-]+\s+){0,4}?[\w'-]+$", re.I)


def _a_subject(upto: str, np: str) -> bool:
    """Does ``np``, ending ``upto``, start a clause: no verb, preposition or clause word in it and no
    verb just before it ("THE GUERRILLAS ATTACKED [THE TOWN] AND FIVE PEOPLE WERE KILLED": an object)."""
    if NOT_LIST_ITEM.search(np):
        return False
    words = upto[: len(upto) - len(np)].split()
    while words and words[-1].lower() in DETERMINERS:
        words.pop()
    return not words or not re.fullmatch(r"\w{3,}ed|\w+ing", words[-1], re.I)


LEFT_HARMED = re.compile(  # "A BOMB ATTACK THAT LEFT FOUR CHILDREN INJURED", "WHICH LEFT 7 OTHER PEOPLE DEAD"
    r"\bleft\s+((?:[\w'.-]+\s+){0,4}?[\w'-]+)\s+(?:dead|injured|wounded|hurt)\b", re.I)
INCLUDING_BEFORE = re.compile(  # "FIVE OTHER PEOPLE, INCLUDING A POLICEMAN, WERE INJURED"
    r"((?:[\w'.-]+\s+){0,3}?[\w'-]+),\s+including\s+([^,;.]{3,60}?),\s+(?:was|were|have been|has been|had been)\s+"
    r"(?:\w+\s+)?" + VICTIM_VERBS + r"\b", re.I,
)
INCLUDING_AFTER = re.compile(r"\b" + VICTIM_VERBS + r"\s+[^,;.]{3,60}?,\s+including\s+([^,;.]{3,60})", re.I)  # "KILLED 12 MINERS, INCLUDING X"


def victims_in(sentence: str) -> tuple[str, ...]:
    """Objects of killing/kidnapping verbs and subjects of their passives (and the people an
    "including" names among them), as minimal NPs."""
    verb = _VICTIM_VERB_WORD.search(sentence) is not None  # VICTIM_BEFORE scans from every word: only where it can match
    after = list(VICTIM_AFTER.finditer(sentence)) if verb or _ACTIVE_ING_WORD.search(sentence) else []
    after += list(VICTIM_OF_NOUN.finditer(sentence))
    found = [m.group(1) for m in after] + [n for m in after for n in _list_continues(sentence[m.end(1):])]
    before = list(VICTIM_BEFORE.finditer(sentence)) if verb else []
    found += [m.group(1) for m in before]
    found += [c.group(1) for m in before if (c := CONJUNCT_BEFORE.search(sentence[:m.end(1)]))
              and _a_subject(sentence[:c.end(1)], _trim(c.group(1)))]
    found += [m.group(1) for m in LEFT_HARMED.finditer(sentence)]
    flat = " ".join(sentence.split())
    if "includ" in flat.lower():
        found += [g for pattern in (INCLUDING_BEFORE, INCLUDING_AFTER) for m in pattern.finditer(flat) for g in m.groups()]
    out = []
    for f in found:
        for np in minimal_nps(_trim(f)):
            if not re.search(PERP_HEADS + r"$", np, re.I) and not re.fullmatch(r"[\d\s]+", np):
                out.append(np)
    return tuple(dict.fromkeys(out))


LIST_ITEM = re.compile(  # ", ANOTHER JUDGE", ", AND THE ANTIOQUIA POLICE COMMANDER", " AND HIS WIFE"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)((?:[\w'.-]+\s+){0,5}?[\w'-]+)(?=\s*(?:[,;]|\.(?!\w)|$|\b(?:and|who|whom|which|in|on|at|near|when|while|during|was|were)\b))", re.I,
)
NOT_LIST_ITEM = re.compile(
    r"\b(?:was|were|is|are|has|had|have|will|would|said|says|who|whom|which|that|when|while|after|before|"
    r"from|to|for|with|than|against|by|in|on|at|during|according|including|both|all|\w{3,}(?<!armed)(?<!unidentified)ed|\w{3,}ing)\b", re.I,
)


def _list_continues(after: str, limit: int = 6) -> list[str]:
    """The further items of a list whose first item ends where ``after`` starts ("THE MURDER OF
    DR X, HIS WIFE, AND TWO OTHER PEOPLE"): NPs joined by commas or "and", none holding a verb,
    preposition or clause word (there the list has ended)."""
    items: list[str] = []
    while len(items) < limit and (m := LIST_ITEM.match(after)) and not NOT_LIST_ITEM.search(m.group(1)) \
            and not re.fullmatch(r"[\d\s]+", m.group(1)):
        items.append(m.group(1))
        after = after[m.end():]
    return items


NOT_TARGET_AFTER = re.compile(  # "CAR BOMB", "THE STATION ANNOUNCER", "HOUSE ARREST", "THE OFFICE HAS REPORTED"
    r"^(?:-?\s*bombs?\b|\s+(?:announcer|sources?|arrest|correspondent|reported|reports|has|have|said|says|"
    r"adds|added|told|announced|stated|spokesman|spokesmen|"
    # a person the object word describes: "PRESIDENCY MINISTER X", "BUS DRIVER", "EMBASSY OFFICIALS"
    r"ministers?|secretary|officials?|employees?|workers?|directors?|managers?|drivers?|owners?|"
    r"guards?|watchm[ae]n|personnel|staff|chiefs?|administrators?)\b)", re.I,
)
NOT_TARGET_BEFORE = re.compile(  # the perpetrators' vehicle, a speaker, a way home: no target
    r"\b(?:from|inside|aboard|used|using|taking|walking|driving|riding|travell?ing\s+in|fled\s+in|"
    r"leaving|enter(?:ing|ed)?|approach(?:ing|ed)?|arriv(?:ing|ed)\s+at|return(?:ing|ed)\s+to|"
    r"(?:jumped|got)\s+(?:into|in)|"
    r"according\s+to|in\s+another|(?:ministers?|secretary|directors?|managers?|heads?|chiefs?|president)\s+of)\s+(?:(?:a|an|the|their|his|her|its|two|\d+)\s+)?(?:[\w'-]+\s+){0,2}$", re.I,
)


HIT_OBJECT = re.compile(  # "dynamited the power tower", "an attack on the embassy", "exploded at the bank"
    r"\b(?:attack\w*\s+(?:on|against)|bomb(?:ed|ing)|dynamit\w*|destroy\w*|damag\w*|burn(?:ed|t|ing)|"
    r"set\s+fire\s+to|blew\s+up|blown\s+up|sabotag\w*|(?:exploded|explosion|went\s+off)\s+(?:at|in|near|outside|inside))"
    r"\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+|several\s+)?((?:[\w'-]+\s+){0,2}?" + OBJECTS
    + r"(?:\s+" + OBJECTS + r")?)\b", re.I,
)


def hit_objects(sentence: str) -> tuple[str, ...]:
    """Objects a damage verb acts on, written right after it (a stricter reading than :func:`targets_in`)."""
    flat = " ".join(sentence.split())
    return tuple(dict.fromkeys(_trim(m.group(1)) for m in HIT_OBJECT.finditer(flat)
                               if not NOT_TARGET_AFTER.match(flat[m.end():])))


def targets_in(sentence: str) -> tuple[str, ...]:
    """Physical objects (buildings, vehicles, power towers ...) named in an incident sentence; not
    the perpetrators' vehicle ("hurled from a car"), a news source ("the station reported") or a
    weapon's modifier ("a car bomb")."""
    flat = " ".join(sentence.split())
    found, inside = [], -1
    for m in TARGET_NP.finditer(flat):
        if m.start(2) < inside or NOT_TARGET_AFTER.match(flat[m.end():]) \
                or NOT_TARGET_BEFORE.search(flat[max(0, m.start(2) - 60):m.start(2)]):
            continue
        np = re.split(r"\s+(?:on|of|in|at|from|to|into|near|against)\s+", m.group(1), flags=re.I)[-1]
        if np.split()[-1].lower() in INSTITUTION_HEADS:
            continue
        np = _trim(np)
        whose = OF_OWNER.match(flat[m.end():])  # "THE OFFICES OF THE TELECOMMUNICATIONS ENTERPRISE": one object
        if whose:
            np, inside = np + whose.group(0), m.end() + whose.end()
        found.append(np)
    return tuple(dict.fromkeys(found))


OF_OWNER = re.compile(  # whose or what an object is, written after it: "HEADQUARTERS OF THE X", "HOME OF Y"
    r"\s+of\s+(?:the\s+)?(?![\d])(?:[\w'.-]+\s+){0,5}?[\w'.-]+(?=\s*(?:[,;:(]|\.(?!\w)|$|\b(?:in|on|at|near|and|which|that|"
    r"who|where|was|were|is|are|has|had|have|by|with|from|to|during|after|before|when|while|located)\b))", re.I,
)


# words that name a body as often as a building ("THE FOREIGN MINISTRY SAID", "THE JUDICIAL BRANCH"):
# a target only as what a damage verb hits (:func:`hit_objects`) or as the event's recipient
INSTITUTION_HEADS = frozenset("ministry branch institute agency company university".split())


GENERIC_WORDS = """
terrorist terrorists guerrilla guerrillas rebel rebels subversive subversives gunmen gunman
individuals soldiers troops members group unit squad
"""

# --- named victims -----------------------------------------------------------------------------

NOT_NAME = frozenset("""
party front movement army forces force committee union ministry government council association
federation national department police guard command commando brigade battalion university church
embassy company bank house office news radio agency the of and for in de del la los las el san
santa group death murder attack bomb people president minister general colonel armed men heavily
contra contras paramilitary unidentified unknown
""".split()) | {w.strip() for w in GENERIC_WORDS.split()}
_VICTIM_VERB = (
    r"(?:killed|murdered|assassinated|kidnapped|abducted|wounded|injured|shot|executed|slain|"
    r"massacred|tortured|machine-?gunned|hacked|seized|captured|held hostage)"
)
PASSIVE_AFTER = re.compile(
    r"[^.;]{0,140}?\b(?:was|were|had been|has been|have been|(?:is|are|was|were)\s+being)\s+(?:(?:\w+ly|also|later|then|all|both)\s+)?"
    + r"(?:" + _VICTIM_VERB + r"|released|freed|rescued|set\s+free|found\s+(?:dead|murdered|shot))\b", re.I  # a hostage set free was the victim
)
_THE_HIT = r"(?:victims?|dead|deceased|bodies|corpses|hostages?|wounded|injured)"
_IDENTIFIED_AS = _THE_HIT + r"\s+(?:were|was|are|is|have been|has been|had been)\s+(?:identified|named)\s+as"
ACTIVE_BEFORE = re.compile(
    r"(?:\b" + _VICTIM_VERB + r"|\b" + _ACTIVE_ING + r"|\b(?:" + _HARM_NOUNS + r"|deaths?|attack on|attempt on the life)\s+of)"
    r"\b[^.;,]{0,45}$", re.I,
)
OWNER_BEFORE = re.compile(  # "ATTACKED THE RESIDENCE OF VICE PRESIDENT X": whose property was hit
    r"\b(?:homes?|houses?|residences?|offices?|farms?|cars?|vehicles?)\s+of\s+(?:(?:the\s+)?[\w'.-]+\s+){0,4}$", re.I,
)
OWNER_AFTER = re.compile(r"'S\s+(?:\w+\s+)?(?:home|house|residence|office|farm|car|vehicle)s?\b", re.I)
HIT_CUE = re.compile(r"\b(?:attack\w*|bomb\w*|dynamit\w*|explo\w*|burn\w*|set\s+fire|machine-?gunn\w*|destroy\w*|damag\w*)", re.I)
APPOSED_AFTER_VERB = re.compile(  # "ASSASSINATED LAST WEEK, MAGISTRATE X", "KIDNAPPED A YOUNG COUPLE, X AND Y"
    r"\b" + _VICTIM_VERB + r"\s+[^.;,:]{0,45},\s*[^.;,:]{0,40}$", re.I,
)
SPEAKER_AFTER = re.compile(r"\s*,?\s*(?:\w+\s+){0,2}?(?:said|says|reported|stated|added|told|announced|explained|noted)\b", re.I)
NAMED_AS_VICTIM = re.compile(  # "THE VICTIMS WERE IDENTIFIED AS X, Y ...", "THE DEAD INCLUDE X", "THE VICTIM, X"
    r"\b(?:" + _IDENTIFIED_AS + "|" + _THE_HIT + r"\s*(?:were|was|are|is|include[sd]?|including|,))"
    r"\s+(?:[A-Za-z.]+\s+){0,2}$", re.I,
)
PARTICIPLE_AFTER = re.compile(  # "X AND Y, KIDNAPPED 11 DAYS AGO IN MEDELLIN, WERE RESCUED"
    r"\s*(?:,\s*\d{1,2})?\s*,\s*" + _VICTIM_VERB + r"\b(?!\s+(?:him|her|them|the|a|an)\b)", re.I,
)
PRONOUN_VICTIM = re.compile(r"\b" + _VICTIM_VERB + r"\s+(?:him|her)\b", re.I)


def _persons(actors: Sequence[Actor], places: frozenset[str]) -> tuple[Actor, ...]:
    """Undictionaried mentions shaped like personal names; a lone surname counts when the message
    also writes a full name ending in it."""
    def shaped(a: Actor) -> bool:
        words = a.text.split()
        return (
            a.actor_id is None and a.text.lower() not in places and 1 <= len(words) <= 5
            and all(re.fullmatch(r"[A-Za-z][A-Za-z.-]*", w) for w in words)
            and not any(w.lower().strip(".") in NOT_NAME for w in words)
        )
    found = [a for a in actors if shaped(a)]
    surnames = {a.text.split()[-1].lower() for a in found if len(a.text.split()) >= 2}
    return tuple(a for a in found if len(a.text.split()) >= 2 or a.text.lower() in surnames)


def person_victims(ctx: DocContext, start: int, end: int) -> tuple[str, ...]:
    """Personal names in victim position in the sentence ``start:end``: before a passive victim
    verb, after an active one or after "murder of" / "kidnapping of"; a him/her object of a victim
    verb stands for the last name written before it (same sentence or just before)."""
    sentence = ctx.text[start:end]
    inside = [a for a in ctx.persons if start <= a.start < end]
    victim = [_victim_position(sentence, a.start - start, a.end - start) for a in inside]
    for _ in range(2):  # a list of names shares its role: "X, Y AND Z WERE KILLED", "KILLING X; Y"
        for i in range(len(inside) - 1):
            if victim[i] != victim[i + 1] and _listed(ctx.text[inside[i].end:inside[i + 1].start]):
                victim[i] = victim[i + 1] = True
    out: list[str] = [a.text for a, v in zip(inside, victim) if v]
    out += [n for n in listed_victims(sentence) if n.lower() not in ctx.place_names]
    for m in PRONOUN_VICTIM.finditer(sentence):
        before = [a for a in ctx.persons if start - 400 <= a.start and a.end <= start + m.start()]
        if before:
            out.append(before[-1].text)
    return tuple(dict.fromkeys(" ".join(o.split()) for o in out))


LIST_INTRO = re.compile(  # "THE FOLLOWING POLICEMEN DIED IN COMBAT: MAJOR X, ..."
    r"\b(?:died|dead|killed|murdered|victims?|wounded|injured|kidnapped|abducted|hostages?)\b"
    r"[^.;:]{0,40}:\s*(?:[A-Za-z.]+\s+){0,2}$", re.I,
)
LIST_GAP_WORDS = re.compile(
    r"\b(?:was|were|is|are|has|had|have|said|says|who|whom|by|of|from|to|for|with|than|against|"
    r"\w{3,}(?<!ret|nam|kno)(?:ed|ing))\b", re.I,
)


VICTIM_LIST = re.compile(  # a list of the people an incident hit, whether or not NER found the names
    r"\b(?:" + _IDENTIFIED_AS + "|" + _ACTIVE_ING + r"|(?:those|the\s+(?:people|persons|ones))\s+(?:who\s+were\s+)?"
    + VICTIM_VERBS + r"\s+(?:are|were|include)|names\s+of\s+the\s+(?:[\w-]+\s+){0,3}?(?:victims|dead|hostages|" + VICTIM_VERBS
    + r")\s+(?:are|were))\s+([^.]+)", re.I,
)
NOT_IN_NAME = frozenset("""
minor child children boy girl woman women man men wife husband son sons daughter daughters brother
brothers sister father mother family relative relatives friend driver bodyguard bodyguards escort
peasant peasants worker workers student students official officials officer officers policeman
policemen soldier soldiers leader leaders member members civilian civilians passenger passengers
pedestrian pedestrians employee employees guard guards resident residents others reportedly known
identified and or but also is are was were will would shall can could may might has have had be been
being not no northern southern eastern western central
""".split())


def listed_victims(sentence: str) -> tuple[str, ...]:
    """Names in a list introduced by "THE VICTIMS WERE IDENTIFIED AS" or an active "KILLING"
    (:func:`listed_names`)."""
    return listed_names(VICTIM_LIST, sentence)


SUSPECT_LIST = re.compile(  # "THE SUSPECTS, WHO WERE IDENTIFIED AS X, Y ...", "FIVE MEN SUSPECTED OF ... THEIR NAMES ARE X, Y"
    r"\b(?:suspects?|(?:men|persons|people|individuals)\s+(?:suspected|accused)\s+of|alleged\s+(?:murderers|killers|assassins|perpetrators)|"
    r"(?:arrested|detained|captured)\s+(?:men|persons|people|individuals))"
    r"\b(?:[^.]|\.\s){0,160}?\b(?:(?:were|was|have\s+been|has\s+been)\s+identified\s+as|(?:their|whose)\s+names\s+are|(?=:))\s*:?\s+([^.]+)",
    re.I,
)


def listed_suspects(text: str) -> tuple[str, ...]:
    """Names in a list of suspects: "THE SUSPECTS, WHO WERE IDENTIFIED AS X, Y AND Z", "FIVE MEN
    SUSPECTED OF KILLING ... THEIR NAMES ARE X, Y ..." (may span sentences: read from flattened text)."""
    return listed_names(SUSPECT_LIST, " ".join(text.split()))


def listed_names(intro: re.Pattern[str], sentence: str) -> tuple[str, ...]:
    """Names in the list the group of ``intro`` holds: items of two to five name-like words (no
    title, kinship, role, determiner or place word), an age after a name skipped ("MARIA JACINTA
    PULIDO, 42; PILAR PULIDO, 19; ...")."""
    out: list[str] = []
    for m in intro.finditer(sentence):
        for item in re.split(r"\s*(?:[,;:]|\band\b)\s*", m.group(1), flags=re.I):
            words = item.split()
            if not 2 <= len(words) <= 5 or not all(re.fullmatch(r"[A-Za-z][A-Za-z'-]*\.?", w) for w in words):
                continue
            lowered = [w.lower().strip(".") for w in words]
            if any(w in _NO_NAME_WORDS or (len(w) > 5 and w.endswith("ing")) for w in lowered):
                continue
            out.append(" ".join(words))
    return tuple(out)


def _listed(gap: str) -> bool:
    """The text between two names of one list: a separator and at most a title, an age or a short
    apposition ("; AND BODYGUARD", ", 19; A MINOR KNOWN AS", ", THE DEPARTMENTAL SECRETARY;")."""
    words = re.findall(r"[A-Za-z0-9'-]+", gap)
    return (
        bool(re.search(r"[,;]|\band\b", gap, re.I)) and len(gap) <= 70 and len(words) <= 8
        and "." not in gap.replace("MSGR.", "") and not LIST_GAP_WORDS.search(gap)
    )


def _victim_position(sentence: str, s: int, e: int) -> bool:
    passive = PASSIVE_AFTER.match(sentence[e:])
    if passive and not re.search(r"\bby\b", passive.group(0), re.I):
        return True
    before = sentence[max(0, s - 80):s]
    if PARTICIPLE_AFTER.match(sentence[e:]):
        return True
    if APPOSED_AFTER_VERB.search(before) and not SPEAKER_AFTER.match(sentence[e:]):
        return True
    if (OWNER_BEFORE.search(before) or OWNER_AFTER.match(sentence[e:])) and HIT_CUE.search(sentence):
        return True
    return bool(ACTIVE_BEFORE.search(before) or LIST_INTRO.search(before) or NAMED_AS_VICTIM.search(before))


# --- who can be a victim or a perpetrator --------------------------------------------------------

NOT_HUMAN = frozenset("""
convoy convoys position positions garrison garrisons town towns structure structures
pipe pipes pump pumps property properties stick sticks total meeting beginning ago department
departments border well stretch occasion stands regiment unit units battalion brigade patrol
patrols area areas zone region village villages city cities installation installations vehicles
ammunition material equipment damage losses consequence consequences resumption possibility out
victim victims report shrapnel
""".split())
DEMONYMS = frozenset("""
salvadoran guatemalan honduran nicaraguan costa_rican panamanian colombian peruvian bolivian ecuadoran
ecuadorean chilean argentine argentinian venezuelan brazilian mexican cuban american us u.s soviet
british french spanish german israeli
""".split())
_NO_NAME_WORDS = NOT_NAME | NOT_IN_NAME | DETERMINERS | PRONOUNS | CUT_WORDS | EVENT_NOUNS | DEMONYMS  # listed_victims
MILITARY_NP = re.compile(
    r"\b(military|army|soldiers?|troops?|patrols?|garrisons?|barracks|battalions?|brigades?|navy|naval|"
    r"air\s+force|air\s+base|detachments?|outposts?|national\s+guard|treasury\s+police|"
    r"guardsmen|policemen|police\s+(?:station|post|patrol|headquarters)|army\s+positions|"
    r"(?:drug\s+)?traffickers?|guerrillas?|rebels?)\b", re.I,
)


def is_nationality(text: str) -> bool:
    """A lone nationality or country name ("SALVADORAN", "COLOMBIA"): no organisation, no victim."""
    import pycountry

    words = re.findall(r"[a-z0-9'.-]+", text.lower())
    phrase = " ".join(words)
    if not 1 <= len(words) <= 2:
        return False
    return phrase.replace(" ", "_") in DEMONYMS or pycountry.countries.get(name=phrase.title()) is not None


def can_name_people(np: str, place_names: frozenset[str] = frozenset()) -> bool:
    """Could the noun phrase name people? Not a place, an object, a unit, a time or a nationality;
    written in lower case (cut from text whose case was restored or never lost), its head is a word
    for people ("seven people", "a police chief", "union members"), not any common noun ("the
    country economy", "elections", "the front doors")."""
    words = re.findall(r"[a-z0-9'-]+", np.lower())
    if not words or np.lower() in place_names or is_nationality(np):
        return False
    if words[-1] in OBJECT_HEADS or words[-1] in NOT_HUMAN or weapons_in([np]):
        return False
    head = np.split()[-1]
    return not head.islower() or people_word(head)


PEOPLE_HEADS = frozenset("""
mayor judge chief official candidate senator deputy minister priest bishop archbishop colonel general captain
major lieutenant sergeant governor president councilman councilwoman child son daughter wife husband mother
father brother sister nephew niece cousin relative couple guard watchman policeman soldier agent member nun
jesuit leader commander owner manager director secretary attorney ambassador consul diplomat businessman
journalist reporter cameraman photographer student teacher professor peasant farmer worker employee driver
passenger victim bodyguard escort youth minor baby individual inhabitant population faithful public crowd
passerby passersby domestic intellectual subordinate adult baker politician hostage others
""".split())


def people_word(word: str) -> bool:
    """A word for people: the coder's own (:data:`eventwire.events.roles.PERSON_NOUNS`, plurals like
    "activists", "members") or a role the keys name victims by ("mayor", "judges", "couple")."""
    lower = word.lower()
    singular = lower[:-1] if lower.endswith("s") else lower
    return (lower in PEOPLE_HEADS or singular in PEOPLE_HEADS or bool(PERSON_NOUNS.fullmatch(lower))
            or bool(PEOPLE_SUFFIX.search(lower)))


def only_combatants(entities: Sequence[Entity]) -> bool:
    """True when there are targets and each is military, police, guerrilla or a drug trafficker
    (TASKDOC 1.0: such incidents are guerrilla warfare, not terrorism)."""
    return bool(entities) and all(MILITARY_NP.search(e.mentions[0]) for e in entities)
