"""What the text commits to: status, attribution and quotes.

Status is read from the words that govern the trigger, innermost first:
"planning to bomb" -> planned, "the prime suspect in the bombing" -> suspected,
"did not attack" -> negated, "tried to kill" -> attempted, "denied attacking" -> denied,
"claimed responsibility for the attack" -> claimed, "could strike" -> hypothetical.

Responsibility: a group claiming the act ("claimed responsibility for", "the killing was claimed
by", "admitted") makes it claimed; a doubt about the doer makes it suspected: an accusation
("blamed", "implicated ... in", "charged with", "linked ... to"), a hedge on the doer ("kidnapped,
apparently by ELN guerrillas", "presumably placed by"), or an admission made by somebody else than
the doer ("the president admitted that soldiers massacred ..."). The attribution is who says so:
the speaker, accuser or claimant ("police", "the rebels", "the Callao police" of "in the opinion
of"); :mod:`eventwire.events.attribution` tells authorities from other sources.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

GOVERNOR_STATUS: dict[str, str] = {
    "plan": "planned", "plot": "planned", "prepare": "planned", "intend": "planned",
    "conspire": "planned", "scheme": "planned", "aim": "planned", "preparation": "planned",
    "try": "attempted", "attempt": "attempted", "fail": "attempted", "foil": "attempted",
    "defuse": "attempted", "deactivate": "attempted", "dismantle": "attempted",
    "thwart": "attempted", "prevent": "attempted", "avert": "attempted",
    "deny": "denied", "denial": "denied", "reject": "denied",
    "suspect": "suspected", "blame": "suspected", "accuse": "suspected", "allege": "suspected",
    "believe": "suspected", "suspicion": "suspected",
    "implicate": "suspected", "attribute": "suspected", "charge": "suspected", "link": "suspected",
    "claim": "claimed", "responsibility": "claimed", "admit": "claimed", "acknowledge": "claimed",
}
HEDGES = {"apparently", "presumably", "allegedly", "reportedly", "probably", "possibly", "supposedly",
          "purportedly", "likely"}
ASPECTUAL = {"begin", "start", "continue", "resume", "keep", "go", "manage", "proceed", "use", "help", "have", "need",
             "able", "succeed", "lucky", "happen", "force", "compel", "oblige", "prompt"}  # implicatives: "were able to arrest" -> it happened
MODAL_STATUS: dict[str, str] = {
    "would": "hypothetical", "could": "hypothetical", "might": "hypothetical",
    "may": "hypothetical", "should": "hypothetical", "must": "hypothetical", "will": "planned",
    "can": "hypothetical", "ought": "hypothetical",  # "can be arrested under the clauses of ..."
    "shall": "planned",
}
# words whose content is not an event that happened: "threatening to launch attacks"
CONTENT_GOVERNORS = {"threaten", "vow", "warn", "threat", "call", "urge", "demand", "ask", "pledge", "promise"}
DEPICTION_NOUNS = {"footage", "video", "image", "picture", "photo", "photograph", "depiction",
                   "film", "movie", "documentary", "anniversary", "memorial", "commemoration",
                   "game", "novel", "book", "exercise", "drill", "simulation"}
SPEECH_VERBS = {"say", "tell", "state", "announce", "report", "confirm", "add", "claim", "declare", "allege", "according"}
ATTRIBUTION_VERBS = SPEECH_VERBS | {"suspect", "believe", "blame", "accuse", "fear", "think", "estimate",
                                    "implicate", "attribute", "charge", "link", "admit", "acknowledge", "hold"}
QUOTE = re.compile(r"[“\"«]([^”\"»]{3,})[”\"»]")
GENERIC = re.compile(r"\b(previously|in the past|has long|have long|repeatedly|often|usually|frequently|routinely)\b", re.I)


def governors(tok: Token) -> list[Token]:
    """Tokens from ``tok``'s head up to the root, innermost first."""
    out = []
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        out.append(cur)
    return out


BACKGROUND_PREPS = {"after", "following", "since", "amid", "despite"}  # what these introduce has happened
HABITUAL = {"routinely", "usually", "often", "frequently", "habitually", "regularly", "always", "generally", "normally"}


