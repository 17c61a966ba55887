"""Property: any record written to the store comes back equal (record -> DB -> record)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import (
    ACTOR_TYPES, PLACE_PRECISIONS, PLOVER_TYPES, STATUSES, TIME_PRECISIONS,
    Actor, Article, ArticleResult, Event, Evidence, Number, Place, Sentence, TimeRef,
)
from eventwire.store import open_store

SETTINGS = settings(
    max_examples=30, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

text = st.text(max_size=30)
# PostgreSQL text columns cannot hold U+0000 (tested on its own in test_store.py); event records
# are stored as JSON and keep it, so only ids and plain article columns avoid it here.
no_nul = st.characters(codec="utf-8", exclude_characters="\x00")
plain = st.text(alphabet=no_nul, max_size=30)
maybe = st.none() | text
ints = st.integers() | st.integers(min_value=-(2**70), max_value=2**70)
small = st.integers(min_value=-1, max_value=10_000)
floats = st.floats(allow_nan=False, allow_infinity=False)
dates = st.dates()


def one_of(values: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from(values) | text


actors = st.builds(
    Actor, name=text, text=text, type=one_of(ACTOR_TYPES), country=maybe,
    start=ints, end=ints, actor_id=maybe,
)
places = st.builds(
    Place, text=text, name=text, start=ints, end=ints, geonameid=st.none() | ints,
    lat=st.none() | st.floats(-90, 90), lon=st.none() | st.floats(-180, 180),
    country=maybe, admin1=maybe, admin2=maybe, precision=one_of(PLACE_PRECISIONS),
    feature=maybe,
)
times = st.builds(
    TimeRef, text=text, value=maybe, precision=st.none() | one_of(TIME_PRECISIONS),
    start=ints, end=ints, earliest=st.none() | dates, latest=st.none() | dates,
    timex_type=text,
)
numbers = st.builds(
    Number, role=text, value=ints, text=text, start=ints, end=ints, approximate=st.booleans(),
)
evidence = st.builds(
    Evidence, article_id=text, sentence_index=ints, start=ints, end=ints, sentence=text,
    trigger=text, trigger_start=ints, trigger_end=ints,
)
events = st.builds(
    Event, id=plain, article_id=text, type=one_of(PLOVER_TYPES), mode=maybe,
    actor=st.none() | actors, recipient=st.none() | actors, location=st.none() | places,
    date=st.none() | times, status=one_of(STATUSES), evidence=evidence,
    fatalities=st.none() | ints, injuries=st.none() | ints,
    numbers=st.lists(numbers, max_size=3).map(tuple), attribution=maybe, quote=maybe,
    confidence=floats, acled_event_type=maybe, acled_sub_event_type=maybe, cameo_root=maybe,
)
maybe_plain = st.none() | plain
articles = st.builds(
    Article, id=plain, text=st.text(alphabet=no_nul),
    title=maybe_plain, summary=maybe_plain, url=maybe_plain, source=maybe_plain,
    published=st.none() | dates, origin=maybe_plain, language=plain,
)


@st.composite
def sentences_of(draw: st.DrawFn, body: str) -> tuple[Sentence, ...]:
    """Sentences that slice the text (stored compactly) mixed with arbitrary ones."""
    out = []
    for index in range(draw(st.integers(0, 4))):
        if draw(st.booleans()):
            start = draw(st.integers(0, len(body)))
            end = draw(st.integers(start, len(body)))
            out.append(Sentence(index, start, end, body[start:end]))
        else:
            out.append(Sentence(draw(small), draw(ints), draw(ints), draw(text)))
    return tuple(out)


@st.composite
def results(draw: st.DrawFn, position: int) -> ArticleResult:
    article = draw(articles)
    article = article.replace(id=f"{position}:{article.id}")  # unique within one example
    reports = draw(st.lists(events, max_size=4))
    unique = tuple(e.replace(id=f"{position}.{i}:{e.id}") for i, e in enumerate(reports))
    return ArticleResult(
        article=article, sentences=draw(sentences_of(article.text)),
        actors=tuple(draw(st.lists(actors, max_size=2))),
        places=tuple(draw(st.lists(places, max_size=2))),
        times=tuple(draw(st.lists(times, max_size=2))), events=unique,
    )


@st.composite
def result_lists(draw: st.DrawFn) -> list[ArticleResult]:
    return [draw(results(i)) for i in range(draw(st.integers(1, 3)))]


def order_key(event: Event) -> tuple[dt.date, bytes]:
    """Earliest date (undated events sort as the last day, 9999-12-31), then id bytes."""
    date = event.date
    earliest = (date.earliest or date.latest) if date is not None else None
    return (earliest or dt.date.max, event.id.encode("utf-8"))


@SETTINGS
@given(batch=result_lists())
def test_events_and_results_round_trip(
    new_store_target: Callable[[], str], batch: list[ArticleResult],
) -> None:
    with open_store(new_store_target()) as store:
        assert store.add_results(batch, batch_size=2) == len(batch)
        for result in batch:
            assert store.get_result(result.article.id) == result
            assert store.get_article(result.article.id) == result.article
        expected = sorted((e for r in batch for e in r.events), key=order_key)
        assert list(store.events()) == expected


@SETTINGS
@given(event=events, since=dates, until=dates)
def test_date_window_matches_range_overlap(
    new_store_target: Callable[[], str], event: Event, since: dt.date, until: dt.date,
) -> None:
    with open_store(new_store_target()) as store:
        store.add_results([ArticleResult(article=Article(id="a", text=""), events=(event,))])
        found = list(store.events(since=since, until=until))
    date = event.date
    lo = (date.earliest or date.latest) if date else None
    hi = (date.latest or date.earliest) if date else None
    overlaps = lo is not None and hi is not None and hi >= since and lo <= until
    assert found == ([event] if overlaps else [])
