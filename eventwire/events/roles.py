"""Who, to whom, where, when: choosing event arguments from the dependency parse.

Everything here reads a spaCy parse and the article's resolved mentions; nothing is stored.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..mentions.actors import ActorDictionary, country_actor
from ..nlp import doc_text
from ..records import Actor, Place, TimeRef

if TYPE_CHECKING:
    from spacy.tokens import Token

NP_DEPS = {"det", "amod", "compound", "nmod", "poss", "nummod", "quantmod", "conj", "cc", "npadvmod", "case", "punct", "advmod"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
PRONOUNS = {"they", "it", "he", "she", "them", "we", "us", "him", "her"}
PERSONAL = {"he", "him", "she", "her", "they", "them"}  # never a name, whatever the tagger says
SINGULAR_PERSON = {"he", "him", "she", "her", "his"}
ARMED_TYPES = {"terrorist group", "rebel group", "political militia", "identity militia"}
FIGHTING_TYPES = {"state forces", "international", "identity militia", "political militia", "rebel group", "government"}
NOT_RECIPIENTS = {
    "attack", "assault", "attempt", "incursion", "offensive", "operation", "plan", "attention",
    "bombing", "killing", "murder", "massacre", "fire", "clash", "fighting", "violence", "action",
    "incident", "crime", "act", "wave", "campaign", "explosion", "blast", "raid", "strike", "war",
    "peace", "process", "situation", "effort", "right", "law", "order", "way", "time", "life",
}
INSTRUMENT_NOUNS = {"burst", "fire", "gunfire", "shot", "bullet", "explosion", "blast", "shrapnel", "firing", "shell", "stone", "flame"}
SUFFER_VERBS = {"die", "suffer", "perish", "survive", "flee", "escape", "sustain", "lose", "mourn"}
PERSON_NOUNS = re.compile(
    r"\b(people|persons?|civilians?|passengers?|villagers?|residents?|children|women|men|students?|"
    r"journalists?|workers?|hostages?|prisoners?|detainees?|captives?|worshippers?|pilgrims?|"
    r"peasants?|farmers?|priests?|nuns?|citizens?|family|families|tourists?|refugees?|migrants?|"
    r"jesuits?|maids?|teachers?|doctors?|nurses?|patients?|pupils?|schoolgirls?|schoolchildren|"
    r"boys?|girls?|wom[ae]n|m[ae]n|persons|individuals|mourners|shoppers|civilians|labou?rers?|"
    r"traders?|merchants?|businessm[ae]n|drivers?|engineers?|technicians?|advisers?|missionar(?:y|ies)|volunteers?|"
    r"employees?|activists?|lawyers?|bus|airliner|plane|school|hospital|market|church|mosque|temple)\b",
    re.I,
)
TARGET_PLACE_NOUNS = {"town", "city", "village", "area", "district", "region", "province", "territory", "neighbourhood", "neighborhood", "positions", "highway", "road", "base", "villages", "towns"}
PRECISION_RANK = {"point": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


@dataclass(frozen=True, slots=True)
class Mentions:
    """The article's resolved mentions, sorted by start offset."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    times: tuple[TimeRef, ...]
    dictionary: ActorDictionary
    dateline: Place | None = None  # where the story was filed, if its dateline says
    governments: tuple[tuple[str, str], ...] = ()  # (lower-cased country or capital name, ISO3)

    def government(self, name: str) -> str | None:
        """ISO3 for a country or national capital used as an actor ("Berlin rejected ...")."""
        key = re.sub(r"^the\s+", "", name.lower().strip())
        return next((iso3 for n, iso3 in self.governments if n == key), None)

    def actors_in(self, start: int, end: int) -> list[Actor]:
        return [a for a in self.actors if start <= a.start < end]

    def places_in(self, start: int, end: int) -> list[Place]:
        return [p for p in self.places if start <= p.start < end]

    def times_in(self, start: int, end: int) -> list[TimeRef]:
        return [t for t in self.times if start <= t.start < end]

    def enemy(self) -> Actor | None:
        """The article's most-mentioned armed non-state actor: the other side of an offensive."""
        counts = Counter(a.name for a in self.actors if a.type in ARMED_TYPES and a.actor_id)
        if not counts:
            return None
        name = counts.most_common(1)[0][0]
        return next(a for a in self.actors if a.name == name)


def span_of(tok: Token) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)


