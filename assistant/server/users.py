"""Users of a server: names, argon2 password hashes in the server's home, login checks."""

from __future__ import annotations

import re
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from assistant.state.server_db import ServerDB
from assistant.state.workspace_db import LOCAL_USER

USER_RE = re.compile(r"[a-z][a-z0-9_.-]{0,31}")
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # argon2 hashes anything, but a login form needs no megabyte passwords

_hasher = PasswordHasher()  # argon2id, memory-hard (64 MiB, 3 passes by default)
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class UserError(ValueError):
    """A bad user name or password, in words the operator can act on."""


def check_user_name(name: str) -> str:
    """The name, or UserError unless it is a lower-case letter then letters, digits, . _ -."""
    if name == LOCAL_USER or not USER_RE.fullmatch(name or ""):
        raise UserError(
            "A user name starts with a lower-case letter and has at most 32 lower-case letters, "
            f"digits, '.', '_' or '-' ('{LOCAL_USER}' is reserved)."
        )
    return name


def check_password(password: str) -> str:
    """The password, or UserError when it is too short or too long."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise UserError(f"A password has {MIN_PASSWORD} to {MAX_PASSWORD} characters.")
    return password


class Users:
    """Add, list, remove and check the users of one server home."""

    def __init__(self, db: ServerDB) -> None:
        self.db = db

    @classmethod
    def for_home(cls, home: Path) -> Users:
        """The users stored in a server home."""
        return cls(ServerDB.for_home(home))

    def add(self, name: str, password: str) -> bool:
        """Add a user or set a new password; True when the user is new."""
        check_user_name(name)
        return self.db.put_user(name, _hasher.hash(check_password(password)))

    def remove(self, name: str) -> bool:
        """Remove a user (their workspaces stay, owned by that name); False if unknown."""
        return self.db.delete_user(name)

    def names(self) -> list[str]:
        """Every user, sorted."""
        return self.db.user_names()

    def any(self) -> bool:
        """Whether the server has users (then it requires a login)."""
        return self.db.has_users()

    def authenticate(self, name: str, password: str) -> bool:
        """Whether the name and password match (as slow for unknown names as for known)."""
        stored = self.db.user_hash(name) if USER_RE.fullmatch(name or "") else None
        if len(password or "") > MAX_PASSWORD:
            return False
        try:
            return _hasher.verify(stored or _DUMMY_HASH, password or "") and stored is not None
        except (VerificationError, InvalidHashError):
            return False
