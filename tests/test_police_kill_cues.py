"""Police killings told through the operation they happened in (real pipeline, hand-written sentences):
"killed in firing by the police", "shot dead in an encounter with the police", "the firing by the
police", and "killed in the firing" after the story has said who fired."""

from __future__ import annotations

from eventwire.records import Event
from support import events_of


def assaults(text: str) -> list[Event]:
    return [e for e in events_of(text) if e.type == "ASSAULT"]


def by_police(event: Event) -> bool:
    return event.actor is not None and "police" in (event.actor.text or "").lower()


def test_killed_in_firing_by_the_police_is_a_police_killing() -> None:
    events = assaults("Officials said nine people have been killed in firing by the police in Baroda since Monday.")
    killing = next(e for e in events if by_police(e))
    assert killing.fatalities == 9
    assert killing.status == "occurred"


def test_shot_dead_in_an_encounter_with_the_police_is_done_by_the_police() -> None:
    events = assaults("A wanted gangster was shot dead in an encounter with the police near Rajkot.")
    assert any(by_police(e) and e.recipient is not None and "gangster" in e.recipient.text for e in events)


def test_the_other_side_of_an_encounter_is_the_killer() -> None:
    events = assaults("A constable was killed in an encounter with armed robbers on the highway.")
    assert events and not any(by_police(e) for e in events)


def test_firing_by_the_police_names_the_police_as_who_fired() -> None:
    events = assaults("Three men died after the firing by the police on the crowd in Anand.")
    (firing,) = events
    assert by_police(firing)
    assert firing.fatalities == 3


def test_killed_in_the_firing_refers_to_the_firing_just_told() -> None:
    text = ("The police fired twenty rounds to disperse a mob at the vegetable market in Nadiad. "
            "A vendor was killed in the firing.")
    events = assaults(text)
    killing = next(e for e in events if "vendor" in (e.recipient.text if e.recipient else ""))
    assert by_police(killing)


def test_killed_in_the_firing_with_nothing_before_has_no_actor() -> None:
    (killing,) = assaults("A vendor was killed in the firing at the market in Nadiad.")
    assert killing.actor is None
