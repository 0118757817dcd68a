"""What a vendor binds itself to (a commitment, a guarantee, a target), as against a result it
reports ('CSAT was 91% in 2025'): for a question about the first, the second is no answer and
no contradiction. The words are knowledge/lexicon/questions.yaml's `undertakings`."""

from __future__ import annotations

from functools import cache

from assistant.reading.lexicon import questions
from assistant.text import terms


@cache
def _undertaking_stems() -> frozenset[str]:
    return frozenset(t for word in questions().undertakings for t in terms(word))


def says_undertaking(text: str) -> bool:
    """Whether a text names an undertaking ('we commit to', 'FPCC commitment: 87%', 'SLA')."""
    return bool(frozenset(terms(text)) & _undertaking_stems())


def reported_beside_undertaking(question: str, best_text: str, other_text: str) -> bool:
    """For a question about what the vendor undertakes, a statement that names no undertaking
    beside a best one that does: a reported result, not a second value of the commitment."""
    return says_undertaking(question) and says_undertaking(best_text) and not says_undertaking(other_text)
