"""The eventwire HTTP API: ``create_app(db)`` returns a FastAPI app (contract in docs/api.md).

    GET  /api/health            versions and counts
    GET  /api/events            merged events: filters, sort, paging; JSON, GeoJSON or CSV
    GET  /api/events/{id}       one merged event with every report, its evidence and spans
    GET  /api/articles/{id}     an article's text with the spans of all its events
    POST /api/articles          process, store and merge one article (token when configured)
    GET  /api/stats             counts by day, type, country, actor under the same filters
    GET  /api/outlines          country outlines (GeoJSON) for an offline base map
    GET  /                      the web UI (eventwire/web/static/index.html)
    /static, /vendor/leaflet, /vendor/markercluster   UI files and the Leaflet packages
    /openapi.json, /docs        the schema (offline) and Swagger UI (loads from a CDN)

Building the app brings the database's merged events up to date (an incremental merge), so every
stored report belongs to a merged event. Route functions are plain ``def``: Starlette runs them in
worker threads, and each thread opens its own store connection once (SQLite connections cannot
move between threads).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import re
import threading
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Depends, FastAPI, Path as PathParam, Query, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BeforeValidator, WithJsonSchema

from eventwire import __version__
from eventwire.errors import StoreError
from eventwire.records import PLOVER_TYPES, STATUSES
from eventwire.store import Store, open_store
from eventwire.store.merge_schema import ALL_MIGRATIONS, merge_store
from eventwire.store.query import country_alpha2, parse_near

from . import queries, views
from .errors import ApiError, install_error_handlers
from .guard import Guard
from .models import (
    ArticleIn, ArticleOut, ErrorOut, EventDetail, EventPage, Health, Stats, Submitted,
)
from .submit import Submitter

if TYPE_CHECKING:
    from eventwire.pipeline import Pipeline

STATIC_DIR = Path(__file__).resolve().parent / "static"
MAX_BODY_BYTES = 2_000_000
DOCS_CDN = "https://cdn.jsdelivr.net"
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 404, 422, 500)
}


class _Stores:
    """One open store per worker thread, opened on first use and dropped after a database error
    (so a broken connection, e.g. after a PostgreSQL restart, is replaced on the next request)."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()

    @contextmanager
    def session(self) -> Iterator[Store]:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db, migrations=ALL_MIGRATIONS)
            self._local.store = store
        try:
            yield store
        except StoreError:
            self._local.store = None
            with suppress(Exception):
                store.close()
            raise


# --- query parameters --------------------------------------------------------------------------


def _bad(message: str) -> ApiError:
    return ApiError(422, "E_QUERY", message)


def _parse_near(value: str) -> tuple[float, float, float]:
    try:
        return parse_near(value)
    except StoreError as e:
        raise _bad(str(e.args[0])) from None


