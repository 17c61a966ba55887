"""Time expressions: find them, and resolve them against the publication date.

A rule-based recogniser and resolver in the spirit of HeidelTime: the patterns of
``timex_rules`` are run over the text (case-insensitively, so ALL-CAPS wire copy and lower-cased
corpora work), overlapping matches are reduced to the leftmost-longest ones, and each match is
resolved to a ``TimeRef`` whose ``value`` uses TimeML (TIMEX3) value syntax: ``2015-11-12``,
``2015-W45``, ``2015-11``, ``2015``, ``2015-Q3``, ``2015-SU``, ``2015-11-11TNI`` (a part of day),
``2015-11-12T20:00``, durations ``P3W`` / ``PT5H`` / ``PXY``, sets ``XXXX-WXX-1`` / ``P1D``, and the
unanchored references ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``. Ranges get an ISO 8601
interval, ``2015-11-01/2015-11-03``.

Resolution choices (documented behaviour, tested):

* Tense: a weekday, month or holiday without a year is read with the tense of the verb that
  governs it, found by a cheap heuristic (no parser): the nearest verb group before it in its
  clause, else the first one after it when the expression opens the clause. "will", "would",
  "is to", "plans to", "scheduled", "expected to", "until" / "by" / "as soon as" right before the
  expression mean future; a past form ("said", "met", "-ed", "was", "had") means past.
* A weekday said on the same weekday as publication is the publication day ("on Thursday" in a
  Thursday paper). Otherwise a bare weekday is its most recent past occurrence, unless the
  tense is future, when it is the next one. "last Friday" is always before, "next Friday" /
  "this coming Friday" always after, "this Friday" in the same ISO week. A possessive
  ("Wednesday's ruling") names a past event.
* A month, or a day and month, without a year takes the year that puts it nearest the
  publication date, preferring the past (news reports what happened): the future reading wins
  when it is less than half as far away. A past or future tense picks the occurrence on its side
  when that is less than ``timex_rules.TENSE_REACH`` days away. A day with its weekday
  ("Saturday, April 25") keeps the year the weekday fits.
* Anaphora: "that year", "that same day", "the following month", "later that year" take the
  unit of the last calendar date resolved earlier in the document; a bare clock time ("at 10
  p.m.", "by mid-afternoon") falls on the last day named, "the previous Friday" counts from it.
  Without such a date they stay unresolved.
* Earnings reports: "the quarter", "the latest quarter / period", "the 1988 period", "a year
  ago / earlier", "the year-ago quarter" refer to the last quarter the document named by number
  that was over at publication (else the last one completed before it), shifted a year back
  where they say so; in a sentence about a longer stretch ("the nine months", "the year") "a year
  earlier" is the year. "the year ended March 31" is the duration ``P1Y``.
* Two-digit years: the century that puts the year nearest the publication date, not more than
  ten years ahead of it; without a publication date 50-99 mean 19xx and 00-49 mean 20xx.
  Spelled-out years ("nineteen ninety-six", "the year two thousand"), decades ("the 1990s",
  "the nineties" -> ``199``) and centuries ("the 20th century" -> ``19``) are understood.
* "now", "currently", "current" are ``PRESENT_REF``; "recently", "recent", "then-current"
  ``PAST_REF``; "the near term", "will one day" ``FUTURE_REF``; "recent years", "for weeks",
  "months of talks", "the weeks ahead" are unbounded durations (``PXY``, ``PXM``, ``PXW``).
  "the past decade" is ``P10Y``; "year-end" is its year (the one before after "since").
* Not time expressions: capitalised programme names ("This Week", "VOA Today") and rates
  ("$5 million a year", "four flights a week").
* ``precision`` is the calendar unit the value names (quarters, halves and seasons report
  "month"); ``earliest`` / ``latest`` give the covered day range. Durations, sets and the
  ``*_REF`` values have no precision and no day range.
* Without a publication date, expressions relative to it ("yesterday", "on Thursday",
  "last week", "8 p.m.") come out with ``value=None`` and ``precision=None`` — never guessed
  from today's date. Dates with a year still resolve; a day or month without a year gets a
  TimeML value with an unknown year, ``XXXX-10-31`` (precision "day") or ``XXXX-10``, and no
  ``earliest`` / ``latest``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Sentence, TimeRef
from . import timex_calendar as C
from . import timex_rules as R
from .timex_calendar import (
    ANAPHORIC, APPROX, CLOCK, DAYNUM, EDGE, MONTH, MONTH_ABBR, MONTH_FULL, NUMBER, NUM_WORD, POD,
    REL, SPAN_LEAD, UNIT, UNIT_PLURAL, VAGUE, WEEKDAY, YEAR4, YEAR_ANY, YEAR_WORDS,
)

__all__ = ["find_times", "find_dateline", "resolve"]


# --- patterns ---------------------------------------------------------------------------------
# Every rule is a named, compiled, case-insensitive pattern. Extents follow TimeML (TIMEX3): the
# determiners and modifiers ("the", "last", "early", "about", "ago") are inside the expression,
# the preposition before it ("on", "in", "at") is not.
# Fragments have no named groups: each rule names its own.

@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern. ``dates`` dispatches on ``name`` to resolve a match."""

    name: str
    pattern: re.Pattern[str]


