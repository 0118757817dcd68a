"""Where shared state lives: files in the workspace folder (default) or servers for a team.

Two environment variables switch a deployment to servers that several app processes share:
`PROCURE_DATABASE_URL` (a SQLAlchemy URL; PostgreSQL) for the catalog, page texts, profiles,
users, sessions, shares and audit log, and `PROCURE_CHROMA_URL` (a Chroma server) for the
vectors. They are read when a store is opened, not once at import, because the paths that
open stores (the interview, the catalog, the server's tables) are handed a folder only; the
folder then names the workspace inside the shared database (`workspace_id`).
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

DATABASE_ENV = "PROCURE_DATABASE_URL"
CHROMA_ENV = "PROCURE_CHROMA_URL"
CHROMA_TENANT_ENV = "PROCURE_CHROMA_TENANT"
CHROMA_DATABASE_ENV = "PROCURE_CHROMA_DATABASE"
DEFAULT_CHROMA_TENANT = "procure"
DEFAULT_CHROMA_DATABASE = "procure"

_SESSION_HEX = re.compile(r"[0-9a-f]{16}")
_NAME = re.compile(r"[A-Za-z0-9_.-]{1,64}")


@dataclass(frozen=True)
class ChromaServer:
    """A Chroma server and the tenant and database of this deployment in it."""

    host: str
    port: int
    ssl: bool
    tenant: str
    database: str


def database_url() -> str | None:
    """The shared database's SQLAlchemy URL, or None (each workspace has its SQLite file)."""
    return os.environ.get(DATABASE_ENV) or None


def chroma_server() -> ChromaServer | None:
    """The Chroma server to use, or None (each workspace has its own Chroma folder)."""
    url = os.environ.get(CHROMA_ENV)
    if not url:
        return None
    parsed = urlparse(url if "://" in url else f"http://{url}")
    ssl = parsed.scheme == "https"
    return ChromaServer(
        host=parsed.hostname or "localhost",
        port=parsed.port or (443 if ssl else 8000),
        ssl=ssl,
        tenant=os.environ.get(CHROMA_TENANT_ENV) or DEFAULT_CHROMA_TENANT,
        database=os.environ.get(CHROMA_DATABASE_ENV) or DEFAULT_CHROMA_DATABASE,
    )


def workspace_id(root: Path) -> str:
    """The name of a workspace folder in the shared stores, the same on every app machine.

    A server's workspace (`<home>/sessions/<hex>`, `<home>/named/<owner>/<name>`) is known by
    its server key, whatever the home's path on each machine; any other folder by its
    absolute path (replicas then mount it at the same path).
    """
    parts = Path(root).resolve().parts
    if len(parts) >= 2 and parts[-2] == "sessions" and _SESSION_HEX.fullmatch(parts[-1]):
        return f"session:{parts[-1]}"
    if len(parts) >= 3 and parts[-3] == "named" and all(map(_NAME.fullmatch, parts[-2:])):
        return f"named:{parts[-2]}/{parts[-1]}"
    return f"path:{Path(*parts)}"


def collection_name(workspace: str, kind: str) -> str:
    """A Chroma collection name for a workspace's vectors of one kind (`chunks`, `statements`).

    Chroma allows 3-512 characters of [A-Za-z0-9._-], starting and ending with a letter or
    digit: a readable slug of the id, a hash that keeps distinct ids apart, then the kind.
    """
    slug = re.sub(r"[^A-Za-z0-9]+", "-", workspace).strip("-")[:48].strip("-") or "ws"
    digest = hashlib.sha256(workspace.encode("utf-8")).hexdigest()[:12]
    return f"{slug}-{digest}-{re.sub(r'[^A-Za-z0-9]+', '-', kind).strip('-')}"
