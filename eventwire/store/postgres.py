"""PostgreSQL backend (psycopg 3), for teams sharing one database.

Needs the optional extra: ``pip install 'eventwire[postgres]'``. The connection runs in autocommit
mode; each write batch is one explicit transaction. A schema other than ``public`` can be chosen in
the URL: ``postgresql://host/db?options=-csearch_path%3Dmyschema``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from eventwire.errors import StoreError
from eventwire.store import rows
from eventwire.store.base import SqlStore
from eventwire.store.schema import MIGRATIONS, POSTGRES, Migration

CONNECT_TIMEOUT_S = 10
_ARTICLE_CHUNK = 100  # rows per multi-row INSERT


def redact(url: str) -> str:
    """The URL with any password replaced by ``***``, for messages."""
    return re.sub(r"(://[^:/@]+:)[^@/]*@", r"\1***@", url)


def connect(url: str) -> psycopg.Connection:
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
    except psycopg.Error as e:
        raise StoreError(f"cannot connect to PostgreSQL at {redact(url)}: {e}") from e


class PostgresStore(SqlStore):
    """Event store in a PostgreSQL database (current ``search_path`` schema)."""

    dialect = POSTGRES
    db_errors = (psycopg.Error,)

    def __init__(self, url: str, *, migrations: tuple[Migration, ...] = MIGRATIONS) -> None:
        conn = connect(url)
        try:
            super().__init__(conn, redact(url), migrations)
        except BaseException:
            conn.close()
            raise

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Cursor]:
        with self._conn.transaction(), self._conn.cursor() as cur:
            yield cur

    def _insert_articles(
        self, cur: psycopg.Cursor, article_rows: list[tuple[Any, ...]],
    ) -> set[str]:
        """One multi-row INSERT ... RETURNING per chunk instead of a round trip per article."""
        inserted: set[str] = set()
        width = len(rows.ARTICLE_COLUMNS)
        for i in range(0, len(article_rows), _ARTICLE_CHUNK):
            chunk = article_rows[i:i + _ARTICLE_CHUNK]
            values = ", ".join("(" + ", ".join(["%s"] * width) + ")" for _ in chunk)
            cur.execute(
                f"INSERT INTO articles ({', '.join(rows.ARTICLE_COLUMNS)}) VALUES {values} "
                "ON CONFLICT (id) DO NOTHING RETURNING id",
                [value for row in chunk for value in row],
            )
            inserted.update(found for (found,) in cur.fetchall())
        return inserted

    def _retryable(self, exc: BaseException) -> bool:
        return isinstance(exc, (pg_errors.DeadlockDetected, pg_errors.SerializationFailure))
