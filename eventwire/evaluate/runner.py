"""Run the event pipeline over evaluation texts: one place that loads it, times it, and keeps order.

Evaluation commands build ``Article`` records from gold-set texts, hand them to :func:`run_articles`
and get back one result per article, in input order, plus the wall-clock seconds the pipeline took
(so every task can report ``docs_per_s``). The pipeline is imported lazily: when
``eventwire.pipeline`` is missing or broken, :func:`load_pipeline` raises ``ConfigError`` with a
message that says so, and the commands turn that into a clean CLI error.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import ConfigError
from ..records import Article, ArticleResult, Event, Place, Rejected, content_id

Outcome = ArticleResult | Rejected


class PipelineLike(Protocol):
    """What evaluation needs from ``eventwire.pipeline.Pipeline``."""

    def pipe(self, articles: Iterable[Article]) -> Iterable[Outcome]: ...


@dataclass(frozen=True, slots=True)
class RunOutput:
    """Pipeline outcomes in input order and the seconds the pipeline ran."""

    outcomes: tuple[Outcome, ...]
    seconds: float
    stage_seconds: tuple[tuple[str, float], ...] = ()  # from the pipeline's timer, when it has one

    @property
    def docs_per_s(self) -> float:
        return len(self.outcomes) / self.seconds if self.seconds > 0 else 0.0

    @property
    def n_rejected(self) -> int:
        return sum(1 for o in self.outcomes if isinstance(o, Rejected))


def load_pipeline(**kwargs: Any) -> PipelineLike:
    """Import and build ``eventwire.pipeline.Pipeline``; ConfigError when it is unavailable."""
    try:
        from ..pipeline import Pipeline  # type: ignore[import-not-found,unused-ignore]
    except ImportError as err:
        raise ConfigError(
            f"the event pipeline (eventwire.pipeline.Pipeline) cannot be imported: {err}",
            code="E_PIPELINE",
        ) from err
    return Pipeline(**kwargs)  # type: ignore[no-any-return]


def make_article(text: str, *, published: dt.date | None = None, origin: str | None = None) -> Article:
    """An Article for one gold-set text; the id is the content hash, as ingest would make it."""
    return Article(id=content_id(text), text=text, published=published, origin=origin)


def run_articles(pipeline: PipelineLike, articles: Sequence[Article], workers: int = 1) -> RunOutput:
    """Run the pipeline over ``articles`` (streamed), timing only the pipeline itself: models are
    loaded before the clock starts (the spaCy model with the pipeline, the rest by ``prepare``).

    With ``workers`` > 1 the articles go through a local process pool, as ``eventwire process
    --workers`` runs them; on systems that fork, the workers start from this process's loaded
    pipeline (nothing is loaded again), elsewhere each builds its own before its first chunk."""
    prepare = getattr(pipeline, "prepare", None)
    if prepare is not None:
        prepare(a.text for a in articles)
    start = time.perf_counter()
    if workers > 1:
        outcomes, stages = _in_pool(pipeline, articles, workers)
    else:
        outcomes = tuple(pipeline.pipe(articles))
        timer = getattr(getattr(pipeline, "timer", None), "seconds", None)
        stages = tuple((k, round(float(v), 2)) for k, v in timer.items()) if isinstance(timer, dict) else ()
    seconds = time.perf_counter() - start
    if len(outcomes) != len(articles):
        raise ConfigError(
            f"the pipeline returned {len(outcomes)} results for {len(articles)} articles",
            code="E_PIPELINE",
        )
    return RunOutput(outcomes=outcomes, seconds=seconds, stage_seconds=stages)


def _in_pool(pipeline: PipelineLike, articles: Sequence[Article], workers: int) -> tuple[tuple[Outcome, ...], tuple[tuple[str, float], ...]]:
    from ..distributed import WorkerStats, run_pool

    stats = WorkerStats()
    make = (lambda: pipeline) if hasattr(os, "fork") else load_pipeline  # a fork inherits the loaded one
    outcomes = tuple(run_pool(articles, make, workers, stats))  # type: ignore[arg-type,return-value]
    return outcomes, tuple((k, round(v, 2)) for k, v in stats.stage_seconds.items())


def events_of(outcome: Outcome) -> tuple[Event, ...]:
    """The events of one outcome; a Rejected article has none."""
    return outcome.events if isinstance(outcome, ArticleResult) else ()


def places_of(outcome: Outcome) -> tuple[Place, ...]:
    """The places mentioned in one outcome; a Rejected article has none."""
    return outcome.places if isinstance(outcome, ArticleResult) else ()


def shared_dir() -> Path:
    """The shared folder holding ``datasets/``: $EVENTWIRE_SHARED, else ``../shared`` of the repo."""
    env = os.environ.get("EVENTWIRE_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared"


def optional_import(module: str, name: str) -> Callable[..., Any] | None:
    """``module.name`` when importable (another stage may not exist yet), else None."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        return None
