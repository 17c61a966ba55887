"""Property-based tests of the HTTP API from its own OpenAPI schema (schemathesis, in-process ASGI).

Every operation gets generated requests, valid (positive) and invalid (negative) by the schema;
none may give a 5xx, and responses must match what the schema declares (status codes, content
types, bodies). The app is token-protected and the cases send the token, so POST /api/articles is
exercised for real: generated text is rejected by ingest (too short, not English) before it could
reach spaCy.

The operations are listed here (and checked against the schema) because the schema is only known
once the module's database is built; schemathesis' own lazy pytest loader does not run under the
pytest version in use.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance, response_schema_conformance, status_code_conformance,
)

from eventwire.ingest import read_inputs
from eventwire.runner import process
from eventwire.store import open_store
from eventwire.web.api import create_app
from support import EXAMPLES, pipeline

pytestmark = pytest.mark.slow

TOKEN = "schemathesis-token"
MAX_EXAMPLES = 25
OPERATIONS = (
    ("GET", "/api/health"), ("GET", "/api/events"), ("GET", "/api/events/{event_id}"),
    ("GET", "/api/articles/{article_id}"), ("POST", "/api/articles"), ("GET", "/api/stats"),
    ("GET", "/api/outlines"),
)
NO_INPUT = {("GET", "/api/health"), ("GET", "/api/outlines")}  # nothing to make invalid
CASES = [
    pytest.param(method, path, mode, id=f"{method} {path} {mode.value}")
    for method, path in OPERATIONS for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if mode is GenerationMode.POSITIVE or (method, path) not in NO_INPUT
]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(Path(tmp_path_factory.mktemp("schemathesis")) / "examples.db")
    with open_store(path) as store:
        process(read_inputs([str(EXAMPLES)]), store, make_pipeline=pipeline)
    return path


@pytest.fixture(scope="module")
def api_schema(db: str) -> schemathesis.BaseSchema:
    app = create_app(db, token=TOKEN, make_pipeline=pipeline)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_the_schema_lists_exactly_these_operations(api_schema: schemathesis.BaseSchema) -> None:
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize("method,path,mode", CASES)
def test_generated_requests_never_break_the_api(
    api_schema: schemathesis.BaseSchema, method: str, path: str, mode: GenerationMode,
) -> None:
    operation = api_schema[path][method]
    calls: list[int] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case: schemathesis.Case) -> None:
        response = case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)
        calls.append(response.status_code)

    run()
    assert calls and all(status < 500 for status in calls)


def test_real_events_and_articles_match_the_schema(api_schema: schemathesis.BaseSchema, db: str) -> None:
    """Generated ids are unknown (404): here every stored id, in every format, is checked too."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with open_store(db) as store:
        event_ids = [str(r[0]) for r in store.query("SELECT id FROM event_clusters")]
        article_ids = [str(r[0]) for r in store.query("SELECT id FROM articles")]
    assert event_ids and article_ids
    cases = [api_schema["/api/events"]["GET"].Case(query={"format": f, "sort": s, "page_size": 500})
             for f in ("json", "geojson", "csv") for s in ("date", "-fatalities")]
    detail = api_schema["/api/events/{event_id}"]["GET"]
    cases += [detail.Case(path_parameters={"event_id": i}) for i in event_ids]
    cases += [api_schema["/api/articles/{article_id}"]["GET"].Case(path_parameters={"article_id": i})
              for i in article_ids]
    cases.append(api_schema["/api/articles"]["POST"].Case(
        body={"text": "Rebels attacked an army post near Goma on Sunday, killing four soldiers, "
                      "the army said in a statement on Monday.", "published": "2024-05-06"},
        media_type="application/json"))
    statuses = [case.call_and_validate(headers=auth, checks=CHECKS).status_code for case in cases]
    assert statuses == [200] * (len(cases) - 1) + [201]
