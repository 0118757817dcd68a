"""Backups of a folder deployment (`procure backup DEST`, `procure restore SRC`).

A workspace or a server home holds all its state in its folder: SQLite files (copied with
SQLite's online backup, so a running server's writes never leave half a page), Chroma's
folder, the kept PDFs and the user's vendor names. Caches rebuilt on demand (uploads,
exports offered for download) are left out. A team set-up (PostgreSQL and a Chroma server)
is backed up with those servers' own tools instead: see the README, "Deploying for a team".
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.state.backends import CHROMA_ENV, DATABASE_ENV, chroma_server, database_url

MANIFEST = "procure-backup.json"
SKIPPED_DIRS = {"uploads", "exports"}  # per-process files, made again when needed
SKIPPED_SUFFIXES = ("-wal", "-shm", "-journal", ".tmp")  # folded in by the online backup
SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup or restore that cannot be done, in words that say what to do instead."""


@dataclass(frozen=True)
class BackupReport:
    """What a backup or restore copied."""

    files: int
    databases: int
    bytes: int


def backup(source: Path, dest: Path) -> BackupReport:
    """Copy a workspace folder (or a server home) into `dest`, which must be new or empty."""
    _refuse_servers()
    source, dest = Path(source), Path(dest)
    if not source.is_dir():
        raise BackupError(f"{source} is not a folder")
    _must_be_empty(dest, "the backup's folder")
    report = _copy_tree(source, dest)
    manifest = {"made_at": time.time(), "source": str(source.resolve()), **report.__dict__}
    (dest / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return report


def restore(source: Path, target: Path) -> BackupReport:
    """Copy a backup made by `backup` into `target`, which must be new or empty."""
    _refuse_servers()
    source, target = Path(source), Path(target)
    if not (source / MANIFEST).is_file():
        raise BackupError(f"{source} is not a procure backup (no {MANIFEST} in it)")
    _must_be_empty(target, "the folder to restore into")
    report = _copy_tree(source, target)
    (target / MANIFEST).unlink(missing_ok=True)
    return report


def _refuse_servers() -> None:
    if database_url() or chroma_server():
        raise BackupError(
            f"{DATABASE_ENV} or {CHROMA_ENV} is set: the state is in PostgreSQL and the Chroma "
            "server, so back up with pg_dump and a copy of the Chroma server's data folder "
            "(README: Deploying for a team)."
        )


def _must_be_empty(folder: Path, what: str) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupError(
            f"{what} {folder} is not empty; give a new folder (nothing is overwritten)"
        )


def _copy_tree(source: Path, dest: Path) -> BackupReport:
    files = databases = size = 0
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if _skipped(relative) or path.is_symlink() or not path.is_file():
            continue
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if _is_sqlite(path):
            _copy_sqlite(path, target)
            databases += 1
        else:
            shutil.copy2(path, target)
        files += 1
        size += target.stat().st_size
    dest.mkdir(parents=True, exist_ok=True)
    return BackupReport(files, databases, size)


def _skipped(relative: Path) -> bool:
    in_skipped_dir = bool(SKIPPED_DIRS & set(relative.parts[:-1]))
    return in_skipped_dir or relative.name.endswith(SKIPPED_SUFFIXES) or relative.name == MANIFEST


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _copy_sqlite(path: Path, target: Path) -> None:
    """A consistent copy of a live SQLite file (its write-ahead log folded in)."""
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