def np_range(tok: Token) -> tuple[int, int]:
    """Character range of the noun phrase headed by ``tok`` (no relative clauses or PPs)."""
    lo, hi = span_of(tok)
    def keep(c: Token) -> bool:
        if c.dep_ == "conj":
            return c.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
        return c.dep_ in NP_DEPS

    own = [c for c in tok.children if not (c.dep_ == "case" and tok.dep_ == "poss")]  # "Galan's murder": Galan
    stack = [c for c in own if keep(c) or (c.dep_ == "prep" and c.lower_ == "of")]
    while stack:
        c = stack.pop()
        lo, hi = min(lo, c.idx), max(hi, c.idx + len(c.text))
        stack.extend(cc for cc in c.children if keep(cc) or cc.dep_ == "pobj")
    return lo, hi


def subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text)


def clause_head(tok: Token) -> Token:
    """The verb that governs ``tok`` (itself when it is a verb)."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def is_group_of_people(tok: Token) -> bool:
    """A plural noun for people ("fundamentalists", "ethnic Turks", "landowners") or a NORP."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() in NOT_RECIPIENTS:
        return False
    if tok.lemma_.lower() in COUNT_NOUNS | GROUP_NOUNS:  # "hundreds of people", "a group of unidentified individuals"
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        return obj is not None and is_group_of_people(obj)
    return tok.ent_type_ == "NORP" or (tok.tag_ in ("NNS", "NNPS") and bool(PEOPLE_SUFFIX.search(tok.lower_))) or bool(PERSON_NOUNS.fullmatch(tok.lower_))


COUNT_NOUNS = {"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens", "million", "millions", "scores"}
GROUP_NOUNS = {"group", "band", "gang", "squad", "column", "team", "unit", "cell", "detachment", "contingent"}
PEOPLE_SUFFIX = re.compile(r"(?:ists|ians|ers|ors|ants|ents|ites|ese|ans|men|people|folk)$")


def is_agent(tok: Token) -> bool:
    """True for the object of a passive's "by" ("kidnapped by heavily armed men")."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"


def subject_token(verb: Token) -> Token | None:
    """Logical subject: nsubj, the agent of a passive, or the controller of xcomp/acl/conj."""
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    if is_passive(verb) or participle_patient(verb) is not None:
        return None  # "50 persons were held", "the 51 people arrested": no agent written
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:  # object control: "forcing the police to open fire"
        controller = next((c for c in verb.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if controller is not None:
            return controller
    if verb.dep_ in ("xcomp", "advcl", "conj", "acomp") and verb.head.i != verb.i:
        return subject_token(verb.head)  # "was able to arrest": through the adjective
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i:
        governor = verb.head.head  # "claimed responsibility for detonating a bomb"
        return subject_token(governor if governor.pos_ in ("VERB", "AUX") else clause_head(governor))
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "relcl":
        return verb.head
    return None


LIGHT_VERBS = {"conduct", "carry", "stage", "launch", "perpetrate", "commit", "mount", "unleash", "wage", "execute", "claim",
               "begin", "start", "continue", "resume", "renew", "hold", "organize", "organise", "open",
               "host", "declare", "deliver", "impose"}


def light_verb(tok: Token) -> Token | None:
    """The verb an event noun is the object of when that verb only says the act was done:
    "a group of subversives CONDUCTED an attack", "the attack was STAGED by 10 terrorists".
    Its subject (or agent) did the act, whatever adjective the noun carries ("terrorist attack")."""
    if tok.dep_ not in ("dobj", "nsubjpass") or tok.head.i == tok.i:
        return None
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    if verb.lemma_.lower() == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None
    return verb


def is_passive(verb: Token) -> bool:
    """A passive verb: "were held", "was shot dead", or a past participle modifying its patient
    ("the people arrested", "persons killed"), whose head noun is the patient, not the agent."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    bare = verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)
    return bare and verb.dep_ in ("acl", "advcl", "oprd")  # "found 13 bodies ... brutally slaughtered"


