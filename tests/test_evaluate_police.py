"""IndiaPoliceEvents reader, event-to-label mapping and scoring; the real set only when present."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.evaluate import police
from eventwire.records import Actor, ArticleResult, Event, Evidence, Number

DATA = Path(__file__).parent / "data" / "police"
SHARED = Path(os.environ.get("EVENTWIRE_SHARED") or Path(__file__).resolve().parents[2] / "shared")
REAL = SHARED / "datasets" / "india_police_events"


def event(doc: police.GoldDoc, sentence: str, kind: str, mode: str | None, actor: str,
          status: str = "occurred", trigger: str = "", fatalities: int | None = None) -> Event:
    start = doc.text.index(sentence)
    ev = Evidence(doc.doc_id, 0, start, start + len(sentence), sentence, trigger=trigger)
    return Event(id=f"{sentence[:10]}{kind}", article_id=doc.doc_id, type=kind, mode=mode,
                 actor=Actor(name=actor, text=actor, type="state forces"), recipient=None,
                 location=None, date=None, status=status, evidence=ev, fatalities=fatalities)


def test_reader_locates_labelled_sentences() -> None:
    docs = police.read_gold(DATA)
    assert [d.doc_id for d in docs] == ["1", "2"]
    first = docs[0]
    assert first.published == dt.date(2002, 3, 3)
    assert first.labels == {"KILL", "FORCE", "ARREST"}  # ANY_ACTION is not scored
    assert len(first.sentences) == 4
    shot = first.sentences[1]
    assert first.text[shot.start:shot.end].startswith("surat: police opened fire")
    assert shot.labels == {"KILL", "FORCE"}


def test_only_police_events_that_happened_count() -> None:
    doc = police.read_gold(DATA)[0]
    fire = "surat: police opened fire on a mob on monday, killing two persons."
    assert police.event_labels(event(doc, fire, "ASSAULT", "firearms", "police", fatalities=2)) == {"KILL", "FORCE"}
    assert police.event_labels(event(doc, fire, "ASSAULT", "firearms", "the army")) == frozenset()
    assert police.event_labels(event(doc, fire, "ASSAULT", None, "police", status="negated")) == frozenset()
    arrest = "later, the police arrested 14 rioters."
    assert police.event_labels(event(doc, arrest, "COERCE", "arrest", "the police")) == {"ARREST"}
    number = Number(role="killed", value=2, text="two")
    beat = event(doc, arrest, "ASSAULT", "beat", "RAF jawans").replace(numbers=(number,))
    assert police.event_labels(beat) == {"FORCE", "KILL"}


def test_scores_counted_by_hand() -> None:
    docs = police.read_gold(DATA)
    d1, d2 = docs
    predicted = [
        [event(d1, "surat: police opened fire on a mob on monday, killing two persons.", "ASSAULT",
               "firearms", "police", trigger="opened fire"),  # FORCE + KILL ("killing" in sentence)
         event(d1, "the market stayed shut.", "COERCE", "arrest", "police")],  # ARREST, wrong sentence
        [event(d2, "vadodara: the army staged a flag march.", "ASSAULT", None, "police")],  # false FORCE
    ]
    m = police.score(docs, predicted)
    assert (m["kill_p"], m["kill_r"]) == (1.0, 1.0)
    assert (m["force_p"], m["force_r"]) == (0.5, 1.0)
    assert (m["arrest_p"], m["arrest_r"], m["arrest_f1"]) == (0.0, 0.0, 0.0)
    assert (m["doc_arrest_p"], m["doc_arrest_r"]) == (1.0, 1.0)  # right document, wrong sentence
    assert (m["doc_force_p"], m["doc_force_r"]) == (0.5, 1.0)


class FakePipeline:
    def pipe(self, articles):  # type: ignore[no-untyped-def]
        for art in articles:
            yield ArticleResult(article=art, events=())


def test_command_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(police, "load_pipeline", lambda: FakePipeline())
    result = CliRunner().invoke(police.command, ["--data", str(DATA), "--format", "json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["task"] == "police" and report["n_docs"] == 1
    assert report["metrics"]["kill_r"] == 0.0 and "doc_force_f1" in report["metrics"]


def test_real_set_sentences_all_located() -> None:
    if not (REAL / "docs.jsonl").exists():
        pytest.skip(f"IndiaPoliceEvents not found under {REAL} (set EVENTWIRE_SHARED)")
    docs = police.read_gold(REAL)
    assert len(docs) == 1257
    assert sum(len(d.sentences) for d in docs) > 21000
    assert sum("KILL" in s.labels for d in docs for s in d.sentences) == 96
    assert sum(d.published is not None for d in docs) == len(docs)
