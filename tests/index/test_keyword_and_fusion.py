"""BM25 and reciprocal-rank fusion maths."""

from __future__ import annotations

import pytest

from assistant.index.keyword import KeywordIndex
from assistant.models import Chunk
from assistant.retrieve import reciprocal_rank_fusion


def _chunk(i: int, text: str, vendor: str = "A") -> Chunk:
    return Chunk(f"c{i}", "d.pdf", vendor, 1, 0, len(text), text)


def test_rrf_sums_reciprocal_ranks():
    fused = reciprocal_rank_fusion([["a", "b"], ["b", "c"]], k=60)
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["a"] == pytest.approx(1 / 61)
    assert max(fused, key=fused.get) == "b"


def test_bm25_prefers_rare_terms_and_filters_vendors():
    index = KeywordIndex([
        _chunk(1, "pilot pilot pilot of sixty days", "A"),
        _chunk(2, "service level for voice calls", "A"),
        _chunk(3, "pilot with twenty agents and HIPAA BAA", "B"),
    ])
    assert [c.id for c, _ in index.search("HIPAA pilot", k=3)][0] == "c3"
    assert [c.id for c, _ in index.search("pilot", k=3, vendors=["A"])] == ["c1"]
    assert index.idf("hipaa") > index.idf("pilot")
    assert index.search("nothing matches", k=3) == []
