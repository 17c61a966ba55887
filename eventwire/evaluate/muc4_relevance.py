"""Is a MUC message about a relevant terrorist incident? A small learned gate for ``evaluate muc4``.

A logistic-regression model over words and word pairs (``muc_relevance.json``, built by
``scripts/train_muc_relevance.py`` from MUC-4 development messages 301-1300). Messages it scores
below the threshold get no template, whatever events the coder found in them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

MODEL = Path(__file__).with_name("muc_relevance.json")
HEADER = re.compile(r"^.*?--", re.S)


def features(text: str) -> set[str]:
    """Lower-cased words and adjacent word pairs of the message body (dateline cut)."""
    body = HEADER.sub(" ", text[:400], count=1) + text[400:]
    words = re.findall(r"[a-z][a-z'-]+", body.lower())
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


@dataclass(frozen=True, slots=True)
class RelevanceModel:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5

    @classmethod
    def load(cls, path: Path = MODEL, threshold: float = 0.5) -> RelevanceModel | None:
        """The shipped model, or None when its file is missing."""
        if not path.is_file():
            return None
        data = json.loads(path.read_text())
        return cls(weights=data["weights"], bias=float(data["bias"]), threshold=threshold)

    def probability(self, text: str) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(text))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def relevant(self, text: str) -> bool:
        return self.probability(text) >= self.threshold
