"""Event coding: triggers + dependency parse + resolved mentions -> Event reports.

For each sentence: find triggers (lexicon), drop those that are not events (content of a threat,
footage of an old event, purpose clauses of another trigger), then fill each event's arguments:
actor and recipient from the parse with direction kept, location from the trigger's clause
(not every place in the sentence), date from the clause or the discourse, numbers, status,
attribution and quote. Events of one article that say the same thing are collapsed.

The type is then settled as the PLOVER manual (chapter 3) says from what the act is done to and
how it is reported (:func:`_manual_type`): a negated or failed cooperation is a REJECT, an announced
sanction a THREATEN, expelled diplomats a SANCTION, a lifted curfew a CONCEDE, joint exercises
COOPERATE, hostages freed by soldiers a rescue (AID), captured combatants an ASSAULT; saying that
somebody must do something is a REQUEST aimed at them (:func:`demand_trigger`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..crosswalk import crosswalk
from ..mentions.numbers import find_numbers
from ..records import Article, Event, Evidence, Number, Place, Sentence, TimeRef, content_id
from . import frames, roles, status
from .lexicon import Lexicon, Trigger
from .roles import Mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

WEAPON_VERBS = {"bomb", "dynamite", "grenade", "machinegun", "shell", "rocket", "mortar", "stab", "knife"}
PERSON_OBJECT_SENSES = {"release"}  # RETREAT modes that need a person as object
PUBLICATION_DATE = "(publication date)"  # TimeRef.text when no expression dates the event
# "will visit", "will release": AGREE, an intent to cooperate or yield (PLOVER manual 3.1, CAMEO 03). The manual
# (3.4) now makes announced retreats CONCEDE; the gold standard records and CAMEO2PLOVER (035) code them AGREE.
INTENT_TYPES = {"SUPPORT", "CONSULT", "AID", "COOPERATE", "RETREAT", "CONCEDE"}
OBJECT_ONLY_TYPES = {"AID", "SUPPORT", "AGREE", "CONSULT", "COOPERATE", "REQUEST"}
MATERIAL_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "AID"}


def code_article(
    doc: Doc, article: Article, sentences: Sequence[Sentence], mentions: Mentions, lexicon: Lexicon,
) -> tuple[Event, ...]:
    drafts: list[Event] = []
    for sentence in sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        previous = drafts[-1] if drafts else None
        for event in code_sentence(span, sentence, article, mentions, lexicon, previous):
            earlier = _referent(event, drafts, article.text)
            if earlier is None:
                drafts.append(event)
            else:
                drafts[earlier] = _fill(drafts[earlier], event)
    return collapse(drafts)


def _referent(event: Event, earlier: list[Event], text: str) -> int | None:
    """"the attack", "the murder of the Jesuits": a definite noun with nothing new (no date of
    its own) refers back to the last earlier event of that type, it is not a new event."""
    ev = event.evidence
    before = text[max(0, ev.trigger_start - 12): ev.trigger_start].lower()
    definite = any(before.rstrip().endswith(w) for w in (" the", " this", " that", " these", " those")) or before.strip() in ("the", "this", "that")
    own_date = event.date is not None and event.date.start >= 0 and ev.start <= event.date.start < ev.end
    if not definite or own_date:
        return None
    for i in range(len(earlier) - 1, -1, -1):
        e = earlier[i]
        if e.type == event.type and _name(e.actor) in (None, _name(event.actor)) or e.type == event.type and event.actor is None:
            return i
    return None


def code_sentence(
    span: Span, sentence: Sentence, article: Article, m: Mentions, lexicon: Lexicon,
    previous: Event | None,
) -> list[Event]:
    extra = extra_triggers(span, lexicon)
    replaced = {t.token.i for t in extra}
    matched = [t for t in lexicon.match(span) if t.token.i not in replaced] + extra
    triggers = [t for t in sorted(matched, key=lambda t: t.token.i) if _is_event(t, lexicon)]
    triggers = _drop_subordinate(triggers)
    built = [(t, _build(t, span, sentence, article, m, previous)) for t in triggers]
    return _join_connected(_absorb_participles([(t, e) for t, e in built if e is not None]))


# --- filters -------------------------------------------------------------------------------


SUPPLY_VERBS = {"send", "supply", "provide", "deliver", "ship", "dispatch", "airlift", "give"}
AID_OBJECTS = re.compile(r"\b(aid|arms|weapons?|supplies|food|medicine|assistance|equipment|money|funds|loans?|grants?|materi[ae]l|ammunition|vaccines?|tents|fuel|"
                         r"rice|wheat|grain|flour|blankets|medical|relief|humanitarian)\b", re.I)
FORCE_OBJECTS = re.compile(r"\b(troops|forces|soldiers|warships?|reinforcements|units|battalions?|police|peacekeepers|jets|aircraft|"
                           r"frigates?|destroyers?|warplanes?|tanks|ships|vessels|carriers?|submarines?|bombers)\b", re.I)
ARMS_ONLY = re.compile(r"\b(warships?|jets|aircraft|frigates?|destroyers?|warplanes?|tanks|ships|vessels|carriers?|submarines?|bombers)\b", re.I)


def supply_trigger(tok) -> Trigger | None:  # type: ignore[no-untyped-def]
    """"send arms" is AID, "send troops" is MOBILIZE: the object decides."""
    from .lexicon import Sense

    if tok.pos_ != "VERB" or tok.lemma_.lower() not in SUPPLY_VERBS:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    phrase = roles.doc_text(tok.doc)[obj.left_edge.idx: obj.right_edge.idx + len(obj.right_edge.text)]  # "500 tons of rice"
    if FORCE_OBJECTS.search(phrase):  # ships, planes and tanks alone are MOBILIZE 'weapons' (manual 3.14)
        arms = ARMS_ONLY.search(phrase) and not re.search(r"\b(troops|soldiers|police|peacekeepers|units|battalions?|reinforcements)\b", phrase, re.I)
        return Trigger(tok, tok, Sense(tok.lemma_, "VERB", "MOBILIZE", "weapons" if arms else "troops"))
    if AID_OBJECTS.search(phrase):
        return Trigger(tok, tok, Sense(tok.lemma_, "VERB", "AID", None))
    return None


DEMAND_SPEECH = {"say", "insist", "state", "declare", "tell", "conclude", "stress", "reiterate", "add", "argue",
                 "maintain", "write", "announce"}
DEMAND_PHRASE = "say ... must"
ORDERING = {"order", "instruct", "direct", "command"}
DECLARING = {"declare", "impose", "proclaim", "extend", "announce", "decree"}


def extra_triggers(span: Span, lexicon: Lexicon) -> list[Trigger]:
    """Triggers the lexicon cannot list because the words around decide them: "sent troops" /
    "sent aid", "said X must", "declared a state of emergency" (which overrides "declare"),
    "ordered X to appear". Asked by the NER prefilter and by the coder, so remembered on the Doc
    like :meth:`Lexicon.match` (neither depends on named entities)."""
    memo = span.doc.user_data.setdefault("eventwire_extra_triggers", {})
    key = (id(lexicon), span.start, span.end)
    if key not in memo:
        taken = {t.token.i for t in lexicon.match(span)}
        found = []
        for tok in span:
            trigger = emergency_trigger(tok)
            if trigger is None and tok.i not in taken:
                trigger = supply_trigger(tok) or demand_trigger(tok) or order_trigger(tok, lexicon)
            if trigger is not None:
                found.append(trigger)
        memo[key] = found
    return list(memo[key])


def demand_trigger(tok) -> Trigger | None:  # type: ignore[no-untyped-def]
    """"Russia said Sudan must return the helicopter": saying that somebody must do something is
    demanding it (CAMEO 10, PLOVER REQUEST); the demand is aimed at the subject of the must-clause."""
    from .lexicon import Sense

    if tok.pos_ != "VERB" or tok.lemma_.lower() not in DEMAND_SPEECH:
        return None
    for clause in tok.children:
        if clause.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "must" for c in clause.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
            return Trigger(tok, tok, Sense(DEMAND_PHRASE, "VERB", "REQUEST", None))
    return None


def order_trigger(tok, lexicon: Lexicon) -> Trigger | None:  # type: ignore[no-untyped-def]
    """"a judge ordered Menem to appear for questioning": an order is a REQUEST (manual 3.8) unless
    what is ordered is itself an event the lexicon knows ("ordered troops to withdraw")."""
    from .lexicon import Sense

    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ORDERING:
        return None
    act = next((c for c in tok.children if c.dep_ == "xcomp"), None)
    if act is None or act.lemma_.lower() in lexicon.words or not any(c.dep_ == "dobj" for c in tok.children):
        return None
    return Trigger(tok, tok, Sense("order", "VERB", "REQUEST", None))


def emergency_trigger(tok) -> Trigger | None:  # type: ignore[no-untyped-def]
    """"declared a state of emergency (of siege)": COERCE 'martial-law' (table 3.10)."""
    from .lexicon import Sense

    if tok.pos_ != "VERB" or tok.lemma_.lower() not in DECLARING:
        return None
    state = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "state"), None)
    of = next((c for c in state.children if c.dep_ == "prep" and c.lower_ == "of"), None) if state is not None else None
    what = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if what is None or what.lemma_.lower() not in ("emergency", "siege"):
        return None
    return Trigger(tok, state, Sense("declare state of emergency", "VERB", "COERCE", "martial-law"))


def _is_event(trigger: Trigger, lexicon: Lexicon) -> bool:
    tok, sense = trigger.token, trigger.sense
    if tok.dep_ in ("compound", "amod") and trigger.other.i == tok.i and not roles.participle_patient(tok) \
            and tok.head.lemma_.lower() not in UNDERTAKINGS:
        return False  # a modifier names a kind of thing: "fighting positions", "attack helicopters"
    if status.is_depiction(tok) or (status.is_content(tok, own_type=sense.type) and not frames.presupposed(tok)):
        return False
    if sense.mode in PERSON_OBJECT_SENSES or sense.phrase in frames.PERSON_PATIENT_PHRASES:
        obj = roles.object_token(tok)
        return obj is not None and frames.is_person(obj)
    if sense.mode == "arrest" and tok.pos_ == "NOUN" and any(c.lemma_.lower() in frames.NOT_ARRESTS for c in tok.children):
        return False  # "cardiac arrest", "house arrest" of a cardiac kind, "safe custody" of idols
    if sense.type == "MOBILIZE" and tok.lemma_ == "deploy" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return False
    if tok.lemma_.lower() == "clear":  # "clearing Sinjar" is an assault; "cleared out the migrants" is not
        cleared = roles.object_token(tok)
        return cleared is not None and roles.is_place_object(cleared, None)
    if (sense.type == "CONSULT" or tok.lemma_.lower() == "invite") and tok.pos_ == "VERB":  # "met little resistance" is not a meeting
        if tok.lemma_.lower() in ("discuss", "negotiate") and _several(roles.subject_token(tok)):
            return True  # "the two presidents discussed trade"
        obj = roles.object_token(tok) or roles.prep_object(tok, ("with", "between"))
        return obj is not None and (obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or obj.pos_ == "PROPN" or _party_noun(obj)
                                    or obj.lemma_.lower() in PARTIES)
    return True


# diplomacy and politics: who acts is often an office or a body, not a name (MUC's incidents are not of these types)
VERBAL_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "AID", "COOPERATE", "RETREAT"}
PATIENT_NOUNS = {"murder", "assassination", "killing", "kidnapping", "abduction", "death", "execution", "arrest",
                 "detention", "release", "disappearance", "torture", "slaying"}
SELF_TYPES = {"RETREAT", "MOBILIZE"}  # "the militia disarmed", "police were deployed": the subject acts on itself


def _whose(tok) -> bool:  # type: ignore[no-untyped-def]
    """A possessor that is the person something happened to: a person, or a lone proper noun that no
    model calls an organisation or a country ("Galan's murder", not "Israel's killing of ...")."""
    return frames.is_person(tok) or tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "")


def _undergoer(tok):  # type: ignore[no-untyped-def]
    """The subject of the clause a passive "after being ..." phrase hangs from: who underwent it."""
    prep = tok.head
    if prep.dep_ != "prep" or prep.lower_ not in ("after", "before", "upon", "since"):
        return None
    return next((c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


TOLL_VERBS = {"kill", "wound", "injure", "maim"}
HURT_VERBS = TOLL_VERBS | {"hurt"}


def _harmed_in(tok):  # type: ignore[no-untyped-def]
    """"two persons were WOUNDED during the attack", "four people were injured in the blast": the
    subject of the passive harm verb an attack noun hangs from was harmed in that attack."""
    prep = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "by"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in HURT_VERBS or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


LIFE_VERBS = {"claim", "take", "cost"}


def _whose_lives(tok):  # type: ignore[no-untyped-def]
    """Whom an attack noun killed, as the clause it heads or governs says: "attacks that claimed the
    lives of Galan and a judge", "the blast killed six people" (the object of a toll verb)."""
    verbs = [c for c in tok.children if c.dep_ == "relcl" and c.pos_ == "VERB"]
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB":
        verbs.append(tok.head)
    for verb in verbs:
        obj = roles.object_token(verb)
        if obj is None:
            continue
        if verb.lemma_.lower() in LIFE_VERBS and obj.lemma_.lower() == "life":
            return roles.prep_object(obj, ("of",))
        if verb.lemma_.lower() in TOLL_VERBS:
            return obj
    return None


