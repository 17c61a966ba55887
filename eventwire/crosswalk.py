"""Crosswalk from PLOVER type + mode + status (+ actor types) to ACLED and CAMEO.

The one table, read top to bottom; the first matching row wins.

| PLOVER type / mode                   | condition                                  | ACLED event type / sub-event type                       | CAMEO |
|--------------------------------------|--------------------------------------------|----------------------------------------------------------|-------|
| ASSAULT (any)                        | status planned or attempted                | Strategic developments / Disrupted weapons use           | 18/19 |
| ASSAULT (any)                        | status negated, denied, hypothetical, threatened | none (not coded)                                   | -     |
| ASSAULT aerial, drone                |                                            | Explosions/Remote violence / Air/drone strike            | 19    |
| ASSAULT suicide-attack               |                                            | Explosions/Remote violence / Suicide bomb                | 18    |
| ASSAULT heavy-weapons                |                                            | Explosions/Remote violence / Shelling/artillery/missile attack | 19 |
| ASSAULT other modes                  | state forces against protesters            | Protests / Excessive force against protesters            | 18    |
| ASSAULT explosives                   | trigger mentions grenade                   | Explosions/Remote violence / Grenade                     | 18    |
| ASSAULT explosives                   |                                            | Explosions/Remote violence / Remote explosive/landmine/IED | 18  |
| ASSAULT unconventional               |                                            | Explosions/Remote violence / Chemical weapon             | 20    |
| ASSAULT abduct                       |                                            | Violence against civilians / Abduction/forced disappearance | 18 |
| ASSAULT sexual                       |                                            | Violence against civilians / Sexual violence             | 18    |
| ASSAULT crowd-control                |                                            | Protests / Excessive force against protesters            | 17    |
| ASSAULT destroy                      |                                            | Strategic developments / Looting/property destruction    | 18    |
| ASSAULT other modes                  | recipient is civilians                     | Violence against civilians / Attack                      | 18    |
| ASSAULT other modes                  | otherwise                                  | Battles / Armed clash                                    | 19    |
| COERCE seize                         | weapons seized (recipient names weapons)   | Strategic developments / Disrupted weapons use           | 17    |
| COERCE seize                         | other things seized (non-actor recipient)  | Strategic developments / Looting/property destruction    | 17    |
| COERCE seize                         | actor is state forces or government        | Battles / Government regains territory                   | 19    |
| COERCE seize                         | otherwise                                  | Battles / Non-state actor overtakes territory            | 19    |
| COERCE arrest                        |                                            | Strategic developments / Arrests                         | 17    |
| COERCE other                         |                                            | Strategic developments / Other                           | 17    |
| PROTEST riot                         |                                            | Riots / Violent demonstration                            | 14    |
| PROTEST other                        |                                            | Protests / Peaceful protest                              | 14    |
| AGREE, RETREAT ceasefire             |                                            | Strategic developments / Agreement                       | 05/08 |
| RETREAT withdraw                     |                                            | Strategic developments / Non-violent transfer of territory | 08  |
| THREATEN, MOBILIZE, RETREAT other    |                                            | Strategic developments / Other                           | 13/15/08 |
| CONSULT, SUPPORT, ACCUSE, REJECT, REQUEST, AID, COOPERATE, SANCTION, CONCEDE | | none (ACLED does not code them)              | see CAMEO_ROOT |
"""

from __future__ import annotations

from typing import Any

from .records import Event

CAMEO_ROOT: dict[str, str] = {
    "REQUEST": "02", "AGREE": "05", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06",
    "AID": "07", "CONCEDE": "08", "RETREAT": "08", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "18",
}
FIGHT_MODES = {"aerial", "drone", "heavy-weapons", "seize"}
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"
ASSAULT_MODES: dict[str, tuple[str, str]] = {
    "aerial": (EXPLOSIONS, "Air/drone strike"),
    "drone": (EXPLOSIONS, "Air/drone strike"),
    "suicide-attack": (EXPLOSIONS, "Suicide bomb"),
    "unconventional": (EXPLOSIONS, "Chemical weapon"),
    "abduct": (VAC, "Abduction/forced disappearance"),
    "sexual": (VAC, "Sexual violence"),
    "crowd-control": ("Protests", "Excessive force against protesters"),
    "destroy": (STRATEGIC, "Looting/property destruction"),
}
STATE_TYPES = {"state forces", "government"}


