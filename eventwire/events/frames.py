"""Argument frames: which participants a sentence frame allows a trigger to take.

Small decisions the coder asks about a trigger's surroundings, kept apart so they can be read and
tested on their own: the patient a person-only arrest needs ("50 persons were held", not "a
meeting was held"), a crime named in a legal frame ("a case of murder", "booked for murder") or
as what somebody reports or condemns ("condemned the assassination of ..."), whose clause
subject therefore did not commit it, and two participants on the same side.
"""

from __future__ import annotations

from . import roles


PERSON_PATIENT_PHRASES = {"hold", "book", "jail", "remand", "apprehend"}  # arrests only when people are held: "50 persons were held"
NOT_ARRESTS = {"cardiac", "heart", "respiratory", "safe"}


def is_person(tok) -> bool:  # type: ignore[no-untyped-def]
    """People, as a patient: "31 rioters", "the accused", "Siddiqui", "him" (not "a meeting")."""
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":  # a full name ("Mohammed Siddiqui"), not one odd word
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        return ent is not None and len(ent) >= 2
    if tok.lower_ in ("him", "her", "them", "he", "she", "they"):
        return True
    if tok.tag_ in ("WP",) or tok.lemma_.lower() in ("who", "accused", "those", "others", "many", "some"):
        return True
    return bool(roles.PERSON_NOUNS.fullmatch(tok.lower_)) or roles.is_group_of_people(tok)


COMMENT_VERBS = {
    "report", "condemn", "denounce", "regret", "deplore", "confirm", "deny", "announce", "describe",
    "repudiate", "reject", "mourn", "lament", "criticize", "criticise", "protest", "investigate", "probe",
    "discuss", "recall", "mention", "cite", "blame", "attribute", "explain", "justify", "welcome",
    "celebrate", "praise", "witness", "see", "watch", "learn", "hear", "know", "remember", "solve",
    "clarify", "cover", "publish", "broadcast", "document", "record", "list", "study", "analyze",
    "reveal", "disclose", "acknowledge", "verify", "note", "say", "state", "express", "view", "consider",
}


def commented(tok) -> bool:  # type: ignore[no-untyped-def]
    """A nominal trigger that is what a speech, attitude or perception verb is about ("reported the
    kidnapping", "condemned the assassination of", "regrets and condemns the murder", "after
    learning of the killing")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "conj":
            cur = cur.head
        elif cur.dep_ == "dobj":
            return cur.head.lemma_.lower() in COMMENT_VERBS
        elif cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in ("about", "on", "over", "for", "of"):
            return cur.head.head.lemma_.lower() in COMMENT_VERBS
        else:
            return False
    return False


# what is said, asked or found about an act: its subject clause's subject did not do the act
ACCOUNT_NOUNS = {"hearing", "investigation", "inquiry", "probe", "report", "trial", "statement", "details",
                 "information", "news", "account", "evidence", "study", "review", "debate", "question", "questions"}


def about_an_account(prep) -> bool:  # type: ignore[no-untyped-def]
    """Does the preposition ``prep`` hang from a noun for an inquiry or a report, or from a verb whose
    object is one (the parser often attaches "a hearing [into the killing]" to "opened")?"""
    outer = prep.head
    if outer.lemma_.lower() in ACCOUNT_NOUNS:
        return True
    return outer.pos_ == "VERB" and prep.lower_ in ("into", "on", "about") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ACCOUNT_NOUNS for c in outer.children)


LEGAL_NOUNS = {"case", "charge", "fir", "complaint", "allegation", "accusation", "offence", "offense",
               "count", "investigation", "probe", "inquiry", "enquiry", "trial", "suspicion", "connection"}
ATTEMPT_NOUNS = {"attempt", "conspiracy", "bid", "abetment", "plot"}
LEGAL_VERBS = {"book", "arrest", "charge", "accuse", "convict", "investigate", "probe", "try", "sentence",
               "detain", "hold", "remand", "question", "interrogate", "prosecute", "jail", "acquit", "indict",
               "register", "file", "lodge", "solve"}


def legal_reference(tok) -> bool:  # type: ignore[no-untyped-def]
    """A crime named in a legal or police frame ("a case of murder", "booked for murder",
    "arrested in connection with the bombing", "investigating the killing"): whoever books,
    arrests or investigates is not the one who did it."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("acl", "xcomp") and cur.head.lemma_.lower() in ATTEMPT_NOUNS:
            cur = cur.head  # "charges of attempt to murder": the crime charged is the attempt's
            continue
        if cur.dep_ == "dobj" and cur.head.lemma_.lower() in LEGAL_VERBS:
            return True
        if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
            return False
        governor = cur.head.head
        if governor.lemma_.lower() in LEGAL_NOUNS or governor.lemma_.lower() in LEGAL_VERBS:
            return True
        cur = governor
    return False


def same_side(actor, recipient) -> bool:  # type: ignore[no-untyped-def]
    """The recipient is the actor's own side: the same actor, or the same state's forces."""
    if recipient.name == actor.name or (actor.actor_id is not None and actor.actor_id == recipient.actor_id):
        return True
    state = {"state forces", "government"}
    return actor.country is not None and actor.country == recipient.country and actor.type in state and recipient.type == "state forces"


