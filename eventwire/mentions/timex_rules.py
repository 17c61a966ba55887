"""Rule handlers for the time-expression finder in ``dates``.

``dates`` holds the patterns (``dates.RULES``) and runs them; for each kept match it calls
``HANDLERS[rule name](match, Ctx)``, which turns the match into a ``Reading``: a TimeML value,
its precision and the covered day range, resolved against the publication date in ``Ctx``.
Word lists and calendar arithmetic live in ``timex_calendar``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from .timex_calendar import (
    Ctx,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_WORDS,
    PRESENT_WORDS,
    Reading,
    SEASONS,
    UNRESOLVED,
    WEEKDAYS,
    add_months,
    clock_suffix,
    day_of,
    duration_value,
    mgroup,
    month_number,
    month_of,
    months_range,
    parse_number,
    parse_year,
    pick_year,
    quarter_containing,
    quarter_of_year,
    season_of,
    shift_date,
    two_digit_year,
    unit_code,
    unit_containing,
    week_of,
    weekday_date,
    weekday_from,
    year_of,
)


# --- rule handlers ----------------------------------------------------------------------------


def _h_calendar(m: re.Match[str], ctx: Ctx) -> Reading:
    """dmy, mdy, iso and US numeric dates."""
    month = int(m.group("month")) if m.group("month").isdigit() else month_number(m.group("month"))
    day = int(re.match(r"\d+", m.group("day")).group())  # type: ignore[union-attr]
    year = parse_year(mgroup(m, "year"), ctx.published) or _weekday_year(month, day, m, ctx) \
        or pick_year(month, day, ctx)
    if year is None:
        return Reading(f"XXXX-{month:02d}-{day:02d}", "day")
    try:
        return day_of(dt.date(year, month, day))
    except ValueError:
        return UNRESOLVED


def _weekday_year(month: int, day: int, m: re.Match[str], ctx: Ctx) -> int | None:
    """"Saturday, April 25": the year next to publication in which the weekday fits."""
    wd, pub = mgroup(m, "wd"), ctx.published
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
    year = parse_year(m.group("year"), ctx.published)
    return month_of(year, month_number(m.group("month"))) if year else UNRESOLVED


def _h_month_rel(m: re.Match[str], ctx: Ctx) -> Reading:
    month = month_number(m.group("month"))
    rel, yrel, pub = mgroup(m, "rel"), mgroup(m, "yrel"), ctx.published
    if rel == "that":
        return UNRESOLVED
    if pub is None:
        return Reading(f"XXXX-{month:02d}", "month") if not (rel or yrel) else UNRESOLVED
    if yrel:
        return month_of(pub.year + {"this year": 0, "last year": -1, "next year": 1}[yrel], month)
    if rel == "this":
        return month_of(pub.year, month)
    if rel == "last":
        return month_of(pub.year if month < pub.month else pub.year - 1, month)
    if rel == "next":
        return month_of(pub.year if month > pub.month else pub.year + 1, month)
    return month_of(pick_year(month, None, ctx) or pub.year, month)


def _h_year(m: re.Match[str], ctx: Ctx) -> Reading:
    year = parse_year(m.group("year"), ctx.published)
    return year_of(year) if year else UNRESOLVED


def _reference_quarter(ctx: Ctx) -> Reading | None:
    """The period an earnings report is about: the last quarter it named, else the last one
    completed before publication."""
    if ctx.quarter is not None or ctx.published is None:
        return ctx.quarter
    pub = ctx.published
    return quarter_containing(add_months(dt.date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1), -3))


def _shift_quarter(q: Reading, months: int) -> Reading:
    return quarter_containing(add_months(q.earliest, months)) if q.earliest else UNRESOLVED


def _h_year_period(m: re.Match[str], ctx: Ctx) -> Reading:
    """"the 1988 period": the reference quarter of that year."""
    ref = _reference_quarter(ctx)
    year = int(m.group("year"))
    return quarter_of_year(year, int(ref.value[-1])) if ref and ref.value else year_of(year)


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}


def _h_decade(m: re.Match[str], ctx: Ctx) -> Reading:
    if mgroup(m, "dec"):
        start = int(m.group("dec"))
    elif mgroup(m, "decw"):
        start = 1900 + _DECADE_WORDS[mgroup(m, "decw") or ""]
    else:
        pub_year = ctx.published.year if ctx.published else 1950
        start = two_digit_year(int(m.group("dec2")), dt.date(pub_year, 1, 1))
    return Reading(str(start // 10), "year", dt.date(start, 1, 1), dt.date(start + 9, 12, 31))


def _h_century(m: re.Match[str], ctx: Ctx) -> Reading:
    """"the 20th century" -> TimeML "19" (the first two digits of its years)."""
    n = int(m.group("cent"))
    start = (n - 1) * 100
    return Reading(f"{n - 1:02d}", "year", dt.date(max(start, 1), 1, 1),
                   dt.date(start + 99, 12, 31))


def _h_quarter(m: re.Match[str], ctx: Ctx) -> Reading:
    q = ORDINALS[m.group("ord").lower()]
    year = mgroup(m, "year") or mgroup(m, "qyear")
    if year:
        return quarter_of_year(int(year), q)
    pub = ctx.published
    if pub is None:
        return Reading(f"XXXX-Q{q}")
    yrel = mgroup(m, "yrel")
    if yrel:
        return quarter_of_year(pub.year + {"this": 0, "last": -1, "next": 1}[yrel], q)
    if mgroup(m, "ago"):
        return quarter_of_year(pub.year - 1, q)
    current = (pub.month - 1) // 3 + 1
    return quarter_of_year(pub.year - (1 if q > current and not ctx.future else 0), q)


def _h_quarter_rel(m: re.Match[str], ctx: Ctx) -> Reading:
    """"the quarter", "the latest period", "the year-ago quarter", "next quarter"."""
    pub, rel = ctx.published, mgroup(m, "rel") or ""
    if pub is None or (rel == "that" and ctx.quarter is None):
        return UNRESOLVED
    if rel in ("the", "that", "this", "the latest") or "year" in rel:
        ref = _reference_quarter(ctx) if rel != "this" or ctx.quarter else None
        if ref is not None:
            return _shift_quarter(ref, -12) if "year" in rel else ref
    start = dt.date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1)
    offsets = {"this": 0, "the current": 0, "next": 3}
    return quarter_containing(add_months(start, offsets.get(rel, -3)))


def _h_half(m: re.Match[str], ctx: Ctx) -> Reading:
    year, first = int(m.group("year")), m.group("ord").lower() == "first"
    return months_range(f"{year}-H{1 if first else 2}", year, 1 if first else 7, 6 if first else 12)


def _h_weekday(m: re.Match[str], ctx: Ctx) -> Reading:
    rel = mgroup(m, "rel") or ""
    if rel == "that":
        return UNRESOLVED
    target = WEEKDAYS[m.group("wd").lower()]
    if rel in ("the previous", "the following"):  # counted from the last day named
        base = _anchor_day(ctx)
        d = weekday_from(base, target, -1 if rel == "the previous" else 1) if base else None
    else:
        d = weekday_date(target, rel, ctx)
    if d is None:
        return UNRESOLVED
    pod = mgroup(m, "pod")
    return day_of(d, "T" + PARTS_OF_DAY[pod]) if pod else day_of(d)


def _h_deictic(m: re.Match[str], ctx: Ctx) -> Reading:
    if ctx.published is None:
        return UNRESOLVED
    word = mgroup(m, "word") or ""
    offset = {"yesterday": -1, "tomorrow": 1, "before yesterday": -2, "after tomorrow": 2}
    d = ctx.published + dt.timedelta(days=offset.get(word, 0))
    pod = mgroup(m, "pod") or ("night" if word == "tonight" else None)
    return day_of(d, "T" + PARTS_OF_DAY[pod]) if pod else day_of(d)


def _h_pod_rel(m: re.Match[str], ctx: Ctx) -> Reading:
    rel, pod = mgroup(m, "rel"), mgroup(m, "pod") or ""
    if ctx.published is None or rel == "that":
        return UNRESOLVED
    if rel is None:  # "by mid-afternoon": on the last day named
        day = _anchor_day(ctx)
        return day_of(day, "T" + PARTS_OF_DAY[pod]) if day else UNRESOLVED
    d = ctx.published - dt.timedelta(days=1 if rel == "last" else 0)
    return day_of(d, "T" + PARTS_OF_DAY[pod])


def _h_clock(m: re.Match[str], ctx: Ctx) -> Reading:
    clock = m.group("clock").split()[0] if " o'clock" not in m.group("clock") else m.group("clock")
    suffix = clock_suffix(re.sub(r"\s+(?=[ap]\.?m)", "", m.group("clock"), flags=re.I) or clock)
    if suffix is None:
        return UNRESOLVED
    day = mgroup(m, "wd")
    if ctx.published is None:
        return Reading(None, timex_type="TIME")
    if day in WEEKDAYS:
        d = weekday_date(WEEKDAYS[day], "", ctx)
    elif day:
        d = ctx.published + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(day, 0))
    else:
        d = _anchor_day(ctx)
    return day_of(d, suffix) if d else UNRESOLVED


def _anchor_day(ctx: Ctx) -> dt.date | None:
    """The day a bare clock time ("at 10 p.m.") falls on: the last day named, else publication."""
    anchor = ctx.anchor
    if anchor is not None and anchor.precision == "day" and anchor.earliest:
        return anchor.earliest
    return ctx.published


def _h_clock_pod(m: re.Match[str], ctx: Ctx) -> Reading:
    hour = int(m.group("hour")) + (12 if mgroup(m, "pod") in ("afternoon", "evening") else 0)
    if ctx.published is None or hour > 23:
        return Reading(None, timex_type="TIME")
    return day_of(ctx.published, f"T{hour:02d}:00")


_ANAPHORIC = {"that": 0, "that same": 0, "the same": 0, "the following": 1}
_UNIT_PRECISIONS = {"D": ("day",), "W": ("day", "week"), "M": ("day", "week", "month")}


def _h_rel_unit(m: re.Match[str], ctx: Ctx) -> Reading:
    rel, unit, pub = mgroup(m, "rel") or "", mgroup(m, "unit") or "", ctx.published
    unit = unit.split()[-1].split("-")[-1]  # "fiscal year" -> "year"
    if unit == "year" and re.match(r"\s+end(?:ed|ing)\b", m.string[m.end():m.end() + 8]):
        return Reading("P1Y", timex_type="DURATION")  # "the year ended March 31"
    if rel in _ANAPHORIC:
        return _anaphoric_unit(unit, _ANAPHORIC[rel], ctx)
    if rel == "the past" and unit in ("decade", "century"):  # the ten years up to now
        return Reading(duration_value(1, unit), timex_type="DURATION")
    if pub is None:
        return UNRESOLVED
    step = -1 if rel in ("last", "the past", "the previous") else 1 if rel in (
        "next", "the coming") else 0
    if unit in SEASONS:
        return _h_season_rel(SEASONS[unit], step, pub)
    if unit == "weekend":
        if rel in ("the", "this") and pub.weekday() < 3 and not ctx.future:
            step = -1  # said early in the week, "the weekend" is the one just past
        return week_of(pub + dt.timedelta(weeks=step), weekend=True)
    code = unit_code(unit)
    return unit_containing(shift_date(pub, code, step), code)


def _anaphoric_unit(unit: str, step: int, ctx: Ctx) -> Reading:
    """"that year", "the same day", "the following month": the unit of the last date named."""
    anchor = ctx.anchor
    if anchor is None or anchor.earliest is None or unit in SEASONS or unit == "weekend":
        return UNRESOLVED
    code = unit_code(unit)
    if code in _UNIT_PRECISIONS and anchor.precision not in _UNIT_PRECISIONS[code]:
        return UNRESOLVED  # "that day" after "in 1998"
    return unit_containing(shift_date(anchor.earliest, code, step), code)


def _h_season_rel(code: str, step: int, pub: dt.date) -> Reading:
    year = pub.year if code != "WI" or pub.month == 12 else pub.year - 1
    reading = season_of(year, code)
    if step < 0 and reading.latest and reading.latest >= pub:
        year -= 1
    elif step > 0 and reading.earliest and reading.earliest <= pub:
        year += 1
    return season_of(year, code)


def _h_season(m: re.Match[str], ctx: Ctx) -> Reading:
    year = parse_year(m.group("year"), ctx.published)
    return season_of(year, SEASONS[m.group("season").lower()]) if year else UNRESOLVED


def _h_ago(m: re.Match[str], ctx: Ctx) -> Reading:
    n = parse_number(m.group("num"))
    direction = mgroup(m, "dir") or "ago"
    if n is None:
        return Reading("FUTURE_REF" if direction in ("later", "from now", "hence") else "PAST_REF")
    if ctx.published is None:
        return UNRESOLVED
    code = unit_code(m.group("unit"))
    if code == "Y" and n == 1 and (ctx.quarter or ctx.quarterly):
        return _year_ago_quarter(ctx)
    if direction == "earlier":
        base = ctx.anchor.earliest if ctx.anchor and ctx.anchor.earliest else ctx.published
        return year_of(base.year - n) if code == "Y" else _day_or_duration(m, n)
    sign = 1 if direction in ("from now", "hence") else -1
    if code.startswith("T"):
        return day_of(ctx.published)
    return unit_containing(shift_date(ctx.published, code, sign * n), code)


def _year_ago_quarter(ctx: Ctx) -> Reading:
    """Earnings-report "a year ago": the reference quarter, one year back."""
    ref = _reference_quarter(ctx)
    return _shift_quarter(ref, -12) if ref else UNRESOLVED


def _day_or_duration(m: re.Match[str], n: int) -> Reading:
    """"a year earlier" outside earnings reports is anchored to another event: a duration."""
    return Reading(duration_value(n, m.group("unit")), timex_type="DURATION")


_HALF_UNITS = {"Y": "6M", "M": "15D", "D": "12H", "TH": "30M", "TM": "30S", "W": "3DT12H"}


def _half_more(n: int | None, code: str) -> str:
    """"2 1/2 years" -> P2Y6M."""
    if n is None or code not in _HALF_UNITS:
        return f"PX{code.lstrip('T')}"
    half = _HALF_UNITS[code]
    time = "T" if code.startswith("T") else ""
    return f"P{time}{n}{code.lstrip('T')}{half}"


def _h_duration(m: re.Match[str], ctx: Ctx) -> Reading:
    unit = m.group("unit") or m.group("unit2")
    if mgroup(m, "half"):
        half = {"TH": "PT30M", "D": "PT12H", "Y": "P6M", "CE": "P50Y"}[unit_code(unit)]
        return Reading(half, timex_type="DURATION")
    if mgroup(m, "num2"):
        n = parse_number(m.group("num2"))
        return Reading(_half_more(n, unit_code(unit)), timex_type="DURATION")
    if mgroup(m, "bare"):  # "for weeks"
        return Reading(duration_value(None, unit), timex_type="DURATION")
    vague = mgroup(m, "vague")
    if vague in ("coming", "the coming"):  # an unbounded stretch ahead: "the coming years"
        return Reading("FUTURE_REF")
    if vague:
        return Reading(duration_value(None, unit), timex_type="DURATION")
    n = parse_number(m.group("num"))
    if n is None or n == 0 or (unit_code(unit) == "Q" and m.group("num").lower() in ("a", "an")):
        return UNRESOLVED
    return Reading(duration_value(n, unit), timex_type="DURATION")


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P1Q",
              "weekend": "XXXX-WXX-WE", "morning": "XXXX-XX-XXTMO", "night": "XXXX-XX-XXTNI",
              "evening": "XXXX-XX-XXTEV", "afternoon": "XXXX-XX-XXTAF"}
_SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
                "annually": "P1Y", "quarterly": "P1Q", "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI"}


def _h_set(m: re.Match[str], ctx: Ctx) -> Reading:
    wd, month, unit, adv = mgroup(m, "wd"), mgroup(m, "month"), mgroup(m, "unit"), mgroup(m, "adv")
    if wd:
        value = f"XXXX-WXX-{WEEKDAYS[wd] + 1}"
    elif month:
        value = f"XXXX-{month_number(month):02d}"
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
    name, rel, pub = mgroup(m, "hol") or "", mgroup(m, "rel"), ctx.published
    if pub is None:
        if name in _FLOATING:
            return UNRESOLVED
        month, day = _HOLIDAYS[name]
        return Reading(f"XXXX-{month:02d}-{day:02d}", "day")
    this_year = _holiday_date(name, pub.year)
    if rel == "last" or (rel is None and ctx.past):
        return day_of(this_year if this_year < pub else _holiday_date(name, pub.year - 1))
    if rel == "next" or (rel is None and ctx.future):
        return day_of(this_year if this_year > pub else _holiday_date(name, pub.year + 1))
    if rel == "this":
        return day_of(this_year)
    approx = pick_year(this_year.month, this_year.day, ctx)
    return day_of(_holiday_date(name, approx or pub.year))


def _h_ref(m: re.Match[str], ctx: Ctx) -> Reading:
    ref = mgroup(m, "ref") or ""
    if ref.startswith("then"):  # "the then-current price"
        return Reading("PAST_REF")
    if ref in PRESENT_WORDS:
        return Reading("PRESENT_REF")
    return Reading("PAST_REF" if ref in PAST_WORDS else "FUTURE_REF")


def _h_year_end(m: re.Match[str], ctx: Ctx) -> Reading:
    """"by year-end": the year it ends (TimeML gives the year, mod END); "since year-end" and a
    past report early in the year mean the year before."""
    pub = ctx.published
    if pub is None:
        return UNRESOLVED
    since = re.search(r"\bsince\s+$", m.string[max(0, m.start() - 8):m.start()], re.IGNORECASE)
    return year_of(pub.year - 1 if since or (ctx.past and pub.month <= 2) else pub.year)


def _h_set_weekday(m: re.Match[str], ctx: Ctx) -> Reading:
    """"Mondays" -> XXXX-WXX-1, "Tuesday nights" -> XXXX-WXX-2TNI."""
    pod = mgroup(m, "pod")
    value = f"XXXX-WXX-{WEEKDAYS[mgroup(m, 'wd') or mgroup(m, 'wd2') or ''] + 1}"
    return Reading(value + ("T" + PARTS_OF_DAY[pod] if pod else ""), timex_type="SET")


def _interval(a: Reading, b: Reading) -> Reading:
    if a.value is None or b.value is None:
        return UNRESOLVED
    return Reading(f"{a.value}/{b.value}", a.precision, a.earliest, b.latest)


def _h_range_days(m: re.Match[str], ctx: Ctx) -> Reading:
    month = month_number(m.group("month"))
    d1, d2 = (int(re.match(r"\d+", m.group(g)).group()) for g in ("d1", "d2"))  # type: ignore
    year = parse_year(mgroup(m, "year"), ctx.published) or pick_year(month, d1, ctx)
    if d2 < d1:
        return UNRESOLVED
    if year is None:
        return Reading(f"XXXX-{month:02d}-{d1:02d}/XXXX-{month:02d}-{d2:02d}", "day")
    try:
        return _interval(day_of(dt.date(year, month, d1)), day_of(dt.date(year, month, d2)))
    except ValueError:
        return UNRESOLVED


def _h_range_months(m: re.Match[str], ctx: Ctx) -> Reading:
    m1, m2 = month_number(m.group("m1")), month_number(m.group("m2"))
    year = int(m.group("year")) if mgroup(m, "year") else pick_year(m1, None, ctx)
    if year is None:
        return Reading(f"XXXX-{m1:02d}/XXXX-{m2:02d}", "month")
    return _interval(month_of(year, m1), month_of(year + (1 if m2 < m1 else 0), m2))


def _h_range_years(m: re.Match[str], ctx: Ctx) -> Reading:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    return _interval(year_of(y1), year_of(y2)) if y1 <= y2 else UNRESOLVED


def _h_year_ago_adj(m: re.Match[str], ctx: Ctx) -> Reading:
    if ctx.published is None:
        return UNRESOLVED
    if ctx.quarterly or ctx.quarter:
        return _year_ago_quarter(ctx)
    return year_of(ctx.published.year - 1)


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
    "year_ago_adj": _h_year_ago_adj, "year_end": _h_year_end,
}
