"""The array attribute ruler must give exactly what spaCy's attribute ruler gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.nlp import load_nlp, parse
from eventwire.tag_rules import FastAttributeRuler

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ODD = (
    "We ain't gonna go, y'all, let's c'm on. There is a man outside. There's gotta be a way, "
    "isn't there? THE REBELS SAID THEY WOULD NOT STOP.  Double  spaces\tand tabs.\n\nNew paragraph."
)


def _texts() -> list[str]:
    texts = [ODD, ODD.lower()]
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix == ".txt":
            texts.append(path.read_text(encoding="utf-8"))
        elif path.suffix == ".jsonl":
            texts += [json.loads(line).get("text") or "" for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [t for t in texts if t]


def _annotations(doc) -> list[tuple[int, int, int, int, int]]:  # type: ignore[no-untyped-def]
    return [(t.pos, t.morph.key, t.lemma, t.tag, t.dep) for t in doc]


@pytest.mark.slow
def test_same_parts_of_speech_morphology_and_lemmas_as_spacy() -> None:
    nlp = load_nlp()
    fast = FastAttributeRuler(nlp)
    texts = _texts()
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = list(nlp.pipe(texts))
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    from spacy.tokens import Doc

    for doc in parsed:
        expected = lemmatizer(ruler(Doc(doc.vocab).from_bytes(doc.to_bytes())))
        got = lemmatizer(fast(Doc(doc.vocab).from_bytes(doc.to_bytes())))
        assert _annotations(got) == _annotations(expected)
    assert sum(len(d) for d in parsed) > 400


@pytest.mark.slow
def test_parse_matches_the_plain_spacy_pipeline() -> None:
    nlp = load_nlp()
    texts = _texts()
    for fast, plain in zip(parse(nlp, texts), nlp.pipe(texts), strict=True):
        assert _annotations(fast) == _annotations(plain)
        assert [(e.start, e.end, e.label_) for e in fast.ents] == [(e.start, e.end, e.label_) for e in plain.ents]
