"""A small set of vectors in memory, searched exactly: the `query`/`count` of VectorStore."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class ArrayStore:
    """Unit vectors by id with a vendor each; a query is one matrix product."""

    def __init__(self, ids: Sequence[str], vendors: Sequence[str], vectors: np.ndarray) -> None:
        if len(ids) != len(vendors) or len(ids) != len(vectors):
            raise ValueError("ids, vendors and vectors differ in length")
        self.ids = list(ids)
        self._vendors = np.array(vendors, dtype=object)
        self.vectors = np.asarray(vectors, dtype=np.float32)

    def query(
        self, vector: np.ndarray, k: int, vendors: Sequence[str] | None = None
    ) -> list[tuple[str, float]]:
        """(id, cosine similarity) pairs, best first, optionally within some vendors."""
        rows = np.arange(len(self.ids))
        if vendors:
            rows = rows[np.isin(self._vendors, list(vendors))]
        similarity = self.vectors[rows] @ np.asarray(vector, dtype=np.float32)
        best = np.argsort(-similarity, kind="stable")[:k]
        return [(self.ids[rows[i]], float(similarity[i])) for i in best]

    def count(self) -> int:
        """Number of vectors held."""
        return len(self.ids)
