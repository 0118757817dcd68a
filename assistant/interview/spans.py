"""Where things sit in a message: sentences, clauses, and negation around a phrase."""

from __future__ import annotations

import re

SENTENCE_BREAK = re.compile(r"[.!?](?!\d)|[\n;]")
CLAUSE_BREAK = re.compile(r"[.!?,:](?!\d)|[\n;()]|\s-\s|\b(?:but|while|whereas|although)\b", re.I)
WORD = re.compile(r"[a-z']+")
NEGATIONS = {
    "no", "not", "non", "without", "except", "excluding", "never", "drop", "remove", "minus",
    "don't", "dont", "doesn't", "isn't", "aren't", "won't", "wont", "can't", "cannot", "nor",
    "neither", "stop", "cancel", "n't", "nothing", "none",
}  # fmt: skip
AFTER_NEGATIONS = {"not", "isn't", "aren't", "unnecessary", "no", "never", "won't", "n't"}


def _bounds(text: str, pos: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    start, end = 0, len(text)
    for m in breaks.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence holding `pos`."""
    return _bounds(text, pos, SENTENCE_BREAK)


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the clause (comma, 'but', ';' separated) holding `pos`."""
    return _bounds(text, pos, CLAUSE_BREAK)


def clauses(text: str) -> list[tuple[int, int]]:
    """All clauses of a text as (start, end) spans."""
    spans, start = [], 0
    for m in CLAUSE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def negated(text: str, start: int, end: int, before: int = 4, after: int = 0) -> bool:
    """Whether a phrase at [start, end) is negated within its clause ('no French', 'don't')."""
    c_start, c_end = clause_bounds(text, start)
    words_before = WORD.findall(text[c_start:start].lower())[-before:]
    if any(w in NEGATIONS or w.endswith("n't") for w in words_before):
        return True
    words_after = WORD.findall(text[end:c_end].lower())[:after]
    return any(w in AFTER_NEGATIONS or w.endswith("n't") for w in words_after)
