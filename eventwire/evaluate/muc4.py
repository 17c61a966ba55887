"""``eventwire evaluate muc4``: score the event pipeline on MUC-3/MUC-4 answer keys.

Each message becomes an Article (publication date from its dateline); the pipeline's events are
mapped to MUC templates and scored by :mod:`eventwire.evaluate.muc4_score`.

Mapping one Event to a MUC incident (first matching rule wins):

| PLOVER type / mode                      | cue (trigger, sentence, actor)               | INCIDENT: TYPE        |
|-----------------------------------------|----------------------------------------------|-----------------------|
| ASSAULT abduct                          |                                              | KIDNAPPING            |
| ASSAULT destroy                         | trigger burn/fire/arson/torch                | ARSON                 |
| ASSAULT destroy                         | trigger loot/rob/steal                       | ROBBERY               |
| ASSAULT explosives, suicide-attack      |                                              | BOMBING               |
| ASSAULT aerial, drone, heavy-weapons    |                                              | ATTACK (TASKDOC 7.8: aerial bombs are ATTACK) |
| ASSAULT other / none                    | trigger bomb/explosi/dynamit                 | BOMBING               |
| ASSAULT other / none                    |                                              | ATTACK                |
| COERCE seize                            | trigger rob/steal/loot/hold up/assault       | ROBBERY               |
| PROTEST strike, COERCE (any)            | trigger "armed strike"/"work stoppage", or actor is an armed non-state group | FORCED WORK STOPPAGE |
| THREATEN                                | sentence bomb/dynamite → BOMBING, kidnap → KIDNAPPING, else ATTACK | (stage THREATENED) |
| anything else                           |                                              | not a MUC incident    |

Stage from status: occurred, claimed, suspected, denied → ACCOMPLISHED; attempted → ATTEMPTED;
threatened, planned → THREATENED (and every THREATEN event); negated, hypothetical → dropped.
Perpetrator organisation confidence, when run on a whole message (:func:`templates_of`): from the
responsibility cues (:func:`muc4_roles.confidence_for`) of the evidence sentence and of every sentence
naming the perpetrator organisation or a named armed group of the message: a group claims (or claims
credit), or any sentence of the message claims responsibility -> CLAIMED OR ADMITTED; an authority
says, blames or suspects -> ... BY AUTHORITIES (an authority word inside the accused's own name does
not count); others blame, or "apparently",
"allegedly" -> SUSPECTED OR ACCUSED; else REPORTED AS FACT. From events alone (only when a PerpOrg is
predicted): claimed → CLAIMED OR
ADMITTED; suspected → SUSPECTED OR ACCUSED BY AUTHORITIES when the attribution names an authority
(police, army, government, minister …), else SUSPECTED OR ACCUSED; denied → SUSPECTED OR ACCUSED;
otherwise REPORTED AS FACT. POSSIBLE is never predicted.

Role fillers are minimal noun phrases (:func:`muc4_roles.minimal_nps`: coordinations split,
determiners and numerals dropped, pronouns and event nouns rejected). On a whole message the
evidence sentence adds generic perpetrators (agents and subjects of incident verbs), victims
(objects of killing/kidnapping verbs, subjects of their passives), physical targets and named
armed groups (PerpOrg when the actor names none). The actor is a PerpInd when its text is a generic noun phrase ("terrorists", "armed
men") or a person, and a PerpOrg when it is a named group or institution (its canonical name is
then added as an alternative form); a generic text resolved to a named group gives both. The
recipient is a physical Target when its head noun is an object (building, bridge, embassy, bus…),
else a Victim. Weapons are instrument nouns (bomb, car bomb, dynamite, rifle, grenade…) found in the
evidence sentence (none for ARSON and KIDNAPPING, which have no instrument slot; no Target for
KIDNAPPING). Effect: DEATH when fatalities or a killed-number is stated or the trigger is a killing
verb; INJURY when injuries or a wounded-number is stated.

MUC relevance rules applied before grouping (TASKDOC part 1, section 1.0): attacks whose recipient
is an armed force or group (clashes) are dropped unless the sentence also kills, wounds or kidnaps
people who are no combatants ("eight policemen and nine civilians were killed"), and so are incidents whose every target or victim is
military, police, guerrilla or a drug trafficker; events dated more than 61 days before the message
are dropped (not recent).

On a whole message, fillers are also read from the message as a whole: a canonical group name gets
the form the message writes it in; a lone nationality ("SALVADORAN") is no organisation and no
victim; a state armed body the evidence sentence makes the doer ("the armed forces bombed ...",
"bombed by the air force") is the PerpOrg when the actor and the sentence name no group, and the
message's one named armed group is the PerpOrg when neither names one; personal names in victim position (before a passive kill/kidnap verb, after an active one or
"murder of", or the person a "killed him" refers to) are victims, and those of sentences without a
coded event join the message's first template, and so do the names listed after "the victims were
identified as" or an active "killing" (read without NER), the doers of incident verbs ("placed by two
young men", "the work of guerrillas"), the people arrested, captured or charged in a sentence that
ties them to an incident (PerpInd: "X and Y were arrested and charged with being accomplices to the
crime") and the objects written right after a damage verb ("dynamited two power pylons"); weapons
come only from the incident's own sentences, never seized or found ones; sentences about a past
incident (an event dated before the recent window, a year before last) give none of these. Victims
and generic perpetrators must be able to name people (no place, object, unit, weapon or time word as
head); in a caseless message an NP not headed by a word for people must hold a word that is only
ever a name (the truecasing model knows no lower-case form of it) or be part of a personal name the
message writes ("the time", "either" are no victims).

Place: the most specific place written in the evidence sentence (city over department over country,
in the country of the coder's place). A template placed outside MUC's nine countries while the
message's main country is one of them takes the main country instead (TASKDOC 1.0 rule 4). A
template without a place name takes the most specific town (or smaller place) that a sentence of the
message with an incident verb names in its country, else the dateline city when that lies in the
incident's country.

Relevance gate (``--no-gate`` turns it off): a template that the learned relevance model
(:mod:`muc4_relevance`: words of the message stacked with the templates found in it and the
template's own slots, trained on dev messages 301-1300) scores below the model file's threshold
(chosen on dev 1-300) is dropped; a message left without templates reports no relevant incident.

Grouping: events of a message with the same incident type and stage become one template when their
dates overlap (or one is unknown), their places agree (same country and place, or one unknown) and
their perpetrator organisations do not conflict. A template without a date takes the dateline date
(the key's "- DD MMM YY" convention); without a place, the most frequent country of the message's
events, else of its place mentions, counting only MUC's nine countries when any is mentioned.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import click

from ..errors import EventwireError
from ..events.attribution import is_authority, self_reported
from ..records import Actor, Article, ArticleResult, Event, Place
from ..truecasing import casing_model
from . import EvalReport, emit, format_option, limit_option, muc_files_options, workers_option
from .muc4_reader import KeyTemplate, Message, mixed_case_variant, read_keys, read_messages
from .muc4_reader import message_dates
from .muc4_relevance import RelevanceModel
from .muc4_roles import (
    COLLECTIVE_HEADS, HIT_CUE, INCIDENT_VERB_RE, LIST_GAP_WORDS, MILITARY_NP, MODIFIER_HEADS, NO_CLAIM_RE, OBJECT_HEADS,
    PERP_HEADS, RESPONSIBILITY_CLAIM_RE, DocContext, can_name_people, confidence_for, doc_context, hit_objects,
    is_nationality, listed_suspects, minimal_nps, of_alternatives, only_combatants, passive_victim, people_word,
    perpetrators_in, person_victims, place_specificity, state_doers, targets_in, victims_in, weapons_in,
)
from .muc4_score import ROLES, DocCase, Entity, MucTemplate, PlaceGuess, counts, entity_matches, gold_template
from .muc4_score import head_noun, normalise, score
from .runner import load_pipeline, make_article, optional_import, run_articles

RECENT_DAYS = 61
Selector = Callable[[tuple[MucTemplate, ...]], tuple[MucTemplate, ...]]  # the templates a relevance gate keeps
MUC_COUNTRIES = frozenset({"SV", "GT", "HN", "AR", "BO", "CL", "CO", "EC", "PE"})  # TASKDOC 1.0, rule 4
ARMED = frozenset({"state forces", "rebel group", "political militia", "identity militia", "terrorist group"})
ORG_TYPES = ARMED | {"government", "international", "media"}
STAGE_OF = {
    "occurred": "ACCOMPLISHED", "claimed": "ACCOMPLISHED", "suspected": "ACCOMPLISHED",
    "denied": "ACCOMPLISHED", "attempted": "ATTEMPTED", "threatened": "THREATENED",
    "planned": "THREATENED",
}
GENERIC_HEADS = frozenset("""
terrorist terrorists guerrilla guerrillas rebel rebels insurgent insurgents subversive subversives
extremist extremists gunman gunmen man men individual individuals assailant assailants attacker
attackers kidnapper kidnappers assassin assassins killer killers hitman hitmen member members
unit units column commando commandos squad squads group groups cell cells soldier soldiers troop
troops policeman policemen police agent agents officer officers people persons person youth youths
militant militants criminal criminals suspect suspects bandit bandits mob crowd force forces
""".split())
DOER_HEADS = GENERIC_HEADS | {"murderers", "fighters", "narcoterrorist", "narcoterrorists", "traffickers", "hitmen"}
ARMED_HEADS = frozenset("""
subversive subversives extremist extremists guerrilla guerrillas terrorist terrorists rebel rebels
insurgent insurgents militant militants soldier soldiers troops guardsman guardsmen policeman
policemen patrol patrols battalion brigade army
""".split())
# Objects the keys never give as a physical target: a university is where the incident happened (the
# keys put it in INCIDENT: LOCATION, e.g. "EL SALVADOR: SAN SALVADOR (CITY): CENTRAL AMERICAN
# UNIVERSITY (UNIVERSITY)"), a helicopter is military equipment, like the posts only_combatants drops.
NOT_TARGET_HEADS = frozenset({"university", "helicopter"})
CLASH = re.compile(r"\b(clash\w*|fighting|combat\w*|skirmish\w*|battle\w*)\b", re.I)
COUNTRY_ALIASES = {
    "US": ("UNITED STATES", "USA"), "RU": ("SOVIET UNION", "USSR"), "KP": ("DEMOCRATIC PEOPLES REP OF KOREA",),
    "CN": ("PEOPLES REP OF CHINA",), "DE": ("WEST GERMANY", "FEDERAL REPUBLIC OF GERMANY"),
    "GB": ("UNITED KINGDOM", "GREAT BRITAIN"),
}


# --- one event -> one incident ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Incident:
    """One event in MUC terms, before grouping."""

    type: str
    stage: str
    template: MucTemplate
    date: tuple[dt.date, dt.date] | None
    country: str | None
    place_key: str | None


def incident_type(event: Event) -> str | None:
    """MUC INCIDENT: TYPE for an event, or None when it is no MUC incident (table above)."""
    trig, mode = event.evidence.trigger.lower(), event.mode or ""
    sent = event.evidence.sentence.lower()
    if event.type == "ASSAULT":
        return _assault_type(mode, trig)
    if event.type == "THREATEN":
        if re.search(r"bomb|dynamit|explosi", sent):
            return "BOMBING"
        return "KIDNAPPING" if re.search(r"kidnap|abduct", sent) else "ATTACK"
    armed_actor = event.actor is not None and event.actor.type in ARMED - {"state forces"}
    if re.search(r"armed strike|work stoppage|stoppage", trig) or (
        event.type == "PROTEST" and mode == "strike" and armed_actor
    ):
        return "FORCED WORK STOPPAGE"
    if event.type == "COERCE" and mode == "seize" and re.search(r"\brob|steal|stole|loot|hold up|held up|assault", trig):
        return "ROBBERY"
    return None


def _assault_type(mode: str, trig: str) -> str:
    if mode == "abduct":
        return "KIDNAPPING"
    if mode == "destroy" and re.search(r"burn|fire|arson|torch|incendiar", trig):
        return "ARSON"
    if mode == "destroy" and re.search(r"loot|\brob|steal|stole", trig):
        return "ROBBERY"
    if mode in ("explosives", "suicide-attack"):
        return "BOMBING"
    if mode in ("aerial", "drone", "heavy-weapons"):
        return "ATTACK"
    return "BOMBING" if re.search(r"bomb|explosi|dynamit", trig) else "ATTACK"


def stage_of(event: Event) -> str | None:
    if event.type == "THREATEN" and event.status not in ("negated", "hypothetical"):
        return "THREATENED"
    return STAGE_OF.get(event.status)


def confidence_of(event: Event) -> str:
    """The MUC confidence the event's status and attribution amount to: claimed -> CLAIMED OR
    ADMITTED; suspected -> SUSPECTED OR ACCUSED, BY AUTHORITIES when the attribution is a state
    source (:func:`eventwire.events.attribution.is_authority`); denied -> SUSPECTED OR ACCUSED.
    A fact the doer's own side reports (:func:`eventwire.events.attribution.self_reported`: "the
    FMLN general command said FMLN units attacked ...") is CLAIMED OR ADMITTED in MUC's terms; the
    event itself stays "occurred", attributed to that source."""
    claim = event.status == "occurred" and self_reported(event.actor, event.attribution, event.evidence.sentence)
    if event.status == "claimed" or claim:
        return "CLAIMED OR ADMITTED"
    if event.status == "suspected":
        return "SUSPECTED OR ACCUSED BY AUTHORITIES" if is_authority(event.attribution) else "SUSPECTED OR ACCUSED"
    if event.status == "denied":
        return "SUSPECTED OR ACCUSED"
    return "REPORTED AS FACT"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9'-]+", text.lower())


def _is_generic(actor: Actor) -> bool:
    words = _words(actor.text)
    return bool(words) and words[-1] in GENERIC_HEADS


def _armed(actor: Actor | None) -> bool:
    if actor is None:
        return False
    words = _words(actor.text)
    return actor.type in ARMED or (bool(words) and words[-1] in ARMED_HEADS)


def _forms(actor: Actor) -> tuple[tuple[str, ...], ...]:
    """One alternative set per minimal noun phrase of the actor text (canonical name added)."""
    nps = minimal_nps(actor.text) or ((actor.text,) if actor.actor_id else ())
    extra = (actor.name,) if actor.actor_id and actor.name and not _is_generic(actor) else ()
    return tuple(tuple(dict.fromkeys((*of_alternatives(np, actor.text), *extra))) for np in nps)


def _modifier_only(form: str) -> bool:
    """A doer named only by the modifier of the act ("a GUERRILLA attack", "the LATEST TERRORIST attacks"):
    no noun phrase names the people, so there is no PerpInd filler to give."""
    words = form.lower().split()
    return 0 < len(words) <= 2 and words[-1] in MODIFIER_HEADS


def perp_fillers(actor: Actor | None) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """(PerpInd, PerpOrg) entities from the event's actor."""
    if actor is None or not actor.text.strip():
        return (), ()
    forms = _forms(actor)
    if [w for w in _words(actor.text) if w != "the"] == ["police"]:
        return (), ()  # the institution, not people: MUC keys name the police as doers only as an organisation
    if _is_generic(actor):
        forms = tuple(f for f in forms if not _modifier_only(f[0]))
        org_named = actor.actor_id is not None and actor.name and actor.name.lower() != actor.text.lower()
        orgs = (Entity((actor.name,)),) if org_named and actor.type in ORG_TYPES else ()
        return tuple(Entity(f) for f in forms), orgs
    if actor.type in ORG_TYPES or actor.actor_id is not None:
        return (), tuple(Entity(f) for f in forms)
    return tuple(Entity(f) for f in forms), ()


