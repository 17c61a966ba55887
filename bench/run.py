"""End-to-end benchmark: corpus JSONL -> ingest -> pipeline (local pool or Dask) -> SQLite.

    python bench/run.py [--articles N] [--workers N] [--executor local|dask] [--json FILE]

Builds a reproducible corpus (bench/corpus.py) in a temporary directory, runs it end to end the
way ``eventwire process`` does (one writer, batched writes), then, in the same run and on the same
corpus, measures warm single-article latency and the naive baseline: the full spaCy
``en_core_web_sm`` pipeline over every sentence (``nlp.pipe``) with nothing else.
Prints a table (rich) and optionally writes the numbers as JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import corpus  # noqa: E402
from eventwire.distributed import WorkerStats, peak_rss_mb  # noqa: E402
from eventwire.records import Article, ArticleResult, Rejected  # noqa: E402

WRITE_BATCH = 64
LATENCY_SAMPLES = 40

# The speed issue's targets, stated for its reference machine, where the naive baseline managed about
# 14 articles/s: at least 25 articles/s with two workers and at most 150 ms of warm single-article
# latency. Machines differ (this one's baseline has run at 6.6 to 8.8 articles/s), so the targets are
# checked as ratios to the baseline measured in the same run: 25 / 14 = 1.79 x its throughput, and a
# latency of at most 150 / (1000 / 14) = 2.1 x its time per article. Memory does not scale with speed.
REFERENCE_BASELINE_PER_S = 14.0
TARGET_PER_S = 25.0
TARGET_LATENCY_MS = 150.0
TARGET_RSS_MB = 1536.0


@dataclass
class Clock:
    """Seconds spent in the parent's own stages (ingest, store)."""

    seconds: dict[str, float] = field(default_factory=lambda: {"ingest": 0.0, "store": 0.0})

    def timed(self, stage: str, items: Iterable[Any]) -> Iterator[Any]:
        iterator = iter(items)
        while True:
            started = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                self.seconds[stage] += time.perf_counter() - started
                return
            self.seconds[stage] += time.perf_counter() - started
            yield item


@dataclass(frozen=True, slots=True)
class RunResult:
    articles: int
    events: int
    rejected: int
    seconds: float
    stage_seconds: dict[str, float]
    parent_rss_mb: float
    worker_rss_mb: dict[str, float]
    cpu_seconds: float  # parent's own CPU time plus the workers' CPU time on their chunks


def _make_pipeline():  # type: ignore[no-untyped-def]
    from eventwire.pipeline import Pipeline

    return Pipeline()


def _local(items: Iterable[Article | Rejected], stats: WorkerStats) -> Iterator[ArticleResult | Rejected]:
    """One process: the pipeline runs here; stage seconds come from its timer."""
    from eventwire.distributed import CHUNK, run_chunk

    pipeline = _make_pipeline()
    chunk: list[Article] = []
    for item in items:
        if isinstance(item, Rejected):
            yield item
            continue
        chunk.append(item)
        if len(chunk) >= CHUNK:
            results, report = run_chunk(pipeline, chunk, "parent")
            stats.add(report)
            yield from results
            chunk = []
    if chunk:
        results, report = run_chunk(pipeline, chunk, "parent")
        stats.add(report)
        yield from results


def _executor(name: str, workers: int, scheduler: str | None) -> Callable[..., Iterator[ArticleResult | Rejected]]:
    if name == "dask":
        from eventwire.dask_executor import run_dask

        return lambda items, stats: run_dask(items, _make_pipeline, scheduler, workers, stats)
    if workers <= 1:
        return _local
    from eventwire.distributed import run_pool

    return lambda items, stats: run_pool(items, _make_pipeline, workers, stats)