def passive_patient(verb: Token) -> Token | None:
    """The patient of a reduced passive relative or of a participle used as an adjective:
    "the 51 people arrested ..." -> people, "the murdered Jesuits" -> Jesuits."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head
    return participle_patient(verb)


def participle_patient(tok: Token) -> Token | None:
    """"the murdered Jesuits", "the kidnapped businessman": a past participle modifying people."""
    participle = tok.tag_ == "VBN" or (tok.pos_ == "ADJ" and tok.lower_.endswith("ed"))
    if tok.dep_ in ("amod", "compound") and participle and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        if head.ent_type_ == "PERSON" or PERSON_NOUNS.search(head.text) or is_group_of_people(head):
            return head
    return None


NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def object_token(trigger: Token) -> Token | None:
    """Recipient token: passive subject, direct object, or the object of on/against/of/at
    (never a date or a number: "exploded on Tuesday")."""
    for dep in ("nsubjpass", "dobj"):
        for c in trigger.children:
            if c.dep_ == dep and c.ent_type_ not in NOT_PARTICIPANTS:
                return c
    patient = passive_patient(trigger)
    if patient is not None and patient.ent_type_ not in NOT_PARTICIPANTS:
        return patient
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "at", "upon", "targeting"):
            objs = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in NOT_PARTICIPANTS]
            if objs:
                return objs[0]
    return loose_object(trigger)


def loose_object(verb: Token) -> Token | None:
    """A personal name the parser hung after ``verb`` as npadvmod or appos, which is its object:
    "mercenaries assassinated in less than 48 hours, magistrate X, ..."."""
    if verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ in ("npadvmod", "appos") and c.i > verb.i and c.ent_type_ == "PERSON"), None)


def actor_for(tok: Token | None, m: Mentions, *, allow_descriptive: bool) -> Actor | None:
    """The actor a token refers to: a mention inside its noun phrase, a resolved pronoun, or
    (for recipients) the noun phrase itself as a descriptive actor."""
    if tok is None:
        return None
    if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":  # "a mosque that ..." -> the mosque
        return actor_for(tok.head.head, m, allow_descriptive=allow_descriptive)
    if tok.lower_ in ("nobody", "none", "noone") or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return None  # "no person or terrorist organization has claimed ...": nobody
    if tok.lower_ in ("those", "anyone", "whoever") and any(c.dep_ in ("amod", "relcl", "acl", "prep") for c in tok.children):
        return None  # "those responsible for killing him", "those who attacked": unknown people, no earlier actor
    if tok.pos_ == "PRON" or (tok.lower_ in PRONOUNS and tok.pos_ != "PROPN") or tok.lower_ in PERSONAL:
        return resolve_pronoun(tok, m)  # "us", not "the US"; "HE" even when upper case misleads the tagger
    lo, hi = np_range(tok)
    found = m.actors_in(lo, hi)
    if len(found) > 1:  # "the Salvadoran leader Hector Oqueli": the nationality only modifies
        named = [a for a in found if not _modifier_demonym(a, m)]
        found = named or found
    head_hit = [a for a in found if a.start <= tok.idx < a.end]
    coordinated = len(found) > 1 and any(t.dep_ == "conj" for t in tok.subtree)
    if found and (coordinated or not head_hit):
        if not (allow_descriptive and tok.pos_ == "NOUN" and not coordinated):
            return head_hit[0] if head_hit else found[0]  # "labor leader Febe Velasquez and ...": the head's name
    elif head_hit:
        named = [a for a in found if a.actor_id is not None]
        if head_hit[0].actor_id is None and named:  # "armed men of the FMLN" -> the FMLN
            return named[0]
        return head_hit[0]
    places = m.places_in(lo, hi)
    head_place = next((p for p in places if p.start <= tok.idx < p.end), None)
    if head_place is not None and tok.pos_ == "PROPN":
        iso3 = _government_of(head_place, m)
        if iso3:  # "Russia said", "Berlin rejected": the country's government
            return country_actor(iso3, head_place.text, head_place.start, head_place.end, m.dictionary)
    if tok.pos_ == "PROPN":  # "Berlin rejected", "the PRC demanded": a state named by place or name
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        name, start, end = (ent.text, ent.start_char, ent.end_char) if ent is not None else (tok.text, tok.idx, tok.idx + len(tok.text))
        iso3 = m.government(name) or m.dictionary.country_of(re.sub(r"^the\s+", "", name, flags=re.I))
        if iso3:
            return country_actor(iso3, name, start, end, m.dictionary)
    if tok.lemma_.lower() in INSTITUTIONS:  # "Poland's parliament", "the Iraqi foreign ministry"
        return descriptive_actor(tok, lo, hi, m).replace(type="government")
    if tok.lower_ in BODIES:  # "the opposition demanded", "the two countries signed"
        return descriptive_actor(tok, lo, hi, m).replace(type=BODIES[tok.lower_])
    owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "our")), None)
    if owner is not None and not allow_descriptive:  # "its aircraft" -> the owner
        return resolve_pronoun(owner, m)
    if is_agent(tok) and (tok.lemma_.lower() in INSTRUMENT_NOUNS or WEAPON_TEXT.search(doc_text(tok.doc)[lo:hi])):
        owner = next((c for c in tok.children if c.dep_ in ("compound", "poss", "nmod")), None)
        return actor_for(owner, m, allow_descriptive=False)  # "by police bullets" -> police; "by machinegun bursts" -> none
    if not allow_descriptive or tok.pos_ not in ("NOUN", "PROPN") or "\n" in doc_text(tok.doc)[lo:hi]:
        return None
    if tok.lemma_.lower() in NOT_RECIPIENTS or WEAPON_TEXT.fullmatch(tok.text):
        return None  # "repelled a terrorist attack", "detonated dynamite sticks"
    return descriptive_actor(tok, lo, hi, m)


INSTITUTIONS = {
    "parliament", "government", "ministry", "minister", "president", "cabinet", "senate",
    "congress", "assembly", "court", "embassy", "council", "spokesman", "spokeswoman", "official",
    "officials", "authorities", "administration", "leadership", "regime", "junta", "legislature",
    "premier", "chancellor", "king", "monarch", "foreign minister", "delegation", "diplomats",
}


# Bodies that act as a whole without a name, and the actor type they are.
# As written: "the country was in shock" or "the state of emergency" is no party, "both countries" are.
BODIES = {
    "opposition": "other", "party": "other", "union": "other", "unions": "other", "pope": "other",
    "church": "other", "coalition": "other", "company": "other", "countries": "government",
    "nations": "government", "alliance": "international", "bloc": "international",
}


def _government_of(place: Place, m: Mentions) -> str | None:
    """ISO3 of the country a country name or national capital stands for."""
    if place.precision == "country":
        return m.dictionary.country_of(place.name) or m.dictionary.country_of(place.text)
    if place.feature == "PPLC" and place.country:
        import pycountry

        country = pycountry.countries.get(alpha_2=place.country)
        return country.alpha_3 if country else None
    return None


def descriptive_actor(tok: Token, lo: int, hi: int, m: Mentions) -> Actor:
    """"a Russian passenger airliner" -> an actor named by its own noun phrase."""
    text = re.sub(r"(?:[\s,;:–—-]+(?:and|or|as well as))+$|[\s,;:–—-]+$", "", doc_text(tok.doc)[lo:hi], flags=re.I)
    hi = lo + len(text)
    name = re.sub(r"^(?:the|a|an|its|their|his|her)\s+", "", text, flags=re.I)
    country = None
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "poss"):
            country = m.dictionary.country_of(c.text) or country
            place = next((p for p in m.places if p.start <= c.idx < p.end), None)
            country = country or (place is not None and _government_of(place, m)) or None
    kind = "civilians" if PERSON_NOUNS.search(text) or tok.lower_ in ("airliner", "plane", "bus", "village", "town") else "other"
    return Actor(name, text, kind, country, lo, hi)


def _modifier_demonym(actor: Actor, m: Mentions) -> bool:
    """A nationality adjective standing alone as an actor mention ("SALVADORAN", "Guatemalan")."""
    words = actor.text.split()
    if len(words) != 1 or actor.actor_id is not None:
        return False
    word = words[0].lower()
    return word.endswith(("an", "ese", "ish", "i", "ic")) and m.dictionary.country_of(word) is not None


HARM_LEMMAS = frozenset("""
kill murder wound injure torture kidnap abduct execute massacre shoot assassinate slay behead maim
""".split())


def _people_before(tok: Token, m: Mentions, window: int = 60) -> Actor | None:
    """The people a harmed "they"/"them" stands for: the nearest plural noun for people written in
    the ``window`` tokens before it, when no named group comes between."""
    for i in range(tok.i - 1, max(-1, tok.i - window - 1), -1):
        cand = tok.doc[i]
        if any(a.start <= cand.idx < a.end for a in m.actors):
            return None  # a named actor is nearer: the usual reading stands
        if cand.pos_ == "NOUN" and cand.tag_ == "NNS" and PERSON_NOUNS.fullmatch(cand.lower_):
            return actor_for(cand, m, allow_descriptive=True)
    return None


def resolve_pronoun(tok: Token, m: Mentions) -> Actor | None:
    """"they" in "officials said they had captured" is the speaker, and so is "we"/"our" in a
    quotation; otherwise the last actor before the pronoun."""
    if tok.lower_ in ("we", "our", "us"):
        for g in tok.ancestors:
            if g.lemma_.lower() in ("say", "tell", "state", "announce", "claim", "add"):
                speaker = next((c for c in g.children if c.dep_ == "nsubj" and c.i != tok.i), None)
                return actor_for(speaker, m, allow_descriptive=False) if speaker is not None else None
        return None
    verb = tok.head
    if verb.dep_ == "ccomp" and verb.head.lemma_ in ("say", "tell", "claim", "announce", "report"):
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if speaker is not None and speaker.i != tok.i:
            found = actor_for(speaker, m, allow_descriptive=False)
            if found is not None:
                return found
    if tok.lower_ in SINGULAR_PERSON:  # "shot him": the last person named before, else nobody
        people = [a for a in m.actors if a.end <= tok.idx and is_person_mention(a, tok.doc)]
        if not people or tok.idx - people[-1].end > 600:
            return None
        last = people[-1]
        return Actor(last.name, last.text, last.type, last.country, last.start, last.end, last.actor_id)
    if tok.lower_ in ("they", "them") and tok.dep_ in ("nsubjpass", "dobj") and tok.head.lemma_.lower() in HARM_LEMMAS:
        people = _people_before(tok, m)  # "THE BODIES OF FIVE PEASANTS WERE FOUND. THEY WERE KILLED ..."
        if people is not None:
            return _standing_for(people, tok)
    before = [a for a in m.actors if a.end <= tok.idx and a.type != "civilians"]
    if tok.lower_ in ("they", "them", "their"):  # a group, never one person
        before = [a for a in before if not is_person_mention(a, tok.doc)]
    if tok.lower_ in ("it", "its"):
        before = [a for a in before if a.type in ARMED_TYPES | {"international", "government"}]
    if not before:
        return None
    return _standing_for(before[-1], tok)


def _standing_for(antecedent: Actor, tok: Token) -> Actor:
    """The pronoun ``tok`` as a mention of ``antecedent``: its name and type, the pronoun's text and span."""
    return Actor(antecedent.name, tok.text, antecedent.type, antecedent.country, tok.idx, tok.idx + len(tok.text),
                 antecedent.actor_id)


