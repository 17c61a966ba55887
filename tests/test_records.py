"""Every record survives ``to_dict`` -> JSON text -> ``from_dict`` unchanged (property test)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import (
    ACTOR_TYPES, MENTION_KINDS, PLACE_PRECISIONS, PLOVER_TYPES, STATUSES, TIME_PRECISIONS, Actor,
    Article, ArticleResult, Event, Evidence, Mention, Number, Place, Record, Rejected, Sentence,
    TimeRef,
)


def tuples(elements: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(elements, max_size=3).map(tuple)


SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(max_size=30)
opt_text = st.none() | text
offset = st.integers(min_value=-1, max_value=1_000_000)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
opt_date = st.none() | dates
opt_int = st.none() | st.integers(min_value=0, max_value=10**9)

articles = st.builds(
    Article, id=text, text=st.text(max_size=200), title=opt_text, summary=opt_text, url=opt_text,
    source=opt_text, published=opt_date, origin=opt_text, language=text,
)
rejections = st.builds(Rejected, item=text, stage=text, code=text, reason=text)
sentences = st.builds(Sentence, index=st.integers(min_value=0, max_value=10_000), start=offset,
                      end=offset, text=text)
mentions = st.builds(Mention, kind=st.sampled_from(MENTION_KINDS), text=text, start=offset, end=offset,
                     sentence=st.integers(min_value=-1, max_value=10_000), label=opt_text)
actors = st.builds(Actor, name=text, text=text, type=st.sampled_from(ACTOR_TYPES), country=opt_text,
                   start=offset, end=offset, actor_id=opt_text)
places = st.builds(
    Place, text=text, name=text, start=offset, end=offset, geonameid=opt_int,
    lat=st.none() | st.floats(min_value=-90, max_value=90), lon=st.none() | st.floats(min_value=-180, max_value=180),
    country=opt_text, admin1=opt_text, admin2=opt_text, precision=st.sampled_from(PLACE_PRECISIONS),
    feature=opt_text,
)
times = st.builds(
    TimeRef, text=text, value=opt_text, precision=st.none() | st.sampled_from(TIME_PRECISIONS),
    start=offset, end=offset, earliest=opt_date, latest=opt_date,
    timex_type=st.sampled_from(("DATE", "TIME", "DURATION", "SET")),
)
numbers = st.builds(Number, role=st.sampled_from(("killed", "wounded", "kidnapped", "arrested", "force", "count")),
                    value=st.integers(min_value=-(2**53), max_value=2**53), text=text, start=offset,
                    end=offset, approximate=st.booleans())
evidences = st.builds(Evidence, article_id=text, sentence_index=st.integers(min_value=-1, max_value=10_000),
                      start=offset, end=offset, sentence=text, trigger=text, trigger_start=offset,
                      trigger_end=offset)
events = st.builds(
    Event, id=text, article_id=text, type=st.sampled_from(PLOVER_TYPES), mode=opt_text,
    actor=st.none() | actors, recipient=st.none() | actors, location=st.none() | places,
    date=st.none() | times, status=st.sampled_from(STATUSES), evidence=evidences,
    fatalities=opt_int, injuries=opt_int, numbers=tuples(numbers),
    attribution=opt_text, quote=opt_text, confidence=st.floats(min_value=0, max_value=1),
    acled_event_type=opt_text, acled_sub_event_type=opt_text, cameo_root=opt_text,
)
results = st.builds(
    ArticleResult, article=articles, sentences=tuples(sentences),
    actors=tuples(actors), places=tuples(places),
    times=tuples(times), events=tuples(events),
)
any_record = st.one_of(articles, rejections, sentences, mentions, actors, places, times, numbers,
                       evidences, events, results)


def through_json(record: Record) -> Record:
    data: dict[str, Any] = json.loads(json.dumps(record.to_dict()))
    return type(record).from_dict(data)


@SETTINGS
@given(any_record)
def test_every_record_round_trips_through_json(record: Record) -> None:
    assert through_json(record) == record


@SETTINGS
@given(events)
def test_event_round_trip_keeps_nested_types(event: Event) -> None:
    back = through_json(event)
    assert back == event
    assert isinstance(back.numbers, tuple) and all(isinstance(n, Number) for n in back.numbers)
    assert back.date is None or isinstance(back.date, TimeRef)
    assert back.date is None or back.date.earliest is None or isinstance(back.date.earliest, dt.date)


@SETTINGS
@given(results)
def test_article_result_round_trip(result: ArticleResult) -> None:
    back = through_json(result)
    assert back == result
    assert back.article.published is None or isinstance(back.article.published, dt.date)
    assert all(isinstance(e, Event) for e in back.events)


@SETTINGS
@given(any_record)
def test_to_dict_is_plain_json_data(record: Record) -> None:
    data = record.to_dict()
    assert json.loads(json.dumps(data)) == data  # only JSON types: no dates, tuples or records
