"""PLOVER gold-standard reader, category mapping and scoring; the real set only when present."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.evaluate import plover
from eventwire.records import Actor, ArticleResult, Event, Evidence

DATA = Path(__file__).parent / "data" / "plover"
SHARED = Path(os.environ.get("EVENTWIRE_SHARED") or Path(__file__).resolve().parents[2] / "shared")
REAL = SHARED / "datasets" / "plover_gsr"


def event(kind: str, actor: str | None = None, recipient: str | None = None, confidence: float = 0.5,
          at: int = -1) -> Event:
    ev = Evidence("a", 0, 0, 10, "a sentence", trigger_start=at)
    return Event(id=f"{kind}{actor}{confidence}", article_id="a", type=kind, mode=None,
                 actor=Actor(name=actor, text=actor) if actor else None,
                 recipient=Actor(name=recipient, text=recipient) if recipient else None,
                 location=None, date=None, status="occurred", evidence=ev, confidence=confidence)


def test_reader_skips_records_without_text_and_maps_old_names() -> None:
    gold = plover.read_gold(DATA)  # the fixture also has a trailing comma: read leniently
    assert [g.id for g in gold] == ["TEST-GSR-DEMAND-0001", "TEST-GSR-FIGHT-0001", "TEST-GSR-GOSSIP-0001"]
    assert [g.type for g in gold] == ["REQUEST", "ASSAULT", None]
    assert gold[0].sources == ("Freedonian farmers",) and gold[0].targets == ("Freedonian government",)
    assert gold[1].targets == ()


def test_current_names_map_to_themselves() -> None:
    table = plover.cameo_descriptions((DATA / plover.CAMEO_FILE).read_text())
    assert plover.map_category("PROTEST", table) == "PROTEST"
    assert plover.map_category("disapprove", table) == "ACCUSE"
    assert plover.map_category("DOCUMENT", table) is None


def test_span_matching() -> None:
    assert plover.spans_match("The farmers", "Freedonian farmers")
    assert plover.spans_match("Sylvanian troops", "Sylvanian troops")
    assert not plover.spans_match("the government", "Freedonian farmers")
    assert not plover.spans_match("", "farmers")


def test_scores_counted_by_hand() -> None:
    gold = plover.read_gold(DATA)
    predicted = [
        # the main event (written first, though less confident) is the REQUEST with the right actor and recipient
        [event("ACCUSE", "farmers", confidence=0.9, at=30), event("REQUEST", "farmers", "the government", 0.2, at=4)],
        [event("COERCE", "the town")],  # wrong type, wrong actor; gold has no target
        [],  # unmapped gold type: left out of type_acc; no prediction
    ]
    m = plover.score(gold, predicted)
    assert m["type_acc"] == 0.5 and m["type_acc_any"] == 0.5
    assert (m["type_acc_dev"], m["type_acc_heldout"]) == (1.0, 0.0)  # records 0 and 2 vs record 1
    assert m["event_rate"] == pytest.approx(2 / 3)
    assert (m["actor_p"], m["actor_r"]) == (0.5, pytest.approx(1 / 3))
    assert (m["recipient_p"], m["recipient_r"]) == (1.0, 0.5)


class FakePipeline:
    def pipe(self, articles):  # type: ignore[no-untyped-def]
        for art in articles:
            kind = "REQUEST" if "demanded" in art.text else "PROTEST"
            yield ArticleResult(article=art, events=(event(kind, art.text.split()[0]),))


def test_command_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plover, "load_pipeline", lambda: FakePipeline())
    result = CliRunner().invoke(plover.command, ["--data", str(DATA), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["task"] == "plover" and report["n_docs"] == 3
    assert report["metrics"]["type_acc"] == 0.5
    assert report["notes"]["mapped"].startswith("2 of 3")
    assert report["notes"]["unmapped"] == {"GOSSIP": 1}


def test_real_gold_set_reads_and_maps() -> None:
    if not (REAL / plover.GSR_FILE).exists():
        pytest.skip(f"PLOVER gold set not found under {REAL} (set EVENTWIRE_SHARED)")
    gold = plover.read_gold(REAL)
    assert len(gold) == 322
    assert sum(g.type is not None for g in gold) == len(gold)
    assert {g.type for g in gold} <= set(plover.PLOVER_TYPES)
    assert sum(bool(g.sources) for g in gold) > 300
