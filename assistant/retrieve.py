"""Retrieve stage: dense (Chroma) and keyword (BM25) results fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from assistant.index.keyword import KeywordIndex
from assistant.index.store import VectorStore
from assistant.models import Chunk, Hit


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int = 60
) -> dict[str, float]:
    """Fuse ranked id lists: score = sum of 1 / (k + rank), rank from 1."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + 1.0 / (k + rank)
    return fused


class HybridRetriever:
    """Finds the chunks most likely to answer a question, optionally within some vendors."""

    def __init__(
        self,
        chunks: dict[str, Chunk],
        keyword: KeywordIndex,
        store: VectorStore,
        embed_query: Callable[[str], np.ndarray],
        dense_k: int = 24,
        keyword_k: int = 24,
        rrf_k: int = 60,
    ) -> None:
        self.chunks = chunks
        self.keyword = keyword
        self.store = store
        self.embed_query = embed_query
        self.dense_k, self.keyword_k, self.rrf_k = dense_k, keyword_k, rrf_k

    def retrieve(
        self, question: str, vendors: Sequence[str] | None = None, k: int = 8,
        vector: np.ndarray | None = None,
    ) -> list[Hit]:
        """The top-k fused hits for the question."""
        vector = self.embed_query(question) if vector is None else vector
        dense = [
            (cid, sim)
            for cid, sim in self.store.query(vector, self.dense_k, vendors)
            if cid in self.chunks
        ]
        return self._fuse(dense, self.keyword.search(question, self.keyword_k, vendors), k)

    def retrieve_per_vendor(
        self, question: str, vendors: Sequence[str], k: int, vector: np.ndarray
    ) -> dict[str, list[Hit]]:
        """The top-k fused hits of each vendor, from one dense query and one keyword scoring."""
        if len(vendors) == 1:
            return {vendors[0]: self.retrieve(question, vendors, k, vector)}
        dense_by_vendor: dict[str, list[tuple[str, float]]] = {v: [] for v in vendors}
        for cid, sim in self.store.query(vector, self.dense_k * len(vendors), vendors):
            chunk = self.chunks.get(cid)
            if chunk is not None and len(dense_by_vendor[chunk.vendor]) < self.dense_k:
                dense_by_vendor[chunk.vendor].append((cid, sim))
        keyword = self.keyword.search_by_vendor(question, self.keyword_k, vendors)
        return {v: self._fuse(dense_by_vendor[v], keyword[v], k) for v in vendors}

    def _fuse(
        self, dense: list[tuple[str, float]], keyword: list[tuple[Chunk, float]], k: int
    ) -> list[Hit]:
        """Reciprocal-rank fusion of one dense and one keyword ranking."""
        dense_ids = [cid for cid, _ in dense]
        keyword_ids = [chunk.id for chunk, _ in keyword]
        fused = reciprocal_rank_fusion([dense_ids, keyword_ids], self.rrf_k)
        similarity = dict(dense)
        dense_rank = {cid: rank for rank, cid in enumerate(dense_ids, start=1)}
        keyword_rank = {cid: rank for rank, cid in enumerate(keyword_ids, start=1)}
        best = sorted(fused.items(), key=lambda item: -item[1])[:k]
        return [
            Hit(
                chunk=self.chunks[cid],
                score=score,
                dense_rank=dense_rank.get(cid),
                keyword_rank=keyword_rank.get(cid),
                similarity=similarity.get(cid, 0.0),
            )
            for cid, score in best
        ]
