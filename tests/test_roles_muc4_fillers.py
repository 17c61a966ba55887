"""Actors and recipients users see (light verbs) and the MUC role fillers read from them: lists of
victims, collective perpetrators, vehicles and news sources that are no targets."""

from __future__ import annotations

import datetime as dt

from eventwire.evaluate import muc4
from eventwire.evaluate.muc4_roles import doc_context, of_alternatives, person_victims, targets_in
from eventwire.records import Actor, Article, ArticleResult, Sentence
from support import events_of, pipeline


def test_who_conducts_or_stages_an_attack_is_its_actor_not_the_adjective() -> None:
    text = "A group of subversives conducted an armed terrorist attack against General Enrique Lopez."
    (attack,) = [e for e in events_of(text) if e.type == "ASSAULT"]
    assert attack.actor is not None and "subversives" in attack.actor.text.lower()
    assert attack.recipient is not None and "Lopez" in attack.recipient.text
    staged = [e for e in events_of("The attack was staged by ten terrorists who used two cars.") if e.type == "ASSAULT"]
    assert staged and staged[0].actor is not None and "terrorists" in staged[0].actor.text


def test_adjective_still_names_the_actor_without_a_light_verb() -> None:
    events = events_of("The army repelled an FMLN attack on the bridge.")
    (attack,) = [e for e in events if e.evidence.trigger == "attack"]
    assert attack.actor is not None and attack.actor.actor_id == "FMLN"


def _message(text: str, names: tuple[str, ...]) -> ArticleResult:
    actors = tuple(Actor(name=n.title(), text=n, start=text.index(n), end=text.index(n) + len(n)) for n in names)
    art = Article(id="m", text=text, published=dt.date(1990, 1, 5))
    return ArticleResult(article=art, sentences=(Sentence(index=0, start=0, end=len(text), text=text),), actors=actors)


