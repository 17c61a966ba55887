"""A reproducible benchmark corpus of news-length articles, built at run time.

Sentences come from two pools: short conflict-news sentences written for this benchmark (with
slots for places, actors and numbers) and, when ``../shared/datasets/voa/voa_stories.jsonl`` is
present, the sentences of the VOA stories. Each article takes a run of sentences from one VOA
story (or a written "lead"), mixes in sentences drawn from the pools and is cut near the target
length; everything is driven by ``random.Random(seed)``, so the same arguments always give the
same corpus, byte for byte. Nothing from the dataset is written into the repository: the corpus
lives in a temporary file for the length of a run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))
VOA = SHARED / "datasets" / "voa" / "voa_stories.jsonl"
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z0-9])")

PLACES = (
    "Mosul", "Aleppo", "Kabul", "Mogadishu", "Goma", "Mopti", "Kharkiv", "Sinjar", "Tripoli",
    "Sanaa", "Gao", "Maiduguri", "Idlib", "Kandahar", "Bunia", "Khartoum", "Donetsk", "Rafah",
    "Peshawar", "Marawi", "Benghazi", "Quetta", "Juba", "Bamako",
)
ACTORS = (
    "Islamic State fighters", "government troops", "police", "al-Shabab militants", "rebels",
    "the army", "security forces", "Taliban fighters", "unidentified gunmen", "protesters",
    "Kurdish forces", "a militia", "Boko Haram insurgents", "the coalition",
)
TARGETS = (
    "a checkpoint", "a market", "a police station", "a military convoy", "a village",
    "an army base", "a mosque", "a school", "a hospital", "civilians",
)
EVENT_SENTENCES = (
    "{actor} attacked {target} near {place} on {day}, killing {n} people and wounding {m}.",
    "A car bomb exploded outside {target} in {place}, officials said, leaving at least {n} dead.",
    "{actor} said they had seized control of several districts around {place} after heavy fighting.",
    "Witnesses said {actor} opened fire on {target} in {place} late on {day}.",
    "Air strikes hit positions held by {actor} north of {place}, a military spokesman said.",
    "Hundreds of protesters marched through {place} on {day} to demand the release of detainees.",
    "{actor} abducted {n} aid workers on the road between {place} and {place2}.",
    "The governor of {place} accused {actor} of shelling residential areas overnight.",
    "{actor} threatened to attack {target} in {place} unless their demands were met.",
    "At least {n} soldiers were killed when {actor} ambushed a patrol outside {place}.",
    "Officials in {place} said {actor} had agreed to a ceasefire that would take effect on {day}.",
    "Police arrested {n} suspects in {place} in connection with the bombing of {target}.",
    "{actor} launched rockets at {place2} from positions near {place}, the army said.",
    "A suicide bomber blew himself up at {target} in {place}, killing {n} and injuring {m}.",
)
FILLER_SENTENCES = (
    "The ministry did not respond to a request for comment.",
    "Prices of bread and fuel have risen sharply in recent months.",
    "The talks are expected to resume next week in a neighbouring capital.",
    "Analysts say the economy has struggled since the currency lost half its value.",
    "Schools in the region reopened last month after a long closure.",
    "The United Nations has appealed for more funding for its programmes in the country.",
    "Turnout in the local elections was lower than expected, according to observers.",
    "The report, published on {day}, runs to more than two hundred pages.",
    "Residents of {place} say electricity is available for only a few hours a day.",
    "Farmers around {place} are preparing for the planting season despite the drought.",
    "The company said its quarterly earnings had exceeded forecasts.",
    "A spokesperson for the agency said the figures would be updated regularly.",
    "Many families have moved in with relatives in {place} over the past year.",
    "The president is due to travel abroad later this month for a regional summit.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    title: str
    text: str
    published: dt.date
    url: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_json(self) -> str:
        return json.dumps({
            "title": self.title, "text": self.text, "published": self.published.isoformat(),
            "url": self.url, "source": "eventwire-bench",
        }, ensure_ascii=False)


def split_sentences(text: str) -> list[str]:
    """A cheap sentence splitter, good enough to recombine news sentences."""
    return [s.strip() for s in SENTENCE_END.split(text) if len(s.split()) >= 4]


def load_voa(path: Path = VOA) -> list[list[str]]:
    """Sentences of each VOA story, or [] when the dataset is absent."""
    if not path.exists():
        return []
    stories = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            sents = split_sentences(text)
            if len(sents) >= 5:
                stories.append(sents)
    return stories


def _fill(template: str, rng: random.Random) -> str:
    place, place2 = rng.sample(PLACES, 2)
    sentence = template.format(
        actor=rng.choice(ACTORS), target=rng.choice(TARGETS), place=place, place2=place2,
        day=rng.choice(DAYS), n=rng.randint(2, 60), m=rng.randint(1, 90),
    )
    return sentence[0].upper() + sentence[1:]


def _written_sentence(rng: random.Random) -> str:
    pool = EVENT_SENTENCES if rng.random() < 0.45 else FILLER_SENTENCES
    return _fill(rng.choice(pool), rng)


def _body(rng: random.Random, stories: Sequence[list[str]], words: int) -> list[str]:
    """Sentences of one article: a run from one story, interleaved with drawn sentences."""
    lead = list(stories[rng.randrange(len(stories))]) if stories else []
    start = rng.randrange(max(1, len(lead) - 4)) if lead else 0
    out: list[str] = []
    count = 0
    i = start
    while count < words:
        if lead and i < len(lead) and rng.random() < 0.6:
            sentence, i = lead[i], i + 1
        elif stories and rng.random() < 0.5:
            other = stories[rng.randrange(len(stories))]
            sentence = other[rng.randrange(len(other))]
        else:
            sentence = _written_sentence(rng)
        out.append(sentence)
        count += len(sentence.split())
    return out


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    paras: list[str] = []
    i = 0
    while i < len(sentences):
        n = rng.randint(1, 4)
        paras.append(" ".join(sentences[i:i + n]))
        i += n
    return "\n\n".join(paras)


def build(n: int, *, words: int = 600, seed: int = 13, voa: Path | None = VOA) -> Iterator[CorpusArticle]:
    """``n`` distinct articles of about ``words`` words each (deterministic for a seed)."""
    stories = load_voa(voa) if voa is not None else []
    rng = random.Random(seed)
    base = dt.date(2024, 1, 1)
    seen: set[str] = set()
    made = 0
    while made < n:
        sentences = _body(rng, stories, words)
        text = _paragraphs(sentences, rng)
        if text in seen:
            continue
        seen.add(text)
        title = " ".join(sentences[0].split()[:9]).rstrip(",.;:")
        published = base + dt.timedelta(days=rng.randrange(700))
        yield CorpusArticle(title, text, published, f"https://bench.invalid/{seed}/{made}")
        made += 1


def write_jsonl(path: Path, articles: Iterator[CorpusArticle]) -> tuple[int, int]:
    """Write the corpus; returns (articles, words)."""
    count = words = 0
    with path.open("w", encoding="utf-8") as f:
        for article in articles:
            f.write(article.to_json() + "\n")
            count += 1
            words += article.words
    return count, words
