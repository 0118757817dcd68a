"""Who may open which workspace: private sessions, named workspaces, shares, caps, expiry.

A workspace is known by a key the browser may remember ('session:<hex>' or
'named:<owner>/<name>', never a path); every use checks the key against the user.
"""

from __future__ import annotations

import logging
import os
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.state.server_db import ExportRow, ServerDB, WorkspaceRow
from assistant.state.workspace_db import LOCAL_USER, dispose_folder_db

log = logging.getLogger(__name__)

NAME_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")
OWNER_RE = re.compile(r"[a-z][a-z0-9_.-]{0,31}")
SESSION_ID_BYTES = 8
SESSION_ID_RE = re.compile(rf"[0-9a-f]{{{2 * SESSION_ID_BYTES}}}")
EXPORTS_DIR = "exports"
WORKSPACE_MARKERS = ("state.db", "documents", "chroma", "profile.json", "interview.json")
NAME_RULE = "A workspace name uses letters, digits, - and _ only (at most 64)."


class AccessError(Exception):
    """The user may not do this; the message says so in a plain sentence."""


@dataclass(frozen=True)
class Limits:
    """Per-user caps and lifetimes."""

    sessions_per_user: int = 10
    workspaces_per_user: int = 20
    session_days: float = 30
    export_ttl_s: float = 3600


@dataclass(frozen=True)
class Cleaned:
    """What one clean-up deleted: the folders of expired sessions, and how many exports."""

    sessions: list[Path]
    exports: int


@dataclass(frozen=True)
class WorkspaceRef:
    """A workspace a user may open: its key, kind, owner, name and folder."""

    key: str
    kind: str
    owner: str
    name: str
    path: Path

    def label(self, user: str) -> str:
        """'acme' for the owner's own, 'alice/acme' for one shared with the user."""
        return self.name if self.owner == user else f"{self.owner}/{self.name}"


