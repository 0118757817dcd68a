"""An in-memory BM25 index over chunks or statements (anything with an embedding text and a vendor)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from assistant.models import Chunk
from assistant.text import terms


class KeywordIndex:
    """Okapi BM25 with an inverted index; rebuilt from the catalog when a workspace opens."""

    def __init__(self, chunks: Iterable[Chunk], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.chunks: list[Chunk] = list(chunks)
        self._postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        self._lengths: list[int] = []
        for position, chunk in enumerate(self.chunks):
            counts = Counter(terms(chunk.embedding_text()))
            self._lengths.append(sum(counts.values()))
            for term, count in counts.items():
                self._postings[term].append((position, count))
        self._average = sum(self._lengths) / len(self._lengths) if self._lengths else 1.0

    def idf(self, term: str) -> float:
        """Inverse document frequency; unseen terms get the highest value."""
        n = len(self.chunks)
        df = len(self._postings.get(term, ()))
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def contains(self, term: str) -> bool:
        """Whether any chunk holds the term."""
        return term in self._postings

    def vocabulary(self) -> frozenset[str]:
        """Every term the index holds."""
        return frozenset(self._postings)

    def search(
        self, query: str, k: int, vendors: Sequence[str] | None = None
    ) -> list[tuple[Chunk, float]]:
        """Top-k chunks by BM25 for the query, optionally within some vendors."""
        allowed = set(vendors) if vendors else None
        hits = [(c, score) for c, score in self._ranked(query) if allowed is None or c.vendor in allowed]
        return hits[:k]

    def search_by_vendor(
        self, query: str, k: int, vendors: Sequence[str]
    ) -> dict[str, list[tuple[Chunk, float]]]:
        """Top-k chunks per vendor, scoring the corpus once."""
        result: dict[str, list[tuple[Chunk, float]]] = {vendor: [] for vendor in vendors}
        for chunk, score in self._ranked(query):
            bucket = result.get(chunk.vendor)
            if bucket is not None and len(bucket) < k:
                bucket.append((chunk, score))
        return result

    def _ranked(self, query: str) -> list[tuple[Chunk, float]]:
        """Every chunk that shares a term with the query, best first."""
        scores: dict[int, float] = defaultdict(float)
        for term in set(terms(query)):
            postings = self._postings.get(term)
            if not postings:
                continue
            idf = self.idf(term)
            for position, tf in postings:
                norm = self.k1 * (1 - self.b + self.b * self._lengths[position] / self._average)
                scores[position] += idf * tf * (self.k1 + 1) / (tf + norm)
        ranked = sorted(scores.items(), key=lambda item: -item[1])
        return [(self.chunks[pos], score) for pos, score in ranked]
