"""``eventwire evaluate merge``: score cross-document merging on MUC-3/MUC-4.

Many MUC messages report the same incident (the Jesuit murders of 16 Nov 1989 appear in dozens).

Gold clusters. Items are the relevant answer-key templates (one per incident per message). Two
templates are the same incident when all of these hold, and clusters are the transitive closure:

* **type**: they share an INCIDENT: TYPE alternative;
* **date**: an exact date alternative of one (a day, or a range of at most 3 days) overlaps an
  exact alternative of the other; the keys' "- D" form (some day in the two months before D) is
  too vague to link anything, so such templates only link through another, exactly dated one;
* **location**: same country, and the place path of one (``COUNTRY: CITY: NEIGHBORHOOD``) is a
  prefix of the other's (same or nested place); templates without a location do not link;
* **targets**: both name a physical or human target and some target of one matches some target of
  the other (any alternative, head-noun match as in ``evaluate muc4``).

Predicted clusters. Each message becomes an article (publication date from its dateline), the
pipeline codes it, and :func:`eventwire.merge.merge` groups all event reports of all messages. A
report is aligned with the gold template of its own message that it matches best (the slot
overlap score of ``evaluate muc4``; reports that are no MUC incident or match no template are
ignored). A template's predicted cluster is the merged event holding most of its aligned reports;
a template no report aligns with is a singleton (the merge step cannot link what was not found).

Metrics over templates: B-cubed precision/recall/F1 (``b3_p``, ``b3_r``, ``b3_f1``) and pairwise F1
(pairs of templates placed together). Notes give the all-singletons B-cubed F1 for comparison.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from ..errors import EventwireError
from ..merge import THRESHOLD, Report, merge
from ..records import Event
from . import EvalReport, emit, format_option, limit_option, muc_files_options, prf, workers_option
from .muc4 import build_articles, to_incident
from .muc4_reader import KeyTemplate, Message, read_keys, read_messages
from .muc4_score import Entity, MucTemplate, entity_matches, gold_template, pair_score
from .runner import events_of, load_pipeline, optional_import, run_articles

EXACT_DAYS = 3


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One relevant answer-key template, reduced to what the gold clustering rule compares."""

    doc_id: str
    number: str
    template: MucTemplate
    types: frozenset[str]
    days: tuple[tuple[dt.date, dt.date], ...]  # exact date alternatives only
    paths: tuple[tuple[str, ...], ...]  # location alternatives as level paths
    targets: tuple[Entity, ...]


def _path(text: str) -> tuple[str, ...]:
    levels = [re.sub(r"\s*\([^()]*\)\s*$", "", p.strip()).strip() for p in text.split(":")]
    return tuple(level for level in levels if level)


def gold_item(key: KeyTemplate, year: int | None) -> GoldItem:
    tpl = gold_template(key, year)
    days = tuple(d for d in tpl.dates if (d[1] - d[0]).days < EXACT_DAYS)
    paths = tuple(p for f in key.slot("location") for v in f.values if (p := _path(v)))
    return GoldItem(
        doc_id=key.doc_id, number=key.number, template=tpl, types=frozenset(tpl.types), days=days,
        paths=paths, targets=tpl.role("Target") + tpl.role("Victim"),
    )


def _nested(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return long[: len(short)] == short


def same_incident(a: GoldItem, b: GoldItem) -> bool:
    """The gold rule of the module docstring."""
    if not (a.types & b.types):
        return False
    if not any(x[0] <= y[1] and y[0] <= x[1] for x in a.days for y in b.days):
        return False
    if not any(_nested(p, q) for p in a.paths for q in b.paths):
        return False
    return any(entity_matches(x, y) for x in a.targets for y in b.targets)


def gold_clusters(items: Sequence[GoldItem]) -> list[int]:
    """Cluster label per item: transitive closure of :func:`same_incident` (union-find)."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i):
            if items[i].doc_id != items[j].doc_id and find(i) != find(j) and same_incident(items[i], items[j]):
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(items))]


# --- metrics -----------------------------------------------------------------------------------


def b_cubed(gold: Sequence[object], pred: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of a predicted partition against a gold one (labels per item)."""
    if not gold:
        return 0.0, 0.0, 0.0
    joint = Counter(zip(gold, pred))
    g_size, p_size = Counter(gold), Counter(pred)
    p = sum(joint[(g, q)] / p_size[q] for g, q in zip(gold, pred)) / len(gold)
    r = sum(joint[(g, q)] / g_size[g] for g, q in zip(gold, pred)) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise_f1(gold: Sequence[object], pred: Sequence[object]) -> float:
    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(gold, pred)))
    return prf(both, pairs(Counter(pred)), pairs(Counter(gold)))[2]


