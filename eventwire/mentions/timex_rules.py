"""Lexicons, calendar arithmetic and rule handlers for the time-expression finder in ``dates``.

``dates`` holds the patterns (``dates.RULES``) and runs them; for each kept match it calls
``HANDLERS[rule name](match, Ctx)``, which turns the match into a ``Reading``: a TimeML value,
its precision and the covered day range, resolved against the publication date in ``Ctx``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
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


# --- resolution ---------------------------------------------------------------------------------


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


def _day(d: dt.date, suffix: str = "") -> Reading:
    return Reading(d.isoformat() + suffix, "day", d, d, "TIME" if suffix else "DATE")


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _month(year: int, month: int) -> Reading:
    return Reading(f"{year:04d}-{month:02d}", "month", dt.date(year, month, 1),
                    _month_end(year, month))


def _year(year: int) -> Reading:
    return Reading(f"{year:04d}", "year", dt.date(year, 1, 1), dt.date(year, 12, 31))


def _week(d: dt.date, weekend: bool = False) -> Reading:
    iso = d.isocalendar()
    monday = d - dt.timedelta(days=iso.weekday - 1)
    value = f"{iso.year:04d}-W{iso.week:02d}"
    if weekend:
        return Reading(value + "-WE", "week", monday + dt.timedelta(5), monday + dt.timedelta(6))
    return Reading(value, "week", monday, monday + dt.timedelta(days=6))


def _months_range(value: str, year: int, first: int, last: int) -> Reading:
    """A span of whole months (quarter, half, season) reported with month precision."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return Reading(value, "month", dt.date(year, first, 1), _month_end(end_year, end_month))


def _quarter(year: int, q: int) -> Reading:
    return _months_range(f"{year:04d}-Q{q}", year, 3 * q - 2, 3 * q)


_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(year: int, code: str) -> Reading:
    first = _SEASON_MONTHS[code]
    return _months_range(f"{year:04d}-{code}", year, first, first + 2)


def _add_months(d: dt.date, n: int) -> dt.date:
    index = d.year * 12 + d.month - 1 + n
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(d.day, _month_end(year, month + 1).day))


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "2W"):
        return d + dt.timedelta(weeks=n * (2 if unit == "2W" else 1))
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit] * n
    return _add_months(d, months)