def end_to_end(path: Path, db: Path, executor: str, workers: int, scheduler: str | None) -> RunResult:
    """What ``eventwire process`` does: read, process, write in batches with one writer."""
    from eventwire.ingest import read_inputs
    from eventwire.store import open_store

    clock, stats = Clock(), WorkerStats()
    run = _executor(executor, workers, scheduler)
    articles = events = rejected = 0
    started, cpu = time.perf_counter(), time.process_time()
    with open_store(db) as store:
        batch: list[ArticleResult] = []
        for item in run(clock.timed("ingest", read_inputs([str(path)])), stats):
            if isinstance(item, Rejected):
                rejected += 1
                _store(clock, store.add_rejections, [item])
                continue
            batch.append(item)
            articles += 1
            events += len(item.events)
            if len(batch) >= WRITE_BATCH:
                _store(clock, store.add_results, batch)
                batch = []
        _store(clock, store.add_results, batch)
    seconds = time.perf_counter() - started
    parent_cpu = time.process_time() - cpu  # with --workers 1 this already holds the pipeline's CPU
    worker_cpu = stats.cpu_seconds if (executor, workers) != ("local", 1) else 0.0
    stage_seconds = {**clock.seconds, **stats.stage_seconds}
    workers_rss = {k: v for k, v in stats.peak_rss_mb.items() if k != "parent"}
    return RunResult(articles, events, rejected, seconds, stage_seconds, peak_rss_mb(), workers_rss,
                     parent_cpu + worker_cpu)


def _store(clock: Clock, write: Callable[[list[Any]], Any], items: list[Any]) -> None:
    if items:
        started = time.perf_counter()
        write(items)
        clock.seconds["store"] += time.perf_counter() - started


def latency_ms(path: Path, samples: int = LATENCY_SAMPLES) -> list[float]:
    """Warm single-article latency: one pipeline, three warm-up calls, then one call per article."""
    from eventwire.ingest import read_inputs

    pipeline = _make_pipeline()
    articles = [a for _, a in zip(range(samples + 3), read_inputs([str(path)])) if isinstance(a, Article)]
    for article in articles[:3]:
        pipeline(article)
    out = []
    for article in articles[3:]:
        started = time.perf_counter()
        pipeline(article)
        out.append((time.perf_counter() - started) * 1000)
    return out