def status_of(trigger: Token) -> str:
    if _negated(trigger):
        return "negated"
    if _habitual(trigger):
        return "hypothetical"  # "the police routinely torture people in custody": a habit, no event
    if any(c.dep_ == "amod" and c.lemma_.lower() in ("attempted", "failed", "foiled", "thwarted") for c in trigger.children):
        return "attempted"
    if _alleged_doer(trigger) or _hedged_doer(trigger):
        return "suspected"  # "alleged commandos ... machinegunned", "kidnapped, apparently by ELN guerrillas"
    # "will investigate last Thursday's murder": the modal is the speaker's, the murder happened;
    # "will condemn any attack": no attack in particular
    talked_about = trigger.pos_ == "NOUN" and _commented(trigger)
    if talked_about and any(c.dep_ == "det" and c.lower_ in ("any", "every", "all") or c.lower_ == "future" for c in trigger.children):
        return "hypothetical"
    if trigger.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        governor = trigger.head.lemma_.lower()
        if governor == "unable":
            return "negated"
        if governor not in ASPECTUAL and governor not in GOVERNOR_STATUS:
            return "planned"  # "hired him to kill", "sent troops to retake"
    own_clause = True  # modals count only up to the first clause boundary above the trigger
    for verb in [trigger, *governors(trigger)]:
        for c in verb.children if own_clause else ():
            if c.dep_ == "aux" and c.lower_ in MODAL_STATUS and not talked_about:
                return MODAL_STATUS[c.lower_]
            if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                return "hypothetical"
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("ccomp", "relcl", "advcl", "acl", "ROOT", "conj", "parataxis"):
            own_clause = False
        if verb.dep_ == "prep" and verb.lower_ in BACKGROUND_PREPS:
            own_clause = False  # "(they may have fled) following the murder of ...": the murder is no conjecture
        if verb is not trigger:
            status = GOVERNOR_STATUS.get(verb.lemma_.lower())
            if status == "claimed" and verb.lemma_.lower() == "claim" and not (
                _mentions(verb, "responsibility", "credit") or _claimed_by(verb)
            ):
                status = None
            if status == "claimed" and verb.lemma_.lower() in ("admit", "acknowledge") and _other_doer(trigger, verb):
                status = "suspected"  # "the president admitted that soldiers massacred ...": vouched for, not claimed
            if status is not None and (_nobody_did(verb) or verb.pos_ == "NOUN" and _nobody_did(verb.head)):
                status = None  # "no group has claimed responsibility", "nobody was blamed"
            if status is not None:
                return status
        if verb.dep_ in ("ROOT",) or verb.lemma_.lower() in SPEECH_VERBS:
            break
    return "occurred"


def _commented(trigger: Token) -> bool:
    from .frames import commented  # frames reads this module's word lists

    return bool(commented(trigger))


ALLEGED = {"alleged", "suspected", "presumed", "purported", "supposed", "reputed"}


def _alleged_doer(trigger: Token) -> bool:
    """The doer is only alleged: an "alleged"/"suspected" subject of the trigger verb, or a
    relative clause holding somebody responsible for the trigger noun."""
    if trigger.pos_ == "VERB":
        subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
        return any(g.dep_ == "amod" and g.lower_ in ALLEGED for s in subjects for g in s.children)
    return any(
        c.dep_ == "relcl" and c.lemma_.lower() == "hold" and any(t.lower_ == "responsible" for t in c.subtree)
        for c in trigger.children
    )


def _hedged_doer(trigger: Token) -> bool:
    """A hedge on the doer: "kidnapped, apparently by ELN guerrillas", "presumably planted by
    rebels", "rebels reportedly attacked": a hedging adverb on the trigger verb (when it has a
    doer) or on its "by" phrase."""
    if trigger.pos_ != "VERB":
        return False
    agents = [c for c in trigger.children if c.dep_ == "agent"]
    doers = agents + [c for c in trigger.children if c.dep_ == "nsubj"]
    hedged = [trigger, *agents, *(o for a in agents for o in a.children if o.dep_ == "pobj")]
    return bool(doers) and any(c.dep_ == "advmod" and c.lower_ in HEDGES for h in hedged for c in h.children)


def _claimed_by(verb: Token) -> bool:
    """"The killing was claimed by a self-styled group": a claim with its claimant as agent."""
    return any(c.dep_ == "agent" for c in verb.children)


def _other_doer(trigger: Token, verb: Token) -> bool:
    """The admitted act has a doer of its own that is not the one admitting ("Cristiani admitted
    that members of the armed forces massacred ..."), unless it is written as the admitter's own
    ("its soldiers", "we", "our units")."""
    doer = next((c for c in trigger.children if c.dep_ in ("nsubj", "agent")), None)
    if doer is None:
        return False
    words = {t.lower_ for t in doer.subtree}
    if words & {"we", "our", "us", "its", "their", "they", "i", "my"}:
        return False
    admitter = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return admitter is None or admitter.lemma_.lower() not in {t.lemma_.lower() for t in doer.subtree}


def _habitual(trigger: Token) -> bool:
    verbs = [trigger, trigger.head] if trigger.pos_ != "VERB" and trigger.head.pos_ in ("VERB", "AUX") else [trigger]
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL for v in verbs for c in v.children)


