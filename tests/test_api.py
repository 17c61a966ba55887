"""The HTTP API (eventwire.web) on a real SQLite database built from the bundled examples.

The database is built once per module by running the examples through eventwire's pipeline and
runner; the app (which merges at startup) is called in-process through ``httpx.ASGITransport``.
Tests that write (POST) or break the database work on their own copy.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.gazetteer import distance_km
from eventwire.ingest import read_inputs
from eventwire.runner import process
from eventwire.store import open_store
from eventwire.store.merge_schema import merged_events
from eventwire.web.api import STATIC_DIR, create_app
from support import EXAMPLES, pipeline

pytestmark = pytest.mark.slow

CONTRACT_CSP = (
    "default-src 'self'; img-src 'self' data: https://*.tile.openstreetmap.org; script-src 'self'; "
    "style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
CONTRACT_CSV = (
    "id,type,mode,status,actor,recipient,place,country,lat,lon,precision,date_earliest,date_latest,"
    "fatalities,injuries,confidence,n_reports,n_sources,acled_event_type,acled_sub_event_type,headline"
).split(",")
NEW_ARTICLE = (
    "Government forces shelled rebel positions near Aleppo on Monday, killing at least twelve "
    "fighters, a monitoring group said. The army said it had retaken two villages north of the city."
)


class Client:
    """A synchronous face on ``httpx.AsyncClient`` over the ASGI app, on one event loop."""

    def __init__(self, app: Any, base_url: str = "http://testserver") -> None:
        self.loop = asyncio.new_event_loop()
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base_url)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.loop.run_until_complete(self.client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("api") / "examples.db")
    with open_store(path) as store:
        summary = process(read_inputs([str(EXAMPLES)]), store, make_pipeline=pipeline)
    assert summary.new >= 5 and summary.events >= 10, summary.to_dict()
    return path


@pytest.fixture(scope="module")
def api(db: str) -> Iterator[Client]:
    client = Client(create_app(db, make_pipeline=pipeline))
    yield client
    client.close()


@pytest.fixture
def copy_db(db: str, tmp_path: Path) -> Callable[[], str]:
    """A fresh copy of the module's database (for tests that write or damage it)."""

    def make() -> str:
        target = str(tmp_path / f"copy{len(list(tmp_path.iterdir()))}.db")
        with sqlite3.connect(db) as source, sqlite3.connect(target) as dest:
            source.backup(dest)
        return target

    return make


