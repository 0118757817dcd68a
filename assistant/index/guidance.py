"""The guidance knowledge base indexed like a proposal: chunks, vectors in Chroma, citable ids."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from assistant.index.catalog import write_json_atomic
from assistant.index.store import VectorStore
from assistant.knowledge import GuidanceBase
from assistant.models import Chunk

GUIDANCE_VENDOR = "Guidance"
COLLECTION = "guidance"


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


def ensure_guidance_vectors(root: Path, chunks: list[Chunk], embed) -> VectorStore:
    """The workspace's guidance collection, (re)embedded only when the guidance changed."""
    store = VectorStore(root / "chroma", collection=COLLECTION)
    marker = root / "guidance.json"
    current = fingerprint(chunks)
    known = json.loads(marker.read_text())["fingerprint"] if marker.exists() else None
    if known != current or store.count() != len(chunks):
        store.clear()
        store.add(chunks, embed([c.embedding_text() for c in chunks]))
        write_json_atomic(marker, {"fingerprint": current})
    return store