def baseline(texts: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of the full spaCy pipeline over every sentence of ``texts``, nothing else."""
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    sentences = [s for text in texts for s in corpus.split_sentences(text)]
    list(nlp.pipe(sentences[:64]))  # warm
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(sentences, batch_size=256):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def report(run: RunResult, words: int, base_articles: int, base: tuple[float, float],
           latencies: list[float], args: dict[str, Any], load: tuple[float, float]) -> dict[str, Any]:
    total = sum(run.stage_seconds.values()) or 1.0
    articles_per_s = run.articles / run.seconds
    base_seconds, base_cpu = base
    baseline_per_s = base_articles / base_seconds
    cpu_ms = 1000 * run.cpu_seconds / max(1, run.articles)
    base_cpu_ms = 1000 * base_cpu / max(1, base_articles)
    return {
        **args,
        "articles": run.articles, "events": run.events, "rejected": run.rejected,
        "words": words, "seconds": round(run.seconds, 2),
        "articles_per_s": round(articles_per_s, 2),
        "words_per_s": round(words / run.seconds),
        "baseline_articles": base_articles, "baseline_seconds": round(base_seconds, 2),
        "baseline_articles_per_s": round(baseline_per_s, 2),
        "ratio_to_baseline": round(articles_per_s / baseline_per_s, 3),
        "cpu_ms_per_article": round(cpu_ms, 1), "baseline_cpu_ms_per_article": round(base_cpu_ms, 1),
        "cpu_ratio_to_baseline": round(base_cpu_ms / cpu_ms, 3) if cpu_ms else None,
        "latency_ms_p50": round(statistics.median(latencies), 1),
        "latency_ms_p90": round(sorted(latencies)[int(0.9 * (len(latencies) - 1))], 1),
        "peak_rss_mb": {"parent": round(run.parent_rss_mb, 1),
                        **{k: round(v, 1) for k, v in sorted(run.worker_rss_mb.items())}},
        "stage_seconds": {k: round(v, 2) for k, v in run.stage_seconds.items()},
        "stage_share": {k: round(v / total, 3) for k, v in run.stage_seconds.items()},
        "targets": targets(articles_per_s, baseline_per_s, statistics.median(latencies), run, args["workers"]),
        "load_avg_1min": {"start": round(load[0], 2), "end": round(load[1], 2)},
        "cpus": os.cpu_count(), "python": platform.python_version(), "code": _code_version(),
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def targets(articles_per_s: float, baseline_per_s: float, latency_p50: float, run: RunResult,
            workers: int) -> dict[str, Any]:
    """The issue's targets scaled to this machine by the baseline of this run, and whether each is met.

    The throughput target is for two workers: other worker counts scale it linearly.
    """
    scale = baseline_per_s / REFERENCE_BASELINE_PER_S
    need_per_s = TARGET_PER_S * scale * workers / 2
    need_latency = TARGET_LATENCY_MS / scale
    rss = max(run.worker_rss_mb.values(), default=run.parent_rss_mb)
    return {
        "articles_per_s": {"target": round(need_per_s, 2), "measured": round(articles_per_s, 2),
                           "ratio_target": round(TARGET_PER_S / REFERENCE_BASELINE_PER_S, 3),
                           "met": articles_per_s >= need_per_s},
        "latency_ms_p50": {"target": round(need_latency, 1), "measured": round(latency_p50, 1),
                           "met": latency_p50 <= need_latency},
        "peak_rss_mb_per_worker": {"target": TARGET_RSS_MB, "measured": round(rss, 1), "met": rss <= TARGET_RSS_MB},
    }


def _code_version() -> str:
    """Commit of the code measured (plus "-dirty" when the working tree had edits)."""
    import subprocess

    try:
        out = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=Path(__file__).resolve().parents[1],
                             capture_output=True, text=True, timeout=10, check=False)
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"


def print_table(result: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"eventwire end to end: {result['executor']}, {result['workers']} worker(s)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key in ("articles", "events", "seconds", "articles_per_s", "words_per_s", "baseline_articles_per_s",
                "ratio_to_baseline", "cpu_ms_per_article", "baseline_cpu_ms_per_article", "cpu_ratio_to_baseline",
                "latency_ms_p50", "latency_ms_p90"):
        table.add_row(key, str(result[key]))
    for name, mb in result["peak_rss_mb"].items():
        table.add_row(f"peak RSS MB ({name})", str(mb))
    for stage, share in result["stage_share"].items():
        table.add_row(f"share: {stage}", f"{share:.1%}")
    for name, t in result["targets"].items():
        verdict = "met" if t["met"] else "NOT met"
        table.add_row(f"target {name} (scaled to baseline)", f"{t['measured']} vs {t['target']}: {verdict}")
    table.add_row("load avg (start → end)", f"{result['load_avg_1min']['start']} → {result['load_avg_1min']['end']}")
    Console(width=100).print(table)


CONFIGS = (("local", 2), ("dask", 2), ("local", 1))  # pool first: it forks a parent with no model loaded


@click.command()
@click.option("--articles", type=click.IntRange(1), default=2000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), default=2, show_default=True)
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="Dask scheduler address (default: a LocalCluster).")
@click.option("--compare", is_flag=True,
              help="Run local/1, local/2 and dask/2 on one corpus with one baseline (ignores --workers/--executor).")
@click.option("--words", type=click.IntRange(50), default=600, show_default=True, help="Words per article.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--baseline-articles", type=click.IntRange(1), default=None,
              help="Run the baseline on the first N articles only (default: all).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), default=None)
def main(articles: int, workers: int, executor: str, scheduler: str | None, compare: bool, words: int,
         seed: int, baseline_articles: int | None, json_path: str | None) -> None:
    """Benchmark eventwire end to end against the naive spaCy baseline.

    Example: python bench/run.py --articles 2000 --workers 2 --json bench.json
    """
    configs = CONFIGS if compare else ((executor, workers),)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        path = Path(tmp) / "corpus.jsonl"
        n, n_words = corpus.write_jsonl(path, corpus.build(articles, words=words, seed=seed))
        for ex, w in configs:  # each table is printed (and the JSON written) as soon as it is measured
            load_start = os.getloadavg()[0]
            run = end_to_end(path, Path(tmp) / f"bench-{ex}-{w}.db", ex, w, scheduler)
            if not results:  # after the first run, so that the first pool forks a parent without a model
                latencies = latency_ms(path)
                texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")][:baseline_articles]
                base = baseline(texts)
            args = {"executor": ex, "workers": w, "articles_requested": n, "seed": seed,
                    "corpus_words_per_article": round(n_words / n)}
            load = (load_start, os.getloadavg()[0])
            results.append(report(run, n_words, len(texts), base, latencies, args, load))
            print_table(results[-1])
            if json_path:
                body = results if compare else results[0]
                Path(json_path).write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
