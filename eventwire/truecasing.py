"""Restoring case in ALL-CAPS text (wire feeds, the MUC corpus) before the parser and NER see it.

spaCy's tagger and NER are trained on mixed case; on "THE FMLN ATTACKED SAN MIGUEL" they tag
nearly every word a proper noun. ``Truecaser.restore`` lower-cases the text and gives each word
its most likely case from the PyPI ``truecase`` model (a statistical casing model, used offline on
our own tokens), then upper-cases the acronyms of the actor dictionary ("FMLN", "ELN").

The result has exactly the length of the input, character for character except for case, so
every offset computed on it indexes the original article text.
"""

from __future__ import annotations

import functools
import re
import string
import threading
from collections.abc import Iterable, Sequence
from typing import Any

TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+|[^\w\s]")


def is_all_caps(text: str, *, sample: int = 5000) -> bool:
    """True when nearly all letters are capitals (at least 40 letters looked at)."""
    letters = [c for c in text[:sample] if c.isalpha()]
    return len(letters) >= 40 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def is_caseless(text: str, *, sample: int = 5000) -> bool:
    """ALL CAPS or all lower case (some archives and scrapes lower-case everything)."""
    letters = [c for c in text[:sample] if c.isascii() and c.isalpha()]
    if len(letters) < 40:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper > 0.8 or upper < 0.005


_LOADING = threading.Lock()


def casing_model() -> Any:
    """The ``truecase`` package's model (a few seconds to load; one per process, even when two
    threads ask for it at once: the second waits for the first's load)."""
    with _LOADING:
        return _load_casing_model()


@functools.lru_cache(maxsize=1)
def _load_casing_model() -> Any:
    """The package keeps each word's casings in a set: its iteration order (and so the order of the
    floating-point sums in its scores, and which of two equal scores wins) changed with Python's
    hash seed from one process to the next; sorted tuples make the casing reproducible."""
    from truecase import get_truecaser

    model = get_truecaser()
    model.word_casing_lookup = {word: tuple(sorted(options)) for word, options in model.word_casing_lookup.items()}
    return model


def common_word(word: str) -> bool:
    """Does the casing model know ``word`` written in lower case (a common word, not only a name)?"""
    lower = word.lower()
    return lower in casing_model().word_casing_lookup.get(lower, ())


MEMO_LIMIT = 400_000  # remembered (previous, word, next) choices per process, about 60 MB at most


class Truecaser:
    """Load once per worker (the model takes a few seconds); ``restore`` is pure afterwards.

    The choices are the ``truecase`` package's own (:meth:`_true_case` follows its
    ``get_true_case_from_tokens`` step by step), except for words the model never saw: it title-cases
    them all, which suits names ("Soacha") but makes a verb form of a known word ("machinegunned",
    "strafed") an adjective or a name to the tagger, so those stay lower case. A word's casing
    depends only on the casing chosen for the previous word, the word and the next word, so each
    such triple is scored once per process and remembered: news repeats its trigrams, and scoring
    is all the cost.
    """

    def __init__(self, acronyms: Iterable[str] = ()) -> None:
        self._model: Any = casing_model()
        self.acronyms = frozenset(a.upper() for a in acronyms if a.isalpha())
        self._memo: dict[tuple[str | None, str, str | None], str] = {}

    def _true_case(self, tokens: Sequence[str]) -> list[str]:
        """The package's casing of lower-cased ``tokens`` (out-of-vocabulary words title-cased)."""
        lookup = self._model.word_casing_lookup
        out: list[str] = []
        for i, token in enumerate(tokens):
            if token in string.punctuation or token.isdigit():
                out.append(token)
                continue
            options = lookup.get(token)
            if options is None:
                out.append(token if self._inflects_common_word(token) else _title(token))
                continue
            if len(options) == 1:
                out.append(next(iter(options)))
            else:
                out.append(self._best(out[i - 1] if i else None, token, tokens[i + 1] if i + 1 < len(tokens) else None))
            if i == 0:
                out[0] = out[0].capitalize()
        return out

    def _inflects_common_word(self, token: str) -> bool:
        """An unknown word that is a known lower-case word plus an ending ("machinegunned",
        "strafed", "kidnaping"): a verb form, not the unknown name the model would title-case."""
        lookup = self._model.word_casing_lookup
        for ending in ("ing", "ed", "d"):
            if not token.endswith(ending) or len(token) - len(ending) < 3:
                continue
            stem = token[: -len(ending)]
            doubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem
            if any(w in lookup.get(w, ()) for w in (stem, doubled, stem + "e")):  # known in lower case
                return True
        return False

    def _best(self, previous: str | None, token: str, following: str | None) -> str:
        key = (previous, token, following)
        best = self._memo.get(key)
        if best is None:
            score, best = float("-inf"), token
            for option in self._model.word_casing_lookup[token]:  # first best wins, as in the package
                s = self._model.get_score(previous, option, following)
                if s > score:
                    score, best = s, option
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            self._memo[key] = best
        return best

    def restore(self, text: str) -> str:
        spans = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        tokens = [text[a:b].lower() for a, b in spans]
        cased = self._true_case(tokens)
        out = list(text.lower()) if len(text.lower()) == len(text) else list(text)
        for (a, b), word, original in zip(spans, cased, tokens):
            if original.upper() in self.acronyms and len(original) > 1:
                word = original.upper()
            if len(word) == b - a:
                out[a:b] = word
        return _sentence_initials("".join(out))


CLITICS = frozenset({"s", "t", "d", "ll", "re", "ve", "m"})


def _title(word: str) -> str:
    """A name's capitals: "soacha" -> "Soacha", "o'hare" -> "O'Hare", but "cerezo's" -> "Cerezo's"
    (``str.title`` writes "Cerezo'S", which the tagger reads as a second name)."""
    parts = re.split(r"(['’])", word, maxsplit=1)
    if len(parts) == 3 and parts[2].lower() in CLITICS:
        return parts[0].title() + parts[1] + parts[2].lower()
    return word.title()


def _sentence_initials(text: str) -> str:
    """Capitalise the first letter of each sentence and paragraph (in hard-wrapped copy a line
    end is no paragraph end: only a blank or an indented line starts one)."""
    para = r"\n[ \t]*\n\s*|\n[ \t]+" if hard_wrapped(text) else r"\n\s*"
    return re.sub(rf"(^|[.!?]\s+|{para})([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)


def hard_wrapped(text: str) -> bool:
    """Copy broken into lines of a fixed width (wire services, the MUC corpus): most lines that
    go on in the next line are 50 to 80 characters long. One paragraph per line is not."""
    lines = text.split("\n")
    continued = [len(a) for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    return len(continued) >= 3 and sum(50 <= n <= 80 for n in continued) >= 0.6 * len(continued)
