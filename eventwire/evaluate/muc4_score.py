"""Score predicted MUC-4 templates against answer keys.

Both sides are turned into :class:`MucTemplate` (gold via :func:`gold_template`), then per document:

1. **Alignment.** Every predicted/gold pair gets a slot-overlap score: 2 for a compatible incident
   type, +1 per gold role-filler entity the prediction matches, +1 for a correct date, +0.5 each for
   country and most specific place. A pair may align only if the types agree, a filler matches, or
   both date and place agree. Pairs are taken greedily by descending score (ties: document order),
   one-to-one. Templates are few per document (median 1, max 14), where greedy and Hungarian
   assignment almost always coincide.
2. **Templates.** ``template_p/r/f1``: aligned pairs are true positives; an OPTIONAL gold template
   counts towards recall only when it is aligned.
3. **Slot accuracies** over aligned pairs: ``type_acc``, ``stage_acc`` (any listed alternative),
   ``date_acc`` (predicted day, or predicted range, inside any gold alternative; ``- D`` means the
   61 days up to D), ``country_acc`` and ``location_acc`` (pairs whose gold has a location; the most
   specific gold place by name, or the country when the key names only a country),
   ``confidence_acc`` (pairs whose gold names a perpetrator organisation; correct when the predicted
   confidence is one listed for any of the gold organisations), ``effect_acc`` (the predicted set of
   {DEATH, INJURY} holds every non-optional gold effect and nothing the key does not list).
4. **Role-filler entities** (GRIT/GTT style, per document, not per template): gold entities of each
   role are pooled over the document's templates (alternatives ``A / B`` form one entity; entities
   sharing an alternative are merged); predicted fillers are pooled likewise. A gold entity is
   found when any predicted filler matches any of its alternatives (:func:`mentions_match`); each
   gold entity counts once, and predicted fillers that match gold count as one prediction per gold
   entity found. Optional ("?") gold entities count only when found. Roles: PerpInd (slot 9),
   PerpOrg (10), Target (12), Victim (18 names, plus 19 descriptions not tied to a name), Weapon (6).
5. **Detection**: a document is relevant when it has a non-optional template (or an optional one
   that the system also predicts something for); predicted relevant when any template is predicted.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import prf
from .muc4_reader import GoldPlace, KeyTemplate, parse_date_range, parse_location

ROLES: tuple[str, ...] = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
EFFECTS: tuple[str, ...] = ("DEATH", "INJURY")
_ARTICLES = re.compile(r"\b(a|an|the)\b")
_HEAD_STOP = frozenset({
    "of", "in", "at", "from", "on", "for", "with", "near", "who", "which", "that", "by", "to",
    "into", "belonging", "located", "inside", "outside", "during", "after", "whose",
    # participles that open a postmodifier: "men WEARING uniforms", "a man DRESSED in combat gear"
    "wearing", "dressed", "carrying", "riding", "driving", "traveling", "travelling",
})


# --- records ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entity:
    """A role filler: alternative strings naming one entity."""

    mentions: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class PlaceGuess:
    """A predicted location: country names (any form) and place names (as written, canonical)."""

    countries: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MucTemplate:
    """A template reduced to what is scored; gold slots list acceptable alternatives."""

    types: tuple[str, ...]
    stages: tuple[str, ...] = ()
    dates: tuple[tuple[dt.date, dt.date], ...] = ()
    gold_places: tuple[GoldPlace, ...] = ()
    place: PlaceGuess | None = None  # predicted side only
    confidences: tuple[str, ...] = ()
    effects_required: frozenset[str] = frozenset()
    effects_allowed: frozenset[str] = frozenset()
    roles: tuple[tuple[str, tuple[Entity, ...]], ...] = ()
    optional: bool = False
    evidence_starts: tuple[int, ...] = ()  # predicted side only: where the sentence of each event merged in starts

    def role(self, name: str) -> tuple[Entity, ...]:
        for key, entities in self.roles:
            if key == name:
                return entities
        return ()


@dataclass(frozen=True, slots=True)
class DocCase:
    """One document: gold templates and predicted templates."""

    doc_id: str
    gold: tuple[MucTemplate, ...]
    predicted: tuple[MucTemplate, ...]


@dataclass(slots=True)
class _Tally:
    """Counts accumulated while scoring (local to :func:`score`)."""

    counts: dict[str, float] = field(default_factory=dict)

    def add(self, key: str, value: float = 1.0) -> None:
        self.counts[key] = self.counts.get(key, 0.0) + value

    def get(self, key: str) -> float:
        return self.counts.get(key, 0.0)


# --- gold templates --------------------------------------------------------------------------


def gold_template(key: KeyTemplate, default_year: int | None = None) -> MucTemplate:
    """The scored view of one answer-key template (``default_year`` for year-less key dates)."""
    conf = tuple(dict.fromkeys(v for f in key.slot("perp_conf") for v in f.values))
    places = tuple(p for f in key.slot("location") for v in f.values if (p := parse_location(v)))
    dates = tuple(d for f in key.slot("date") for v in f.values if (d := parse_date_range(v, default_year)))
    required, allowed = _gold_effects(key)
    return MucTemplate(
        types=tuple(v for f in key.slot("type") for v in f.values),
        stages=tuple(v for f in key.slot("stage") for v in f.values),
        dates=dates, gold_places=places, confidences=conf,
        effects_required=required, effects_allowed=allowed,
        roles=tuple((role, _gold_entities(key, role)) for role in ROLES),
        optional=key.optional,
    )


def _gold_entities(key: KeyTemplate, role: str) -> tuple[Entity, ...]:
    if role == "Victim":
        names = key.slot("hum_name")
        descs = tuple(f for f in key.slot("hum_desc") if not f.xref)
        fillers = names + descs
    else:
        slot = {"PerpInd": "perp_ind", "PerpOrg": "perp_org", "Target": "phys_id",
                "Weapon": "instrument_id"}[role]
        fillers = key.slot(slot)
    return tuple(Entity(f.values, f.optional or key.optional) for f in fillers)


def _gold_effects(key: KeyTemplate) -> tuple[frozenset[str], frozenset[str]]:
    required: set[str] = set()
    allowed: set[str] = set()
    for f in key.slot("hum_effect"):
        first = _effect_of(f.values[0])
        if first and not f.optional:
            required.add(first)
        allowed.update(e for v in f.values if (e := _effect_of(v)))
    return frozenset(required), frozenset(allowed)


def _effect_of(value: str) -> str | None:
    value = value.upper()
    if value.startswith("NO "):
        return None
    return next((e for e in EFFECTS if e in value), None)


# --- string matching -------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, articles dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(_ARTICLES.sub(" ", text).split())


def head_noun(norm: str) -> str:
    """Last word before the first preposition or relative pronoun, crudely singularised."""
    words = norm.split()
    for i, word in enumerate(words):
        if word in _HEAD_STOP and i > 0:
            words = words[:i]
            break
    head = words[-1] if words else ""
    return head[:-1] if len(head) > 3 and head.endswith("s") and not head.endswith("ss") else head


def mentions_match(predicted: str, gold: str) -> bool:
    """Equal after :func:`normalise`, or same head noun with one word set inside the other."""
    p, g = normalise(predicted), normalise(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    if head_noun(p) != head_noun(g):
        return False
    pw, gw = set(p.split()), set(g.split())
    return pw <= gw or gw <= pw


def entity_matches(predicted: Entity, gold: Entity) -> bool:
    return any(mentions_match(p, g) for p in predicted.mentions for g in gold.mentions)


def merge_entities(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """Pool entities, merging those that share a normalised alternative (optional only if all are)."""
    merged: list[Entity] = []
    for ent in entities:
        keys = {normalise(m) for m in ent.mentions}
        for i, other in enumerate(merged):
            if keys & {normalise(m) for m in other.mentions}:
                mentions = tuple(dict.fromkeys(other.mentions + ent.mentions))
                merged[i] = Entity(mentions, other.optional and ent.optional)
                break
        else:
            merged.append(ent)
    return tuple(merged)


# --- slot checks -----------------------------------------------------------------------------


def type_ok(pred: MucTemplate, gold: MucTemplate) -> bool:
    return bool(set(pred.types) & set(gold.types))


def stage_ok(pred: MucTemplate, gold: MucTemplate) -> bool:
    return bool(set(pred.stages) & set(gold.stages))


def date_ok(pred: MucTemplate, gold: MucTemplate) -> bool:
    if not pred.dates:
        return False
    lo, hi = pred.dates[0]
    return any(g_lo <= lo and hi <= g_hi for g_lo, g_hi in gold.dates)


def country_ok(pred: MucTemplate, gold: MucTemplate) -> bool:
    if pred.place is None:
        return False
    mine = {normalise(c) for c in pred.place.countries}
    return any(normalise(g.country) in mine for g in gold.gold_places)


def location_ok(pred: MucTemplate, gold: MucTemplate) -> bool:
    if pred.place is None:
        return False
    names = {normalise(n) for n in pred.place.names}
    for g in gold.gold_places:
        if g.specific == (g.country,):
            if country_ok(pred, MucTemplate(types=(), gold_places=(g,))):
                return True
        elif names & {normalise(s) for s in g.specific}:
            return True
    return False


def confidence_ok(pred: MucTemplate, gold: MucTemplate) -> bool:
    return bool(set(pred.confidences) & set(gold.confidences))


def effect_ok(pred: MucTemplate, gold: MucTemplate) -> bool:
    mine = pred.effects_required
    return gold.effects_required <= mine <= (gold.effects_allowed | gold.effects_required)


def role_hits(pred: MucTemplate, gold: MucTemplate) -> int:
    """Number of gold entities (all roles) that some predicted filler of the same role matches."""
    return sum(
        1
        for role in ROLES
        for g in gold.role(role)
        if any(entity_matches(p, g) for p in pred.role(role))
    )


# --- alignment -------------------------------------------------------------------------------


def pair_score(pred: MucTemplate, gold: MucTemplate) -> float | None:
    """Slot-overlap score of a pair, or None when the pair may not align."""
    typ, hits = type_ok(pred, gold), role_hits(pred, gold)
    when, where = date_ok(pred, gold), country_ok(pred, gold)
    near = location_ok(pred, gold)
    if not (typ or hits or (when and near)):
        return None
    return 2.0 * typ + hits + 1.0 * when + 0.5 * where + 0.5 * near


def align(
    predicted: Sequence[MucTemplate], gold: Sequence[MucTemplate]
) -> tuple[tuple[int, int], ...]:
    """Greedy one-to-one alignment by descending pair score: (predicted index, gold index) pairs."""
    scored = [
        (score, -i, -j, i, j)
        for i, p in enumerate(predicted)
        for j, g in enumerate(gold)
        if (score := pair_score(p, g)) is not None
    ]
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, _, i, j in sorted(scored, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return tuple(sorted(pairs))


# --- scoring ---------------------------------------------------------------------------------

_ACCURACIES: tuple[tuple[str, object], ...] = (
    ("type", type_ok), ("stage", stage_ok), ("date", date_ok), ("country", country_ok),
    ("location", location_ok), ("confidence", confidence_ok), ("effect", effect_ok),
)


def score(cases: Iterable[DocCase]) -> dict[str, float]:
    """All MUC-4 metrics over documents (see the module docstring)."""
    tally = _Tally()
    for case in cases:
        _score_detection(case, tally)
        _score_templates(case, tally)
        _score_roles(case, tally)
    return _metrics(tally)


def _score_detection(case: DocCase, tally: _Tally) -> None:
    pred = bool(case.predicted)
    required = any(not g.optional for g in case.gold)
    gold = required or (bool(case.gold) and pred)
    tally.add("det_tp", float(pred and gold))
    tally.add("det_pred", float(pred))
    tally.add("det_gold", float(gold))


def _score_templates(case: DocCase, tally: _Tally) -> None:
    pairs = align(case.predicted, case.gold)
    aligned_gold = {j for _, j in pairs}
    tally.add("tpl_tp", len(pairs))
    tally.add("tpl_pred", len(case.predicted))
    tally.add("tpl_gold", sum(1 for j, g in enumerate(case.gold) if not g.optional or j in aligned_gold))
    for i, j in pairs:
        p, g = case.predicted[i], case.gold[j]
        for name, check in _ACCURACIES:
            if not _applicable(name, g):
                continue
            tally.add(f"{name}_n")
            tally.add(f"{name}_ok", float(check(p, g)))  # type: ignore[operator]


def _applicable(name: str, gold: MucTemplate) -> bool:
    if name == "date":
        return bool(gold.dates)
    if name in ("country", "location"):
        return bool(gold.gold_places)
    if name == "confidence":
        return bool(gold.confidences)
    if name == "stage":
        return bool(gold.stages)
    return True


def _score_roles(case: DocCase, tally: _Tally) -> None:
    for role in ROLES:
        gold = merge_entities(e for g in case.gold for e in g.role(role))
        pred = merge_entities(e for p in case.predicted for e in p.role(role))
        found = [g for g in gold if any(entity_matches(p, g) for p in pred)]
        spurious = [p for p in pred if not any(entity_matches(p, g) for g in gold)]
        n_gold = sum(1 for g in gold if not g.optional) + sum(1 for g in found if g.optional)
        tally.add(f"{role}_tp", len(found))
        tally.add(f"{role}_pred", len(found) + len(spurious))
        tally.add(f"{role}_gold", n_gold)


def _metrics(t: _Tally) -> dict[str, float]:
    out: dict[str, float] = {}
    for prefix, key in (("detection", "det"), ("template", "tpl")):
        p, r, f = prf(t.get(f"{key}_tp"), t.get(f"{key}_pred"), t.get(f"{key}_gold"))
        out.update({f"{prefix}_p": p, f"{prefix}_r": r, f"{prefix}_f1": f})
    for name, _ in _ACCURACIES:
        n = t.get(f"{name}_n")
        out[f"{name}_acc"] = t.get(f"{name}_ok") / n if n else 0.0
    tp = sum(t.get(f"{r}_tp") for r in ROLES)
    p, r, f = prf(tp, sum(t.get(f"{r}_pred") for r in ROLES), sum(t.get(f"{r}_gold") for r in ROLES))
    out.update({"ree_p": p, "ree_r": r, "ree_f1": f})
    for role in ROLES:
        out[f"ree_f1_{role}"] = prf(t.get(f"{role}_tp"), t.get(f"{role}_pred"), t.get(f"{role}_gold"))[2]
    return out


def counts(cases: Sequence[DocCase]) -> dict[str, int]:
    """Template counts for the report notes."""
    return {
        "gold_templates": sum(len(c.gold) for c in cases),
        "gold_optional_templates": sum(1 for c in cases for g in c.gold if g.optional),
        "predicted_templates": sum(len(c.predicted) for c in cases),
        "aligned_templates": sum(len(align(c.predicted, c.gold)) for c in cases),
    }
