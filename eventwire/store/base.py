"""The store logic both backends share; subclasses supply the connection and transactions.

Writes go in batches, one transaction per batch: an article, its events and their actors are
written together or not at all. Every insert is ``ON CONFLICT DO NOTHING`` on a content id, so
re-runs and concurrent writers neither duplicate nor lose rows. Articles in a batch are written in
id order, so two writers always take row locks in the same order (no deadlocks on PostgreSQL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any

from eventwire.errors import StoreError
from eventwire.records import Article, ArticleResult, Event, Rejected
from eventwire.store import rows
from eventwire.store.query import ACTOR_ROWS_MATCHING, EventFilter, build_filter, like_pattern
from eventwire.store.schema import MIGRATIONS, Dialect, Migration, apply_migrations

DEFAULT_BATCH_SIZE = 200
_CHUNK = 500  # ids per IN (...) list
_FETCH = 500  # rows per fetchmany
_RETRIES = 3

_EVENT_INSERT = rows.insert_sql("events", rows.EVENT_COLUMNS, "id")
_ACTOR_INSERT = rows.insert_sql("actors", rows.ACTOR_COLUMNS, "event_id, role")
_ACTOR_NAME_INSERT = "INSERT INTO actor_names (search) VALUES (?) ON CONFLICT DO NOTHING"
FREQUENT_ACTOR_ROWS = 2000
_ARTICLE_INSERT = rows.insert_sql("articles", rows.ARTICLE_COLUMNS, "id")
_REJECTION_UPSERT = (
    "INSERT INTO rejections (item, stage, code, reason, at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (item, code) DO UPDATE SET stage = excluded.stage, reason = excluded.reason, "
    "at = excluded.at"
)
_CLEAR_REJECTIONS = "DELETE FROM rejections WHERE item = ? OR item = ?"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


class SqlStore:
    """Store on a DB-API connection; see ``eventwire.store.Store`` for the contract."""

    dialect: Dialect
    db_errors: tuple[type[BaseException], ...] = ()

    def __init__(self, conn: Any, location: str, migrations: tuple[Migration, ...]) -> None:
        self._conn = conn
        self.location = location
        self.migrate(migrations)

    # --- plumbing, overridden by backends --------------------------------------------------

    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _retryable(self, exc: BaseException) -> bool:
        return False

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        cur = self._conn.cursor()
        try:
            cur.execute(self.dialect.sql(sql), tuple(params))
            return list(cur.fetchall())
        except self.db_errors as e:
            raise StoreError(f"query failed on {self.location}: {e}") from e
        finally:
            cur.close()

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        cur = self._conn.cursor()
        try:
            cur.execute(self.dialect.sql(sql), tuple(params))
            while batch := cur.fetchmany(_FETCH):
                yield from batch
        except self.db_errors as e:
            raise StoreError(f"query failed on {self.location}: {e}") from e
        finally:
            cur.close()

    @property
    def backend(self) -> str:
        return self.dialect.name

    # --- raw SQL for other store modules (merge tables, watch state) -----------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """All rows of one statement written with ``?`` placeholders and ``{type}`` names."""
        return self._query(sql, params)

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of one statement, fetched in batches."""
        return self._stream(sql, params)

    def transaction(self) -> AbstractContextManager[Any]:
        """A cursor inside one write transaction (committed on success, rolled back on error).

        Statements given to the cursor must go through ``store.dialect.sql``.
        """
        return self._transaction()

    # --- schema ----------------------------------------------------------------------------

    def migrate(self, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
        """Apply missing migrations (all in one transaction); return the names applied."""
        try:
            with self._transaction() as cur:
                return apply_migrations(cur, self.dialect, migrations, _now())
        except self.db_errors as e:
            raise StoreError(f"cannot migrate {self.location}: {e}") from e

    def migrations(self) -> list[tuple[str, str]]:
        """(name, applied_at ISO timestamp) of each applied migration, in name order."""
        found = self._query("SELECT name, applied_at FROM migrations ORDER BY name")
        return [(name, at if isinstance(at, str) else at.isoformat()) for name, at in found]

    # --- writes ----------------------------------------------------------------------------

    def add_results(
        self, results: Iterable[ArticleResult], *, batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> int:
        """Store articles with their events; return how many articles were new.

        Articles already stored are skipped. If ``results`` raises, the complete results read so
        far are stored before the error propagates; a failed batch is rolled back whole.
        """
        stored, batch = 0, list[ArticleResult]()
        iterator = iter(results)
        while True:
            try:
                result = next(iterator)
            except StopIteration:
                break
            except Exception:
                if batch:
                    self._write_batch(batch)
                raise
            batch.append(result)
            if len(batch) >= max(1, batch_size):
                stored += self._write_batch(batch)
                batch = []
        if batch:
            stored += self._write_batch(batch)
        return stored

    def _write_batch(self, batch: list[ArticleResult]) -> int:
        first: dict[str, ArticleResult] = {}
        for result in batch:
            first.setdefault(result.article.id, result)
        ordered = [first[k] for k in sorted(first, key=str)]
        for attempt in range(_RETRIES):
            try:
                with self._transaction() as cur:
                    return self._insert_batch(cur, ordered)
            except self.db_errors as e:
                if attempt + 1 < _RETRIES and self._retryable(e):
                    continue
                raise StoreError(
                    f"cannot store a batch of {len(batch)} articles in {self.location}: {e}"
                ) from e
            except (ValueError, TypeError, AttributeError) as e:
                raise StoreError(
                    f"a record in a batch of {len(batch)} cannot be stored: {e}"
                ) from e
        raise AssertionError("unreachable")

    def _insert_batch(self, cur: Any, batch: list[ArticleResult]) -> int:
        sql, now = self.dialect.sql, _now()
        inserted = self._insert_articles(
            cur, [rows.article_row(r, self.dialect, now) for r in batch],
        )
        new = [r for r in batch if r.article.id in inserted]
        if not new:
            return 0
        events = self._new_events(cur, new)
        if events:
            cur.executemany(sql(_EVENT_INSERT), [row for _, row in events])
            actor_rows = [a for event, _ in events for a in rows.actor_rows(event, self.dialect)]
            if actor_rows:
                cur.executemany(sql(_ACTOR_INSERT), actor_rows)
                names = sorted({row[-1] for row in actor_rows})
                cur.executemany(sql(_ACTOR_NAME_INSERT), [(n,) for n in names])
        cur.executemany(sql(_CLEAR_REJECTIONS), [(r.article.origin, r.article.id) for r in new])
        return len(new)

    def _insert_articles(self, cur: Any, article_rows: list[tuple[Any, ...]]) -> set[str]:
        """Insert article rows (skipping stored ids); return the ids actually inserted."""
        inserted: set[str] = set()
        for row in article_rows:
            cur.execute(self.dialect.sql(_ARTICLE_INSERT), row)
            if cur.rowcount == 1:
                inserted.add(row[0])
        return inserted

    def _new_events(
        self, cur: Any, new: list[ArticleResult],
    ) -> list[tuple[Event, tuple[Any, ...]]]:
        """Rows of events not yet stored, in id order; an id seen twice keeps its first report."""
        chosen: dict[str, tuple[Event, tuple[Any, ...]]] = {}
        for result in new:
            for seq, event in enumerate(result.events):
                if event.id not in chosen:
                    row = rows.event_row(event, result.article.id, seq, self.dialect)
                    chosen[event.id] = (event, row)
        ids = list(chosen)
        for chunk in _chunks(ids):
            cur.execute(
                self.dialect.sql(f"SELECT id FROM events WHERE id IN ({_marks(len(chunk))})"),
                tuple(chunk),
            )
            for (found,) in cur.fetchall():
                chosen.pop(found, None)
        return [chosen[k] for k in sorted(chosen)]

    def add_rejections(self, rejections: Iterable[Rejected]) -> int:
        """Record rejected items; a repeated (item, code) refreshes its row. Returns rows sent."""
        now = self.dialect.dump_ts(_now())
        clean = self.dialect.clean_text
        unique = {(r.item, r.code): r for r in rejections}
        params = [
            (clean(r.item), clean(r.stage), clean(r.code), clean(r.reason), now)
            for _, r in sorted(unique.items())
        ]
        if not params:
            return 0
        try:
            with self._transaction() as cur:
                cur.executemany(self.dialect.sql(_REJECTION_UPSERT), params)
        except self.db_errors as e:
            raise StoreError(f"cannot store rejections in {self.location}: {e}") from e
        return len(params)

    # --- reads -----------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def known_article_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of ``ids`` already stored (checked in batches)."""
        return self._known("id", ids)

    def known_origins(self, origins: Iterable[str]) -> set[str]:
        """The subset of ``origins`` (paths, "path:line") whose article is already stored."""
        return self._known("origin", origins)

    def _known(self, column: str, values: Iterable[str]) -> set[str]:
        wanted = sorted({v for v in values if v is not None})
        found: set[str] = set()
        for chunk in _chunks(wanted):
            sql = f"SELECT {column} FROM articles WHERE {column} IN ({_marks(len(chunk))})"
            found.update(row[0] for row in self._query(sql, chunk))
        return found

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
    ) -> Iterator[Event]:
        """Event reports matching every filter, ordered by earliest date (undated last), then id."""
        where = build_filter(
            type=type, actor=actor, country=country, since=since, until=until, near=near,
            dump_date=self.dialect.dump_date,
            walk_order=self._frequent_actor(actor),
        )
        if limit is not None and limit < 0:
            raise StoreError(f"limit must be >= 0, got {limit}", code="E_QUERY")
        return self._events(where, limit)

    def _frequent_actor(self, actor: str | None) -> bool:
        """Whether an actor filter matches so many rows that SQLite should walk the result order
        (a few ms either way; the wrong choice costs 100+ ms on a million events)."""
        if actor is None or self.dialect.name != "sqlite":
            return False
        found = self._query(ACTOR_ROWS_MATCHING, (like_pattern(actor),))
        return int(found[0][0]) > FREQUENT_ACTOR_ROWS

    def _events(self, where: EventFilter, limit: int | None) -> Iterator[Event]:
        sql = (
            "SELECT e.record, e.lat, e.lon FROM events e" + where.where()
            + " ORDER BY e.sort_date, e.id" + self.dialect.collate_binary
        )
        params: tuple[Any, ...] = where.params
        if limit is not None and where.near is None:
            sql, params = sql + " LIMIT ?", (*params, limit)
        if limit == 0:
            return
        count = 0
        for record, lat, lon in self._stream(sql, params):
            if where.near is not None and not where.near.contains(lat, lon):
                continue
            yield rows.event_from_record(record)
            count += 1
            if limit is not None and count >= limit:
                return

    def get_article(self, article_id: str) -> Article | None:
        found = self._article_row(article_id)
        return rows.article_from_row(found, self.dialect) if found else None

    def get_result(self, article_id: str) -> ArticleResult | None:
        """The stored article with its sentences, mentions and events, as it was added."""
        found = self._article_row(article_id)
        if found is None:
            return None
        records = self._query(
            "SELECT record FROM events WHERE article_id = ? ORDER BY seq", (article_id,),
        )
        events = tuple(rows.event_from_record(r[0]) for r in records)
        return rows.result_from_row(found, self.dialect, events)

    def _article_row(self, article_id: str) -> tuple[Any, ...] | None:
        cols = ", ".join(rows.ARTICLE_COLUMNS)
        found = self._query(f"SELECT {cols} FROM articles WHERE id = ?", (article_id,))
        return found[0] if found else None

    def rejections(self) -> Iterator[Rejected]:
        sql = "SELECT item, stage, code, reason FROM rejections ORDER BY item, code"
        sql += self.dialect.collate_binary
        for item, stage, code, reason in self._stream(sql, ()):
            yield Rejected(item=item, stage=stage, code=code, reason=reason)

    def stats(self) -> dict[str, Any]:
        def count(table: str) -> int:
            return int(self._query(f"SELECT COUNT(*) FROM {table}")[0][0])

        by_type = self._query("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type")
        by_code = self._query("SELECT code, COUNT(*) FROM rejections GROUP BY code ORDER BY code")
        return {
            "backend": self.backend,
            "articles": count("articles"),
            "events": count("events"),
            "rejections": count("rejections"),
            "events_by_type": {str(t): int(n) for t, n in by_type},
            "rejections_by_code": {str(c): int(n) for c, n in by_code},
        }

    # --- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
