"""Sentences of retrieved chunks, scored by how well they answer the question."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.answer.question import QuestionPlan
from assistant.index.keyword import KeywordIndex
from assistant.ingest.safety import is_suspicious
from assistant.models import Chunk, Hit, Page
from assistant.text import heading_level, sentence_spans, terms

MIN_COVERAGE = 0.5
_DIGIT = re.compile(r"\d")
_DIGIT_OR_NEGATION = re.compile(r"\d|\b(not|no|none|never|cannot|n't)\b", re.I)
MIN_SIMILARITY = 0.15
_NUMERIC_QUESTION = re.compile(
    r"\b(how (much|many|long|soon|quickly|fast)|rate|price|cost|fee|target|percent|level|length|"
    r"term|notice|days?|months?|hours?|attrition|rto|rpo|minimum|cap|sla|time)\b",
    re.I,
)


@dataclass(frozen=True)
class Evidence:
    """One candidate sentence and why it was kept."""

    vendor: str
    document: str
    page: int
    quote: str
    coverage: float
    score: float
    missing: tuple[str, ...]


def weights(plan: QuestionPlan, keyword: KeywordIndex) -> dict[str, float]:
    """Each focus term's weight: the idf of its most common variant found in the corpus."""
    result = {}
    for term in plan.focus:
        seen = [keyword.idf(v) for v in plan.variants(term) if keyword.contains(v)]
        result[term] = min(seen) if seen else keyword.idf(term)
    return result


@dataclass(frozen=True)
class Sentence:
    """A sentence of a chunk with its terms, computed once per chunk."""

    text: str
    terms: frozenset[str]
    heading_terms: frozenset[str] = frozenset()
    has_digit: bool = False


@dataclass(frozen=True)
class ChunkReading:
    """A chunk read once: its candidate sentences, and whether it addresses AI assistants."""

    sentences: list[Sentence]
    suspicious: bool


def read_chunk(chunk: Chunk, page: Page) -> ChunkReading:
    """Split a chunk into sentences; headings, scraps and injected instructions never become evidence."""
    heading_terms = frozenset(terms(chunk.heading))
    sentences, suspicious = [], False
    for span in sentence_spans(page.text, chunk.start, chunk.end, page.atomic_spans):
        if is_suspicious(span.text):
            suspicious = True
        elif _informative(span.text):
            sentences.append(
                Sentence(span.text, frozenset(terms(span.text)), heading_terms,
                         _DIGIT.search(span.text) is not None)
            )
    return ChunkReading(sentences, suspicious)


def score_hits(
    plan: QuestionPlan,
    hits: list[Hit],
    sentences_of: Callable[[Chunk], list[Sentence]],
    term_weights: dict[str, float],
) -> list[Evidence]:
    """Every sentence of the hits, scored by the weighted share of focus terms it covers."""
    total = sum(term_weights.values()) or 1.0
    numeric = bool(_NUMERIC_QUESTION.search(plan.question))
    echo = plan.all_variants() | plan.vendor_terms
    seen: set[str] = set()
    found: list[Evidence] = []
    for rank, hit in enumerate(hits, start=1):
        chunk = hit.chunk
        for sentence in sentences_of(chunk):
            if sentence.text in seen or not _says_something(sentence.text, sentence.terms - echo):
                continue
            seen.add(sentence.text)
            matched, missing = 0.0, []
            for term, weight in term_weights.items():
                variants = plan.variants(term)
                if variants & sentence.terms:
                    matched += weight
                elif variants & sentence.heading_terms:
                    matched += weight / 2
                else:
                    missing.append(plan.surface.get(term, term))
            coverage = matched / total if term_weights else 0.0
            bonus = 0.1 if numeric and sentence.has_digit else 0.0
            score = coverage + 0.3 * hit.similarity + bonus + 0.05 / rank
            found.append(
                Evidence(chunk.vendor, chunk.document, chunk.page, sentence.text, coverage, score,
                         tuple(missing))
            )
    return sorted(found, key=lambda e: -e.score)


def _informative(text: str) -> bool:
    """Headings and scraps say nothing on their own."""
    return len(text) >= 15 and heading_level(text) is None


def _says_something(text: str, new_terms: set[str]) -> bool:
    """More than an echo of the question: new words, a number, a negation, or a 'label: value'."""
    if len(new_terms) >= 2 or _DIGIT_OR_NEGATION.search(text):
        return True
    return bool(new_terms) and ":" in text and "|" not in text


def select(candidates: list[Evidence], hits: list[Hit], limit: int) -> list[Evidence]:
    """The few sentences strong enough to answer with; [] means 'not stated'."""
    if not candidates or not hits or max(h.similarity for h in hits) < MIN_SIMILARITY:
        return []
    best = candidates[0]
    if best.coverage < MIN_COVERAGE:
        return []
    return [
        e for e in candidates if e.coverage >= MIN_COVERAGE and e.score >= best.score - 0.15
    ][:limit]