BOMB_SITE_PREPS = ("near", "outside", "beside", "at", "under", "inside", "in", "on", "into")
AREA_NOUNS = {"city", "town", "village", "neighborhood", "neighbourhood", "area", "district", "province", "region",
              "capital", "sector", "zone", "street", "department", "country", "place", "morning",
              "evening", "night", "afternoon", "hour", "hours", "way", "time", "part", "north", "south", "east", "west", "center", "centre"}


def _bomb_site(tok, m: Mentions):  # type: ignore[no-untyped-def]
    """What a bomb went off at, in, under, in front of or across from: "a bomb detonated under a bus",
    "detonated two bombs in financial institutions", "exploded in Bogota in front of a travel agency"
    (not a named place or an area: "exploded in the city")."""
    for c in tok.children:
        if c.dep_ != "prep" and not (c.dep_ == "advmod" and c.lower_ == "across"):
            continue
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.lower_ == "across":
            obj = roles.prep_object(c, ("from",))
        elif obj is not None and c.lower_ == "in" and obj.lower_ == "front":
            obj = roles.prep_object(obj, ("of",))
        elif c.lower_ not in BOMB_SITE_PREPS:
            continue
        if obj is not None and obj.lower_ in ("some", "one", "all", "each", "both") and (inner := roles.prep_object(obj, ("of",))) is not None:
            obj = inner  # "on some of the main highways"
        if obj is None or obj.ent_type_ in roles.NOT_PARTICIPANTS or roles.is_place_name(obj, m) or obj.lemma_.lower() in AREA_NOUNS:
            continue
        return obj
    return None


