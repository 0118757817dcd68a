"""One workspace's state in SQL: documents (one JSON payload each), interview, audit log.

Every change is one transaction. The default is a SQLite file in the workspace folder
(`state.db`); the tables carry a `workspace` column so that one PostgreSQL database can hold
many workspaces when `PROCURE_DATABASE_URL` is set (see assistant/state/backends.py). Files
the replicas of a team server must share (the kept PDFs, the user's vendor names) are rows of
`files`; `revisions` counts document changes, so a process sees another one's ingest.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from assistant.state.backends import database_url, workspace_id
from assistant.state.engine import READ_ONLY, engine_for, forget_engine, sqlite_url

log = logging.getLogger(__name__)

DB_FILE = "state.db"
LOCAL_WORKSPACE = "local"  # the workspace id inside a per-folder SQLite file
LOCAL_USER = "local"  # who acts when nobody logged in (the command line, a single-user server)
LEGACY_DIR = "legacy-json"  # JSON files of the old layout, kept after migration

metadata = MetaData()
documents = Table(
    "documents",
    metadata,
    Column("workspace", String(255), primary_key=True),
    Column("key", String(255), primary_key=True),
    Column("name", Text, nullable=False),
    Column("payload", Text, nullable=False),
)
interview = Table(
    "interview",
    metadata,
    Column("workspace", String(255), primary_key=True),
    Column("profile", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("version", Integer, nullable=False),
)
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(255), nullable=False, index=True),
    Column("at", Float, nullable=False),
    Column("user", String(255), nullable=False),
    Column("action", String(64), nullable=False),
    Column("detail", Text, nullable=False),
)
files = Table(
    "files",
    metadata,
    Column("workspace", String(255), primary_key=True),
    Column("name", String(255), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)
revisions = Table(
    "revisions",
    metadata,
    Column("workspace", String(255), primary_key=True),
    Column("documents", Integer, nullable=False),
)
WORKSPACE_TABLES = (documents, interview, audit, files, revisions)


@dataclass(frozen=True)
class AuditEntry:
    """One state-changing action: who, when (UTC), what."""

    at: float
    user: str
    action: str
    detail: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, the time as ISO 8601."""
        when = datetime.fromtimestamp(self.at, UTC).isoformat(timespec="seconds")
        return {"time": when, "user": self.user, "action": self.action, "detail": self.detail}


@dataclass
class InterviewRow:
    """The profile and interview state as JSON texts, read inside a write transaction."""

    profile: str | None
    state: str | None
    version: int


