"""The guidance knowledge base indexed like a proposal: chunks, vectors, citable ids.

Built once per installation (at `procure setup`, or on first use) under
`<install dir>/guidance/`, and shared by every workspace of the process.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.index.array_store import ArrayStore
from assistant.index.arrays import load_arrays, save_arrays
from assistant.index.embedder import Embedder, model_name
from assistant.index.keyword import KeywordIndex
from assistant.knowledge import GuidanceBase
from assistant.models import Chunk
from assistant.progress import Progress, no_progress

log = logging.getLogger(__name__)

GUIDANCE_VENDOR = "Guidance"
FOLDER = "guidance"
BUILDING = "indexing the guidance notes (once per installation)"


def guidance_chunks(base: GuidanceBase) -> list[Chunk]:
    """One chunk per guidance item; its document name is the citable id `guidance:<id>`."""
    chunks = []
    for item in base:
        text = item.as_text()
        chunks.append(
            Chunk(
                id=item.citation_id,
                document=item.citation_id,
                vendor=GUIDANCE_VENDOR,
                page=1,
                start=0,
                end=len(text),
                text=text,
                headings=(item.topic, item.title),
            )
        )
    return chunks


def fingerprint(chunks: list[Chunk]) -> str:
    """Changes whenever any guidance text changes."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(f"{chunk.id}\0{chunk.embedding_text()}\0".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class GuidanceIndex:
    """The guidance notes as chunks, with their vectors and keyword index."""

    chunks: tuple[Chunk, ...]
    store: ArrayStore
    keyword: KeywordIndex


_indexes: dict[tuple[Path, str], GuidanceIndex] = {}
_indexes_lock = threading.Lock()


def guidance_index(
    install_dir: Path, base: GuidanceBase, embedder: Embedder, progress: Progress = no_progress
) -> GuidanceIndex:
    """The installation's guidance index for this model, loaded or (once) built and saved."""
    chunks = guidance_chunks(base)
    key = (install_dir, f"{fingerprint(chunks)}:{model_name(embedder)}")
    with _indexes_lock:
        if key not in _indexes:
            _indexes[key] = _load_or_build(install_dir / FOLDER, chunks, embedder, progress)
        return _indexes[key]


def _load_or_build(
    folder: Path, chunks: list[Chunk], embedder: Embedder, progress: Progress
) -> GuidanceIndex:
    """Vectors from `folder` when made from these notes by this model, else embedded and saved."""
    model = model_name(embedder)
    # An export made again from other weights keeps its name: its source tells them apart.
    key = f"{fingerprint(chunks)}:{model}:{getattr(embedder, 'source', '')}"
    path = folder / f"vectors-{model.rsplit('/', 1)[-1]}.npz"  # one file per way of running
    saved = load_arrays(path, key)
    if saved is None or len(saved["vectors"]) != len(chunks):
        started = time.perf_counter()
        texts = [chunk.embedding_text() for chunk in chunks]
        saved = {"vectors": embed_reporting(embedder, texts, BUILDING, progress)}
        save_arrays(path, key, **saved)
        log.info("guidance indexed in %.1f s into %s", time.perf_counter() - started, folder)
    store = ArrayStore([c.id for c in chunks], [c.vendor for c in chunks], saved["vectors"])
    keyword = KeywordIndex.cached(chunks, folder / "keyword.npz")
    return GuidanceIndex(tuple(chunks), store, keyword)


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
