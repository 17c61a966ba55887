"""spaCy's attribute ruler, matched with array operations instead of the token Matcher.

``en_core_web_sm``'s ``attribute_ruler`` maps fine-grained tags to parts of speech and
morphology (the old tag map) plus a few dozen word exceptions. It holds about 180 one- and
two-token patterns over TAG, LOWER, DEP and IS_SPACE, and spaCy's general Matcher costs about as
much as the parser on news text. ``FastAttributeRuler`` finds exactly the same matches with numpy
comparisons over the Doc's attribute arrays, then applies them with spaCy's own function, in
spaCy's order (later patterns win). Anything it cannot match this way (an operator or attribute
the model does not use today) makes it refuse to build, and the caller keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy
    from spacy.language import Language
    from spacy.tokens import Doc

_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class UnsupportedPattern(ValueError):
    """A pattern this matcher does not handle; use spaCy's attribute ruler instead."""


@dataclass(frozen=True, slots=True)
class _Rule:
    attr_id: int
    index: int  # which token of the match gets the attributes
    alternatives: tuple[tuple[Callable[[dict[str, Any]], Any], ...], ...]  # per pattern, per token


class FastAttributeRuler:
    """Callable on a parsed Doc, with the effect of the model's ``attribute_ruler``."""

    def __init__(self, nlp: Language) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        ruler = nlp.get_pipe("attribute_ruler")
        self._set = set_token_attrs
        self._attrs = ruler.attrs
        self._strings = nlp.vocab.strings
        rules = []
        for attr_id in range(len(ruler.attrs)):
            patterns = ruler.matcher.get(str(attr_id))[1]
            rules.append(_Rule(attr_id, ruler.indices[attr_id], tuple(
                tuple(self._token_test(spec) for spec in pattern) for pattern in patterns
            )))
        self._rules = tuple(rules)

    def _token_test(self, spec: dict[str, Any]) -> Callable[[dict[str, Any]], Any]:
        tests = []
        for key, value in spec.items():
            if key not in _COLUMNS:
                raise UnsupportedPattern(f"attribute {key}")
            tests.append(self._value_test(key, value))

        def test(cols: dict[str, Any]) -> Any:
            mask = tests[0](cols)
            for more in tests[1:]:
                mask = mask & more(cols)
            return mask

        return test

    def _value_test(self, key: str, value: Any) -> Callable[[dict[str, Any]], Any]:
        import numpy

        if key == "IS_SPACE":
            if not isinstance(value, bool):
                raise UnsupportedPattern(f"IS_SPACE {value!r}")
            return lambda cols: cols["IS_SPACE"] == int(value)
        if isinstance(value, str):
            wanted = self._strings[value]
            return lambda cols: cols[key] == wanted
        if isinstance(value, dict) and set(value) == {"IN"}:
            wanted_all = numpy.array([self._strings[v] for v in value["IN"]], dtype="uint64")
            return lambda cols: numpy.isin(cols[key], wanted_all)
        if isinstance(value, dict) and set(value) == {"NOT_IN"}:
            unwanted = numpy.array([self._strings[v] for v in value["NOT_IN"]], dtype="uint64")
            return lambda cols: ~numpy.isin(cols[key], unwanted)
        if isinstance(value, dict) and set(value) == {"REGEX"} and key == "LOWER":
            regex = re.compile(value["REGEX"])
            return lambda cols: numpy.array([bool(regex.search(w)) for w in cols["lower_text"]], dtype=bool)
        raise UnsupportedPattern(f"{key} {value!r}")

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(attribute set id, start, end) of every match, in the order spaCy applies them."""
        if len(doc) == 0:
            return []
        cols = _columns(doc)
        found: list[tuple[int, int, int]] = []
        for rule in self._rules:
            for tests in rule.alternatives:
                starts = _starts(tests, cols, len(doc))
                found.extend((rule.attr_id, int(s), int(s) + len(tests)) for s in starts)
        found.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        for attr_id, start, end in self.matches(doc):
            index = self._rules[attr_id].index
            self._set(doc[start + index if index >= 0 else end + index], self._attrs[attr_id])
        return doc


def _columns(doc: Doc) -> dict[str, Any]:
    from spacy import attrs

    array = doc.to_array([int(getattr(attrs, name)) for name in _COLUMNS])
    cols: dict[str, Any] = {name: array[:, k] for k, name in enumerate(_COLUMNS)}
    cols["lower_text"] = [t.lower_ for t in doc]
    return cols


def _starts(tests: Sequence[Callable[[dict[str, Any]], Any]], cols: dict[str, Any], n: int) -> numpy.ndarray:
    import numpy

    width = len(tests)
    if width > n:
        return numpy.zeros(0, dtype=int)
    mask = numpy.ones(n - width + 1, dtype=bool)
    for offset, test in enumerate(tests):
        mask &= numpy.asarray(test(cols), dtype=bool)[offset:offset + n - width + 1]
    return numpy.flatnonzero(mask)


def fast_ruler_for(nlp: Language) -> FastAttributeRuler | None:
    """The array matcher for this model's attribute ruler, or None to keep spaCy's."""
    if "attribute_ruler" not in nlp.pipe_names:
        return None
    try:
        return FastAttributeRuler(nlp)
    except UnsupportedPattern:
        return None