def target_fillers(recipient: Actor | None) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """(Target, Victim) entities from the event's recipient, one per minimal noun phrase."""
    if recipient is None or not recipient.text.strip():
        return (), ()
    targets: list[Entity] = []
    victims: list[Entity] = []
    for np in minimal_nps(recipient.text):
        words = _words(np)
        forms = tuple(dict.fromkeys((*of_alternatives(np, recipient.text), recipient.name) if recipient.actor_id else of_alternatives(np, recipient.text)))
        (targets if words and words[-1] in OBJECT_HEADS else victims).append(Entity(forms))
    return tuple(targets), tuple(victims)


def weapon_fillers(event: Event) -> tuple[Entity, ...]:
    """``event.weapon`` and the instrument nouns of the evidence sentence."""
    sentence = event.evidence.sentence
    found = list(weapons_in([sentence]))
    label = (event.weapon or "").strip()
    label = "" if label.lower() in ("bullet", "bullets") else label  # ammunition: the keys name the gun
    # the event's weapon is a category ("dynamite", "stab"); MUC fillers are what the text writes
    written = re.search(r"\b" + re.escape(label) + r"\b", sentence, re.I) if label else None
    if written and not any(label.lower() in f.lower() for f in found):
        found.insert(0, written.group(0))
    return tuple(Entity((w,)) for w in dict.fromkeys(found))


