"""``POST /api/articles``: one article through the same path as ``eventwire process``, then merged.

    body -> RawItem -> to_article (clean, language, date) -> Pipeline -> store.add_results
         -> merge_store (incremental) -> ids of the reports and of their merged events

Bad input is answered with 422 and the rejection code ``eventwire process`` would give
(``E_EMPTY``, ``E_TOO_SHORT``, ``E_LANGUAGE``, ``E_HTML``, ``E_DATE``...). An article already stored
(same cleaned text, hence same id) is not processed again: the answer names its stored events.

The :class:`Submitter` owns the one Pipeline of an app, loaded on the first POST, and a lock: one
article is processed, stored and merged at a time (spaCy and the merge step are not run
concurrently), while reads go on in other threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from eventwire.errors import REJECTION_CODES
from eventwire.ingest import RawItem, to_article
from eventwire.records import Rejected
from eventwire.store.merge_schema import merge_store

from .errors import ApiError
from .models import ArticleIn
from .queries import article_events

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

ORIGIN = "api"


def _rejected(code: str, reason: str) -> ApiError:
    return ApiError(422, code, reason, {"rejection": REJECTION_CODES.get(code)})


def raw_item(body: ArticleIn) -> RawItem:
    """The body as ingest's RawItem, or 422 when it does not hold exactly one non-blank text."""
    given = {k: v for k, v in (("text", body.text), ("html", body.html)) if v is not None}
    if len(given) > 1:
        raise ApiError(422, "E_VALIDATION", "give either 'text' or 'html', not both")
    if not given or not next(iter(given.values())).strip():
        raise _rejected("E_EMPTY", "the article has no text: give a non-empty 'text' or 'html'")
    meta = tuple((k, v) for k, v in (("url", body.url), ("title", body.title),
                                     ("published", body.published), ("source", body.source)) if v)
    return RawItem(origin=ORIGIN, text=body.text, html=body.html, meta=meta)


class Submitter:
    """Processes posted articles into a store; one Pipeline, created on first use."""

    def __init__(self, make_pipeline: Callable[[], Pipeline]) -> None:
        self._make_pipeline = make_pipeline
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def submit(self, store: Any, body: ArticleIn) -> tuple[bool, dict[str, Any]]:
        """(whether the article is new, the response body). Raises ApiError for bad input."""
        article = to_article(raw_item(body))
        if isinstance(article, Rejected):
            raise _rejected(article.code, article.reason)
        with self._lock:
            new = not store.has_article(article.id)
            if new:
                if self._pipeline is None:
                    self._pipeline = self._make_pipeline()
                result = self._pipeline(article)
                if isinstance(result, Rejected):
                    raise _rejected(result.code, result.reason)
                store.add_results([result])
            merge_store(store)
            found = article_events(store, article.id)
        merged = list(dict.fromkeys(cluster for _, cluster in found if cluster is not None))
        return new, {"article_id": article.id, "events": [e.id for e, _ in found],
                     "merged_events": merged}


__all__ = ["ORIGIN", "Submitter", "raw_item"]