class Access:
    """Workspace ownership and sharing over a server home."""

    def __init__(self, home: Path, db: ServerDB, limits: Limits | None = None) -> None:
        self.home = Path(home)
        self.db = db
        self.limits = limits or Limits()

    # --- opening -------------------------------------------------------------------------

    def new_session(self, user: str) -> WorkspaceRef:
        """A fresh private workspace; the user's least recently used ones go beyond the cap."""
        sessions = self.db.owned(user, "session")
        for row in sessions[: max(0, len(sessions) - self.limits.sessions_per_user + 1)]:
            self.delete(row)
        ident = secrets.token_hex(SESSION_ID_BYTES)
        path = self.home / "sessions" / ident
        path.mkdir(parents=True, exist_ok=False)
        row = self.db.add_workspace(f"session:{ident}", "session", user, ident)
        return self._ref(row)

    def remembered(self, user: str, key: object) -> WorkspaceRef | None:
        """The workspace a remembered key names, if it exists and the user may open it."""
        if not isinstance(key, str):
            return None
        kind, _, ident = key.partition(":")
        if kind == "named":
            try:
                return self.open_named(user, ident, create=False)
            except AccessError:
                return None
        if kind != "session" or not SESSION_ID_RE.fullmatch(ident):
            return None
        row = self.db.workspace(key)
        if row is None and user == LOCAL_USER:  # a session of the single-user server before
            row = self._adopt(key, "session", ident, self.home / "sessions" / ident)
        if row is None or row.owner != user or not self._present(row):
            return None
        self.db.touch(key)
        os.utime(self._path(row))  # a visit counts as use for the folder sweep too
        return self._ref(row)

    def open_named(self, user: str, text: str, create: bool = True) -> WorkspaceRef:
        """'name' opens (or creates) the user's own; 'owner/name' one shared with them."""
        owner, name = _split_name(user, (text or "").strip())
        key = f"named:{owner}/{name}"
        row = self.db.workspace(key)
        if row is None and owner == user and create:
            row = self._create_named(user, name, key)
        if row is None or not self.can_open(user, row):
            raise AccessError(f"No workspace called {text.strip()!r} is yours or shared with you.")
        self.db.touch(key)
        return self._ref(row)

    def check(self, user: str, key: str) -> WorkspaceRef:
        """The workspace of a key the user may open; AccessError otherwise."""
        row = self.db.workspace(key) if isinstance(key, str) else None
        if row is None or not self.can_open(user, row) or not self._present(row):
            raise AccessError("This workspace is not yours or shared with you; reload the page.")
        return self._ref(row)

    def can_open(self, user: str, row: WorkspaceRow) -> bool:
        """The owner, and users a named workspace is shared with."""
        return row.owner == user or (row.kind == "named" and user in self.db.members(row.key))

    def listing(self, user: str) -> list[WorkspaceRef]:
        """The named workspaces a user may open: their own, then those shared with them."""
        own = sorted(self.db.owned(user, "named"), key=lambda row: row.name)
        shared = sorted(self.db.shared_with(user), key=lambda row: (row.owner, row.name))
        return [self._ref(row) for row in own + shared]

    # --- sharing ---------------------------------------------------------------------------

    def share(self, actor: str | None, key: str, other: str) -> bool:
        """Share a named workspace with a user; `actor` must own it (None: the operator)."""
        row = self._owned_named(actor, key)
        if other == row.owner:
            raise AccessError("A workspace is always open to its owner.")
        if other not in self.db.user_names():
            raise AccessError(f"There is no user called {other!r}.")
        return self.db.share(row.key, other)

    def unshare(self, actor: str | None, key: str, other: str) -> bool:
        """Stop sharing a named workspace with a user."""
        return self.db.unshare(self._owned_named(actor, key).key, other)

    def members(self, key: str) -> list[str]:
        """Who a workspace is shared with."""
        return self.db.members(key)

    def is_owner(self, user: str, key: str) -> bool:
        """Whether the user owns the workspace (only owners share and read the audit log)."""
        row = self.db.workspace(key)
        return row is not None and row.owner == user

    def _owned_named(self, actor: str | None, key: str) -> WorkspaceRow:
        row = self.db.workspace(key)
        if row is None or row.kind != "named":
            raise AccessError("Only a named workspace can be shared; give this one a name first.")
        if actor is not None and row.owner != actor:
            raise AccessError("Only the owner of a workspace can share it.")
        return row

    # --- exports ---------------------------------------------------------------------------

    def export_folder(self, ref: WorkspaceRef) -> tuple[str, Path]:
        """A token and a fresh folder inside the workspace for files offered as downloads."""
        token = secrets.token_urlsafe(18)
        folder = ref.path / EXPORTS_DIR / token
        folder.mkdir(parents=True)
        return token, folder

    def offer(self, ref: WorkspaceRef, token: str, path: Path) -> str:
        """Register an exported file; returns its URL, relative to the app (no server path)."""
        relative = Path(path).resolve().relative_to(ref.path.resolve())
        row = ExportRow(token, ref.key, str(relative), Path(path).name, time.time())
        self.db.add_export(row)
        return f"download/{token}/{row.filename}"

    def exported_file(self, user: str, token: str, filename: str) -> Path | None:
        """The file of a download link, if the user may open its workspace and it is fresh."""
        row = self.db.export(token, filename)
        if row is None or time.time() - row.created_at > self.limits.export_ttl_s:
            return None
        try:
            ref = self.check(user, row.key)
        except AccessError:
            return None
        path = (ref.path / row.path).resolve()
        if not path.is_relative_to(ref.path.resolve() / EXPORTS_DIR) or not path.is_file():
            return None
        return path

    # --- clean-up --------------------------------------------------------------------------

    def cleanup(self, now: float | None = None) -> Cleaned:
        """Delete expired sessions and exports."""
        now = time.time() if now is None else now
        sessions = self.db.sessions_unused_since(now - self.limits.session_days * 86400)
        for row in sessions:
            self.delete(row)
        expired = {row.token: row for row in self.db.exports_before(now - self.limits.export_ttl_s)}
        for row in expired.values():
            self.db.delete_export(row.token)
            folder = self.home / _folder_of(row.key) / EXPORTS_DIR / row.token
            shutil.rmtree(folder, ignore_errors=True)
        removed = [self._path(row) for row in sessions]
        return Cleaned(removed, len(expired) + self._sweep_exports(now))

    def _sweep_exports(self, now: float) -> int:
        """Export folders no row points at (left by a crash) once they are old enough."""
        removed = 0
        for folder in [*self.home.glob(f"sessions/*/{EXPORTS_DIR}/*"),
                       *self.home.glob(f"named/*/*/{EXPORTS_DIR}/*")]:
            stale = now - folder.stat().st_mtime > self.limits.export_ttl_s
            if stale and self.db.export(folder.name) is None:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed

    def delete(self, row: WorkspaceRow) -> None:
        """Delete a workspace: its folder, its rows, its shares (and its vectors and rows in
        the shared stores of a team set-up)."""
        from assistant.index.store import drop_vectors

        path = self._path(row)
        drop_vectors(path)
        dispose_folder_db(path)
        shutil.rmtree(path, ignore_errors=True)
        self.db.delete_workspace(row.key)

    # --- folders ---------------------------------------------------------------------------

    def adopt_legacy_named(self) -> list[str]:
        """Named workspaces of the old layout (`named/<name>`) become the local user's."""
        adopted = []
        folder = self.home / "named"
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.is_symlink() or not NAME_RE.fullmatch(path.name) or not _is_workspace(path):
                continue
            target = folder / LOCAL_USER / path.name
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(path), str(target))
            self._adopt(f"named:{LOCAL_USER}/{path.name}", "named", path.name, target)
            adopted.append(path.name)
        return adopted

    def _create_named(self, user: str, name: str, key: str) -> WorkspaceRow:
        if len(self.db.owned(user, "named")) >= self.limits.workspaces_per_user:
            raise AccessError(
                f"You have {self.limits.workspaces_per_user} named workspaces, the most allowed; "
                "ask the operator to remove one."
            )
        (self.home / "named" / user / name).mkdir(parents=True, exist_ok=True)
        return self.db.add_workspace(key, "named", user, name)

    def _adopt(self, key: str, kind: str, name: str, path: Path) -> WorkspaceRow | None:
        if not path.is_dir() or path.is_symlink():
            return None
        return self.db.add_workspace(key, kind, LOCAL_USER, name)

    def _path(self, row: WorkspaceRow) -> Path:
        return self.home / _folder_of(row.key)

    def _present(self, row: WorkspaceRow) -> bool:
        """Whether a workspace's folder is there; with a shared database the folder only
        caches what another app process may have made, so it is made when missing."""
        path = self._path(row)
        if self.db.shared:
            path.mkdir(parents=True, exist_ok=True)
        return path.is_dir()

    def _ref(self, row: WorkspaceRow) -> WorkspaceRef:
        return WorkspaceRef(row.key, row.kind, row.owner, row.name, self._path(row))


def _folder_of(key: str) -> Path:
    """'session:<hex>' -> sessions/<hex>; 'named:<owner>/<name>' -> named/<owner>/<name>."""
    kind, _, ident = key.partition(":")
    return Path("sessions", ident) if kind == "session" else Path("named", *ident.split("/", 1))


def _split_name(user: str, text: str) -> tuple[str, str]:
    """(owner, name) of 'name' (the user's own) or 'owner/name'; AccessError when malformed."""
    owner, _, name = text.rpartition("/")
    owner = owner or user
    if not NAME_RE.fullmatch(name) or not (owner == LOCAL_USER or OWNER_RE.fullmatch(owner)):
        raise AccessError(NAME_RULE)
    return owner, name


def _is_workspace(path: Path) -> bool:
    return path.is_dir() and any((path / marker).exists() for marker in WORKSPACE_MARKERS)