def _done_with(tok, m: Mentions):  # type: ignore[no-untyped-def]
    """The object of the verb an instrument or a state is attached to: "dispersed the demonstrators
    WITH tear gas", "placed the opposition leader UNDER house arrest"."""
    prep = tok.head
    verb = prep.head if prep.dep_ == "prep" and prep.lower_ in ("with", "under", "into") else None
    if verb is None or verb.pos_ != "VERB":
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return roles.actor_for(obj, m, allow_descriptive=True) if obj is not None else None


DECREED = {"martial-law", "curfew", "ban", "restrict", "censor"}  # what only authorities impose
PARTIES = {"side", "group", "authority", "leader", "official", "ambassador", "envoy", "delegate", "negotiator", "mediator", "diplomat",
           "counterpart", "president", "minister", "premier", "chancellor"}

# nouns that turn the act modifying them into an undertaking: "a mediation effort", "a rescue operation"
UNDERTAKINGS = {"effort", "operation", "mission", "campaign", "bid", "drive", "initiative", "attempt"}


def _several(subj) -> bool:  # type: ignore[no-untyped-def]
    """Two or more parties: "the two presidents", "Israel and Egypt", "both sides"."""
    return subj is not None and (subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children))


def _drop_subordinate(triggers: list[Trigger]) -> list[Trigger]:
    """"an offensive to retake the town": the purpose clause belongs to the offensive."""
    heads = {t.token.i for t in triggers}
    owner = {t.other.i: t for t in triggers if t.other.i != t.token.i}
    out = []
    for t in triggers:
        tok = t.token
        whole = owner.get(tok.i)
        if whole is not None and t.other.i != whole.token.i:
            continue  # "lodged a protest": a word of another trigger is no event of its own (unless both name the pair)
        purpose = tok.dep_ in ("advcl", "xcomp", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        near = {tok.head.i, tok.head.head.i, *(c.i for c in tok.head.children)}
        if purpose and near & (heads - {tok.i}):
            continue
        if t.sense.type in OBJECT_ONLY_TYPES and tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj") and (tok.head.i in heads or tok.head.head.i in heads):
            continue  # "prohibit all aid", "rejected talks": the object of another event
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.i in heads and tok.head.lemma_.lower() in EASING_VERBS:
            continue  # "lifted the curfew", "eased sanctions": what is lifted is not imposed again
        out.append(t)
    return out


def _join_connected(built: list[tuple[Trigger, Event]]) -> list[Event]:
    """"99 persons were killed in police firing": two triggers, one attack. Assaults whose
    triggers govern one another (within three steps) and do not disagree on who did it or to
    whom become one event."""
    kept: list[tuple[Trigger, Event]] = []
    for t, e in built:
        host = next((i for i, (kt, ke) in enumerate(kept) if _connected(kt, t) and _compatible(ke, e)), None)
        if host is None:
            kept.append((t, e))
        else:
            kt, ke = kept[host]
            kept[host] = (kt, _fill(ke, e))
    return [e for _, e in kept]


def _connected(a: Trigger, b: Trigger) -> bool:
    ups_a, ups_b = _ups(a.token), _ups(b.token)
    return a.token.i in ups_b or b.token.i in ups_a


def _ups(tok) -> list[int]:  # type: ignore[no-untyped-def]
    """The token and up to three governors, not across a coordination ("a woman was burnt alive
    and a youth perished in police firing": two acts, not one)."""
    out, cur = [tok.i], tok
    while len(out) < 4 and cur.dep_ != "conj" and cur.head.i != cur.i:
        cur = cur.head
        out.append(cur.i)
    return out


def _compatible(a: Event, b: Event) -> bool:
    if a.type != b.type or a.type != "ASSAULT" or a.status != b.status:
        return False
    if a.mode and b.mode and a.mode != b.mode and "destroy" not in (a.mode, b.mode):
        return False  # "stabbed to death ... as police burst tear gas shells": two acts ("destroyed by an explosion": one)
    if a.actor and b.actor and a.actor.name != b.actor.name:
        return False
    return not (a.recipient and b.recipient and a.recipient.name != b.recipient.name)


def _absorb_participles(built: list[tuple[Trigger, Event]]) -> list[tuple[Trigger, Event]]:
    """"A bomb exploded ..., killing nine people": the participle reports the result of the
    attack it hangs from, so it joins that event (its recipient and toll fill the gaps)."""
    events = {t.token.i: e for t, e in built}
    order = [t.token.i for t, _ in built]
    for t, e in built:
        tok = t.token
        participle = tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp")
        relative = tok.dep_ == "relcl" and e.mode is None  # "a bombing that killed 101 people"
        if e.type != "ASSAULT" or not (participle or relative):
            continue
        host = next((i for i in _ups(tok)[1:] if i in events), None)
        if host is None and participle and tok.i > 0 and tok.doc[tok.i - 1].is_punct:  # "... the bombing of an airliner ..., killing all 224"
            specific = [i for i, o in events.items() if i != tok.i and o.type == "ASSAULT" and o.mode]
            host = specific[0] if len(specific) == 1 else None
        if host is None or events[host].type not in ("ASSAULT", "COERCE"):
            continue
        events[host] = _fill(events[host], e)
        order.remove(tok.i)
    triggers = {t.token.i: t for t, _ in built}
    return [(triggers[i], events[i]) for i in order]


# --- building ------------------------------------------------------------------------------


def _build(
    trigger: Trigger, span: Span, sentence: Sentence, article: Article, m: Mentions,
    previous: Event | None,
) -> Event | None:
    tok, sense = trigger.token, trigger.sense
    head = roles.clause_head(tok)
    actor_tok = _actor_token(tok, head)
    victim = None
    if actor_tok is not None and actor_tok.head.lemma_.lower() in roles.SUFFER_VERBS:
        victim, actor_tok = actor_tok, None  # "21 passengers died in the attack": victims
        actor_tok = roles.by_agent(victim.head)  # "... died in the firing by the police"
    elif actor_tok is not None and actor_tok.head.i == tok.i and frames.reduced_passive(tok) and sense.type not in SELF_TYPES:
        victim, actor_tok = actor_tok, None  # "4 policemen and 4 civilians also killed"
    elif actor_tok is not None and actor_tok.dep_ == "poss" and actor_tok.head.i == tok.i and tok.pos_ == "NOUN" \
            and tok.lemma_.lower() in PATIENT_NOUNS and _whose(actor_tok):
        victim, actor_tok = actor_tok, None  # "Galan's assassination": whose murder it is, not who murdered
    if victim is None:
        harmed = _harmed_in(tok)
        victim = harmed if harmed is not None and (actor_tok is None or harmed.i != actor_tok.i) else None
    if victim is None and tok.dep_ == "pcomp" and any(c.dep_ == "auxpass" for c in tok.children):
        victim = _undergoer(tok)  # "the mayor died after being shot": the mayor was shot
        if victim is not None and actor_tok is not None and actor_tok.i == victim.i:
            actor_tok = roles.by_agent(tok)
    if actor_tok is None and sense.type in ("ASSAULT", "COERCE"):
        actor_tok = frames.operation_agent(tok) or _adjacent_agent(tok)  # "during the police action"
    by_agent = actor_tok is not None and roles.is_agent(actor_tok)
    actor = roles.actor_for(actor_tok, m, allow_descriptive=by_agent)
    if actor is None and actor_tok is not None and roles.is_group_of_people(actor_tok):
        actor = roles.actor_for(actor_tok, m, allow_descriptive=True)  # "Islamic fundamentalists"
        if actor is not None and sense.type == "PROTEST":
            actor = actor.replace(type="protesters")
    if actor is None and sense.type == "CONSULT" and tok.pos_ == "NOUN":
        light = roles.light_verb(tok)
        among = roles.prep_object(tok, ("between", "among")) or (roles.prep_object(light, ("between", "among")) if light is not None else None)
        actor = roles.actor_for(among, m, allow_descriptive=False)  # "talks (were held) between Ethiopia and Egypt"
    if actor is None and actor_tok is not None and sense.type == "MOBILIZE" and actor_tok.dep_ == "nsubjpass":
        actor = roles.actor_for(actor_tok, m, allow_descriptive=False)  # "police were deployed": the police mobilize
    official = sense.type in VERBAL_TYPES or sense.type == "COERCE" and sense.mode in DECREED
    if actor is None and actor_tok is not None and official and (_party_noun(actor_tok) or actor_tok.lemma_.lower() in PARTIES):
        actor = roles.actor_for(actor_tok, m, allow_descriptive=True)  # "the prime minister met ...", "both sides pledged"
    if actor is None and tok.dep_ == "acl" and not roles.is_passive(tok) and not frames.legal_reference(tok):  # "the group released a video threatening ..."
        actor = roles.actor_for(roles.subject_token(roles.clause_head(tok.head)), m, allow_descriptive=False)
    if actor is None and actor_tok is None and sense.type == "ASSAULT" and frames.definite_operation(tok):
        actor = _earlier_assailant(previous, span)  # "... police had to fire. One person was killed in the firing."
    if actor is not None and actor_tok is not None and actor.type not in roles.FIGHTING_TYPES:
        actor = _named_modifier(actor_tok, m) or actor  # "police sentries posted there" -> the police
    if actor is not None and actor.type == "media" and sense.type in ("ASSAULT", "COERCE"):
        actor = None  # "EL NACIONAL published a list of people killed": a newspaper reports, it does not kill
    obj = roles.object_token(tok) if sense.phrase != DEMAND_PHRASE else None  # "told reporters X must": aimed at X
    if obj is not None and trigger.start <= obj.idx < trigger.end:  # "opened fire on the convoy"
        obj = roles.prep_object(tok, ("on", "at", "against", "upon"))
    mode = sense.mode
    if obj is not None and roles.weapon_mode(obj) is not None:  # "fired missiles at a ship"
        mode = roles.weapon_mode(obj) if sense.type == "ASSAULT" else mode
        obj = roles.prep_object(tok, ("at", "on", "into", "toward", "towards"))
    place_object = obj is not None and roles.is_place_object(obj, m)
    recipient = None
    if obj is not None and sense.type in ("RETREAT", "MOBILIZE") and any(c.dep_ == "poss" and c.lower_ in OWN for c in obj.children):
        obj = None  # "withdrew its troops", "deployed their forces": the actor's own, no recipient
    if obj is not None and sense.type in ("COERCE", "SANCTION") and obj.lemma_.lower() in MEASURES:
        obj = None  # "imposed a curfew": what is imposed, not on whom
    state_object = obj is not None and sense.type not in MATERIAL_TYPES and roles.is_state_name(obj, m)
    if obj is not None and not (place_object and sense.type == "COERCE") and (state_object or not roles.is_place_name(obj, m)):
        recipient = roles.actor_for(obj, m, allow_descriptive=sense.type in ("ASSAULT", "COERCE") or _party_noun(obj))
    if recipient is None and sense.type not in MATERIAL_TYPES:
        recipient = _addressee(tok, obj, m)
    if recipient is None:
        given = next((c for c in tok.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN")), None)
        recipient = roles.actor_for(given, m, allow_descriptive=given is not None and _party_noun(given))  # "gave the government an ultimatum"
    if recipient is None and sense.type in PARTNER_PREPS:
        own_object = trigger.other if trigger.other.i != tok.i and trigger.other.dep_ == "dobj" else None
        recipient = _partner(tok, obj if obj is not None else own_object, PARTNER_PREPS[sense.type], m)  # "broke off relations with Iran"
    if recipient is None and victim is not None:
        recipient = roles.actor_for(victim, m, allow_descriptive=True)
    placed_under = sense.type == "ACCUSE" and tok.head.lower_ == "under"  # "was put under investigation"
    if recipient is None and (sense.type in ("ASSAULT", "COERCE") or placed_under) and tok.pos_ == "NOUN" and tok.dep_ == "pobj":
        recipient = _done_with(tok, m)  # "dispersed the demonstrators with tear gas", "placed X under house arrest"
    if recipient is None and sense.type == "ASSAULT" and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during"):
        verb = tok.head.head  # "guerrillas wounded two soldiers in a bomb attack": whom the attack hurt
        if verb.pos_ == "VERB" and verb.lemma_.lower() in HURT_VERBS and not roles.is_passive(verb):
            hurt = roles.object_token(verb)
            recipient = roles.actor_for(hurt, m, allow_descriptive=True) if hurt is not None else None
    if recipient is None and sense.type == "ASSAULT" and tok.pos_ == "NOUN":
        dead = _whose_lives(tok)  # "attacks that claimed the lives of Galan and a judge", "the blast killed six"
        recipient = roles.actor_for(dead, m, allow_descriptive=True) if dead is not None else None
    if actor is None and tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        holder = tok.head.head  # "authorities placed the opposition leader under house arrest"
        subj = roles.subject_token(holder) if holder.pos_ == "VERB" else None
        actor = roles.actor_for(subj, m, allow_descriptive=_party_noun(subj) or subj.lemma_.lower() in PARTIES) if subj is not None else None
    if actor is None and recipient is not None and sense.type in SELF_TYPES and roles.is_passive(tok) and roles.by_agent(tok) is None:
        actor, recipient = recipient, None  # "police were deployed": who is deployed mobilizes
    if sense.type == "THREATEN" and recipient is None:
        recipient = _threat_target(tok, m)
    if recipient is None and sense.type == "ASSAULT" and mode == "explosives":
        near = _bomb_site(tok, m) or (_bomb_site(tok.head, m) if tok.dep_ in ("nsubj", "dobj") else None) \
            or next((site for c in tok.children if c.dep_ == "dobj" and (site := _bomb_site(c, m)) is not None), None)
        if near is not None:
            recipient = roles.actor_for(near, m, allow_descriptive=True)  # "a bomb exploded near a military convoy"
    inferred = False
    if recipient is None and actor is not None and _needs_enemy(sense.type, sense.mode, actor.type):
        enemy = m.enemy()
        if enemy is not None and enemy.name != actor.name:
            recipient, inferred = enemy, True
    if recipient is not None and actor is not None and frames.same_side(actor, recipient):
        recipient = None  # "the guerrillas ... their own group": never the perpetrator's own side
    location = _location(tok, head, sense.type, m, previous)
    unattributed_ok = (sense.type == "ASSAULT" and sense.mode and location) or (sense.type == "COERCE" and sense.mode == "arrest")
    if actor is None and recipient is None and not unattributed_ok:
        return None  # "fear of attack": nobody, nowhere
    date, date_explicit = _date(tok, head, span, article, m, previous)
    lo, hi = roles.subtree_range(roles.main_clause(head))
    weapon = None
    if sense.type == "ASSAULT":
        weapon = roles.weapon_in(article.text, lo, hi) or roles.weapon_in(article.text, sentence.start, sentence.end)
        if weapon is None and tok.lemma_.lower() in WEAPON_VERBS:  # "dynamited a power tower"
            weapon = (tok.lemma_.lower(), tok.idx)
    numbers = tuple(n for n in find_numbers(sentence.text, offset=sentence.start) if lo <= n.start < hi)
    toll = sense.type == "ASSAULT"  # an arrest "in connection with a bombing that killed 101" has no toll
    killed = _first(numbers, "killed") if toll else None
    dying = victim if victim is not None else frames.death_subject(tok)
    if toll and killed is None and dying is not None:
        killed = frames.dead_victims(dying)  # "a 19-year-old youth perished in police firing": one dead
    wounded = _first(numbers, "wounded") if toll else None
    event = Event(
        id=content_id(article.id, str(sentence.index), str(trigger.start), sense.type),
        article_id=article.id,
        type=sense.type,
        mode=mode,
        actor=actor,
        recipient=recipient,
        location=location,
        date=date,
        status=status.status_of(tok),
        evidence=Evidence(
            article_id=article.id, sentence_index=sentence.index, start=sentence.start,
            end=sentence.end, sentence=sentence.text,
            trigger=article.text[trigger.start:trigger.end], trigger_start=trigger.start,
            trigger_end=trigger.end,
        ),
        fatalities=killed,
        injuries=wounded,
        numbers=numbers,
        weapon=weapon[0] if weapon else None,
        attribution=status.attribution_of(tok, span),
        quote=status.quote_of(tok, span),
        confidence=_confidence(actor, recipient, location, date_explicit, inferred),
    )
    event = _manual_type(event, tok)
    return event.replace(**crosswalk(event))


def _manual_type(event: Event, tok) -> Event:  # type: ignore[no-untyped-def]
    """The type the PLOVER manual (ch. 3) gives an act from its object, negation and tense."""
    obj = roles.object_token(tok)
    what = roles.doc_text(tok.doc)[obj.left_edge.idx: obj.idx + len(obj.text)] if obj is not None else ""
    if event.type in ("RETREAT", "COERCE") and event.mode in ("withdraw", "deport") and MISSION_OBJECTS.search(what):
        mode = "withdraw" if event.type == "RETREAT" else "expel"  # 3.13: diplomats, observers, peacekeepers
        event = event.replace(type="SANCTION", mode=mode)
    if event.type in ("RETREAT", "CONCEDE") and tok.lemma_.lower() in EASING_VERBS and obj is not None:
        eased = obj.lemma_.lower()
        if eased in EASED_RESTRICTIONS:
            event = event.replace(type="CONCEDE", mode=None)  # 3.4: lifting a curfew, easing restrictions
        elif eased in EASED_SANCTIONS:
            event = event.replace(type="RETREAT", mode="ease")  # CAMEO 085: ease sanctions, an embargo
    lemma = tok.lemma_.lower()
    reach = roles.doc_text(tok.doc)[tok.idx: tok.right_edge.idx + len(tok.right_edge.text)]
    if lemma in ("allow", "permit") and ACCESS_WORDS.search(reach):
        event = event.replace(type="RETREAT", mode="access")  # 3.7: letting in aid, observers, peacekeepers
    if lemma == "hack" and CYBER_WORDS.search(reach):
        event = event.replace(type="COERCE", mode="cyber")  # table 3.10: hacking is COERCE 'cyber', not a machete
    if event.mode == "seize" and obj is not None and ARMED_PEOPLE.search(what):
        event = event.replace(type="ASSAULT", mode="abduct")  # 3.15: combatants captured in a conflict
    if event.mode == "release" and event.actor is not None and event.actor.type == "state forces" and CAPTIVES.search(what):
        event = event.replace(type="AID", mode=None)  # 3.6: soldiers or police freeing hostages rescue them
    if lemma == "strike" and tok.pos_ == "NOUN" and event.type == "ASSAULT" and event.mode is None and not _armed_strike(tok, event):
        event = event.replace(type="PROTEST", mode="strike")  # "an open-ended strike on Monday": workers stop work
    if event.type == "COERCE" and lemma == "impose" and any(c.dep_ == "nsubjpass" and c.lemma_.lower() in ("sanction", "embargo") for c in tok.children):
        event = event.replace(type="SANCTION", mode="discontinue")  # "sanctions were imposed on North Korea" (3.13.3)
    if event.type == "ASSAULT" and any(g.lemma_.lower() in POISED for g in status.governors(tok)[:2]):
        militia = event.actor is not None and event.actor.type in ("rebel group", "political militia", "terrorist group")
        event = event.replace(type="MOBILIZE", mode="militia" if militia else "troops", status="occurred")  # 3.14: posturing short of force
    if event.type == "MOBILIZE" and PEACEKEEPING.search(reach):  # CAMEO 074 -> AID: sending peacekeepers protects
        sender = event.actor or event.recipient  # "the deployment of NATO peacekeeping troops": NATO sends them
        event = event.replace(type="AID", mode="peacekeeping", actor=sender, recipient=event.recipient if event.actor else None)
    if event.type == "MOBILIZE" and event.mode == "troops" and _police(event.actor):
        event = event.replace(mode="police")  # table 3.9
    if event.type == "COERCE" and lemma in ("occupy", "block", "blockade", "barricade", "obstruct") and event.actor is not None \
            and event.actor.type in ("civilians", "protesters"):
        blocking = lemma in ("block", "blockade", "obstruct", "barricade")
        event = event.replace(type="PROTEST", mode="obstruct" if blocking else "demo")  # 3.12: students occupying, drivers blockading
    if event.type == "ASSAULT" and lemma == "raid" and _police(event.actor) and event.fatalities is None and event.injuries is None:
        event = event.replace(type="COERCE", mode="seize")  # table 3.10: a police raid is a search and seizure
    if event.type == "PROTEST" and event.mode in (None, "demo") and tok.pos_ == "VERB" and obj is not None and _official(event.actor):
        event = event.replace(type="ACCUSE", mode="disapprove")  # 3.11.2: a ministry "protested the killing" is a diplomatic protest
    if event.type == "CONSULT" and event.mode is None and PHONE.search(event.evidence.sentence):
        event = event.replace(mode="phone")  # table 3.1
    if event.type == "ASSAULT" and event.mode in (None, "destroy", "primitive", "beat") and event.actor is not None \
            and event.actor.type == "protesters":
        event = event.replace(type="PROTEST", mode="riot")  # table 3.7: protesters' violence is a riot
    if event.type == "CONSULT" and tok.pos_ == "NOUN" and _halted(tok):
        event = event.replace(type="SANCTION", mode="withdraw")  # CAMEO 164/165: halt negotiations or mediation
    if event.type == "MOBILIZE" and lemma in EXERCISES and _joint(tok):
        event = event.replace(type="COOPERATE", mode=None)  # 3.14: joint military exercises
    future = _future(tok)
    if event.type in DECLINABLE_TYPES and (event.status == "negated" or _declined(tok)):
        return event.replace(type="REJECT", mode=None, status="occurred")  # 3.10: "will not accept", "failed to reach agreement"
    if future and _ultimatum(tok):
        return event.replace(type="THREATEN", mode=None, status="occurred")  # "will withdraw ... unless": CAMEO 139
    if future and event.type in INTENT_TYPES:
        return event.replace(type="AGREE", mode=None, status="occurred")  # 3.1: intent to cooperate
    if future and (event.type in ("SANCTION", "COERCE") and event.mode != "seize" or event.mode == "boycott"):
        threat = THREAT_MODES.get(event.mode or "", "restrict" if event.type == "COERCE" else "relations")
        return event.replace(type="THREATEN", mode=threat, status="occurred")  # 3.11: announced coercion, sanction or boycott
    return event


# what an announced act threatens, in the THREATEN modes of the manual (table 3.6)
THREAT_MODES = {"arrest": "arrest", "deport": "expel", "expel": "expel", "withdraw": "expel", "boycott": "restrict",
                "curfew": "restrict", "martial-law": "restrict", "ban": "restrict", "restrict": "restrict"}


MISSION_OBJECTS = re.compile(
    r"\b(diplomats?|ambassadors?|envoys?|consuls?|attach[eé]s?|inspectors?|observers?|monitors?|peacekeep\w*|"
    r"aid (?:workers?|agenc(?:y|ies))|humanitarian workers?|missions?)\b", re.I)
PEACEKEEPING = re.compile(r"\bpeace-?keep", re.I)
ACCESS_WORDS = re.compile(r"\b(deliver(?:y|ies)|aid|access|entry|enter|observers?|inspectors?|peacekeep\w*|humanitarian|relief)\b", re.I)
CYBER_WORDS = re.compile(r"\b(computers?|networks?|systems?|accounts?|e-?mails?|websites?|servers?|phones?|databases?)\b", re.I)
ARMED_PEOPLE = re.compile(r"\b(soldiers?|troops|rebels?|fighters?|militants?|guerrill?as?|insurgents?|militiamen|combatants?|"
                          r"gunmen|jihadists?|commanders?|servicem[ae]n|marines|paratroopers)\b", re.I)
CAPTIVES = re.compile(r"\b(hostages?|captives?|kidnapp?ed|abducted|victims?|hijacked)\b", re.I)
PHONE = re.compile(r"\b(by (?:tele)?phone|(?:tele)?phone (?:call|conversation)|telephoned|phoned)\b", re.I)
EASING_VERBS = {"lift", "ease", "relax", "shorten", "loosen"}
POISED = {"prepare", "poise", "ready", "gear", "mass"}  # "the army prepared to resume shelling", "poised to attack"
EASED_RESTRICTIONS = {"curfew", "emergency", "state", "law", "ban", "restriction", "censorship"}
EASED_SANCTIONS = {"sanction", "embargo", "boycott"}
MEASURES = EASED_RESTRICTIONS | EASED_SANCTIONS | {"measure", "blockade"}  # what is imposed or lifted, not on whom
EXERCISES = {"exercise", "game", "maneuver", "manoeuvre"}
DECLINABLE_TYPES = {"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
DECLINING = {"fail", "refuse", "decline"}


def _joint(tok) -> bool:  # type: ignore[no-untyped-def]
    """Exercises of two or more parties: "joint", "with the US navy", "French and Egyptian warships"."""
    if any(c.lower_ in ("joint", "combined", "bilateral", "multinational") for c in tok.children):
        return True
    if roles.prep_object(tok, ("with",)) is not None:
        return True
    head = roles.light_verb(tok) or (tok.head if tok.dep_ in ("dobj", "pobj") else None)
    subj = roles.subject_token(head) if head is not None else None
    return subj is not None and any(c.dep_ == "conj" for c in [*subj.children, *(g for a in subj.children if a.dep_ == "amod" for g in a.children)])


HALTING = {"end", "halt", "suspend", "abandon", "stop", "freeze", "break", "terminate"}


ARMED_TYPES = {"state forces", "rebel group", "political militia", "identity militia", "terrorist group"}


def _armed_strike(tok, event: Event) -> bool:  # type: ignore[no-untyped-def]
    """A strike is military when armed forces make it or it lands on something ("strikes on rebel
    positions"); a strike on a day ("on Monday") or by workers is a stoppage."""
    if event.actor is not None and event.actor.type in ARMED_TYPES:
        return True
    target = roles.prep_object(tok, ("on", "against", "at"))
    return target is not None and target.ent_type_ not in ("DATE", "TIME")


def _police(actor) -> bool:  # type: ignore[no-untyped-def]
    return actor is not None and actor.name.startswith("Police")


def _official(actor) -> bool:  # type: ignore[no-untyped-def]
    if actor is None:
        return False
    words = actor.text.lower().split()
    return actor.type == "government" or bool(words) and (words[-1] in roles.INSTITUTIONS or words[-1].rstrip("s") in roles.INSTITUTIONS)


def _halted(tok) -> bool:  # type: ignore[no-untyped-def]
    """"ended its mediation efforts", "suspended the talks": the consultation is broken off."""
    noun = tok.head if tok.dep_ == "compound" and tok.head.lemma_.lower() in UNDERTAKINGS else tok
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in HALTING


def _declined(tok) -> bool:  # type: ignore[no-untyped-def]
    """"failed to reach agreement", "refused to release": the act is declined, not done (CAMEO 12)."""
    for g in status.governors(tok)[:3]:
        if g.lemma_.lower() in DECLINING:
            return True
        if g.pos_ == "VERB" and g.dep_ in ("ROOT", "ccomp", "conj"):
            break
    return False


def _ultimatum(tok) -> bool:  # type: ignore[no-untyped-def]
    """A future act on a condition the other side must meet: "will withdraw ... unless ..."."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children) for c in tok.children)


INTENT_HEADS = {"willing", "ready", "prepared", "offer", "agree", "promise", "pledge", "plan", "intend", "decide", "vow",
                "willingness", "readiness", "intention", "intent", "commitment"}


def _future(tok) -> bool:  # type: ignore[no-untyped-def]
    """"will visit", "would prohibit", "is willing to send", "plans to impose"."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in tok.children):
        return True
    light = roles.light_verb(tok) if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else None
    if light is not None:
        return _future(light)  # "would hold talks"
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return infinitive and tok.head.lemma_.lower() in INTENT_HEADS


def _actor_token(tok, head):  # type: ignore[no-untyped-def]
    accused = _accused_doer(tok)
    if accused is not None:
        return accused
    if tok.lemma_.lower() == "hostage" and tok.head.lemma_.lower() not in HOSTAGE_TAKING:
        return None  # "rescued the hostages", "freed the hostages": who rescues took nobody hostage
    nominal = tok.pos_ != "VERB" or tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass")  # "in police firing"
    if not nominal:
        return None if frames.legal_reference(tok) else roles.subject_token(tok)
    light = roles.light_verb(tok)  # "subversives conducted a terrorist attack": the subversives
    if light is not None and roles.subject_token(light) is not None:
        return roles.subject_token(light)
    for c in tok.children:  # "coalition air strikes", "Isis's attack", "a Turkish offensive"
        if c.dep_ in ("poss", "compound", "nmod") and c.pos_ in ("PROPN", "NOUN") and c.lower_ not in NOT_AGENT_MODIFIERS \
                and not _a_time(c):
            return c
        if c.dep_ == "amod" and c.ent_type_ == "NORP":
            return c
    by = roles.by_agent(tok) or _participle_agent(tok)  # "the firing by the police on the mob": the nominal's own agent
    if by is not None:
        return by
    if tok.dep_ in ("nsubj", "nsubjpass"):  # "The ground assault began ... when peshmerga units ..."
        for t in head.subtree:
            if t.dep_ == "relcl" or t.dep_ == "advcl":
                subj = roles.subject_token(t)
                if subj is not None:
                    return subj
        return None
    if frames.legal_reference(tok):
        return None  # "police registered a case of murder": the police did not murder
    if tok.dep_ in ("dobj", "conj", "pobj") and frames.commented(tok):
        return None  # "the ministry condemned the assassination of ...": who comments did not do it
    if tok.dep_ == "pobj" and tok.head.lower_ in AFTERMATH_PREPS:
        return None  # "police tightened security after the blast": what came after is no doer of it
    if tok.dep_ == "pobj" and frames.about_an_account(tok.head):
        return None  # "the Senate opened a hearing into the killing": who inquires did not kill
    return roles.subject_token(head)


AFTERMATH_PREPS = {"after", "following", "since", "before"}
HOSTAGE_TAKING = {"take", "hold", "seize", "keep", "capture", "grab", "be"}
# Verbs whose object did the act their "of"/"for"/"with" clause names: "accused Hamas of violating
# the ceasefire", "arrested two men for killing a guard", "charged him with smuggling arms".
ACCUSING_VERBS = {"accuse", "charge", "suspect", "blame", "convict", "arrest", "detain", "sentence", "condemn",
                  "criticize", "criticise", "fine", "punish", "jail", "indict", "prosecute", "sue", "praise", "thank"}


def _accused_doer(tok):  # type: ignore[no-untyped-def]
    """The object (or passive subject) of an accusing verb whose preposition governs the trigger."""
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in ("of", "for", "with"):
        verb = tok.head.head
        if verb.lemma_.lower() in ACCUSING_VERBS:
            return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return None


def _participle_agent(tok):  # type: ignore[no-untyped-def]
    """"an attack perpetrated by urban guerrillas", "the bombing carried out by the FMLN": the agent
    of a participle that describes the act."""
    for c in tok.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for a in c.children:
                if a.dep_ in ("agent", "prep") and a.lower_ == "by":
                    obj = next((g for g in a.children if g.dep_ == "pobj"), None)
                    if obj is not None and obj.lemma_.lower() not in roles.VEHICLES:
                        return obj
    return None


WHEN_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow week weekend month year
night morning evening afternoon january february march april may june july august september october november december
""".split())


def _a_time(tok) -> bool:  # type: ignore[no-untyped-def]
    """"last Thursday's murder", "yesterday's attack": the possessor is when, not who."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in WHEN_WORDS


NOT_AGENT_MODIFIERS = {"air", "car", "suicide", "drone", "ground", "bomb", "gas", "teargas", "tear", "rubber", "cane", "lathi", "baton"}


def _named_modifier(tok, m: Mentions):  # type: ignore[no-untyped-def]
    """An armed actor naming the kind of an unarmed-looking one: "police sentries", "army jawans"."""
    for c in tok.children:
        if c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN") and c.i < tok.i:
            found = roles.actor_for(c, m, allow_descriptive=False)
            if found is not None and found.type in roles.FIGHTING_TYPES:
                return found
    return None


def _adjacent_agent(tok):  # type: ignore[no-untyped-def]
    """"perished in police firing" parsed with "firing" as a verb and "police" as the object of
    "in": the noun just before a subjectless -ing trigger names who did it."""
    if tok.tag_ != "VBG" or tok.i == tok.sent.start or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    before = tok.doc[tok.i - 1]
    if before.pos_ not in ("NOUN", "PROPN") or before.dep_ not in ("pobj", "compound", "nmod") or before.ent_type_ in ("GPE", "LOC", "FAC"):
        return None
    return before


def _earlier_assailant(previous: Event | None, span: Span):  # type: ignore[no-untyped-def]
    """Who carried out the operation "the firing" refers back to: the actor of the article's last
    event when it is an assault told just before (within 400 characters), else None."""
    if previous is None or previous.type != "ASSAULT" or previous.status != "occurred":
        return None
    return previous.actor if span.start_char - previous.evidence.end < 400 else None


def _addressee(tok, obj, m: Mentions):  # type: ignore[no-untyped-def]
    """Who a demand, rejection or accusation is aimed at: "demanded that the US cancel ..."
    (the subject of the clause), "rejected calls by Belarus" (the author of what is rejected)."""
    clauses = [c for c in tok.children if c.dep_ == "ccomp" or (tok.pos_ == "NOUN" and c.dep_ in ("acl", "relcl"))]
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":  # "reiterated its demand today that Israel ease ..."
        clauses += [c for c in tok.head.children if c.dep_ == "ccomp"]
    for c in clauses:
        if not any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) and c.dep_ != "ccomp":
            continue  # "the demand that Israel ease ...", not "the demand it made"
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        found = roles.actor_for(subj, m, allow_descriptive=False)
        if found is not None:
            return found
    if obj is not None:
        author = next((c for c in obj.children if c.dep_ == "poss"), None) or roles.prep_object(obj, ("by", "from", "of")) \
            or next((c for c in obj.children if c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "ORG")), None)
        return roles.actor_for(author, m, allow_descriptive=False)  # "rejected a US offer": the US's
    return None


# Who an interaction is with, when the verb takes it through a preposition: "met with the foreign
# minister", "promised assistance to Greece", "provided aid to refugees", "imposed sanctions on Syria".
OWN = {"its", "their", "our", "his", "her", "my"}
PARTNER_PREPS = {
    "CONSULT": ("with", "between"), "COOPERATE": ("with", "to"), "AGREE": ("with", "to", "between"), "AID": ("to", "for"),
    "SUPPORT": ("to", "for", "with"), "CONCEDE": ("to",), "YIELD": ("to",), "SANCTION": ("on", "against", "with", "to"),
    "ACCUSE": ("against", "with"), "THREATEN": ("against",), "REJECT": ("from",), "RETREAT": ("from",),
    "COERCE": ("from",),
}


def _party_noun(tok) -> bool:  # type: ignore[no-untyped-def]
    """A noun that can be a party to an interaction without a name: people ("the journalist",
    "refugees") or an office ("the foreign minister", "the ministry")."""
    return tok.pos_ == "NOUN" and (frames.is_person(tok) or tok.lemma_.lower() in roles.INSTITUTIONS or tok.lower_ in roles.BODIES)


def _prep_partner(tok, obj, preps: tuple[str, ...]):  # type: ignore[no-untyped-def]
    found = roles.prep_object(tok, preps) or (roles.prep_object(obj, preps) if obj is not None else None)
    if found is None and "to" in preps:
        dative = next((c for c in tok.children if c.dep_ == "dative" and c.lower_ == "to"), None)
        found = next((g for g in dative.children if g.dep_ == "pobj"), None) if dative is not None else None
    return found


def _partner(tok, obj, preps: tuple[str, ...], m: Mentions):  # type: ignore[no-untyped-def]
    """The object of the trigger's (or its object's) preposition in ``preps``, or of its "to"
    dative, when it names an actor, a state or a party noun (see :func:`_party_noun`)."""
    found = _prep_partner(tok, obj, preps)
    for verb in (c for c in tok.children if c.dep_ == "xcomp" and found is None):  # "agreed to supply arms to Kyiv"
        found = _prep_partner(verb, next((c for c in verb.children if c.dep_ == "dobj"), None), preps)
    if found is None or (roles.is_place_name(found, m) and not roles.is_state_name(found, m)):
        return None
    return roles.actor_for(found, m, allow_descriptive=_party_noun(found))


def _needs_enemy(kind: str, mode: str | None, actor_type: str) -> bool:
    return (kind == "ASSAULT" or (kind == "COERCE" and mode == "seize")) and actor_type in roles.FIGHTING_TYPES


def _threat_target(tok, m: Mentions):  # type: ignore[no-untyped-def]
    """"threatened to attack South Korea": who the threatened act is aimed at; "threatening to
    launch attacks in Russia": the country threatened."""
    for act in (c for c in tok.children if c.dep_ == "xcomp"):
        aimed = roles.object_token(act)
        if aimed is not None and (roles.is_state_name(aimed, m) or not roles.is_place_name(aimed, m)):
            found = roles.actor_for(aimed, m, allow_descriptive=_party_noun(aimed))
            if found is not None:
                return found
    lo, hi = roles.subtree_range(tok)
    for place in m.places_in(lo, hi):
        if place.precision == "country":
            iso3 = m.dictionary.country_of(place.name) or m.dictionary.country_of(place.text)
            if iso3:
                from ..mentions.actors import country_actor

                return country_actor(iso3, place.text, place.start, place.end, m.dictionary)
    return None


def _location(tok, head, kind: str, m: Mentions, previous: Event | None) -> Place | None:  # type: ignore[no-untyped-def]
    if kind not in MATERIAL_TYPES:  # where it was said, never the content of a threat or call
        objs = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "from")
                for g in c.children if g.dep_ == "pobj"]
        candidates = [p for g in objs for p in m.places if p.start <= g.idx < p.end]
        return roles.choose_place(candidates, tok.idx)
    root = roles.main_clause(head)
    lo, hi = roles.subtree_range(root)
    excluded = roles.excluded_ranges(root)
    actor_spans = [(a.start, a.end) for a in m.actors_in(lo, hi)]
    candidates = [
        p for p in m.places_in(lo, hi)
        if not any(a <= p.start < b for a, b in excluded) and not any(a <= p.start < b for a, b in actor_spans)
    ]
    best = roles.choose_place(candidates, tok.idx)
    if previous is None or previous.location is None:
        return best if best is not None or kind not in ("ASSAULT", "COERCE", "PROTEST") else m.dateline
    if best is None and previous.evidence.end >= root.sent.start_char - 300:
        return previous.location  # the story goes on at the same place
    anaphor = roles.has_anaphoric_place(root)
    if anaphor and (best is None or roles.PRECISION_RANK.get(previous.location.precision, 5) < roles.PRECISION_RANK.get(best.precision, 5) or best.geonameid is None):
        return previous.location
    return best


