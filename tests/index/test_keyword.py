"""BM25 maths and the keyword index."""

from __future__ import annotations

import pytest

from assistant.index.keyword import KeywordIndex
from assistant.models import Chunk


def _chunk(i: int, text: str, vendor: str = "A") -> Chunk:
    return Chunk(f"c{i}", "d.pdf", vendor, 1, 0, len(text), text)


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


def _reference_bm25(chunks: list[Chunk], query: str, k1: float = 1.2, b: float = 0.75):
    """Okapi BM25 written out plainly, term by term, as the check of the array version."""
    import math
    from collections import Counter

    from assistant.text import terms

    counts = [Counter(terms(c.embedding_text())) for c in chunks]
    lengths = [sum(c.values()) for c in counts]
    average = sum(lengths) / len(lengths)
    scores = {}
    for position, chunk_counts in enumerate(counts):
        score = 0.0
        for term in set(terms(query)):
            tf = chunk_counts.get(term, 0)
            if tf:
                df = sum(1 for c in counts if term in c)
                idf = math.log(1 + (len(chunks) - df + 0.5) / (df + 0.5))
                norm = k1 * (1 - b + b * lengths[position] / average)
                score += idf * tf * (k1 + 1) / (tf + norm)
        if score:
            scores[chunks[position].id] = score
    return scores


CORPUS = [
    _chunk(1, "Pilot of sixty days with twenty agents; the pilot fee is waived.", "A"),
    _chunk(2, "Service level: 80% of calls answered in 20 seconds, voice and chat.", "A"),
    _chunk(3, "HIPAA business associate agreement signed before the pilot.", "B"),
    _chunk(4, "Termination for convenience on 90 days notice; no termination fee.", "B"),
    _chunk(5, "Voice service level credits are capped at 10% of the monthly fee.", "C"),
    _chunk(6, "Delivery centres in Lisbon and Manila; languages English and French.", "C"),
]


@pytest.mark.parametrize(
    "query",
    ["pilot fee", "voice service level", "termination notice fee", "HIPAA", "unknown words"],
)
def test_array_bm25_matches_the_formula(query):
    index = KeywordIndex(CORPUS)
    found = {c.id: s for c, s in index.search(query, k=len(CORPUS))}
    expected = _reference_bm25(CORPUS, query)
    assert found.keys() == expected.keys()
    for cid, score in expected.items():
        assert found[cid] == pytest.approx(score)
    assert list(found.values()) == sorted(found.values(), reverse=True)


def test_search_by_vendor_keeps_each_vendors_best_first():
    index = KeywordIndex(CORPUS)
    per_vendor = index.search_by_vendor("fee pilot voice", k=1, vendors=["A", "C", "Z"])
    assert set(per_vendor) == {"A", "C", "Z"} and per_vendor["Z"] == []
    for vendor in ("A", "C"):
        assert per_vendor[vendor] == index.search("fee pilot voice", k=1, vendors=[vendor])


def test_cached_index_is_built_once_per_content(tmp_path, caplog):
    import logging

    path = tmp_path / "keyword.npz"
    with caplog.at_level(logging.INFO, logger="assistant.index.keyword"):
        built = KeywordIndex.cached(CORPUS, path)
        again = KeywordIndex.cached(CORPUS, path)
    assert caplog.text.count("keyword index built") == 1
    assert [(c.id, s) for c, s in again.search("pilot fee", 4)] == [
        (c.id, s) for c, s in built.search("pilot fee", 4)
    ]
    changed = [*CORPUS[:5], _chunk(6, "Pilot in Manila; the pilot runs thirty days.", "C")]
    with caplog.at_level(logging.INFO, logger="assistant.index.keyword"):
        rebuilt = KeywordIndex.cached(changed, path)
    assert caplog.text.count("keyword index built") == 2
    assert "c6" in {c.id for c, _ in rebuilt.search("Manila pilot", 3)}
    assert not rebuilt.contains("lisbon") and again.contains("lisbon")


def test_an_empty_index_answers_nothing(tmp_path):
    index = KeywordIndex.cached([], tmp_path / "keyword.npz")
    assert KeywordIndex.cached([], tmp_path / "keyword.npz").search("pilot", 3) == []
    assert index.search_by_vendor("pilot", 3, ["A"]) == {"A": []}
