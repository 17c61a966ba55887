"""Quality floors on the gold sets in ../shared/datasets: a change that lowers a score fails here.

Each floor sits a little below the score measured when it was pinned (the measured value is in
the comment); raise them as the scores rise. Skipped, saying why, when ../shared is absent.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from support import shared_path


def evaluate(*args: str) -> dict[str, float]:
    result = CliRunner().invoke(main, ["evaluate", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["metrics"]


@pytest.mark.slow
def test_plover_floors() -> None:
    metrics = evaluate("plover", "--data", str(shared_path("datasets", "plover_gsr")))
    assert metrics["type_acc"] >= 0.74  # measured 0.764 (0.680 before the PLOVER manual's rules)
    assert metrics["type_acc_heldout"] >= 0.65  # measured 0.677 on the half never read (0.646 before)
    assert metrics["actor_f1"] >= 0.83  # measured 0.851
    assert metrics["recipient_f1"] >= 0.55  # measured 0.571 (0.418 before recipients through prepositions and named states)


@pytest.mark.slow
def test_police_floors_on_first_100_documents() -> None:
    metrics = evaluate("police", "--data", str(shared_path("datasets", "india_police_events")), "--limit", "100")
    assert metrics["kill_f1"] >= 0.64  # measured 0.667
    assert metrics["arrest_f1"] >= 0.73  # measured 0.762 (0.698 before passive/held/booked arrests)
    assert metrics["force_f1"] >= 0.69  # measured 0.714
    assert metrics["doc_arrest_f1"] >= 0.79  # measured 0.818