class WorkspaceDB:
    """The tables of one workspace, reached through one SQLAlchemy URL."""

    def __init__(self, url: str, workspace: str = LOCAL_WORKSPACE) -> None:
        self.url = url
        self.workspace = workspace
        self.engine = engine_for(url, metadata)

    @classmethod
    def for_folder(cls, root: Path) -> WorkspaceDB:
        """The state of a workspace folder: its SQLite file, or its rows in the shared database
        when one is configured; the old JSON files are migrated into it."""
        root = Path(root)
        root.mkdir(parents=True, exist_ok=True)
        shared = database_url()
        db = cls(shared, workspace_id(root)) if shared else cls(sqlite_url(root / DB_FILE))
        migrate_json_workspace(root, db)
        return db

    @property
    def shared(self) -> bool:
        """Whether this is a database many workspaces (and app processes) share."""
        return not self.url.startswith("sqlite")

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: committed at the end, rolled back on any error."""
        with self.engine.begin() as connection:
            yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A transaction that only reads: it never waits for a writer (nor for the caller's
        own write transaction, which would wait forever)."""
        with self.engine.connect().execution_options(**{READ_ONLY: True}) as connection:
            with connection.begin():
                yield connection

    # --- documents: one JSON payload per document ---------------------------------------

    def document_payloads(self) -> list[dict]:
        """Every document's payload, by key."""
        query = select(documents.c.payload).where(documents.c.workspace == self.workspace)
        with self.reading() as connection:
            rows = connection.execute(query.order_by(documents.c.key)).scalars().all()
        return [json.loads(row) for row in rows]

    def put_document(self, key: str, name: str, payload: dict) -> None:
        """Store (or replace) one document's payload."""
        text = json.dumps(payload, ensure_ascii=False)
        with self.transaction() as connection:
            self._delete_document(connection, key)
            connection.execute(
                insert(documents).values(
                    workspace=self.workspace, key=key, name=name, payload=text
                )
            )
            self._bump(connection)

    def copy_documents_to(self, target: WorkspaceDB) -> int:
        """Give another workspace this one's documents (one transaction); returns how many."""
        query = select(documents.c.key, documents.c.name, documents.c.payload).where(
            documents.c.workspace == self.workspace
        )
        with self.reading() as connection:
            rows = connection.execute(query).all()
        with target.transaction() as connection:
            for key, name, payload in rows:
                target._delete_document(connection, key)
                connection.execute(
                    insert(documents).values(
                        workspace=target.workspace, key=key, name=name, payload=payload
                    )
                )
            target._bump(connection)
        for name in self.file_names():
            target.put_file(name, self.file(name) or b"")
        return len(rows)

    def delete_document(self, key: str) -> None:
        """Remove one document's payload (nothing if absent)."""
        with self.transaction() as connection:
            self._delete_document(connection, key)
            self._bump(connection)

    def documents_version(self) -> int:
        """How many times the documents changed (another process's ingest changes it too)."""
        query = select(revisions.c.documents).where(revisions.c.workspace == self.workspace)
        with self.reading() as connection:
            return connection.execute(query).scalar() or 0

    def _bump(self, connection: Connection) -> None:
        """Count one change of the documents (an upsert: two first changes never collide)."""
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(revisions).values(workspace=self.workspace, documents=1)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[revisions.c.workspace],
                set_={"documents": revisions.c.documents + 1},
            )
        )

    def _delete_document(self, connection: Connection, key: str) -> None:
        connection.execute(
            delete(documents).where(
                documents.c.workspace == self.workspace, documents.c.key == key
            )
        )

    # --- interview: profile and state change together ----------------------------------

    def read_interview(self) -> InterviewRow:
        """The stored profile and state (None when never saved)."""
        with self.reading() as connection:
            return self._interview_row(connection, lock=False)

    @contextmanager
    def interview_for_update(self) -> Iterator[tuple[InterviewRow, Connection]]:
        """The interview row, locked until the transaction ends (a read-modify-write turn).

        The row is read FOR UPDATE, after `_serialise` (which covers the first save, when
        there is no row to lock yet).
        """
        with self.transaction() as connection:
            _serialise(connection, self.workspace)
            yield self._interview_row(connection, lock=True), connection

    def write_interview(
        self, connection: Connection, row: InterviewRow, profile: str, state: str
    ) -> int:
        """Save the profile and state in the caller's transaction; returns the new version."""
        values = {"profile": profile, "state": state, "version": row.version + 1}
        if row.version == 0:
            connection.execute(insert(interview).values(workspace=self.workspace, **values))
        else:
            connection.execute(
                update(interview).where(interview.c.workspace == self.workspace).values(**values)
            )
        return row.version + 1

    def _interview_row(self, connection: Connection, lock: bool) -> InterviewRow:
        query = select(interview.c.profile, interview.c.state, interview.c.version).where(
            interview.c.workspace == self.workspace
        )
        found = connection.execute(query.with_for_update() if lock else query).first()
        if found is None:
            return InterviewRow(None, None, 0)
        return InterviewRow(found.profile, found.state, found.version)

    # --- audit log --------------------------------------------------------------------------

    def record(
        self, user: str, action: str, detail: str = "", connection: Connection | None = None
    ) -> None:
        """Append one entry to the audit log (inside the caller's transaction when given)."""
        statement = insert(audit).values(
            workspace=self.workspace, at=time.time(), user=user, action=action, detail=detail
        )
        if connection is not None:
            connection.execute(statement)
            return
        with self.transaction() as own:
            own.execute(statement)

    def audit_log(self, limit: int | None = None) -> list[AuditEntry]:
        """The audit entries, oldest first (the last `limit` when given)."""
        query = select(audit.c.at, audit.c.user, audit.c.action, audit.c.detail).where(
            audit.c.workspace == self.workspace
        )
        query = query.order_by(audit.c.id.desc())
        if limit:
            query = query.limit(limit)
        with self.reading() as connection:
            rows = connection.execute(query).all()
        return [AuditEntry(*row) for row in reversed(rows)]


    # --- files the replicas share (kept PDFs, the user's vendor names) ----------------------

    def put_file(self, name: str, data: bytes, connection: Connection | None = None) -> None:
        """Store (or replace) one named file (inside the caller's transaction when given)."""
        if connection is None:
            with self.transaction() as own:
                self.put_file(name, data, own)
            return
        connection.execute(
            delete(files).where(files.c.workspace == self.workspace, files.c.name == name)
        )
        connection.execute(insert(files).values(workspace=self.workspace, name=name, data=data))

    @contextmanager
    def file_for_update(self, name: str) -> Iterator[tuple[bytes | None, Connection]]:
        """A stored file's bytes, locked until the transaction ends (`put_file` inside it)."""
        with self.transaction() as connection:
            _serialise(connection, f"{self.workspace}\n{name}")
            query = select(files.c.data).where(
                files.c.workspace == self.workspace, files.c.name == name
            )
            found = connection.execute(query).scalar()
            yield (bytes(found) if found is not None else None), connection

    def file(self, name: str) -> bytes | None:
        """The bytes of a stored file, or None."""
        query = select(files.c.data).where(
            files.c.workspace == self.workspace, files.c.name == name
        )
        with self.reading() as connection:
            found = connection.execute(query).scalar()
        return bytes(found) if found is not None else None

    def file_names(self) -> list[str]:
        """The names of the stored files, sorted."""
        query = select(files.c.name).where(files.c.workspace == self.workspace)
        with self.reading() as connection:
            return list(connection.execute(query.order_by(files.c.name)).scalars())

    def delete_file(self, name: str) -> None:
        """Remove a stored file (nothing if absent)."""
        with self.transaction() as connection:
            connection.execute(
                delete(files).where(files.c.workspace == self.workspace, files.c.name == name)
            )

    def delete_workspace(self) -> None:
        """Remove every row of this workspace (it is being deleted)."""
        with self.transaction() as connection:
            for table in WORKSPACE_TABLES:
                connection.execute(delete(table).where(table.c.workspace == self.workspace))


