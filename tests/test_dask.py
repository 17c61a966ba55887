"""The Dask executor stores exactly what the local run stores, and says what to install without Dask."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.ingest import read_inputs
from eventwire.records import ArticleResult, Rejected
from eventwire.store import Store, open_store
from support import EXAMPLES


def _stored_events(store: Store) -> list[tuple[str, str]]:
    import json

    return sorted((e.id, json.dumps(e.to_dict(), sort_keys=True)) for e in store.events())


def _write(store: Store, results: list[ArticleResult | Rejected]) -> None:
    store.add_results([r for r in results if isinstance(r, ArticleResult)])
    store.add_rejections([r for r in results if isinstance(r, Rejected)])


@pytest.mark.slow
def test_dask_local_cluster_stores_the_same_events_as_the_local_run(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="Dask is not installed: pip install 'eventwire[dask]'")
    from eventwire.dask_executor import run_dask
    from eventwire.distributed import WorkerStats
    from eventwire.pipeline import Pipeline
    from eventwire.runner import process

    with open_store(tmp_path / "local.db") as local:
        summary = process(read_inputs([str(EXAMPLES)]), local, make_pipeline=Pipeline, workers=1)
        expected = _stored_events(local)
        local_stats = local.stats()
    stats = WorkerStats()
    results = list(run_dask(read_inputs([str(EXAMPLES)]), Pipeline, scheduler=None, workers=2, stats=stats))
    with open_store(tmp_path / "dask.db") as dask_store:
        _write(dask_store, results)
        got = _stored_events(dask_store)
        dask_stats = dask_store.stats()

    assert summary.events > 0 and len(expected) == summary.events
    assert got == expected
    assert dask_stats["articles"] == local_stats["articles"]
    assert dask_stats["rejections"] == local_stats["rejections"]
    assert stats.peak_rss_mb and all(mb > 0 for mb in stats.peak_rss_mb.values())


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.dask_executor import run_dask

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(ConfigError, match=r"pip install 'eventwire\[dask\]'"):
        list(run_dask(iter(()), dict, scheduler=None, workers=1))


def test_cli_scheduler_needs_the_dask_executor(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from eventwire.cli import main

    result = CliRunner().invoke(
        main, ["process", str(EXAMPLES), "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://127.0.0.1:8786"],
    )
    assert result.exit_code == 2
    assert "--executor dask" in result.output
