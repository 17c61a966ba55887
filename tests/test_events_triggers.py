"""Trigger and frame decisions of the event coder on hand-written sentences (real pipeline)."""

from __future__ import annotations

from eventwire.records import Event
from support import events_of


def of_type(events: tuple[Event, ...], type_: str) -> list[Event]:
    return [e for e in events if e.type == type_]


def test_headline_participle_names_victims_not_killers() -> None:
    (event,) = of_type(events_of("Three soldiers and two civilians also killed near the border post."), "ASSAULT")
    assert event.actor is None
    assert event.recipient is not None and "soldiers" in event.recipient.text


def test_beaten_participle_is_done_to_its_subject() -> None:
    events = events_of("The constables, beaten black and blue by the mob, withdrew from the square in Surat.")
    for event in of_type(events, "ASSAULT"):
        assert event.actor is None or "constables" not in event.actor.text.lower()


def test_killing_in_a_relative_clause_under_a_demand_is_an_event() -> None:
    events = events_of("The union demanded action against the policemen who shot dead a farmer in Nadia on Sunday.")
    (attack,) = of_type(events, "ASSAULT")
    assert attack.actor is not None and "police" in attack.actor.text.lower()
    assert attack.status == "occurred"


def test_attempt_to_murder_charge_is_not_committed_by_the_police() -> None:
    events = events_of("The rural police have named twelve party workers under charges of attempt to murder and arson.")
    for event in of_type(events, "ASSAULT"):
        assert event.actor is None or "police" not in event.actor.text.lower()


def test_perished_in_police_firing_is_a_police_killing_of_one() -> None:
    events = events_of("A woman was burnt alive and a young man perished in police firing in Godhra on Friday.")
    firing = [e for e in of_type(events, "ASSAULT") if e.mode == "firearms"]
    assert len(firing) == 1
    assert firing[0].actor is not None and "police" in firing[0].actor.text.lower()
    assert firing[0].fatalities == 1
    burning = [e for e in of_type(events, "ASSAULT") if e.mode == "destroy"]
    assert burning and burning[0].actor is None  # the firing's actor does not spill onto the burning


def test_operation_names_the_force() -> None:
    events = events_of("Twelve tear gas shells were lobbed during the police action in Vadodara on Monday.")
    assaults = of_type(events, "ASSAULT")
    assert assaults and all(e.actor is not None and "police" in e.actor.text.lower() for e in assaults)
    assert any(e.mode == "crowd-control" for e in assaults)


def test_police_modifier_makes_sentries_the_police() -> None:
    events = events_of("Police sentries posted at the gate killed one of the intruders on the spot in Jammu.")
    (attack,) = of_type(events, "ASSAULT")
    assert attack.actor is not None and attack.actor.type == "state forces"


def test_codebook_verbs_for_diplomacy_and_protest() -> None:
    assert of_type(events_of("Striking farmers blocked the national highway near Nashik on Tuesday."), "PROTEST")
    assert of_type(events_of("Israeli officials shared intelligence with Jordan about the smuggling network."), "COOPERATE")
    assert of_type(events_of("The rebels dismissed an appeal from the president to lay down their arms."), "REJECT")


def test_invasions_negotiations_alerts_and_inquiries_are_coded() -> None:
    invasion = of_type(events_of("Iraq launched an invasion of Kuwait in August."), "ASSAULT")
    assert invasion and invasion[0].actor is not None and "Iraq" in invasion[0].actor.text
    assert of_type(events_of("Ethiopia and Eritrea resumed negotiations on the border dispute in Geneva."), "CONSULT")
    assert of_type(events_of("The army placed its troops on high alert after the rocket attack."), "MOBILIZE")
    assert of_type(events_of("The court opened an inquiry into the deaths of three protesters."), "ACCUSE")


