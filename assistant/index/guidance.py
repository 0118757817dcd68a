"""The guidance knowledge base indexed like a proposal: statements with citable ids
(`guidance:<id>`, page 1) and their vectors.

Built once per installation (at `procure setup`, or on first use) under
`<install dir>/guidance/`, and shared by every workspace of the process.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from assistant.index.arrays import load_arrays, save_arrays
from assistant.index.embedder import Embedder, model_name
from assistant.index.keyword import KeywordIndex
from assistant.index.statements import StatementIndex
from assistant.knowledge import GuidanceBase
from assistant.models import Page
from assistant.progress import Progress, no_progress
from assistant.reading.statements import Statement, page_statements

log = logging.getLogger(__name__)

GUIDANCE_VENDOR = "Guidance"
FOLDER = "guidance"
BUILDING = "indexing the guidance notes (once per installation)"


def guidance_pages(base: GuidanceBase) -> dict[str, Page]:
    """One page per guidance item, under its citable id."""
    return {item.citation_id: Page(1, item.as_text()) for item in base}


def guidance_statements(base: GuidanceBase, pages: dict[str, Page]) -> list[Statement]:
    """Every statement of every item, its heading the item's title (all of it is advice)."""
    result = []
    for item in base:
        for statement in page_statements(pages[item.citation_id], item.citation_id, GUIDANCE_VENDOR,
                                         heading=item.title):
            result.append(replace(statement, section="offer"))
    return result


def fingerprint(statements: list[Statement]) -> str:
    """Changes whenever any guidance text (or the way it is cut into statements) changes."""
    digest = hashlib.sha256()
    for statement in statements:
        digest.update(f"{statement.id}\0{statement.embedding_text()}\0".encode())
    return digest.hexdigest()


_indexes: dict[tuple[Path, str], tuple[StatementIndex, dict[str, Page]]] = {}
_indexes_lock = threading.Lock()


def guidance_index(
    install_dir: Path, base: GuidanceBase, embedder: Embedder, progress: Progress = no_progress
) -> tuple[StatementIndex, dict[str, Page]]:
    """The installation's guidance index for this model (loaded, or built and saved once) and
    the guidance pages by citable id."""
    pages = guidance_pages(base)
    statements = guidance_statements(base, pages)
    key = (install_dir, f"{fingerprint(statements)}:{model_name(embedder)}")
    with _indexes_lock:
        if key not in _indexes:
            index = _load_or_build(install_dir / FOLDER, statements, embedder, progress)
            _indexes[key] = (index, pages)
        return _indexes[key]


def _load_or_build(
    folder: Path, statements: list[Statement], embedder: Embedder, progress: Progress
) -> StatementIndex:
    """Vectors from `folder` when made from these notes by this model, else embedded and saved."""
    model = model_name(embedder)
    # An export made again from other weights keeps its name: its source tells them apart.
    key = f"{fingerprint(statements)}:{model}:{getattr(embedder, 'source', '')}"
    path = folder / f"statement-vectors-{model.rsplit('/', 1)[-1]}.npz"  # one file per way of running
    saved = load_arrays(path, key)
    if saved is None or len(saved["vectors"]) != len(statements):
        started = time.perf_counter()
        texts = [s.embedding_text() for s in statements]
        saved = {"vectors": embed_reporting(embedder, texts, BUILDING, progress)}
        save_arrays(path, key, **saved)
        log.info("guidance indexed in %.1f s into %s", time.perf_counter() - started, folder)
    vectors = dict(zip((s.id for s in statements), saved["vectors"], strict=True))
    keyword = KeywordIndex.cached(statements, folder / "statement-keyword.npz")
    return StatementIndex(statements, vectors, keyword)


def embed_reporting(
    embedder: Embedder, texts: list[str], task: str, progress: Progress, size: int = 32
) -> np.ndarray:
    """Vectors of many texts, a slice at a time, telling `progress` after each slice."""
    parts = []
    progress(task, 0, len(texts))
    for start in range(0, len(texts), size):
        parts.append(embedder.embed(texts[start : start + size]))
        progress(task, min(start + size, len(texts)), len(texts))
    return np.concatenate(parts) if parts else np.zeros((0, 0), dtype=np.float32)
