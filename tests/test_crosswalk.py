from eventwire.crosswalk import acled_type, cameo_root, crosswalk
from eventwire.records import Actor, Event, Evidence


def event(type_: str, mode: str | None, status: str = "occurred", actor_type: str = "rebel group",
          recipient_type: str | None = None, sentence: str = "x") -> Event:
    return Event(
        id="e", article_id="a", type=type_, mode=mode,
        actor=Actor("A", "A", actor_type), recipient=Actor("B", "B", recipient_type) if recipient_type else None,
        location=None, date=None, status=status, evidence=Evidence("a", 0, 0, len(sentence), sentence),
    )


def test_aerial_assault_is_an_air_strike() -> None:
    assert acled_type(event("ASSAULT", "aerial")) == ("Explosions/Remote violence", "Air/drone strike")
    assert cameo_root(event("ASSAULT", "aerial")) == "19"


def test_foiled_plot_is_disrupted_weapons_use() -> None:
    assert acled_type(event("ASSAULT", "explosives", status="planned")) == ("Strategic developments", "Disrupted weapons use")


def test_territory_taken_depends_on_who_takes_it() -> None:
    assert acled_type(event("COERCE", "seize", actor_type="state forces"))[1] == "Government regains territory"
    assert acled_type(event("COERCE", "seize", actor_type="rebel group"))[1] == "Non-state actor overtakes territory"


def test_attack_on_civilians_versus_clash() -> None:
    assert acled_type(event("ASSAULT", "firearms", recipient_type="civilians")) == ("Violence against civilians", "Attack")
    assert acled_type(event("ASSAULT", "firearms", recipient_type="state forces")) == ("Battles", "Armed clash")


def test_negated_attacks_and_talk_are_not_acled_events() -> None:
    assert acled_type(event("ASSAULT", "firearms", status="negated")) is None
    assert crosswalk(event("CONSULT", None)) == {"acled_event_type": None, "acled_sub_event_type": None, "cameo_root": "04"}


def test_grenade_and_arrests() -> None:
    assert acled_type(event("ASSAULT", "explosives", sentence="He threw a grenade."))[1] == "Grenade"
    assert acled_type(event("COERCE", "arrest")) == ("Strategic developments", "Arrests")
