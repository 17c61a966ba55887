"""Is a MUC message about a relevant terrorist incident? A small learned gate for ``evaluate muc4``.

Two logistic regressions, both in ``muc_relevance.json`` and both built by
``scripts/train_muc_relevance.py`` from MUC-4 development messages 301-1300:

1. the *text* model, over the message's words and word pairs;
2. the *stacked* model, over the text model's log-odds plus what the pipeline found in the message
   (:func:`stack_features`: how many incidents and of which type, which roles are filled, deaths,
   whether the place is in one of MUC's nine countries, how recent the incident is). Words say
   what a message is about; the extracted incidents say whether it reports one that MUC counts.

Messages whose probability falls below the threshold get no template, whatever events the coder
found in them. A model file without the stacked part falls back to the text model alone.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .muc4_score import MucTemplate

MODEL = Path(__file__).with_name("muc_relevance.json")
HEADER = re.compile(r"^.*?--", re.S)
MUC_COUNTRIES = frozenset({"SV", "GT", "HN", "AR", "BO", "CL", "CO", "EC", "PE"})  # TASKDOC 1.0, rule 4
TYPES = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY", "FORCED WORK STOPPAGE")
ROLE_NAMES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")


def features(text: str) -> set[str]:
    """Lower-cased words and adjacent word pairs of the message body (dateline cut)."""
    body = HEADER.sub(" ", text[:400], count=1) + text[400:]
    words = re.findall(r"[a-z][a-z'-]+", body.lower())
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def stack_features(text_probability: float, templates: Sequence[MucTemplate],
                   published: dt.date | None) -> dict[str, float]:
    """The stacked model's inputs for one message (every value in [-14, 14])."""
    out = {"text_logodds": _logit(text_probability), "templates": math.log1p(len(templates))}
    for kind in TYPES:
        out[f"type:{kind}"] = float(any(kind in t.types for t in templates))
    for role in ROLE_NAMES:
        out[f"role:{role}"] = float(any(t.role(role) for t in templates))
    out["roles_max"] = float(max((sum(bool(t.role(r)) for r in ROLE_NAMES) for t in templates), default=0))
    out["death"] = float(any("DEATH" in t.effects_required for t in templates))
    out["injury"] = float(any("INJURY" in t.effects_required for t in templates))
    out["accomplished"] = float(any("ACCOMPLISHED" in t.stages for t in templates))
    out["threatened"] = float(any("THREATENED" in t.stages for t in templates))
    out["muc_country"] = float(any(_iso2(t) in MUC_COUNTRIES for t in templates))
    out["other_country"] = float(any(_iso2(t) not in MUC_COUNTRIES | {None} for t in templates))
    ages = [(published - t.dates[0][1]).days for t in templates if t.dates and published]
    out["days_old"] = math.log1p(max(0, min(ages))) if ages else 0.0
    out["undated"] = float(not ages)
    return out


def _iso2(t: MucTemplate) -> str | None:
    return t.place.countries[0] if t.place and t.place.countries else None


@dataclass(frozen=True, slots=True)
class RelevanceModel:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    stack: dict[str, float] = field(default_factory=dict)  # empty: text model only
    stack_bias: float = 0.0

    @classmethod
    def load(cls, path: Path = MODEL, threshold: float | None = None) -> RelevanceModel | None:
        """The shipped model (with its file's threshold unless one is given), or None when missing."""
        if not path.is_file():
            return None
        data = json.loads(path.read_text())
        stacked = data.get("stacked", {})
        return cls(weights=data["weights"], bias=float(data["bias"]),
                   threshold=threshold if threshold is not None else float(data.get("threshold", 0.5)),
                   stack=stacked.get("weights", {}), stack_bias=float(stacked.get("bias", 0.0)))

    def probability(self, text: str) -> float:
        """The text model's probability that the message reports a relevant incident."""
        return self.probability_of_features(features(text))

    def probability_of_features(self, words: set[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in words)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def stacked_probability(self, text: str, templates: Sequence[MucTemplate], published: dt.date | None) -> float:
        """The stacked model's probability (the text model's when the file has no stacked part)."""
        p = self.probability(text)
        if not self.stack:
            return p
        x = stack_features(p, templates, published)
        z = self.stack_bias + sum(self.stack.get(k, 0.0) * v for k, v in x.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def relevant(self, text: str, templates: Sequence[MucTemplate] = (), published: dt.date | None = None) -> bool:
        return self.stacked_probability(text, templates, published) >= self.threshold
