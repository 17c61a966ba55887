"""Store fixtures: every store test runs against SQLite and against PostgreSQL.

PostgreSQL is reached at ``postgresql://postgres@127.0.0.1:5432/test`` unless ``EVENTWIRE_TEST_PG``
says otherwise. Each store gets its own fresh schema (``ew_test_<random>``), dropped afterwards,
so concurrent test runs do not clash. Without psycopg or a reachable server those variants skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.store import Store, open_store

PG_URL = os.environ.get("EVENTWIRE_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = ("sqlite", "postgresql")


def _with_search_path(url: str, schema: str) -> str:
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options=-csearch_path%3D{schema}"


def _pg_admin() -> Any:
    """An autocommit connection to the test server, or skip with the reason it is unavailable."""
    try:
        import psycopg
    except ImportError:
        pytest.skip("psycopg is not installed: pip install 'eventwire[postgres]'")
    try:
        return psycopg.connect(PG_URL, autocommit=True, connect_timeout=3)
    except psycopg.Error as e:
        pytest.skip(f"PostgreSQL is not reachable at {PG_URL} (set EVENTWIRE_TEST_PG): {e}")


@pytest.fixture(params=BACKENDS)
def store_backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def new_store_target(store_backend: str, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """Make fresh, empty store targets (a new SQLite file or a new PostgreSQL schema)."""
    schemas: list[str] = []
    admin = _pg_admin() if store_backend == "postgresql" else None

    def make() -> str:
        name = f"ew_test_{uuid.uuid4().hex[:12]}"
        if admin is None:
            return str(tmp_path / f"{name}.db")
        admin.execute(f"CREATE SCHEMA {name}")
        schemas.append(name)
        return _with_search_path(PG_URL, name)

    yield make
    if admin is not None:
        for name in schemas:
            admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        admin.close()


@pytest.fixture
def store_target(new_store_target: Callable[[], str]) -> str:
    return new_store_target()


@pytest.fixture
def store(store_target: str) -> Iterator[Store]:
    with open_store(store_target) as opened:
        yield opened


@pytest.fixture
def store_sql(store_backend: str) -> Callable[[str, str], list[tuple[Any, ...]]]:
    """Run one SQL query on a store target over a separate, plain connection."""

    def run(target: str, sql: str) -> list[tuple[Any, ...]]:
        if store_backend == "sqlite":
            import sqlite3

            conn = sqlite3.connect(target)
            try:
                return conn.execute(sql).fetchall()
            finally:
                conn.close()
        import psycopg

        with psycopg.connect(target) as pg:
            return pg.execute(sql).fetchall()

    return run