def _date(tok, head, span: Span, article: Article, m: Mentions, previous: Event | None) -> tuple[TimeRef | None, bool]:  # type: ignore[no-untyped-def]
    lo, hi = roles.subtree_range(head)
    times = [t for t in m.times_in(lo, hi) if t.value and t.timex_type in ("DATE", "TIME") and _dates_event(t, tok)]
    if not times:
        times = [t for t in m.times_in(span.start_char, span.end_char)
                 if t.value and t.timex_type in ("DATE", "TIME") and _dates_event(t, tok)]
    if times:
        return _day_value(min(times, key=lambda t: abs(t.start - tok.idx))), True
    if status.is_generic(span.text):
        return None, False
    if previous is not None and previous.date is not None and previous.date.text not in ("", PUBLICATION_DATE) and span.start_char - previous.evidence.end < 400:
        return previous.date, False
    if article.published is not None:
        day = article.published
        return TimeRef(text=PUBLICATION_DATE, value=day.isoformat(), precision="day", earliest=day, latest=day), False
    return None, False


def _dates_event(t: TimeRef, tok) -> bool:  # type: ignore[no-untyped-def]
    """Whether the time expression ``t`` can date the event of trigger ``tok``: not when it sits in a
    relative clause about a participant or a bystander ("Barillas, ambassador under an administration
    which began in 1986, was gunned down", "rebels who arrived on Sunday attacked ...") or in an
    apposition ("the killing of X, mayor of Medellin in 1984"). A clause about
    the event itself ("the attack, which took place on 5 May, killed two"; "a bomb attack that left
    four children injured on 26 July") or its setting ("planned to bomb the village in a plot which
    was uncovered last week") dates it, as does any other clause on the way to the trigger.
    """
    words = tok.doc.char_span(t.start, t.end, alignment_mode="expand") if t.end > t.start else None
    if words is None or len(words) == 0:
        return True
    cur = words.root
    while cur.i != tok.i and not cur.is_ancestor(tok):
        if cur.dep_ in ("relcl", "acl") and cur.pos_ in ("VERB", "AUX") and _about_someone(cur, tok):
            return False
        if cur.dep_ == "appos":
            return False  # "the killing of X, mayor of Medellin in 1984": when X was mayor
        if cur.head.i == cur.i:
            return True
        cur = cur.head
    return True


