"""The trigger lexicon (``data/triggers.tsv``) and matching it against a spaCy parse.

A trigger is a verb or noun that starts an event: "bombed", "air strikes", "threatening".
Multi-word entries ("air strike", "open fire", "call for") match a head token plus one of its
children (compound, amod, dobj, prt, prep) or the token just before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True, slots=True)
class Sense:
    phrase: str
    pos: str  # VERB | NOUN | *
    type: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token  # the head token of the trigger
    other: Token  # the second word of a multi-word trigger (== token for one word)
    sense: Sense

    @property
    def start(self) -> int:
        return min(self.other.idx, self.token.idx)

    @property
    def end(self) -> int:
        return max(self.token.idx + len(self.token.text), self.other.idx + len(self.other.text))


@dataclass(frozen=True, slots=True)
class Lexicon:
    single: dict[tuple[str, str], Sense]  # (lemma, pos) -> sense; pos "*" as wildcard
    multi: dict[tuple[str, str], Sense]  # (modifier lemma, head lemma) -> sense
    words: frozenset[str] = field(init=False)  # every word of every phrase: a token whose lemma and form are not here starts nothing

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", frozenset(w for w, _ in self.single) | frozenset(w for pair in self.multi for w in pair))

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        if path is None:
            text = resources.files("eventwire").joinpath("data/triggers.tsv").read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        single: dict[tuple[str, str], Sense] = {}
        multi: dict[tuple[str, str], Sense] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            phrase, pos, kind, mode = (c.strip() for c in line.split("\t"))
            sense = Sense(phrase, pos, kind, None if mode == "-" else mode)
            words = phrase.split()
            if len(words) == 1:
                single[(words[0], pos)] = sense
            else:
                multi[(words[0], words[-1])] = sense
        return cls(single, multi)

    def match(self, sent: Span) -> list[Trigger]:
        """Triggers in one sentence, in text order, one per head token.

        Remembered on the Doc (per lexicon and sentence): the NER prefilter and the event coder
        both ask, and the answer depends only on the parse, which neither changes."""
        memo = sent.doc.user_data.setdefault("eventwire_triggers", {})
        key = (id(self), sent.start, sent.end)
        found = memo.get(key)
        if found is None:
            found = memo[key] = [_on_act_noun(t) for t in map(self._match_token, sent) if t is not None]
        return list(found)

    def _match_token(self, token: Token) -> Trigger | None:
        if token.pos_ == "ADJ":
            return self._participle(token)
        if token.pos_ not in ("VERB", "NOUN", "PROPN"):
            return None
        lemma = token.lemma_.lower()
        if lemma not in self.words and token.lower_ not in self.words:
            return self._gerund(token)  # no phrase has this word: cheaper than looking at its children
        # multi-word: head with a modifier child, or the word just before it
        neighbours = [c for c in token.children if c.dep_ in ("compound", "amod", "dobj", "prt", "prep", "nmod", "advmod", "nsubjpass")]
        if token.i > token.sent.start:
            neighbours.append(token.doc[token.i - 1])
        for n in neighbours:
            sense = self.multi.get((n.lemma_.lower(), lemma)) or self.multi.get((lemma, n.lemma_.lower()))
            if sense is not None and n.dep_ == "prep" and n.i > token.i and sense.phrase.split()[0] == n.lemma_.lower():
                continue  # "on strike" is not "strikes on rebel positions"
            if sense is not None:
                return Trigger(token, n, sense)
        pos = "VERB" if token.pos_ == "VERB" else "NOUN"
        sense = self.single.get((lemma, pos)) or self.single.get((lemma, "*"))
        if sense is None and lemma != token.lower_:
            sense = self.single.get((token.lower_, pos)) or self.single.get((token.lower_, "*"))
        if sense is None:
            return None
        return Trigger(token, token, sense)

    def _gerund(self, token: Token) -> Trigger | None:
        """"its sabotaging actions", "machinegunning attacks": an -ing form the tagger calls a noun
        modifier names the violent act of its verb, which the lexicon knows."""
        stem = token.lower_[:-3]
        doubled = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem
        return self._violent_modifier(token, "ing", 7, (stem, stem + "e", doubled))

    def _participle(self, token: Token) -> Trigger | None:
        """"the murdered Jesuits", "the kidnapped businessman": a past participle the tagger calls
        an adjective still names a violent act done to the noun it modifies."""
        word = token.lower_
        return self._violent_modifier(token, "ed", 6, (word[:-2], word[:-1], word[:-3]))

    def _violent_modifier(self, token: Token, ending: str, shortest: int, verbs: tuple[str, ...]) -> Trigger | None:
        """A noun modifier ending in ``ending`` whose verb (the first of ``verbs`` the lexicon knows as
        an assault or coercion) names a violent act."""
        word = token.lower_
        if token.dep_ not in ("amod", "compound") or not word.endswith(ending) or len(word) < shortest:
            return None
        for verb in verbs:
            sense = self.single.get((verb, "VERB")) or self.single.get((verb, "*"))
            if sense is not None and sense.type in ("ASSAULT", "COERCE"):
                return Trigger(token, token, sense)
        return None

ACT_NOUNS = frozenset({"action", "activity", "act", "operation", "campaign"})


def _on_act_noun(trigger: Trigger) -> Trigger:
    """"the FMLN continued its sabotaging actions against ...": a violent verb modifying a noun for
    acts names what the acts were; the noun, with its own verb, subject and objects, anchors them."""
    tok = trigger.token
    if trigger.other.i == tok.i and tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in ACT_NOUNS \
            and trigger.sense.type in ("ASSAULT", "COERCE"):
        return Trigger(tok.head, tok, trigger.sense)
    return trigger