def _at_unit(d: dt.date, unit: str) -> Reading:
    """The calendar unit containing ``d`` named by a duration unit letter."""
    if unit in ("W", "2W"):
        return _week(d)
    if unit == "M":
        return _month(d.year, d.month)
    if unit == "Q":
        return _quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "Y":
        return _year(d.year)
    if unit in ("DE", "CE"):
        size = 10 if unit == "DE" else 100
        start = d.year - d.year % size
        return Reading(str(start // size), "year", dt.date(start, 1, 1),
                        dt.date(start + size - 1, 12, 31))
    return _day(d)


TENSE_REACH = 300  # days: how far the verb's tense may pull a date without a year from the nearest


def _pick_year(month: int, day: int | None, ctx: Ctx) -> int | None:
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
        end = start if day else _month_end(year, month)
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


def _two_digit_year(yy: int, published: dt.date | None) -> int:
    if published is None:
        return 1900 + yy if yy >= 50 else 2000 + yy
    year = published.year - published.year % 100 + yy
    return year - 100 if year > published.year + 10 else year


def _parse_year(text: str | None, published: dt.date | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'")
    if not digits.isdigit():
        return _year_from_words(digits)
    return int(digits) if len(digits) == 4 else _two_digit_year(int(digits), published)


def _year_from_words(text: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in words[2:])
    if words[:1] == ["nineteen"]:
        return 1900 + sum(NUMBER_WORDS.get(w, 0) for w in words[1:] if w != "hundred")
    return None


def _weekday_date(target: int, rel: str, ctx: Ctx) -> dt.date | None:
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


# --- numbers and groups -----------------------------------------------------------------------


def _number(text: str) -> int | None:
    t = re.sub(r"\s+", " ", text.lower().strip())
    if re.fullmatch(r"\d+", t):
        return int(t)
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def _g(m: re.Match[str], name: str) -> str | None:
    """A named group's text, lower-cased with single spaces, or None."""
    try:
        value = m.group(name)
    except IndexError:
        return None
    return re.sub(r"\s+", " ", value.lower()) if value else None


def _month_num(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _unit_code(unit: str) -> str:
    u = unit.lower()
    return UNITS["century" if u.startswith("centur") else u.rstrip("s")]


def _duration_value(n: float | None, unit: str) -> str:
    code = _unit_code(unit)
    if code in ("DE", "CE") and n is not None:  # "two decades" -> P20Y
        n, code = n * (10 if code == "DE" else 100), "Y"
    amount = "X" if n is None else (f"{n:g}" if n != int(n) else str(int(n)))
    if code == "2W":
        return "PX2W" if n is None else f"P{int(2 * n)}W"
    if code.startswith("T"):
        return f"PT{amount}{code[1:]}"
    return f"P{amount}{code}"


# --- rule handlers ----------------------------------------------------------------------------


def _h_calendar(m: re.Match[str], ctx: Ctx) -> Reading:
    """dmy, mdy, iso and US numeric dates."""
    month = int(m.group("month")) if m.group("month").isdigit() else _month_num(m.group("month"))
    day = int(re.match(r"\d+", m.group("day")).group())  # type: ignore[union-attr]
    year = _parse_year(_g(m, "year"), ctx.published) or _weekday_year(month, day, m, ctx) \
        or _pick_year(month, day, ctx)
    if year is None:
        return Reading(f"XXXX-{month:02d}-{day:02d}", "day")
    try:
        return _day(dt.date(year, month, day))
    except ValueError:
        return UNRESOLVED


def _weekday_year(month: int, day: int, m: re.Match[str], ctx: Ctx) -> int | None:
    """"Saturday, April 25": the year next to publication in which the weekday fits."""
    wd, pub = _g(m, "wd"), ctx.published
    if wd is None or pub is None:
        return None
    fits = []
    for year in (pub.year, pub.year - 1, pub.year + 1):
        try:
            if dt.date(year, month, day).weekday() == WEEKDAYS[wd]:
                fits.append(year)
        except ValueError:
            continue
    return fits[0] if len(fits) == 1 else None


def _h_month_year(m: re.Match[str], ctx: Ctx) -> Reading:
    year = _parse_year(m.group("year"), ctx.published)
    return _month(year, _month_num(m.group("month"))) if year else UNRESOLVED


def _h_month_rel(m: re.Match[str], ctx: Ctx) -> Reading:
    month = _month_num(m.group("month"))
    rel, yrel, pub = _g(m, "rel"), _g(m, "yrel"), ctx.published
    if rel == "that":
        return UNRESOLVED
    if pub is None:
        return Reading(f"XXXX-{month:02d}", "month") if not (rel or yrel) else UNRESOLVED
    if yrel:
        return _month(pub.year + {"this year": 0, "last year": -1, "next year": 1}[yrel], month)
    if rel == "this":
        return _month(pub.year, month)
    if rel == "last":
        return _month(pub.year if month < pub.month else pub.year - 1, month)
    if rel == "next":
        return _month(pub.year if month > pub.month else pub.year + 1, month)
    return _month(_pick_year(month, None, ctx) or pub.year, month)


def _h_year(m: re.Match[str], ctx: Ctx) -> Reading:
    year = _parse_year(m.group("year"), ctx.published)
    return _year(year) if year else UNRESOLVED


def _reference_quarter(ctx: Ctx) -> Reading | None:
    """The period an earnings report is about: the last quarter it named, else the last one
    completed before publication."""
    if ctx.quarter is not None or ctx.published is None:
        return ctx.quarter
    pub = ctx.published
    return _quarter_of(_add_months(dt.date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1), -3))


def _quarter_of(d: dt.date) -> Reading:
    return _quarter(d.year, (d.month - 1) // 3 + 1)


def _shift_quarter(q: Reading, months: int) -> Reading:
    return _quarter_of(_add_months(q.earliest, months)) if q.earliest else UNRESOLVED


def _h_year_period(m: re.Match[str], ctx: Ctx) -> Reading:
    """"the 1988 period": the reference quarter of that year."""
    ref = _reference_quarter(ctx)
    year = int(m.group("year"))
    return _quarter(year, int(ref.value[-1])) if ref and ref.value else _year(year)


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}


def _h_decade(m: re.Match[str], ctx: Ctx) -> Reading:
    if _g(m, "dec"):
        start = int(m.group("dec"))
    elif _g(m, "decw"):
        start = 1900 + _DECADE_WORDS[_g(m, "decw") or ""]
    else:
        pub_year = ctx.published.year if ctx.published else 1950
        start = _two_digit_year(int(m.group("dec2")), dt.date(pub_year, 1, 1))
    return Reading(str(start // 10), "year", dt.date(start, 1, 1), dt.date(start + 9, 12, 31))


def _h_century(m: re.Match[str], ctx: Ctx) -> Reading:
    """"the 20th century" -> TimeML "19" (the first two digits of its years)."""
    n = int(m.group("cent"))
    start = (n - 1) * 100
    return Reading(f"{n - 1:02d}", "year", dt.date(max(start, 1), 1, 1),
                   dt.date(start + 99, 12, 31))


def _h_quarter(m: re.Match[str], ctx: Ctx) -> Reading:
    q = ORDINALS[m.group("ord").lower()]
    year = _g(m, "year") or _g(m, "qyear")
    if year:
        return _quarter(int(year), q)
    pub = ctx.published
    if pub is None:
        return Reading(f"XXXX-Q{q}")
    yrel = _g(m, "yrel")
    if yrel:
        return _quarter(pub.year + {"this": 0, "last": -1, "next": 1}[yrel], q)
    if _g(m, "ago"):
        return _quarter(pub.year - 1, q)
    current = (pub.month - 1) // 3 + 1
    return _quarter(pub.year - (1 if q > current and not ctx.future else 0), q)


def _h_quarter_rel(m: re.Match[str], ctx: Ctx) -> Reading:
    """"the quarter", "the latest period", "the year-ago quarter", "next quarter"."""
    pub, rel = ctx.published, _g(m, "rel") or ""
    if pub is None or (rel == "that" and ctx.quarter is None):
        return UNRESOLVED
    if rel in ("the", "that", "this", "the latest") or "year" in rel:
        ref = _reference_quarter(ctx) if rel != "this" or ctx.quarter else None
        if ref is not None:
            return _shift_quarter(ref, -12) if "year" in rel else ref
    start = dt.date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1)
    offsets = {"this": 0, "the current": 0, "next": 3}
    return _quarter_of(_add_months(start, offsets.get(rel, -3)))


def _h_half(m: re.Match[str], ctx: Ctx) -> Reading:
    year, first = int(m.group("year")), m.group("ord").lower() == "first"
    return _months_range(f"{year}-H{1 if first else 2}", year, 1 if first else 7, 6 if first else 12)


def _h_weekday(m: re.Match[str], ctx: Ctx) -> Reading:
    rel = _g(m, "rel") or ""
    if rel == "that":
        return UNRESOLVED
    d = _weekday_date(WEEKDAYS[m.group("wd").lower()], rel, ctx)
    if d is None:
        return UNRESOLVED
    pod = _g(m, "pod")
    return _day(d, "T" + PARTS_OF_DAY[pod]) if pod else _day(d)


def _h_deictic(m: re.Match[str], ctx: Ctx) -> Reading:
    if ctx.published is None:
        return UNRESOLVED
    word = _g(m, "word") or ""
    offset = {"yesterday": -1, "tomorrow": 1, "before yesterday": -2, "after tomorrow": 2}
    d = ctx.published + dt.timedelta(days=offset.get(word, 0))
    pod = _g(m, "pod") or ("night" if word == "tonight" else None)
    return _day(d, "T" + PARTS_OF_DAY[pod]) if pod else _day(d)


def _h_pod_rel(m: re.Match[str], ctx: Ctx) -> Reading:
    rel, pod = _g(m, "rel"), _g(m, "pod") or ""
    if ctx.published is None or rel == "that":
        return UNRESOLVED
    d = ctx.published - dt.timedelta(days=1 if rel == "last" else 0)
    return _day(d, "T" + PARTS_OF_DAY[pod])


def _clock_suffix(text: str) -> str | None:
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


def _h_clock(m: re.Match[str], ctx: Ctx) -> Reading:
    clock = m.group("clock").split()[0] if " o'clock" not in m.group("clock") else m.group("clock")
    suffix = _clock_suffix(re.sub(r"\s+(?=[ap]\.?m)", "", m.group("clock"), flags=re.I) or clock)
    if suffix is None:
        return UNRESOLVED
    day = _g(m, "wd")
    if ctx.published is None:
        return Reading(None, timex_type="TIME")
    if day in WEEKDAYS:
        d = _weekday_date(WEEKDAYS[day], "", ctx)
    elif day:
        d = ctx.published + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day, 0))
    else:
        d = _anchor_day(ctx)
    return _day(d, suffix) if d else UNRESOLVED


def _anchor_day(ctx: Ctx) -> dt.date | None:
    """The day a bare clock time ("at 10 p.m.") falls on: the last day named, else publication."""
    anchor = ctx.anchor
    if anchor is not None and anchor.precision == "day" and anchor.earliest:
        return anchor.earliest
    return ctx.published


def _h_clock_pod(m: re.Match[str], ctx: Ctx) -> Reading:
    hour = int(m.group("hour")) + (12 if _g(m, "pod") in ("afternoon", "evening") else 0)
    if ctx.published is None or hour > 23:
        return Reading(None, timex_type="TIME")
    return _day(ctx.published, f"T{hour:02d}:00")


_ANAPHORIC = {"that": 0, "that same": 0, "the same": 0, "the following": 1}
_UNIT_PRECISIONS = {"D": ("day",), "W": ("day", "week"), "M": ("day", "week", "month")}


def _h_rel_unit(m: re.Match[str], ctx: Ctx) -> Reading:
    rel, unit, pub = _g(m, "rel") or "", _g(m, "unit") or "", ctx.published
    unit = unit.split()[-1].split("-")[-1]  # "fiscal year" -> "year"
    if unit == "year" and re.match(r"\s+end(?:ed|ing)\b", m.string[m.end():m.end() + 8]):
        return Reading("P1Y", timex_type="DURATION")  # "the year ended March 31"
    if rel in _ANAPHORIC:
        return _anaphoric_unit(unit, _ANAPHORIC[rel], ctx)
    if pub is None:
        return UNRESOLVED
    step = -1 if rel in ("last", "the past", "the previous") else 1 if rel in (
        "next", "the coming") else 0
    if unit in SEASONS:
        return _h_season_rel(SEASONS[unit], step, pub)
    if unit == "weekend":
        if rel in ("the", "this") and pub.weekday() < 3 and not ctx.future:
            step = -1  # said early in the week, "the weekend" is the one just past
        return _week(pub + dt.timedelta(weeks=step), weekend=True)
    code = _unit_code(unit)
    return _at_unit(_shift(pub, code, step), code)


def _anaphoric_unit(unit: str, step: int, ctx: Ctx) -> Reading:
    """"that year", "the same day", "the following month": the unit of the last date named."""
    anchor = ctx.anchor
    if anchor is None or anchor.earliest is None or unit in SEASONS or unit == "weekend":
        return UNRESOLVED
    code = _unit_code(unit)
    if code in _UNIT_PRECISIONS and anchor.precision not in _UNIT_PRECISIONS[code]:
        return UNRESOLVED  # "that day" after "in 1998"
    return _at_unit(_shift(anchor.earliest, code, step), code)


def _h_season_rel(code: str, step: int, pub: dt.date) -> Reading:
    year = pub.year if code != "WI" or pub.month == 12 else pub.year - 1
    reading = _season(year, code)
    if step < 0 and reading.latest and reading.latest >= pub:
        year -= 1
    elif step > 0 and reading.earliest and reading.earliest <= pub:
        year += 1
    return _season(year, code)


def _h_season(m: re.Match[str], ctx: Ctx) -> Reading:
    year = _parse_year(m.group("year"), ctx.published)
    return _season(year, SEASONS[m.group("season").lower()]) if year else UNRESOLVED


def _h_ago(m: re.Match[str], ctx: Ctx) -> Reading:
    n = _number(m.group("num"))
    direction = _g(m, "dir") or "ago"
    if n is None:
        return Reading("FUTURE_REF" if direction in ("later", "from now", "hence") else "PAST_REF")
    if ctx.published is None:
        return UNRESOLVED
    code = _unit_code(m.group("unit"))
    if code == "Y" and n == 1 and (ctx.quarter or ctx.quarterly):
        return _year_ago_quarter(ctx)
    if direction == "earlier":
        base = ctx.anchor.earliest if ctx.anchor and ctx.anchor.earliest else ctx.published
        return _year(base.year - n) if code == "Y" else _day_or_duration(m, n)
    sign = 1 if direction in ("from now", "hence") else -1
    if code.startswith("T"):
        return _day(ctx.published)
    return _at_unit(_shift(ctx.published, code, sign * n), code)


def _year_ago_quarter(ctx: Ctx) -> Reading:
    """Earnings-report "a year ago": the reference quarter, one year back."""
    ref = _reference_quarter(ctx)
    return _shift_quarter(ref, -12) if ref else UNRESOLVED


def _day_or_duration(m: re.Match[str], n: int) -> Reading:
    """"a year earlier" outside earnings reports is anchored to another event: a duration."""
    return Reading(_duration_value(n, m.group("unit")), timex_type="DURATION")


_HALF_UNITS = {"Y": "6M", "M": "15D", "D": "12H", "TH": "30M", "TM": "30S", "W": "3DT12H"}


def _half_more(n: int | None, code: str) -> str:
    """"2 1/2 years" -> P2Y6M."""
    if n is None or code not in _HALF_UNITS:
        return f"PX{code.lstrip('T')}"
    half = _HALF_UNITS[code]
    time = "T" if code.startswith("T") else ""
    return f"P{time}{n}{code.lstrip('T')}{half}"


def _h_duration(m: re.Match[str], ctx: Ctx) -> Reading:
    unit = m.group("unit")
    if _g(m, "half"):
        half = {"TH": "PT30M", "D": "PT12H", "Y": "P6M", "CE": "P50Y"}[_unit_code(unit)]
        return Reading(half, timex_type="DURATION")
    if _g(m, "num2"):
        n = _number(m.group("num2"))
        return Reading(_half_more(n, _unit_code(unit)), timex_type="DURATION")
    if _g(m, "bare"):  # "for weeks"
        return Reading(_duration_value(None, unit), timex_type="DURATION")
    vague = _g(m, "vague")
    if vague in ("coming", "the coming"):  # an unbounded stretch ahead: "the coming years"
        return Reading("FUTURE_REF")
    if vague:
        return Reading(_duration_value(None, unit), timex_type="DURATION")
    n = _number(m.group("num"))
    if n is None or n == 0 or (_unit_code(unit) == "Q" and m.group("num").lower() in ("a", "an")):
        return UNRESOLVED
    return Reading(_duration_value(n, unit), timex_type="DURATION")


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q",
              "weekend": "XXXX-WXX-WE", "morning": "XXXX-XX-XXTMO", "night": "XXXX-XX-XXTNI",
              "evening": "XXXX-XX-XXTEV", "afternoon": "XXXX-XX-XXTAF"}
_SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
                "annually": "P1Y", "quarterly": "P1Q", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI"}


def _h_set(m: re.Match[str], ctx: Ctx) -> Reading:
    wd, month, unit, adv = _g(m, "wd"), _g(m, "month"), _g(m, "unit"), _g(m, "adv")
    if wd:
        value = f"XXXX-WXX-{WEEKDAYS[wd] + 1}"
    elif month:
        value = f"XXXX-{_month_num(month):02d}"
    else:
        value = _SET_UNITS[unit] if unit else _SET_ADVERBS[adv or "daily"]
    return Reading(value, timex_type="SET")


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
             "independence day": (7, 4), "valentine's day": (2, 14), "halloween": (10, 31)}
_FLOATING = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4)}  # 4th Thu of Nov


def _holiday_date(name: str, year: int) -> dt.date:
    if name in _FLOATING:
        month, weekday, nth = _FLOATING[name]
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return dt.date(year, *_HOLIDAYS[name])


def _h_holiday(m: re.Match[str], ctx: Ctx) -> Reading:
    name, rel, pub = _g(m, "hol") or "", _g(m, "rel"), ctx.published
    if pub is None:
        if name in _FLOATING:
            return UNRESOLVED
        month, day = _HOLIDAYS[name]
        return Reading(f"XXXX-{month:02d}-{day:02d}", "day")
    this_year = _holiday_date(name, pub.year)
    if rel == "last" or (rel is None and ctx.past):
        return _day(this_year if this_year < pub else _holiday_date(name, pub.year - 1))
    if rel == "next" or (rel is None and ctx.future):
        return _day(this_year if this_year > pub else _holiday_date(name, pub.year + 1))
    if rel == "this":
        return _day(this_year)
    approx = _pick_year(this_year.month, this_year.day, ctx)
    return _day(_holiday_date(name, approx or pub.year))


