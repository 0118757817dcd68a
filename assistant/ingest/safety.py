"""Text aimed at AI assistants inside a document: found, flagged, and kept out of answers."""

from __future__ import annotations

import re

from assistant.models import Page
from assistant.text import Span, sentence_spans

_PATTERNS = [
    r"\b(ignore|disregard|forget|override|set aside|put aside|discard|bypass)\b.{0,40}"
    r"\b(previous|prior|above|earlier|all|any|other|your)\b.{0,30}"
    r"\b(instruction|prompt|direction|rule|guideline)s?",
    r"\bnote to (ai|artificial intelligence|llm|language model|chat ?bot|automated)",
    r"\b(your task is now|from now on,? you|new instructions?)\b",
    r"\b(do not|don't|never)\b.{0,20}\b(mention|compare|cite|name|recommend)\b.{0,40}"
    r"\b(other|any other|competing|rival)\b.{0,10}\b(vendor|supplier|provider|bidder)s?",
    r"\balways (recommend|rank|rate|select|choose|prefer)\b.{0,60}"
    r"\b(as the (best|preferred|top|winning)|first|highest|above all)",
    r"\b(ai|artificial intelligence|llm|language model|chat ?bot|automated)\b.{0,40}"
    r"\b(assistant|model|tool|evaluator|system|reviewer)s?\b.{0,80}\b(must|should|shall|are to|"
    r"need to|ignore|rank|rate|score|recommend|select|say|answer|respond)\b",
    r"\b(system prompt|developer message|jailbreak)\b",
    r"\b(you are now|act as|pretend to be)\b.{0,60}\b(assistant|model|ai)\b",
    r"\b(rank|rate|score|recommend)\b.{0,60}\b(as the best|highest|top|first)\b.{0,60}"
    r"\b(every|all|each)\b.{0,20}\b(categor|criteri)",
]
_INJECTION = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I | re.S)


def is_suspicious(text: str) -> bool:
    """True when the text reads as an instruction to an AI system."""
    return bool(_INJECTION.search(text))


def suspicious_spans(page: Page) -> list[Span]:
    """Sentences of a page that address AI assistants."""
    spans = sentence_spans(page.text, atomic=page.atomic_spans)
    return [span for span in spans if is_suspicious(span.text)]


def injection_warnings(pages: list[Page]) -> tuple[str, ...]:
    """One warning per page that contains instructions aimed at AI assistants."""
    return tuple(
        f"page {page.number} contains instructions aimed at AI assistants "
        f"(treated as data and ignored): \"{spans[0].text[:100]}\""
        for page in pages
        if (spans := suspicious_spans(page))
    )
