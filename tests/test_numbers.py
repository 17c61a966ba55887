import pytest

from eventwire.mentions.numbers import find_numbers, parse_number


@pytest.mark.parametrize("text,value", [("7,500", 7500), ("three", 3), ("twenty-five", 25), ("2.5 million", 2_500_000), ("224", 224)])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def roles(sentence: str) -> list[tuple[str, int]]:
    return [(n.role, n.value) for n in find_numbers(sentence)]


def test_toll_from_participle() -> None:
    assert roles("The airliner crashed on 31 October, killing all 224 people on board.") == [("killed", 224)]


def test_killed_and_wounded_in_one_sentence() -> None:
    assert roles("The attack killed five soldiers and wounded two civilians.") == [("killed", 5), ("wounded", 2)]
    assert roles("At least 12 people were killed and 30 wounded.")[0] == ("killed", 12)


def test_force_size_is_not_a_toll() -> None:
    found = find_numbers("jets provided air support to around 7,500 Kurdish and Yazidi fighters")
    assert [(n.role, n.value, n.approximate) for n in found] == [("force", 7500, True)]


def test_all_caps_wire_text() -> None:
    assert roles("FIVE SALVADORAN SOLDIERS WERE KILLED") == [("killed", 5)]


def test_bare_numbers_are_not_tolls() -> None:
    assert roles("Highway 47 runs for 300 km and 12 bridges.") == []


def test_offsets_shift_into_article_coordinates() -> None:
    (n,) = find_numbers("killing 9 people", offset=100)
    assert (n.start, n.end) == (108, 109)
