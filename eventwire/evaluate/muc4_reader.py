"""Read MUC-3/MUC-4 message files and answer-key templates.

Message files hold many messages, each starting with its id line (``DEV-MUC3-0001 (NOSC)``,
``TST2-MUC4-0001``); upper-case and ``.mixed-case`` files read alike. Key files hold one template per
relevant incident (an irrelevant message has one template of ``*``), as numbered slot lines::

    0.  MESSAGE: ID                     DEV-MUC3-0001 (NCCOSC)
    1.  MESSAGE: TEMPLATE               1 (OPTIONAL)
    9.  PERP: INDIVIDUAL ID             ? "TERRORIST"
    10. PERP: ORGANIZATION ID           "FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"
    19. HUM TGT: DESCRIPTION            "MONSIGNOR": "ARNULFO ROMERO"
                                        "JESUIT PRIESTS"

Conventions handled (TASKDOC template-doc-part1 section 4.2): one filler per line, continuation
lines indented; ``A / B`` alternatives (quote- and parenthesis-aware); a leading ``?`` marks an
optional filler; ``X: "REF"`` cross-references; ``-`` is an empty slot, ``*`` an inapplicable one;
``(OPTIONAL)`` after the template number marks an optional template; ``;`` lines are comments.
Slots are identified by their label, so MUC-4 (24 slots) and MUC-3 (18 slots, other labels and
numbering) keys both read into the same canonical slot names (:data:`SLOTS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

SLOTS: tuple[str, ...] = (
    "id", "template", "date", "location", "type", "stage", "instrument_id", "instrument_type",
    "category", "perp_ind", "perp_org", "perp_conf", "phys_id", "phys_type", "phys_number",
    "phys_nation", "phys_effect", "phys_total", "hum_name", "hum_desc", "hum_type", "hum_number",
    "hum_nation", "hum_effect", "hum_total",
)
# Slot labels of MUC-4 keys (numbered 0-24 in SLOTS order) and of MUC-3 keys (numbered 0-18).
MUC4_LABELS: dict[str, str] = {
    "MESSAGE: ID": "id", "MESSAGE: TEMPLATE": "template", "INCIDENT: DATE": "date",
    "INCIDENT: LOCATION": "location", "INCIDENT: TYPE": "type",
    "INCIDENT: STAGE OF EXECUTION": "stage", "INCIDENT: INSTRUMENT ID": "instrument_id",
    "INCIDENT: INSTRUMENT TYPE": "instrument_type", "PERP: INCIDENT CATEGORY": "category",
    "PERP: INDIVIDUAL ID": "perp_ind", "PERP: ORGANIZATION ID": "perp_org",
    "PERP: ORGANIZATION CONFIDENCE": "perp_conf", "PHYS TGT: ID": "phys_id",
    "PHYS TGT: TYPE": "phys_type", "PHYS TGT: NUMBER": "phys_number",
    "PHYS TGT: FOREIGN NATION": "phys_nation", "PHYS TGT: EFFECT OF INCIDENT": "phys_effect",
    "PHYS TGT: TOTAL NUMBER": "phys_total", "HUM TGT: NAME": "hum_name",
    "HUM TGT: DESCRIPTION": "hum_desc", "HUM TGT: TYPE": "hum_type", "HUM TGT: NUMBER": "hum_number",
    "HUM TGT: FOREIGN NATION": "hum_nation", "HUM TGT: EFFECT OF INCIDENT": "hum_effect",
    "HUM TGT: TOTAL NUMBER": "hum_total",
}
MUC3_LABELS: dict[str, str] = {
    "MESSAGE ID": "id", "TEMPLATE ID": "template", "DATE OF INCIDENT": "date",
    "TYPE OF INCIDENT": "type", "CATEGORY OF INCIDENT": "category",
    "PERPETRATOR: ID OF INDIV(S)": "perp_ind", "PERPETRATOR: ID OF ORG(S)": "perp_org",
    "PERPETRATOR: CONFIDENCE": "perp_conf", "PHYSICAL TARGET: ID(S)": "phys_id",
    "PHYSICAL TARGET: TOTAL NUM": "phys_total", "PHYSICAL TARGET: TYPE(S)": "phys_type",
    "HUMAN TARGET: ID(S)": "hum_name", "HUMAN TARGET: TOTAL NUM": "hum_total",
    "HUMAN TARGET: TYPE(S)": "hum_type", "TARGET: FOREIGN NATION(S)": "hum_nation",
    "INSTRUMENT: TYPE(S)": "instrument_type", "LOCATION OF INCIDENT": "location",
    "EFFECT ON PHYSICAL TARGET(S)": "phys_effect", "EFFECT ON HUMAN TARGET(S)": "hum_effect",
}
MUC3_ORDER: tuple[str, ...] = tuple(MUC3_LABELS.values())
MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}
RECENT_DAYS = 61  # "- DD MMM YY" means on or before that day; TASKDOC: incidents are recent (2 months)

_ID_LINE = re.compile(r"^\s*((?:DEV|TST\d+)-MUC\d-\d{4})\b[^\n]*$", re.IGNORECASE | re.MULTILINE)
_SLOT_LINE = re.compile(r"^(\d{1,2})\.\s+(\S.*?)(?:\s{2,}(.*?))?\s*$")
_DATE = re.compile(
    r"^(?:(?P<d1>\d{1,2}) (?P<m1>[A-Z]{3,9})|(?P<m2>[A-Z]{3,9}) (?P<d2>\d{1,2}))(?: (?P<y>\d{2}|\d{4}))?$"
)
_DATELINE = re.compile(
    r"^\s*[^\n,]{2,60}?,\s*(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Za-z]{3,9})\.?|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2}))"
    r"(?:,?\s+(?P<y>\d{2}|\d{4}))?(?![\d])"
)


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Filler:
    """One slot filler: its alternatives (quotes removed), cross-reference alternatives, optionality."""

    values: tuple[str, ...]
    xref: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True, slots=True)
class KeyTemplate:
    """One answer-key template; ``slots`` pairs canonical slot names with their fillers."""

    doc_id: str
    number: str  # "1", "2", ... ; "*" for a no-relevant-incident template
    optional: bool
    slots: tuple[tuple[str, tuple[Filler, ...]], ...]

    @property
    def relevant(self) -> bool:
        return self.number != "*"

    def slot(self, name: str) -> tuple[Filler, ...]:
        """Fillers of a slot; empty for '-', '*' and slots the key lacks."""
        for key, fillers in self.slots:
            if key == name:
                return fillers
        return ()


@dataclass(frozen=True, slots=True)
class Message:
    doc_id: str
    text: str  # body after the id line: dateline, bracketed headers, text


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """One alternative of the LOCATION slot: country, then names at the most specific level."""

    country: str
    specific: tuple[str, ...]  # e.g. ("SAN LUIS DE LA REINA",); == (country,) when only a country


# --- messages --------------------------------------------------------------------------------


def read_messages(paths: Iterable[Path]) -> tuple[Message, ...]:
    """All messages of the given files, in file order."""
    out: list[Message] = []
    for path in paths:
        out.extend(split_messages(_read_text(path)))
    return tuple(out)


def split_messages(text: str) -> Iterator[Message]:
    """Split a message file at its id lines."""
    heads = list(_ID_LINE.finditer(text))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        body = text[head.end():end].strip("\n")
        yield Message(doc_id=head.group(1).upper(), text=body.strip())


def dateline_date(text: str, default_year: int | None = None) -> dt.date | None:
    """Minimal dateline reader: ``SAN SALVADOR, 3 JAN 90 -- ...`` -> 1990-01-03.

    Also ``18 APRIL 89``, ``JUNE 11 89`` and, with ``default_year``, ``7 FEB (REUTER)``.
    """
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    m = _DATELINE.match(first)
    if m is None:
        return None
    day, month = m.group("d1") or m.group("d2"), (m.group("m1") or m.group("m2"))[:3].upper()
    year = m.group("y")
    if year is not None and not 80 <= int(year[-2:]) <= 99 and default_year:
        year = None  # a typo such as "11 MAR 11" in a 1990 message
    if year is None:
        return _make_date(day, month, str(default_year % 100)) if default_year else None
    return _make_date(day, month, year[-2:])


def message_dates(messages: Iterable[Message]) -> tuple[dt.date | None, ...]:
    """Dateline dates of consecutive messages; a year-less dateline takes the previous year."""
    out: list[dt.date | None] = []
    year: int | None = None
    for msg in messages:
        day = dateline_date(msg.text, default_year=year)
        year = day.year if day else year
        out.append(day)
    return tuple(out)


def mixed_case_variant(path: Path) -> Path:
    """``NAME.mixed-case`` when it exists next to ``NAME``, else ``path`` itself."""
    variant = path.with_name(path.name + ".mixed-case")
    return variant if variant.exists() else path


# --- keys ------------------------------------------------------------------------------------


def read_keys(paths: Iterable[Path]) -> tuple[KeyTemplate, ...]:
    """All templates of the given key files, in file order."""
    out: list[KeyTemplate] = []
    for path in paths:
        out.extend(parse_keys(_read_text(path), origin=str(path)))
    return tuple(out)


def parse_keys(text: str, origin: str = "<keys>") -> Iterator[KeyTemplate]:
    """Parse key text into templates (a template starts at its slot 0 line)."""
    for block in _template_blocks(text):
        yield _template(block, origin)


def _template_blocks(text: str) -> Iterator[list[tuple[int, str, list[str]]]]:
    """Group lines into templates of (number, label, filler lines)."""
    block: list[tuple[int, str, list[str]]] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith(";"):
            continue
        m = _SLOT_LINE.match(line)
        if m is None:
            if block:  # continuation line: one more filler of the current slot
                block[-1][2].append(line.strip())
            continue
        number, label, value = int(m.group(1)), m.group(2).strip(), (m.group(3) or "").strip()
        if number == 0 and block:
            yield block
            block = []
        block.append((number, label, [value] if value else []))
    if block:
        yield block


def _template(block: list[tuple[int, str, list[str]]], origin: str) -> KeyTemplate:
    muc3 = any(label in MUC3_LABELS and label not in MUC4_LABELS for _, label, _ in block)
    slots: list[tuple[str, tuple[Filler, ...]]] = []
    raw: dict[str, list[str]] = {}
    for slot_no, label, lines in block:
        name = _slot_name(slot_no, label, muc3)
        if name is None:
            continue
        raw[name] = lines
        slots.append((name, parse_fillers(name, lines)))
    if "id" not in raw or not raw["id"]:
        raise InputError(f"{origin}: template without a MESSAGE: ID slot", code="E_UNREADABLE")
    doc_id = raw["id"][0].split()[0].upper()
    head = (raw.get("template") or ["*"])[0]
    number = head.split()[0] if head.split() else "*"
    optional = "OPTIONAL" in head.upper()
    if muc3:
        slots = _muc3_stage(slots)
    return KeyTemplate(doc_id=doc_id, number=number, optional=optional, slots=tuple(slots))


def _slot_name(number: int, label: str, muc3: bool) -> str | None:
    label = re.sub(r"\s+", " ", label.upper())
    if label in MUC4_LABELS:
        return MUC4_LABELS[label]
    if label in MUC3_LABELS:
        return MUC3_LABELS[label]
    order = MUC3_ORDER if muc3 else SLOTS
    return order[number] if number < len(order) else None


def _muc3_stage(slots: list[tuple[str, tuple[Filler, ...]]]) -> list[tuple[str, tuple[Filler, ...]]]:
    """MUC-3 folded the stage into the type ("ATTEMPTED BOMBING", "BOMBING THREAT")."""
    out = [s for s in slots if s[0] not in ("type", "stage")]
    types = dict(slots).get("type", ())
    new_types, stages = [], []
    for f in types:
        pairs = [_split_muc3_type(v) for v in f.values]
        new_types.append(Filler(tuple(t for t, _ in pairs), f.xref, f.optional))
        stages.append(Filler(tuple(s for _, s in pairs), (), f.optional))
    return out + [("type", tuple(new_types)), ("stage", tuple(stages))]


def _split_muc3_type(value: str) -> tuple[str, str]:
    value = value.upper()
    if value.startswith("ATTEMPTED "):
        return _muc3_type(value[len("ATTEMPTED "):]), "ATTEMPTED"
    if value.endswith(" THREAT"):
        return _muc3_type(value[: -len(" THREAT")]), "THREATENED"
    if value == "THREAT":
        return "ATTACK", "THREATENED"
    return _muc3_type(value), "ACCOMPLISHED"


def _muc3_type(value: str) -> str:
    return "ATTACK" if value == "MURDER" else value


# --- fillers ---------------------------------------------------------------------------------

_NO_XREF = {"date", "location", "id", "template"}


def parse_fillers(slot: str, lines: list[str]) -> tuple[Filler, ...]:
    """Fillers of one slot from its lines; '-' and '*' give no fillers."""
    out = []
    for line in lines:
        filler = parse_filler(line, xref=slot not in _NO_XREF)
        if filler is not None:
            out.append(filler)
    return tuple(out)


def parse_filler(text: str, *, xref: bool = True) -> Filler | None:
    """Parse one filler line: ``? A / B: "REF" / "REF2"``."""
    text = text.strip()
    optional = text.startswith("?")
    if optional:
        text = text[1:].strip()
    if text in ("", "-", "*"):
        return None
    ref_part = ""
    if xref:
        cut = _top_level_index(text, ":")
        if cut >= 0:
            text, ref_part = text[:cut].strip(), text[cut + 1:].strip()
    values = tuple(v for v in (_unquote(a) for a in split_alternatives(text)) if v and v != "-")
    refs = tuple(v for v in (_unquote(a) for a in split_alternatives(ref_part)) if v and v != "-")
    if not values:
        return None
    return Filler(values=values, xref=refs, optional=optional)


def split_alternatives(text: str) -> list[str]:
    """Split at `` / `` outside quotes and parentheses; strip wrapping parentheses."""
    parts: list[str] = []
    depth, quoted, start, i = 0, False, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and quoted:
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
        elif not quoted and depth == 0 and text.startswith(" / ", i):
            parts.append(text[start:i])
            start = i + 3
            i += 3
            continue
        i += 1
    parts.append(text[start:])
    return [_strip_parens(p.strip()) for p in parts if p.strip()]


def _top_level_index(text: str, char: str) -> int:
    depth, quoted, i = 0, False, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and quoted:
            i += 2
            continue
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "()":
            depth += 1 if ch == "(" else -1
        elif not quoted and depth == 0 and ch == char:
            return i
        i += 1
    return -1


def _strip_parens(text: str) -> str:
    while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += 1 if ch == "(" else -1 if ch == ")" else 0
        if depth < 0:
            return False
    return depth == 0


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    return text.replace('\\"', '"').strip()


# --- typed slot values -----------------------------------------------------------------------


def parse_date_range(text: str, default_year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """A DATE alternative as (earliest, latest): ``D``, ``D1 - D2`` or ``- D`` (on or before D).

    Tolerates the keys' irregular forms: ``-20 MAR 89``, ``03 MARCH 90``, ``OCT 18``, ``31 NOV 89``
    (clamped to the month's end) and, given ``default_year``, dates without a year.
    """
    text = re.sub(r"\s+", " ", text.strip().upper())
    if text.startswith("-"):
        end = _parse_day(text[1:], default_year)
        return (end - dt.timedelta(days=RECENT_DAYS), end) if end else None
    if " - " in text:
        first, second = text.split(" - ", 1)
        a, b = _parse_day(first, default_year), _parse_day(second, default_year)
        return (min(a, b), max(a, b)) if a and b else None
    day = _parse_day(text, default_year)
    return (day, day) if day else None


def _parse_day(text: str, default_year: int | None = None) -> dt.date | None:
    m = _DATE.match(text.strip())
    if m is None:
        return None
    day, month = m.group("d1") or m.group("d2"), (m.group("m1") or m.group("m2"))[:3]
    year = m.group("y") or (str(default_year % 100) if default_year else None)
    return _make_date(day, month, year[-2:]) if year else None


def _make_date(day: str, month: str, year: str) -> dt.date | None:
    if month not in MONTHS:
        return None
    y, mo = 1900 + int(year), MONTHS[month]
    last = (dt.date(y + mo // 12, mo % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, mo, min(int(day), last)) if int(day) >= 1 else None


def parse_location(text: str) -> GoldPlace | None:
    """``PERU: LIMA (CITY): MIRAFLORES (NEIGHBORHOOD)`` -> GoldPlace("PERU", ("MIRAFLORES",))."""
    levels = [p.strip() for p in text.split(":") if p.strip()]
    if not levels:
        return None
    country = _place_name(levels[0])
    names = tuple(_place_name(n) for n in re.split(r"\s+-\s+", levels[-1]) if n.strip())
    return GoldPlace(country=country, specific=names or (country,))


def _place_name(text: str) -> str:
    return re.sub(r"\s*\([^()]*\)\s*$", "", text.strip()).strip()


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="latin-1")
    except OSError as err:
        raise InputError(f"cannot read {path}: {err}", code="E_UNREADABLE") from err
