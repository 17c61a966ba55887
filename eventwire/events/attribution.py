"""What kind of source an event's attribution is: an authority or somebody else.

An event's ``attribution`` is the phrase the text cites for it ("police said", "according to
COPREFA", "the rebels blamed ..."). For a reader weighing a suspicion the first question is whether
the suspicion comes from the state — the government, the army, the police, a ministry, a judge, a
military spokesman — or from anyone else (a rebel group, the press, witnesses, a union):

>>> source_kind("a spokesman for the army press committee")
'authority'
>>> source_kind("a Farabundo Marti National Liberation Front spokesman")
'other'
>>> source_kind(None) is None
True

A phrase that names an armed non-state group or one of its members is never an authority, even
when it holds an authority word ("a spokesman for the guerrilla command", "the FMLN general
command"); a phrase naming a state body or officeholder is.
"""

from __future__ import annotations

import re

from ..records import Actor

AUTHORITY = re.compile(
    r"\b(police\w*|army|armed\s+forces|military|government|minist\w+|president|presidency|"
    r"authorit\w*|officials?|official\s+sources?|judge|judicial|court|tribunal|brigade|battalion|"
    r"colonel|general|commander|officers?|prosecutor|attorney\s+general|spokesm[ae]n|coprefa|das|"
    r"dincote|security\s+forces|security\s+department|garrison|national\s+guard|mayor|governor|"
    r"embassy|state\s+department|interior|defense|cabinet|congress|senate|senator|ambassador|"
    r"chancellery|foreign\s+ministry|navy|air\s+force|intelligence|investigators?|"
    r"communiqu\w+\s+(?:of|from|by)\s+the\s+(?:armed|army|interior|defense|government))\b",
    re.I,
)
NONSTATE = re.compile(
    r"\b(rebels?|guerrill\w*|insurgen\w*|subversives?|terrorists?|militants?|fmln|farabundo|eln|"
    r"farc|epl|m-19|mrta|shining\s+path|sendero|tupac\s+amaru|cinchonero|morazanist|"
    r"liberation\s+(?:front|army|movement)|radio\s+venceremos|radio\s+farabundo|clandestine|"
    r"front|cartel|extraditables|death\s+squads?|unions?|confederation|party|opposition|church)\b",
    re.I,
)


def source_kind(source: str | None) -> str | None:
    """``'authority'`` when the source is a state body or officeholder, ``'other'`` for any other
    source, ``None`` when there is none."""
    if source is None or not source.strip():
        return None
    if NONSTATE.search(source):
        return "other"
    return "authority" if AUTHORITY.search(source) else "other"


def is_authority(source: str | None) -> bool:
    return source_kind(source) == "authority"


REBEL_OUTLETS = re.compile(r"\b(radio\s+venceremos|radio\s+farabundo\s+marti|clandestine)\b", re.I)
STATE_FORCES = re.compile(r"\b(army|armed\s+forces|military|air\s+force|navy|police|national\s+guard)\b", re.I)
NONSTATE_TYPES = frozenset({"rebel group", "political militia", "identity militia", "terrorist group"})
CLAUSE = re.compile(r",?\s+(?:which|who|that|whose)\b", re.I)
GENERIC_WORDS = frozenset({"the", "a", "an", "its", "their", "group", "groups", "members", "member", "forces", "units", "unit",
                           "commandos", "guerrillas", "troops", "fighters", "men"})


def self_reported(actor: Actor | None, source: str | None, sentence: str = "") -> bool:
    """The source is the doer's own side, so the report is the doer's claim: the source names the
    actor ("the FMLN general command said FMLN units attacked ..."), a rebel group's own radio
    speaks of rebels ("Radio Venceremos reported that the rebels destroyed ..."), or a military or
    police source speaks of state forces ("an army spokesman said an air force member fired ...").

    Only the source's own words count (not a relative clause hanging off it), and when the
    ``sentence`` is given the actor must be written outside the source too: a speaker taken for
    the doer ("the FMLN reports the following about the attack") is no claim."""
    if actor is None or not source:
        return False
    source = CLAUSE.split(source)[0]
    for name in (actor.name, actor.text):
        words = [w for w in re.findall(r"[\w'-]+", name.lower()) if w not in GENERIC_WORDS]
        if not words or len(" ".join(words)) < 3:
            continue
        pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", re.I)
        if pattern.search(source) and (not sentence or len(pattern.findall(sentence)) > len(pattern.findall(source))):
            return True
    if actor.type in NONSTATE_TYPES:
        return bool(REBEL_OUTLETS.search(source))
    if actor.type == "state forces" or STATE_FORCES.search(actor.text):
        return source_kind(source) == "authority" and bool(STATE_FORCES.search(source))
    return False