def test_codebook_verbs_of_diplomacy_and_politics_start_their_events() -> None:
    cases = {
        "The rebels laid down their arms on Sunday.": "RETREAT",
        "Government troops pulled back from the border town.": "RETREAT",
        "The militia handed over its weapons to the peacekeepers.": "RETREAT",
        "The prime minister slammed the opposition over the delay.": "ACCUSE",
        "The rebels reached a deal with the government on Monday.": "AGREE",
        "Canada broke off diplomatic relations with Iran.": "SANCTION",
        "The United States cut off military aid to Egypt.": "SANCTION",
        "Mexico recalled its ambassador from Bolivia.": "SANCTION",
        "The European Union imposed an arms embargo on Belarus.": "SANCTION",  # PLOVER manual 3.13 (CAMEO2PLOVER: COERCE)
        "Ecuador granted asylum to the former minister.": "AID",  # CAMEO 075 -> AID asylum
        "The government accepted the demands of the strikers.": "CONCEDE",
        "The United States recognized the new government.": "SUPPORT",
        "Russia massed troops along the Ukrainian border.": "MOBILIZE",
        "The government halted negotiations with the rebels on Friday.": "SANCTION",
        "Police tightened security around the embassy.": "MOBILIZE",
    }
    for text, kind in cases.items():
        events = events_of(text)
        first = min(events, key=lambda e: e.evidence.trigger_start, default=None)
        assert first is not None and first.type == kind, (text, first)


def test_an_unnamed_body_can_act_and_be_acted_upon() -> None:
    appeal = [e for e in events_of("The opposition called for new elections.") if e.type == "REQUEST"]
    assert appeal and appeal[0].actor is not None and appeal[0].actor.text == "The opposition"
    threat = [e for e in events_of("The union threatened to strike if wages were not raised.") if e.type == "THREATEN"]
    assert threat and threat[0].actor is not None and threat[0].actor.text == "The union"


def _first(text: str):  # type: ignore[no-untyped-def]
    return min(events_of(text), key=lambda e: e.evidence.trigger_start, default=None)


def test_the_plover_manual_decides_type_from_object_negation_and_tense() -> None:
    """Own sentences for the manual's rules (PLOVER_MANUAL.pdf, chapter 3)."""
    cases = {
        "Kenya will not accept any new refugees from Somalia, the minister said.": ("REJECT", None),  # 3.10
        "Israel and Syria failed to reach agreement on the border dispute.": ("REJECT", None),
        "Ghana expelled three Nigerian diplomats for spying.": ("SANCTION", "expel"),  # 3.13
        "Police expelled the protesters from the square.": ("COERCE", "deport"),  # individuals: 3.15
        "The United Nations will withdraw its observers from the region unless the fighting stops.": ("THREATEN", None),
        "The rebels said they would boycott the elections.": ("THREATEN", "restrict"),  # 3.11
        "Canada imposed sanctions on Russia.": ("SANCTION", "discontinue"),  # 3.13.3
        "The junta lifted the curfew in the capital on Sunday.": ("CONCEDE", None),  # 3.4
        "Indian and American warships began joint naval exercises in the Bay of Bengal.": ("COOPERATE", None),  # 3.14
        "China held military exercises near Taiwan.": ("MOBILIZE", "troops"),
        "The president pardoned 200 prisoners.": ("CONCEDE", None),  # 3.3
        "Soldiers rescued 12 hostages from the rebel camp.": ("AID", None),  # 3.6
        "The foreign ministry summoned the Israeli ambassador.": ("ACCUSE", "disapprove"),  # 3.9
        "The government allowed UN inspectors to enter the site.": ("RETREAT", "access"),  # 3.7
        "Hackers linked to Russia hacked into the email accounts of German lawmakers.": ("COERCE", "cyber"),
        "The militia hacked three villagers to death with machetes.": ("ASSAULT", "primitive"),
        "Israel said it will release 100 Palestinian prisoners.": ("AGREE", None),  # intent, as the gold records code it
        "Serbia lodged an official protest with Albania on Monday.": ("ACCUSE", "disapprove"),  # 3.9
        "The Russian army prepared to attack the city on Monday.": ("MOBILIZE", "troops"),  # 3.14
        "Ukrainian forces captured 20 Russian soldiers near Kharkiv.": ("ASSAULT", "abduct"),  # 3.15
        "Police freed 10 kidnapped workers in an operation on Monday.": ("AID", None),  # 3.6
        "The rebels freed 10 hostages on Monday.": ("RETREAT", "release"),
        "Iran cancelled a visit by the French foreign minister.": ("REJECT", "meet"),  # 3.13
        "The union dropped its demand for a pay rise.": ("CONCEDE", None),  # 3.8
        "Qatar launched a mediation effort between Egypt and Sudan on Saturday.": ("CONSULT", None),
        "Syria ended its mediation efforts between the rival militias.": ("SANCTION", "withdraw"),  # CAMEO 165
    }
    for text, (kind, mode) in cases.items():
        first = _first(text)
        assert first is not None and (first.type, first.mode) == (kind, mode), (text, first and (first.type, first.mode))
    assert [e.type for e in events_of("The junta lifted the curfew in the capital on Sunday.")] == ["CONCEDE"]
    protest = events_of("Serbia lodged an official protest with Albania on Monday.")
    assert [e.type for e in protest] == ["ACCUSE"] and protest[0].recipient is not None and protest[0].recipient.name == "Albania"