def effects_of(event: Event) -> frozenset[str]:
    killed = bool(event.fatalities) or any(n.role == "killed" and n.value > 0 for n in event.numbers)
    trig = event.evidence.trigger.lower()
    if event.status != "attempted" and re.search(r"kill|murder|assassinat|execut|massacre|behead|slay|slain|dead", trig):
        killed = True
    hurt = bool(event.injuries) or any(n.role == "wounded" and n.value > 0 for n in event.numbers)
    return frozenset(e for e, on in (("DEATH", killed), ("INJURY", hurt)) if on)


def country_names(iso2: str | None) -> tuple[str, ...]:
    """Every name a MUC key may use for an ISO alpha-2 country."""
    if not iso2:
        return ()
    import pycountry

    rec = pycountry.countries.get(alpha_2=iso2.upper())
    names = [iso2.upper(), *COUNTRY_ALIASES.get(iso2.upper(), ())]
    if rec is not None:
        names += [getattr(rec, a) for a in ("name", "common_name", "official_name") if getattr(rec, a, None)]
    return tuple(dict.fromkeys(names))


@functools.lru_cache(maxsize=64)
def _country_words(iso2: str) -> re.Pattern[str] | None:
    """Names and demonyms of a country ("PERU", "PERUVIAN") as one pattern."""
    import pycountry

    from ..mentions.actors import country_words

    rec = pycountry.countries.get(alpha_2=iso2.upper())
    if rec is None:
        return None
    words = country_words().get(rec.alpha_3, ())
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b", re.I) if words else None


