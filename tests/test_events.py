"""Event coding on short hand-written texts, through the real pipeline (spaCy + gazetteer)."""

from __future__ import annotations

from eventwire.records import Event
from support import events_of


def only(events: tuple[Event, ...], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.evidence.trigger) for e in events]
    return found[0]


def test_direction_is_kept_in_active_and_passive_voice() -> None:
    active = only(events_of("Houthi rebels attacked a Saudi border post in Jazan on Monday."), "ASSAULT")
    assert active.actor.name == "Houthis"
    passive = only(events_of("A Saudi border post was attacked by Houthi rebels in Jazan on Monday."), "ASSAULT")
    assert passive.actor.name == "Houthis"
    assert "border post" in passive.recipient.name


def test_negated_and_hypothetical_statuses() -> None:
    negated = only(events_of("Turkish troops did not attack the village of Tal Abyad on Monday."), "ASSAULT")
    assert negated.status == "negated"
    hypothetical = only(events_of("Russian forces could attack Kharkiv within days, officials said."), "ASSAULT")
    assert hypothetical.status == "hypothetical"


def test_a_murder_after_which_something_may_have_happened_did_happen() -> None:
    text = ("Officials were alerted to the possibility that drug barons may have fled to Venezuela "
            "following the murder of Luis Carlos Galan on Friday.")
    murder = only(events_of(text), "ASSAULT")
    assert murder.status == "occurred"
    assert only(events_of("The army may respond with air strikes."), "ASSAULT").status == "hypothetical"


def test_machinegunned_in_capitals_is_an_attack() -> None:
    text = ("BOGOTA, 18 AUG 89 -- [TEXT] THE SENATOR DIED TONIGHT. GALAN, 46, WAS MACHINEGUNNED TOGETHER WITH "
            "FIVE OTHER PERSONS WHO WERE WOUNDED WHEN HE WAS ABOUT TO DELIVER A SPEECH TONIGHT IN SOACHA, NEAR BOGOTA.")
    attack = only(events_of(text, "1989-08-18"), "ASSAULT")
    assert attack.mode == "firearms" and attack.evidence.trigger == "MACHINEGUNNED" and attack.status == "occurred"


def test_planned_and_suspected() -> None:
    planned = only(events_of("Police said al-Shabaab was planning to bomb a hotel in Mogadishu."), "ASSAULT")
    assert planned.status == "planned"
    suspected = only(events_of("Boko Haram is the prime suspect in the bombing of a market in Maiduguri on Friday."), "ASSAULT")
    assert suspected.status == "suspected"
    assert suspected.actor.name == "Boko Haram"


def test_footage_of_an_old_attack_is_not_an_event() -> None:
    events = events_of("The Isis video combined footage of the Paris shootings with a threat against France.")
    assert not [e for e in events if e.type == "ASSAULT"]


def test_content_of_a_threat_is_not_an_attack() -> None:
    events = events_of("Al-Shabaab has threatened to launch attacks in Nairobi.")
    assert [e.type for e in events] == ["THREATEN"]
    assert events[0].location is None


def test_toll_and_participle_join_the_attack() -> None:
    (event,) = events_of("A car bomb exploded at a checkpoint in Mogadishu on Sunday, killing 12 people and wounding 20.")
    assert event.mode == "explosives"
    assert (event.fatalities, event.injuries) == (12, 20)
    assert event.location.country == "SO"


def test_victims_of_died_are_recipients_not_actors() -> None:
    event = only(events_of("At least 21 passengers died in the attack on the train near Quetta."), "ASSAULT")
    assert event.actor is None or event.actor.type != "civilians"
    assert event.fatalities == 21


def test_weapons_are_not_recipients() -> None:
    event = only(events_of("Houthi rebels fired two missiles at a commercial vessel in the Red Sea on Wednesday."), "ASSAULT")
    assert event.mode == "heavy-weapons"
    assert "vessel" in event.recipient.name


def test_attribution_and_quote() -> None:
    text = "“Our units recaptured the town of Bakhmut,” said the Wagner Group in a statement on Saturday."
    event = only(events_of(text), "COERCE")
    assert event.attribution == "the Wagner Group in a statement"
    assert event.quote is not None and "recaptured" in event.quote