def test_saying_that_somebody_must_act_is_a_demand_on_them() -> None:
    demand = _first("Germany said on Monday that Iran must free the detained sailors.")
    assert demand is not None and demand.type == "REQUEST"
    assert demand.actor is not None and demand.actor.name == "Germany"
    assert demand.recipient is not None and demand.recipient.name == "Iran"
    told = _first("The opposition leader told reporters the president must resign before the elections.")
    assert told is not None and told.type == "REQUEST" and told.recipient is not None and told.recipient.text == "the president"



CODEBOOK_SENTENCES = [  # own sentences, one or more per PLOVER category (manual ch. 3)
    ("Pakistan offered to mediate between Iran and Saudi Arabia.", "AGREE"),
    ("Both sides pledged to respect the ceasefire.", "AGREE"),
    ("The president invited the Chinese leader for a state visit.", "AGREE"),
    ("Turkey and Greece agreed to resume talks next month.", "AGREE"),
    ("The prime minister met the Indian ambassador on Tuesday.", "CONSULT"),
    ("The foreign minister met his Chinese counterpart in Beijing.", "CONSULT"),
    ("The Secretary of State arrived in Cairo for talks with Egyptian officials.", "CONSULT"),
    ("Putin spoke by telephone with Erdogan about Syria.", "CONSULT"),
    ("The French president visited Algeria on Monday.", "CONSULT"),
    ("Germany praised Poland for its handling of the crisis.", "SUPPORT"),
    ("The African Union endorsed the peace plan.", "SUPPORT"),
    ("Egypt and Israel signed a peace treaty in Washington.", "SUPPORT"),
    ("Bolivia restored diplomatic relations with Chile.", "SUPPORT"),
    ("The government released 50 political prisoners on Friday.", "RETREAT"),
    ("The rebels handed over their weapons to UN peacekeepers.", "RETREAT"),
    ("The defence minister resigned after the scandal.", "RETREAT"),
    ("Russian troops withdrew from the town of Kherson.", "RETREAT"),
    ("Japan sent 500 tons of rice to North Korea.", "AID"),
    ("The World Bank approved a $200 million loan to Kenya.", "AID"),
    ("The United States provided military aid to Ukraine.", "AID"),
    ("France and Germany agreed to share intelligence on terrorism.", "AGREE"),
    ("Spain extradited the suspect to Argentina.", "COOPERATE"),
    ("The two countries held joint military exercises in the Black Sea.", "COOPERATE"),
    ("The opposition demanded the resignation of the prime minister.", "REQUEST"),
    ("The UN called on Myanmar to release the detained journalists.", "REQUEST"),
    ("Iran urged the United States to lift sanctions.", "REQUEST"),
    ("Human rights groups appealed for the release of the activists.", "REQUEST"),
    ("Serbia accused Kosovo of violating the agreement.", "ACCUSE"),
    ("The ministry condemned the attack on the embassy.", "ACCUSE"),
    ("Prosecutors charged the former president with corruption.", "ACCUSE"),
    ("Police are investigating the death of the journalist.", "ACCUSE"),
    ("The family sued the government over the killing.", "ACCUSE"),
    ("Israel rejected the ceasefire proposal.", "REJECT"),
    ("The president vetoed the bill on Thursday.", "REJECT"),
    ("Hamas refused to release the hostages.", "REJECT"),
    ("North Korea threatened to attack South Korea.", "THREATEN"),
    ("Russia warned NATO against deploying troops in Ukraine.", "THREATEN"),
    ("The rebels gave the government an ultimatum to release their leader.", "THREATEN"),
    ("Thousands of people demonstrated in Paris against the pension reform.", "PROTEST"),
    ("Workers went on strike at the port of Antwerp.", "PROTEST"),
    ("Prisoners began a hunger strike on Monday.", "PROTEST"),
    ("Rioters set fire to cars in the suburbs.", "PROTEST"),
    ("Protesters blocked the main road to the airport.", "PROTEST"),
    ("Ecuador expelled the Mexican ambassador.", "SANCTION"),
    ("The United States suspended military aid to Egypt.", "SANCTION"),
    ("The court convicted the former minister of fraud.", "SANCTION"),
    ("Russia broke off diplomatic relations with Georgia.", "SANCTION"),
    ("China deployed warships near the disputed islands.", "MOBILIZE"),
    ("India massed troops along the border with Pakistan.", "MOBILIZE"),
    ("Police arrested 20 protesters in the capital.", "COERCE"),
    ("The government imposed a curfew in the city.", "COERCE"),
    ("Authorities declared a state of emergency in the region.", "COERCE"),
    ("The government banned the opposition newspaper.", "COERCE"),
    ("Turkey deported 30 Syrian refugees.", "COERCE"),
    ("The government shut down the internet in the region.", "COERCE"),
    ("Gunmen killed five villagers on Sunday.", "ASSAULT"),
    ("A suicide bomber blew himself up at a checkpoint.", "ASSAULT"),
    ("Israeli aircraft bombed targets in Gaza.", "ASSAULT"),
    ("Troops fired tear gas at the demonstrators.", "ASSAULT"),
    ("Rebels kidnapped two aid workers.", "ASSAULT"),
    ("Fighting between the army and rebels killed 12 people.", "ASSAULT"),
    ("The militia shelled the town overnight.", "ASSAULT"),
    ("Sudan and South Sudan signed an agreement on oil exports.", "SUPPORT"),
    ("The government announced it would hold talks with the rebels next week.", "AGREE"),
    ("Venezuela expressed willingness to negotiate with the opposition.", "AGREE"),
    ("The two leaders held talks in Beijing on Wednesday.", "CONSULT"),
    ("A delegation from Hamas visited Cairo.", "CONSULT"),
    ("Talks between Ethiopia and Egypt took place in Washington.", "CONSULT"),
    ("Norway hosted negotiations between the Colombian government and the FARC.", "CONSULT"),
    ("The UN Security Council welcomed the agreement between the two sides.", "SUPPORT"),
    ("Brazil recognized Palestine as an independent state.", "SUPPORT"),
    ("The president apologized for the massacre.", "CONCEDE"),
    ("Authorities lifted the ban on opposition rallies.", "CONCEDE"),
    ("The government granted amnesty to 300 rebels.", "CONCEDE"),
    ("Russia and China agreed to boost trade.", "AGREE"),
    ("India and Japan signed a deal to cooperate on defense.", "SUPPORT"),
    ("Colombia handed over the suspect to US authorities.", "COOPERATE"),
    ("The European Union gave 10 million euros in aid to Syrian refugees.", "AID"),
    ("Saudi Arabia donated $100 million to the relief effort.", "AID"),
    ("Rebels released three kidnapped journalists.", "RETREAT"),
    ("Government forces pulled out of the northern province.", "RETREAT"),
    ("The militia disarmed under the peace deal.", "RETREAT"),
    ("The army observed a ceasefire on Sunday.", "RETREAT"),
    ("The opposition asked the court to annul the election results.", "REQUEST"),
    ("Amnesty International called for an investigation into the killings.", "REQUEST"),
    ("Kenya requested military assistance from Britain.", "REQUEST"),
    ("China criticized the United States over its arms sales to Taiwan.", "ACCUSE"),
    ("The opposition blamed the government for the violence.", "ACCUSE"),
    ("The UN launched an inquiry into the attack on the convoy.", "ACCUSE"),
    ("Human rights groups denounced the arrests.", "ACCUSE"),
    ("Iran denied the allegations.", "REJECT"),
    ("The rebels rejected the government's offer of talks.", "REJECT"),
    ("The government turned down the request for asylum.", "REJECT"),
    ("Turkey threatened to close its border with Iraq.", "THREATEN"),
    ("The militants warned that they would kill the hostages.", "THREATEN"),
    ("Hundreds of students marched through the capital.", "PROTEST"),
    ("Farmers staged a sit-in outside parliament.", "PROTEST"),
    ("Opposition supporters rallied in the city center.", "PROTEST"),
    ("Teachers walked out of schools across the country.", "PROTEST"),
    ("The United States imposed an embargo on Cuba.", "SANCTION"),
    ("Morocco recalled its ambassador to Algeria.", "SANCTION"),
    ("The European Union froze the assets of 20 officials.", "SANCTION"),
    ("Germany cut off development aid to Niger.", "SANCTION"),
    ("Iran put its armed forces on alert.", "MOBILIZE"),
    ("Russia deployed troops to the border.", "MOBILIZE"),
    ("Police were deployed across the city ahead of the protests.", "MOBILIZE"),
    ("Soldiers detained 15 suspected militants.", "COERCE"),
    ("Police confiscated weapons from the villagers.", "COERCE"),
    ("The government closed three newspapers.", "COERCE"),
    ("Police dispersed the demonstrators with tear gas.", "ASSAULT"),
    ("Authorities placed the opposition leader under house arrest.", "COERCE"),
    ("Militants attacked a police station in the north.", "ASSAULT"),
    ("An explosion killed 20 people at a market.", "ASSAULT"),
    ("Security forces shot dead three protesters.", "ASSAULT"),
    ("The air force carried out strikes on rebel positions.", "ASSAULT"),
    ("Gunmen abducted a businessman from his home.", "ASSAULT"),
    ("Troops clashed with insurgents near the border.", "ASSAULT"),
    ("The police tortured the detainees.", "ASSAULT"),
    ("Iran warned it would close the Strait of Hormuz if attacked.", "THREATEN"),
    ("The guerrillas vowed to continue their armed struggle.", "THREATEN"),
    ("Pyongyang threatened retaliation against Seoul.", "THREATEN"),
    ("The union threatened a general strike.", "THREATEN"),
    ("Washington warned of serious consequences if Moscow invaded.", "THREATEN"),
    ("The rebels said they would kill the hostages unless their demands were met.", "THREATEN"),
    ("Hezbollah issued a warning to Israel.", "THREATEN"),
    ("The army threatened to arrest opposition leaders.", "THREATEN"),
    ("The United States cut diplomatic ties with Venezuela.", "SANCTION"),
    ("Britain downgraded relations with Iran.", "SANCTION"),
    ("The IMF suspended its loan program for Zimbabwe.", "SANCTION"),
    ("The United Nations withdrew its peacekeepers from Somalia.", "SANCTION"),
    ("The EU banned imports of Russian oil.", "SANCTION"),
    ("Saudi Arabia severed ties with Qatar.", "SANCTION"),
    ("The rebels pulled back their fighters from the front line.", "RETREAT"),
    ("Israel returned the bodies of two soldiers to Lebanon.", "RETREAT"),
    ("The kidnappers freed the engineer on Tuesday.", "RETREAT"),
    ("The minister stepped down on Monday.", "RETREAT"),
    ("The two sides exchanged prisoners.", "RETREAT"),
    ("The opposition accused the president of corruption.", "ACCUSE"),
    ("Amnesty International criticized the use of force against protesters.", "ACCUSE"),
    ("The foreign ministry protested the killing of its diplomat.", "ACCUSE"),
    ("Kenya blamed al-Shabaab for the attack.", "ACCUSE"),
    ("A UN commission is investigating the massacre.", "ACCUSE"),
    ("The army sent reinforcements to the northern border.", "MOBILIZE"),
    ("Venezuela mobilized its troops along the Colombian border.", "MOBILIZE"),
    ("North Korea tested a ballistic missile on Sunday.", "MOBILIZE"),
    ("The navy dispatched two frigates to the Gulf.", "MOBILIZE"),
    ("Police seized 200 kilograms of cocaine.", "COERCE"),
    ("The authorities expelled two foreign journalists.", "COERCE"),
    ("Security forces cordoned off the area.", "COERCE"),
    ("Soldiers searched homes in the village.", "COERCE"),
    ("The government censored the newspapers.", "COERCE"),
    ("Police detained the opposition leader at his home.", "COERCE"),
    ("Gunmen opened fire on a bus, killing 12.", "ASSAULT"),
    ("A roadside bomb exploded near a military convoy.", "ASSAULT"),
    ("Rebels ambushed an army patrol.", "ASSAULT"),
    ("The militants beheaded a hostage.", "ASSAULT"),
    ("Police beat the demonstrators with batons.", "ASSAULT"),
    ("Artillery pounded rebel positions overnight.", "ASSAULT"),
    ("Talks were held in Geneva between Russian and American officials.", "CONSULT"),
    ("The agreement was signed by Ethiopia and Eritrea in Algiers.", "SUPPORT"),
    ("Ten journalists were arrested by police in Istanbul.", "COERCE"),
    ("The arrest of the opposition leader sparked protests.", "COERCE"),
    ("A ceasefire was declared by the rebels on Sunday.", "RETREAT"),
    ("The embassy was attacked by a mob.", "ASSAULT"),
    ("Sanctions were imposed on North Korea by the Security Council.", "SANCTION"),
    ("Japan pledged $500 million in aid to Ukraine.", "AGREE"),
    ("Iraq agreed to allow UN inspectors back into the country.", "AGREE"),
    ("Egypt will host peace talks between Israel and Hamas next week.", "AGREE"),
    ("The president congratulated the new prime minister on his victory.", "SUPPORT"),
    ("France voiced support for the Iraqi government.", "SUPPORT"),
    ("The council approved the peace deal.", "SUPPORT"),
    ("Germany offered humanitarian assistance to Turkey after the earthquake.", "AGREE"),
    ("Qatar is mediating between Israel and Hamas.", "CONSULT"),
    ("The two presidents discussed trade and security.", "CONSULT"),
    ("Russia and Turkey will cooperate on energy projects.", "AGREE"),
    ("The militia released 20 child soldiers.", "RETREAT"),
    ("The rebels surrendered their weapons.", "RETREAT"),
    ("The government called for calm after the riots.", "REQUEST"),
    ("The family asked for the return of the body.", "REQUEST"),
    ("The opposition urged voters to boycott the election.", "REQUEST"),
    ("Human rights groups accused the army of torture.", "ACCUSE"),
    ("The president condemned the bombing as a cowardly act.", "ACCUSE"),
    ("The government rejected calls for an international inquiry.", "REJECT"),
    ("China vetoed the resolution on Syria.", "REJECT"),
    ("The rebels refused to attend the talks.", "REJECT"),
    ("Students occupied the university campus.", "PROTEST"),
    ("Truck drivers blockaded the motorway.", "PROTEST"),
    ("Police fired rubber bullets at protesters.", "ASSAULT"),
    ("Soldiers opened fire on a crowd of demonstrators.", "ASSAULT"),
    ("A car bomb killed four soldiers in Baghdad.", "ASSAULT"),
    ("Two people were stabbed to death in the market.", "ASSAULT"),
    ("Rebels shot down a military helicopter.", "ASSAULT"),
    ("Militants stormed a hotel in the capital.", "ASSAULT"),
    ("The army arrested dozens of suspected rebels.", "COERCE"),
    ("The government declared a curfew after the clashes.", "COERCE"),
    ("Police raided the home of the opposition leader.", "COERCE"),
]