def acled_type(event: Event) -> tuple[str, str] | None:
    """ACLED (event type, sub-event type) for an event report, or None when ACLED would not code it."""
    kind, mode, status = event.type, event.mode, event.status
    if kind == "ASSAULT":
        return _assault(event)
    if kind == "COERCE":
        if mode == "seize" and _seized_things(event):
            return STRATEGIC, ("Disrupted weapons use" if _weapons(event) else "Looting/property destruction")
        if mode == "seize":
            actor_type = event.actor.type if event.actor else None
            sub = "Government regains territory" if actor_type in STATE_TYPES else "Non-state actor overtakes territory"
            return ("Battles", sub) if status == "occurred" else (STRATEGIC, "Other")
        return (STRATEGIC, "Arrests") if mode == "arrest" else (STRATEGIC, "Other")
    if kind == "PROTEST":
        return ("Riots", "Violent demonstration") if mode == "riot" else ("Protests", "Peaceful protest")
    if kind == "AGREE" or (kind == "RETREAT" and mode == "ceasefire"):
        return STRATEGIC, "Agreement"
    if kind == "RETREAT" and mode == "withdraw":
        return STRATEGIC, "Non-violent transfer of territory"
    if kind in ("THREATEN", "MOBILIZE", "RETREAT"):
        return STRATEGIC, "Other"
    return None


def _assault(event: Event) -> tuple[str, str] | None:
    if event.status in ("planned", "attempted"):
        return STRATEGIC, "Disrupted weapons use"
    if event.status in ("negated", "denied", "hypothetical", "threatened"):
        return None
    mode = event.mode or ""
    if mode in ASSAULT_MODES:
        return ASSAULT_MODES[mode]
    if mode == "heavy-weapons":
        return EXPLOSIONS, "Shelling/artillery/missile attack"
    if event.recipient is not None and event.recipient.type == "protesters" and event.actor is not None and event.actor.type == "state forces":
        return "Protests", "Excessive force against protesters"
    trigger = event.evidence.trigger.lower()
    if mode == "explosives":
        if "grenade" in trigger or "grenade" in event.evidence.sentence.lower():
            return EXPLOSIONS, "Grenade"
        return EXPLOSIONS, "Remote explosive/landmine/IED"
    if event.recipient is not None and event.recipient.type == "civilians":
        return VAC, "Attack"
    return "Battles", "Armed clash"


WEAPON_WORDS = ("weapon", "rifle", "gun", "ammunition", "explosive", "arms", "grenade", "bomb", "mine", "rocket", "missile", "dynamite")


def _seized_things(event: Event) -> bool:
    """"seized an M-16 rifle": things, not territory (territory has no recipient or an armed one)."""
    r = event.recipient
    return r is not None and r.actor_id is None and r.type == "other" and not r.name.startswith(("Unidentified", "Military", "Police"))


def _weapons(event: Event) -> bool:
    name = event.recipient.name.lower() if event.recipient else ""
    return any(w in name for w in WEAPON_WORDS)


def cameo_root(event: Event) -> str:
    if event.type == "ASSAULT":
        if event.mode == "unconventional":
            return "20"
        if event.mode in FIGHT_MODES or (event.recipient is not None and event.recipient.type in STATE_TYPES | {"rebel group", "terrorist group", "political militia", "identity militia"} and event.actor is not None and event.actor.type in STATE_TYPES | {"international"}):
            return "19"
        return "18"
    if event.type == "COERCE" and event.mode == "seize":
        return "19"
    return CAMEO_ROOT[event.type]


def crosswalk(event: Event) -> dict[str, Any]:
    """Fields to set on an Event: ``acled_event_type``, ``acled_sub_event_type``, ``cameo_root``."""
    acled = acled_type(event)
    return {
        "acled_event_type": acled[0] if acled else None,
        "acled_sub_event_type": acled[1] if acled else None,
        "cameo_root": cameo_root(event),
    }