def choose_place(candidates: Sequence[Place], trigger_at: int) -> Place | None:
    """Most specific resolved place; ties go to the one nearest the trigger."""
    if not candidates:
        return None

    def key(p: Place) -> tuple[int, int]:
        rank = PRECISION_RANK.get(p.precision, 5) if p.geonameid is not None or p.lat is not None else 6
        return rank, abs(p.start - trigger_at)

    return min(candidates, key=key)


WEAPON_MODES: dict[str, str] = {
    "missile": "heavy-weapons", "rocket": "heavy-weapons", "mortar": "heavy-weapons",
    "shell": "heavy-weapons", "artillery": "heavy-weapons", "round": "firearms", "bullet": "firearms",
    "shot": "firearms", "gun": "firearms", "weapon": "firearms", "gas": "crowd-control",
    "grenade": "explosives", "bomb": "explosives", "explosive": "explosives", "drone": "drone",
}


WEAPON_TEXT = re.compile(
    r"\b(?:(?:car|truck|roadside|parcel|letter|time|suicide|homemade|nail|pipe)[ -])?"
    r"(?:bombs?|dynamite(?: charges?| sticks?)?|explosives?(?: charges?| devices?)?|grenades?|"
    r"rifles?|machine[ -]?guns?|machineguns?|submachine guns?|pistols?|revolvers?|firearms?|"
    r"guns?|machetes?|knives|knife|axes?|mortars?(?: rounds?| shells?)?|rockets?|missiles?|"
    r"(?:land)?mines?|IEDs?|improvised explosive devices?|bullets|AK-47s?|M-16s?|"
    r"molotov cocktails?|incendiary devices?|tear gas|artillery|shells|drones?)\b",
    re.IGNORECASE,
)