TRANSITIVE_ONLY = {"kill", "murder", "slay", "behead", "lynch", "assassinate", "injure", "wound", "arrest",
                   "detain", "nab", "abduct", "kidnap", "massacre", "gun", "torture", "lathicharge"}


def reduced_passive(tok) -> bool:  # type: ignore[no-untyped-def]
    """"4 policemen and 4 civilians also killed", "the police, beaten black and blue, ...",
    "second terrorist shot dead": a participle with a subject but no auxiliary and no object
    (headline and bullet style) says what was done *to* its subject."""
    if tok.pos_ != "VERB" or tok.dep_ in ("relcl", "acl", "amod"):
        return False
    kids = list(tok.children)
    if not any(c.dep_ == "nsubj" for c in kids):
        return False
    if any(c.dep_ in ("aux", "auxpass", "dobj", "agent", "conj", "cc", "dative", "ccomp", "xcomp") for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("on", "at", "upon", "against") for c in kids):
        return False  # "the troops fired on the crowd"
    if roles.loose_object(tok) is not None:
        return False  # "mercenaries assassinated in less than 48 hours, magistrate X, ...": a misparsed object
    shot_dead = tok.lemma_.lower() == "shoot" and any(c.lower_ == "dead" for c in kids)
    return tok.tag_ == "VBN" or shot_dead or tok.lemma_.lower() in TRANSITIVE_ONLY


def presupposed(tok) -> bool:  # type: ignore[no-untyped-def]
    """"demanded action against the policemen who killed a devotee": a relative clause under a
    demand or threat states a fact about its noun; the killing is not what is demanded."""
    from .status import CONTENT_GOVERNORS

    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return True
        cur = cur.head
        if cur.lemma_.lower() in CONTENT_GOVERNORS:
            return False
    return False


OPERATION_NOUNS = {"firing", "action", "operation", "crackdown", "lathicharge", "raid", "encounter", "fire", "shooting"}
ENCOUNTER_NOUNS = {"encounter", "shootout", "gunfight", "gunbattle"}  # "killed in an encounter with the police"


def operation_agent(tok):  # type: ignore[no-untyped-def]
    """"lobbed during the police action", "killed in an army operation", "killed in firing by the
    police", "shot dead in an encounter with the police": the force named on the operation the act
    happened in (its compound or possessor, the "by" agent of the operation, or the other side of an
    encounter, since whoever is killed in an encounter with a force was killed by it), else None."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
        for obj in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in OPERATION_NOUNS | ENCOUNTER_NOUNS):
            owner = next((c for c in obj.children if c.dep_ in ("compound", "poss", "nmod") and c.pos_ in ("NOUN", "PROPN")), None)
            if owner is not None:
                return owner
            by = roles.by_agent(obj)
            if by is not None:
                return by
            side = roles.prep_object(obj, ("with",)) if obj.lemma_.lower() in ENCOUNTER_NOUNS else None
            if side is not None:
                return side
    return None


def definite_operation(tok) -> bool:  # type: ignore[no-untyped-def]
    """"one person was killed in the firing": the act happened in an operation named with "the" and
    no force of its own, so the operation is one the story already told (its actor is the earlier one's)."""
    verb = tok if tok.pos_ == "VERB" else tok.head
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
        for obj in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in OPERATION_NOUNS | ENCOUNTER_NOUNS):
            if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children):
                return True
    return False


DEATH_VERBS = {"die", "perish", "succumb"}
YOUNG_AND_SINGLE = {"youth", "boy", "girl", "child", "man", "woman", "person", "constable", "policeman", "student", "devotee", "activist"}
SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def dead_victims(victim) -> int | None:  # type: ignore[no-untyped-def]
    """How many died when the victim is the subject of a death verb: "a youth perished" -> 1,
    "two persons died" -> 2; None when the count is not stated or the death is negated."""
    verb = victim.head if victim.dep_ == "nsubj" else next((c for c in victim.children if c.dep_ == "acl"), victim)
    if verb.lemma_.lower() not in DEATH_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return None
    count = next((c for c in victim.children if c.dep_ == "nummod"), None)
    if count is not None:
        word = count.lower_.replace(",", "")
        return int(word) if word.isdigit() else SMALL_NUMBERS.get(word)
    article = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in victim.children)
    person = is_person(victim) or victim.lemma_.lower() in YOUNG_AND_SINGLE
    return 1 if victim.tag_ == "NN" and (article or victim.lower_ == "one") and person else None


def death_subject(tok):  # type: ignore[no-untyped-def]
    """"a youth perished in police firing": who died in the act the trigger names."""
    if tok.dep_ == "acl" and tok.head.dep_ == "pobj" and tok.head.i == tok.i - 1:
        tok = tok.head  # "in police firing" parsed as "police" modified by "firing"
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "during") or tok.head.head.lemma_.lower() not in DEATH_VERBS:
        return None
    verb = tok.head.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        subject = verb.head  # "a young man perished in ..." parsed as a reduced relative
    return subject
