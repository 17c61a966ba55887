"""Who vouches for an event: claims, suspicions, their sources, and how MUC-4 confidence reads them."""

from __future__ import annotations

from eventwire.evaluate.muc4 import confidence_of
from eventwire.evaluate.muc4_roles import confidence_for
from eventwire.events.attribution import self_reported, source_kind
from eventwire.records import Actor, Event
from support import events_of


def assault(text: str) -> Event:
    found = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert len(found) == 1, [(e.type, e.evidence.trigger) for e in events_of(text)]
    return found[0]


def test_state_sources_are_authorities_and_group_speakers_are_not() -> None:
    assert source_kind("a spokesman for the army press committee") == "authority"
    assert source_kind("the Callao police") == "authority"
    assert source_kind("Sources in the 13th Brigade") == "authority"
    assert source_kind("an FMLN spokesman") == "other"
    assert source_kind("The rebels") == "other"
    assert source_kind("the Peruvian press") == "other"
    assert source_kind(None) is None


def test_a_passive_claim_is_a_claim_and_names_the_claimant() -> None:
    event = assault("The killing of the two missionaries was claimed by a group calling itself the Zarate Willka Armed Forces.")
    assert event.status == "claimed"
    assert event.attribution is not None and "Zarate Willka" in event.attribution
    assert confidence_of(event) == "CLAIMED OR ADMITTED"


def test_a_hedge_on_the_doer_makes_the_event_suspected() -> None:
    event = assault("The mayor was kidnapped on 5 January, apparently by ELN guerrillas.")
    assert event.status == "suspected"
    plain = assault("The mayor was kidnapped on 5 January by ELN guerrillas.")
    assert plain.status == "occurred"


def test_who_accuses_decides_whether_the_suspicion_is_the_authorities() -> None:
    official = assault("President Cristiani implicated four officers in the assassination of six Jesuit priests.")
    assert official.status == "suspected"
    assert official.attribution == "President Cristiani"
    assert confidence_of(official) == "SUSPECTED OR ACCUSED BY AUTHORITIES"
    rebels = assault("The rebels blamed the government for the murder of 10 union members.")
    assert rebels.status == "suspected"
    assert confidence_of(rebels) == "SUSPECTED OR ACCUSED"


def test_an_admission_for_somebody_else_is_no_claim() -> None:
    other = assault("President Cristiani decided to publicly admit that members of the armed forces massacred six Jesuit priests.")
    assert other.status == "suspected"
    assert confidence_of(other) == "SUSPECTED OR ACCUSED BY AUTHORITIES"
    own = assault("The army admitted that its soldiers killed two reporters.")
    assert own.status == "claimed"


def test_the_doers_own_side_reporting_it_is_a_claim_in_muc_terms() -> None:
    event = assault("Radio Venceremos reported that the rebels destroyed the municipal office in El Congo.")
    assert event.status == "occurred"  # the event record keeps what the text says and who says it
    assert event.attribution == "Radio Venceremos"
    assert confidence_of(event) == "CLAIMED OR ADMITTED"
    rebels = Actor(name="Farabundo Marti National Liberation Front", text="FMLN units", type="rebel group", actor_id="FMLN")
    assert self_reported(rebels, "the FMLN general command", "The FMLN general command said FMLN units attacked a post.")
    # the speaker mistaken for the doer is no claim: the group is written only as the source
    assert not self_reported(rebels, "the FMLN", "Concerning the attack, the FMLN reports the following.")
    police = Actor(name="police", text="police sources", type="state forces")
    assert not self_reported(rebels, "police sources", "Police sources said FMLN units attacked a post.")
    assert not self_reported(police, None)


def test_an_opinion_names_its_source() -> None:
    event = assault("In the opinion of the Callao police, the rebels attacked the bus.")
    assert event.attribution == "the Callao police"


def test_message_cues_who_accuses_and_what_a_hedge_is_about() -> None:
    rebels = ["THE REBELS BLAMED THE GOVERNMENT AND THE ARMED FORCES FOR THE MURDER OF 10 UNION MEMBERS."]
    assert confidence_for(rebels, ["GOVERNMENT"]) == "SUSPECTED OR ACCUSED"
    opinion = ["IN THE OPINION OF THE CALLAO POLICE, THE EXPLOSION WAS ORGANIZED BY THE SENDERO LUMINOSO."]
    assert confidence_for(opinion, ["SENDERO LUMINOSO"]) == "SUSPECTED OR ACCUSED BY AUTHORITIES"
    purpose = ["THE TERRORISTS FORCED THE PEASANTS OUT, PRESUMABLY TO INCORPORATE THEM INTO THEIR GROUPS."]
    assert confidence_for(purpose) == "REPORTED AS FACT"
    assert confidence_for(["THE GUERRILLAS, PRESUMABLY OF THE ELN, KILLED TWO GUARDS."]) == "SUSPECTED OR ACCUSED"
    own = ["THE ELN KIDNAPPED OLSON.", "THE ELN, HOWEVER, ACCUSED HIM OF BEING A CIA AGENT."]
    assert confidence_for(own, ["ELN"]) == "REPORTED AS FACT"
    claimed = ["THREE STUDENTS WERE CHARGED WITH THE KILLING.", "THE KILLING WAS CLAIMED BY A SELF-STYLED GROUP."]
    assert confidence_for(claimed) == "CLAIMED OR ADMITTED"
    road = ["THE BRIDGE LINKING THE CAPITAL WITH THE NORTHERN PROVINCES WAS BLOWN UP BY THE FN."]
    assert confidence_for(road, ["FN"]) == "REPORTED AS FACT"  # a road links places, nobody to a crime
    linked = ["THE POLICE LINKED THE BOMBING TO THE FN."]
    assert confidence_for(linked, ["FN"]).startswith("SUSPECTED OR ACCUSED")


def test_a_hedge_suspects_the_doer_only_in_a_sentence_about_an_incident() -> None:
    arrested = ["DURING A PRESS CONFERENCE THE POLICE PRESENTED 27 ALLEGED SHINING PATH MEMBERS CAPTURED IN ICA."]
    assert confidence_for(arrested, ["SHINING PATH"]) == "REPORTED AS FACT"
    dialogue = ["THE FMLN HAS SHOWN ITS GOODWILL TO CREATE THE CONDITIONS FOR A SERIOUS AND RESPONSIBLE DIALOGUE."]
    assert confidence_for(dialogue, ["FMLN"]) == "REPORTED AS FACT"
    assert confidence_for(["IT IS PRESUMED THAT THIS ACTION INVOLVED URBAN COMMANDOS OF THE FMLN."], ["FMLN"]) == "SUSPECTED OR ACCUSED"
    assert confidence_for(["ELN GUERRILLAS APPARENTLY BLEW UP A POWER TOWER."], ["ELN"]) == "SUSPECTED OR ACCUSED"
    assert confidence_for(["DO YOU BELIEVE THAT POLITICAL GROUP IS RESPONSIBLE?"]) == "SUSPECTED OR ACCUSED"
