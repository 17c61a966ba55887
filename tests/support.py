"""Shared helpers for tests: where ../shared is, and one Pipeline per test session."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "000_bdb1c6aea4578a68.txt"
EXAMPLES = REPO / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (set EVENTWIRE_SHARED to the shared/ folder)")
    return path


@functools.lru_cache(maxsize=1)
def pipeline():  # type: ignore[no-untyped-def]
    """One Pipeline (spaCy + gazetteer + dictionaries) shared by all tests of a session."""
    from eventwire.pipeline import Pipeline

    return Pipeline()


def events_of(text: str, published: str | None = "2015-11-12"):  # type: ignore[no-untyped-def]
    """Events of a short hand-written text, through the real pipeline."""
    import datetime as dt

    from eventwire.records import Article, ArticleResult, content_id

    article = Article(
        id=content_id(text), text=text,
        published=dt.date.fromisoformat(published) if published else None,
    )
    result = pipeline()(article)
    assert isinstance(result, ArticleResult), result
    return result.events
