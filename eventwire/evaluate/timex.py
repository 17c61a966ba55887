"""``eventwire evaluate timex``: time expressions scored on TimeML gold (TempEval-3 Task A).

Reads every ``.tml`` file under ``--data`` (e.g. ``datasets/timex/TBAQ-cleaned``), runs
``find_times`` on the text of ``<TEXT>`` with the document creation time (the TIMEX3 with
``functionInDocument="CREATION_TIME"``) as the publication date, and scores the TIMEX3 elements
inside ``<TEXT>`` (the DCT itself is not scored).

Metrics, following the TempEval-3 definitions:

* ``relaxed_p/r/f1`` — a system expression is correct if it overlaps any gold one (precision);
  a gold expression is found if any system expression overlaps it (recall).
* ``strict_p/r/f1`` — the same with identical extents (after trimming spaces and a final ".").
* ``value_f1`` — attribute F1 for ``value``: a pair counts when the expressions are matched
  (relaxed, aligned one-to-one by largest overlap) *and* the values are equal; precision over all
  system expressions, recall over all gold ones. ``value_acc`` = value_f1 / relaxed_f1, the
  "value accuracy" of the TE3 paper. ``type_acc`` is the share of aligned pairs whose
  DATE/TIME/DURATION/SET type agrees.

Values are compared after light normalisation: upper case, week numbers zero-padded ("2000-W7"
equals "2000-W07"), an hour without minutes completed ("T17" equals "T17:00"), a trailing
"T00:00" of a day dropped. eventwire already emits TimeML value
syntax except for ranges, which TimeML writes as two expressions: a system range such as
"between 1994 and 1997" (value "1994/1997") is scored as "1994" and "1997" (``timeml_parts``).
Per-subfolder results (TimeBank / AQUAINT halves) are given in the notes.

Example: eventwire evaluate timex --data ../shared/datasets/timex/TBAQ-cleaned --format json
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from ..mentions.dates import find_times
from ..records import TimeRef
from . import EvalReport, emit, format_option, limit_option, prf


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str
    timex_type: str


@dataclass(frozen=True, slots=True)
class TmlDoc:
    name: str
    group: str  # first folder under --data ("TimeBank", "AQUAINT"), "" at top level
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]


def _flatten(elem: ET.Element, parts: list[str], gold: list[GoldTimex]) -> None:
    """Append the text under ``elem`` to ``parts``, recording TIMEX3 offsets."""
    if elem.text:
        parts.append(elem.text)
    for child in elem:
        start = sum(map(len, parts))
        _flatten(child, parts, gold)
        if child.tag == "TIMEX3":
            end = sum(map(len, parts))
            text = "".join(parts)[start:end]
            gold.append(GoldTimex(start, end, text, child.get("value", ""),
                                  child.get("type", "DATE")))
        if child.tail:
            parts.append(child.tail)


def _parse_dct(root: ET.Element) -> dt.date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            m = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", timex.get("value", ""))
            if m:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


def read_tml(path: Path, group: str = "") -> TmlDoc:
    """One TimeML file: plain text of ``<TEXT>``, its DCT and gold TIMEX3 spans."""
    root = ET.parse(path).getroot()
    text_elem = root.find("TEXT")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    if text_elem is not None:
        _flatten(text_elem, parts, gold)
    return TmlDoc(path.name, group, "".join(parts), _parse_dct(root), tuple(gold))


def iter_tml(data: Path, limit: int | None = None) -> Iterator[TmlDoc]:
    paths = sorted(data.rglob("*.tml"))
    for path in paths[:limit] if limit is not None else paths:
        rel = path.relative_to(data).parts
        yield read_tml(path, rel[0] if len(rel) > 1 else "")


def normalise_value(value: str | None) -> str | None:
    if not value:
        return None
    v = value.strip().upper()
    v = re.sub(r"-W(\d)(?!\d)", r"-W0\1", v)
    v = re.sub(r"T(\d\d)$", r"T\1:00", v)  # "T17" is "T17:00"
    return re.sub(r"^(\d{4}-\d\d-\d\d)T00:00$", r"\1", v)


def _trim(start: int, end: int, text: str) -> tuple[int, int]:
    span = text[start:end]
    stripped = span.strip().rstrip(".").rstrip()
    lead = len(span) - len(span.lstrip())
    return start + lead, start + lead + len(stripped)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _align(gold: tuple[GoldTimex, ...],
           system: tuple[TimeRef, ...]) -> list[tuple[GoldTimex, TimeRef]]:
    """One-to-one pairs of overlapping expressions, largest overlaps first."""
    candidates = sorted(
        ((_overlap((g.start, g.end), (s.start, s.end)), i, j)
         for i, g in enumerate(gold) for j, s in enumerate(system)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for size, i, j in candidates:
        if size > 0 and i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((gold[i], system[j]))
    return pairs


def score_doc(doc: TmlDoc, system: tuple[TimeRef, ...]) -> Counter[str]:
    """Counts for one document; see the module docstring for what each means."""
    c: Counter[str] = Counter(n_gold=len(doc.timexes), n_sys=len(system))
    g_spans = [(g.start, g.end) for g in doc.timexes]
    s_spans = [(s.start, s.end) for s in system]
    c["relaxed_sys"] = sum(any(_overlap(s, g) for g in g_spans) for s in s_spans)
    c["relaxed_gold"] = sum(any(_overlap(g, s) for s in s_spans) for g in g_spans)
    g_strict = {_trim(*g, doc.text) for g in g_spans}
    c["strict"] = sum(_trim(*s, doc.text) in g_strict for s in s_spans)
    pairs = _align(doc.timexes, system)
    c["pairs"] = len(pairs)
    c["value_ok"] = sum(normalise_value(g.value) == normalise_value(s.value) and s.value is not None
                        for g, s in pairs)
    c["type_ok"] = sum(g.timex_type == s.timex_type for g, s in pairs)
    return c


def metrics(c: Counter[str]) -> dict[str, float]:
    rp = c["relaxed_sys"] / c["n_sys"] if c["n_sys"] else 0.0
    rr = c["relaxed_gold"] / c["n_gold"] if c["n_gold"] else 0.0
    rf = 2 * rp * rr / (rp + rr) if rp + rr else 0.0
    sp, sr, sf = prf(c["strict"], c["n_sys"], c["n_gold"])
    _, _, vf = prf(c["value_ok"], c["n_sys"], c["n_gold"])
    return {
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "value_f1": vf, "value_acc": vf / rf if rf else 0.0,
        "type_acc": c["type_ok"] / c["pairs"] if c["pairs"] else 0.0,
        "n_gold": float(c["n_gold"]), "n_sys": float(c["n_sys"]),
    }


RANGE_LEAD = re.compile(r"(?:between|from)\s+", re.IGNORECASE)
RANGE_JOIN = re.compile(r"\s*(?:-|–|\b(?:to|and|until|till|through)\b)\s*", re.IGNORECASE)


def timeml_parts(ref: TimeRef) -> tuple[TimeRef, ...]:
    """A range as TimeML annotates it: its two ends as separate expressions."""
    if not ref.value or "/" not in ref.value:
        return (ref,)
    lead = RANGE_LEAD.match(ref.text)
    body = lead.end() if lead else 0
    join = RANGE_JOIN.search(ref.text, body)
    if join is None or join.start() <= body:
        return (ref,)
    first, second = ref.value.split("/", 1)
    return (
        TimeRef(text=ref.text[body:join.start()], value=first, precision=ref.precision,
                start=ref.start + body, end=ref.start + join.start(), timex_type=ref.timex_type),
        TimeRef(text=ref.text[join.end():], value=second, precision=ref.precision,
                start=ref.start + join.end(), end=ref.end, timex_type=ref.timex_type),
    )


def evaluate(docs: Iterable[TmlDoc]) -> tuple[int, Counter[str], dict[str, Counter[str]]]:
    """Score documents; returns (n_docs, total counts, counts per group)."""
    total: Counter[str] = Counter()
    groups: dict[str, Counter[str]] = {}
    n = 0
    for doc in docs:
        system = tuple(p for ref in find_times(doc.text, doc.dct) for p in timeml_parts(ref))
        counts = score_doc(doc, system)
        total.update(counts)
        groups.setdefault(doc.group or ".", Counter()).update(counts)
        n += 1
    return n, total, groups


def _short(m: dict[str, float]) -> str:
    keys = ("relaxed_f1", "strict_f1", "value_f1", "type_acc")
    return ", ".join(f"{k}={m[k]:.4f}" for k in keys)


@click.command("timex")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              required=True, help="Folder of TimeML .tml files (searched recursively).")
@limit_option
@format_option
def command(data: Path, limit: int | None, fmt: str) -> None:
    """Score time-expression extents and values on TimeML gold (TempEval-3 metrics).

    Example: eventwire evaluate timex --data ../shared/datasets/timex/TBAQ-cleaned
    """
    n, total, groups = evaluate(iter_tml(data, limit))
    if n == 0:
        raise click.ClickException(f"no .tml files under {data}")
    notes = {name: _short(metrics(c)) for name, c in sorted(groups.items())} if len(groups) > 1 \
        else {}
    emit(EvalReport(task="timex", n_docs=n, metrics=metrics(total), notes=notes), fmt)
