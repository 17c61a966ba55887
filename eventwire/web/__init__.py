"""The HTTP API and web UI of eventwire (``eventwire serve``).

    create_app(db) -> FastAPI app      eventwire.web.api      routes (contract in docs/api.md)
    merged-event queries                eventwire.web.queries  filters, sorting, paging, stats in SQL
    records -> JSON                     eventwire.web.views    EventSummary, Report, spans, CSV rows
    response and request shapes         eventwire.web.models   pydantic models (the OpenAPI schema)
    one error shape, headers, limits    eventwire.web.errors, eventwire.web.guard
    POST /api/articles                  eventwire.web.submit   the real pipeline, store, merge
    the click command                   eventwire.web.serve    uvicorn

This package imports FastAPI only when an app is built, so ``eventwire --help`` stays fast.
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .api import create_app

        return create_app
    raise AttributeError(name)


__all__ = ["create_app"]