# --- alignment -----------------------------------------------------------------------------------


def align_reports(
    events: Sequence[Event], published: dt.date | None, items: Sequence[GoldItem],
) -> dict[int, list[str]]:
    """Event ids aligned to each gold item (by index into ``items``) of one message."""
    out: dict[int, list[str]] = {}
    for event in events:
        incident = to_incident(event, published)
        if incident is None:
            continue
        scored = [(s, -k) for k, item in enumerate(items) if (s := pair_score(incident.template, item.template)) is not None]
        if scored:
            out.setdefault(-max(scored)[1], []).append(event.id)
    return out


def predicted_labels(
    items: Sequence[GoldItem], aligned: dict[int, list[str]], cluster_of: dict[str, str],
) -> list[str]:
    labels = []
    for k in range(len(items)):
        clusters = Counter(cluster_of[e] for e in aligned.get(k, ()) if e in cluster_of)
        labels.append(clusters.most_common(1)[0][0] if clusters else f"unaligned:{k}")
    return labels


def score_docs(
    docs: Sequence[tuple[str, dt.date | None, Sequence[Event]]], keys: Sequence[KeyTemplate],
    *, threshold: float = THRESHOLD,
) -> tuple[dict[str, float], dict[str, object]]:
    """Metrics and notes for (doc id, publication date, events) of each message."""
    wanted = {doc for doc, _, _ in docs}
    years = {doc: day.year for doc, day, _ in docs if day}
    by_doc: dict[str, list[tuple[int, GoldItem]]] = {}
    items: list[GoldItem] = []
    for key in keys:
        if key.relevant and key.doc_id in wanted:
            by_doc.setdefault(key.doc_id, []).append((len(items), gold_item(key, years.get(key.doc_id))))
            items.append(by_doc[key.doc_id][-1][1])
    reports: list[Report] = []
    aligned: dict[int, list[str]] = {}
    for doc, day, events in docs:
        reports.extend(Report(e, source=doc, published=day) for e in events)
        doc_items = by_doc.get(doc, [])
        local = align_reports(events, day, [it for _, it in doc_items])
        aligned.update({doc_items[k][0]: ids for k, ids in local.items()})
    merged = merge(reports, threshold=threshold)
    cluster_of = {rid: m.id for m in merged for rid in m.report_ids}
    gold, pred = gold_clusters(items), predicted_labels(items, aligned, cluster_of)
    p, r, f = b_cubed(gold, pred)
    metrics = {
        "b3_p": p, "b3_r": r, "b3_f1": f, "pairwise_f1": pairwise_f1(gold, pred),
        "n_gold_clusters": len(set(gold)), "n_pred_clusters": len(set(pred)),
    }
    notes: dict[str, object] = {
        "templates": len(items), "templates_aligned": len(aligned),
        "gold_clusters_with_2plus": sum(1 for n in Counter(gold).values() if n > 1),
        "singletons_b3_f1": round(b_cubed(gold, list(range(len(gold))))[2], 4),
        "reports": len(reports), "merged_events": len(merged),
    }
    return metrics, notes


def evaluate(messages: Sequence[Message], keys: Sequence[KeyTemplate], pipeline: object, *, workers: int = 1) -> EvalReport:
    """Run the pipeline over the messages that have keys, merge, and score (module docstring)."""
    known = {k.doc_id for k in keys}
    messages = [m for m in messages if m.doc_id in known]
    articles = build_articles(messages, optional_import("eventwire.mentions.dates", "find_dateline"))
    run = run_articles(pipeline, articles, workers)  # type: ignore[arg-type]
    docs = [(m.doc_id, a.published, events_of(o)) for m, a, o in zip(messages, articles, run.outcomes, strict=True)]
    metrics, notes = score_docs(docs, keys)
    notes["pipeline_seconds"] = round(run.seconds, 1)
    return EvalReport(task="merge", n_docs=len(messages), metrics=metrics, notes=notes)


@click.command(name="merge")
@muc_files_options
@limit_option
@workers_option
@format_option
def command(texts: tuple[Path, ...], keys: tuple[Path, ...], limit: int | None, workers: int, fmt: str) -> None:
    """Score merging of event reports across messages against clusters derived from MUC keys.

    Example: eventwire evaluate merge --texts CORPORA/dev/dev-muc3-0001-0100 --keys CORPORA/dev/key-dev-0001.muc4
    """
    try:
        messages = read_messages(texts)
        if limit is not None:
            messages = messages[:limit]
        report = evaluate(messages, read_keys(keys), load_pipeline(), workers=workers)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    emit(report, fmt)


__all__ = ["GoldItem", "b_cubed", "command", "evaluate", "gold_clusters", "pairwise_f1", "same_incident"]