def _about_someone(clause, tok) -> bool:  # type: ignore[no-untyped-def]
    """Is the relative ``clause`` about a participant or bystander, not about the event of ``tok``?"""
    noun = clause.head
    if noun.i == tok.i or (tok.pos_ == "NOUN" and tok.is_ancestor(noun)):
        return False  # "the attack [on the bus], which ..."
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX"):
        return False  # "in a plot which was uncovered last week": the act's setting
    verb = clause.lemma_.lower()
    return not (verb in ("occur", "happen") or (verb == "take" and any(c.lower_ == "place" for c in clause.children)))


def _day_value(t: TimeRef) -> TimeRef:
    """Event dates are calendar values: "2015-11-11TNI" (Wednesday night) -> "2015-11-11"."""
    if t.value and "T" in t.value and t.precision == "day":
        return t.replace(value=t.value.split("T")[0])
    return t


def _first(numbers: Sequence[Number], role: str) -> int | None:
    return next((n.value for n in numbers if n.role == role), None)


def _confidence(actor, recipient, location, date_explicit: bool, inferred: bool) -> float:  # type: ignore[no-untyped-def]
    score = 0.35
    score += 0.2 if actor is not None and actor.actor_id else 0.1 if actor is not None else 0.0
    score += 0.1 if recipient is not None and not inferred else 0.0
    score += 0.1 if location is not None else 0.0
    score += 0.1 if date_explicit else 0.0
    return round(min(score, 0.95), 2)


