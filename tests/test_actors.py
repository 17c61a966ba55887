from pathlib import Path

import pytest

from eventwire.mentions.actors import ActorDictionary, find_actors
from eventwire.records import Mention


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def names(text: str, actors: ActorDictionary, **kw: object) -> list[tuple[str, str]]:
    return [(a.text, a.name) for a in find_actors(text, [], actors, **kw)]


def test_aliases_resolve_to_one_canonical_actor(actors: ActorDictionary) -> None:
    found = names("Isis and Daesh fighters; the al-Hayat Media Centre said.", actors)
    assert ("Isis", "Islamic State") in found
    assert ("Daesh", "Islamic State") in found
    assert ("al-Hayat Media Centre", "Islamic State") in found


def test_kremlin_is_the_russian_government(actors: ActorDictionary) -> None:
    (actor,) = find_actors("The Kremlin will be ours, it said.", [], actors)
    assert actor.name == "Government of Russia" and actor.type == "government" and actor.country == "RUS"


def test_state_actors_are_generated_from_demonyms_and_countries(actors: ActorDictionary) -> None:
    found = {a.text: a for a in find_actors("Russian officials said Iraqi troops and Syria's army moved.", [], actors)}
    assert found["Russian officials"].name == "Government of Russia"
    assert found["Iraqi troops"].name == "Military Forces of Iraq"
    assert found["Iraqi troops"].type == "state forces"
    assert found["Syria's army"].country == "SYR"


def test_acronyms_match_only_as_written(actors: ActorDictionary) -> None:
    assert names("this is what it is", actors) == []
    assert ("IS", "Islamic State") not in names("IS IT TRUE", actors, all_caps=True)
    assert ("ELN", "National Liberation Army (Colombia)") in names("the ELN attacked", actors)


def test_coordinated_modifiers_share_the_head_noun(actors: ActorDictionary) -> None:
    found = names("around 7,500 Kurdish and Yazidi fighters", actors)
    assert ("Kurdish", "Kurdish Peshmerga") in found
    assert ("Yazidi fighters", "Yazidi fighters") in found


def test_longest_match_wins(actors: ActorDictionary) -> None:
    assert names("Kurdish military officials said", actors) == [("Kurdish military officials", "Kurdish Peshmerga")]


def test_ner_fallback_for_unknown_organisations(actors: ActorDictionary) -> None:
    text = "The Blue Lotus Brigade claimed it."
    ent = Mention("actor", "The Blue Lotus Brigade", 0, 22, 0, "ORG")
    (actor,) = find_actors(text, [ent], actors)
    assert actor.name == "The Blue Lotus Brigade" and actor.actor_id is None


def test_user_dictionary_extends_the_bundled_one(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("BLB\tBlue Lotus Brigade\trebel group\tMMR\tBlue Lotus|BLB fighters\n", encoding="utf-8")
    actors = ActorDictionary.load([extra])
    (actor,) = find_actors("Blue Lotus fighters attacked.", [], actors)
    assert (actor.name, actor.type, actor.country) == ("Blue Lotus Brigade", "rebel group", "MMR")


def test_countries_under_their_everyday_names_act(actors: ActorDictionary) -> None:
    for name, iso3 in (("Bosnia", "BIH"), ("Macedonia", "MKD"), ("Holland", "NLD"), ("Cote d'Ivoire", "CIV"),
                       ("Zaire", "COD"), ("Brunei", "BRN")):
        assert actors.country_of(name) == iso3, name
    from support import events_of

    agreed = [e for e in events_of("Bosnia and Slovenia agreed to a ceasefire on Monday.") if e.type == "AGREE"]
    assert agreed and agreed[0].actor is not None and agreed[0].actor.country == "BIH"


def test_personal_names_keep_every_surname() -> None:
    """The English model often stops a Spanish name after its first surname; the person is the whole
    name, as the answer keys and a reader write it (also in ALL-CAPS wire text)."""
    import datetime as dt

    from support import pipeline

    from eventwire.records import Article, ArticleResult, content_id

    text = ("SAN SALVADOR, 19 APR 89 -- THE POLICE HAVE REPORTED THAT SALVADORAN PRESIDENCY MINISTER JOSE ANTONIO "
            "RODRIGUEZ PORTH WAS WOUNDED IN A TERRORIST ATTACK THIS MORNING. UNION PRESIDENT BERNARDO JARAMILLO "
            "OSSA TODAY REVEALED A PLOT TO MURDER HIM.")
    result = pipeline()(Article(id=content_id(text), text=text, published=dt.date(1989, 4, 19)))
    assert isinstance(result, ArticleResult)
    people = {a.text for a in result.actors}
    assert {"JOSE ANTONIO RODRIGUEZ PORTH", "BERNARDO JARAMILLO OSSA"} <= people, people
    assert "JOSE ANTONIO" not in people


def test_the_drug_mafias_are_one_armed_actor_however_written(actors: ActorDictionary) -> None:
    text = "The bombing was attributed to the drug-trafficking mafias; the DRUG MAFIAS had threatened judges."
    found = find_actors(text, (), actors)
    assert [(a.text, a.name, a.actor_id) for a in found] == [
        ("drug-trafficking mafias", "Drug trafficking mafias", "DRUGMAFIA"),
        ("DRUG MAFIAS", "Drug trafficking mafias", "DRUGMAFIA"),
    ]
    assert found[0].type == "political militia"