def weapon_in(text: str, lo: int, hi: int) -> tuple[str, int] | None:
    """The first weapon named in text[lo:hi], as written, with its offset."""
    m = WEAPON_TEXT.search(text, lo, hi)
    return (m.group(0), m.start()) if m else None


def weapon_mode(tok: Token) -> str | None:
    """"two anti-ship ballistic missiles" -> heavy-weapons; the most lethal weapon of a list wins."""
    modes = [WEAPON_MODES.get(t.lemma_.lower()) for t in [tok, *(c for c in tok.children if c.dep_ == "conj")]]
    modes = [m for m in modes if m]
    for best in ("heavy-weapons", "explosives", "drone", "firearms", "crowd-control"):
        if best in modes:
            return best
    return None


# things that do nothing of their own: "an attack by a bus" names no doer
VEHICLES = frozenset("bus car truck lorry van vehicle train tractor jeep motorcycle motorbike bike bicycle taxi "
                     "rickshaw boat ship ferry".split())


def by_agent(tok: Token) -> Token | None:
    """The object of ``tok``'s "by" phrase when it can be a doer ("the firing by the police"), not
    a vehicle ("an attack by a bus")."""
    by = prep_object(tok, ("by",))
    return by if by is not None and by.lemma_.lower() not in VEHICLES else None


