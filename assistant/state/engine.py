"""SQLAlchemy engines: SQLite files by default, any SQLAlchemy URL (PostgreSQL) when configured."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.pool import NullPool

SQLITE_BUSY_TIMEOUT_MS = 60_000  # a writer waits this long for another one before failing
READ_ONLY = "procure_read_only"  # execution option: a transaction that only reads

_engines: dict[str, Engine] = {}
_created: set[tuple[str, int]] = set()
_lock = threading.Lock()


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{Path(path)}"


def engine_for(url: str, metadata: MetaData) -> Engine:
    """The process's engine for a URL, with the metadata's tables created once."""
    with _lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = _make_engine(url)
        if (url, id(metadata)) not in _created:
            metadata.create_all(engine)
            _created.add((url, id(metadata)))
    return engine


def forget_engine(url: str) -> None:
    """Drop a cached engine (its SQLite file is about to be deleted)."""
    with _lock:
        engine = _engines.pop(url, None)
        for key in [key for key in _created if key[0] == url]:
            _created.discard(key)
    if engine is not None:
        engine.dispose()


def _make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    # One connection per transaction: workspaces are many and their folders may be deleted.
    engine = create_engine(url, poolclass=NullPool, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection, _record) -> None:
    """WAL (readers never block the writer), durable commits, and BEGIN issued by us."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _sqlite_begin(connection) -> None:
    """Take the write lock at BEGIN, so read-modify-write transactions serialise (no lost
    update) instead of failing when two of them upgrade their read locks at once. A read-only
    transaction takes no lock: under WAL it reads the last commit, even while this thread or
    another holds the write lock (a turn that reads the profile again while saving it)."""
    read_only = connection.get_execution_options().get(READ_ONLY)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
