"""Dense vectors in a Chroma PersistentClient inside the workspace."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.models import Chunk
from assistant.settings import quiet_third_parties

COLLECTION = "chunks"
_MAX_BATCH = 4000  # Chroma refuses much more than ~5,400 items per call


class VectorStore:
    """Chunk vectors keyed by chunk id, with document and vendor as metadata."""

    def __init__(self, directory: Path, collection: str = COLLECTION) -> None:
        quiet_third_parties()
        import chromadb

        directory.mkdir(parents=True, exist_ok=True)
        self._client = chromadb.PersistentClient(
            path=str(directory),
            settings=chromadb.Settings(anonymized_telemetry=False, allow_reset=False),
        )
        # embedding_function=None: we always pass vectors; Chroma's default would download one.
        self._collection = self._client.get_or_create_collection(
            collection, embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        self._count: int | None = None

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Insert or replace the vectors of these records (chunks or sentences: anything with an
        id, document, vendor and page)."""
        self._count = None
        for start in range(0, len(chunks), _MAX_BATCH):
            batch = chunks[start : start + _MAX_BATCH]
            self._collection.upsert(
                ids=[chunk.id for chunk in batch],
                embeddings=vectors[start : start + _MAX_BATCH],
                metadatas=[
                    {"document": c.document, "vendor": c.vendor, "page": c.page} for c in batch
                ],
            )

    def set_vendor(self, chunks: Sequence[Chunk]) -> None:
        """Record these chunks' (new) vendor in their metadata."""
        for start in range(0, len(chunks), _MAX_BATCH):
            batch = chunks[start : start + _MAX_BATCH]
            self._collection.update(
                ids=[c.id for c in batch],
                metadatas=[{"document": c.document, "vendor": c.vendor, "page": c.page} for c in batch],
            )

    def vectors_of(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these ids (those not stored are left out)."""
        if not ids:
            return {}
        found = self._collection.get(ids=list(ids), include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(found["ids"], found["embeddings"], strict=True)}

    def delete_document(self, document: str) -> None:
        """Drop every vector of one document."""
        self._count = None
        self._collection.delete(where={"document": document})

    def clear(self) -> None:
        """Drop every vector of the collection."""
        self._count = None
        existing = self._collection.get(include=[])["ids"]
        if existing:
            self._collection.delete(ids=existing)

    def query(
        self, vector: np.ndarray, k: int, vendors: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) pairs, best first, optionally within some vendors."""
        count = self.count()
        if count == 0:
            return []
        where = None
        if vendors:
            where = {"vendor": vendors[0]} if len(vendors) == 1 else {"vendor": {"$in": list(vendors)}}
        result = self._collection.query(
            query_embeddings=[vector], n_results=min(k, count), where=where, include=["distances"]
        )
        return [(cid, 1.0 - dist) for cid, dist in zip(result["ids"][0], result["distances"][0])]

    def count(self) -> int:
        """Number of stored vectors (cached between writes)."""
        if self._count is None:
            self._count = self._collection.count()
        return self._count