def test_no_event_without_trigger_and_no_invented_toll() -> None:
    assert events_of("The weather in Baghdad was sunny and markets were busy on Monday.") == ()
    event = only(events_of("Protesters marched through Nairobi on Tuesday."), "PROTEST")
    assert event.fatalities is None and event.injuries is None


def test_dates_without_publication_date_are_not_guessed() -> None:
    event = only(events_of("Gunmen attacked a police station in Kano on Tuesday.", published=None), "ASSAULT")
    assert event.date is None or event.date.value is None


def test_a_date_in_a_clause_about_something_else_does_not_date_the_event() -> None:
    """A year that says when a government took office is not when the judge was shot; a clause
    that says when the attack took place dates it and what it did."""
    shot = only(events_of("Ortega, a judge appointed under a government which took office in 2010, "
                          "was shot dead by gunmen in Cali."), "ASSAULT")
    assert shot.date is not None and shot.date.value == "2015-11-12"  # the publication date, not 2010
    arrived = only(events_of("Rebels who arrived in the town on Sunday attacked the police station."), "ASSAULT")
    assert arrived.date is not None and arrived.date.value == "2015-11-12"
    bombing = only(events_of("The bombing, which happened on Monday, killed two farmers near Cali."), "ASSAULT")
    assert bombing.date is not None and bombing.date.value == "2015-11-09"
    judge = only(events_of("Gunmen shot dead Luis Ortega, a judge who was appointed in 2009, in Cali on Tuesday."), "ASSAULT")
    assert judge.date is not None and judge.date.value == "2015-11-10"


def test_evidence_points_into_the_article() -> None:
    text = "Preamble sentence here. Gunmen attacked a police station in Kano on Tuesday."
    event = only(events_of(text), "ASSAULT")
    ev = event.evidence
    assert text[ev.start:ev.end] == ev.sentence
    assert text[ev.trigger_start:ev.trigger_end] == "attacked"
    assert ev.sentence_index == 1


def test_capitals_and_country_names_act_for_their_governments() -> None:
    event = only(events_of("Berlin rejected recent calls by Belarus's rulers for economic aid.", published="2000-01-01"), "REJECT")
    assert (event.actor.name, event.recipient.name) == ("Germany", "Belarus")
    demand = only(events_of("The PRC on Tuesday demanded that the US cancel the arms sale.", published="2000-01-01"), "REQUEST")
    assert (demand.actor.name, demand.recipient.name) == ("China", "United States")


def test_intent_to_cooperate_is_agree_and_announced_coercion_is_threaten() -> None:
    agree = events_of("Portugal will support Turkey's efforts to join the European Union.", published="2000-01-01")
    assert [e.type for e in agree] == ["AGREE"]
    threat = events_of("The United States would prohibit all aid to the rebels, officials said.", published="2000-01-01")
    assert [e.type for e in threat] == ["THREATEN"]


def test_a_bomb_placed_or_planted_is_an_attack_on_what_it_was_placed_under() -> None:
    placed = only(events_of("The terrorists placed a charge of dynamite under a bus carrying fishermen."), "ASSAULT")
    assert placed.mode == "explosives" and placed.actor is not None and "terrorists" in placed.actor.text
    assert placed.recipient is not None and "bus" in placed.recipient.text
    passive = only(events_of("A bomb was planted at the bank."), "ASSAULT")
    assert passive.mode == "explosives" and passive.recipient is not None and "bank" in passive.recipient.text
    under = only(events_of("A bomb had been planted and detonated last Wednesday under a bus carrying crew members."), "ASSAULT")
    assert under.recipient is not None and "bus" in under.recipient.text
    assert [e.type for e in events_of("Police placed the opposition leader under house arrest.")] == ["COERCE"]


def test_what_a_bomb_destroyed_is_a_bombing_not_a_plain_destruction() -> None:
    (event,) = events_of("Police said the car bomb that destroyed a bank branch in Lima was planted by Shining Path terrorists.")
    assert event.type == "ASSAULT" and event.mode == "explosives"
    assert event.actor is not None and event.actor.name == "Shining Path" and "bank branch" in event.recipient.text


def test_a_year_in_an_apposition_about_the_victim_does_not_date_the_killing() -> None:
    killed = only(events_of("Gunmen killed Pablo Ortega, the mayor of Cali since 2010, in Cali."), "ASSAULT")
    assert killed.date is not None and killed.date.value == "2015-11-12"
