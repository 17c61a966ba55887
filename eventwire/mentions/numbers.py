"""Numbers with a role: people killed or wounded, force sizes, counts of places taken.

A number is only reported when the text ties it to a role ("killing all 224 people",
"7,500 fighters", "three villages"); a bare number is not a toll. Nothing is ever defaulted to 0.
"""

from __future__ import annotations

import re

from ..records import Number

UNITS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "dozens": 24,
    "scores": 40, "hundreds": 200, "thousands": 2000,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
APPROX = re.compile(r"\b(?:about|around|approximately|nearly|almost|some|roughly|over|more than|at least|up to|an estimated|dozens|hundreds|thousands|scores)\b", re.I)

WORD_NUM = "|".join(sorted((k for k in UNITS if len(k) > 2), key=len, reverse=True))
NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{WORD_NUM})(?:[- ](?:{WORD_NUM}))?)"
    rf"(?:\s+(?:hundred|thousand|million))?"
)
PEOPLE = (
    r"(?:people|persons|civilians|passengers|soldiers|troops|policemen|police officers|officers|"
    r"fighters|militants|rebels|guerrillas|insurgents|children|women|men|villagers|residents|"
    r"students|workers|worshippers|protesters|demonstrators|members|peasants|individuals|others|"
    r"of them|pilgrims|migrants|refugees|crew|crew members|guards|bodyguards|employees|journalists)"
)
FORCE_NOUNS = r"(?:fighters|troops|soldiers|militants|rebels|guerrillas|insurgents|policemen|police officers|officers|militiamen|personnel|commandos|paratroopers|reservists)"
KILL_V = r"(?:killed|dead|died|slain|murdered|massacred|executed|shot dead|beheaded|lost their lives|perished)"
WOUND_V = r"(?:wounded|injured|hurt|maimed)"
KIDNAP_V = r"(?:kidnapped|abducted|taken hostage|seized|held hostage)"
ARREST_V = r"(?:arrested|detained|captured|rounded up|taken into custody)"
COUNT_NOUNS = r"(?:villages|towns|cities|districts|positions|checkpoints|bases|buildings|houses|homes|vehicles|tanks)"

Q = rf"(?P<q>(?:(?:about|around|approximately|nearly|almost|some|roughly|over|more than|at least|up to|an estimated|all)\s+)?(?P<n>{NUM}))"
ADJ = r"(?-i:(?:(?:[A-Z][\w-]*|other|more|unarmed|innocent|local|foreign|security|government|armed|civilian)\s+(?:and\s+[A-Z][\w-]*\s+)?){0,3})"

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("killed", re.compile(rf"\b(?:killing|killed|kills|leaving|left)\s+{Q}(?:\s+{ADJ}{PEOPLE})?(?:\s+dead)?\b", re.I)),
    ("killed", re.compile(rf"\b{Q}\s+{ADJ}{PEOPLE}?\s*(?:were|have been|had been|was|are|being)?\s*(?:reported\s+|confirmed\s+)?{KILL_V}\b", re.I)),
    ("killed", re.compile(rf"\bdeath toll\s+(?:rose\s+to|of|to|at|reached|climbed\s+to|stood\s+at)\s+{Q}", re.I)),
    ("killed", re.compile(rf"\b{Q}\s+(?:deaths|fatalities|dead bodies|bodies)\b", re.I)),
    ("wounded", re.compile(rf"\b(?:wounding|injuring|wounded|injured|injures)\s+{Q}(?:\s+{ADJ}{PEOPLE})?\b", re.I)),
    ("wounded", re.compile(rf"\b{Q}\s+{ADJ}{PEOPLE}?\s*(?:were|have been|had been|was|are)?\s*{WOUND_V}\b", re.I)),
    ("kidnapped", re.compile(rf"\b{Q}\s+{ADJ}{PEOPLE}?\s*(?:were|have been|had been|was)?\s*{KIDNAP_V}\b", re.I)),
    ("kidnapped", re.compile(rf"\b(?:kidnapping|abducting|kidnapped|abducted)\s+{Q}\s+{ADJ}{PEOPLE}", re.I)),
    ("arrested", re.compile(rf"\b{Q}\s+{ADJ}{PEOPLE}?\s*(?:were|have been|had been|was)?\s*{ARREST_V}\b", re.I)),
    ("arrested", re.compile(rf"\b(?:arrested|detained|arresting|detaining)\s+{Q}\s+{ADJ}{PEOPLE}", re.I)),
    ("force", re.compile(rf"\b{Q}\s+{ADJ}{FORCE_NOUNS}\b", re.I)),
    ("count", re.compile(rf"\b(?:captured|seized|took|taken|retook|recaptured|overran|destroyed|burned|torched)\s+{Q}\s+{COUNT_NOUNS}\b", re.I)),
)


def parse_number(text: str) -> int | None:
    """'7,500' -> 7500, 'three' -> 3, 'twenty-five' -> 25, '2.5 million' -> 2500000."""
    words = re.split(r"[\s-]+", text.lower().replace(",", ""))
    total, current = 0, 0.0
    for w in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            current += float(w)
        elif w in UNITS:
            current += UNITS[w]
        elif w in SCALES:
            current = (current or 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + int(current), 0
        else:
            return None
    value = int(total + current)
    return value


def find_numbers(text: str, offset: int = 0) -> tuple[Number, ...]:
    """Role-tagged numbers in one sentence (``offset`` shifts spans into article coordinates)."""
    found: list[Number] = []
    for role, pattern in PATTERNS:
        for m in pattern.finditer(text):
            value = parse_number(m.group("n"))
            if value is None or value == 0 and role != "killed":
                continue
            if role == "force" and _overlaps(found, offset + m.start("q"), offset + m.end("q")):
                continue
            found.append(Number(
                role=role, value=value, text=m.group(0).strip(),
                start=offset + m.start("q"), end=offset + m.end("q"),
                approximate=bool(APPROX.search(m.group("q"))) or m.group("n").lower() in UNITS and UNITS[m.group("n").lower()] in (24, 40, 200, 2000),
            ))
    return tuple(_dedupe(found))


def _overlaps(found: list[Number], start: int, end: int) -> bool:
    return any(n.start < end and start < n.end for n in found)


def _dedupe(found: list[Number]) -> list[Number]:
    seen: set[tuple[str, int]] = set()
    out = []
    for n in sorted(found, key=lambda n: n.start):
        if (n.role, n.start) not in seen:
            seen.add((n.role, n.start))
            out.append(n)
    return out