def _victims_of(text: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The named victims of a one-sentence message whose NER found ``names``."""
    return person_victims(doc_context(_message(text, names)), 0, len(text))


def test_every_name_of_a_victim_list_is_a_victim() -> None:
    text = ("WILLIAM TORRADO; GUSTAVO JACOME QUINTERO, THE DEPARTMENTAL SECRETARY; AND BODYGUARD "
            "JAIRO ORTEGA, WERE ALSO KILLED.")
    names = ("WILLIAM TORRADO", "GUSTAVO JACOME QUINTERO", "JAIRO ORTEGA")
    assert _victims_of(text, names) == names


def test_a_list_after_died_colon_is_victims_but_a_speaker_is_not() -> None:
    text = ("THE FOLLOWING POLICEMEN DIED IN COMBAT: MAJOR CARLOS FARFAN, CAPTAIN WALTER MOSCOSO "
            "AND CORPORAL LUIS CARDENAS. MINISTER JUAN PEREZ SAID THE TOWN WAS ATTACKED.")
    ctx = doc_context(_message(text, ("CARLOS FARFAN", "WALTER MOSCOSO", "LUIS CARDENAS", "JUAN PEREZ")))
    victims = person_victims(ctx, 0, len(text))
    assert victims == ("CARLOS FARFAN", "WALTER MOSCOSO", "LUIS CARDENAS")


def test_names_joined_by_a_verb_do_not_share_a_role() -> None:
    text = "PRESIDENT ALFREDO CRISTIANI CONDEMNED THE MURDER OF HECTOR OQUELI."
    assert _victims_of(text, ("ALFREDO CRISTIANI", "HECTOR OQUELI")) == ("HECTOR OQUELI",)


def test_a_collective_perpetrator_also_matches_what_it_is_made_of() -> None:
    assert of_alternatives("GROUP", "A GROUP OF HEAVILY ARMED MEN") == ("GROUP", "HEAVILY ARMED MEN")
    assert of_alternatives("PEASANTS", "50 PEASANTS OF VARIOUS AGES") == ("PEASANTS",)
    actor = Actor(name="armed men", text="A GROUP OF HEAVILY ARMED MEN", type="rebel group", start=0, end=28)
    ind, _ = muc4.perp_fillers(actor)
    assert [e.mentions for e in ind] == [("GROUP", "HEAVILY ARMED MEN")]


def test_getaway_cars_car_bombs_and_radio_stations_are_no_targets() -> None:
    assert targets_in("DYNAMITE STICKS WERE HURLED FROM A CAR AT THE EMBASSY.") == ("EMBASSY",)
    assert targets_in("A CAR BOMB EXPLODED IN FRONT OF THE BANK.") == ("BANK",)
    assert targets_in("A LOCAL RADIO STATION HAS REPORTED THAT REBELS BURNED A BUS.") == ("BUS",)
    assert "STORES" in targets_in("LAST NIGHT THERE WERE ATTACKS ON STORES AND ELECTRIC TOWERS.")


def test_perpetrators_are_whole_noun_phrases_and_never_the_subject_of_a_passive() -> None:
    from eventwire.evaluate.muc4_roles import perpetrators_in

    assert perpetrators_in("DURING THE NIGHT, GUERRILLA URBAN COMMANDOS BOMBED TWO POWER STATIONS.") == (
        "GUERRILLA URBAN COMMANDOS",)
    assert perpetrators_in("GUERRILLA FIGHTERS ATTACKED THE GARRISON.") == ("GUERRILLA FIGHTERS",)
    assert perpetrators_in("POLICE SOURCES SAID A GUERRILLA WAS KILLED AND TWO CIVILIANS WERE WOUNDED.") == ()
    assert perpetrators_in("FIVE SOLDIERS WERE KILLED BY REBELS.") == ("REBELS",)


def test_a_perpetrator_group_is_named_whole_with_its_collective_noun() -> None:
    from eventwire.evaluate.muc4_roles import perpetrators_in

    assert perpetrators_in("A FOUR-PERSON REBEL GROUP PLACED A POWERFUL BOMB INSIDE THE OFFICE.") == (
        "FOUR-PERSON REBEL GROUP",)
    assert perpetrators_in("THE ATTACK WAS PERPETRATED BY GUERRILLA URBAN COMMANDO UNITS.") == (
        "GUERRILLA URBAN COMMANDO UNITS",)
    assert perpetrators_in("GUERRILLAS ATTACKED THE GROUP OF SOLDIERS.") == ("GUERRILLAS",)


def test_the_police_as_a_body_are_no_individual_perpetrator() -> None:
    police = Actor("Police Forces", "POLICE", "state forces", None, 0, 6)
    assert muc4.perp_fillers(police) == ((), ())
    policemen = Actor("Police Forces", "POLICEMEN", "state forces", None, 0, 9)
    assert [e.mentions for e in muc4.perp_fillers(policemen)[0]] == [("POLICEMEN",)]


def test_victims_named_after_identified_as_or_killing_are_victims_even_unseen_by_ner() -> None:
    text = ("THE BODIES WERE FOUND ON A ROAD. THE VICTIMS WERE IDENTIFIED AS RAMON ANTONIO SUAREZ, "
            "TOMAS ELIAS BRAVO, AND TWO PEASANTS. A BOMB EXPLODED IN A MARKET, KILLING JULIA MENDEZ, 35; "
            "A MINOR KNOWN AS PEPE; AND LUCAS ORTIZ NAVARRO.")
    ctx = doc_context(_message(text, ()))  # the NER found no name at all
    victims = [v for s, e, _ in [(0, len(text), text)] for v in person_victims(ctx, s, e)]
    assert victims == ["RAMON ANTONIO SUAREZ", "TOMAS ELIAS BRAVO", "JULIA MENDEZ", "LUCAS ORTIZ NAVARRO"]


def test_a_person_in_apposition_to_kidnapped_is_a_victim_but_not_who_kidnapped_someone() -> None:
    text = "INDUSTRIALIST JORGE VELEZ, KIDNAPPED 11 DAYS AGO IN CALI, WAS RELEASED. PEDRO LUNA, KIDNAPPED THE MAYOR."
    assert _victims_of(text, ("JORGE VELEZ", "PEDRO LUNA")) == ("JORGE VELEZ",)


def test_doers_named_in_any_sentence_of_the_message_are_perpetrators() -> None:
    text = ("A BOMB EXPLODED AT THE TELEPHONE COMPANY OFFICE IN CALI TODAY. "
            "WITNESSES SAID THE BOMB WAS PLACED BY TWO YOUNG MEN RIDING A MOTORCYCLE.")
    result = muc4.templates_of(_pipeline_result(text))
    perps = [m for t in result for e in t.role("PerpInd") for m in e.mentions]
    assert any("MEN" in p for p in perps)


def _pipeline_result(text: str) -> ArticleResult:
    result = pipeline()(Article(id="m2", text=text, published=dt.date(1990, 1, 5)))
    assert isinstance(result, ArticleResult)
    return result


def test_objects_right_after_a_damage_verb_are_targets_anywhere_in_the_message() -> None:
    from eventwire.evaluate.muc4_roles import hit_objects

    assert hit_objects("REBELS DYNAMITED TWO POWER PYLONS AND AN ATTACK ON THE TELEPHONE COMPANY OFFICE FOLLOWED.") == (
        "POWER PYLONS", "TELEPHONE COMPANY OFFICE")
    assert hit_objects("THE CAR BOMB EXPLODED AT THE BANK BRANCH.") == ("BANK BRANCH",)
    assert hit_objects("THE MINISTER VISITED THE EMBASSY.") == ()


def test_weapons_of_any_incident_sentence_of_the_message_are_weapons() -> None:
    text = ("GUERRILLAS ATTACKED THE TOWN HALL IN SANTA ROSA, COLOMBIA, TODAY. "
            "THE ATTACKERS FIRED RIFLES AND HURLED GRENADES AT THE BUILDING. THE MAYOR CONDEMNED THE RIFLE CLUB.")
    weapons = [m for t in muc4.templates_of(_pipeline_result(text)) for e in t.role("Weapon") for m in e.mentions]
    assert "GRENADES" in weapons and "RIFLES" in weapons
    assert "RIFLE" not in weapons  # a sentence without an incident verb gives no weapon


def test_the_group_named_in_the_sentence_carries_every_form_the_message_writes_for_it() -> None:
    text = ("THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) SAID TODAY IT WILL KEEP FIGHTING. "
            "A BOMB DESTROYED THE ANTEL OFFICE IN SAN MIGUEL, EL SALVADOR, AND THE FARABUNDO MARTI "
            "NATIONAL LIBERATION FRONT WAS BLAMED FOR THE ATTACK.")
    orgs = [e.mentions for t in muc4.templates_of(_pipeline_result(text)) for e in t.role("PerpOrg")]
    assert orgs and all("FMLN" in m for m in orgs)


def test_victims_of_a_past_incident_named_in_passing_are_not_read_from_the_message() -> None:
    text = ("A BOMB EXPLODED TODAY AT A BANK IN SAN SALVADOR, EL SALVADOR, KILLING TWO GUARDS. "
            "THE ARCHBISHOP RECALLED THAT ARTURO MENESES WAS KILLED IN MARCH 1980 AND ASKED FOR PEACE.")
    victims = [m for t in muc4.templates_of(_pipeline_result(text)) for e in t.role("Victim") for m in e.mentions]
    assert not any("MENESES" in v for v in victims)


def test_a_template_without_a_place_takes_the_town_an_incident_sentence_names_before_the_dateline_city() -> None:
    text = ("SAN SALVADOR, 5 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE ARMED FORCES REPORTED TODAY THAT "
            "GUERRILLAS DYNAMITED A BRIDGE NEAR SOYAPANGO. THE MINISTER SPOKE IN SANTA ANA.")
    ctx = doc_context(_pipeline_result(text))
    assert muc4._incident_place(ctx, "SV")[0] == "SOYAPANGO"
    assert muc4._incident_place(ctx, "CO") == ()


def test_who_claims_an_incident_or_is_held_responsible_for_it_is_its_perpetrator() -> None:
    from eventwire.evaluate.muc4_roles import perpetrators_in

    claim = "REBELS OF THE NATIONAL FRONT (FN) HAVE CLAIMED CREDIT FOR THE BLAST, ACCORDING TO THE MAYOR."
    assert perpetrators_in(claim) == ("REBELS",)
    held = "NOBODY WAS HURT IN THE BLAST, FOR WHICH THE FN GUERRILLAS ARE BEING HELD RESPONSIBLE."
    assert perpetrators_in(held) == ("FN GUERRILLAS",)
    assert perpetrators_in("THE MAYOR BLAMED URBAN COMMANDOS FOR THE FIRE.")[0] == "URBAN COMMANDOS"
    assert perpetrators_in("THE MINISTER HELD A MEETING WITH THE GUERRILLAS ON TUESDAY.") == ()


def test_a_gun_model_and_its_noun_are_one_weapon_and_bullets_none() -> None:
    from eventwire.evaluate.muc4_roles import weapons_in

    assert weapons_in(["THEY WERE ARMED WITH M-16 RIFLES AND AK-47 RIFLES."]) == ("M-16 RIFLES", "AK-47 RIFLES")
    assert weapons_in(["THE CAR WAS RIDDLED WITH BULLETS."]) == ()


def test_victims_named_after_a_plural_murders_of_or_an_apposition() -> None:
    text = ("THE DELEGATE CONDEMNED THE MURDERS OF CARLOS VALENCIA GARCIA AND LUIS CARLOS GALAN. "
            "UNIDENTIFIED PERSONS KIDNAPPED A YOUNG COUPLE, SILVIA AZURDIA AND VICTOR RODRIGUEZ, AS THEY LEFT HOME.")
    names = ("CARLOS VALENCIA GARCIA", "LUIS CARLOS GALAN", "SILVIA AZURDIA", "VICTOR RODRIGUEZ")
    assert _victims_of(text, names) == names


def test_who_reports_a_kidnapping_after_a_comma_is_no_victim() -> None:
    text = "GUERRILLAS KIDNAPPED TWO ENGINEERS, ARMY SPOKESMAN JUAN PEREZ SAID."
    assert _victims_of(text, ("JUAN PEREZ",)) == ()


def test_people_being_held_hostage_are_victims_a_nationality_is_not() -> None:
    text = "COSTA RICAN AMBASSADOR JESUS FERNANDEZ AND TWO OTHER OFFICIALS ARE BEING HELD HOSTAGE BY THE GROUP."
    names = ("JESUS FERNANDEZ",)
    assert _victims_of(text, names) == names
    assert muc4.is_nationality("COSTA RICAN") and not muc4.is_nationality("COSTA RICAN AMBASSADOR")


def test_the_massacred_and_the_owner_of_an_attacked_home_are_victims() -> None:
    text = ("THE MASSACRE OF THE JESUIT PRIESTS IGNACIO ELLACURIA, SEGUNDO MONTES, AND AMANDO LOPEZ WAS "
            "PERPETRATED AT DAWN. GUERRILLAS ATTACKED THE RESIDENCE OF VICE PRESIDENT ROBERTO ANGULO.")
    names = ("IGNACIO ELLACURIA", "SEGUNDO MONTES", "AMANDO LOPEZ", "ROBERTO ANGULO")
    assert _victims_of(text, names) == names
    visit = "THE MINISTER MET THE PRESS AT THE RESIDENCE OF AMBASSADOR JOHN SMITH."
    ctx = doc_context(_message(visit, ("JOHN SMITH",)))
    assert person_victims(ctx, 0, len(visit)) == ()


def test_a_list_of_named_suspects_is_read_across_a_sentence_end() -> None:
    from eventwire.evaluate.muc4_roles import listed_suspects

    text = ("THE POLICE SHOWED VIDEO CLIPS OF FIVE MEN SUSPECTED OF KILLING SENATOR LUIS CARLOS GALAN. "
            "THEIR NAMES ARE ARMANDO BERNAL ACOSTA, NORBERTO MURILLO, AND LUIS HASBUN.")
    assert listed_suspects(text) == ("ARMANDO BERNAL ACOSTA", "NORBERTO MURILLO", "LUIS HASBUN")
    identified = "THEY OFFERED MONEY FOR THE RELEASE OF THE SUSPECTS, WHO WERE IDENTIFIED AS ALBERTO JUBIS AND PEDRO ZAMBRANO."
    assert listed_suspects(identified) == ("ALBERTO JUBIS", "PEDRO ZAMBRANO")
    assert listed_suspects("THE VICTIMS WERE IDENTIFIED AS JUAN PEREZ AND LUIS GOMEZ.") == ()
    arrested = "THE ARRESTED MEN HAVE BEEN IDENTIFIED AS DIEGO OROZCO, 23; AND ERNESTO GONZALEZ, ALSO 23."
    assert listed_suspects(arrested)[:1] == ("DIEGO OROZCO",)
    colon = "POLICE ARRESTED TWO MEN SUSPECTED OF KILLING THE JUDGE: ALVARO DELGADO AND JORGE CANAVERAL."
    assert listed_suspects(colon) == ("ALVARO DELGADO", "JORGE CANAVERAL")


def test_a_ministry_that_speaks_and_a_house_someone_was_leaving_are_no_targets() -> None:
    assert targets_in("THE DEFENSE MINISTRY IN BOGOTA CONFIRMED THAT A BOMB EXPLODED AT A BANK.") == ("BANK",)
    assert targets_in("HE WAS SHOT AS HE WAS LEAVING HIS RESIDENCE IN THE SOUTHERN SUBURBS.") == ()
    assert targets_in("THE CAR BOMB WAS LEFT UNDER THE BRIDGE WHERE IT EXPLODED.") == ("BRIDGE",)
    assert targets_in("GUERRILLAS ATTACKED THE TOWN HALL AND TWO BROTHELS.") == ("TOWN HALL", "BROTHELS")


def test_objects_before_and_passive_subjects_and_denied_doers_are_no_perpetrators() -> None:
    from eventwire.evaluate.muc4_roles import perpetrators_in

    assert perpetrators_in("ON EL CARMEN HILL WE KILLED 15 SOLDIERS AND WOUNDED 30.") == ()
    assert perpetrators_in("TWO SOLDIERS WERE ALSO WOUNDED.") == ()
    assert perpetrators_in("IT WAS NOT THE WORK OF LEFTIST GUERRILLAS.") == ()
    assert perpetrators_in("URBAN GUERRILLAS ATTACKED THE POST.") == ("URBAN GUERRILLAS",)
    long_way = "THEY CONDEMNED THE MURDER OF THE MINISTER AND TWO OF HIS BODYGUARDS PERPETRATED BY PRESUMED GUERRILLAS."
    assert perpetrators_in(long_way) == ("GUERRILLAS",)
    assert perpetrators_in("THE DYNAMITE CHARGE WAS PLACED BY A YOUNG MAN WHO LEFT IN A PICKUP.") == ("YOUNG MAN",)


def test_navy_and_national_guard_posts_are_combatants_a_bank_is_not() -> None:
    from eventwire.evaluate.muc4_roles import only_combatants
    from eventwire.evaluate.muc4_score import Entity

    assert only_combatants([Entity(("NAVY HEADQUARTERS",)), Entity(("NATIONAL GUARD POST",))])
    assert not only_combatants([Entity(("NAVY HEADQUARTERS",)), Entity(("BANK",))])


def test_people_involved_or_implicated_in_a_massacre_are_perpetrators() -> None:
    from eventwire.evaluate.muc4_roles import perpetrators_in

    said = ("CRISTIANI ANNOUNCED THAT A COLONEL, TWO LIEUTENANTS, AND TWO SOLDIERS WERE INVOLVED IN THE "
            "MASSACRE OF THE JESUITS.")
    assert set(perpetrators_in(said)) >= {"COLONEL", "LIEUTENANTS", "SOLDIERS"}
    assert "CRISTIANI" not in " ".join(perpetrators_in(said))
    implicated = "THE PRESIDENT IMPLICATED FOUR OFFICERS, INCLUDING ONE COLONEL, IN THE ASSASSINATION OF SIX PRIESTS."
    assert set(perpetrators_in(implicated)) >= {"OFFICERS", "COLONEL"}


def test_an_object_word_that_names_a_person_or_a_title_is_no_target() -> None:
    assert targets_in("GUERRILLAS KILLED PRESIDENCY MINISTER ANTONIO RODRIGUEZ PORTH.") == ()
    assert targets_in("THE ASSASSINATION OF ANTONIO RODRIGUEZ PORTH, MINISTER OF THE PRESIDENCY, SHOCKED EVERYONE.") == ()
    assert targets_in("TWO BUS DRIVERS AND THREE EMBASSY OFFICIALS WERE WOUNDED.") == ()
    assert targets_in("REBELS ATTACK POLLING STATIONS IN THE NORTH.") == ("POLLING STATIONS",)
    assert targets_in("TERRORISTS DYNAMITED THE PRESIDENCY AND A BUS.") == ("PRESIDENCY", "BUS")


def test_every_item_of_a_list_of_people_killed_is_a_victim() -> None:
    from eventwire.evaluate.muc4_roles import listed_victims, victims_in

    murdered = "THE MURDER OF DR TEOFILO FORERO CASTRO, HIS WIFE, AND TWO OTHER PEOPLE WHO WERE ACCOMPANYING THEM."
    assert victims_in(murdered) == ("DR TEOFILO FORERO CASTRO", "WIFE", "PEOPLE")
    assert victims_in("GUERRILLAS KILLED THE MAYOR, HIS DRIVER AND TWO BODYGUARDS ON THE ROAD.") == ("MAYOR", "DRIVER", "BODYGUARDS")
    # the list ends where a clause begins: the speaker is no victim
    assert victims_in("GUERRILLAS KILLED THE MAYOR, POLICE SOURCES SAID TODAY.") == ("MAYOR",)
    kidnapped = ("THOSE WHO WERE KIDNAPPED ARE JOSE MARIA MARTINEZ, 55, FROM SPAIN; ROBERTO LIZARDI, 52, "
                 "FROM FRANCE; AND LUIS ROSSI, 35, FROM ITALY.")
    assert listed_victims(kidnapped) == ("JOSE MARIA MARTINEZ", "ROBERTO LIZARDI", "LUIS ROSSI")
    names = "THE NAMES OF THE FOUR PEOPLE KILLED ARE OMAYRA CASTRO REYES, FRANCI ELENA SARMIENTO, AND ELSA PRADO CUERVO."
    assert listed_victims(names) == ("OMAYRA CASTRO REYES", "FRANCI ELENA SARMIENTO", "ELSA PRADO CUERVO")


def test_hostages_set_free_were_the_victims() -> None:
    text = ("ENGINEERS AUGUSTO CARNEIRO MOREIRA AND JOSE ROBERTO REIS WERE RELEASED TODAY BY THE GUERRILLAS "
            "WHO KIDNAPPED THEM.")
    names = ("AUGUSTO CARNEIRO MOREIRA", "JOSE ROBERTO REIS")
    assert _victims_of(text, names) == names


def test_a_target_is_named_with_whose_or_what_it_is() -> None:
    burned = "TERRORISTS BURNED THE OFFICES OF THE TELECOMMUNICATIONS ENTERPRISE, THE AGRARIAN BANK, AND THE NATIONAL BANK."
    assert targets_in(burned) == ("OFFICES OF THE TELECOMMUNICATIONS ENTERPRISE", "AGRARIAN BANK", "NATIONAL BANK")
    hq = "A BOMB EXPLODED AT THE HEADQUARTERS OF THE SALVADORAN WORKERS NATIONAL UNION FEDERATION IN SAN SALVADOR."
    assert targets_in(hq) == ("HEADQUARTERS OF THE SALVADORAN WORKERS NATIONAL UNION FEDERATION",)
    assert targets_in("THEY DYNAMITED THE HOUSE OF 50 SQUARE METERS.") == ("HOUSE",)


def test_people_found_dead_and_whose_bodies_were_found_are_victims() -> None:
    text = ("MAYOR JUAN PEREZ WAS FOUND DEAD ON A ROAD NEAR THE TOWN. "
            "THE BODIES OF LUIS GOMEZ AND PEDRO DIAZ WERE FOUND IN A DITCH.")
    names = ("JUAN PEREZ", "LUIS GOMEZ", "PEDRO DIAZ")
    assert _victims_of(text, names) == names


def test_people_hurt_by_an_ing_clause_or_left_dead_and_both_of_two_subjects_are_victims() -> None:
    from eventwire.evaluate.muc4_roles import victims_in

    assert victims_in("THE AIR FORCE BOMBED THE VILLAGE, KILLING TWO PEASANTS.") == ("PEASANTS",)
    assert victims_in("THEY PLACED A CAR BOMB NEAR THE PHONE COMPANY, INJURING FIVE PEDESTRIANS AND CAUSING DAMAGE.") == ("PEDESTRIANS",)
    assert victims_in("A MAN KILLED 1 PERSON AND WOUNDED 13 OTHERS WITH A MACHINEGUN AT THE AIRPORT.") == ("PERSON",)  # no MACHINEGUN
    assert victims_in("THE KILLING OF THE JESUITS WAS CONDEMNED.") == ("JESUITS",)
    assert victims_in("A BOMB ATTACK THAT LEFT FOUR CHILDREN INJURED ON 26 JULY.") == ("CHILDREN",)
    assert set(victims_in("FEDERICO PAQUILLAUVI AND CIRILO QUISPE WERE WOUNDED ACCORDING TO THE SOURCES.")) == {
        "FEDERICO PAQUILLAUVI", "CIRILO QUISPE"}
    assert victims_in("THE GUERRILLAS ATTACKED THE TOWN AND FIVE PEOPLE WERE KILLED.") == ("PEOPLE",)  # the town is an object
