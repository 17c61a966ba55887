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
    kidnapping", "condemned the assassination of", "regrets and condemns the murder")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "conj":
            cur = cur.head
        elif cur.dep_ == "dobj":
            return cur.head.lemma_.lower() in COMMENT_VERBS
        elif cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ in ("about", "on", "over", "for"):
            return cur.head.head.lemma_.lower() in COMMENT_VERBS
        else:
            return False
    return False


LEGAL_NOUNS = {"case", "charge", "fir", "complaint", "allegation", "accusation", "offence", "offense",
               "count", "investigation", "probe", "inquiry", "enquiry", "trial", "suspicion", "connection"}
LEGAL_VERBS = {"book", "arrest", "charge", "accuse", "convict", "investigate", "probe", "try", "sentence",
               "detain", "hold", "remand", "question", "interrogate", "prosecute", "jail", "acquit", "indict",
               "register", "file", "lodge", "solve"}


def legal_reference(tok) -> bool:  # type: ignore[no-untyped-def]
    """A crime named in a legal or police frame ("a case of murder", "booked for murder",
    "arrested in connection with the bombing", "investigating the killing"): whoever books,
    arrests or investigates is not the one who did it."""
    cur = tok
    for _ in range(3):
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
