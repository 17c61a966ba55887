"""``eventwire evaluate geoparse``: readers, metrics, and a floor on a fixed LGL subset."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.evaluate.geoparse import auc, command, read_gold

TEXT = "Flooding hit Mosul in Iraq on Monday. Residents fled toward Erbil, officials in Baghdad said."
LGL_LAYOUT = """<articles><article docid="1"><title>t</title><text>{text}</text><toponyms>
<toponym><start>13</start><end>18</end><phrase>Mosul</phrase><gaztag geonameid="99072">
<name>Mosul</name><lat>36.335</lat><lon>43.11889</lon></gaztag></toponym>
<toponym><start>22</start><end>26</end><phrase>Iraq</phrase><gaztag geonameid="99237">
<name>Iraq</name><lat>33.0</lat><lon>44.0</lon></gaztag></toponym>
<toponym><start>60</start><end>65</end><phrase>Erbil</phrase><gaztag geonameid="95446">
<name>Erbil</name><lat>36.19</lat><lon>44.01</lon></gaztag></toponym>
<toponym><start>80</start><end>87</end><phrase>Baghdad</phrase></toponym>
</toponyms></article></articles>"""
GEOVIRUS_LAYOUT = """<articles><article><source>x</source><text>{text}</text><locations>
<location><name>Mosul</name><start>14</start><end>19</end><lat>36.335</lat><lon>43.11889</lon></location>
<location><name>Erbil</name><start>61</start><end>66</end><lat>36.19</lat><lon>44.01</lon></location>
</locations></article></articles>"""


def shared_dir() -> Path:
    env = os.environ.get("EVENTWIRE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[2] / "shared"


def run(path: Path, *extra: str) -> dict:
    result = CliRunner().invoke(command, ["--data", str(path), "--format", "json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_reads_lgl_layout(tmp_path: Path) -> None:
    path = tmp_path / "tiny.xml"
    path.write_text(LGL_LAYOUT.format(text=TEXT), encoding="utf-8")
    (doc,) = read_gold(path)
    assert [t.text for t in doc.toponyms] == ["Mosul", "Iraq", "Erbil", "Baghdad"]
    assert doc.toponyms[3].lat is None


def test_geovirus_offsets_are_shifted_back(tmp_path: Path) -> None:
    path = tmp_path / "gv.xml"
    path.write_text(GEOVIRUS_LAYOUT.format(text=TEXT), encoding="utf-8")
    (doc,) = read_gold(path)
    assert [t.text for t in doc.toponyms] == ["Mosul", "Erbil"]


def test_command_scores_a_tiny_file(tmp_path: Path) -> None:
    path = tmp_path / "tiny.xml"
    path.write_text(LGL_LAYOUT.format(text=TEXT), encoding="utf-8")
    report = run(path)
    m = report["metrics"]
    assert report["task"] == "geoparse" and report["n_docs"] == 1
    assert m["ner_r"] == 1.0 and m["ner_p"] == 1.0
    assert m["acc161"] == 1.0 and m["gold_acc161"] == 1.0


def test_auc_bounds() -> None:
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([20039.0, 20039.0]) == pytest.approx(1.0)
    assert 0.0 < auc([1.0, 100.0, 5000.0]) < 1.0


def test_floor_on_first_30_lgl_articles() -> None:
    lgl = shared_dir() / "datasets" / "geoparse" / "lgl.xml"
    if not lgl.exists():
        pytest.skip(f"gold set not available at {lgl}")
    m = run(lgl, "--limit", "30")["metrics"]
    # measured 2025-11 (person/group/unknown-name filters, datelines): ner_f1 0.821, acc161 0.889,
    # gold_acc161 0.889; with collective (document-level) resolution, water bodies, currency hints:
    # ner_f1 0.821, acc161 0.904, gold_acc161 0.899, gold_auc 0.132
    assert m["ner_f1"] >= 0.80
    assert m["acc161"] >= 0.89
    assert m["gold_acc161"] >= 0.89
    assert m["gold_auc"] <= 0.15
