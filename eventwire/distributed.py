"""Running the per-article stages in parallel: a local process pool (Dask: ``dask_executor``).

Each worker process builds its own Pipeline once (model, gazetteer, dictionaries) in the pool
initializer and keeps it for its lifetime; articles travel to workers in chunks and results come
back in input order to the single writer in the parent process. Rejections never leave the parent.

Every chunk also returns a ``ChunkReport`` (worker id, stage seconds spent on the chunk, the
worker's peak RSS); pass a ``WorkerStats`` to collect them (the benchmark and the run summary do).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .records import Article, ArticleResult, Rejected

if TYPE_CHECKING:
    from .pipeline import Pipeline

CHUNK = 16

# The one per-process object: set by the pool initializer inside worker processes only.
_WORKER_PIPELINE: Pipeline | None = None


@dataclass(frozen=True, slots=True)
class ChunkReport:
    """What one worker says about one chunk it processed."""

    worker: str
    stage_seconds: dict[str, float]
    peak_rss_mb: float
    cpu_seconds: float = 0.0  # CPU time (user + system) the worker spent on the chunk


@dataclass
class WorkerStats:
    """Stage seconds summed over all chunks; peak RSS per worker."""

    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)
    cpu_seconds: float = 0.0

    def add(self, report: ChunkReport) -> None:
        self.cpu_seconds += report.cpu_seconds
        for stage, seconds in report.stage_seconds.items():
            self.stage_seconds[stage] = self.stage_seconds.get(stage, 0.0) + seconds
        previous = self.peak_rss_mb.get(report.worker, 0.0)
        self.peak_rss_mb[report.worker] = max(previous, report.peak_rss_mb)


def peak_rss_mb() -> float:
    """Peak resident set size of this process, in MB (ru_maxrss is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_chunk(pipeline: Pipeline, articles: list[Article], worker: str) -> tuple[list[ArticleResult | Rejected], ChunkReport]:
    """Process one chunk with a loaded pipeline; shared by the pool and the Dask executor."""
    timer = getattr(getattr(pipeline, "timer", None), "seconds", {})  # a stand-in may keep none
    before, cpu = dict(timer), time.process_time()
    results = list(pipeline.pipe(articles))
    spent = {k: v - before.get(k, 0.0) for k, v in timer.items()}
    return results, ChunkReport(worker, spent, peak_rss_mb(), time.process_time() - cpu)


def _init_worker(make_pipeline: Callable[[], Pipeline]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = make_pipeline()


def _work(articles: list[Article]) -> tuple[list[ArticleResult | Rejected], ChunkReport]:
    assert _WORKER_PIPELINE is not None, "worker used before its initializer ran"
    return run_chunk(_WORKER_PIPELINE, articles, f"pid-{os.getpid()}")


def run_pool(
    items: Iterable[Article | Rejected], make_pipeline: Callable[[], Pipeline], workers: int,
    stats: WorkerStats | None = None,
) -> Iterator[ArticleResult | Rejected]:
    """Results in input order; at most ``2 * workers`` chunks in flight (bounded memory)."""
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(make_pipeline,)) as pool:

        def collect(chunk: list[Article], future: Future[tuple[list[ArticleResult | Rejected], ChunkReport]]) -> list[ArticleResult | Rejected]:
            results, report = future.result()
            if stats is not None:
                stats.add(report)
            return results

        yield from ordered_chunks(items, lambda chunk: pool.submit(_work, chunk), 2 * workers, collect)


def ordered_chunks(
    items: Iterable[Article | Rejected],
    submit: Callable[[list[Article]], Any],
    limit: int,
    collect: Callable[[list[Article], Any], Iterable[ArticleResult | Rejected]],
) -> Iterator[ArticleResult | Rejected]:
    """The streaming loop both executors share: articles go out in chunks of CHUNK through
    ``submit`` (at most ``limit`` chunks in flight), and come back in input order through
    ``collect(chunk, handle)``; rejections from ingest keep their place in the stream."""
    in_flight: deque[tuple[list[Rejected], list[Article], Any]] = deque()
    rejected: list[Rejected] = []
    chunk: list[Article] = []
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        chunk.append(item)
        if len(chunk) >= CHUNK:
            in_flight.append((rejected, chunk, submit(chunk)))
            rejected, chunk = [], []
            while len(in_flight) > limit:
                yield from _emit(in_flight.popleft(), collect)
    if chunk or rejected:
        in_flight.append((rejected, chunk, submit(chunk) if chunk else None))
    while in_flight:
        yield from _emit(in_flight.popleft(), collect)


def _emit(
    entry: tuple[list[Rejected], list[Article], Any],
    collect: Callable[[list[Article], Any], Iterable[ArticleResult | Rejected]],
) -> Iterator[ArticleResult | Rejected]:
    rejected, chunk, handle = entry
    yield from rejected
    if handle is not None:
        yield from collect(chunk, handle)
