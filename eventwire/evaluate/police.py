"""``eventwire evaluate police``: police KILL / ARREST / FORCE on IndiaPoliceEvents.

Data in ``--data DIR``: ``docs.jsonl`` (doc_id, doc_text, doc_labels), ``sents.jsonl`` (doc_id,
sent_id, sent_labels, sent_text; sentences are consecutive substrings of doc_text) and, when present,
``metadata.jsonl`` (doc_id, date) for the publication date. Each document is one Article.

Labels say what **the police** did, so an event counts only when its actor is the police: the
actor's text or name mentions police, policemen, cops, constables, inspectors, or the state
armed-police units SRP, RAF (Rapid Action Force), CRPF, BSF, paramilitary or security forces. The
army does not count. One exception: an arrest with no stated agent ("14 rioters were arrested")
counts as a police arrest, since only the police arrest people. Events negated, hypothetical,
threatened, planned or denied never count.

| label  | event                                                                                  |
|--------|----------------------------------------------------------------------------------------|
| KILL   | police ASSAULT with fatalities, a killed-number, or a killing trigger/sentence ("killed", "shot dead", "died") |
| ARREST | police COERCE with mode arrest (or an arrest/detain/custody trigger)                    |
| FORCE  | any police ASSAULT (firing, lathi-charge, tear gas, killing)                             |

A sentence gets a label when some such event's trigger overlaps it (character offsets; the
evidence sentence when the trigger offsets are unknown, as the pipeline's sentence splits differ
from the gold's);
a document gets a label when any of its events has it. Metrics: ``kill_p/r/f1``, ``arrest_*``,
``force_*`` over sentences and ``doc_kill_*``, ``doc_arrest_*``, ``doc_force_*`` over documents.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from ..errors import EventwireError, InputError
from ..records import Event
from . import EvalReport, emit, format_option, limit_option, prf, workers_option
from .runner import events_of, load_pipeline, make_article, run_articles

LABELS: tuple[str, ...] = ("KILL", "ARREST", "FORCE")
COUNTED = frozenset({"occurred", "claimed", "suspected", "attempted"})
POLICE = re.compile(
    r"\b(police\w*|policem[ae]n|cops?|constables?|constabulary|(?:sub-)?inspectors?|srp|raf|crpf|bsf|"
    r"rapid action force|reserve police|paramilitary|security forces|security personnel|jawans?)\b",
    re.IGNORECASE,
)
KILLING = re.compile(r"\b(kill\w*|shot dead|died|dead|deaths?|murder\w*|lynch\w*|slain|massacre\w*)\b", re.I)
ARRESTING = re.compile(r"\b(arrest\w*|detain\w*|detention|custody|rounded up|round up|nabbed|held)\b", re.I)


@dataclass(frozen=True, slots=True)
class GoldSentence:
    start: int
    end: int
    labels: frozenset[str]


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    text: str
    published: dt.date | None
    labels: frozenset[str]
    sentences: tuple[GoldSentence, ...]


# --- reading ---------------------------------------------------------------------------------


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(f"cannot read {path}: {err}", code="E_UNREADABLE") from err


def locate_sentences(text: str, sentences: Sequence[tuple[str, frozenset[str]]]) -> tuple[GoldSentence, ...]:
    """Character spans of consecutive sentence texts inside the document text."""
    out, pos = [], 0
    for sent, labels in sentences:
        needle = sent.strip()
        if not needle:
            continue
        start = text.find(needle, pos)
        if start < 0:
            raise InputError(f"sentence not found in its document: {needle[:60]!r}", code="E_UNREADABLE")
        out.append(GoldSentence(start, start + len(needle), labels))
        pos = start + len(needle)
    return tuple(out)


def read_gold(data: Path) -> tuple[GoldDoc, ...]:
    """Documents with their located, labelled sentences, in docs.jsonl order."""
    by_doc: dict[Any, list[tuple[int, str, frozenset[str]]]] = {}
    for row in _jsonl(data / "sents.jsonl"):
        labels = frozenset(row.get("sent_labels") or ()) & frozenset(LABELS)
        by_doc.setdefault(row["doc_id"], []).append((int(row["sent_id"]), row["sent_text"], labels))
    dates: dict[Any, dt.date] = {}
    if (data / "metadata.jsonl").exists():
        for row in _jsonl(data / "metadata.jsonl"):
            try:
                dates[row["doc_id"]] = dt.date.fromisoformat(str(row.get("date")))
            except ValueError:
                continue
    out = []
    for row in _jsonl(data / "docs.jsonl"):
        sents = sorted(by_doc.get(row["doc_id"], []))
        located = locate_sentences(row["doc_text"], [(t, lab) for _, t, lab in sents])
        out.append(GoldDoc(
            doc_id=str(row["doc_id"]), text=row["doc_text"], published=dates.get(row["doc_id"]),
            labels=frozenset(row.get("doc_labels") or ()) & frozenset(LABELS), sentences=located,
        ))
    return tuple(out)


# --- events -> labels ------------------------------------------------------------------------


def is_police(event: Event) -> bool:
    actor = event.actor
    return actor is not None and any(POLICE.search(f or "") for f in (actor.text, actor.name))


def event_labels(event: Event) -> frozenset[str]:
    """KILL / ARREST / FORCE labels one event supports (table in the module docstring)."""
    if event.status not in COUNTED:
        return frozenset()
    trigger = event.evidence.trigger
    arrest = event.type == "COERCE" and (event.mode == "arrest" or bool(ARRESTING.search(trigger)))
    if not is_police(event):
        return frozenset({"ARREST"}) if arrest and event.actor is None else frozenset()
    out = set()
    if event.type == "ASSAULT":
        out.add("FORCE")
        killed = bool(event.fatalities) or any(n.role == "killed" and n.value > 0 for n in event.numbers)
        if killed or KILLING.search(trigger) or KILLING.search(event.evidence.sentence):
            out.add("KILL")
    if arrest:
        out.add("ARREST")
    return frozenset(out)


def _anchor(event: Event) -> tuple[int, int]:
    """The trigger's offsets when known (sentence splits differ from the gold's), else the sentence's."""
    ev = event.evidence
    if 0 <= ev.trigger_start < ev.trigger_end:
        return ev.trigger_start, ev.trigger_end
    return ev.start, ev.end