def _serialise(connection: Connection, what: str) -> None:
    """Make read-modify-write transactions on `what` take turns. SQLite's BEGIN IMMEDIATE
    already does; PostgreSQL takes a transaction lock named after it, which also covers a
    first save, when there is no row to lock yet."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(what)})


def _lock_key(what: str) -> int:
    """A signed 64-bit number naming a lock."""
    return int.from_bytes(hashlib.sha256(what.encode()).digest()[:8], "big", signed=True)


def dispose_folder_db(root: Path) -> None:
    """Close the engine of a workspace folder that is about to be deleted (and, in a shared
    database, delete its rows)."""
    if database_url():
        WorkspaceDB.for_folder(root).delete_workspace()
        return
    forget_engine(sqlite_url(Path(root) / DB_FILE))


# --- migration of the JSON layout (documents/*.json, profile.json, interview.json) --------


def migrate_json_workspace(root: Path, db: WorkspaceDB) -> bool:
    """Move an old JSON workspace's state into the database; the files go to legacy-json/.

    Each step commits before its files move, so a crash repeats the step (idempotent).
    """
    moved = _migrate_documents(root, db)
    moved |= _migrate_interview(root, db)
    if moved:
        log.info("migrated the JSON state of %s into %s", root, DB_FILE)
    return moved


def _migrate_documents(root: Path, db: WorkspaceDB) -> bool:
    folder = root / "documents"
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
    for path in files:
        payload = json.loads(path.read_text(encoding="utf-8"))
        db.put_document(path.stem, payload["record"]["name"], payload)
        _keep_legacy(root, path, Path("documents") / path.name)
    return bool(files)


def _migrate_interview(root: Path, db: WorkspaceDB) -> bool:
    profile, state = root / "profile.json", root / "interview.json"
    if not (profile.exists() or state.exists()):
        return False
    with db.interview_for_update() as (row, connection):
        if row.version == 0:
            db.write_interview(
                connection,
                row,
                profile.read_text(encoding="utf-8") if profile.exists() else "{}",
                state.read_text(encoding="utf-8") if state.exists() else "{}",
            )
    for path in (profile, state):
        if path.exists():
            _keep_legacy(root, path, Path(path.name))
    return True


def _keep_legacy(root: Path, path: Path, relative: Path) -> None:
    target = root / LEGACY_DIR / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), str(target))
