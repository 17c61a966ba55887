"""The library entry point: ``Pipeline()(article)`` and ``Pipeline.pipe``.

A stage that fails on one article must turn that article into a ``Rejected`` while the others go
through; to provoke that, a pipeline is built with a trigger lexicon whose ``match`` raises on a
marker word (the thing under test is the pipeline's error handling, not the lexicon).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import support
from eventwire.errors import REJECTION_CODES, InputError
from eventwire.pipeline import STAGES, Pipeline
from eventwire.records import Article, ArticleResult, Rejected, content_id

TEXTS = (
    "Coalition aircraft carried out an air strike on a weapons depot in western Mosul on Friday, "
    "killing four Islamic State fighters, the Iraqi military said.",
    "Thousands of students protested outside parliament in Nairobi on Thursday against a planned "
    "increase in university fees.",
    "Pakistani police arrested six suspected militants in a raid on a house in Lahore on Monday, "
    "a police spokesman said.",
    "Gunmen ambushed an army patrol near Gao on Tuesday, killing three soldiers, the army said.",
    "Rebels shelled the outskirts of Goma on Saturday, wounding twelve civilians, aid workers said.",
)
MARKER = "Zanzibar"


def make_article(text: str, origin: str | None = None) -> Article:
    return Article(id=content_id(text), text=text, published=dt.date(2020, 5, 9), origin=origin)


class ExplodingLexicon:
    """The real lexicon, except that ``match`` raises on sentences containing MARKER."""

    def __init__(self, inner: Any, error: Exception) -> None:
        self._inner = inner
        self._error = error

    def match(self, sent: Any) -> Any:
        if MARKER in sent.text:
            raise self._error
        return self._inner.match(sent)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def pipeline_with(error: Exception, batch_size: int = 16) -> Pipeline:
    base = support.pipeline()
    return Pipeline(nlp=base.nlp, gazetteer=base.gazetteer, actors=base.actors,
                    lexicon=ExplodingLexicon(base.lexicon, error),  # type: ignore[arg-type]
                    batch_size=batch_size)


def test_call_returns_an_article_result_with_evidenced_events() -> None:
    article = make_article(TEXTS[0])
    result = support.pipeline()(article)
    assert isinstance(result, ArticleResult)
    assert result.article.id == article.id
    assert result.sentences and result.events
    for event in result.events:
        assert event.article_id == article.id
        assert article.text[event.evidence.start:event.evidence.end] == event.evidence.sentence
    assert any(e.type == "ASSAULT" and e.location is not None and e.location.country == "IQ"
               for e in result.events)


def test_call_is_deterministic() -> None:
    article = make_article(TEXTS[2])
    assert support.pipeline()(article) == support.pipeline()(article)


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_pipe_keeps_input_order_across_batches(batch_size: int) -> None:
    base = support.pipeline()
    pipeline = Pipeline(nlp=base.nlp, gazetteer=base.gazetteer, actors=base.actors,
                        lexicon=base.lexicon, batch_size=batch_size)
    articles = [make_article(t) for t in (*TEXTS, *reversed(TEXTS))]
    results = list(pipeline.pipe(iter(articles)))
    assert [r.article.id for r in results if isinstance(r, ArticleResult)] == [a.id for a in articles]
    # batching does not change what is found
    assert results == [base(a) for a in articles]


def test_pipe_of_nothing_is_nothing() -> None:
    assert list(support.pipeline().pipe([])) == []


@pytest.mark.parametrize("batch_size", [2, 16])
def test_a_failing_stage_rejects_only_that_article(batch_size: int) -> None:
    texts = list(TEXTS)
    texts[2] = texts[2].replace("Lahore", MARKER)
    articles = [make_article(t, origin=f"story-{i}.txt") for i, t in enumerate(texts)]
    results = list(pipeline_with(RuntimeError("lexicon exploded"), batch_size).pipe(articles))

    assert len(results) == len(articles)
    rejected = results[2]
    assert isinstance(rejected, Rejected)
    assert rejected.item == "story-2.txt"
    assert rejected.code == "E_INTERNAL" and rejected.code in REJECTION_CODES
    assert "RuntimeError" in rejected.reason and "lexicon exploded" in rejected.reason
    for i, (article, result) in enumerate(zip(articles, results)):
        if i != 2:
            assert result == support.pipeline()(article), i


def test_an_eventwire_error_keeps_its_code() -> None:
    article = make_article(TEXTS[0].replace("Mosul", MARKER))  # no origin: the id names it
    pipeline = pipeline_with(InputError("cannot use this one", code="E_TOO_SHORT"))
    (result,) = list(pipeline.pipe([article]))
    assert isinstance(result, Rejected)
    assert (result.item, result.code) == (article.id, "E_TOO_SHORT")
    assert "cannot use this one" in result.reason


def test_pipeline_records_time_per_stage() -> None:
    base = support.pipeline()
    pipeline = Pipeline(nlp=base.nlp, gazetteer=base.gazetteer, actors=base.actors, lexicon=base.lexicon)
    assert not any(pipeline.timer.seconds.values())
    list(pipeline.pipe([make_article(t) for t in TEXTS]))
    assert set(pipeline.timer.seconds) == set(STAGES)
    for stage in ("nlp", "actors", "places", "times", "events"):
        assert pipeline.timer.seconds[stage] > 0, stage


WRAPPED = (
    "SAN SALVADOR, 1 NOV 89 (RADIO CADENA) -- [TEXT] A BOMB IN A CAR PARKED OUTSIDE THE FENASTRAS\n"
    "BUILDING DETONATED AND CAUSED A STRONG EXPLOSION.  WE CAN REPORT THAT SEVEN\n"
    "PEOPLE WERE KILLED AT THE FENASTRAS BUILDING.  LABOR LEADER FEBE ELIZABETH\n"
    "VELASQUEZ AND SEVEN OTHER PEOPLE WERE KILLED.  TWELVE WERE SERIOUSLY INJURED\n"
    "AND TAKEN TO THE ROSALES HOSPITAL IN THE CENTER OF THE CAPITAL.\n"
)


def test_a_name_cut_by_the_line_end_of_wrapped_wire_copy_is_one_name() -> None:
    events = support.events_of(WRAPPED, "1989-11-01")
    victims = [e.recipient.text for e in events if e.type == "ASSAULT" and e.recipient is not None]
    assert "Febe Elizabeth Velasquez" in victims, victims
    leader = next(e for e in events if e.evidence.sentence.startswith("LABOR LEADER"))
    assert leader.evidence.sentence == "LABOR LEADER FEBE ELIZABETH\nVELASQUEZ AND SEVEN OTHER PEOPLE WERE KILLED."
