"""Word lists, the ``Reading`` / ``Ctx`` records and calendar arithmetic for time expressions.

``timex_rules`` turns pattern matches into ``Reading``s with these helpers; ``dates`` runs the
patterns. Everything here is pure: dates in, dates or TimeML values out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a hundred": 100, "a couple of": 2, "couple of": 2,
    "a dozen": 12, "dozen": 12,
}
VAGUE_NUMBERS: tuple[str, ...] = (
    "several", "a few", "few", "many", "some", "a number of", "dozens of", "hundreds of",
    "the past few", "the last few", "the next few", "the coming", "recent", "coming",
    "the past several", "the last several", "the next several",
)
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}
# TimeML duration unit letters; "T" marks a time unit (PT5H).
UNITS: dict[str, str] = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "2W",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "daytime": "DT",
}
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
PRESENT_WORDS: frozenset[str] = frozenset({
    "now", "right now", "currently", "current", "these days", "nowadays", "at present",
    "at the moment", "at this time", "the present", "presently",
})
PAST_WORDS: frozenset[str] = frozenset({
    "recently", "the past", "previously", "formerly", "lately", "in the past", "recent",
})
FUTURE_WORDS: frozenset[str] = frozenset({
    "the future", "the near future", "soon", "future", "in the future", "eventually",
    "the near term", "the short term", "a later date", "as soon as possible",
    "the coming", "later this year",
})


# --- pattern fragments ----------------------------------------------------------------------
# Regular-expression pieces the rules in ``dates`` are built from; none has a named group.

MONTH_FULL = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
)
MONTH_ABBR = r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
MONTH = rf"(?:{MONTH_FULL}|(?:{MONTH_ABBR})\b\.?)"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
YEAR_ANY = rf"(?:{YEAR4}|'?\d\d(?!\s*[A-Za-z%]))(?![\d,.:]\d)"  # "3 JAN 90", not "15 people"
ONES = r"one|two|three|four|five|six|seven|eight|nine"
YEAR_WORDS = (  # "nineteen ninety-six", "two thousand and one" (broadcast transcripts)
    rf"(?:nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[\s-]+(?:{ONES}))?|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
    rf"hundred(?:\s+and\s+(?:{ONES}))?)|two\s+thousand(?:\s+(?:and\s+)?(?:{ONES}|ten))?)"
)
POD = r"(?:morning|afternoon|evening|night|overnight)"
NUM_WORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a\s+)?couple\s+of|"
    r"a dozen|dozen|a hundred|hundred|a|an"
)
NUMBER = rf"(?:\d{{1,3}}(?:\.\d+)?|{NUM_WORD})"
VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE_NUMBERS), key=len, reverse=True))
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies))"
UNIT_PLURAL = r"(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)"
APPROX = (
    r"(?:about|around|nearly|almost|roughly|approximately|some|more than|less than|over|"
    r"at least|at most|up to|just over|just under|only|barely|fully|another|an additional|"
    r"an extra|a full|a further)"
)
SPAN_LEAD = (
    r"(?:the\s+)?(?:past|last|next|previous|preceding|following|first|final|coming|latest|"
    r"remaining)"
)
REL = (r"(?:this(?:\s+past)?|last|next|the\s+past|the\s+previous|the\s+coming|the\s+current|"
       r"the\s+latest)")
EDGE = r"(?:early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"\
       r"the\s+middle\s+of)"
ANAPHORIC = r"(?:that(?:\s+same)?|the\s+same|the\s+following)"
TZ = r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local\s+time))?"
CLOCK = (
    rf"(?:\d{{1,2}}(?::\d\d)?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\d{{1,2}}:\d\d(?!\d)|"
    rf"\d{{1,2}}\s+o'clock){TZ}|noon|midnight|midday"
)


# --- records ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a rule needs to resolve one match."""

    published: dt.date | None
    future: bool  # the words around the match carry a future cue
    mixed_case: bool  # the document has normal capitalisation
    quarterly: bool = False  # the sentence speaks of quarters (earnings-report usage)
    past: bool = False  # the governing verb is in a past tense
    anchor: Reading | None = None  # the last calendar date resolved earlier in the document
    quarter: Reading | None = None  # the last quarter named earlier in the document


@dataclass(frozen=True, slots=True)
class Reading:
    value: str | None
    precision: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    timex_type: str = "DATE"


UNRESOLVED = Reading(None)

# --- calendar arithmetic ----------------------------------------------------------------------


def day_of(d: dt.date, suffix: str = "") -> Reading:
    return Reading(d.isoformat() + suffix, "day", d, d, "TIME" if suffix else "DATE")


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def month_of(year: int, month: int) -> Reading:
    return Reading(f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1),
                    month_end(year, month))


def year_of(year: int) -> Reading:
    return Reading(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def week_of(d: dt.date, weekend: bool = False) -> Reading:
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=iso.weekday - 1)
    value = f"{iso.year:04d}-W{iso.week:02d}"
    if weekend:
        return Reading(value + "-WE", "week", monday + dt.timedelta(5), monday + dt.timedelta(6))
    return Reading(value, "week", monday, monday + dt.timedelta(days=6))


