"""``eventwire evaluate extract``: main-text extraction from HTML, scored against a gold body.

The data folder is laid out like the ScrapingHub article-extraction benchmark::

    DIR/ground-truth.json      {"<id>": {"articleBody": "...", "url": "..."}, ...}
    DIR/html/<id>.html.gz      (or <id>.html)

Scoring follows that benchmark: each text is tokenised into ``\\w+`` tokens, turned into a
multiset of 4-token shingles (a text shorter than 4 tokens is one shingle), and per page TP, FP and
FN are counted and normalised to sum to 1. Precision is averaged over pages with any predicted or
matching shingle, recall over pages with any gold or matching shingle, and F1 is the harmonic mean
of the two averages. eventwire's :func:`eventwire.text.extract_html` and plain
``trafilatura.extract(html)`` (default settings) are scored in the same run.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from . import EvalReport, emit, format_option, limit_option

_TOKEN = re.compile(r"\w+")
NGRAM = 4


@dataclass(frozen=True, slots=True)
class PageScore:
    """Normalised shingle counts of one page (tp + fp + fn == 1, or all 0 for two empty texts)."""

    tp: float
    fp: float
    fn: float


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text of fewer than n tokens is a single shingle."""
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def score_page(gold: str, predicted: str) -> PageScore:
    true, pred = shingles(gold), shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if not total:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


def _precision(s: PageScore) -> float:
    if s.fp == 0 and s.fn == 0:
        return 1.0
    return s.tp / (s.tp + s.fp) if s.tp + s.fp else 0.0


def _recall(s: PageScore) -> float:
    if s.fp == 0 and s.fn == 0:
        return 1.0
    return s.tp / (s.tp + s.fn) if s.tp + s.fn else 0.0


def aggregate(scores: list[PageScore]) -> tuple[float, float, float]:
    """(precision, recall, F1): per-page means, F1 the harmonic mean of the two means."""
    ps = [_precision(s) for s in scores if s.tp + s.fp > 0]
    rs = [_recall(s) for s in scores if s.tp + s.fn > 0]
    p = statistics.fmean(ps) if ps else 0.0
    r = statistics.fmean(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --- data ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    id: str
    url: str | None
    html: str
    body: str


def _html_path(folder: Path, item_id: str) -> Path | None:
    for name in (f"{item_id}.html.gz", f"{item_id}.html"):
        if (folder / "html" / name).is_file():
            return folder / "html" / name
    return None


def _read_html(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def load_pages(folder: Path, limit: int | None = None) -> Iterator[Page]:
    """Pages with gold bodies, sorted by id; pages without an HTML file are skipped."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    count = 0
    for item_id in sorted(truth):
        if limit is not None and count >= limit:
            return
        path = _html_path(folder, item_id)
        if path is None:
            continue
        entry = truth[item_id]
        yield Page(item_id, entry.get("url"), _read_html(path), entry.get("articleBody") or "")
        count += 1


# --- run -----------------------------------------------------------------------------------------


def _eventwire(page: Page) -> str:
    from ..text import extract_html

    return extract_html(page.html, url=page.url).body


def _trafilatura(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html) or ""


def evaluate(folder: Path, limit: int | None = None) -> EvalReport:
    """Score eventwire and plain trafilatura on every page of ``folder``."""
    systems: dict[str, Callable[[Page], str]] = {"": _eventwire, "trafilatura_": _trafilatura}
    scores: dict[str, list[PageScore]] = {name: [] for name in systems}
    seconds = 0.0
    n = 0
    for page in load_pages(folder, limit):
        n += 1
        for name, extract in systems.items():
            start = time.perf_counter()
            predicted = extract(page)
            if not name:
                seconds += time.perf_counter() - start
            scores[name].append(score_page(page.body, predicted))
    metrics: dict[str, float] = {}
    for name, rows in scores.items():
        p, r, f = aggregate(rows)
        metrics.update({f"{name}p": p, f"{name}r": r, f"{name}f1": f})
    metrics["pages_per_s"] = n / seconds if seconds else 0.0
    notes = {"data": str(folder), "scoring": "word 4-gram shingles, per-page means"}
    return EvalReport(task="extract", n_docs=n, metrics=metrics, notes=notes)


@click.command(name="extract")
@click.option("--data", "data", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder with ground-truth.json and html/<id>.html.gz.")
@limit_option
@format_option
def command(data: Path, limit: int | None, fmt: str) -> None:
    """Score main-text extraction from HTML against gold article bodies.

    Example: eventwire evaluate extract --data ../shared/datasets/article-extraction
    """
    if not (data / "ground-truth.json").is_file():
        raise click.UsageError(f"{data} has no ground-truth.json")
    emit(evaluate(data, limit), fmt)