def _h_ref(m: re.Match[str], ctx: Ctx) -> Reading:
    ref = _g(m, "ref") or ""
    if ref in PRESENT_WORDS:
        return Reading("PRESENT_REF")
    return Reading("PAST_REF" if ref in PAST_WORDS else "FUTURE_REF")


def _h_set_weekday(m: re.Match[str], ctx: Ctx) -> Reading:
    """"Mondays" -> XXXX-WXX-1, "Tuesday nights" -> XXXX-WXX-2TNI."""
    pod = _g(m, "pod")
    value = f"XXXX-WXX-{WEEKDAYS[_g(m, 'wd') or _g(m, 'wd2') or ''] + 1}"
    return Reading(value + ("T" + PARTS_OF_DAY[pod] if pod else ""), timex_type="SET")


def _interval(a: Reading, b: Reading) -> Reading:
    if a.value is None or b.value is None:
        return UNRESOLVED
    return Reading(f"{a.value}/{b.value}", a.precision, a.earliest, b.latest)


def _h_range_days(m: re.Match[str], ctx: Ctx) -> Reading:
    month = _month_num(m.group("month"))
    d1, d2 = (int(re.match(r"\d+", m.group(g)).group()) for g in ("d1", "d2"))  # type: ignore
    year = _parse_year(_g(m, "year"), ctx.published) or _pick_year(month, d1, ctx)
    if d2 < d1:
        return UNRESOLVED
    if year is None:
        return Reading(f"XXXX-{month:02d}-{d1:02d}/XXXX-{month:02d}-{d2:02d}", "day")
    try:
        return _interval(_day(dt.date(year, month, d1)), _day(dt.date(year, month, d2)))
    except ValueError:
        return UNRESOLVED