def _rule(name: str, pattern: str) -> Rule:
    return Rule(name, re.compile(rf"(?<![\w-])(?:{pattern})(?!\w|-\w)", re.IGNORECASE))


# Order matters only for equal-length ties: earlier rules win.
RULES: tuple[Rule, ...] = (
    # ranges
    _rule("range_days", rf"(?:between|from)\s+(?P<d1>{DAYNUM})\s+(?:and|to|until|till)\s+"
          rf"(?P<d2>{DAYNUM})\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?"),
    _rule("range_days", rf"(?P<d1>{DAYNUM})\s*(?:-|–|to)\s*(?P<d2>{DAYNUM})\s+(?P<month>{MONTH})"
          rf"(?:,?\s+(?P<year>{YEAR4}))?"),
    _rule("range_days_m", rf"(?:from\s+)?(?P<month>{MONTH})\s+(?P<d1>{DAYNUM})\s*"
          rf"(?:-|–|to|until|through)\s*(?P<d2>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?"),
    _rule("range_days_m", rf"between\s+(?P<month>{MONTH})\s+(?P<d1>{DAYNUM})\s+and\s+"
          rf"(?P<d2>{DAYNUM})(?:,?\s+(?P<year>{YEAR4}))?"),
    _rule("range_months", rf"(?:between|from)\s+(?P<m1>{MONTH})\s+(?:and|to|until|till|through)"
          rf"\s+(?P<m2>{MONTH})(?:,?\s+(?P<year>{YEAR4}))?"),
    _rule("range_years", rf"(?:between|from)\s+(?P<y1>{YEAR4})\s+(?:and|to|until|till|through)\s+"
          rf"(?P<y2>{YEAR4})"),
    # calendar dates
    _rule("dmy", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?"
          rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR_ANY}))?"),
    _rule("mdy", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<month>{MONTH})\s+(?P<day>{DAYNUM})(?!\s*%)"
          rf"(?:(?:,\s*|\s+)(?P<year>{YEAR4}|'\d\d)(?![\d,.:]\d))?"),
    _rule("iso", r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"),
    _rule("us_numeric", r"(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d\d)"),
    _rule("month_year", rf"(?:(?P<edge>{EDGE})[\s-]+)?(?P<month>{MONTH}),?\s+(?:of\s+)?"
          rf"(?P<year>{YEAR4}|{YEAR_WORDS})"),
    _rule("month_rel", rf"(?:(?P<edge>{EDGE})[\s-]+)?(?:(?P<rel>last|next|this|that)\s+)?"
          rf"(?P<month>{MONTH_FULL}|sept\.?|aug\.?|oct\.?|nov\.?|dec\.?|jan\.?|feb\.?)"
          rf"(?:\s+(?P<yrel>this year|last year|next year))?"),
    _rule("year", rf"(?:(?P<edge>{EDGE})[\s-]+|(?P<fiscal>fiscal(?:\s+year)?)\s+|the\s+year\s+)?"
          rf"(?P<year>{YEAR4}|{YEAR_WORDS})(?!\s*(?:%|percent|dollars|people|\d)|[.,]\d)"),
    _rule("year_period", rf"the\s+(?P<year>{YEAR4})\s+(?:period|quarter)"),
    _rule("decade", r"(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?"
          r"(?P<dec>1[6-9]\d0|20[0-9]0)'?s"),
    _rule("decade", r"(?:the\s+)?(?:(?P<edge>early|mid|late)[\s-]+)?'(?P<dec2>\d0)s"),
    _rule("decade", r"the\s+(?:(?P<edge>early|mid|late)[\s-]+)?(?:nineteen[\s-]+)?"
          r"(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"),
    _rule("century", r"(?:the\s+)?(?P<cent>\d{1,2})(?:st|nd|rd|th)[\s-]+century"),
    # quarters and halves
    _rule("quarter", rf"(?:the\s+)?(?:(?P<qyear>{YEAR4})\s+|(?P<fiscal>fiscal)[\s-]+|"
          r"(?P<yrel>this|last|next)\s+year's\s+(?:fiscal\s+)?|"
          r"(?:comparable\s+)?(?P<ago>year-ago|year-earlier)\s+)?"
          rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter"
          rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR4}))?"),
    _rule("quarter_rel", r"(?P<rel>this|last|next|that|the|the\s+current|the\s+latest|"
          r"the\s+previous|the\s+past|(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago|before))"
          r"\s+quarter"),
    _rule("quarter_rel", r"(?P<rel>the\s+latest|(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago))"
          r"\s+period"),
    _rule("half", rf"(?:the\s+)?(?P<ord>first|second|last|latter)\s+half\s+of\s+(?P<year>{YEAR4})"),
    _rule("year_ago_adj", r"(?:the\s+)?year-(?:earlier|ago)(?!\s+(?:quarter|period))"),
    # weekdays
    _rule("weekday", rf"(?:(?P<rel>last|next|this|early|late|that|(?:the\s+)?previous|"
          r"the\s+following|(?:this\s+)?coming)\s+)?"
          rf"(?P<wd>{WEEKDAY})"
          rf"(?:'s)?(?:\s+(?P<pod>{POD}))?"),
    # deictic days and parts of day
    _rule("deictic", r"(?P<word>today|yesterday|tomorrow|tonight)(?:'s)?(?:\s+(?P<pod>morning|"
          r"afternoon|evening|night))?"),
    _rule("deictic", r"the\s+day\s+(?P<word>before\s+yesterday|after\s+tomorrow)"),
    _rule("deictic", r"(?:(?:early|late|mid)[\s-]*)?(?P<pod>morning|afternoon|evening|night)\s+"
          r"(?P<word>yesterday|today|tomorrow)"),
    _rule("pod_rel", r"(?P<edge>early|late|mid)[\s-]*(?P<pod>morning|afternoon|evening)"
          r"(?!\s+(?:hours|of)\b)"),
    _rule("pod_rel", rf"(?:(?P<edge>early|late)\s+)?(?P<rel>this|last|that)\s+(?P<pod>{POD})"),
    # clock times, optionally followed by their day
    _rule("clock", rf"(?:(?P<approx>about|around|approximately|shortly\s+after|shortly\s+before)"
          rf"\s+)?(?P<clock>{CLOCK})(?:\s+(?:on\s+)?(?P<wd>{WEEKDAY}|today|yesterday|tomorrow))?"),
    _rule("clock_pod", r"(?P<hour>\d{1,2})\s+in\s+the\s+(?P<pod>morning|afternoon|evening)"),
    # relative weeks, months, years, seasons
    _rule("rel_unit", rf"(?:(?P<edge>{EDGE})\s+)?(?P<rel>{REL}|{ANAPHORIC}|the(?:\s+full)?)\s+"
          r"(?P<unit>week|weekend|month|(?:fiscal[\s-]+)?year|decade|century|spring|summer|fall|"
          r"autumn|winter)"),
    _rule("rel_unit", rf"(?:(?P<edge>earlier|later)\s+)?(?P<rel>{ANAPHORIC})\s+(?P<unit>day)"),
    _rule("year_end", r"(?:(?P<approx>around|about)\s+)?(?:the\s+)?year(?:[\s-]|'s\s+)end"),
    _rule("season", rf"(?:(?P<edge>early|late|mid)[\s-]+)?(?:the\s+)?(?P<season>spring|summer|fall|"
          rf"autumn|winter)(?:\s+of)?\s+(?P<year>{YEAR4}|{YEAR_WORDS})"),
    # counted offsets
    _rule("ago", rf"(?:{APPROX}\s+)?(?P<num>{NUMBER}|{VAGUE})\s+(?P<unit>{UNIT})s?\s+(?P<dir>ago|"
          r"from\s+now|hence)"),
    _rule("ago", r"(?P<num>a|one)\s+(?P<unit>year)\s+(?P<dir>earlier)"),
    # "will one day": some time ahead, not a day long
    _rule("ref", "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in ("will", "would", "could", "might",
                                                               "can", "may", "shall")) +
          r")(?P<ref>one\s+day)"),
    # durations
    _rule("duration", rf"(?:{SPAN_LEAD}\s+|{APPROX}\s+|the\s+)?(?P<num>{NUMBER})[\s-]+"
          rf"(?:(?:trading|business|working)\s+)?(?P<unit>{UNIT})s?(?:[\s-]+long)?(?![\s-]+old\b)"),
    _rule("duration", rf"(?:{SPAN_LEAD}\s+|the\s+)?(?P<vague>{VAGUE})(?:\s+(?P<unit>{UNIT})s|"
          rf"-(?P<unit2>{UNIT}))"),
    _rule("duration", rf"(?:{APPROX}\s+)?(?P<num>{NUMBER})\s+(?:more|additional|further)\s+"
          rf"(?P<unit>{UNIT})s?"),
    _rule("duration", rf"(?P<num>an?)\s+(?:additional|extra|further)\s+(?P<unit>{UNIT})"),
    _rule("duration", r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s))"
          rf"(?P<bare>(?P<unit>{UNIT_PLURAL}))(?!\s+(?:ago|earlier|later|before|after)\b)"),
    _rule("duration", r"(?<=\bin\s)(?P<bare>(?P<unit>year)s)"),
    _rule("duration", r"(?:the\s+(?:first|early|final|last\s+few|past\s+few)\s+|(?<=\bover\s)the\s+)"
          r"(?P<bare>(?P<unit>hour|day|week|month|year)s)"),
    _rule("duration", r"(?:the\s+)?(?P<bare>(?P<unit>day|week|month|year)s)\s+(?:ahead|to\s+come)"),
    _rule("duration", r"(?P<bare>(?P<unit>hour|day|week|month|year|decade)s)(?=\s+of\s+"
          r"(?!the\b|a\b|an\b|this\b|that\b|his\b|her\b|their\b|its\b)(?-i:[a-z]))"),
    _rule("duration", rf"(?:{APPROX}\s+)?(?P<num2>{NUMBER})\s+(?:and\s+a\s+half|1/2)\s+"
          rf"(?P<unit>{UNIT})s"),
    _rule("duration", r"(?P<half>half\s+an?|a\s+half)\s+(?P<unit>hour|day|year|century)"),
    _rule("duration", rf"(?:{APPROX}\s+)?(?P<num2>{NUMBER})\s+(?P<unit>{UNIT})s?\s+and\s+a\s+half"),
    # sets
    _rule("set", rf"(?:every|each)\s+(?:(?P<wd>{WEEKDAY})|(?P<month>{MONTH_FULL})|"
          rf"(?P<unit>day|week|month|year|quarter|morning|night|evening|afternoon|weekend))"),
    _rule("set_adv", r"(?P<adv>daily|weekly|monthly|yearly|hourly|nightly)"),
    _rule("set_weekday", rf"(?P<wd>{WEEKDAY})s|(?P<wd2>{WEEKDAY})\s+(?P<pod>morning|afternoon|"
          r"evening|night)s"),
    # holidays with fixed dates
    _rule("holiday", r"(?:(?P<rel>last|next|this)\s+)?(?P<hol>christmas(?:\s+(?:day|eve))?|"
          r"new\s+year's(?:\s+(?:day|eve))?|independence\s+day|valentine's\s+day|halloween|"
          r"thanksgiving(?:\s+day)?)"),
    # unanchored references
    _rule("ref", r"(?P<ref>right\s+now|now|currently|these\s+days|nowadays|at\s+present|"
          r"presently|recently|lately|the\s+past|the\s+(?:near\s+)?future|the\s+(?:near|short)"
          r"\s+term|a\s+later\s+date|as\s+soon\s+as\s+possible)"),
    _rule("ref", rf"(?P<ref>(?:then[\s-]+)?current|recent)"
          rf"(?!\s+(?:{UNIT}s?|fiscal|account|accounts|affairs|events|past)\b)"),
)