def sentence_labels(doc: GoldDoc, events: Sequence[Event]) -> tuple[frozenset[str], ...]:
    """Predicted labels per gold sentence: those of events whose trigger (or, when its offsets are
    unknown, evidence sentence) overlaps it."""
    spans = [(*_anchor(e), event_labels(e)) for e in events]
    return tuple(
        frozenset(lab for start, end, labs in spans if start < s.end and s.start < end for lab in labs)
        for s in doc.sentences
    )


def score(docs: Sequence[GoldDoc], predicted: Sequence[Sequence[Event]]) -> dict[str, float]:
    counts = {f"{lvl}{lab}_{k}": 0 for lvl in ("", "doc_") for lab in LABELS for k in ("tp", "pred", "gold")}
    for doc, events in zip(docs, predicted, strict=True):
        per_sentence = sentence_labels(doc, events)
        doc_pred = frozenset(lab for e in events for lab in event_labels(e))
        pairs = [("", s.labels, p) for s, p in zip(doc.sentences, per_sentence)] + [("doc_", doc.labels, doc_pred)]
        for level, gold, pred in pairs:
            for lab in LABELS:
                counts[f"{level}{lab}_tp"] += lab in gold and lab in pred
                counts[f"{level}{lab}_pred"] += lab in pred
                counts[f"{level}{lab}_gold"] += lab in gold
    out: dict[str, float] = {}
    for level in ("", "doc_"):
        for lab in LABELS:
            key = f"{level}{lab}"
            p, r, f = prf(counts[f"{key}_tp"], counts[f"{key}_pred"], counts[f"{key}_gold"])
            name = f"{level}{lab.lower()}"
            out.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    return out


def evaluate(docs: Sequence[GoldDoc], pipeline: object, *, workers: int = 1) -> EvalReport:
    articles = [make_article(d.text, published=d.published, origin=d.doc_id) for d in docs]
    run = run_articles(pipeline, articles, workers)  # type: ignore[arg-type]
    predicted = [events_of(o) for o in run.outcomes]
    metrics = score(docs, predicted)
    metrics["docs_per_s"] = run.docs_per_s
    notes = {
        "sentences": sum(len(d.sentences) for d in docs),
        "police_events": sum(1 for evs in predicted for e in evs if is_police(e)),
        "rejected": run.n_rejected, "stage_seconds": dict(run.stage_seconds),
    }
    return EvalReport(task="police", n_docs=len(docs), metrics=metrics, notes=notes)


@click.command(name="police")
@click.option("--data", "data", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding docs.jsonl, sents.jsonl (and metadata.jsonl).")
@limit_option
@workers_option
@format_option
def command(data: Path, limit: int | None, workers: int, fmt: str) -> None:
    """Score police KILL / ARREST / FORCE detection per sentence and per document.

    Example: eventwire evaluate police --data ../shared/datasets/india_police_events --limit 100
    """
    try:
        docs = read_gold(data)[:limit]
        report = evaluate(docs, load_pipeline(), workers=workers)
    except EventwireError as err:
        raise click.ClickException(str(err)) from err
    emit(report, fmt)