def _h_range_months(m: re.Match[str], ctx: Ctx) -> Reading:
    m1, m2 = _month_num(m.group("m1")), _month_num(m.group("m2"))
    year = int(m.group("year")) if _g(m, "year") else _pick_year(m1, None, ctx)
    if year is None:
        return Reading(f"XXXX-{m1:02d}/XXXX-{m2:02d}", "month")
    return _interval(_month(year, m1), _month(year + (1 if m2 < m1 else 0), m2))


def _h_range_years(m: re.Match[str], ctx: Ctx) -> Reading:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    return _interval(_year(y1), _year(y2)) if y1 <= y2 else UNRESOLVED


def _h_year_ago_adj(m: re.Match[str], ctx: Ctx) -> Reading:
    if ctx.published is None:
        return UNRESOLVED
    if ctx.quarterly or ctx.quarter:
        return _year_ago_quarter(ctx)
    return _year(ctx.published.year - 1)


HANDLERS: dict[str, Callable[[re.Match[str], Ctx], Reading]] = {
    "range_days": _h_range_days, "range_days_m": _h_range_days, "range_months": _h_range_months,
    "range_years": _h_range_years, "dmy": _h_calendar, "mdy": _h_calendar, "iso": _h_calendar,
    "us_numeric": _h_calendar, "month_year": _h_month_year, "month_rel": _h_month_rel,
    "year": _h_year, "year_period": _h_year_period, "decade": _h_decade, "century": _h_century,
    "quarter": _h_quarter, "quarter_rel": _h_quarter_rel,
    "half": _h_half, "weekday": _h_weekday, "deictic": _h_deictic, "pod_rel": _h_pod_rel,
    "clock": _h_clock, "clock_pod": _h_clock_pod, "rel_unit": _h_rel_unit, "season": _h_season,
    "ago": _h_ago, "duration": _h_duration, "set": _h_set, "set_adv": _h_set,
    "set_weekday": _h_set_weekday, "holiday": _h_holiday, "ref": _h_ref,
    "year_ago_adj": _h_year_ago_adj,
}
