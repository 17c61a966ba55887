"""Finding and resolving place mentions."""

from __future__ import annotations

import pytest

from eventwire.gazetteer import Gazetteer
from eventwire.mentions.places import find_places
from eventwire.records import Mention


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def ents_for(text: str, *spans: tuple[str, str]) -> tuple[Mention, ...]:
    """Hand-made spaCy-like entities: (surface, label), first occurrence of each."""
    out = []
    for surface, label in spans:
        start = text.index(surface)
        out.append(Mention("place" if label in ("GPE", "LOC", "FAC") else "actor", surface, start,
                           start + len(surface), label=label))
    return tuple(out)


def by_text(places: tuple) -> dict:
    return {p.text: p for p in places}


def test_sinai_resolves_to_egypt_not_ecuador(gaz: Gazetteer) -> None:
    text = "The airliner crashed in Sinai on 31 October."
    places = by_text(find_places(text, ents_for(text, ("Sinai", "GPE")), gaz))
    assert places["Sinai"].country == "EG"
    assert places["Sinai"].precision == "region"


def test_x_comma_y_is_found_without_ner_and_contained(gaz: Gazetteer) -> None:
    text = "Fighters advanced on Sinjar, Iraq, while others massed near Kantyshevo, south-west Russia."
    places = by_text(find_places(text, (), gaz))
    assert places["Sinjar"].country == "IQ"
    assert places["Iraq"].precision == "country"
    assert places["Kantyshevo"].country == "RU"
    assert "Russia" in places


def test_kremlin_and_demonyms_are_not_places(gaz: Gazetteer) -> None:
    text = "The Kremlin will be ours, the Turkish spokesman said in Ankara."
    ents = ents_for(text, ("Kremlin", "FAC"), ("Turkish", "NORP"), ("Ankara", "GPE"))
    places = by_text(find_places(text, ents, gaz))
    assert "Kremlin" not in places and "Turkish" not in places
    assert places["Ankara"].country == "TR"


def test_capital_as_speaker_is_an_actor(gaz: Gazetteer) -> None:
    text = "Washington said the talks would resume in Geneva."
    places = by_text(find_places(text, ents_for(text, ("Washington", "GPE"), ("Geneva", "GPE")), gaz))
    assert "Washington" not in places and places["Geneva"].country == "CH"


def test_demonyms_only_on_request(gaz: Gazetteer) -> None:
    text = "Egyptian police arrested two men."
    ents = ents_for(text, ("Egyptian", "NORP"))
    assert find_places(text, ents, gaz) == ()
    (place,) = find_places(text, ents, gaz, include_demonyms=True)
    assert place.country == "EG" and place.precision == "country"


def test_highway_follows_the_document_not_the_united_states(gaz: Gazetteer) -> None:
    text = ("Kurdish forces retook Sinjar and seized Highway 47, cutting the road between Mosul "
            "and Raqqa.")
    ents = ents_for(text, ("Sinjar", "GPE"), ("Mosul", "GPE"), ("Raqqa", "GPE"))
    places = by_text(find_places(text, ents, gaz))
    assert places["Highway 47"].country == "IQ"
    assert places["Mosul"].country == "IQ" and places["Raqqa"].country == "SY"


def test_local_context_picks_the_right_homonym(gaz: Gazetteer) -> None:
    text = ("Deputies from Rapides Parish arrested a man in Alexandria on Friday. "
            "Alexandria police said the fire started in Pineville.")
    ents = ents_for(text, ("Rapides Parish", "GPE"), ("Alexandria", "GPE"), ("Pineville", "GPE"))
    places = [p for p in find_places(text, ents, gaz) if p.text == "Alexandria"]
    assert len(places) == 2  # the second one, spaCy missed, is found by one-sense-per-discourse
    assert all(p.admin1 == "Louisiana" for p in places)


def test_offsets_index_the_text(gaz: Gazetteer) -> None:
    text = "Protesters gathered in the Gaza Strip and in the West Bank town of Jenin."
    ents = ents_for(text, ("the Gaza Strip", "GPE"), ("the West Bank", "GPE"))
    places = find_places(text, ents, gaz)
    assert {p.text for p in places} >= {"Gaza Strip", "West Bank", "Jenin"}
    for p in places:
        assert text[p.start:p.end] == p.text
    assert all(p.country == "PS" for p in places)