def test_a_sentence_for_each_codebook_category_gets_its_type() -> None:
    wrong = []
    for text, kind in CODEBOOK_SENTENCES:
        first = _first(text)
        if first is None or first.type != kind:
            wrong.append((text, kind, first and first.type))
    assert not wrong, wrong


def test_sending_peacekeepers_is_aid_not_mobilization() -> None:
    """CAMEO 074 'provide military protection or peacekeeping' is PLOVER AID; other troops still mobilize."""
    from support import events_of

    (sent,) = [e for e in events_of("Kenya sent peacekeeping troops to Somalia on Monday.") if e.type in ("AID", "MOBILIZE")]
    assert (sent.type, sent.mode, sent.actor.text) == ("AID", "peacekeeping", "Kenya")
    (nato,) = [e for e in events_of("The first deployment of NATO peacekeeping troops has arrived in Bosnia.") if e.type in ("AID", "MOBILIZE")]
    assert nato.type == "AID" and nato.actor is not None and nato.actor.text == "NATO"
    (troops,) = [e for e in events_of("Russia deployed troops to the border on Monday.") if e.type in ("AID", "MOBILIZE")]
    assert troops.type == "MOBILIZE"


def test_a_violent_verb_modifying_a_noun_for_acts_names_those_acts() -> None:
    from support import events_of

    (caps,) = [e for e in events_of("THE ARMY REPORTED THAT THE FMLN CONTINUED ITS SABOTAGING ACTIONS AGAINST THE "
                                    "COUNTRY'S ECONOMIC STRUCTURE WITH EXPLOSIVE CHARGES.") if e.type == "ASSAULT"]
    assert caps.mode == "destroy" and caps.actor is not None and caps.actor.text == "FMLN"
    assert caps.recipient is not None and "ECONOMIC STRUCTURE" in caps.recipient.text
    (lower,) = [e for e in events_of("The rebels continued their sabotaging actions against power lines.") if e.type == "ASSAULT"]
    assert lower.actor is not None and lower.actor.text == "rebels" and lower.recipient.text == "power lines"
