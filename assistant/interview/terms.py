"""Terms of the interview plan's own vocabularies (industries, goals, services, …) in a text.

The domain's shared words (channels, languages, places, frameworks, …) are the reading
layer's (assistant/reading/vocab.py); this matches only the vocabularies that exist in
knowledge/interview/plan.yaml and nowhere else, and the lexicon's answer-only phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.interview.plan import SHARED, Plan, Term


@dataclass(frozen=True)
class TermHit:
    """A vocabulary term found at [start, end)."""

    name: str
    start: int
    end: int


def phrase_pattern(phrase: str) -> str:
    """A regex for a phrase: word-bounded, flexible about spaces and hyphens.

    All-capital phrases ("US") and phrases starting with "=" ("=Epic") keep their case; "…"
    stands for one to four words in between ("sell … online" holds "sell home gym kit online").
    """
    exact = phrase.startswith("=")
    phrase = phrase.removeprefix("=")
    body = _GAP.join(_words_pattern(part) for part in phrase.split("…"))
    if exact or phrase.isupper():
        return rf"(?-i:(?<![A-Za-z0-9]){body}(?![A-Za-z0-9]))"
    return rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"


_GAP = r"(?:\s+[\w'’&-]+){1,4}\s+"


def _words_pattern(phrase: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s-]+", phrase.strip())]
    return r"[\s-]*".join(parts).replace("'", "['’]")


@cache
def _compiled(terms: tuple[Term, ...], answering: bool) -> tuple[tuple[re.Pattern[str], str], ...]:
    pairs = [
        (phrase_pattern(phrase), len(phrase.lstrip("=")), t.name)
        for t in terms
        for phrase in t.phrases(answering)
    ]
    pairs += [(_topic_pattern(t), TOPIC_LENGTH, t.name) for t in terms if t.topics]
    pairs.sort(key=lambda p: p[1], reverse=True)
    return tuple((re.compile(pattern, re.I), name) for pattern, _, name in pairs)


# A topic phrase ('invoice queries') ranks as a phrase of this many characters: a longer
# listed synonym ('billing enquiries and refunds') is tried before it.
TOPIC_LENGTH = 14


def _topic_pattern(term: Term) -> str:
    """A topic word of the term before a contact noun ('refund calls', 'invoice queries')."""
    from assistant.interview.discourse import words

    topics = "|".join(_words_pattern(t) for t in sorted(term.topics, key=len, reverse=True))
    nouns = "|".join(
        _words_pattern(n) for n in sorted(words().contact_nouns, key=len, reverse=True)
    )
    return rf"(?<![A-Za-z0-9])(?:{topics})[\s-]+(?:{nouns})(?![A-Za-z0-9])"


def match_terms(text: str, terms: tuple[Term, ...], answering: bool = False) -> list[TermHit]:
    """Terms in order of appearance; a longer phrase wins over the shorter ones inside it."""
    used: list[tuple[int, int]] = []
    hits: list[TermHit] = []
    for regex, name in _compiled(terms, answering):
        for m in regex.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in used):
                continue
            used.append((m.start(), m.end()))
            hits.append(TermHit(name, m.start(), m.end()))
    return sorted(hits, key=lambda h: h.start)


def own_vocabularies(plan: Plan) -> tuple[str, ...]:
    """The plan's vocabularies that are not the lexicon's."""
    return tuple(v for v in plan.vocabularies if v not in SHARED)


def find_plan_terms(text: str, plan: Plan) -> list[tuple[str, TermHit]]:
    """(vocabulary, hit) for every term of the plan's own vocabularies; a hit inside a longer
    hit of another vocabulary is dropped ('monthly' inside 'monthly business review')."""
    found = [(v, h) for v in own_vocabularies(plan) for h in match_terms(text, plan.terms(v))]
    return [
        (v, h)
        for v, h in found
        if not any(
            (o.end - o.start) > (h.end - h.start) and o.start <= h.start and h.end <= o.end
            for w, o in found
            if w != v
        )
    ]


def answer_only_terms(text: str, terms: tuple[Term, ...]) -> list[TermHit]:
    """Terms matched by their answer-only phrases too ('per contact' answers the pricing
    question)."""
    return match_terms(text, terms, answering=True)
