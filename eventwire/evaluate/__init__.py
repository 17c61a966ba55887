"""Evaluation against gold sets: one ``EvalReport`` shape for every task.

Each task module (``extract``, ``muc4``, ``plover``, ``police``, ``geoparse``, ``timex``) exposes a
click command named ``command``; ``eventwire.cli`` registers them under ``eventwire evaluate``.
With ``--format json`` a command prints ``{"task": ..., "n_docs": ..., "metrics": {...}}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import click


@dataclass(frozen=True, slots=True)
class EvalReport:
    task: str
    n_docs: int
    metrics: dict[str, float]
    notes: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"task": self.task, "n_docs": self.n_docs, "metrics": self.metrics}
        if self.notes:
            out["notes"] = self.notes
        return out


def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def emit(report: EvalReport, fmt: str) -> None:
    """Print a report as a table (rich) or one JSON object."""
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), sort_keys=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"eventwire evaluate {report.task}  ({report.n_docs} docs)")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in report.metrics.items():
        table.add_row(name, f"{value:.4f}" if isinstance(value, float) else str(value))
    console = Console()
    console.print(table)
    for name, value in report.notes.items():
        console.print(f"{name}: {value}")


format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="Output a table or one JSON object.",
)
def muc_files_options(func):  # type: ignore[no-untyped-def]
    """--texts FILE... --keys FILE...: MUC-3/4 message files and answer keys, as distributed."""
    from pathlib import Path

    path = click.Path(exists=True, dir_okay=False, path_type=Path)
    func = click.option("--keys", "keys", multiple=True, required=True, type=path,
                        help="Answer-key file(s), e.g. dev/key-dev-0001.muc4 (repeat the option).")(func)
    return click.option("--texts", "texts", multiple=True, required=True, type=path,
                        help="MUC message file(s), e.g. dev/dev-muc3-0001-0100 (repeat the option).")(func)


limit_option = click.option("--limit", type=int, default=None, help="Evaluate only the first N documents.")
workers_option = click.option(
    "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
    help="Worker processes for the pipeline (as in `eventwire process --workers`); docs_per_s counts wall time.",
)