# --- tense cue -----------------------------------------------------------------------------------
# A weekday or month without a year is resolved by the tense of the verb that governs it, found
# with a cheap heuristic: the nearest verb-like word before the expression in its clause (or,
# when there is none, the first one after it), read with the auxiliaries just before it.
FUTURE_WORDS = frozenset({"will", "won't", "wo", "shall", "would", "upcoming", "effective",
                          "payable"})
INTENT = re.compile(
    r"(?:plan(?:s|ned|ning)?|schedul(?:e|es|ed|ing)|expect(?:s|ed|ing)?|due|set|going|"
    r"intend(?:s|ed|ing)?|aim(?:s|ed|ing)?|prepar(?:es|ed|ing)|slated|poised)"
)
INTENT_TO = re.compile(r"plans?|set|due|going|aim(?:s|ed|ing)?|prepar(?:es|ed|ing)|poised")
DEADLINE_WORDS = frozenset({"until", "till", "by"})
PAST_AUX = frozenset({"was", "were", "had", "did", "didn't", "wasn't", "weren't", "hadn't"})
PRESENT_AUX = frozenset({"is", "are", "am", "isn't", "aren't"})
PERFECT_AUX = frozenset({"has", "have", "hasn't", "haven't"})
PAST_VERBS = frozenset(
    "said told met made came went took gave began fell rose won lost left held sent got saw "
    "found became brought bought sold paid fought shot struck knew thought felt led ran spoke "
    "wrote broke chose drove flew hit kept laid meant put sat spent stood threw understood "
    "withdrew overran fled sought caught taught built dealt heard stole swore woke wore rang "
    "sang began arose forbade forgave ate drank grew".split()
)
NOT_VERBS = frozenset({"need", "speed", "seed", "feed", "bed", "red", "hundred", "united",
                       "armed", "allied", "limited", "red", "shed", "bled", "indeed"})
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
CLAUSE_BREAK = re.compile(r"[;:()\[\]\"“”]|\s--\s|,\s+(?:and|but|while|when|after|before)\s")
TENSE_WINDOW = (10, 8)  # words searched before / after the expression


