"""PostgreSQL backend (psycopg 3), for teams sharing one database.

Needs the optional extra: ``pip install 'eventwire[postgres]'``. The connection runs in autocommit
mode; each write batch is one explicit transaction. A schema other than ``public`` can be chosen in
the URL: ``postgresql://host/db?options=-csearch_path%3Dmyschema``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import errors as pg_errors

from eventwire.errors import StoreError
from eventwire.store.base import SqlStore
from eventwire.store.schema import MIGRATIONS, POSTGRES, Migration

CONNECT_TIMEOUT_S = 10


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

    def _retryable(self, exc: BaseException) -> bool:
        return isinstance(exc, (pg_errors.DeadlockDetected, pg_errors.SerializationFailure))
