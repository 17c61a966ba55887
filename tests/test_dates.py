"""Time expressions: recognition, resolution against the publication date, datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.mentions.dates import find_dateline, find_times, resolve
from eventwire.records import Sentence, TimeRef

PUB = dt.date(2015, 11, 12)  # a Thursday: the seed article's publication date


def _one(expression: str, published: dt.date | None = PUB) -> TimeRef:
    ref = resolve(expression, published)
    assert ref is not None, f"nothing found in {expression!r}"
    return ref


# --- the seed article -------------------------------------------------------------------------


@pytest.mark.parametrize(("expression", "day"), [
    ("It was issued on Thursday afternoon", dt.date(2015, 11, 12)),
    ("on Thursday", dt.date(2015, 11, 12)),
    ("on 31 October", dt.date(2015, 10, 31)),
    ("On Wednesday night", dt.date(2015, 11, 11)),
    ("As of Thursday afternoon", dt.date(2015, 11, 12)),
    ("the early morning hours of Nov. 12", dt.date(2015, 11, 12)),
])
def test_seed_days(expression: str, day: dt.date) -> None:
    ref = _one(expression)
    assert ref.earliest == ref.latest == day
    assert ref.value is not None and ref.value.startswith(day.isoformat())
    assert ref.precision == "day"


def test_seed_last_week_is_the_iso_week_before() -> None:
    ref = _one("a plot which was uncovered last week")
    assert (ref.text, ref.value, ref.precision) == ("last week", "2015-W45", "week")
    assert (ref.earliest, ref.latest) == (dt.date(2015, 11, 2), dt.date(2015, 11, 8))


def test_seed_sentence_offsets_and_extents() -> None:
    text = ("The ground assault began in the early morning hours of Nov. 12, when peshmerga units "
            "moved. On Wednesday night, jets provided air support.")
    refs = find_times(text, PUB)
    assert [r.text for r in refs] == ["the early morning hours of Nov. 12", "Wednesday night"]
    for ref in refs:
        assert text[ref.start:ref.end] == ref.text
    assert refs[0].timex_type == "TIME" and refs[0].value == "2015-11-12TMO"
    assert refs[1].value == "2015-11-11TNI"


# --- weekdays ---------------------------------------------------------------------------------


def test_weekday_on_publication_weekday_is_publication_day() -> None:
    assert _one("Police said on Thursday").earliest == PUB


def test_bare_weekday_is_most_recent_past_occurrence() -> None:
    assert _one("The attack happened on Monday").earliest == dt.date(2015, 11, 9)
    assert _one("Rebels attacked on Friday").earliest == dt.date(2015, 11, 6)


def test_weekday_with_future_cue_is_next_occurrence() -> None:
    assert _one("The ministers will meet on Friday").earliest == dt.date(2015, 11, 13)


@pytest.mark.parametrize(("expression", "day"), [
    ("last Thursday", dt.date(2015, 11, 5)),
    ("next Thursday", dt.date(2015, 11, 19)),
    ("last Monday", dt.date(2015, 11, 9)),
    ("next Monday", dt.date(2015, 11, 16)),
])
def test_last_and_next_weekday(expression: str, day: dt.date) -> None:
    assert _one(expression).earliest == day


def test_weekday_part_of_day_is_time() -> None:
    ref = _one("Tuesday evening")
    assert (ref.value, ref.timex_type) == ("2015-11-10TEV", "TIME")


# --- deictic days, weeks, months, years -------------------------------------------------------


@pytest.mark.parametrize(("expression", "value", "precision"), [
    ("yesterday", "2015-11-11", "day"),
    ("today", "2015-11-12", "day"),
    ("tomorrow", "2015-11-13", "day"),
    ("this week", "2015-W46", "week"),
    ("next week", "2015-W47", "week"),
    ("early this month", "2015-11", "month"),
    ("last month", "2015-10", "month"),
    ("last year", "2014", "year"),
    ("two days ago", "2015-11-10", "day"),
    ("three months ago", "2015-08", "month"),
    ("five years ago", "2010", "year"),
    ("the third quarter", "2015-Q3", "month"),
    ("last night", "2015-11-11TNI", "day"),
    ("this morning", "2015-11-12TMO", "day"),
])
def test_relative_expressions(expression: str, value: str, precision: str) -> None:
    ref = _one(expression)
    assert (ref.text, ref.value, ref.precision) == (expression, value, precision)


def test_month_and_year_ranges_cover_the_whole_unit() -> None:
    month = _one("last month")
    assert (month.earliest, month.latest) == (dt.date(2015, 10, 1), dt.date(2015, 10, 31))
    year = _one("in 2014")
    assert (year.text, year.value) == ("2014", "2014")
    assert (year.earliest, year.latest) == (dt.date(2014, 1, 1), dt.date(2014, 12, 31))


# --- calendar dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(("expression", "value"), [
    ("31 October", "2015-10-31"),
    ("October 31", "2015-10-31"),
    ("Oct. 31, 2015", "2015-10-31"),
    ("31 Oct 88", "1988-10-31"),
    ("Nov. 12", "2015-11-12"),
    ("Saturday, April 25, 1998", "1998-04-25"),
    ("the 3rd of March 2003", "2003-03-03"),
    ("2015-11-02", "2015-11-02"),
    ("October 1998", "1998-10"),
    ("1989", "1989"),
    ("the 1990s", "199"),
])
def test_calendar_dates(expression: str, value: str) -> None:
    assert _one(expression).value == value


def test_date_without_year_takes_nearest_year_preferring_past() -> None:
    jan = dt.date(2016, 1, 5)
    assert _one("on Dec. 30", jan).value == "2015-12-30"
    assert _one("on Jan. 20", jan).value == "2016-01-20"
    assert _one("in July", jan).value == "2015-07"  # six months back beats six months ahead


def test_date_without_year_goes_forward_with_a_future_cue() -> None:
    assert _one("elections are scheduled to be held on 20 March", dt.date(2015, 11, 12)).value \
        == "2016-03-20"


def test_two_digit_years_take_the_nearest_century() -> None:
    assert _one("3 JAN 90", dt.date(1990, 1, 4)).value == "1990-01-03"
    assert _one("3 JAN 90", None).value == "1990-01-03"
    assert _one("3 Jan 05", dt.date(2006, 1, 4)).value == "2005-01-03"


# --- ranges, durations, sets, times, vague references ------------------------------------------


def test_day_range() -> None:
    ref = _one("fighting raged between 1 and 3 November")
    assert ref.value == "2015-11-01/2015-11-03"
    assert (ref.earliest, ref.latest) == (dt.date(2015, 11, 1), dt.date(2015, 11, 3))


def test_month_range() -> None:
    ref = _one("from March to May", dt.date(2015, 6, 20))
    assert ref.value == "2015-03/2015-05"
    assert (ref.earliest, ref.latest) == (dt.date(2015, 3, 1), dt.date(2015, 5, 31))


@pytest.mark.parametrize(("expression", "value"), [
    ("three weeks", "P3W"), ("the past two months", "P2M"), ("10-hour", "PT10H"),
    ("several years", "PXY"), ("2 1/2 years", "P2Y6M"), ("two decades", "P20Y"),
])
def test_durations(expression: str, value: str) -> None:
    ref = _one(expression)
    assert (ref.value, ref.timex_type, ref.precision, ref.earliest) == (value, "DURATION", None,
                                                                        None)


def test_ages_are_not_durations() -> None:
    assert find_times("The 52-year-old farmer and a man aged 30 years old", PUB) == ()


@pytest.mark.parametrize(("expression", "value"), [
    ("every Monday", "XXXX-WXX-1"), ("every day", "P1D"), ("weekly", "P1W"),
    ("each July", "XXXX-07"),
])
def test_sets(expression: str, value: str) -> None:
    ref = _one(expression)
    assert (ref.value, ref.timex_type) == (value, "SET")


@pytest.mark.parametrize(("expression", "value"), [
    ("8 p.m.", "2015-11-12T20:00"), ("10:35 a.m.", "2015-11-12T10:35"),
    ("noon", "2015-11-12T12:00"), ("5 p.m. EST Nov. 9", "2015-11-09T17:00"),
])
def test_clock_times(expression: str, value: str) -> None:
    ref = _one(expression)
    assert (ref.text, ref.value, ref.timex_type) == (expression, value, "TIME")


def test_vague_references_have_no_calendar_anchor() -> None:
    for expression, value in [("recently", "PAST_REF"), ("now", "PRESENT_REF"),
                              ("the near future", "FUTURE_REF")]:
        ref = _one(expression)
        assert (ref.value, ref.precision, ref.earliest, ref.latest) == (value, None, None, None)


# --- no publication date ----------------------------------------------------------------------


@pytest.mark.parametrize("expression", [
    "on Thursday", "yesterday", "last week", "this month", "two days ago", "8 p.m.",
    "Wednesday night", "last year",
])
def test_relative_expressions_stay_unresolved_without_publication_date(expression: str) -> None:
    ref = _one(expression, None)
    assert (ref.value, ref.precision, ref.earliest, ref.latest) == (None, None, None, None)


def test_absolute_dates_resolve_without_publication_date() -> None:
    ref = _one("Oct. 31, 2015", None)
    assert (ref.value, ref.earliest) == ("2015-10-31", dt.date(2015, 10, 31))
    assert _one("three weeks", None).value == "P3W"


def test_day_without_year_is_timeml_unknown_year_without_publication_date() -> None:
    ref = _one("on 31 October", None)
    assert (ref.value, ref.precision, ref.earliest, ref.latest) == ("XXXX-10-31", "day", None,
                                                                    None)
    assert _one("in October", None).value == "XXXX-10"


# --- case and false friends -------------------------------------------------------------------


def test_all_caps_wire_copy() -> None:
    text = ("THE MASS KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN LUIS.  THREE SUBVERSIVES WERE "
            "KILLED YESTERDAY AND A BOMB EXPLODED LAST NIGHT.")
    refs = find_times(text, dt.date(1990, 1, 3))
    assert [(r.text, r.value) for r in refs] == [
        ("30 DECEMBER", "1989-12-30"), ("YESTERDAY", "1990-01-02"),
        ("LAST NIGHT", "1990-01-02TNI"),
    ]


def test_lower_case_corpus() -> None:
    refs = find_times("the mob attacked on monday and police fired on 28 february.",
                      dt.date(2002, 3, 2))
    assert [r.value for r in refs] == ["2002-02-25", "2002-02-28"]


def test_modal_may_and_verb_march_are_not_months() -> None:
    assert find_times("Police may arrest them if they march to the square.", PUB) == ()


def test_money_is_not_a_year() -> None:
    assert find_times("The fine was $1990 per family.", PUB) == ()


def test_given_sentences_are_used_for_the_tense_cue() -> None:
    text = "The talks will resume. They met on Friday"
    sentences = (Sentence(0, 0, 22, text[:22]), Sentence(1, 23, len(text), text[23:]))
    assert find_times(text, PUB, sentences=sentences)[0].earliest == dt.date(2015, 11, 6)


# --- datelines --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "day"), [
    ("DEV-MUC3-0999 (NOSC)\n\n   QUITO, 14 FEB 90 (RADIO QUITO) -- [TEXT] THE POLICE ...",
     dt.date(1990, 2, 14)),
    ("   SAN SALVADOR, 3 JAN 90 (RADIO CADENA NACIONAL) -- [REPORT] THE ARMY ...",
     dt.date(1990, 1, 3)),
    ("Lima, 20 Aug 88 (EFE) -- Peruvian police said", dt.date(1988, 8, 20)),
    ("  MANAGUA, 4 SEPT 89 -- [TEXT] A BOMB", dt.date(1989, 9, 4)),
    ("   PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT] DEPORTED", dt.date(1989, 6, 11)),
    ("ERBIL, Iraq, 12 November 2015 — Kurdish forces advanced", dt.date(2015, 11, 12)),
])
def test_find_dateline(text: str, day: dt.date) -> None:
    assert find_dateline(text) == day


@pytest.mark.parametrize("text", [
    "   SAN SALVADOR, NO DATE (TCS TELEVISION) -- [INTERVIEW]",
    "   TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] A BOMB BLAST",
    "Police said the attack began at dawn.",
    "Intro line.\nSecond line.\nThird line.\nBOGOTA, 2 FEB 89 -- far too deep in the text",
])
def test_find_dateline_none(text: str) -> None:
    assert find_dateline(text) is None


def test_trailing_punctuation_is_not_part_of_a_date() -> None:
    refs = find_times("The airliner crashed on 31 October, killing 224.", PUB)
    assert [r.text for r in refs] == ["31 October"]


def test_a_count_after_a_date_is_not_a_two_digit_year() -> None:
    refs = find_times("On Nov. 10 15 people died, and on 11 November 20 more.", PUB)
    assert [(r.text, r.value) for r in refs] == [("Nov. 10", "2015-11-10"),
                                                 ("11 November", "2015-11-11")]


# --- tense of the governing verb --------------------------------------------------------------

THU = dt.date(1999, 2, 11)  # a Thursday


@pytest.mark.parametrize(("sentence", "day"), [
    ("The team planned to leave Nairobi on Monday for Dar es Salaam.", dt.date(1999, 2, 15)),
    ("The prosecutor has scheduled a news conference Monday.", dt.date(1999, 2, 15)),
    ("The summit will be held on Monday in Washington.", dt.date(1999, 2, 15)),
    ("The group could arrive as soon as Monday, officials said.", dt.date(1999, 2, 15)),
    ("Officials postponed until Monday any action on the case.", dt.date(1999, 2, 15)),
    ("The minister told reporters on Monday that talks had failed.", dt.date(1999, 2, 8)),
    ("On Monday, the rebels said they had shot down a helicopter.", dt.date(1999, 2, 8)),
    ("Lawyers will study Monday's ruling.", dt.date(1999, 2, 8)),  # a possessive: an event
    ("Until Monday, police had not named a suspect.", dt.date(1999, 2, 8)),
])
def test_weekday_follows_the_tense_of_its_verb(sentence: str, day: dt.date) -> None:
    assert _one(sentence, THU).earliest == day


@pytest.mark.parametrize(("sentence", "value"), [
    ("Since the fund bought the firm in February, it has sold assets.", "1989-02"),
    ("The talks began in January, officials said.", "1989-01"),
    ("The dividend is payable Dec. 7 to holders of record.", "1989-12-07"),
    ("The NATO summit will take place in April.", "1990-04"),
    ("Ministers met in March to discuss the plan.", "1989-03"),
])
def test_month_without_year_follows_the_tense_of_its_verb(sentence: str, value: str) -> None:
    assert _one(sentence, dt.date(1989, 10, 30)).value == value


def test_tense_does_not_pull_a_date_a_whole_year_away() -> None:
    # Said the day after the deadline: the deadline is yesterday, not next year.
    assert _one("They must act by Jan. 14.", dt.date(2000, 1, 15)).value == "2000-01-14"


def test_weekday_with_date_keeps_the_year_the_weekday_fits() -> None:
    ref = _one("the paper said in an editorial on Saturday, April 25", dt.date(1998, 4, 24))
    assert ref.value == "1998-04-25"


# --- anaphora: the last date named in the document --------------------------------------------


def test_that_year_and_later_that_year_take_the_last_year_named() -> None:
    text = "He fled to Florida in June 1998 and returned to Cuba later that year."
    assert [r.value for r in find_times(text, dt.date(2000, 1, 28))] == ["1998-06", "1998"]


def test_same_day_following_year_and_clock_time_follow_the_last_date() -> None:
    text = ("The doctor was shot on Oct. 23, 1998, at 10 p.m. Police searched the house that "
            "same day. The suspect was caught the following year.")
    values = [r.value for r in find_times(text, dt.date(1999, 5, 5))]
    assert values == ["1998-10-23", "1998-10-23T22:00", "1998-10-23", "1999"]


def test_anaphora_without_an_earlier_date_stays_unresolved() -> None:
    ref = _one("Traders made heavy losses that day.")
    assert (ref.text, ref.value) == ("that day", None)


# --- earnings reports: quarters and the periods that refer to them ----------------------------

EARNINGS = (
    "Acme Corp. said net income in the third quarter rose 20% to $5 million from $4.2 million "
    "a year earlier. Sales in the latest period rose 8%. The year-ago quarter included a gain. "
    "In the 1988 period, costs were higher. For the year ended June 30, Acme earned $20 million."
)


def test_earnings_report_periods_refer_to_the_quarter_named() -> None:
    refs = find_times(EARNINGS, dt.date(1989, 10, 26))
    assert [(r.text, r.value) for r in refs] == [
        ("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3"),
        ("the latest period", "1989-Q3"), ("The year-ago quarter", "1988-Q3"),
        ("the 1988 period", "1988-Q3"), ("the year", "P1Y"), ("June 30", "1989-06-30"),
    ]


def test_an_outlook_quarter_is_not_the_reported_one() -> None:
    text = "Profit will rise in the fourth quarter. Sales fell 3% in the latest quarter."
    assert [r.value for r in find_times(text, dt.date(1989, 11, 2))] == ["1989-Q4", "1989-Q3"]


@pytest.mark.parametrize(("expression", "value"), [
    ("this year's third quarter", "2015-Q3"), ("next year's first quarter", "2016-Q1"),
])
def test_quarter_of_a_relative_year(expression: str, value: str) -> None:
    assert _one(expression).value == value


# --- spelled-out years, decades, centuries, holidays, present reference -----------------------


@pytest.mark.parametrize(("expression", "value"), [
    ("in nineteen ninety-six", "1996"), ("January nineteen ninety-seven", "1997-01"),
    ("the winter of nineteen ninety-four", "1994-WI"), ("by the year two thousand", "2000"),
    ("through the nineties", "199"), ("the 20th century", "19"), ("an 11th century temple", "10"),
    ("last Thanksgiving", "2014-11-27"),
])
def test_spelled_years_decades_centuries_and_holidays(expression: str, value: str) -> None:
    assert _one(expression).value == value


def test_current_is_the_present_and_recent_years_an_unbounded_duration() -> None:
    assert _one("the current market conditions").value == "PRESENT_REF"
    assert _one("the current quarter").value == "2015-Q4"
    ref = _one("in recent years")
    assert (ref.value, ref.timex_type) == ("PXY", "DURATION")
    assert _one("protesters have gathered for weeks").value == "PXW"


def test_rates_ordinals_fractions_and_names_are_not_durations() -> None:
    text = ("It saves $500 million a year. A second group of directors met. Iraq imports about "
            "three-quarters of its food. He said so on CBS's 60 Minutes.")
    assert find_times(text, PUB) == ()


def test_the_march_for_life_is_not_a_month() -> None:
    assert find_times("Protesters joined the annual March for Life in Washington.", PUB) == ()


# --- TimeML conventions: names, rates, vague durations, year-end, references -----------------


@pytest.mark.parametrize("text", [
    'Baker said on ABC\'s "This Week" that the talks had failed.',
    "This is VOA Today.",
    "Qantas is up from four flights a week.",
])
def test_programme_names_and_rates_are_not_time_expressions(text: str) -> None:
    assert find_times(text, PUB) == ()


def test_capitalised_today_opening_a_sentence_is_still_a_date() -> None:
    assert _one("Today, rebels attacked the town.").value == "2015-11-12"


@pytest.mark.parametrize(("expression", "text", "value"), [
    ("The empire ruled for centuries.", "centuries", "PXCE"),
    ("It turned a profit after several quarters of losses.", "several quarters", "PXQ"),
    ("The deal follows months of negotiations.", "months", "PXM"),
    ("Prices may fall in the weeks ahead.", "the weeks ahead", "PXW"),
    ("He held a several-year tenure.", "several-year", "PXY"),
    ("Eight trading days after the crash, shares recovered.", "Eight trading days", "P8D"),
    ("A minute and a half later, a pilot called.", "A minute and a half", "PT1M30S"),
    ("Attacks have become routine over the past decade.", "the past decade", "P10Y"),
])
def test_timeml_durations(expression: str, text: str, value: str) -> None:
    ref = _one(expression)
    assert (ref.text, ref.value, ref.timex_type) == (text, value, "DURATION")


def test_year_end_is_the_year_it_ends() -> None:
    ahead = _one("They hope to complete the sale by year-end.")
    assert (ahead.text, ahead.value) == ("year-end", "2015")
    assert _one("The index has risen 8% since year-end.").value == "2014"


@pytest.mark.parametrize(("expression", "value"), [
    ("Islam will one day be the second religion.", "FUTURE_REF"),
    ("Shares were bought at the then-current price.", "PAST_REF"),
    ("The recent attacks shocked the city.", "PAST_REF"),
])
def test_unanchored_references(expression: str, value: str) -> None:
    assert _one(expression).value == value


def test_one_day_after_for_is_a_duration() -> None:
    assert _one("The road was closed for one day only.").value == "P1D"


def test_the_previous_weekday_counts_from_the_last_day_named() -> None:
    refs = find_times("Shares closed on Nov. 6, down 4% from the previous Friday.", PUB)
    assert [(r.text, r.value) for r in refs] == [("Nov. 6", "2015-11-06"),
                                                  ("the previous Friday", "2015-10-30")]


def test_as_planned_does_not_make_a_weekday_future() -> None:
    ref = _one("The offensive began as previously planned Saturday night.")
    assert ref.value == "2015-11-07TNI"


def test_part_of_day_without_a_day_falls_on_the_day_named() -> None:
    assert _one("By mid-afternoon, the police had left.").value == "2015-11-12TAF"
    assert _one("Shares rose at mid-afternoon yesterday.").value == "2015-11-11TAF"
    refs = find_times("On Tuesday the rebels left. By late afternoon the town was calm.", PUB)
    assert refs[-1].value == "2015-11-10TAF"


def test_year_ago_in_a_sentence_about_nine_months_is_the_year() -> None:
    text = ("Net fell 5% in the third quarter. For the nine months, sales rose to $2 billion "
            "from $1.8 billion a year earlier.")
    refs = find_times(text, dt.date(1989, 10, 26))
    assert [(r.text, r.value) for r in refs][-1] == ("a year earlier", "1988")
    quarter = find_times("Net rose 5% in the third quarter from $3 million a year earlier.",
                         dt.date(1989, 10, 26))
    assert quarter[-1].value == "1988-Q3"