def _names_country(text: str, iso2: str) -> bool:
    """Does the message name the country or its people anywhere?"""
    pattern = _country_words(iso2)
    return pattern is not None and pattern.search(text) is not None


def place_guess(place: Place | None) -> PlaceGuess | None:
    if place is None:
        return None
    names = tuple(dict.fromkeys(n for n in (place.text, place.name) if n))
    return PlaceGuess(countries=country_names(place.country), names=names)


def event_dates(event: Event) -> tuple[dt.date, dt.date] | None:
    ref = event.date
    if ref is None or ref.earliest is None:
        return None
    return ref.earliest, ref.latest or ref.earliest


def to_incident(event: Event, published: dt.date | None, ctx: DocContext | None = None) -> Incident | None:
    """One Event as a MUC incident, or None when it is not one (or fails a relevance rule).

    With the message's ``ctx``: a person before a passive trigger is the victim, not the actor; a
    named armed group in the evidence sentence is the PerpOrg when the actor names none; the
    confidence comes from responsibility cues of the sentence (:func:`confidence_for`).
    """
    kind, stage = incident_type(event), stage_of(event)
    if kind is None or stage is None:
        return None
    if ctx is not None and passive_victim(event, ctx.text):
        event = replace(event, actor=None, recipient=event.actor)
    if event.type == "ASSAULT" and (_armed(event.recipient) or CLASH.search(event.evidence.trigger)) \
            and not _civilians_hit_too(event.evidence.sentence):
        return None  # clash with or among armed forces: not a terrorist incident
    if ctx is not None:
        where = ctx.most_specific_place(event.evidence.start, event.evidence.end, event.location)
        event = replace(event, location=where)
    if event.location is not None and event.location.country is None:
        event = replace(event, location=None)  # a street or sea the text leaves unplaced: the message's country
    when = event_dates(event)
    if when and published and when[1] < published - dt.timedelta(days=RECENT_DAYS):
        return None  # not recent: background
    ind, org = perp_fillers(event.actor)
    forces = tuple(e for e in ind if any(_names_a_force(m) for m in e.mentions))
    if forces and not org:  # "THE AIR FORCE STRAFED THE CAMP": the doer is an organisation, no other group stands in
        ind, org = tuple(e for e in ind if e not in forces), forces
    if ctx is not None:
        org = _doc_orgs(org, event, ctx)
    target, victim = target_fillers(event.recipient)
    if ctx is not None:
        ind, target, victim = _sentence_fillers(event.evidence.sentence, kind, ind, target, victim)
        named = tuple(Entity((n,)) for n in person_victims(ctx, event.evidence.start, event.evidence.end))
        if not named and only_combatants(target + victim):
            return None  # every target is a military/police force or post, or a drug trafficker
        victim = named + tuple(v for v in victim if not any(entity_matches(v, n) for n in named))
        victim = tuple(v for v in victim if ctx.could_be_people(v.mentions[0]))
        ind = tuple(e for e in ind if (_names_a_force(e.mentions[0]) or _doer_word(e.mentions[0])
                                       or ctx.could_be_people(e.mentions[0]))
                    and not any(entity_matches(e, v) for v in victim))
    weapon = () if kind in ("ARSON", "KIDNAPPING") else weapon_fillers(event)
    if kind == "KIDNAPPING":
        target, victim = (), victim + target
    roles = (("PerpInd", ind), ("PerpOrg", org), ("Target", target), ("Victim", victim), ("Weapon", weapon))
    conf = _confidence(event, org, ctx) if ctx is not None else confidence_of(event)
    if ctx is None and event.status not in ("claimed", "suspected", "denied") and not org:
        conf = ""
    tpl = MucTemplate(
        types=(kind,), stages=(stage,), dates=(when,) if when else (),
        place=place_guess(event.location),
        confidences=(conf,) if conf else (),
        effects_required=effects_of(event), roles=roles,
        evidence_starts=(event.evidence.start,),
    )
    loc = event.location
    key = None if loc is None or loc.precision == "country" else (loc.name or loc.text).lower()
    return Incident(kind, stage, tpl, when, loc.country if loc else None, key)


def _civilians_hit_too(sentence: str) -> bool:
    """Does the sentence kill, wound or kidnap people other than combatants along with them ("EIGHT
    POLICEMEN AND NINE CIVILIANS WERE KILLED")? Then it is no clash between armed forces."""
    return any(not MILITARY_NP.search(np) and people_word(np.split()[-1]) for np in victims_in(sentence))


def _doc_orgs(org: tuple[Entity, ...], event: Event, ctx: DocContext) -> tuple[Entity, ...]:
    """Organisations as the message writes them: canonical names get their surface forms, a
    nationality alone is no organisation, and when the actor names none the sentence's named group
    stands in, else a state armed body the sentence makes the doer, else the message's one named group."""
    org = tuple(Entity(ctx.written_forms(e.mentions)) for e in org)
    org = tuple(e for e in org if not all(is_nationality(m) for m in e.mentions))
    if not org:
        org = tuple(Entity(ctx.written_forms((g.text, g.name))) for g in ctx.groups_in(event.evidence.start, event.evidence.end))
    if not org:
        org = tuple(Entity((f,)) for f in state_doers(event.evidence.sentence))
    if not org and (g := ctx.main_group()) is not None:
        org = (Entity(ctx.written_forms((g.text, g.name))),)
    return org