def _nobody_did(verb: Token) -> bool:
    """The governor's subject is nobody: "no person or organization has claimed ..."."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    return subj.lower_ in ("nobody", "none", "noone") or any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children)


def _negated(trigger: Token) -> bool:
    verbs = [trigger]
    if trigger.head.pos_ in ("VERB", "AUX"):
        verbs.append(trigger.head)
    return any(c.dep_ == "neg" for v in verbs for c in v.children) or any(
        c.lower_ == "no" and c.dep_ == "det" for c in trigger.children
    )


def _mentions(tok: Token, *lemmas: str) -> bool:
    return any(t.lemma_.lower() in lemmas for t in tok.subtree)


def is_content(trigger: Token, *, own_type: str) -> bool:
    """True when the trigger is what somebody threatens or calls for, not an event."""
    if own_type in ("THREATEN", "REQUEST"):
        return False
    for g in governors(trigger):
        if g.lemma_.lower() in CONTENT_GOVERNORS:
            return True
        if g.lemma_.lower() in SPEECH_VERBS:
            return False
    return False


def is_depiction(trigger: Token) -> bool:
    """"footage of the Charlie Hebdo shootings": an event shown in media, not happening now."""
    if trigger.pos_ == "VERB":
        return False
    cur = trigger
    for _ in range(3):  # trigger <-pobj- of <-prep- footage (possibly through a conjunction)
        if cur.dep_ == "conj":
            cur = cur.head
            continue
        if cur.dep_ == "pobj" and cur.head.lower_ == "of":
            return cur.head.head.lemma_.lower() in DEPICTION_NOUNS
        return False
    return False


def attribution_of(trigger: Token, sent: Span) -> str | None:
    """Who says so: the subject of the speech verb governing the trigger, with its setting
    ("the coalition in a statement"), or the object of "according to"."""
    for g in [trigger, *governors(trigger)]:
        if g.lemma_.lower() in ATTRIBUTION_VERBS and g.pos_ == "VERB":
            subj = _subject(g) or _agent(g)
            if subj is None or subj.i in {t.i for t in trigger.subtree} or not _speaker(subj):
                continue
            text = _phrase(subj)
            setting = [
                c for c in g.children
                if c.dep_ == "prep" and c.lower_ in ("in", "on", "via") and c.i > subj.i
                and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children)
                and trigger.i not in {t.i for t in c.subtree}  # "implicated officers in the assassination"
            ]
            for prep in setting[:1]:  # "in a statement", without what hangs off it ("on Saturday")
                obj = next((o for o in prep.children if o.dep_ == "pobj"), prep)
                text = f"{text} {doc_text(prep.doc)[prep.idx: obj.idx + len(obj.text)]}"
            return text
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor(1).lower_ == "to":
            source = next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)
            if source is not None:
                return _head_phrase(source)
        if tok.lower_ in ("opinion", "view") and tok.i > sent.start and tok.nbor(-1).lower_ in ("the", "our", "their"):
            of = next((c for c in tok.children if c.lower_ == "of"), None)  # "in the opinion of the police"
            source = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if source is not None and _speaker(source):
                return _phrase(source)
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or its controller's ("Cristiani decided to admit that ...")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "xcomp":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subj


def _agent(verb: Token) -> Token | None:
    """The "by" object of a passive attribution verb ("was claimed by a self-styled group")."""
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


SPEAKER_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "president", "army",
    "police", "military", "government", "ministry", "statement", "communique", "report", "radio",
    "agency", "source", "witness", "resident", "commander", "officer", "leader", "group",
    "coalition", "authority", "people", "survivor", "doctor", "journalist", "newspaper",
    "television", "spokesmen", "governor", "mayor", "chief", "general", "colonel", "prosecutor",
    "investigator", "analyst", "expert", "monitor", "organization", "organisation", "ngo",
    "observatory", "command", "force", "troop", "rebel", "guerrilla", "militant", "movement",
    "press", "bulletin", "judge", "court", "brigade", "battalion", "front", "unit", "commando",
}


def _speaker(subj: Token) -> bool:
    """A person or institution that can be a source, not "an incident" or "it"."""
    if subj.pos_ == "PRON":
        return subj.lower_ in ("he", "she", "they", "we", "i")
    return subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or subj.lemma_.lower() in SPEAKER_NOUNS


def quote_of(trigger: Token, sent: Span) -> str | None:
    """The quoted text that carries the trigger, if the claim is a quotation."""
    at = trigger.idx - sent.start_char
    for m in QUOTE.finditer(sent.text):
        if m.start() <= at < m.end():
            return m.group(1).strip()
    return None


def is_generic(sent_text: str) -> bool:
    return bool(GENERIC.search(sent_text))


def _head_phrase(tok: Token) -> str:
    """The phrase of ``tok`` without a clause hanging off it ("a report from CEL, which stated
    that guerrillas blew up ..." -> "a report from CEL")."""
    clause = [t for t in tok.subtree if t.dep_ in ("relcl", "acl") and t.i > tok.i]
    if not clause:
        return _phrase(tok)
    end = min(c.left_edge.i for c in clause)
    while end > tok.i + 1 and tok.doc[end - 1].is_punct:
        end -= 1
    last = tok.doc[end - 1]
    return doc_text(tok.doc)[tok.left_edge.idx: last.idx + len(last.text)]


def _phrase(tok: Token) -> str:
    return doc_text(tok.doc)[tok.left_edge.idx: tok.right_edge.idx + len(tok.right_edge.text)]
