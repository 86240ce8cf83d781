"""The history database: SQLite or PostgreSQL through SQLAlchemy, migrated by Alembic on open.

Concurrent writers are made safe by the database, not by luck: unique constraints make a repeated
scan or finding a no-op, SQLite writers take the write lock up front (BEGIN IMMEDIATE, WAL, busy
timeout) and transient lock/deadlock errors are retried with the whole transaction.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from secsdlc.history.interface import HistoryError
from secsdlc.history.location import redact_url

# Keep in step with migrations/versions; a test checks both against Alembic's script directory.
HEAD_REVISION = "0005"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")
_MIGRATION_LOCK_KEY = 0x5EC5D1C  # pg_advisory_xact_lock key serializing concurrent upgrades
_ATTEMPTS = 30

_T = TypeVar("_T")
_D = TypeVar("_D", bound="Database")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Database:
    """A connection to the history database, its schema brought up to date on open."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls: type[_D], url: str) -> _D:
        """Connect and bring the schema up to date (never dropping data)."""
        shown = redact_url(url)
        try:
            engine = _make_engine(url)
        except (SQLAlchemyError, ImportError, ValueError, OSError) as e:
            raise HistoryError(f"cannot use history database {shown}: {e}") from e
        store = cls(engine, url)
        try:
            store._retry(store._migrate)
        except HistoryError:
            engine.dispose()
            raise
        except SQLAlchemyError as e:
            engine.dispose()
            raise HistoryError(f"cannot open history database {shown}: {short_error(e)}") from e
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self: _D) -> _D:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        with self.engine.connect() as conn:
            current = current_revision(conn)
            tables = inspect(conn).get_table_names() if current is None else []
            if tables:
                # another process's migration (tables and version in one transaction) may have
                # committed between the two reads: its version is visible now if so
                current = current_revision(conn)
                tables = tables if current is None else []
        if current == HEAD_REVISION:
            return
        if tables:
            # creating the schema over them would fail on the first table, naming only that
            raise HistoryError(
                f"history database {redact_url(self.url)} has tables ({', '.join(tables[:3])}) "
                "but no schema version (alembic_version): not a secsdlc history database, or "
                "damaged; restore it from a backup or use another --db")
        _check_known(current, self.url)
        with self._write() as conn:
            if self.dialect == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
            current = current_revision(conn)  # another process may have upgraded meanwhile
            _check_known(current, self.url)
            if current != HEAD_REVISION:
                upgrade(conn, HEAD_REVISION)

    def _insert_ignore(self, table: Any) -> Any:
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            return pg_insert(table).on_conflict_do_nothing()
        if self.dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            return sqlite_insert(table).on_conflict_do_nothing()
        raise HistoryError(f"unsupported database {self.dialect!r} (use SQLite or PostgreSQL)")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn = conn.execution_options(secsdlc_write=True)
            with conn.begin():
                yield conn

    def _retry(self, fn: Callable[[], _T]) -> _T:
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                return fn()
            except (OperationalError, IntegrityError, DBAPIError) as e:
                if attempt == _ATTEMPTS or not _transient(e):
                    raise
                time.sleep(random.uniform(0.01, 0.05) * min(attempt, 10))
        raise AssertionError("unreachable")

def upgrade(conn: Connection, revision: str) -> None:
    """Run the shipped Alembic migrations on `conn` up to `revision` (inside its transaction)."""
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", "secsdlc.history:migrations")
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, revision)


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = url.split(":///", 1)[1] if ":///" in url else ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            # Take transaction control from pysqlite so that BEGIN IMMEDIATE below is ours.
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA busy_timeout = 60000")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            # Writers lock up front: a deferred transaction upgrading to write can deadlock.
            write = conn.get_execution_options().get("secsdlc_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    # A small pool: a store kept open records many scans without a new login for each.
    return create_engine(url, pool_size=2, max_overflow=2, pool_pre_ping=True)


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return str(value) if value is not None else None


def _check_known(revision: str | None, url: str) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise HistoryError(
            f"history database {redact_url(url)} has schema revision {revision!r}, newer than "
            f"this secsdlc knows (up to {HEAD_REVISION!r}): upgrade secsdlc"
        )


def _transient(e: DBAPIError) -> bool:
    code = getattr(e.orig, "sqlstate", None) or getattr(e.orig, "pgcode", None)
    if code in ("40P01", "40001", "55P03", "23505"):
        # deadlock, serialization failure, lock timeout, or a unique race lost to another writer
        return True
    text = str(e.orig).lower()
    return (
        "database is locked" in text
        or "database is busy" in text
        or (isinstance(e, IntegrityError) and "unique" in text)
    )


def short_error(e: SQLAlchemyError) -> str:
    orig = getattr(e, "orig", None)
    return str(orig if orig is not None else e).strip().splitlines()[0]