def _confidence(event: Event, org: tuple[Entity, ...], ctx: DocContext) -> str:
    """Confidence from the evidence sentence and every sentence naming the perpetrator
    organisation or a named armed group of the message (claims are often made elsewhere)."""
    accused = [m for e in org for m in e.mentions]
    sents = [event.evidence.sentence, *ctx.mentioning(accused + [g.text for g in ctx.groups])]
    doc = confidence_for(sents, accused)
    if any(RESPONSIBILITY_CLAIM_RE.search(t) and not NO_CLAIM_RE.search(t) for _, _, t in ctx.sentences):
        doc = "CLAIMED OR ADMITTED"
    own = confidence_of(event)
    if doc == "CLAIMED OR ADMITTED" or own == "REPORTED AS FACT":
        return doc
    return own


def _sentence_fillers(
    sentence: str, kind: str, ind: tuple[Entity, ...], target: tuple[Entity, ...], victim: tuple[Entity, ...],
) -> tuple[tuple[Entity, ...], tuple[Entity, ...], tuple[Entity, ...]]:
    """Add the perpetrators, victims and targets the evidence sentence names around its verbs."""
    def more(have: tuple[Entity, ...], new: tuple[str, ...]) -> tuple[Entity, ...]:
        fresh = tuple(Entity((n,)) for n in new)
        return have + tuple(f for f in fresh if not any(entity_matches(f, e) for e in have))

    ind = more(ind, perpetrators_in(sentence))
    victim = more(victim, victims_in(sentence))
    if kind != "KIDNAPPING":
        target = more(target, targets_in(sentence))
    return ind, target, victim


# --- grouping --------------------------------------------------------------------------------


def _compatible(a: Incident, b: Incident) -> bool:
    if (a.type, a.stage) != (b.type, b.stage):
        return False
    if a.date and b.date and (a.date[1] < b.date[0] or b.date[1] < a.date[0]):
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.place_key and b.place_key and a.place_key != b.place_key:
        return False
    orgs_a, orgs_b = a.template.role("PerpOrg"), b.template.role("PerpOrg")
    if orgs_a and orgs_b:
        return any(entity_matches(x, y) for x in orgs_a for y in orgs_b)
    return True


def _merge(a: Incident, b: Incident) -> Incident:
    ta, tb = a.template, b.template
    roles = tuple((name, ta.role(name) + tb.role(name)) for name, _ in ta.roles)
    tpl = replace(
        ta, dates=ta.dates or tb.dates,
        place=ta.place if a.place_key or not b.place_key else tb.place,
        confidences=_stronger(ta.confidences, tb.confidences),
        effects_required=ta.effects_required | tb.effects_required, roles=roles,
        evidence_starts=ta.evidence_starts + tb.evidence_starts,
    )
    return Incident(a.type, a.stage, tpl, a.date or b.date, a.country or b.country, a.place_key or b.place_key)