def months_range(value: str, year: int, first: int, last: int) -> Reading:
    """A span of whole months (quarter, half, season) reported with month precision."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return Reading(value, "month", dt.date(year, first, 1), month_end(end_year, end_month))


def quarter_of_year(year: int, q: int) -> Reading:
    return months_range(f"{year:04d}-Q{q}", year, 3 * q - 2, 3 * q)


SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def season_of(year: int, code: str) -> Reading:
    first = SEASON_MONTHS[code]
    return months_range(f"{year:04d}-{code}", year, first, first + 2)


def add_months(d: dt.date, n: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(d.day, month_end(year, month + 1).day))


def shift_date(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "2W"):
        return d + dt.timedelta(weeks=n * (2 if unit == "2W" else 1))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
    return add_months(d, months)


def unit_containing(d: dt.date, unit: str) -> Reading:
    """The calendar unit containing ``d`` named by a duration unit letter."""
    if unit in ("W", "2W"):
        return week_of(d)
    if unit == "M":
        return month_of(d.year, d.month)
    if unit == "Q":
        return quarter_of_year(d.year, (d.month - 1) // 3 + 1)
    if unit == "Y":
        return year_of(d.year)
    if unit in ("DE", "CE"):
        size = 10 if unit == "DE" else 100
        start = d.year - d.year % size
        return Reading(str(start // size), "year", dt.date(start, 1, 1),
                        dt.date(start + size - 1, 12, 31))
    return day_of(d)


TENSE_REACH = 300  # days: how far the verb's tense may pull a date without a year from the nearest


def pick_year(month: int, day: int | None, ctx: Ctx) -> int | None:
    """Year for a day/month without one: nearest the publication date, past preferred."""
    pub = ctx.published
    if pub is None:
        return None
    best_past: tuple[int, int] | None = None
    best_future: tuple[int, int] | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            start = dt.date(year, month, day or 1)
        except ValueError:
            continue
        end = start if day else month_end(year, month)
        if start <= pub:
            dist = max(0, (pub - end).days)
            if best_past is None or dist < best_past[1]:
                best_past = (year, dist)
        elif best_future is None or (start - pub).days < best_future[1]:
            best_future = (year, (start - pub).days)
    if ctx.past and best_past is not None and best_past[1] < TENSE_REACH:
        return best_past[0]
    if ctx.future and best_future is not None and best_future[1] < TENSE_REACH:
        return best_future[0]
    if best_past is None or (best_future and 2 * best_future[1] < best_past[1]):
        return best_future[0] if best_future else None
    return best_past[0]


def two_digit_year(yy: int, published: dt.date | None) -> int:
    if published is None:
        return 1900 + yy if yy >= 50 else 2000 + yy
    year = published.year - published.year % 100 + yy
    return year - 100 if year > published.year + 10 else year


def parse_year(text: str | None, published: dt.date | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    if not digits.isdigit():
        return year_from_words(digits)
    return int(digits) if len(digits) == 4 else two_digit_year(int(digits), published)


def year_from_words(text: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in words[2:])
    if words[:1] == ["nineteen"]:
        return 1900 + sum(NUMBER_WORDS.get(w, 0) for w in words[1:] if w != "hundred")
    return None


def weekday_date(target: int, rel: str, ctx: Ctx) -> dt.date | None:
    pub = ctx.published
    if pub is None:
        return None
    back = (pub.weekday() - target) % 7
    ahead = (target - pub.weekday()) % 7
    if rel == "this":
        return pub + dt.timedelta(days=target - pub.weekday())
    if rel in ("last", "previous"):
        return pub - dt.timedelta(days=back or 7)
    if rel in ("next", "coming", "this coming"):
        return pub + dt.timedelta(days=ahead or 7)
    if back == 0:
        return pub
    return pub + dt.timedelta(days=ahead) if ctx.future else pub - dt.timedelta(days=back)


def weekday_from(base: dt.date, target: int, step: int) -> dt.date:
    """The weekday ``target`` strictly before (``step`` -1) or after (+1) ``base``."""
    if step < 0:
        return base - dt.timedelta(days=(base.weekday() - target) % 7 or 7)
    return base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)


# --- numbers and groups -----------------------------------------------------------------------


def parse_number(text: str) -> int | None:
    t = re.sub(r"\s+", " ", text.lower().strip())
    if re.fullmatch(r"\d+", t):
        return int(t)
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def mgroup(m: re.Match[str], name: str) -> str | None:
    """A named group's text, lower-cased with single spaces, or None."""
    try:
        value = m.group(name)
    except IndexError:
        return None
    return re.sub(r"\s+", " ", value.lower()) if value else None


def month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def unit_code(unit: str) -> str:
    u = unit.lower()
    return UNITS["century" if u.startswith("centur") else u.rstrip("s")]


def duration_value(n: float | None, unit: str) -> str:
    code = unit_code(unit)
    if code in ("DE", "CE") and n is not None:  # "two decades" -> P20Y
        n, code = n * (10 if code == "DE" else 100), "Y"
    amount = "X" if n is None else (f"{n:g}" if n != int(n) else str(int(n)))
    if code == "2W":
        return "PX2W" if n is None else f"P{int(2 * n)}W"
    if code.startswith("T"):
        return f"PT{amount}{code[1:]}"
    return f"P{amount}{code}"


def quarter_containing(d: dt.date) -> Reading:
    return quarter_of_year(d.year, (d.month - 1) // 3 + 1)


def clock_suffix(text: str) -> str | None:
    t = text.lower()
    if t in ("noon", "midday"):
        return "T12:00"
    if t == "midnight":
        return "T24:00"
    nums = re.match(r"(\d{1,2})(?::(\d\d))?", t)
    if nums is None:
        return None
    hour, minute = int(nums.group(1)), int(nums.group(2) or 0)
    if "p" in t[nums.end():nums.end() + 3] and hour < 12:
        hour += 12
    elif re.match(r"\s*a", t[nums.end():]) and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None
    return f"T{hour:02d}:{minute:02d}"