@pytest.fixture
def client_for() -> Iterator[Callable[..., Client]]:
    made: list[Client] = []

    def make(db: str, **kwargs: Any) -> Client:
        client = Client(create_app(db, make_pipeline=pipeline, **kwargs))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def all_events(api: Client, **params: Any) -> list[dict[str, Any]]:
    response = api.get("/api/events", params={"page_size": 500, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return list(body["items"])


def ids(items: list[dict[str, Any]]) -> list[str]:
    return [item["id"] for item in items]


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """The one error shape, with the HTTP status repeated inside."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "detail"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code, body
    assert "Traceback" not in response.text
    return dict(body["error"])


# --- reading ---------------------------------------------------------------------------------------


def test_health_counts_every_report_as_part_of_a_merged_event(api: Client, db: str) -> None:
    health = api.get("/api/health").json()
    with open_store(db) as store:
        stats = store.stats()
    assert health["status"] == "ok" and health["backend"] == "sqlite" and health["version"]
    assert (health["articles"], health["events"]) == (stats["articles"], stats["events"])
    items = all_events(api)
    assert health["merged_events"] == len(items) > 0
    assert sum(item["n_reports"] for item in items) == health["events"]


def test_paging_walks_every_event_once_with_a_stable_total(api: Client) -> None:
    everything = ids(all_events(api))
    seen: list[str] = []
    for page in range(1, len(everything) // 4 + 2):
        body = api.get("/api/events", params={"page": page, "page_size": 4}).json()
        assert (body["total"], body["page"], body["page_size"]) == (len(everything), page, 4)
        assert len(body["items"]) <= 4
        seen += ids(body["items"])
    assert seen == everything and len(set(seen)) == len(seen)
    beyond = api.get("/api/events", params={"page": 99, "page_size": 4}).json()
    assert beyond["items"] == [] and beyond["total"] == len(everything)


@pytest.mark.parametrize("sort", ["date", "-date", "fatalities", "-fatalities", "confidence", "-confidence"])
def test_sort_orders_with_missing_values_last(api: Client, sort: str) -> None:
    items = all_events(api, sort=sort)
    field = sort.lstrip("-")

    def value(i: dict[str, Any]) -> Any:
        by = {"date": i["date_earliest"], "fatalities": i["fatalities"]["best"], "confidence": i["confidence"]}
        return by[field]

    values = [value(i) for i in items]
    present = [v for v in values if v is not None]
    assert values[:len(present)] == present, "missing values come last"
    assert present == sorted(present, reverse=sort.startswith("-"))
    assert len(set(present)) > 1, "the examples should give something to sort"


def test_default_order_is_newest_first(api: Client) -> None:
    assert ids(all_events(api)) == ids(all_events(api, sort="-date"))


@pytest.mark.parametrize("params,holds", [
    ({"type": "coerce"}, lambda i: i["type"] == "COERCE"),
    ({"type": "ASSAULT"}, lambda i: i["type"] == "ASSAULT"),
    ({"country": "ML"}, lambda i: (i["place"] or {}).get("country") == "ML"),
    ({"country": "mli"}, lambda i: (i["place"] or {}).get("country") == "ML"),
    ({"since": "2023-03-09", "until": "2024-01-31"},
     lambda i: i["date_earliest"] is not None
     and i["date_latest"] >= "2023-03-09" and i["date_earliest"] <= "2024-01-31"),
    ({"since": "2024-01-01"}, lambda i: i["date_latest"] is not None and i["date_latest"] >= "2024-01-01"),
], ids=["type", "type-upper", "country", "country-iso3", "since-until", "since"])
def test_filters_on_shown_fields_keep_exactly_the_events_that_show_them(
    api: Client, params: dict[str, str], holds: Callable[[dict[str, Any]], bool],
) -> None:
    items = all_events(api)
    found = all_events(api, **params)
    assert ids(found) == [i["id"] for i in items if holds(i)]
    assert 0 < len(found) < len(items), params


def test_actor_filter_matches_any_report_as_the_cli_does(api: Client, db: str) -> None:
    items = all_events(api)
    for name in ("taliban", "POLICE"):
        found = all_events(api, actor=name)
        with open_store(db) as store:
            assert set(ids(found)) == {m.id for m in merged_events(store, actor=name)}
        assert 0 < len(found) < len(items)
        assert {i["id"] for i in items if name.lower() in ((i["actor"] or {}).get("name") or "").lower()} \
            <= set(ids(found))


def test_near_keeps_only_events_within_the_radius(api: Client) -> None:
    items = all_events(api)
    nairobi = next(i["place"] for i in items if i["place"] and i["place"]["name"] == "Nairobi")
    found = all_events(api, near=f"{nairobi['lat']},{nairobi['lon']},50")
    assert found and len(found) < len(items)
    for item in found:
        assert distance_km(nairobi["lat"], nairobi["lon"], item["place"]["lat"], item["place"]["lon"]) <= 50
    expected = {i["id"] for i in items if i["place"] and i["place"]["lat"] is not None and distance_km(
        nairobi["lat"], nairobi["lon"], i["place"]["lat"], i["place"]["lon"]) <= 50}
    assert set(ids(found)) == expected
    for sort in ("-date", "confidence", "-fatalities"):  # near sorts in Python, the rest in SQL: same order
        near_sorted = ids(all_events(api, near=f"{nairobi['lat']},{nairobi['lon']},50", sort=sort))
        assert near_sorted == [i for i in ids(all_events(api, sort=sort)) if i in expected]


def test_status_and_confidence_filters_are_exact(api: Client) -> None:
    items = all_events(api)
    uncertain = [i for i in items if i["status"] != "occurred"]
    assert uncertain and all(i["uncertain"] for i in uncertain)
    statuses = sorted({i["status"] for i in uncertain})
    found = all_events(api, status=",".join(statuses))
    assert ids(found) == ids(uncertain)
    occurred = all_events(api, status="occurred")
    assert {i["id"] for i in occurred} == {i["id"] for i in items if i["status"] == "occurred"}
    assert not any(i["uncertain"] for i in occurred)
    cut = sorted({i["confidence"] for i in items})[1]
    confident = all_events(api, min_confidence=cut)
    assert ids(confident) == [i["id"] for i in items if i["confidence"] >= cut]
    assert 0 < len(confident) < len(items)


@pytest.mark.parametrize("q", ["parliament", "PARLIAMENT", "houthi", "mosque"])
def test_text_search_finds_sentences_titles_and_actors_in_any_case(api: Client, q: str) -> None:
    items = all_events(api)
    found = all_events(api, q=q)
    assert 0 < len(found) < len(items)
    needle = q.lower()
    for item in found:
        detail = api.get(f"/api/events/{item['id']}").json()
        haystack = " ".join(
            [r["evidence"]["sentence"] + " " + (r["title"] or "") for r in detail["reports"]]
            + [(a or {}).get(k) or "" for a in (item["actor"], item["recipient"], item["place"])
               for k in ("name", "text")]
        ).lower()
        assert needle in haystack, (q, item["id"])
    headline_hits = {i["id"] for i in items if needle in i["headline"].lower()}
    assert headline_hits <= set(ids(found))


def test_filters_combine(api: Client) -> None:
    both = all_events(api, type="ASSAULT", country="ML")
    assert both and all(i["type"] == "ASSAULT" and i["place"]["country"] == "ML" for i in both)
    assert set(ids(both)) == set(ids(all_events(api, type="ASSAULT"))) & set(ids(all_events(api, country="ML")))


@pytest.mark.parametrize("params", [
    {"near": "36.3,41.8"}, {"near": "100,0,5"}, {"type": "BOMBING"}, {"status": "maybe"},
    {"since": "2024-02-01", "until": "2024-01-01"}, {"country": "XYZ"},
])
def test_bad_filter_values_get_422_e_query(api: Client, params: dict[str, str]) -> None:
    assert_error(api.get("/api/events", params=params), 422, "E_QUERY")
    assert_error(api.get("/api/stats", params=params), 422, "E_QUERY")


@pytest.mark.parametrize("params", [
    {"since": "last week"}, {"page": "0"}, {"page_size": "501"}, {"min_confidence": "1.5"},
    {"sort": "size"}, {"format": "xml"},
    {"until": "0"}, {"since": "1700000000"}, {"since": "2015-11-06T00:00"},  # not read as Unix times
])
def test_malformed_parameters_get_422_saying_where(api: Client, params: dict[str, str]) -> None:
    error = assert_error(api.get("/api/events", params=params), 422, "E_VALIDATION")
    assert [issue["loc"] for issue in error["detail"]] == [["query", next(iter(params))]]


def test_empty_filter_values_mean_no_filter(api: Client) -> None:
    everything = api.get("/api/events").json()["total"]
    empty = {key: "" for key in ("type", "actor", "country", "since", "until", "near", "status", "q")}
    response = api.get("/api/events", params=empty)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == everything


def test_geojson_has_one_point_per_located_event_in_lon_lat_order(api: Client) -> None:
    response = api.get("/api/events", params={"format": "geojson", "page_size": 500})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    body = response.json()
    located = [i for i in all_events(api) if i["place"] and i["place"]["lat"] is not None]
    assert body["type"] == "FeatureCollection"
    assert body["total"] == len(body["features"]) == len(located)
    for feat in body["features"]:
        lon, lat = feat["geometry"]["coordinates"]
        assert feat["type"] == "Feature" and feat["geometry"]["type"] == "Point"
        assert (lon, lat) == (feat["properties"]["place"]["lon"], feat["properties"]["place"]["lat"])
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feat["id"] == feat["properties"]["id"]
    nairobi = next(f for f in body["features"] if f["properties"]["place"]["name"] == "Nairobi")
    assert nairobi["geometry"]["coordinates"][0] > 30 > nairobi["geometry"]["coordinates"][1]


def test_csv_has_the_contract_columns_and_one_row_per_event(api: Client) -> None:
    response = api.get("/api/events", params={"format": "csv", "page_size": 500, "sort": "date"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == CONTRACT_CSV
    items = all_events(api, sort="date")
    assert [r["id"] for r in rows] == ids(items)
    assert response.headers["x-total-count"] == str(len(items))
    for row, item in zip(rows, items):
        assert row["type"] == item["type"] and row["headline"] == item["headline"]
        best = item["fatalities"]["best"]
        assert row["fatalities"] == ("" if best is None else str(best))
        if item["place"] and item["place"]["lat"] is not None:
            assert float(row["lat"]) == item["place"]["lat"] and float(row["lon"]) == item["place"]["lon"]


def test_event_detail_evidence_and_spans_slice_the_article_text(api: Client) -> None:
    kinds_seen: set[str] = set()
    for item in all_events(api):
        detail = api.get(f"/api/events/{item['id']}").json()
        assert {k: v for k, v in detail.items() if k != "reports"} == item
        assert len(detail["reports"]) == item["n_reports"]
        assert detail["headline"] == detail["reports"][0]["evidence"]["sentence"]
        for report in detail["reports"]:
            text = api.get(f"/api/articles/{report['article_id']}").json()["text"]
            ev = report["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["sentence"]
            for span in report["spans"]:
                assert ev["start"] <= span["start"] < span["end"] <= ev["end"]
                assert text[span["start"]:span["end"]] == span["text"]
                kinds_seen.add(span["kind"])
    assert {"trigger", "actor", "place", "date"} <= kinds_seen


def test_article_spans_cover_every_event_and_lead_to_merged_events(api: Client) -> None:
    item = next(i for i in all_events(api) if i["n_reports"] >= 1)
    article_id = api.get(f"/api/events/{item['id']}").json()["reports"][0]["article_id"]
    article = api.get(f"/api/articles/{article_id}").json()
    text = article["text"]
    assert article["id"] == article_id and article["title"] and article["events"]
    for span in article["spans"]:
        assert text[span["start"]:span["end"]] == span["text"]
    evidence = {s["event_id"] for s in article["spans"] if s["kind"] == "evidence"}
    assert evidence == {e["id"] for e in article["events"]}
    for event in article["events"]:
        merged = api.get(f"/api/events/{event['merged_id']}").json()
        assert event["id"] in [r["event_id"] for r in merged["reports"]]


def test_stats_counts_add_up_to_the_total(api: Client) -> None:
    items = all_events(api)
    stats = api.get("/api/stats").json()
    assert stats["total"] == len(items)
    assert sum(stats["by_type"].values()) == stats["total"]
    assert sum(d["count"] for d in stats["by_day"]) == sum(1 for i in items if i["date_earliest"])
    assert sum(stats["by_country"].values()) == sum(1 for i in items if (i["place"] or {}).get("country"))
    assert stats["by_actor"] and stats["by_actor"][0]["count"] >= stats["by_actor"][-1]["count"]
    days = [(d["date"], d["type"]) for d in stats["by_day"]]
    assert days == sorted(days)
    narrowed = api.get("/api/stats", params={"type": "ASSAULT"}).json()
    assert set(narrowed["by_type"]) == {"ASSAULT"}
    assert narrowed["total"] == len(all_events(api, type="ASSAULT")) < stats["total"]


@pytest.mark.parametrize("path", ["/api/events/0000000000000000", "/api/articles/nope", "/api/nothing-here"])
def test_unknown_ids_and_routes_are_404(api: Client, path: str) -> None:
    assert_error(api.get(path), 404, "E_NOT_FOUND")


def test_wrong_method_is_405_with_allow(api: Client) -> None:
    response = api.request("DELETE", "/api/events")
    assert_error(response, 405, "E_METHOD")
    assert response.headers["allow"] == "GET"


# --- headers, static files, schema -------------------------------------------------------------


@pytest.mark.parametrize("path", [
    "/api/health", "/api/events?format=csv", "/api/nothing", "/openapi.json",
    "/vendor/leaflet/leaflet.js", "/vendor/markercluster/MarkerCluster.css", "/",
])
def test_every_response_has_the_csp_and_nosniff(api: Client, path: str) -> None:
    response = api.get(path)
    assert response.headers["content-security-policy"] == CONTRACT_CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


def test_vendor_files_are_served_from_the_xstatic_packages(api: Client) -> None:
    js = api.get("/vendor/leaflet/leaflet.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"] and b"Leaflet" in js.content
    cluster = api.get("/vendor/markercluster/leaflet.markercluster.js")
    assert cluster.status_code == 200 and b"MarkerCluster" in cluster.content
    assert_error(api.get("/vendor/leaflet/../../__init__.py"), 404)


def test_root_serves_the_ui_page_when_installed(api: Client) -> None:
    response = api.get("/")
    if (STATIC_DIR / "index.html").is_file():
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    else:
        assert_error(response, 404, "E_NOT_FOUND")


def test_openapi_schema_works_offline_and_docs_get_their_own_csp(api: Client) -> None:
    schema = api.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
            "/api/stats", "/api/health", "/api/outlines"} <= set(schema["paths"])
    docs = api.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text
    csp = docs.headers["content-security-policy"]
    script_src = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
    assert "'sha256-" in script_src and "unsafe-inline" not in script_src


def test_outlines_are_geojson_polygons_in_lon_lat(api: Client) -> None:
    response = api.get("/api/outlines")
    assert response.status_code == 200 and "max-age" in response.headers["cache-control"]
    body = response.json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) > 100
    iraq = next(f for f in body["features"] if f["properties"]["iso2"] == "IQ")
    ring = iraq["geometry"]["coordinates"][0] if iraq["geometry"]["type"] == "Polygon" \
        else iraq["geometry"]["coordinates"][0][0]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    assert 38 < min(lons) < max(lons) < 49 and 29 < min(lats) < max(lats) < 38


# --- writing -----------------------------------------------------------------------------------


def test_post_needs_the_token_and_adds_merged_events(copy_db: Callable[[], str],
                                                    client_for: Callable[..., Client]) -> None:
    client = client_for(copy_db(), token="s3cret")
    before = client.get("/api/health").json()
    body = {"text": NEW_ARTICLE, "title": "Shelling near Aleppo", "source": "Test Wire",
            "published": "2016-02-09"}
    missing = client.post("/api/articles", json=body)
    assert_error(missing, 401, "E_UNAUTHORIZED")
    assert missing.headers["www-authenticate"] == "Bearer"
    assert_error(client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}), 401)
    auth = {"Authorization": "Bearer s3cret"}
    created = client.post("/api/articles", json=body, headers=auth)
    assert created.status_code == 201, created.text
    result = created.json()
    assert result["events"] and result["merged_events"]
    article = client.get(f"/api/articles/{result['article_id']}").json()
    assert article["title"] == "Shelling near Aleppo" and article["published"] == "2016-02-09"
    assert sorted(e["id"] for e in article["events"]) == sorted(result["events"])
    syria = all_events(client, country="SY")
    assert set(result["merged_events"]) <= set(ids(syria))
    after = client.get("/api/health").json()
    assert after["articles"] == before["articles"] + 1
    assert after["events"] == before["events"] + len(result["events"])
    again = client.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json() == result
    assert client.get("/api/health").json() == after


def test_post_without_a_configured_token_is_open(copy_db: Callable[[], str],
                                                client_for: Callable[..., Client]) -> None:
    client = client_for(copy_db())
    created = client.post("/api/articles", json={"text": NEW_ARTICLE, "published": "2016-02-09"})
    assert created.status_code == 201, created.text


@pytest.mark.parametrize("body,status,code", [
    ({"text": "   "}, 422, "E_EMPTY"),
    ({}, 422, "E_EMPTY"),
    ({"text": "Die Regierungstruppen haben am Montag die Stellungen der Rebellen bei Aleppo "
              "beschossen und dabei mindestens zwölf Kämpfer getötet, sagte eine Gruppe."}, 422, "E_LANGUAGE"),
    ({"text": "Too short."}, 422, "E_TOO_SHORT"),
    ({"text": NEW_ARTICLE, "published": "yesterday"}, 422, "E_DATE"),
    ({"html": "<html><body><script>x()</script></body></html>"}, 422, "E_HTML"),
    ({"text": NEW_ARTICLE, "html": "<p>x</p>"}, 422, "E_VALIDATION"),
    ({"text": NEW_ARTICLE, "author": "me"}, 422, "E_VALIDATION"),
    ({"text": 42}, 422, "E_VALIDATION"),
])
def test_post_bad_input_gets_422_with_the_rejection_code(
    copy_db: Callable[[], str], client_for: Callable[..., Client], body: dict[str, Any], status: int, code: str,
) -> None:
    client = client_for(copy_db())
    before = client.get("/api/health").json()
    assert_error(client.post("/api/articles", json=body), status, code)
    assert client.get("/api/health").json() == before


def test_post_body_must_be_json(api: Client) -> None:
    assert_error(api.post("/api/articles", content=b"{not json", headers={"Content-Type": "application/json"}),
                 400, "E_BAD_JSON")
    # A cross-site form or text/plain post is never read as an article.
    text_plain = api.post("/api/articles", content=json.dumps({"text": NEW_ARTICLE}).encode(),
                          headers={"Content-Type": "text/plain"})
    assert_error(text_plain, 422, "E_VALIDATION")


def test_bodies_over_the_limit_get_413(db: str, client_for: Callable[..., Client]) -> None:
    client = client_for(db, max_body_bytes=1000)
    big = {"text": "word " * 400}
    assert_error(client.post("/api/articles", json=big), 413, "E_TOO_LARGE")

    async def chunks() -> Any:  # no Content-Length: the bytes received are counted
        for _ in range(10):
            yield b" " * 200

    chunked = client.post("/api/articles", content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in chunked.request.headers
    assert_error(chunked, 413, "E_TOO_LARGE")
    assert chunked.headers["content-security-policy"] == CONTRACT_CSP
    small = client.post("/api/articles", json={"text": "  "})
    assert_error(small, 422, "E_EMPTY")


def test_default_body_limit_is_2_mb(api: Client) -> None:
    assert_error(api.post("/api/articles", json={"text": "x" * 2_000_001}), 413, "E_TOO_LARGE")


# --- failures ----------------------------------------------------------------------------------


def test_a_broken_record_gives_a_500_without_a_traceback(copy_db: Callable[[], str],
                                                        client_for: Callable[..., Client]) -> None:
    path = copy_db()
    client = client_for(path)
    victim = all_events(client)[0]["id"]
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE event_clusters SET record = ? WHERE id = ?", ('{"id": "broken', victim))
    response = client.get(f"/api/events/{victim}")
    error = assert_error(response, 500, "E_INTERNAL")
    assert "JSON" not in error["message"] and "broken" not in response.text
    assert response.headers["content-security-policy"] == CONTRACT_CSP


def test_host_check_refuses_other_host_names(db: str, client_for: Callable[..., Client]) -> None:
    client = client_for(db, allowed_hosts=("127.0.0.1", "localhost"))
    assert_error(client.get("/api/health", headers={"Host": "attacker.example"}), 400, "E_HOST")
    assert client.get("/api/health", headers={"Host": "localhost:8000"}).status_code == 200


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no database at" in result.output and "eventwire process" in result.output
    assert not (tmp_path / "none.db").exists()


# --- PostgreSQL --------------------------------------------------------------------------------


@pytest.fixture
def pg_target(db: str) -> Iterator[str]:
    """The examples in a fresh PostgreSQL schema (skips when the server is unreachable)."""
    import os
    import uuid

    psycopg = pytest.importorskip("psycopg", reason="needs psycopg: pip install 'eventwire[postgres]'")
    url = os.environ.get("EVENTWIRE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
    try:
        admin = psycopg.connect(url, autocommit=True, connect_timeout=3)
    except psycopg.Error as e:
        pytest.skip(f"PostgreSQL is not reachable at {url} (set EVENTWIRE_TEST_PG): {e}")
    name = f"ew_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f"CREATE SCHEMA {name}")
    target = f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}"
    try:
        with open_store(target) as store:
            process(read_inputs([str(EXAMPLES)]), store, make_pipeline=pipeline)
        yield target
    finally:
        admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        admin.close()


def test_postgresql_gives_the_same_answers_as_sqlite(api: Client, pg_target: str,
                                                    client_for: Callable[..., Client]) -> None:
    pg = client_for(pg_target, token="t")
    assert pg.get("/api/health").json() == {**api.get("/api/health").json(), "backend": "postgresql"}
    for url in ["/api/events?page_size=500", "/api/events?q=PARLIAMENT", "/api/events?status=occurred",
                "/api/events?min_confidence=0.7&sort=confidence", "/api/stats?country=ML",
                "/api/events?near=-1.28,36.8,50&format=geojson", "/api/events?since=2023-03-09&format=csv"]:
        assert pg.get(url).text == api.get(url).text, url
    first = all_events(api)[0]["id"]
    assert pg.get(f"/api/events/{first}").json() == api.get(f"/api/events/{first}").json()
    created = pg.post("/api/articles", json={"text": NEW_ARTICLE, "published": "2016-02-09"},
                      headers={"Authorization": "Bearer t"})
    assert created.status_code == 201 and created.json()["merged_events"]
    assert pg.get(f"/api/articles/{created.json()['article_id']}").status_code == 200
