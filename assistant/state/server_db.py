"""The server's own tables: users, who owns which workspace, shares, and offered exports."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Column,
    Connection,
    Float,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)

from assistant.state.backends import database_url
from assistant.state.engine import engine_for, sqlite_url

DB_FILE = "server.db"

metadata = MetaData()
users = Table(
    "users",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("created_at", Float, nullable=False),
)
workspaces = Table(
    "workspaces",
    metadata,
    Column("key", String(255), primary_key=True),  # 'session:<hex>' or 'named:<owner>/<name>'
    Column("kind", String(16), nullable=False),
    Column("owner", String(64), nullable=False, index=True),
    Column("name", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("last_used", Float, nullable=False),
)
shares = Table(
    "shares",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("user", String(64), primary_key=True),
)
exports = Table(
    "exports",
    metadata,
    Column("token", String(64), primary_key=True),  # one folder of files, one token
    Column("filename", String(255), primary_key=True),
    Column("key", String(255), nullable=False),
    Column("path", Text, nullable=False),  # relative to the workspace folder
    Column("created_at", Float, nullable=False),
)


@dataclass(frozen=True)
class WorkspaceRow:
    """A workspace the server knows: its key, kind, owner and name."""

    key: str
    kind: str
    owner: str
    name: str
    last_used: float


@dataclass(frozen=True)
class ExportRow:
    """A file offered for download: which workspace, where in it, under what name."""

    token: str
    key: str
    path: str
    filename: str
    created_at: float


class ServerDB:
    """Users, ownership, shares and exports of one server home (a SQLite file by default)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = engine_for(url, metadata)

    @property
    def shared(self) -> bool:
        """Whether app processes on other machines share these tables (folders are caches)."""
        return not self.url.startswith("sqlite")

    @classmethod
    def for_home(cls, home: Path) -> ServerDB:
        """The database in the server's home folder, or the shared one when configured."""
        Path(home).mkdir(parents=True, exist_ok=True)
        return cls(database_url() or sqlite_url(Path(home) / DB_FILE))

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: committed at the end, rolled back on any error."""
        with self.engine.begin() as connection:
            yield connection

    # --- users --------------------------------------------------------------------------

    def user_hash(self, name: str) -> str | None:
        """The stored password hash of a user, or None."""
        query = select(users.c.password_hash).where(users.c.name == name)
        with self.transaction() as connection:
            return connection.execute(query).scalar()

    def put_user(self, name: str, password_hash: str) -> bool:
        """Add a user or replace their hash; True when the user is new."""
        with self.transaction() as connection:
            known = connection.execute(select(users.c.name).where(users.c.name == name)).first()
            if known:
                connection.execute(
                    update(users).where(users.c.name == name).values(password_hash=password_hash)
                )
            else:
                connection.execute(
                    insert(users).values(
                        name=name, password_hash=password_hash, created_at=time.time()
                    )
                )
        return not known

    def delete_user(self, name: str) -> bool:
        """Remove a user and their shares; False if there was none."""
        with self.transaction() as connection:
            gone = connection.execute(delete(users).where(users.c.name == name)).rowcount
            connection.execute(delete(shares).where(shares.c.user == name))
        return bool(gone)

    def user_names(self) -> list[str]:
        """Every user's name, sorted."""
        with self.transaction() as connection:
            return list(connection.execute(select(users.c.name).order_by(users.c.name)).scalars())

    def has_users(self) -> bool:
        """Whether any user exists (then the server asks for a login)."""
        with self.transaction() as connection:
            return bool(connection.execute(select(func.count()).select_from(users)).scalar())

    # --- workspaces and shares -------------------------------------------------------------

    def workspace(self, key: str) -> WorkspaceRow | None:
        """The row of a workspace key, or None."""
        with self.transaction() as connection:
            found = connection.execute(_workspace_query().where(workspaces.c.key == key)).first()
        return WorkspaceRow(*found) if found else None

    def add_workspace(self, key: str, kind: str, owner: str, name: str) -> WorkspaceRow:
        """Register a workspace (its folder is the caller's business)."""
        now = time.time()
        with self.transaction() as connection:
            connection.execute(
                insert(workspaces).values(
                    key=key, kind=kind, owner=owner, name=name, created_at=now, last_used=now
                )
            )
        return WorkspaceRow(key, kind, owner, name, now)

    def touch(self, key: str) -> None:
        """Mark a workspace as used now (sessions expire when unused)."""
        with self.transaction() as connection:
            connection.execute(
                update(workspaces).where(workspaces.c.key == key).values(last_used=time.time())
            )

    def delete_workspace(self, key: str) -> None:
        """Forget a workspace, its shares and its exports."""
        with self.transaction() as connection:
            for table in (workspaces, shares, exports):
                connection.execute(delete(table).where(table.c.key == key))

    def owned(self, owner: str, kind: str) -> list[WorkspaceRow]:
        """A user's workspaces of one kind, least recently used first."""
        query = _workspace_query().where(workspaces.c.owner == owner, workspaces.c.kind == kind)
        with self.transaction() as connection:
            rows = connection.execute(query.order_by(workspaces.c.last_used)).all()
        return [WorkspaceRow(*row) for row in rows]

    def shared_with(self, user: str) -> list[WorkspaceRow]:
        """The workspaces shared with a user."""
        query = _workspace_query().join(shares, shares.c.key == workspaces.c.key)
        with self.transaction() as connection:
            rows = connection.execute(query.where(shares.c.user == user)).all()
        return [WorkspaceRow(*row) for row in rows]

    def share(self, key: str, user: str) -> bool:
        """Share a workspace with a user; False if it already was."""
        with self.transaction() as connection:
            known = connection.execute(
                select(shares.c.key).where(shares.c.key == key, shares.c.user == user)
            ).first()
            if not known:
                connection.execute(insert(shares).values(key=key, user=user))
        return not known

    def unshare(self, key: str, user: str) -> bool:
        """Stop sharing; False if it was not shared."""
        with self.transaction() as connection:
            statement = delete(shares).where(shares.c.key == key, shares.c.user == user)
            return bool(connection.execute(statement).rowcount)

    def members(self, key: str) -> list[str]:
        """The users a workspace is shared with, sorted."""
        query = select(shares.c.user).where(shares.c.key == key).order_by(shares.c.user)
        with self.transaction() as connection:
            return list(connection.execute(query).scalars())

    def sessions_unused_since(self, cutoff: float) -> list[WorkspaceRow]:
        """Session workspaces last used before `cutoff`."""
        query = _workspace_query().where(
            workspaces.c.kind == "session", workspaces.c.last_used < cutoff
        )
        with self.transaction() as connection:
            return [WorkspaceRow(*row) for row in connection.execute(query).all()]

    # --- exports ----------------------------------------------------------------------------

    def add_export(self, row: ExportRow) -> None:
        """Offer a file for download."""
        with self.transaction() as connection:
            connection.execute(insert(exports).values(**row.__dict__))

    def export(self, token: str, filename: str | None = None) -> ExportRow | None:
        """The export of a token (and file name), or None."""
        query = select(*_export_columns()).where(exports.c.token == token)
        if filename is not None:
            query = query.where(exports.c.filename == filename)
        with self.transaction() as connection:
            found = connection.execute(query.limit(1)).first()
        return ExportRow(*found) if found else None

    def exports_before(self, cutoff: float) -> list[ExportRow]:
        """Exports created before `cutoff`."""
        query = select(*_export_columns()).where(exports.c.created_at < cutoff)
        with self.transaction() as connection:
            return [ExportRow(*row) for row in connection.execute(query).all()]

    def delete_export(self, token: str) -> None:
        """Forget the files of one export token."""
        with self.transaction() as connection:
            connection.execute(delete(exports).where(exports.c.token == token))


def _workspace_query():
    return select(
        workspaces.c.key,
        workspaces.c.kind,
        workspaces.c.owner,
        workspaces.c.name,
        workspaces.c.last_used,
    )


def _export_columns():
    c = exports.c
    return (c.token, c.key, c.path, c.filename, c.created_at)
