"""SQLite backend: one file in WAL mode, the embedded default.

WAL lets readers run while one writer writes; ``BEGIN IMMEDIATE`` takes the write lock at the
start of each batch, and the busy timeout makes a second writer wait for it instead of failing.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.errors import StoreError
from eventwire.store.base import SqlStore
from eventwire.store.schema import MIGRATIONS, SQLITE, Migration

BUSY_TIMEOUT_S = 60.0
_MIN_VERSION = (3, 24, 0)  # INSERT ... ON CONFLICT DO NOTHING / DO UPDATE


def connect(path: str | Path, *, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """Open ``path`` with WAL, synchronous=NORMAL, foreign keys and a busy timeout."""
    if sqlite3.sqlite_version_info < _MIN_VERSION:
        raise StoreError(f"SQLite {sqlite3.sqlite_version} is too old: eventwire needs >= 3.24")
    try:
        conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open SQLite database {str(path)!r}: {e}") from e
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        _switch_to_wal(conn, timeout)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as e:
        conn.close()
        raise StoreError(f"cannot open SQLite database {str(path)!r}: {e}") from e
    return conn


def _switch_to_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Turn on WAL. Switching the journal mode can fail with "database is locked" at once, without
    waiting on the busy timeout, while another process is creating the same new file: retry."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class SqliteStore(SqlStore):
    """Event store in one SQLite file. Not shared between threads: open one per thread/process."""

    dialect = SQLITE
    db_errors = (sqlite3.Error,)

    def __init__(
        self, path: str | Path, *, migrations: tuple[Migration, ...] = MIGRATIONS,
        timeout: float = BUSY_TIMEOUT_S,
    ) -> None:
        self.path = Path(path)
        conn = connect(path, timeout=timeout)
        try:
            super().__init__(conn, str(path), migrations)
        except BaseException:
            conn.close()
            raise

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        cur = self._conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            yield cur
            cur.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                cur.execute("ROLLBACK")
            raise
        finally:
            cur.close()

    def journal_mode(self) -> str:
        return str(self._query("PRAGMA journal_mode")[0][0])
