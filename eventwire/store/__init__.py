"""Where event reports live: SQLite (embedded default) or PostgreSQL (by URL).

Example::

    from eventwire.store import open_store

    with open_store("eventwire.db") as store:          # or "postgresql://user@host/db"
        store.add_results(results)                     # idempotent, batched, atomic per article
        for event in store.events(type="ASSAULT", country="SY", since=date(2015, 11, 1)):
            ...

Both backends share one schema and one list of named migrations (``eventwire.store.schema``).
A store object holds one connection: open one per process or thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

from eventwire.errors import ConfigError
from eventwire.records import Article, ArticleResult, Event, Rejected
from eventwire.store.base import DEFAULT_BATCH_SIZE, SqlStore
from eventwire.store.query import haversine_km
from eventwire.store.schema import MIGRATIONS, Migration
from eventwire.store.sqlite import SqliteStore

DEFAULT_PATH = Path("eventwire.db")
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
POSTGRES_HINT = "pip install 'eventwire[postgres]'"


@runtime_checkable
class Store(Protocol):
    """What the pipeline, query, export and serve layers may ask of a store."""

    location: str

    @property
    def backend(self) -> str: ...

    def add_results(
        self, results: Iterable[ArticleResult], *, batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> int: ...

    def add_rejections(self, rejections: Iterable[Rejected]) -> int: ...

    def has_article(self, article_id: str) -> bool: ...

    def known_article_ids(self, ids: Iterable[str]) -> set[str]: ...

    def known_origins(self, origins: Iterable[str]) -> set[str]: ...

    def events(
        self,
        *,
        type: str | None = None,
        actor: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        near: tuple[float, float, float] | None = None,
        limit: int | None = None,
    ) -> Iterator[Event]: ...

    def get_article(self, article_id: str) -> Article | None: ...

    def get_result(self, article_id: str) -> ArticleResult | None: ...

    def rejections(self) -> Iterator[Rejected]: ...

    def stats(self) -> dict[str, Any]: ...

    def migrations(self) -> list[tuple[str, str]]: ...

    def migrate(self, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def is_postgres_url(target: str | Path | None) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def open_store(
    target: str | Path | None = None, *, migrations: tuple[Migration, ...] = MIGRATIONS,
) -> Store:
    """Open (creating and migrating as needed) the store at ``target``.

    ``None`` means ``./eventwire.db``; a path opens SQLite; a ``postgresql://`` or
    ``postgres://`` URL opens PostgreSQL, which needs ``pip install 'eventwire[postgres]'``.
    Raises ``ConfigError`` when the driver is missing, ``StoreError`` when the database cannot be
    opened or migrated.
    """
    if is_postgres_url(target):
        try:
            from eventwire.store.postgres import PostgresStore
        except ImportError as e:
            raise ConfigError(
                f"PostgreSQL support is not installed: {POSTGRES_HINT}", code="E_EXTRA",
            ) from e
        return PostgresStore(str(target), migrations=migrations)
    return SqliteStore(DEFAULT_PATH if target is None else target, migrations=migrations)


__all__ = [
    "DEFAULT_PATH", "MIGRATIONS", "POSTGRES_HINT", "Migration", "SqlStore", "SqliteStore", "Store",
    "haversine_km", "is_postgres_url", "open_store",
]
