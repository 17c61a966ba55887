"""Running the pipeline over many inputs into a store: resume, batching, workers, counting.

    read_inputs -> skip articles already stored -> Pipeline (here or in worker processes)
                -> store.add_results / store.add_rejections in batches -> Summary

A run that is killed and started again skips every article already stored (articles are written
atomically with their events), so it neither duplicates nor drops anything.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .records import Article, ArticleResult, Rejected

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .store import Store

WRITE_BATCH = 64


@dataclass
class Summary:
    """What a run did; printed by the CLI and returned to library callers."""

    read: int = 0
    new: int = 0
    skipped: int = 0
    events: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def n_rejected(self) -> int:
        return sum(self.rejected.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "new": self.new, "skipped": self.skipped, "events": self.events,
            "rejected": self.n_rejected, "rejected_by_code": dict(self.rejected),
            "seconds": round(self.seconds, 3),
            "articles_per_s": round(self.new / self.seconds, 2) if self.seconds else None,
        }


def process(
    items: Iterable[Article | Rejected],
    store: Store,
    *,
    make_pipeline: Callable[[], Pipeline],
    workers: int = 1,
    on_item: Callable[[], None] | None = None,
    executor: str = "local",
    scheduler: str | None = None,
) -> Summary:
    """Run the pipeline over ``items`` and store everything; returns the run's Summary.

    ``executor="dask"`` runs the per-article stages on the Dask cluster at ``scheduler`` (a
    LocalCluster of ``workers`` processes when None); needs ``pip install 'eventwire[dask]'``.
    """
    summary = Summary()
    started = time.perf_counter()
    fresh = _skip_known(items, store, summary, on_item)
    results = _results(fresh, make_pipeline, workers, summary, executor, scheduler)
    batch: list[ArticleResult] = []
    for item in results:
        if on_item is not None:
            on_item()
        if isinstance(item, Rejected):
            summary.rejected[item.code] += 1
            store.add_rejections([item])
            continue
        batch.append(item)
        summary.new += 1
        summary.events += len(item.events)
        if len(batch) >= WRITE_BATCH:
            store.add_results(batch)
            batch = []
    if batch:
        store.add_results(batch)
    summary.seconds = time.perf_counter() - started
    return summary


def _skip_known(
    items: Iterable[Article | Rejected], store: Store, summary: Summary,
    on_item: Callable[[], None] | None,
) -> Iterator[Article | Rejected]:
    """Pass through new articles and rejections; drop articles already in the store."""
    pending: list[Article | Rejected] = []
    seen: set[str] = set()  # ids passed on in this run (a duplicate may arrive before the first is written)

    def flush() -> Iterator[Article | Rejected]:
        known = store.known_article_ids(a.id for a in pending if isinstance(a, Article))
        for item in pending:
            if isinstance(item, Article) and (item.id in known or item.id in seen):
                summary.skipped += 1
                if on_item is not None:
                    on_item()
                continue
            if isinstance(item, Article):
                seen.add(item.id)
            yield item

    for item in items:
        summary.read += 1
        pending.append(item)
        if len(pending) >= WRITE_BATCH:
            yield from flush()
            pending = []
    if pending:
        yield from flush()


def _results(
    items: Iterable[Article | Rejected], make_pipeline: Callable[[], Pipeline], workers: int,
    summary: Summary, executor: str = "local", scheduler: str | None = None,
) -> Iterator[ArticleResult | Rejected]:
    from .distributed import WorkerStats, run_pool

    if executor == "dask":
        from .dask_executor import run_dask

        stats = WorkerStats()
        yield from run_dask(items, make_pipeline, scheduler, workers, stats)
        summary.stage_seconds = stats.stage_seconds
        return
    if workers <= 1:
        pipeline = make_pipeline()
        yield from pipeline.pipe(items)
        summary.stage_seconds = dict(pipeline.timer.seconds)
        return
    stats = WorkerStats()
    yield from run_pool(items, make_pipeline, workers, stats)
    summary.stage_seconds = stats.stage_seconds