def _parse_statuses(value: str) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(s.strip().lower() for s in value.split(",") if s.strip()))
    unknown = [s for s in wanted if s not in STATUSES]
    if unknown:
        raise _bad(f"status must be a comma list of {', '.join(STATUSES)}; got {value!r}")
    return wanted


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` reaches the date parser (pydantic alone would read ``0`` as 1970-01-01, a Unix
    time); an empty value means no filter."""
    if isinstance(value, str):
        if not value.strip():
            return None
        if not _ISO_DAY.match(value.strip()):
            raise ValueError("a date must be written YYYY-MM-DD")
        return value.strip()
    return value


# What the schema says a date filter accepts: a day, or an empty value (no filter).
_DAY_SCHEMA = WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "maxLength": 0},
                                        {"type": "null"}]})

_Q_TYPE = Query(max_length=40, description="PLOVER type: " + ", ".join(PLOVER_TYPES))
_Q_ACTOR = Query(max_length=200, description="Actor or recipient name (any case).")
_Q_COUNTRY = Query(max_length=3, description="ISO 3166-1 alpha-2 or alpha-3 code of the place.")
_Q_SINCE = Query(description="Events on or after this day (YYYY-MM-DD).")
_Q_UNTIL = Query(description="Events on or before this day (YYYY-MM-DD).")
_Q_NEAR = Query(max_length=100, description="LAT,LON,KM: events within KM kilometres of a point.")
_Q_STATUS = Query(max_length=200, description="Comma list of: " + ", ".join(STATUSES))
_Q_CONFIDENCE = Query(ge=0, le=1, description="Lowest confidence kept.")
_Q_TEXT = Query(max_length=200, description="Search actors, places, evidence sentences, titles.")


def event_filters(
    type: Annotated[str | None, _Q_TYPE] = None,
    actor: Annotated[str | None, _Q_ACTOR] = None,
    country: Annotated[str | None, _Q_COUNTRY] = None,
    since: Annotated[dt.date | None, BeforeValidator(_iso_day), _DAY_SCHEMA, _Q_SINCE] = None,
    until: Annotated[dt.date | None, BeforeValidator(_iso_day), _DAY_SCHEMA, _Q_UNTIL] = None,
    near: Annotated[str | None, _Q_NEAR] = None,
    status: Annotated[str | None, _Q_STATUS] = None,
    min_confidence: Annotated[float | None, _Q_CONFIDENCE] = None,
    q: Annotated[str | None, _Q_TEXT] = None,
) -> queries.EventQuery:
    """The shared filters of /api/events and /api/stats, checked (422 ``E_QUERY`` when wrong)."""
    kind = type.strip().upper() if type and type.strip() else None
    if kind is not None and kind not in PLOVER_TYPES:
        raise _bad(f"unknown type {type!r}: use one of {', '.join(PLOVER_TYPES)}")
    if since is not None and until is not None and since > until:
        raise _bad(f"since ({since}) is after until ({until})")
    return queries.EventQuery(
        type=kind, actor=actor.strip() or None if actor else None,
        country=country_alpha2(country) if country and country.strip() else None,
        since=since, until=until, near=_parse_near(near) if near else None,
        statuses=_parse_statuses(status) if status else (),
        min_confidence=min_confidence, q=q.strip() or None if q else None,
    )


Filters = Annotated[queries.EventQuery, Depends(event_filters)]


# --- the app -----------------------------------------------------------------------------------


def _docs_page(title: str) -> tuple[HTMLResponse, str]:
    """Swagger UI's page and a CSP that allows exactly its CDN files and its one inline script."""
    page = get_swagger_ui_html(openapi_url="/openapi.json", title=title)
    html = bytes(page.body).decode("utf-8")
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
        for s in re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    )
    csp = (f"default-src 'self'; script-src 'self' {DOCS_CDN} {hashes}; "
           f"style-src 'self' {DOCS_CDN} 'unsafe-inline'; img-src 'self' data: https://fastapi.tiangolo.com; "
           "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
    return HTMLResponse(html), csp


def _token_checker(token: str | None) -> Callable[..., None]:
    bearer = HTTPBearer(auto_error=False, description="Needed when the server runs with --token.")

    def check(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:  # noqa: B008
        if token is None:
            return
        given = credentials.credentials if credentials is not None else ""
        if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
            raise ApiError(401, "E_UNAUTHORIZED", "send 'Authorization: Bearer TOKEN' with the server's token",
                           headers={"WWW-Authenticate": "Bearer"})

    return check


def _default_pipeline() -> Pipeline:
    from eventwire.pipeline import Pipeline  # spaCy: imported on the first POST, not at startup

    return Pipeline()


def create_app(
    db: str, *, token: str | None = None, max_body_bytes: int = MAX_BODY_BYTES,
    allowed_hosts: Collection[str] | None = None, make_pipeline: Callable[[], Pipeline] | None = None,
) -> FastAPI:
    """The API over the store at ``db`` (SQLite path or postgresql:// URL).

    ``token``: required as a Bearer token by POST /api/articles (None: no token needed).
    ``max_body_bytes``: larger request bodies get 413. ``allowed_hosts``: Host names answered
    (None: any). ``make_pipeline``: builds the Pipeline on the first POST (default ``Pipeline()``).
    """
    with open_store(db, migrations=ALL_MIGRATIONS) as store:
        merge_store(store)
    stores, submitter = _Stores(db), Submitter(make_pipeline or _default_pipeline)
    docs_page, docs_csp = _docs_page("eventwire API")
    app = FastAPI(
        title="eventwire API", version=__version__, docs_url=None, redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        description="Conflict events extracted from news articles, merged across reports, with evidence.",
    )
    install_error_handlers(app)
    app.add_middleware(Guard, max_body_bytes=max_body_bytes, allowed_hosts=allowed_hosts,
                       csp_by_path={"/docs": docs_csp})
    _add_read_routes(app, stores)
    _add_write_route(app, stores, submitter, _token_checker(token or None))
    _add_pages(app, docs_page)
    return app


def _events_response(store: Store, filters: queries.EventQuery, sort: str, page: int, page_size: int,
                     format: str) -> Any:
    total, chosen = queries.page_ids(store, filters, sort, page, page_size, located=format == "geojson")
    items = [views.summary(m) for m in queries.load(store, chosen)]
    if format == "csv":
        return Response(views.to_csv(items), media_type="text/csv; charset=utf-8", headers={
            "Content-Disposition": 'attachment; filename="eventwire-events.csv"', "X-Total-Count": str(total)})
    if format == "geojson":
        body = views.feature_collection(items, total, page, page_size)
        return Response(json.dumps(body), media_type="application/geo+json")
    return {"total": total, "page": page, "page_size": page_size, "items": items}


def _event_detail(store: Store, event_id: str) -> dict[str, Any]:
    merged = queries.get(store, event_id)
    if merged is None:
        raise ApiError(404, "E_NOT_FOUND", f"no merged event with id {event_id!r}")
    return views.detail(merged, queries.article_texts(store, [r.article_id for r in merged.reports]))


def _article_view(store: Store, article_id: str) -> dict[str, Any]:
    article = store.get_article(article_id)
    if article is None:
        raise ApiError(404, "E_NOT_FOUND", f"no article with id {article_id!r}")
    found = queries.article_events(store, article_id)
    return {
        "id": article.id, "title": article.title, "source": article.source, "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text, "spans": views.article_spans([e for e, _ in found], article.text),
        "events": [{"id": e.id, "merged_id": m, "type": e.type, "status": e.status} for e, m in found],
    }


_GEOJSON = {"schema": {"type": "object", "description": "GeoJSON FeatureCollection"}}


def _add_read_routes(app: FastAPI, stores: _Stores) -> None:
    @app.get("/api/health", response_model=Health, tags=["meta"])
    def health() -> dict[str, Any]:
        """Version, backend and counts: articles, event reports, merged events."""
        with stores.session() as store:
            return {"status": "ok", "version": __version__, "backend": store.backend, **queries.counts(store)}

    @app.get("/api/events", response_model=EventPage, tags=["events"], responses={
        **_ERRORS,
        200: {"content": {"application/geo+json": _GEOJSON, "text/csv": {"schema": {"type": "string"}}}},
    })
    def list_events(
        filters: Filters,
        sort: Annotated[Literal["date", "-date", "fatalities", "-fatalities", "confidence", "-confidence"],
                        Query(description="Order; '-' for descending. Missing values last.")] = "-date",
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
        page_size: Annotated[int, Query(ge=1, le=500)] = 100,
        format: Annotated[Literal["json", "geojson", "csv"], Query()] = "json",
    ) -> Any:
        """Merged events matching every filter, one page at a time.

        ``geojson`` pages over located events only (``total`` counts those)."""
        with stores.session() as store:
            return _events_response(store, filters, sort, page, page_size, format)

    @app.get("/api/events/{event_id}", response_model=EventDetail, tags=["events"], responses=_ERRORS)
    def get_event(event_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """One merged event with every report: source, evidence sentence and highlighted spans."""
        with stores.session() as store:
            return _event_detail(store, event_id)

    @app.get("/api/articles/{article_id}", response_model=ArticleOut, tags=["articles"], responses=_ERRORS)
    def get_article(article_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """An article's cleaned text with the evidence spans of all its events."""
        with stores.session() as store:
            return _article_view(store, article_id)

    @app.get("/api/stats", response_model=Stats, tags=["events"], responses=_ERRORS)
    def get_stats(filters: Filters) -> dict[str, Any]:
        """Counts of the merged events matching the filters (same filters as /api/events)."""
        with stores.session() as store:
            return queries.stats(queries.matching(store, filters, actor=True))

    outlines: dict[str, bytes] = {}

    @app.get("/api/outlines", tags=["meta"], responses={200: {"content": {"application/geo+json": _GEOJSON}}})
    def get_outlines() -> Response:
        """Simplified country outlines ([lon, lat]) for a base map that needs no tile server."""
        if "body" not in outlines:
            from eventwire.outlines import country_outlines

            outlines["body"] = json.dumps(country_outlines(), separators=(",", ":")).encode("utf-8")
        return Response(outlines["body"], media_type="application/geo+json",
                        headers={"Cache-Control": "public, max-age=86400"})


def _add_write_route(app: FastAPI, stores: _Stores, submitter: Submitter, check: Callable[..., None]) -> None:
    @app.post("/api/articles", response_model=Submitted, status_code=201, tags=["articles"],
              responses={**_ERRORS, 200: {"model": Submitted, "description": "Already stored"},
                         401: {"model": ErrorOut}, 413: {"model": ErrorOut}},
              dependencies=[Depends(check)])
    def post_article(body: ArticleIn, response: Response) -> dict[str, Any]:
        """Process one article as ``eventwire process`` would, store it and merge its events.

        201 when new; 200 when the same text is already stored; 422 with the rejection code for
        unusable input (E_EMPTY, E_TOO_SHORT, E_LANGUAGE, E_HTML, E_DATE...)."""
        with stores.session() as store:
            new, result = submitter.submit(store, body)
        if not new:
            response.status_code = 200
        return result


def _add_pages(app: FastAPI, docs_page: HTMLResponse) -> None:
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return docs_page

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        page = STATIC_DIR / "index.html"
        if not page.is_file():
            raise ApiError(404, "E_NOT_FOUND", "the web UI is not installed (eventwire/web/static/index.html)")
        return FileResponse(page, media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    app.mount("/vendor/leaflet", StaticFiles(directory=leaflet.BASE_DIR), name="leaflet")
    app.mount("/vendor/markercluster", StaticFiles(directory=markercluster.BASE_DIR), name="markercluster")


__all__ = ["MAX_BODY_BYTES", "STATIC_DIR", "create_app", "event_filters"]
