"""``eventwire evaluate geoparse``: toponym recognition and resolution on LGL, TR-News, GeoVirus.

Metrics (``--format json`` prints them under ``metrics``):

* ``ner_p``, ``ner_r``, ``ner_f1`` — end-to-end toponym recognition, exact character spans,
  against every gold toponym (with or without coordinates);
* ``acc161``, ``median_km``, ``auc`` — for correctly found toponyms that have gold coordinates:
  share resolved within 161 km, median error, and the AUC of the log-error curve;
* ``gold_acc161``, ``gold_median_km``, ``gold_auc`` — the same when every gold span is given and
  only resolution is tested (each span resolved in its document's context).

AUC, after Gritta et al. (2018) "What's missing in geographical parsing?": sort the errors,
map each to ``ln(1 + km) / ln(1 + 20039)`` (20039 km is half the Earth's circumference, the
largest possible error), and integrate that curve over ``[0, 1]`` with the trapezoid rule.
0 is perfect, 1 is always antipodal; lower is better. An unresolved toponym counts as 20039 km.

File layouts are detected automatically: ``<toponyms><toponym>`` with ``<gaztag>`` (LGL,
TR-News) or ``<locations><location>`` (GeoVirus); a constant offset shift (GeoVirus's +1) is
detected per file by checking which shift makes the offsets match the names.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..gazetteer import Gazetteer, distance_km
from ..mentions.places import find_places, resolve_spans
from . import EvalReport, emit, format_option, limit_option, prf

MAX_KM = 20039.0
BATCH = 32


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


# --- reading --------------------------------------------------------------------------------------


def _float(node: ET.Element | None, tag: str) -> float | None:
    value = node.findtext(tag) if node is not None else None
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def _raw_toponyms(article: ET.Element) -> Iterator[tuple[int, int, str, float | None, float | None]]:
    for t in article.iter("toponym"):
        gaz = t.find("gaztag")
        yield (int(t.findtext("start") or -1), int(t.findtext("end") or -1), t.findtext("phrase") or "",
               _float(gaz, "lat"), _float(gaz, "lon"))
    for loc in article.iter("location"):
        yield (int(loc.findtext("start") or -1), int(loc.findtext("end") or -1), loc.findtext("name") or "",
               _float(loc, "lat"), _float(loc, "lon"))


def _best_shift(raw: Sequence[tuple[str, list[tuple[int, int, str, float | None, float | None]]]]) -> int:
    """The constant offset correction that makes most gold offsets match their names."""
    def hits(shift: int) -> int:
        return sum(text[s + shift:e + shift] == name for text, tops in raw for s, e, name, _, _ in tops)
    return max((0, -1, 1), key=hits)


def read_gold(path: Path, limit: int | None = None) -> list[GoldDoc]:
    """Articles of an LGL / TR-News / GeoVirus XML file with their gold toponyms."""
    root = ET.parse(path).getroot()
    articles = root.findall("article")[:limit] if limit else root.findall("article")
    raw = [(a.findtext("text") or "", list(_raw_toponyms(a))) for a in articles]
    shift = _best_shift(raw)
    docs = []
    for i, (article, (text, tops)) in enumerate(zip(articles, raw)):
        gold = tuple(GoldToponym(s + shift, e + shift, text[s + shift:e + shift], lat, lon)
                     for s, e, _, lat, lon in tops if 0 <= s + shift < e + shift <= len(text))
        docs.append(GoldDoc(article.get("docid") or str(i), text, gold))
    return docs


# --- scoring ----------------------------------------------------------------------------------------


def auc(errors_km: Sequence[float]) -> float:
    """Area under the sorted, normalised log-error curve (0 best, 1 worst); see module docs."""
    if not errors_km:
        return 0.0
    ys = [math.log1p(min(e, MAX_KM)) / math.log1p(MAX_KM) for e in sorted(errors_km)]
    if len(ys) == 1:
        return ys[0]
    width = 1.0 / (len(ys) - 1)
    return sum((a + b) / 2 * width for a, b in zip(ys, ys[1:]))


def _error(gold: GoldToponym, lat: float | None, lon: float | None) -> float:
    if lat is None or lon is None or gold.lat is None or gold.lon is None:
        return MAX_KM
    return distance_km(gold.lat, gold.lon, lat, lon)


def _geo_metrics(errors: Sequence[float], prefix: str = "") -> dict[str, float]:
    if not errors:
        return {f"{prefix}acc161": 0.0, f"{prefix}median_km": 0.0, f"{prefix}auc": 0.0}
    return {
        f"{prefix}acc161": sum(e <= 161 for e in errors) / len(errors),
        f"{prefix}median_km": float(statistics.median(errors)),
        f"{prefix}auc": auc(errors),
    }


@dataclass(slots=True)
class _Tally:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    errors: list[float] = field(default_factory=list)
    gold_errors: list[float] = field(default_factory=list)


def _score_doc(doc: GoldDoc, spacy_doc: object, gaz: Gazetteer, tally: _Tally, with_gold: bool) -> None:
    from ..nlp import entity_mentions

    ents = entity_mentions(spacy_doc)  # type: ignore[arg-type]
    places = find_places(doc.text, ents, gaz, include_demonyms=True)
    gold_by_span = {(g.start, g.end): g for g in doc.toponyms}
    tally.n_gold += len(gold_by_span)
    predicted = {(p.start, p.end): p for p in places}
    tally.n_pred += len(predicted)
    for span, place in predicted.items():
        gold = gold_by_span.get(span)
        if gold is None:
            continue
        tally.tp += 1
        if gold.lat is not None:
            tally.errors.append(_error(gold, place.lat, place.lon))
    if with_gold:
        geo = [g for g in doc.toponyms if g.lat is not None]
        resolved = {(p.start, p.end): p for p in resolve_spans(doc.text, [(g.start, g.end) for g in geo], ents, gaz)}
        for g in geo:
            p = resolved.get((g.start, g.end))
            tally.gold_errors.append(_error(g, p.lat if p else None, p.lon if p else None))


def evaluate(docs: Sequence[GoldDoc], gaz: Gazetteer, *, with_gold: bool = True) -> EvalReport:
    """Run spaCy and the place finder over ``docs`` and score them."""
    from ..nlp import load_nlp

    nlp = load_nlp()
    tally = _Tally()
    for doc, spacy_doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=BATCH)):
        _score_doc(doc, spacy_doc, gaz, tally, with_gold)
    p, r, f = prf(tally.tp, tally.n_pred, tally.n_gold)
    metrics = {"ner_p": p, "ner_r": r, "ner_f1": f, **_geo_metrics(tally.errors)}
    if with_gold:
        metrics.update(_geo_metrics(tally.gold_errors, "gold_"))
    notes = {"gold_toponyms": tally.n_gold, "predicted": tally.n_pred, "found": tally.tp,
             "geocoded_found": len(tally.errors), "geocoded_gold": len(tally.gold_errors)}
    return EvalReport(task="geoparse", n_docs=len(docs), metrics=metrics, notes=notes)


@click.command("geoparse")
@click.option("--data", "data", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="Gold XML file: lgl.xml, TR-News.xml or GeoVirus.xml.")
@click.option("--no-gold-resolution", is_flag=True, help="Skip resolving the gold spans (faster).")
@limit_option
@format_option
def command(data: Path, no_gold_resolution: bool, limit: int | None, fmt: str) -> None:
    """Score toponym recognition and resolution against a geoparsing gold set.

    Example: eventwire evaluate geoparse --data ../shared/datasets/geoparse/lgl.xml --limit 100
    """
    docs = read_gold(data, limit)
    gaz = Gazetteer.load()
    emit(evaluate(docs, gaz, with_gold=not no_gold_resolution), fmt)