def prep_object(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            objs = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in NOT_PARTICIPANTS]
            if objs:
                return objs[0]
    return None


def main_clause(head: Token) -> Token:
    """Climb from a participle or purpose clause to the clause it belongs to (not past a
    speech verb: "X said Y attacked" keeps Y's clause)."""
    cur = head
    while cur.dep_ in ("advcl", "xcomp", "acl", "conj") and cur.head.i != cur.i:
        if cur.head.lemma_.lower() in ("say", "tell", "report", "announce", "claim"):
            break
        cur = cur.head
    return cur


def excluded_ranges(head: Token) -> list[tuple[int, int]]:
    """Parts of a clause that name places the event did not happen at: "between X and Y",
    "strongholds of X", "from X", "in response to ..."."""
    out = []
    for tok in head.subtree:
        if tok.dep_ == "prep" and tok.lower_ in ("between", "from"):
            out.append(subtree_range(tok))
        elif tok.dep_ == "prep" and tok.lower_ in ("to", "toward", "towards") and tok.head.pos_ != "VERB":
            out.append(subtree_range(tok))  # "ships linked to Israel" describes the ships
        elif tok.dep_ == "prep" and tok.lower_ in ("to", "toward", "towards") and tok.head.lemma_.lower() in ("link", "belong", "loyal", "close"):
            out.append(subtree_range(tok))
        elif tok.lemma_.lower() in ("stronghold", "capital", "response", "home", "headquarters") and tok.pos_ == "NOUN":
            out.append(subtree_range(tok))
    return out


def has_anaphoric_place(head: Token) -> bool:
    """"outside the town": a definite place noun with no name attached."""
    for tok in head.subtree:
        if tok.lemma_.lower() in TARGET_PLACE_NOUNS and any(c.lower_ == "the" for c in tok.children):
            if not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                return True
    return False


def is_place_object(tok: Token, m: Mentions | None) -> bool:
    """The object names a place ("the town of Sinjar", "Sinjar", "three villages")."""
    if tok.lemma_.lower() in TARGET_PLACE_NOUNS or tok.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if m is None:
        return False
    lo, hi = np_range(tok)
    return bool(m.places_in(lo, hi)) and not m.actors_in(lo, hi)


def is_place_name(tok: Token, m: Mentions) -> bool:
    """A bare proper place name: where the event happened, never its recipient (a word of a personal
    name is none, though a town bears it: "magistrate Carlos Valencia Garcia")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON" and any(p.start <= tok.idx < p.end for p in m.places)


def is_state_name(tok: Token, m: Mentions) -> bool:
    """A bare name of a country or national capital, which stands for its state as a party to an
    interaction ("Russia threatened Ukraine", "talks with Washington")."""
    return tok.pos_ == "PROPN" and any(
        p.start <= tok.idx < p.end and _government_of(p, m) is not None for p in m.places)


def is_person_mention(actor: Actor, doc) -> bool:  # type: ignore[no-untyped-def]
    """An actor mention that names one person: spaCy tagged it PERSON, or it is an undictionaried
    name of two to four capitalised words."""
    if actor.actor_id is not None or actor.type not in ("other", "civilians"):
        return False
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor.start >= 0 else None
    if span is not None and any(t.ent_type_ == "PERSON" for t in span):
        return True
    words = actor.text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not PERSON_NOUNS.search(actor.text)
