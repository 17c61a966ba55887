"""Case restoration for ALL-CAPS wire copy: same offsets, the truecase model's own choices, fast repeats."""

from __future__ import annotations

import pytest

from eventwire.truecasing import TOKEN, Truecaser, is_all_caps, is_caseless

WIRE = (
    "SAN SALVADOR, 12 JAN 90 -- URBAN GUERRILLAS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT "
    "(FMLN) ATTACKED THE HOME OF A SUPREME COURT JUDGE IN THE CAPITAL LAST NIGHT. THE ARMED FORCES "
    "PRESS COMMITTEE SAID TWO BODYGUARDS WERE KILLED AND THE JUDGE WAS NOT HURT. THE POLICE SAID THE "
    "ATTACKERS FLED TOWARD THE VOLCANO."
)


@pytest.fixture(scope="module")
def caser() -> Truecaser:
    return Truecaser(["FMLN", "ELN"])


def test_detects_caseless_text() -> None:
    assert is_all_caps(WIRE) and is_caseless(WIRE)
    assert is_caseless(WIRE.lower())
    assert not is_caseless("Urban guerrillas attacked the home of a judge in San Salvador last night, police said.")
    assert not is_all_caps("TOO SHORT")


def test_restores_case_without_moving_offsets(caser: Truecaser) -> None:
    out = caser.restore(WIRE)
    assert len(out) == len(WIRE) and out.upper() == WIRE.upper()
    assert "(FMLN)" in out  # an acronym of the actor dictionary stays upper case
    assert "Supreme Court" in out and " the home of a " in out
    assert out.startswith("San Salvador")
    assert ". The armed forces" in out.replace("Armed Forces", "armed forces")  # sentence start capitalised


def test_same_choices_as_the_truecase_package(caser: Truecaser) -> None:
    """The remembered-trigram path picks exactly what the package's own function picks, twice over."""
    tokens = [m.group(0).lower() for m in TOKEN.finditer(WIRE + " " + WIRE.replace("LAST NIGHT", "ON MONDAY"))]
    reference = caser._model.get_true_case_from_tokens(tokens, out_of_vocabulary_token_option="title")
    assert caser._true_case(tokens) == reference
    assert caser._true_case(tokens) == reference  # second time from the memo


def test_an_unseen_form_of_a_known_word_stays_lower_case_an_unseen_name_does_not(caser: Truecaser) -> None:
    out = caser.restore("GALAN WAS MACHINEGUNNED IN SOACHA AND PLANES STRAFED THE VILLAGE.")
    assert "machinegunned" in out and "strafed" in out
    assert "Soacha" in out and out.startswith("Galan")


def test_a_possessive_of_an_unseen_name_keeps_its_ending_lower_case(caser: Truecaser) -> None:
    """str.title would write "Cerezo'S", which the tagger reads as a second proper noun."""
    out = caser.restore("CEREZO'S ADMINISTRATION AND SOACHA'S MAYOR MET O'HARE.")
    assert "Cerezo's administration" in out and "Soacha's" in out and "O'Hare" in out


def test_a_line_end_of_wrapped_copy_starts_no_sentence(caser: Truecaser) -> None:
    wrapped = ("WE CAN REPORT THAT SEVEN PEOPLE WERE KILLED AT THE FENASTRAS BUILDING AND\n"
               "AT LEAST TWELVE PEOPLE WERE SERIOUSLY INJURED IN THE EXPLOSION, SOURCES SAID\n"
               "AND THE POLICE CONFIRMED. THE INJURED WERE TAKEN TO THE ROSALES HOSPITAL IN\n"
               "THE CENTER OF THE CAPITAL, WHERE DOCTORS SAID TWO ARE IN CRITICAL CONDITION.\n")
    out = caser.restore(wrapped)
    assert "\nat least" in out and "\nand the police" in out and "\nthe center" in out
    assert caser.restore("HEADLINE WITHOUT A STOP\nTHE BODY OF THE STORY.").split("\n")[1].startswith("The")


def test_two_threads_asking_at_once_load_the_casing_model_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`evaluate muc4` loads the model in a thread while the main thread may already need it: a
    second load would cost seconds and hold the model twice."""
    import threading
    import time

    import truecase

    from eventwire import truecasing

    real, loads = truecase.get_truecaser, []

    def slow_loader() -> object:
        loads.append(1)
        time.sleep(0.3)  # long enough for the second thread to arrive during the load
        return real()

    monkeypatch.setattr(truecase, "get_truecaser", slow_loader)
    truecasing._load_casing_model.cache_clear()
    try:
        got: list[object] = []
        threads = [threading.Thread(target=lambda: got.append(truecasing.casing_model())) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(loads) == 1 and got[0] is got[1]
    finally:
        truecasing._load_casing_model.cache_clear()