SEEDLIKE = (
    "A new propaganda video threatened Russia with attacks. \"The Kremlin will fall to us,\" a "
    "fighter says in it. The group is the main suspect in the downing of a Russian jet over "
    "Egypt's Sinai Peninsula last month. Officials in Moscow also said a bomb plot against the "
    "village of Kantyshevo, south-west Russia, had been foiled. Coalition jets struck targets in "
    "Syria and Iraq on Wednesday, backing Kurdish fighters who moved on the town of Sinjar. "
    "They cut Highway 47, the road linking Mosul in Iraq and Raqqa in Syria."
)


def test_seed_like_article_places(gaz: Gazetteer) -> None:
    from eventwire.nlp import entity_mentions, load_nlp

    text = SEEDLIKE
    places = find_places(text, entity_mentions(load_nlp()(text)), gaz)
    found = {p.text: p for p in places}
    for name, iso in [("Egypt", "EG"), ("Russia", "RU"), ("Syria", "SY"), ("Iraq", "IQ"),
                      ("Sinjar", "IQ"), ("Mosul", "IQ"), ("Raqqa", "SY")]:
        assert found[name].country == iso, name
    assert found["Sinai Peninsula"].country == "EG"
    assert "Kremlin" not in found
    assert all(p.country != "US" for p in places if p.text == "Highway 47")


@pytest.mark.parametrize("sea", ["Red Sea", "Mediterranean", "Gulf of Aden", "Black Sea", "Persian Gulf"])
def test_seas_belong_to_no_country(gaz: Gazetteer, sea: str) -> None:
    text = f"Boats left Port Sudan in Sudan and sailed into the {sea} on Monday."
    ents = ents_for(text, (sea, "LOC"), ("Sudan", "GPE"))
    place = by_text(find_places(text, ents, gaz))[sea]
    assert place.country is None and place.precision == "region"


def test_surnames_tagged_as_places_are_dropped(gaz: Gazetteer) -> None:
    text = ("Tim Pawlenty met Rev. Roy Jones in Mansfield, Texas. Jones said the plan would work, "
            "and Pawlenty agreed.")
    ents = ents_for(text, ("Tim Pawlenty", "PERSON"), ("Roy Jones", "PERSON"), ("Mansfield", "GPE"))
    second = text.index("Jones said")
    ents += (Mention("place", "Jones", second, second + 5, label="GPE"),)
    places = by_text(find_places(text, ents, gaz))
    assert "Jones" not in places and "Pawlenty" not in places
    assert places["Mansfield"].admin1 == "Texas"


def test_upper_case_dateline_inside_the_text(gaz: Gazetteer) -> None:
    text = "Fire guts family home. TORRINGTON — A fire destroyed the roof of a house on Tuesday."
    places = by_text(find_places(text, (), gaz))
    assert places["TORRINGTON"].country == "US"


def test_unknown_company_name_is_not_a_place(gaz: Gazetteer) -> None:
    text = "The council rejected Petrojet's request to drill near Arlington, Texas."
    ents = ents_for(text, ("Petrojet", "GPE"), ("Arlington", "GPE"))
    places = by_text(find_places(text, ents, gaz))
    assert "Petrojet" not in places and places["Arlington"].admin1 == "Texas"


def test_town_and_county_agree_on_one_state(gaz: Gazetteer) -> None:
    # Athens alone would be Greece; Henderson County alone North Carolina. Together: Texas,
    # where Athens is the seat of Henderson County.
    text = "Athens police arrested a man on Monday. He was booked into the Henderson County Jail."
    ents = ents_for(text, ("Athens", "GPE"), ("the Henderson County Jail", "FAC"))
    places = by_text(find_places(text, ents, gaz))
    assert places["Athens"].admin1 == "Texas"
    assert places["Henderson County"].admin1 == "Texas"


def test_several_small_towns_pick_their_shared_state(gaz: Gazetteer) -> None:
    text = ("Douglas County crews closed a road north of Alexandria after flooding. Another road "
            "south of Osakis was washed out.")
    ents = ents_for(text, ("Douglas County", "GPE"), ("Alexandria", "GPE"), ("Osakis", "GPE"))
    places = by_text(find_places(text, ents, gaz))
    assert places["Alexandria"].admin1 == "Minnesota"
    assert places["Douglas County"].admin1 == "Minnesota"


def test_dollar_amounts_tip_a_lone_name_to_the_united_states(gaz: Gazetteer) -> None:
    text = "The Mansfield council approved a $765,000 package for parking and repairs."
    ents = ents_for(text, ("Mansfield", "GPE"))
    assert by_text(find_places(text, ents, gaz))["Mansfield"].country == "US"
    text = "The Mansfield council approved new parking rules."
    assert by_text(find_places(text, ents_for(text, ("Mansfield", "GPE")), gaz))["Mansfield"].country == "GB"


