"""Which predicted MUC templates report a relevant incident? A small learned gate for ``evaluate muc4``.

Two logistic regressions, both in ``muc_relevance.json`` and both built by
``scripts/train_muc_relevance.py`` from MUC-4 development messages 301-1300:

1. the *text* model, over the message's words and word pairs: is the message about a relevant
   incident at all;
2. the *template* model, one decision per predicted template, over the text model's log-odds, what
   the pipeline found in the whole message (:func:`stack_features`: how many incidents and of which
   type, which roles are filled, deaths, whether the place is in one of MUC's nine countries, how
   recent the incident is) and what the template itself holds (:func:`template_features`: its type,
   stage, roles, effects, confidence, place, age, and where in the message its sentences are). Words
   say what a message is about; the extracted incidents say whether it reports one that MUC counts;
   the template's own slots say whether this incident is one of them or a passing mention (an old
   case, a general statement, a second reading of the same incident).

Templates whose probability falls below the threshold are dropped; a message left without any
gets none. A model file without the template part falls back to the text model alone, on the
whole message.
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
    """What the template model knows of the whole message (every value in [-14, 14])."""
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


STAGES = ("ACCOMPLISHED", "ATTEMPTED", "THREATENED")
CONFIDENCES = ("REPORTED AS FACT", "CLAIMED OR ADMITTED", "SUSPECTED OR ACCUSED", "SUSPECTED OR ACCUSED BY AUTHORITIES")


def template_features(tpl: MucTemplate, index: int, published: dt.date | None, text_length: int) -> dict[str, float]:
    """What one predicted template holds, for the template model (small non-negative values)."""
    out = {f"t:type:{kind}": float(kind in tpl.types) for kind in TYPES}
    out.update({f"t:stage:{stage}": float(stage in tpl.stages) for stage in STAGES})
    out.update({f"t:role:{role}": float(bool(tpl.role(role))) for role in ROLE_NAMES})
    out["t:roles"] = float(sum(bool(tpl.role(role)) for role in ROLE_NAMES))
    out["t:death"] = float("DEATH" in tpl.effects_required)
    out["t:injury"] = float("INJURY" in tpl.effects_required)
    out.update({f"t:confidence:{c}": float(c in tpl.confidences) for c in CONFIDENCES})
    iso2 = _iso2(tpl)
    out["t:muc_country"] = float(iso2 in MUC_COUNTRIES)
    out["t:other_country"] = float(iso2 is not None and iso2 not in MUC_COUNTRIES)
    out["t:place_name"] = float(bool(tpl.place and tpl.place.names))
    age = (published - tpl.dates[0][1]).days if tpl.dates and published else None
    out["t:days_old"] = math.log1p(max(0, age)) if age is not None else 0.0
    out["t:index"] = math.log1p(index)
    out["t:first"] = float(index == 0)
    first = min(tpl.evidence_starts, default=text_length)
    out["t:position"] = first / max(1, text_length)  # 0: the lead sentence, 1: the last one
    out["t:sentences"] = math.log1p(len(tpl.evidence_starts))
    return out


def gate_inputs(text_probability: float, templates: Sequence[MucTemplate], published: dt.date | None,
                text_length: int) -> list[dict[str, float]]:
    """The template model's inputs, one dict per template: the whole message's, then the template's own."""
    doc = stack_features(text_probability, templates, published)
    return [{**doc, **template_features(t, i, published, text_length)} for i, t in enumerate(templates)]


def _iso2(t: MucTemplate) -> str | None:
    return t.place.countries[0] if t.place and t.place.countries else None


@dataclass(frozen=True, slots=True)
class RelevanceModel:
    weights: dict[str, float]
    bias: float
    threshold: float = 0.5
    template_weights: dict[str, float] = field(default_factory=dict)  # empty: text model only
    template_bias: float = 0.0

    @classmethod
    def load(cls, path: Path = MODEL, threshold: float | None = None) -> RelevanceModel | None:
        """The shipped model (with its file's threshold unless one is given), or None when missing."""
        if not path.is_file():
            return None
        data = json.loads(path.read_text())
        per_template = data.get("template", {})
        return cls(weights=data["weights"], bias=float(data["bias"]),
                   threshold=threshold if threshold is not None else float(data.get("threshold", 0.5)),
                   template_weights=per_template.get("weights", {}),
                   template_bias=float(per_template.get("bias", 0.0)))

    def probability(self, text: str) -> float:
        """The text model's probability that the message reports a relevant incident."""
        return self.probability_of_features(features(text))

    def probability_of_features(self, words: set[str]) -> float:
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in words))

    def template_probabilities(
        self, text: str, templates: Sequence[MucTemplate], published: dt.date | None,
    ) -> tuple[float, ...]:
        """The template model's probability for each template."""
        rows = gate_inputs(self.probability(text), templates, published, len(text))
        return tuple(_sigmoid(self.template_bias + sum(self.template_weights.get(k, 0.0) * v for k, v in row.items()))
                     for row in rows)

    def kept(self, text: str, templates: Sequence[MucTemplate], published: dt.date | None = None) -> tuple[MucTemplate, ...]:
        """The templates judged relevant (all or none by the text model when the file has no template part)."""
        if not self.template_weights:
            return tuple(templates) if self.probability(text) >= self.threshold else ()
        probs = self.template_probabilities(text, templates, published)
        return tuple(t for t, p in zip(templates, probs, strict=True) if p >= self.threshold)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
