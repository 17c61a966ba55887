"""The same input gives the same output in every process: nothing may depend on Python's hash seed
(the iteration order of sets of strings changes with it from one run to the next)."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import textwrap

import pytest

SEEDS = ("0", "1", "2", "3", "4", "5")


def _outputs(script: str) -> set[str]:
    """What ``script`` prints, once per hash seed."""
    out = set()
    for seed in SEEDS:
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        out.add(done.stdout)
    return out


TEXT = ("The Democratic People's Republic of Korea said it was ready. Later North Korea's army chief "
        "said Korea would respond, and North Korea fired a missile.")


def test_a_name_spreads_to_its_other_mentions_longest_first() -> None:
    script = f"""
        from eventwire.mentions.places import _propagate
        from eventwire.mentions.place_filters import Span
        text = {TEXT!r}
        korea, north = text.index("Korea"), text.index("North Korea")
        spans = [Span(korea, korea + 5, "Korea", "ent"), Span(north, north + 11, "North Korea", "ent")]
        print([(s.text, s.start) for s in _propagate(text, spans, ())])
    """
    outputs = _outputs(script)
    assert len(outputs) == 1, outputs
    found = ast.literal_eval(outputs.pop())
    norths = [m.start() for m in re.finditer("North Korea", TEXT)]
    assert [start for name, start in found if name == "North Korea"] == norths
    # "Korea" inside "North Korea" is not a place of its own; the bare "Korea" is
    assert [start for name, start in found if name == "Korea"] == [TEXT.index("Korea"), TEXT.index("Korea would")]


@pytest.mark.slow
def test_truecasing_is_the_same_in_every_process() -> None:
    script = """
        from eventwire.truecasing import Truecaser
        caser = Truecaser(["FMLN"])
        print(caser.restore(
            "MEMBERS OF THE ARCE BATTALION COMMAND SAID THE ATLACATL BATTALION AND THE FMLN CLASHED "
            "NEAR THE SALVADORAN FORENSIC MEDICINE INSTITUTE AND THE SECURITY GROUP IS COMBING THE AREA."))
    """
    assert len(_outputs(script)) == 1