def _verb_class(word: str, mixed: bool) -> str | None:
    """"future" / "past" / "present" / "to" / "aux" for a verb-like word, else None."""
    w = word.lower()
    if mixed and word[0].isupper() and w not in PAST_AUX | PRESENT_AUX | FUTURE_WORDS:
        return None  # a name ("United", "Ahmed"), not a verb
    if w in FUTURE_WORDS or w.endswith("'ll"):
        return "future"
    if w in PAST_AUX or w in PAST_VERBS or (w.endswith("ed") and len(w) > 4
                                               and w not in NOT_VERBS):
        return "past"
    if w in PRESENT_AUX or w in PERFECT_AUX:
        return "present"
    if w in ("to", "could", "might", "may", "should", "be", "been", "being"):
        return "aux"
    return None


def _tense_before(words: list[str], mixed: bool) -> str | None:
    """Tense of the nearest verb group in ``words`` (nearest word first)."""
    for i, word in enumerate(words):
        w, lead = word.lower(), [x.lower() for x in words[i + 1:i + 4]]
        after = words[i - 1].lower() if i else ""
        if INTENT.fullmatch(w) and "as" in lead[:2]:
            continue  # "as (previously) planned": the plan is not the tense
        if INTENT.fullmatch(w) and (after == "to" or not INTENT_TO.fullmatch(w)):
            return "past" if "had" in lead else "future"  # "plans to", "had been set to"
        kind = _verb_class(word, mixed)
        if w == "to" and lead and lead[0] in PRESENT_AUX | PAST_AUX:
            return "future"  # "is to resume"
        if kind in (None, "aux") or (kind == "past" and lead[:1] and lead[0] in DETERMINERS):
            continue  # not a verb, or a participle used as an adjective ("an unspecified date")
        return _participle_tense(lead) if kind == "past" else kind
    return None


DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "still", "this"})
SKIPPED_AUX = frozenset({"be", "been", "being", "have", "not", "never", "also", "still"})


def _participle_tense(lead: list[str]) -> str:
    """A past form read with the auxiliaries before it: "will be held", "is held", "held"."""
    skipped = False
    for word in lead:
        if word in SKIPPED_AUX:
            skipped = True
            continue
        if word in FUTURE_WORDS or word.endswith("'ll") or (word == "to" and skipped):
            return "future"  # "will be held", "to be published"
        if word in PRESENT_AUX:
            return "present"  # a present passive, "is held"
        break
    return "past"


LEADING_WORDS = frozenset({"on", "in", "at", "by", "since", "until", "till", "from", "early",
                           "late", "also", "and", "but", "then", "as", "of", "last", "until"})


def tense_cue(text: str, start: int, end: int, sentence: tuple[int, int],
              mixed: bool) -> str | None:
    """"future", "past", "present" or None for the expression ``text[start:end]``.

    A possessive ("Wednesday's ruling") names a known event, not the verb's time: None.
    """
    if text[max(start, end - 2):end].lower() in ("'s", "’s"):
        return None
    before_text = text[sentence[0]:start]
    breaks = list(CLAUSE_BREAK.finditer(before_text))
    before_text = before_text[breaks[-1].end():] if breaks else before_text
    before = WORD.findall(before_text)[::-1][:TENSE_WINDOW[0]]
    after_text = text[end:max(end, sentence[1])]
    brk = CLAUSE_BREAK.search(after_text)
    after = WORD.findall(after_text[:brk.start()] if brk else after_text)[:TENSE_WINDOW[1]]
    lowered = [w.lower() for w in before[:2]]
    if lowered[:1] == ["as"] and lowered[1:] and lowered[1] in ("soon", "early"):
        return "future"  # "as soon as Tuesday"
    if before and before[0].lower() in DEADLINE_WORDS and \
            "had" not in {w.lower() for w in before + after}:
        return "future"  # "until Tuesday", "by August"
    tense = _tense_before(before, mixed)
    if tense is not None or any(w.lower() not in LEADING_WORDS for w in before):
        return tense
    for i, word in enumerate(after):
        kind = _verb_class(word, mixed)
        if kind not in (None, "aux"):
            if kind == "past" and i and after[i - 1].lower() in FUTURE_WORDS:
                return "future"
            return kind
    return None


