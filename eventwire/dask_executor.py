"""Running the per-article stages on a dask.distributed cluster.

    parent: read items ─> chunks of articles ─> client.submit ─> results in input order ─> one writer
    worker: PipelinePlugin.setup builds the Pipeline once per worker; each task runs one chunk

Dask is an optional extra (``pip install 'eventwire[dask]'``). With no scheduler address a
``LocalCluster(n_workers=workers, threads_per_worker=1)`` is started for the run and closed after
it. With an address (``tcp://host:8786``) the run uses that cluster's workers, which need eventwire
installed. A chunk whose worker dies beyond Dask's retries comes back as one ``Rejected`` per
article (code ``E_WORKER``), so the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .distributed import ChunkReport, WorkerStats, ordered_chunks, run_chunk
from .errors import ConfigError
from .records import Article, ArticleResult, Rejected

if TYPE_CHECKING:
    from .pipeline import Pipeline

DASK_HINT = "pip install 'eventwire[dask]'"
PLUGIN_NAME = "eventwire-pipeline"


def _require_dask() -> Any:
    try:
        import distributed
    except ImportError as e:
        raise ConfigError(f"the Dask executor needs Dask: {DASK_HINT}", code="E_EXTRA") from e
    return distributed


def _plugin(make_pipeline: Callable[[], Pipeline]) -> Any:
    """A WorkerPlugin that loads the pipeline once when a worker starts (or joins later)."""
    distributed = _require_dask()

    class PipelinePlugin(distributed.WorkerPlugin):  # type: ignore[misc, name-defined]
        name = PLUGIN_NAME

        def __init__(self, make: Callable[[], Pipeline]) -> None:
            self.make = make
            self.pipeline: Pipeline | None = None

        def setup(self, worker: Any) -> None:
            self.pipeline = self.make()

    return PipelinePlugin(make_pipeline)


def _work(articles: list[Article]) -> tuple[list[ArticleResult | Rejected], ChunkReport]:
    """The task: run one chunk with this worker's pipeline."""
    from distributed import get_worker

    worker = get_worker()
    pipeline = getattr(worker.plugins[PLUGIN_NAME], "pipeline", None)
    if pipeline is None:  # pragma: no cover - setup always runs before tasks
        raise RuntimeError("eventwire pipeline plugin was not set up on this worker")
    return run_chunk(pipeline, articles, str(worker.address))


def _client(scheduler: str | None, workers: int) -> tuple[Any, Any]:
    """(client, cluster-or-None); the cluster is ours to close when we started it."""
    distributed = _require_dask()
    if scheduler:
        return distributed.Client(scheduler), None
    cluster = distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
    )
    return distributed.Client(cluster), cluster


def run_dask(
    items: Iterable[Article | Rejected], make_pipeline: Callable[[], Pipeline],
    scheduler: str | None = None, workers: int = 2, stats: WorkerStats | None = None,
) -> Iterator[ArticleResult | Rejected]:
    """Results in input order, at most ``2 * threads`` chunks in flight; rejections pass through.

    Raises ConfigError (code E_EXTRA) naming ``pip install 'eventwire[dask]'`` when Dask is not
    installed.
    """
    _require_dask()
    client, cluster = _client(scheduler, max(1, workers))
    try:
        client.register_plugin(_plugin(make_pipeline), name=PLUGIN_NAME)
        slots = max(1, sum(client.nthreads().values()))
        yield from _stream(client, items, 2 * slots, stats)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _stream(
    client: Any, items: Iterable[Article | Rejected], limit: int, stats: WorkerStats | None,
) -> Iterator[ArticleResult | Rejected]:
    return ordered_chunks(
        items, lambda chunk: client.submit(_work, chunk, pure=False), limit,
        lambda chunk, future: _collect(chunk, future, stats),
    )


def _collect(chunk: list[Article], future: Any, stats: WorkerStats | None) -> Iterator[ArticleResult | Rejected]:
    """One chunk's results; a lost worker turns its chunk into rejections, the run goes on."""
    try:
        results, report = future.result()
    except Exception as e:  # noqa: BLE001 - a lost worker must not stop the run
        reason = f"worker failed: {type(e).__name__}: {e}"
        yield from (Rejected(a.origin or a.id, "events", "E_WORKER", reason) for a in chunk)
        return
    finally:
        future.release()
    if stats is not None:
        stats.add(report)
    yield from results
