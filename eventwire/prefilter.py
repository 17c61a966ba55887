"""Cheap prefilter: run spaCy's NER only on sentences that can hold an event.

NER is the most expensive component of ``en_core_web_sm`` (about half of its time on news text)
and the last one in the pipeline, so the parse and lemmas it does not need are already there when
the prefilter decides: a sentence is a candidate when the trigger lexicon matches one of its
tokens or the coder's context-decided triggers find one (the same tests the event coder starts
from). Candidate sentences are copied into one small Doc per article, NER runs on those, and the
entities are written back onto the full Doc (tokens elsewhere are marked outside any entity). On
news text about a third of the sentences are candidates.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from .events.lexicon import Lexicon


def candidate_sentences(doc: Doc, lexicon: Lexicon) -> list[Span]:
    """Sentences with at least one trigger-lexicon match or context-decided trigger; all of them if
    matching fails (the article's own event stage then meets the same error and rejects only that
    article)."""
    from .events.coder import extra_triggers

    try:
        return [sent for sent in doc.sents if lexicon.match(sent) or extra_triggers(sent, lexicon)]
    except Exception:  # noqa: BLE001 - never let one article's failure reach the whole batch
        return list(doc.sents)


def _sub_doc(sents: Sequence[Span]) -> tuple[Doc, list[int], list[int]]:
    """One Doc made of ``sents``, with each sentence's first token in the sub-doc and the doc."""
    from spacy.tokens import Doc

    # NER needs only words, norms, spaces and sentence starts: copying every annotation costs more.
    # Spaces as Doc.from_docs(ensure_whitespace=True) sets them: one between sentences if needed.
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    norms: list[tuple[int, str]] = []  # tokenizer exceptions ("'re" -> "are") live on the token
    sub_starts = []
    for k, s in enumerate(sents):
        sub_starts.append(len(words))
        norms.extend((len(words) + j, t.norm_) for j, t in enumerate(s) if t.norm != t.lex.norm)
        words.extend(t.text for t in s)
        spaces.extend(bool(t.whitespace_) for t in s)
        if k < len(sents) - 1:
            spaces[-1] = spaces[-1] or not s[-1].is_space
        starts.extend([True] + [False] * (len(s) - 1))
    sub = Doc(sents[0].doc.vocab, words=words, spaces=spaces, sent_starts=starts)
    for i, norm in norms:
        sub[i].norm_ = norm
    return sub, sub_starts, [s.start for s in sents]


def _write_back(doc: Doc, sub: Doc | None, sub_starts: list[int], doc_starts: list[int]) -> None:
    from spacy.tokens import Span

    ents = []
    for e in sub.ents if sub is not None else ():
        k = bisect.bisect_right(sub_starts, e.start) - 1
        shift = doc_starts[k] - sub_starts[k]
        ents.append(Span(doc, e.start + shift, e.end + shift, e.label_))
    doc.set_ents(ents, default="outside")


def ner_on_candidates(nlp: Language, docs: Sequence[Doc], lexicon: Lexicon, batch_size: int = 16) -> None:
    """Set ``doc.ents`` of each parsed doc from NER run on its candidate sentences only."""
    ner = nlp.get_pipe("ner")
    plans = []
    for doc in docs:
        sents = candidate_sentences(doc, lexicon)
        plans.append(_sub_doc(sents) if sents else (None, [], []))
    done = iter(ner.pipe([p[0] for p in plans if p[0] is not None], batch_size=batch_size))
    for doc, (sub, sub_starts, doc_starts) in zip(docs, plans):
        _write_back(doc, next(done) if sub is not None else None, sub_starts, doc_starts)
