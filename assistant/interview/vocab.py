"""Match vocabulary terms (channels, languages, countries, ...) in free text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from assistant.interview.plan import Term
from assistant.interview.spans import negated


@dataclass(frozen=True)
class TermHit:
    """A vocabulary term found at [start, end); `negated` for 'no French', 'drop email'."""

    name: str
    start: int
    end: int
    negated: bool


def phrase_pattern(phrase: str) -> str:
    """A regex for a phrase: word-bounded, flexible about spaces and hyphens.

    All-capital phrases ("US") and phrases starting with "=" ("=Epic") keep their case.
    """
    exact = phrase.startswith("=")
    phrase = phrase.removeprefix("=")
    parts = [re.escape(p) for p in re.split(r"[\s-]+", phrase.strip())]
    body = r"[\s-]*".join(parts)
    if exact or phrase.isupper():
        return rf"(?-i:(?<![A-Za-z0-9]){body}(?![A-Za-z0-9]))"
    return rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"


@lru_cache(maxsize=256)
def _compiled(terms: tuple[Term, ...], answering: bool) -> list[tuple[re.Pattern[str], str]]:
    pairs = [(phrase, t.name) for t in terms for phrase in t.phrases(answering)]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)
    return [(re.compile(phrase_pattern(phrase), re.I), name) for phrase, name in pairs]


def find_terms(
    text: str,
    terms: tuple[Term, ...],
    taken: list[tuple[int, int]] | None = None,
    answering: bool = False,
) -> list[TermHit]:
    """Terms in order of appearance; longer phrases win over the shorter ones inside them."""
    used = list(taken or [])
    hits: list[TermHit] = []
    for regex, name in _compiled(terms, answering):
        for m in regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in used):
                continue
            used.append((m.start(), m.end()))
            hits.append(TermHit(name, m.start(), m.end(), negated(text, m.start(), m.end())))
    return sorted(hits, key=lambda h: h.start)


def first_term(text: str, terms: tuple[Term, ...]) -> str | None:
    """The name of the first term in `text`, if any."""
    hits = [h for h in find_terms(text, terms) if not h.negated]
    return hits[0].name if hits else None


def unique(names: Iterable[str]) -> list[str]:
    """Names without repeats, first occurrence kept."""
    return list(dict.fromkeys(names))
