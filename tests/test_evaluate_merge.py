"""``eventwire evaluate merge``: metrics, the gold clustering rule, and the command end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.evaluate.merge import b_cubed, command, gold_clusters, gold_item, pairwise_f1, same_incident
from eventwire.evaluate.muc4_reader import parse_keys

KEYS = """\
0.  MESSAGE: ID                     TST9-MUC4-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  14 MAR 90
3.  INCIDENT: LOCATION              PERU: LIMA (CITY): MIRAFLORES (NEIGHBORHOOD)
4.  INCIDENT: TYPE                  BOMBING
12. PHYS TGT: ID                    "BANK BRANCH" / "BRANCH OF THE CREDIT BANK"
0.  MESSAGE: ID                     TST9-MUC4-0002
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  14 MAR 90
3.  INCIDENT: LOCATION              PERU: LIMA (CITY)
4.  INCIDENT: TYPE                  BOMBING
12. PHYS TGT: ID                    "CREDIT BANK BRANCH"
0.  MESSAGE: ID                     TST9-MUC4-0003
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 14 MAR 90
3.  INCIDENT: LOCATION              PERU: LIMA (CITY)
4.  INCIDENT: TYPE                  BOMBING
12. PHYS TGT: ID                    "BANK BRANCH"
0.  MESSAGE: ID                     TST9-MUC4-0004
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  14 MAR 90
3.  INCIDENT: LOCATION              PERU: CUZCO (CITY)
4.  INCIDENT: TYPE                  BOMBING
12. PHYS TGT: ID                    "BANK BRANCH"
0.  MESSAGE: ID                     TST9-MUC4-0005
1.  MESSAGE: TEMPLATE               *
"""

TEXTS = """\
TST9-MUC4-0001

   LIMA, 15 MAR 90 (EFE) -- [TEXT] TERRORISTS DETONATED A CAR BOMB OUTSIDE A BRANCH OF THE
CREDIT BANK IN THE MIRAFLORES DISTRICT OF LIMA YESTERDAY, KILLING TWO GUARDS, POLICE SAID.

TST9-MUC4-0002

   LIMA, 16 MAR 90 (AFP) -- [TEXT] POLICE SAID TODAY THAT THE CAR BOMB THAT DESTROYED A CREDIT
BANK BRANCH IN LIMA ON 14 MARCH WAS PLANTED BY SHINING PATH TERRORISTS. TWO GUARDS DIED IN THE
BLAST.

TST9-MUC4-0005

   BOGOTA, 16 MAR 90 (EFE) -- [TEXT] THE COLOMBIAN CONGRESS DEBATED A NEW TAX LAW TODAY.
"""


def items():  # type: ignore[no-untyped-def]
    return [gold_item(k, 1990) for k in parse_keys(KEYS) if k.relevant]


def test_gold_rule_links_same_incident_only() -> None:
    first, second, vague, elsewhere = items()
    assert same_incident(first, second), "same day, nested place, same type, matching target"
    assert not same_incident(second, vague), "'- 14 MAR 90' is too vague a date to link"
    assert not same_incident(first, elsewhere), "another city"
    labels = gold_clusters(items())
    assert labels[0] == labels[1] and len(set(labels)) == 3


def test_b_cubed_and_pairwise() -> None:
    gold = ["x", "x", "y", "z"]
    assert b_cubed(gold, gold) == (1.0, 1.0, 1.0) and pairwise_f1(gold, gold) == 1.0
    p, r, f = b_cubed(gold, [1, 2, 3, 4])
    assert (p, r) == (1.0, pytest.approx(0.75)) and pairwise_f1(gold, [1, 2, 3, 4]) == 0.0
    p, r, _ = b_cubed(gold, [1, 1, 1, 1])
    assert p == pytest.approx((0.5 * 2 + 0.25 * 2) / 4) and r == 1.0


def test_command_reports_cluster_metrics(tmp_path: Path) -> None:
    texts, keys = tmp_path / "texts", tmp_path / "keys"
    texts.write_text(TEXTS, encoding="latin-1")
    keys.write_text(KEYS, encoding="latin-1")
    res = CliRunner().invoke(command, ["--texts", str(texts), "--keys", str(keys), "--format", "json"])
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    metrics = report["metrics"]
    assert report["task"] == "merge" and report["n_docs"] == 3
    assert set(metrics) == {"b3_p", "b3_r", "b3_f1", "pairwise_f1", "n_gold_clusters", "n_pred_clusters"}
    assert metrics["n_gold_clusters"] == 1, "two messages, one bombing"
    assert metrics["n_pred_clusters"] == 1 and metrics["pairwise_f1"] == 1.0, "the two reports merge"
