"""The per-article pipeline: Article -> ArticleResult (or Rejected).

    nlp (spaCy) -> sentences, entities
                -> mentions: actors, places, times (numbers are read per event sentence)
                -> events

``Pipeline`` loads its resources once (spaCy model, gazetteer, actor dictionary, trigger
lexicon) and is pure afterwards: the same article always gives the same result, so it can run in a
process pool or on Dask workers. Stages are plain functions with typed input and output.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import EventwireError
from .events.coder import code_article
from .events.lexicon import Lexicon
from .events.roles import Mentions
from .mentions.actors import ActorDictionary, find_actors, resolve_generic
from .nlp import doc_text, entity_mentions, load_nlp, parse, sentences
from .records import Actor, Article, ArticleResult, Event, Mention, Place, Rejected
from .truecasing import Truecaser, hard_wrapped, is_all_caps, is_caseless

if TYPE_CHECKING:
    from spacy.language import Language

    from .gazetteer import Gazetteer

STAGES: tuple[str, ...] = ("truecase", "nlp", "actors", "places", "times", "events")
MAX_CHARS = 200_000  # longer main texts are cut at a paragraph boundary before parsing


@dataclass
class StageTimer:
    """Seconds spent per stage, summed over the articles a pipeline has seen."""

    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))

    def add(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] += now - started
        return now


class Pipeline:
    """Load once, call many times.

    >>> pipeline = Pipeline()
    >>> result = pipeline(article)                # ArticleResult | Rejected
    >>> for result in pipeline.pipe(articles): ...
    """

    def __init__(
        self,
        *,
        nlp: Language | None = None,
        gazetteer: Gazetteer | None = None,
        actors: ActorDictionary | None = None,
        lexicon: Lexicon | None = None,
        actor_files: Sequence[Path] = (),
        batch_size: int = 16,
        prefilter: bool = True,
    ) -> None:
        from .gazetteer import Gazetteer

        self.nlp = nlp if nlp is not None else load_nlp()
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.load()
        self.actors = actors if actors is not None else ActorDictionary.load(actor_files)
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        self.batch_size = batch_size
        self.prefilter = prefilter  # NER only on sentences with a trigger (eventwire.prefilter)
        self.timer = StageTimer()
        self._truecaser: Truecaser | None = None  # loaded on the first ALL-CAPS article

    def __call__(self, article: Article) -> ArticleResult | Rejected:
        return next(iter(self.pipe([article])))

    def prepare(self, texts: Iterable[str]) -> None:
        """Load now what ``texts`` will need and is otherwise loaded on first use (the truecasing
        model, a few seconds, for ALL-CAPS or lower-case text), so a timed run times processing."""
        if self._truecaser is None and any(is_caseless(t) for t in texts):
            self._truecaser = Truecaser(self.actors.acronyms)

    def pipe(self, items: Iterable[Article | Rejected]) -> Iterator[ArticleResult | Rejected]:
        """Process a stream in order; a failing article becomes a Rejected, the stream goes on.
        Rejected items already in the stream (from ingest) pass through."""
        batch: list[Article] = []
        passed: list[Rejected] = []
        for item in items:
            if isinstance(item, Rejected):
                passed.append(item)
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                yield from self._batch(batch)
                yield from passed
                batch, passed = [], []
        if batch:
            yield from self._batch(batch)
        yield from passed

    def _batch(self, batch: list[Article]) -> Iterator[ArticleResult | Rejected]:
        started = time.perf_counter()
        cased = [self._cased(a.text) for a in batch]
        started = self.timer.add("truecase", started)
        texts = [_parse_text(c) for c in cased]
        if self.prefilter and "ner" in self.nlp.pipe_names:
            from .prefilter import ner_on_candidates

            docs = parse(self.nlp, texts, self.batch_size, ner=False)
            ner_on_candidates(self.nlp, docs, self.lexicon, self.batch_size)
        else:
            docs = parse(self.nlp, texts, self.batch_size)
        self.timer.add("nlp", started)
        for article, doc, text in zip(batch, docs, cased):
            try:
                yield self._after_nlp(article, doc, text)
            except EventwireError as e:
                yield Rejected(article.origin or article.id, "events", e.code, str(e))
            except Exception as e:  # noqa: BLE001 - one bad article must not stop a run
                yield Rejected(article.origin or article.id, "events", "E_INTERNAL", f"{type(e).__name__}: {e}")

    def _governments(self, ents: Sequence[Mention]) -> tuple[tuple[str, str], ...]:
        """Country and national-capital names among the GPE entities, with their country."""
        import pycountry

        out = []
        for ent in ents:
            if ent.label != "GPE":
                continue
            name = ent.text.lower().removeprefix("the ").strip()
            iso3 = self.actors.country_of(name)
            if iso3 is None:
                capital = next((c for c in self.gazetteer.lookup(name)[:3] if c.feature == "PPLC"), None)
                country = pycountry.countries.get(alpha_2=capital.country) if capital and capital.country else None
                iso3 = country.alpha_3 if country else None
            if iso3:
                out.append((name, iso3))
        return tuple(dict.fromkeys(out))

    def _cased(self, text: str) -> str:
        """ALL-CAPS or all-lower-case text gets its case restored (same length: offsets hold)."""
        if not is_caseless(text):
            return text
        if self._truecaser is None:
            self._truecaser = Truecaser(self.actors.acronyms)
        return self._truecaser.restore(text)

    def _after_nlp(self, article: Article, doc, cased: str) -> ArticleResult:  # type: ignore[no-untyped-def]
        from .mentions.dates import find_dateline, find_times
        from .mentions.places import find_places

        if article.published is None:  # "KABUL, 12 March 2024 -" dates the story
            article = article.replace(published=find_dateline(article.text))
        t = time.perf_counter()
        sents = sentences(doc, article.text)
        ents = entity_mentions(doc, sents)
        text = doc_text(doc)
        actors = find_actors(text, ents, self.actors, all_caps=is_all_caps(text))
        t = self.timer.add("actors", t)
        places = _not_actors(find_places(text, ents, self.gazetteer, sentences=sents), actors)
        actors = resolve_generic(
            _not_places(actors, places), text, self.actors.country_names, focus=_focus_country(places),
        )
        t = self.timer.add("places", t)
        times = find_times(text, article.published, sentences=sents)
        t = self.timer.add("times", t)
        dateline = _dateline_place(cased, self.gazetteer)
        mentions = Mentions(actors, places, times, self.actors, dateline, self._governments(ents))
        events = code_article(doc, article, sents, mentions, self.lexicon)
        self.timer.add("events", t)
        result = ArticleResult(
            article=article, sentences=sents, actors=actors, places=places, times=times,
            events=events,
        )
        return result if text == article.text else _as_written(result)


DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,40})?,\s*"
    r"(?:\d{1,2}\s+[A-Za-z]{3,9}\.?(?:\s+\d{2,4})?|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,?\s+\d{4})?)"
    r"\s*(?:\([^)\n]{0,60}\))?\s*(?:—|--|–|-)\s*"
)


WRAP = re.compile(r"(?<=\S)\n(?=[^\s])")  # a line end inside a paragraph: text on both sides


def _parse_text(text: str) -> str:
    """What spaCy parses: the dateline ("KABUL, 12 March 2024 —") blanked out, because it
    wrecks the parse of the first sentence, and the line breaks of hard-wrapped copy made spaces
    (a name or a clause cut by a line end is one to the parser and the NER); same length, so
    offsets still index the article."""
    m = DATELINE.match(text)
    if m:
        text = " " * m.end() + text[m.end():]
    if hard_wrapped(text):
        text = WRAP.sub(" ", text)
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_CHARS)
    return text[: cut if cut > 0 else MAX_CHARS]


def _dateline_place(text: str, gazetteer: Gazetteer) -> Place | None:
    """The place a dateline names ("SAN SALVADOR, 3 JAN 90 (RADIO) --"): the most populous
    place of that name (a dateline names a place readers know)."""
    m = DATELINE.match(text)
    if not m:
        return None
    name = text[: m.end()].split(",")[0].strip()
    candidates = gazetteer.lookup(name)
    if not name or not candidates:
        return None
    c = candidates[0]
    start = text.index(name)
    return Place(
        text=name, name=c.name, start=start, end=start + len(name), geonameid=c.geonameid,
        lat=c.lat, lon=c.lon, country=c.country, admin1=c.admin1, admin2=c.admin2,
        precision=c.precision, feature=c.feature,
    )


def _focus_country(places: Sequence[Place]) -> str | None:
    """ISO3 of the country most places of the article are in (ties: the first mentioned)."""
    import pycountry

    counts: dict[str, int] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return None
    iso2 = max(counts, key=lambda c: counts[c])
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else None


def _as_written(result: ArticleResult) -> ArticleResult:
    """Mention texts cut from the article as written (not from the truecased or masked copy
    that was parsed: both have the article's length, so the offsets are the same)."""
    text = result.article.text

    def fix(record):  # type: ignore[no-untyped-def]
        if getattr(record, "start", -1) >= 0 and record.end <= len(text) and record.text.lower() == text[record.start:record.end].lower():
            return record.replace(text=text[record.start:record.end])
        return record

    def fix_event(e: Event) -> Event:
        return e.replace(
            actor=fix(e.actor) if e.actor else None, recipient=fix(e.recipient) if e.recipient else None,
            location=fix(e.location) if e.location else None, date=fix(e.date) if e.date else None,
            evidence=e.evidence.replace(trigger=text[e.evidence.trigger_start:e.evidence.trigger_end]),
            numbers=tuple(fix(n) for n in e.numbers),
        )

    return result.replace(
        actors=tuple(fix(a) for a in result.actors), places=tuple(fix(p) for p in result.places),
        times=tuple(fix(t) for t in result.times), events=tuple(fix_event(e) for e in result.events),
    )


def _not_places(actors: Sequence[Actor], places: Sequence[Place]) -> tuple[Actor, ...]:
    """spaCy sometimes calls a town an ORG ("Sinjar"): a resolved place beats an NER-only actor."""
    return tuple(
        a for a in actors
        if a.actor_id is not None or a.name != a.text
        or not any(p.start <= a.start < p.end and p.geonameid is not None for p in places)
    )


def _not_actors(places: Sequence[Place], actors: Sequence[Actor]) -> tuple[Place, ...]:
    """A place name that is part of a named actor ("Kurdistan Region forces") is not a place
    mention; country-named actors ("Russia") stay places."""
    named = [a for a in actors if a.actor_id is not None]
    return tuple(
        p for p in places
        if p.text.lower() not in NEVER_PLACES
        and not any(a.start <= p.start < a.end and (a.end - a.start) > (p.end - p.start) for a in named)
    )


# pronouns and function words that casing errors can turn into "places" ("THEM" -> Denmark)
NEVER_PLACES = frozenset({"them", "they", "us", "we", "it", "he", "she", "him", "her", "me", "let", "may", "will", "can", "here", "there"})
