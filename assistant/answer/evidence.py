"""Sentences of retrieved chunks, scored by how well they answer the question."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.question import QuestionPlan
from assistant.index.keyword import KeywordIndex
from assistant.text import heading_level
from assistant.ingest.safety import is_suspicious
from assistant.models import Hit
from assistant.text import normalise_for_match, sentence_spans, terms

MIN_COVERAGE = 0.5
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


def score_hits(
    plan: QuestionPlan, hits: list[Hit], page_text, term_weights: dict[str, float]
) -> list[Evidence]:
    """Every sentence of the hits, scored; suspicious sentences never become evidence."""
    total = sum(term_weights.values()) or 1.0
    numeric = bool(_NUMERIC_QUESTION.search(plan.question))
    seen: set[str] = set()
    found: list[Evidence] = []
    for rank, hit in enumerate(hits, start=1):
        chunk = hit.chunk
        text = page_text(chunk.document, chunk.page)
        heading_terms = set(terms(chunk.heading))
        for span in sentence_spans(text, chunk.start, chunk.end):
            key = normalise_for_match(span.text)
            if key in seen or not _informative(span.text) or is_suspicious(span.text):
                continue
            seen.add(key)
            span_terms = set(terms(span.text))
            if len(span_terms - plan.all_variants() - plan.vendor_terms) < 2:
                continue
            matched, missing = 0.0, []
            for term, weight in term_weights.items():
                variants = plan.variants(term)
                if variants & span_terms:
                    matched += weight
                elif variants & heading_terms:
                    matched += weight / 2
                else:
                    missing.append(plan.surface.get(term, term))
            coverage = matched / total if term_weights else 0.0
            bonus = 0.1 if numeric and any(ch.isdigit() for ch in span.text) else 0.0
            score = coverage + 0.3 * hit.similarity + bonus + 0.05 / rank
            found.append(
                Evidence(chunk.vendor, chunk.document, chunk.page, span.text, coverage, score,
                         tuple(missing))
            )
    return sorted(found, key=lambda e: -e.score)


def _informative(text: str) -> bool:
    """Headings and scraps say nothing on their own."""
    return len(text) >= 15 and heading_level(text) is None


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
