"""eventwire: raw news articles in, evidenced conflict-event data out.

    >>> from eventwire import Pipeline, Article
    >>> pipeline = Pipeline()
    >>> result = pipeline(article)            # one Article -> ArticleResult | Rejected
    >>> for r in pipeline.pipe(articles): ... # a stream, same order
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .records import (
    Actor, Article, ArticleResult, Event, Evidence, Mention, Number, Place, Rejected, Sentence,
    TimeRef,
)

if TYPE_CHECKING:
    from .pipeline import Pipeline

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # Pipeline pulls in spaCy; import it only when asked for.
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)


__all__ = [
    "Actor", "Article", "ArticleResult", "Event", "Evidence", "Mention", "Number", "Pipeline",
    "Place", "Rejected", "Sentence", "TimeRef", "__version__",
]
