"""The statements of a workspace indexed for answering: BM25 over their words, and their
embedding vectors (kept in Chroma, computed at ingest) for search by meaning."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from assistant.index.keyword import KeywordIndex
from assistant.index.store import VectorStore
from assistant.reading.statements import Statement

COLLECTION = "statements"


def ensure_statement_vectors(store: VectorStore, statements: Sequence[Statement],
                             embed: Callable[[list[str]], np.ndarray]) -> dict[str, np.ndarray]:
    """Every statement's vector: those stored, and the missing ones embedded and stored now
    (a workspace made before statements were embedded, or the guidance)."""
    vectors = store.vectors_of([s.id for s in statements])
    missing = [s for s in statements if s.id not in vectors]
    if missing:
        fresh = embed([s.embedding_text() for s in missing])
        store.add(missing, fresh)
        vectors |= {s.id: v for s, v in zip(missing, fresh, strict=True)}
    return vectors


class StatementIndex:
    """Statements by vendor, searchable by words (BM25) and by meaning (cosine)."""

    def __init__(self, statements: Sequence[Statement], vectors: dict[str, np.ndarray],
                 keyword: KeywordIndex | None = None) -> None:
        self.statements = list(statements)
        self.keyword = keyword or KeywordIndex(self.statements)
        dimension = next(iter(vectors.values())).shape[0] if vectors else 1
        self._matrix = np.stack([vectors.get(s.id, np.zeros(dimension, np.float32)) for s in self.statements]) \
            if self.statements else np.zeros((0, dimension), np.float32)
        self._rows: dict[str, np.ndarray] = {}
        for vendor in {s.vendor for s in self.statements}:
            self._rows[vendor] = np.array([i for i, s in enumerate(self.statements) if s.vendor == vendor])
        self._position = {id(s): i for i, s in enumerate(self.statements)}
        self._stems: dict[str, frozenset[str]] = {}

    def vendor_stems(self, vendor: str) -> frozenset[str]:
        """Every word stem of a vendor's statements and their headings."""
        if vendor not in self._stems:
            from assistant.text import terms

            self._stems[vendor] = frozenset(t for s in self.statements if s.vendor == vendor
                                            for t in terms(s.embedding_text() + " " + s.heading))
        return self._stems[vendor]

    def similarities(self, vector: np.ndarray, vendor: str) -> tuple[np.ndarray, np.ndarray]:
        """(rows, cosine similarity) of every statement of one vendor."""
        rows = self._rows.get(vendor, np.array([], dtype=int))
        return rows, (self._matrix[rows] @ vector if len(rows) else np.array([]))

    def dense(self, vector: np.ndarray, vendor: str, k: int) -> list[tuple[Statement, float]]:
        """The k statements of a vendor nearest in meaning to the vector."""
        rows, sims = self.similarities(vector, vendor)
        if not len(rows):
            return []
        top = np.argsort(-sims)[:k]
        return [(self.statements[rows[i]], float(sims[i])) for i in top]

    def similarity(self, statement: Statement, vector: np.ndarray) -> float:
        """Cosine similarity of one statement to the vector."""
        return float(self._matrix[self._position[id(statement)]] @ vector)

    def lexical(self, query: str, vendors: Sequence[str], k: int) -> dict[str, list[tuple[Statement, float]]]:
        """The k best statements per vendor by BM25, with their scores."""
        return self.keyword.search_by_vendor(query, k, vendors)

    def row_values(self, statement: Statement, reach: int = 12) -> tuple:
        """The mentions in the values of the other cells of a table cell's row: in 'Monterrey
        / Chat — Rate: $25.60', the row's 'Language: Spanish' cell says which case the rate is."""
        cell = statement.cell
        if cell is None:
            return ()
        i = self._position[id(statement)]
        found = []
        for other in self.statements[max(0, i - reach) : i + reach + 1]:
            mate = other.cell
            if (other is statement or mate is None or other.document != statement.document
                    or other.page != statement.page or mate.row != cell.row or mate.row_header != cell.row_header):
                continue
            value_from = len(other.text) - len(mate.text)
            found += [m for m in other.mentions if m.start >= value_from]
        return tuple(found)

    def table_mates(self, statement: Statement, reach: int = 40) -> list[Statement]:
        """The other cells of a table cell's row and of its column, on its page ([] for
        prose)."""
        cell = statement.cell
        if cell is None:
            return []
        i = self._position[id(statement)]
        return [other for other in self.statements[max(0, i - reach) : i + reach + 1]
                if other is not statement and other.cell is not None
                and other.document == statement.document and other.page == statement.page
                and (other.cell.col_header == cell.col_header
                     or (other.cell.row, other.cell.row_header) == (cell.row, cell.row_header))]

    def previous(self, statement: Statement) -> Statement | None:
        """The sentence before one on its page, under the same heading (None for a table cell,
        a page's first statement, or a new heading's)."""
        i = self._position[id(statement)]
        before = self.statements[i - 1] if i else None
        return before if before is not None and _one_passage(before, statement) else None

    def following(self, statement: Statement) -> Statement | None:
        """The sentence after one on its page, under the same heading (None as for `previous`)."""
        i = self._position[id(statement)]
        after = self.statements[i + 1] if i + 1 < len(self.statements) else None
        return after if after is not None and _one_passage(statement, after) else None

    def after_on_page(self, statement: Statement, reach: int = 80) -> list[Statement]:
        """The statements after one on its page, in reading order (up to `reach` of them)."""
        i = self._position[id(statement)]
        return [s for s in self.statements[i + 1 : i + 1 + reach]
                if s.document == statement.document and s.page == statement.page]

    def before_on_page(self, statement: Statement, reach: int = 80) -> list[Statement]:
        """The statements before one on its page, in reading order (up to `reach` of them)."""
        i = self._position[id(statement)]
        return [s for s in self.statements[max(0, i - reach) : i]
                if s.document == statement.document and s.page == statement.page]

    def neighbours(self, statement: Statement, reach: int = 2) -> list[Statement]:
        """The statements around one on its page: under the same heading, or within `reach`."""
        i = self._position[id(statement)]
        around = self.statements[max(0, i - 8) : i + 9]
        return [s for s in around if s is not statement and s.document == statement.document
                and s.page == statement.page
                and (s.heading == statement.heading or abs(self._position[id(s)] - i) <= reach)]


def _one_passage(first: Statement, second: Statement) -> bool:
    """Two sentences (no table cells) of one page under one heading."""
    return (first.cell is None and second.cell is None and first.document == second.document
            and first.page == second.page and first.heading == second.heading)
