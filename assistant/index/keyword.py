"""A BM25 index over chunks or statements (anything with an id, a text, an embedding text and a
vendor), kept as arrays and cached on disk per content."""

from __future__ import annotations

import hashlib
import logging
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

import assistant.text
from assistant.index.arrays import load_arrays, save_arrays
from assistant.models import Chunk
from assistant.text import terms

log = logging.getLogger(__name__)


class KeywordIndex:
    """Okapi BM25 over an inverted index in arrays: term -> (chunk positions, term counts)."""

    def __init__(
        self, chunks: Iterable[Chunk], k1: float = 1.2, b: float = 0.75, postings=None
    ) -> None:
        self.k1, self.b = k1, b
        self.chunks: list[Chunk] = list(chunks)
        vocabulary, offsets, positions, counts, lengths = postings or _tokenise(self.chunks)
        self._row = {term: row for row, term in enumerate(vocabulary)}
        self._offsets, self._positions, self._counts = offsets, positions, counts
        self._lengths = lengths
        average = float(lengths.mean()) if len(lengths) else 1.0
        self._norm = k1 * (1 - b + b * lengths / (average or 1.0))
        vendors = sorted({chunk.vendor for chunk in self.chunks})
        self._vendor_code = {vendor: code for code, vendor in enumerate(vendors)}
        self._vendors = np.array([self._vendor_code[c.vendor] for c in self.chunks], np.int32)

    @classmethod
    def cached(cls, chunks: Iterable[Chunk], path: Path) -> KeywordIndex:
        """The index of these chunks, read from `path` when it was built from the same
        content, else built (tokenising every chunk) and saved there."""
        chunks = list(chunks)
        key = content_key(chunks)
        postings = _read(path, key)
        if postings is None:
            index = cls(chunks)
            save_arrays(path, key, **index.arrays())
            log.info("keyword index built for %d chunks", len(chunks))
            return index
        return cls(chunks, postings=postings)

    def idf(self, term: str) -> float:
        """Inverse document frequency; unseen terms get the highest value."""
        n = len(self.chunks)
        df = self._df(term)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _df(self, term: str) -> int:
        row = self._row.get(term)
        return 0 if row is None else int(self._offsets[row + 1] - self._offsets[row])

    def contains(self, term: str) -> bool:
        """Whether any chunk holds the term."""
        return term in self._row

    def vocabulary(self) -> frozenset[str]:
        """Every term the index holds."""
        return frozenset(self._row)

    def search(
        self, query: str, k: int, vendors: Sequence[str] | None = None
    ) -> list[tuple[Chunk, float]]:
        """Top-k chunks by BM25 for the query, optionally within some vendors."""
        positions, scores = self._scored(query)
        if vendors:
            keep = np.isin(self._vendors[positions], self._codes(vendors))
            positions, scores = positions[keep], scores[keep]
        best = _best_first(positions, scores)[:k]
        return [
            (self.chunks[p], float(s)) for p, s in zip(positions[best], scores[best], strict=True)
        ]

    def search_by_vendor(
        self, query: str, k: int, vendors: Sequence[str]
    ) -> dict[str, list[tuple[Chunk, float]]]:
        """Top-k chunks per vendor, scoring the corpus once."""
        result: dict[str, list[tuple[Chunk, float]]] = {vendor: [] for vendor in vendors}
        positions, scores = self._scored(query)
        keep = np.isin(self._vendors[positions], self._codes(vendors))
        positions, scores = positions[keep], scores[keep]
        order = _best_first(positions, scores)
        # Stable sort by vendor keeps best-first order inside each vendor's run.
        order = order[np.argsort(self._vendors[positions[order]], kind="stable")]
        codes = self._vendors[positions[order]]
        starts = np.searchsorted(codes, codes, side="left")
        order = order[np.arange(len(order)) - starts < k]
        for p, s in zip(positions[order], scores[order], strict=True):
            chunk = self.chunks[p]
            result[chunk.vendor].append((chunk, float(s)))
        return result

    def _codes(self, vendors: Sequence[str]) -> np.ndarray:
        return np.array([self._vendor_code[v] for v in vendors if v in self._vendor_code], np.int32)

    def _scored(self, query: str) -> tuple[np.ndarray, np.ndarray]:
        """Positions of the chunks that share a term with the query, and their BM25 scores."""
        scores = np.zeros(len(self.chunks), dtype=np.float64)
        touched = np.zeros(len(self.chunks), dtype=bool)
        for term in set(terms(query)):
            row = self._row.get(term)
            if row is None:
                continue
            span = slice(self._offsets[row], self._offsets[row + 1])
            positions, tf = self._positions[span], self._counts[span]
            scores[positions] += self.idf(term) * tf * (self.k1 + 1) / (tf + self._norm[positions])
            touched[positions] = True
        positions = np.flatnonzero(touched)
        return positions, scores[positions]

    def arrays(self) -> dict[str, np.ndarray]:
        """The postings as arrays (what `cached` saves)."""
        return {
            "vocabulary": np.array("\n".join(self._row)),
            "offsets": self._offsets,
            "positions": self._positions,
            "counts": self._counts,
            "lengths": self._lengths,
        }


def _best_first(positions: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Indices ordering scores high to low, ties by chunk position."""
    return np.lexsort((positions, -scores))


def _tokenise(chunks: list[Chunk]):
    """Vocabulary, CSR offsets, chunk positions, term counts and chunk lengths."""
    by_term: dict[str, list[tuple[int, int]]] = {}
    lengths = np.zeros(len(chunks), dtype=np.float64)
    for position, chunk in enumerate(chunks):
        counts = Counter(terms(chunk.embedding_text()))
        lengths[position] = sum(counts.values())
        for term, count in counts.items():
            by_term.setdefault(term, []).append((position, count))
    vocabulary = list(by_term)
    sizes = np.array([len(by_term[t]) for t in vocabulary], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    flat = [pair for term in vocabulary for pair in by_term[term]]
    pairs = np.array(flat, dtype=np.int64).reshape(-1, 2)
    return (
        vocabulary,
        offsets,
        pairs[:, 0].astype(np.int32),
        pairs[:, 1].astype(np.float64),
        lengths,
    )


def content_key(chunks: Sequence[Chunk]) -> str:
    """Changes whenever any chunk's id or text, their order, or the tokeniser's code changes."""
    digest = hashlib.sha256(Path(assistant.text.__file__).read_bytes())
    for chunk in chunks:
        digest.update(f"{chunk.id}\0{chunk.embedding_text()}\0".encode())
    return digest.hexdigest()


def _read(path: Path, key: str):
    """The saved postings when they were built from content `key`, else None."""
    saved = load_arrays(path, key)
    if saved is None or "offsets" not in saved:
        return None
    vocabulary = str(saved["vocabulary"]).split("\n") if saved["offsets"].size > 1 else []
    return (vocabulary, *(saved[name] for name in ("offsets", "positions", "counts", "lengths")))