# --- collapsing duplicates inside one article ---------------------------------------------------


def collapse(events: list[Event]) -> tuple[Event, ...]:
    """Reports in one article that name the same type, actor, recipient and day become one
    (the first keeps its evidence; missing fields are filled from the others)."""
    out: list[Event] = []
    for e in events:
        twin = next((o for o in out if _same(o, e)), None)
        if twin is None:
            out.append(e)
        else:
            out[out.index(twin)] = _fill(twin, e)
    return tuple(out)


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or (a.mode and b.mode and a.mode != b.mode):
        return False
    if _name(a.actor) != _name(b.actor) or a.status != b.status:
        return False
    same_sentence = a.evidence.sentence_index == b.evidence.sentence_index
    if a.recipient and b.recipient and a.recipient.name != b.recipient.name and not same_sentence:
        return False
    da, db = (a.date.value if a.date else None), (b.date.value if b.date else None)
    if da != db:
        return False
    if a.location and b.location and a.location.country != b.location.country:
        return False
    return a.evidence.sentence_index == b.evidence.sentence_index or a.type == "THREATEN"


def _name(actor) -> str | None:  # type: ignore[no-untyped-def]
    return actor.name if actor is not None else None


def _fill(keep: Event, other: Event) -> Event:
    """``keep`` with its gaps filled from ``other`` (its evidence and its own fields win)."""
    defaulted = keep.date is None or keep.date.text == PUBLICATION_DATE
    return keep.replace(
        actor=keep.actor or other.actor,
        date=other.date if defaulted and other.date is not None and other.date.text != PUBLICATION_DATE else keep.date,
        mode=other.mode if keep.mode == "destroy" and other.mode else keep.mode or other.mode,  # "destroyed by a bomb": a bombing
        recipient=keep.recipient or other.recipient,
        location=keep.location or other.location,
        fatalities=keep.fatalities if keep.fatalities is not None else other.fatalities,
        injuries=keep.injuries if keep.injuries is not None else other.injuries,
        numbers=keep.numbers or other.numbers,
        weapon=keep.weapon or other.weapon,
    )


__all__ = ["code_article", "code_sentence", "collapse"]
