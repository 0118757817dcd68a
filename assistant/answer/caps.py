"""What a cap bounds: a question about the cap of one thing is not answered by the cap of
another ('Is there a ceiling on rate indexation?' and 'Liability is capped at the fees of one
year').

A cap word (knowledge/lexicon/questions.yaml `cap_words`) binds the words of its sentence before
it, back to the previous cap ('our liability is capped', 'the liability cap', 'annual indexation:
each April, capped at 4%') and, followed by 'on', 'of', 'for' or 'to', the words after it ('a cap
on annual increases', 'limited to 40 agents'). A sentence under a heading that names what is
asked ('Price adjustments') may bound it without naming it ('The total is capped at 4%').
"""

from __future__ import annotations

import re
from functools import cache

from assistant.answer.question import QuestionPlan
from assistant.reading.lexicon import questions
from assistant.text import STOPWORDS, stem, terms, tokens

AFTER = 3  # content tokens after 'cap on', 'cap of', 'limit for', 'limited to'
_OBJECT_PREPOSITIONS = frozenset({"on", "of", "for", "to"})  # not "at": 'capped at a year of fees'
_SENTENCE = re.compile(r"[.!?]\s|\n")


@cache
def cap_words() -> frozenset[str]:
    """The words that say a cap, as tokens."""
    return frozenset(questions().cap_words)


def caps_something_else(plan: QuestionPlan, text: str, heading: str = "") -> bool:
    """Whether a question asks about a cap of something and every cap the statement states
    bounds something else: it names what it bounds, and that is none of what the question
    asks about, nor does its heading name any. A cap naming nothing it bounds ('capped at 4%')
    may still answer."""
    asked = _asked_bounded(plan)
    if not asked:
        return False
    bounded = [words for sentence in _SENTENCE.split(text) for words in _bounded(tokens(sentence))]
    if not bounded or any(not words for words in bounded):
        return False
    context = frozenset(terms(heading))
    return not any(c.covered_by(words | context) for words in bounded for c in asked)


def _asked_bounded(plan: QuestionPlan) -> list:
    """The concepts of a question about a cap, but for the cap itself ([] for a question
    about no cap)."""
    if not cap_words() & set(tokens(plan.query)):
        return []
    cap_stems = {stem(w) for w in cap_words()}
    return [c for c in plan.concepts if not c.stems & cap_stems]


def _bounded(words: list[str]) -> list[frozenset[str]]:
    """For each cap word of a clause, the stems of the content words it binds."""
    found = []
    start = 0
    for i, word in enumerate(words):
        if word not in cap_words():
            continue
        near, start = words[start:i], i + 1
        if i + 1 < len(words) and words[i + 1] in _OBJECT_PREPOSITIONS:
            near += _content(words[i + 2 :])[:AFTER]
        found.append(frozenset(stem(w) for w in _content(near)))
    return found


def _content(words: list[str]) -> list[str]:
    """The words that may name what is capped: no stopwords, no figures, no word that only
    says how much ('overall', 'total')."""
    measures = set(questions().cap_measures)
    return [w for w in words if w not in STOPWORDS and w not in measures
            and any(c.isalpha() for c in w) and not any(c.isdigit() for c in w)]