def test_streets_are_not_evidence_for_homonymous_places(gaz: Gazetteer) -> None:
    text = ("The Arlington council approved a drilling site on Washington Drive near Cooper Street. "
            "Arlington residents packed City Hall.")
    ents = ents_for(text, ("Arlington", "GPE"), ("Washington Drive", "FAC"), ("Cooper Street", "FAC"))
    places = by_text(find_places(text, ents, gaz))
    assert places["Arlington"].admin1 == "Texas"
    assert places["Washington Drive"].lat is None  # a street of the town, left unresolved


def test_abbreviated_county_and_water_bodies(gaz: Gazetteer) -> None:
    text = "A boat capsized on the Arabian Sea, and a crash closed a road in Loudon Co. on Friday."
    ents = ents_for(text, ("the Arabian Sea", "LOC"), ("Loudon Co.", "GPE"))
    places = by_text(find_places(text, ents, gaz))
    sea = places["Arabian Sea"]
    assert sea.country is None and sea.feature == "SEA"
    assert places["Loudon Co."].admin1 == "Tennessee" and places["Loudon Co."].precision == "admin2"


def test_continental_adjective_resolves_to_its_continent(gaz: Gazetteer) -> None:
    from eventwire.mentions.places import resolve_spans

    text = "African leaders met in Addis Ababa."
    (place,) = resolve_spans(text, [(0, 7)], ents_for(text, ("African", "NORP"), ("Addis Ababa", "GPE")), gaz)
    assert place.name == "Africa" and place.precision == "region"


def test_neighbourhood_the_gazetteer_lacks_sits_in_its_written_town(gaz: Gazetteer) -> None:
    text = "Alvarez Martinez was killed near his residence in Tegucigalpa's Florencia del Este neighborhood."
    places = by_text(find_places(text, (), gaz))
    p = places["Florencia del Este"]
    assert (p.country, p.feature, p.geonameid, p.precision) == ("HN", "PPLX", None, "admin2")
    assert text[p.start:p.end] == "Florencia del Este"


def test_known_district_inside_its_city_keeps_its_gazetteer_entry(gaz: Gazetteer) -> None:
    text = "Terrorists hurled dynamite at U.S. Embassy facilities in the Miraflores neighborhood in Lima."
    places = by_text(find_places(text, (), gaz))
    assert places["Miraflores"].country == "PE" and places["Miraflores"].geonameid is not None
    assert places["Miraflores"].feature == "PPLX" and places["Lima"].feature == "PPLC"


def test_village_in_a_department_and_streets(gaz: Gazetteer) -> None:
    text = ("Guerrillas placed a dynamite charge at the place called La Motosa, near Aipe municipality. "
            "Another bomb exploded on the corner of Sarmiento and San Martin streets.")
    places = by_text(find_places(text, (), gaz))
    assert places["La Motosa"].country == "CO" and places["La Motosa"].feature == "LCTY"
    assert places["Sarmiento"].country is None and places["San Martin"].country is None


def test_descriptor_is_not_a_neighbourhood_name(gaz: Gazetteer) -> None:
    text = "He was shot in a parking lot in the Residential neighborhood of San Isidro, in Lima."
    places = by_text(find_places(text, (), gaz))
    assert "Residential" not in places and places["San Isidro"].country == "PE"
    text = "The home of the deputy minister, located in An Eastern neighborhood of San Salvador, was machinegunned."
    places = by_text(find_places(text, (), gaz))
    assert "An Eastern" not in places and "San Salvador" in places


def test_a_place_the_gazetteer_lacks_stays_inside_the_division_the_text_puts_it_in(gaz: Gazetteer) -> None:
    # "La Rochela" reads as La Rochelle, France, by its alternate spellings; the text puts it in Colombia
    text = "Twelve judicial officials were killed near La Rochela, in Santander Department, on Friday."
    places = by_text(find_places(text, ents_for(text, ("La Rochela", "GPE"), ("Santander Department", "GPE")), gaz))
    assert places["La Rochela"].country == "CO"
    assert places["La Rochela"].name == "Santander"


def test_a_municipality_followed_by_its_department_lies_in_that_department(gaz: Gazetteer) -> None:
    text = "Two leaders were killed near Rio Blanco municipality, Tolima Department, on Monday."
    places = by_text(find_places(text, ents_for(text, ("Rio Blanco", "GPE"), ("Tolima Department", "GPE")), gaz))
    assert places["Rio Blanco"].country == "CO"  # not Río Blanco, Mexico
    assert places["Rio Blanco"].admin1 == "Tolima"