def _stronger(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """The more specific of two confidences (anything beats REPORTED AS FACT)."""
    if not a or a == ("REPORTED AS FACT",):
        return b or a
    return a


def group_incidents(incidents: Sequence[Incident]) -> tuple[Incident, ...]:
    """Merge incidents of one message that describe the same incident (first compatible group)."""
    groups: list[Incident] = []
    for inc in incidents:
        for i, group in enumerate(groups):
            if _compatible(group, inc):
                groups[i] = _merge(group, inc)
                break
        else:
            groups.append(inc)
    return tuple(groups)


def _main_country(countries: Sequence[str]) -> str | None:
    """Most frequent of the countries, counting only MUC's nine countries when any occurs."""
    ours = [c for c in countries if c.upper() in MUC_COUNTRIES]
    common = Counter(ours or countries).most_common(1)
    return common[0][0] if common else None


def predicted_templates(
    events: Sequence[Event], published: dt.date | None, places: Sequence[Place] = (),
    ctx: DocContext | None = None, select: Selector | None = None,
) -> tuple[MucTemplate, ...]:
    """The MUC templates a message's events amount to.

    A template without a place takes the most frequent country of the events' places, else of all
    the message's ``places``, preferring the nine countries MUC covers (TASKDOC 1.0, rule 4); with
    a ``ctx`` the dateline city is its place name. ``select`` (the relevance gate) keeps some of the
    templates; the fillers read from the whole message then go to the first template it keeps.
    """
    incidents = [inc for e in events if (inc := to_incident(e, published, ctx)) is not None]
    groups = group_incidents(incidents)
    common = _main_country([g.country for g in groups if g.country])
    if not (common and common.upper() in MUC_COUNTRIES):
        common = _main_country([g.country for g in groups if g.country] + [p.country for p in places if p.country])
    common = common or _main_country([p.country for p in places if p.country])
    if ctx is not None:
        ctx = replace(ctx, sentences=_current_sentences(ctx, events, published))
    city = (_incident_place(ctx, common) or _dateline_city(ctx, common)) if ctx is not None else ()
    fallback = PlaceGuess(countries=country_names(common), names=city) if common or city else None
    out = []
    for g in groups:
        tpl = _keys_conventions(g.template)
        if not tpl.dates and published:
            tpl = replace(tpl, dates=((published, published),))
        foreign = g.country is not None and g.country.upper() not in MUC_COUNTRIES
        if foreign and common and common.upper() in MUC_COUNTRIES:
            tpl = replace(tpl, place=None)
        elif common and common.upper() in MUC_COUNTRIES and g.country and g.country.upper() != common.upper() \
                and tpl.place is not None and ctx is not None and not _names_country(ctx.text, g.country):
            # "SAN BENITO" read as Argentina's in a message that never names Argentina: the message's country
            tpl = replace(tpl, place=replace(tpl.place, countries=country_names(common)))
        if tpl.place is None and fallback is not None:
            tpl = replace(tpl, place=fallback)
        out.append(tpl)
    kept = list(select(tuple(out)) if select is not None else out)
    if kept and ctx is not None:
        extra = {"Victim": _doc_victims(ctx, groups), "PerpInd": _doc_perpetrators(ctx, groups) + _doc_suspects(ctx, events, groups),
                 "Target": _doc_targets(ctx, groups), "Weapon": _doc_weapons(ctx, groups)}
        first = kept[0]
        kept[0] = _keys_conventions(replace(first, roles=tuple((r, es + extra.get(r, ())) for r, es in first.roles)))
    if ctx is not None:
        kept = [_weapons_as_measured(t, ctx.text) for t in kept]
    return _one_referent_one_entity(tuple(kept))


QUANTITY_OF = (r"\b((?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|several|some)\s+"
               r"(?:to\s+\d[\d.,]*\s+)?(?:kg|kgs|kilos?|kilograms?|grams?|pounds?|lbs?|sticks?|tons?|cartridges?)"
               r"\s+of\s+(?:\w+\s+){{0,2}}?{weapon})\b")


def _weapons_as_measured(tpl: MucTemplate, text: str) -> MucTemplate:
    """An explosive the message weighs or counts ("5 KG OF DYNAMITE", "125 TO 150 GRAMS OF TNT") is
    named in that form too, as an alternative of the same filler: the keys write the measured phrase."""
    weapons = tpl.role("Weapon")
    if not weapons:
        return tpl
    out = []
    for ent in weapons:
        measured = re.search(QUANTITY_OF.format(weapon=re.escape(ent.mentions[0])), text, re.I)
        extra = " ".join(measured.group(1).split()) if measured else None
        out.append(Entity(ent.mentions + (extra,), ent.optional) if extra and extra not in ent.mentions else ent)
    return replace(tpl, roles=tuple((r, tuple(out) if r == "Weapon" else es) for r, es in tpl.roles))


def _one_referent_one_entity(templates: tuple[MucTemplate, ...]) -> tuple[MucTemplate, ...]:
    """A shorter form of exactly one longer filler of the same role becomes an alternative of it, as the
    keys write "A / B", instead of an entity of its own: a personal name whose words all stand in one
    longer name ("CASTILLO", "RAMIRO CASTILLO" -> "RAMIRO CASTILLO LOVE"), and any noun phrase that ends
    the head part of one longer one ("GUNMEN" -> "MOTORCYCLE-RIDING GUNMEN", "HEADQUARTERS" ->
    "HEADQUARTERS OF THE UNION"). Two longer forms ("BEER TRUCK", "ARMY TRUCK") leave it apart."""
    out = list(templates)
    for role in ROLES:
        forms = {m for t in out for e in t.role(role) for m in e.mentions}
        names = [f for f in forms if _name_like(f)] if role in ("PerpInd", "Victim") else []
        longer: dict[str, str] = {}
        for short in names:
            if host := _sole_longer(short, names, lambda ws, long: set(ws) <= set(long) and ws[-1] in long):
                longer[short] = host
        for short in forms:  # "GUNMEN" after "MOTORCYCLE-RIDING GUNMEN": the same people, named shorter
            if short not in longer and (host := _sole_longer(
                    short, forms, lambda ws, long: _words(_head_part(" ".join(long)))[-len(ws):] == ws)):
                longer[short] = host
        if not longer:
            continue
        for i, t in enumerate(out):
            fixed = tuple(Entity(tuple(dict.fromkeys(e.mentions + tuple(longer[m] for m in e.mentions if m in longer))), e.optional)
                          for e in t.role(role))
            out[i] = replace(t, roles=tuple((r, fixed if r == role else es) for r, es in t.roles))
    return tuple(out)


def _sole_longer(short: str, forms: Iterable[str], fits: Callable[[list[str], list[str]], bool]) -> str | None:
    """The longest of the longer forms that ``fits`` the words of ``short``, when they all write one
    phrase; None when there is none or two differ ("BEER TRUCK", "ARMY TRUCK" for "TRUCK")."""
    ws = _words(short)
    hosts = {f for f in forms if ws and len(_words(f)) > len(ws) and fits(ws, _words(f))}
    return max(hosts, key=len) if len({" ".join(_words(h)) for h in hosts}) == 1 else None


def _head_part(np: str) -> str:
    """The noun phrase up to its head: "HEADQUARTERS OF THE UNION" -> "HEADQUARTERS"."""
    return re.split(r"\s+of\s+", np, maxsplit=1, flags=re.I)[0]


def _name_like(text: str) -> bool:
    """Shaped like (part of) a personal name: words of letters, none a word for people or an article."""
    words = _words(text)
    return bool(words) and len(words) <= 5 and all(w.isalpha() and not people_word(w) and w not in ("the", "a", "an") for w in words)


def _keys_conventions(tpl: MucTemplate) -> MucTemplate:
    """How the keys fill roles the coder reads otherwise: "the armed forces", "the air force", "security
    forces" name an organisation (PerpOrg), never the individuals who did it; a university or a
    helicopter is no Target (:data:`NOT_TARGET_HEADS`)."""
    def head(text: str) -> str:
        return head_noun(normalise(text))

    ind = tpl.role("PerpInd")
    forces = tuple(e for e in ind if any(_names_a_force(m) for m in e.mentions))
    orgs = tpl.role("PerpOrg")
    orgs += tuple(e for e in forces if not any(entity_matches(e, o) for o in orgs))
    fixed = {"PerpInd": tuple(e for e in ind if e not in forces), "PerpOrg": orgs,
             "Target": tuple(e for e in tpl.role("Target") if head(e.mentions[0]) not in NOT_TARGET_HEADS)}
    return replace(tpl, roles=tuple((r, fixed.get(r, es)) for r, es in tpl.roles))


def _doer_word(text: str) -> bool:
    """Headed by a word for those who commit incidents ("SUBVERSIVES", "URBAN GUERRILLAS"): people,
    though a caseless message writes them in words the casing model also knows in lower case."""
    words = _words(text)
    return bool(words) and (words[-1] in DOER_HEADS or words[-1] in ARMED_HEADS or words[-1] in COLLECTIVE_HEADS
                            or re.fullmatch(PERP_HEADS, words[-1]) is not None)


def _names_a_force(text: str) -> bool:
    """"THE AIR FORCE", "security forces": an organisation (see :func:`_keys_conventions`)."""
    return head_noun(normalise(text)) == "force"


YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def _current_sentences(
    ctx: DocContext, events: Sequence[Event], published: dt.date | None,
) -> tuple[tuple[int, int, str], ...]:
    """The message's sentences without those about past incidents: the evidence sentence of an event
    dated before the recent window, or a sentence naming a year before last ("ON 24 MARCH 1980").
    Fillers read from the whole message come only from these."""
    if published is None:
        return ctx.sentences
    cutoff = published - dt.timedelta(days=RECENT_DAYS)
    stale = [e.evidence.start for e in events if (when := event_dates(e)) is not None and when[1] < cutoff]
    return tuple(
        (start, end, text) for start, end, text in ctx.sentences
        if not any(start <= at < end for at in stale)
        and not any(int(y) < published.year - 1 for y in YEAR.findall(text))
    )


def _doc_victims(ctx: DocContext, groups: Sequence[Incident]) -> tuple[Entity, ...]:
    """Named victims of the message's incident sentences that no template holds yet."""
    have = [v for g in groups for v in g.template.role("Victim")]
    found = [Entity((n,)) for start, end, _ in ctx.sentences for n in person_victims(ctx, start, end)]
    found += [Entity((n,)) for _, _, text in ctx.sentences for n in victims_in(text)
              if ctx.could_be_people(n) and not MILITARY_NP.search(n)]
    return _fresh(found, have)


def _doc_perpetrators(ctx: DocContext, groups: Sequence[Incident]) -> tuple[Entity, ...]:
    """Generic perpetrators that any sentence of the message names as the doers of an incident verb."""
    have = [v for g in groups for r in ("PerpInd", "Victim") for v in g.template.role(r)]
    found = [Entity((n,)) for _, _, text in ctx.sentences for n in perpetrators_in(text)
             if can_name_people(n, ctx.place_names) and _words(n)[-1] in DOER_HEADS]
    return _fresh(found, have)


SUSPECT_LINK = re.compile(  # the sentence ties the people arrested or charged to an incident
    r"\b(crimes?|murder\w*|kill\w*|assassinat\w*|attack\w*|bomb\w*|massacre\w*|kidnap\w*|abduct\w*|"
    r"explosion\w*|responsib\w*|accomplices?|mastermind\w*|perpetrat\w*|implicat\w*|terrorists?)\b", re.I,
)


HELD_AFTER = re.compile(  # "X, Y AND Z WERE ARRESTED", "X, THE GANG LEADER'S FATHER, WAS ALSO CAPTURED"
    r"(?P<gap>[^.;]{0,120}?)\b(?:was|were|has\s+been|have\s+been)\s+(?:also\s+)?"
    r"(?:arrested|captured|detained|charged|apprehended)\b", re.I,
)
WARRANT_BEFORE = re.compile(r"\b(?:warrants?\s+(?:for|against)|arrest(?:ed)?|captured|detained|charged)\s+(?:[\w,]+\s+){0,3}$", re.I)


def _doc_suspects(ctx: DocContext, events: Sequence[Event], groups: Sequence[Incident]) -> tuple[Entity, ...]:
    """People arrested, captured or charged in a sentence that ties them to an incident ("X, Y AND
    Z WERE ARRESTED ... AND CHARGED WITH BEING ACCOMPLICES TO THE CRIME"): the keys name them as the
    perpetrators. Personal names of the sentence, not its victims, that the arrest holds (inside its
    recipient), that "were arrested" follows, or that "a warrant for" / "arrested" precedes."""
    have = [v for g in groups for r in ("PerpInd", "Victim") for v in g.template.role(r)]
    spans = {(s, e) for s, e, _ in ctx.sentences}
    found = []
    for ev in events:
        arrest = ev.type == "COERCE" and ev.mode in ("arrest", "seize")
        if not (arrest or ev.type == "ACCUSE") or (ev.evidence.start, ev.evidence.end) not in spans:
            continue
        if not SUSPECT_LINK.search(ev.evidence.sentence):
            continue
        victims = {v.lower() for v in person_victims(ctx, ev.evidence.start, ev.evidence.end)}
        held = ev.recipient
        for a in ctx.persons:
            if not ev.evidence.start <= a.start < ev.evidence.end or a.text.lower() in victims:
                continue
            inside = held is not None and held.start <= a.start < held.end
            after = HELD_AFTER.match(ctx.text, a.end)
            listed = after is not None and not LIST_GAP_WORDS.search(after.group("gap"))  # "X SAID Y WAS ARRESTED": not X
            if inside or listed or WARRANT_BEFORE.search(ctx.text[max(0, a.start - 40):a.start]):
                found.append(Entity((a.text,)))
    if groups:  # a list of named suspects may follow the sentence that says what they are suspected of
        text = " ".join(t for _, _, t in ctx.sentences)
        found += [Entity((n,)) for n in listed_suspects(text) if n.lower() not in ctx.place_names]
    return _fresh(found, have)


def _doc_targets(ctx: DocContext, groups: Sequence[Incident]) -> tuple[Entity, ...]:
    """Objects that any sentence of the message writes right after a damage verb, or names in a
    sentence with a word of attack, bombing, burning or damage."""
    if all(g.type == "KIDNAPPING" for g in groups):
        return ()
    have = [v for g in groups for v in g.template.role("Target")]
    found = [Entity((n,)) for _, _, text in ctx.sentences for n in hit_objects(text)]
    found += [Entity((n,)) for _, _, text in ctx.sentences if HIT_CUE.search(text) for n in targets_in(text)]
    return _fresh(found, have)


def _doc_weapons(ctx: DocContext, groups: Sequence[Incident]) -> tuple[Entity, ...]:
    """Instruments named in any current sentence with a word of attack, bombing, burning or damage
    (not a haul of seized or found arms)."""
    have = [w for g in groups for w in g.template.role("Weapon")]
    return _fresh([Entity((w,)) for _, _, text in ctx.sentences if HIT_CUE.search(text) for w in weapons_in([text])], have)


def _fresh(found: Sequence[Entity], have: Sequence[Entity]) -> tuple[Entity, ...]:
    out: list[Entity] = []
    for ent in found:
        if not any(entity_matches(ent, v) for v in (*have, *out)):
            out.append(ent)
    return tuple(out)


def _incident_place(ctx: DocContext, country: str | None) -> tuple[str, ...]:
    """The most specific place (a town or smaller) that a sentence with an incident verb names in the
    incident's country, first written among equals (``ctx`` holds only the current sentences)."""
    spans = [(s, e) for s, e, t in ctx.sentences if INCIDENT_VERB_RE.search(t)]
    found = [p for p in ctx.places if p.country and (country is None or p.country == country)
             and place_specificity(p) <= 1 and any(s <= p.start < e for s, e in spans)]
    best = min(found, key=place_specificity, default=None)
    return tuple(dict.fromkeys(n for n in (best.text, best.name) if n)) if best else ()


def _dateline_city(ctx: DocContext, country: str | None) -> tuple[str, ...]:
    """The dateline city as a fallback place name, unless it lies outside the incident's country."""
    if not ctx.dateline_city:
        return ()
    head = ctx.dateline_city.lower()
    where = {p.country for p in ctx.places if p.text.lower() == head and p.country}
    if country and where and country not in where:
        return ()
    return (ctx.dateline_city,)


def templates_of(result: ArticleResult, select: Selector | None = None) -> tuple[MucTemplate, ...]:
    """The MUC templates of one pipeline result, using the whole message as context (``select``:
    see :func:`predicted_templates`)."""
    return predicted_templates(result.events, result.article.published, result.places, doc_context(result), select)


# --- running ---------------------------------------------------------------------------------


def build_articles(
    messages: Sequence[Message], dateline: Callable[[str], dt.date | None] | None = None
) -> tuple[Article, ...]:
    """One Article per message; publication date from ``dateline`` or the reader's fallback."""
    fallback = message_dates(messages)
    out = []
    for msg, backup in zip(messages, fallback, strict=True):
        day = dateline(msg.text) if dateline else None
        if day is None or not 1980 <= day.year <= 1999:
            day = backup
        out.append(make_article(msg.text, published=day, origin=msg.doc_id))
    return tuple(out)


def gold_by_doc(
    keys: Sequence[KeyTemplate], years: dict[str, int] | None = None
) -> dict[str, tuple[MucTemplate, ...]]:
    """Relevant gold templates per message id (``years``: dateline year for year-less key dates)."""
    out: dict[str, list[MucTemplate]] = {}
    for key in keys:
        out.setdefault(key.doc_id, [])
        if key.relevant:
            out[key.doc_id].append(gold_template(key, (years or {}).get(key.doc_id)))
    return {k: tuple(v) for k, v in out.items()}


def evaluate(
    messages: Sequence[Message], keys: Sequence[KeyTemplate], pipeline: object,
    gate: RelevanceModel | None = None, *, workers: int = 1,
) -> EvalReport:
    """Run the pipeline over messages and score against keys (messages without a key are skipped).

    With a relevance ``gate``, only the templates it judges relevant are kept (timed with the run).
    """
    known = {k.doc_id for k in keys}
    messages = [m for m in messages if m.doc_id in known]
    dateline = optional_import("eventwire.mentions.dates", "find_dateline")
    articles = build_articles(messages, dateline)
    years = {m.doc_id: a.published.year for m, a in zip(messages, articles) if a.published}
    gold = gold_by_doc(keys, years)
    if workers > 1:  # the roles read the casing model (seconds to load): load it while the workers parse
        threading.Thread(target=casing_model, daemon=True).start()
    run = run_articles(pipeline, articles, workers)  # type: ignore[arg-type]
    started = time.perf_counter()
    cases = tuple(
        DocCase(msg.doc_id, gold[msg.doc_id], _templates(out, gate))
        for msg, out in zip(messages, run.outcomes, strict=True)
    )
    run = replace(run, seconds=run.seconds + time.perf_counter() - started)
    metrics = score(cases)
    metrics["docs_per_s"] = run.docs_per_s
    notes = {**counts(cases), "rejected": run.n_rejected, "stage_seconds": dict(run.stage_seconds), "pipeline_seconds": round(run.seconds, 1)}
    return EvalReport(task="muc4", n_docs=len(cases), metrics=metrics, notes=notes)


def _templates(outcome: object, gate: RelevanceModel | None) -> tuple[MucTemplate, ...]:
    if not isinstance(outcome, ArticleResult):
        return ()
    if gate is None:
        return templates_of(outcome)
    text, published = outcome.article.text, outcome.article.published
    return templates_of(outcome, lambda templates: gate.kept(text, templates, published))


@click.command(name="muc4")
@muc_files_options
@click.option("--mixed-case", is_flag=True, help="Read NAME.mixed-case instead of NAME where it exists.")
@click.option("--no-gate", is_flag=True, help="Keep every template (skip the learned relevance gate).")
@limit_option
@workers_option
@format_option
def command(
    texts: tuple[Path, ...], keys: tuple[Path, ...], mixed_case: bool, no_gate: bool, limit: int | None,
    workers: int, fmt: str,
) -> None:
    """Score event extraction against MUC-3/4 answer-key templates.

    Example: eventwire evaluate muc4 --texts CORPORA/tst1/tst1-muc3 --keys CORPORA/tst1/key-tst1.v7
    """
    try:
        paths = [mixed_case_variant(p) if mixed_case else p for p in texts]
        messages = read_messages(paths)
        key_templates = read_keys(keys)
        known = {k.doc_id for k in key_templates}
        messages = tuple(m for m in messages if m.doc_id in known)[:limit]
        if not messages:
            raise click.UsageError("no message in --texts has a template in --keys")
        gate = None if no_gate else RelevanceModel.load()
        report = evaluate(messages, key_templates, load_pipeline(), gate, workers=workers)
    except EventwireError as err:
        raise click.ClickException(str(err)) from err
    emit(report, fmt)
