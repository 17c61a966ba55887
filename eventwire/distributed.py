"""Running the per-article stages in parallel: a local process pool.

Each worker process builds its own Pipeline once (model, gazetteer, dictionaries) in the pool
initializer and keeps it for its lifetime; articles travel to workers in chunks and results come
back in input order to the single writer in the parent process. Rejections never leave the parent.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from .records import Article, ArticleResult, Rejected

if TYPE_CHECKING:
    from .pipeline import Pipeline

CHUNK = 16

# The one per-process object: set by the pool initializer inside worker processes only.
_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(make_pipeline: Callable[[], Pipeline]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = make_pipeline()


def _work(articles: list[Article]) -> list[ArticleResult | Rejected]:
    assert _WORKER_PIPELINE is not None, "worker used before its initializer ran"
    return list(_WORKER_PIPELINE.pipe(articles))


def run_pool(
    items: Iterable[Article | Rejected], make_pipeline: Callable[[], Pipeline], workers: int,
) -> Iterator[ArticleResult | Rejected]:
    """Results in input order; at most ``2 * workers`` chunks in flight (bounded memory)."""
    context = multiprocessing.get_context("fork" if hasattr(__import__("os"), "fork") else "spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(make_pipeline,)) as pool:
        in_flight: deque[tuple[list[Rejected], Future[list[ArticleResult | Rejected]]]] = deque()
        rejected: list[Rejected] = []
        chunk: list[Article] = []
        for item in items:
            if isinstance(item, Rejected):
                rejected.append(item)
                continue
            chunk.append(item)
            if len(chunk) >= CHUNK:
                in_flight.append((rejected, pool.submit(_work, chunk)))
                rejected, chunk = [], []
                while len(in_flight) > 2 * workers:
                    yield from _drain(in_flight.popleft())
        if chunk or rejected:
            in_flight.append((rejected, pool.submit(_work, chunk)))
        while in_flight:
            yield from _drain(in_flight.popleft())


def _drain(entry: tuple[list[Rejected], Future[list[ArticleResult | Rejected]]]) -> Iterator[ArticleResult | Rejected]:
    rejected, future = entry
    yield from rejected
    yield from future.result()