QUARTERLY_CUE = re.compile(r"\b(?:quarter|quarterly|three\s+months|period)\b", re.IGNORECASE)
# A sentence about a longer stretch ("the nine months", "the year") is not about the quarter.
OTHER_PERIOD_CUE = re.compile(r"\b(?:nine|six)\s+months|\b(?:first|second)\s+half|\bthe\s+year\b|"
                              r"\bannual|\bfiscal\s+(?:year|19|20)", re.IGNORECASE)
SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bNo)(?<!\b[Jj]an)(?<!\b[Ff]eb)"
    r"(?<!\b[Aa]ug)(?<!\b[Ss]ept)(?<!\b[Oo]ct)(?<!\b[Nn]ov)(?<!\b[Dd]ec)(?<!\b[Ss]ep)"
    r"(?<!\bm)[.!?][\"”’']?\s+|\n\s*\n"
)
POD_OF_BEFORE = re.compile(
    r"(?:the\s+)?(?:(?:early|late|wee|small)\s+)?(?P<pod>morning|afternoon|evening|night)"
    r"(?:\s+hours)?\s+of\s+$", re.IGNORECASE,
)
CLOCK_DATE_GAP = re.compile(r"^\s*,?\s*(?:on\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    rule: int  # index into timex_rules.RULES
    match: re.Match[str]


_NAME_GROUPS = ("month", "m1", "m2", "wd", "wd2")


def _mixed_case(text: str) -> bool:
    """Normal capitalisation (not ALL CAPS, not all lower case)."""
    letters = [c for c in text[:5000] if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return bool(letters) and 0.02 < upper / len(letters) < 0.6


def _plausible(hit: _Hit, mixed_case: bool) -> bool:
    """Reject matches that are more likely ordinary words ("may", "march", "sun")."""
    m = hit.match
    for name in _NAME_GROUPS:
        if name in m.re.groupindex and m.group(name):
            word = m.group(name)
            if mixed_case and not word[0].isupper():
                return False
            bare = m.group(0).strip().lower() == word.lower()
            if word.lower() in ("may", "march") and bare and (not mixed_case or m.start() == 0):
                return False
    text, rule = m.string, RULES[hit.rule].name
    before = text[max(0, hit.start - 30):hit.start]
    if rule in ("year", "duration") and re.search(r"[$£€#]\s*$", before):
        return False
    if rule == "month_rel" and re.fullmatch(MONTH_ABBR, m.group(0), re.IGNORECASE):
        return False  # "Jan Kavan": an abbreviation needs its full stop or a day
    if rule == "month_rel" and re.match(r"\s+(?:for|of\s+(?:the|a)|against)\b", text[hit.end:]):
        return False  # "the March for Life", "the March of the Mothers"
    if rule == "duration" and RATE_BEFORE.search(before) and re.match(r"an?\s", m.group(0), re.I):
        return False  # "$500 million a year", "four flights a week": a rate, not a duration
    if mixed_case and rule in ("rel_unit", "deictic") and _is_title(m, before):
        return False  # ABC's "This Week", "VOA Today": a programme's name
    return rule != "duration" or not _not_a_duration(m, text[hit.end:hit.end + 12], mixed_case)


def _is_title(m: re.Match[str], before: str) -> bool:
    """A capitalised time word inside a sentence: part of a name, not a time."""
    word = m.groupdict().get("unit") or m.groupdict().get("word") or ""
    if not word[:1].isupper():
        return False
    return "unit" in m.re.groupindex or re.search(r"\b[A-Z]\w*\s+$", before) is not None


def _not_a_duration(m: re.Match[str], after: str, mixed_case: bool) -> bool:
    """"a second group" (an ordinal), "three-quarters of" (a fraction), "60 Minutes" (a name)."""
    unit = m.group("unit") or ""
    if unit.lower() == "second" and re.fullmatch(r"an?\s+second", m.group(0), re.I):
        return not re.match(r"\s+(?:later|earlier|ago|or)\b", after)
    if unit.lower() == "quarter" and re.match(r"s?\s+of\b", after) and not m.groupdict().get("vague"):
        return True
    return mixed_case and unit[:1].isupper() and not m.group(0)[:1].isupper()


RATE_BEFORE = re.compile(rf"(?:\d[\d,.]*|\b(?:{NUM_WORD}))(?:\s+(?:million|billion|[a-z]+)){{0,2}}\s+$",
                         re.IGNORECASE)


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Leftmost-longest, non-overlapping; earlier rules win ties."""
    chosen: list[_Hit] = []
    taken: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start, h.rule)):
        if all(hit.end <= s or hit.start >= e for s, e in taken):
            chosen.append(hit)
            taken.append((hit.start, hit.end))
    return sorted(chosen, key=lambda h: h.start)


# Every rule's match holds a digit or one of these words: sentences with neither are skipped (most
# sentences of news text, and the 56 patterns are the costliest part of reading times).
TIME_CUE = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    r"|january|february|march|april|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnight|months?|quarters?|years?|decades?"
    r"|century|centuries|millennium|mornings?|afternoons?|evenings?|nights?|tonight|noon|midnight"
    r"|midday|dawn|dusk|overnight|today|tomorrow|yesterday|now|currently|current|recent|recently"
    r"|lately|present|presently|ago|daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly"
    r"|biweekly|christmas|easter|ramadan|eid|thanksgiving|spring|summer|autumn|fall|winter|seasons?"
    r"|nineteen|twenty|hundred|thousand|past|future|soon|period|term|date|later|earlier"
    r"|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|hundreds)\b",
    re.IGNORECASE,
)


def _windows(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of consecutive sentences that hold a time cue (a match may span two of them)."""
    out: list[tuple[int, int]] = []
    prev_end = 0
    for start, end in bounds:
        if TIME_CUE.search(text, prev_end, end):  # the gap before a sentence belongs to it
            if out and out[-1][1] >= prev_end:
                out[-1] = (out[-1][0], end)
            else:
                out.append((prev_end, end))
        prev_end = end
    if prev_end < len(text) and TIME_CUE.search(text, prev_end):
        out.append((prev_end, len(text)))
    return out


def _all_hits(text: str, mixed_case: bool, bounds: list[tuple[int, int]] | None = None) -> list[_Hit]:
    hits = []
    windows = _windows(text, bounds) if bounds else [(0, len(text))]
    for index, rule in enumerate(RULES):
        for lo, hi in windows:
            for m in rule.pattern.finditer(text, lo, hi):
                hit = _Hit(m.start(), m.end(), index, m)
                if _plausible(hit, mixed_case):
                    hits.append(hit)
    return hits


def _sentence_bounds(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    if sentences:
        return sorted((s.start, s.end) for s in sentences)
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        bounds.append((start, m.start() + 1))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _sentence_at(bounds: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    i = bisect.bisect_right(bounds, (offset, float("inf"))) - 1
    return bounds[max(i, 0)]


@dataclass(frozen=True, slots=True)
class _Anchors:
    """What earlier expressions of the document resolved to, for anaphora ("that year")."""

    date: C.Reading | None = None  # the last calendar day, month, year...
    quarter: C.Reading | None = None  # the last quarter (earnings-report reference period)

    def after(self, rule: str, reading: C.Reading, published: dt.date | None) -> _Anchors:
        """The anchors once ``reading`` (found by ``rule``) has been read.

        Only a quarter named by its number and already over at publication can be the one a
        report is about ("the latest quarter", "a year earlier"); an outlook is not.
        """
        if reading.earliest is None or "/" in (reading.value or ""):
            return self
        if rule == "quarter" and (published is None or (reading.latest or published) < published):
            return _Anchors(reading, reading)
        return _Anchors(reading, self.quarter)


def _context(text: str, bounds: list[tuple[int, int]], hit: _Hit, published: dt.date | None,
             mixed: bool, anchors: _Anchors) -> C.Ctx:
    """Tense of the governing verb; topic cue from the sentence; the document's anchors."""
    start, end = _sentence_at(bounds, hit.start)
    tense = tense_cue(text, hit.start, hit.end, (start, end), mixed)
    sentence = text[start:max(end, hit.end)]
    quarterly = QUARTERLY_CUE.search(sentence) is not None
    other = not quarterly and OTHER_PERIOD_CUE.search(sentence) is not None
    return C.Ctx(published, tense == "future", mixed, quarterly, past=tense == "past",
                 anchor=anchors.date, quarter=None if other else anchors.quarter)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    reading: C.Reading


def _merge_pod_prefix(text: str, found: _Found) -> _Found:
    """"the early morning hours of Nov. 12" -> one TIME on that day."""
    r = found.reading
    if r.precision != "day" or r.timex_type != "DATE" or r.value is None or "/" in r.value:
        return found
    m = POD_OF_BEFORE.search(text, max(0, found.start - 60), found.start)
    if m is None or m.end() != found.start:
        return found
    code = C.PARTS_OF_DAY[m.group("pod").lower()]
    return _Found(m.start(), found.end, C.Reading(r.value + "T" + code, "day", r.earliest,
                                                   r.latest, "TIME"))


def _merge_clock_date(text: str, a: _Found, b: _Found) -> _Found | None:
    """"5 p.m. EST Nov. 9": a clock time directly followed by its day."""
    ra, rb = a.reading, b.reading
    if ra.timex_type != "TIME" or rb.precision != "day" or rb.timex_type != "DATE":
        return None
    if rb.value is None or "/" in rb.value or not CLOCK_DATE_GAP.match(text[a.end:b.start]):
        return None
    clock = text[a.start:a.end]
    suffix = C.clock_suffix(re.sub(r"\s+(?=[ap]\.?m)", "", clock.split(" on ")[0], flags=re.I))
    if suffix is None or (ra.value is not None and ra.value[10:] != suffix):
        return None
    return _Found(a.start, b.end, C.Reading(rb.value + suffix, "day", rb.earliest, rb.latest,
                                            "TIME"))


def _merge(text: str, found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for item in (_merge_pod_prefix(text, f) for f in found):
        merged = _merge_clock_date(text, out[-1], item) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(item)
    return out


def find_times(text: str, published: dt.date | None, *,
               sentences: Sequence[Sentence] = ()) -> tuple[TimeRef, ...]:
    """All time expressions in ``text``, resolved against ``published`` (see module docstring).

    ``sentences`` (offsets into ``text``) sharpen the tense cue used for bare weekdays and
    months; without them a simple punctuation splitter is used.
    """
    mixed = _mixed_case(text)
    bounds = _sentence_bounds(text, sentences)
    found: list[_Found] = []
    anchors = _Anchors()
    for hit in _select(_all_hits(text, mixed, bounds)):
        ctx = _context(text, bounds, hit, published, mixed, anchors)
        reading = R.HANDLERS[RULES[hit.rule].name](hit.match, ctx)
        found.append(_Found(hit.start, hit.end, reading))
        anchors = anchors.after(RULES[hit.rule].name, reading, published)
    return tuple(
        TimeRef(text=text[f.start:f.end], value=f.reading.value, precision=f.reading.precision,
                start=f.start, end=f.end, earliest=f.reading.earliest, latest=f.reading.latest,
                timex_type=f.reading.timex_type)
        for f in _merge(text, found)
    )


def resolve(expression: str, published: dt.date | None) -> TimeRef | None:
    """The longest time expression inside ``expression`` ("On Wednesday night"), or None."""
    refs = find_times(expression, published)
    return max(refs, key=lambda r: (r.end - r.start, -r.start)) if refs else None


_DATELINE = re.compile(
    rf"(?:(?P<day>{DAYNUM})\s+(?P<month>{MONTH})|(?P<month2>{MONTH})\s+(?P<day2>{DAYNUM})"
    r",?)\s+(?P<year>\d{4}|'?\d\d)\b\s*(?:\([^)\n]{0,80}\)\s*)?(?:--|—|–|-\s|:)",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(r"^\s*[A-Z]+-[A-Z0-9]+-\d+\s*(?:\([^)]*\))?\s*$")


def find_dateline(text: str) -> dt.date | None:
    """Publication date from a wire dateline in the first lines, or None.

    Understands "LIMA, 20 AUG 88 (EFE) --", "SAN SALVADOR, 3 JAN 90 (RADIO CADENA NACIONAL) --",
    "Perth, June 11 89 (AFP) --" and "[...] 12 November 2015 —"; message-id header lines such as
    "DEV-MUC3-0001 (NOSC)" are skipped. "NO DATE" and dates without a year give None. Two-digit
    years: 50-99 are 19xx, 00-49 are 20xx.
    """
    lines = [ln for ln in text.splitlines() if ln.strip() and not _HEADER_LINE.match(ln)]
    m = _DATELINE.search("\n".join(lines[:3]))
    if m is None:
        return None
    month = C.MONTHS[(m.group("month") or m.group("month2")).rstrip(".").lower()]
    day = int(re.match(r"\d+", m.group("day") or m.group("day2")).group())  # type: ignore
    year = C.parse_year(m.group("year"), None)
    try:
        return dt.date(year, month, day) if year else None
    except ValueError:
        return None
