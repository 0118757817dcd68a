"""The clause of a statement that answers, when its other clauses give other values of the
asked kind ('agent tenure is 27 months; team leader tenure is 6.2 years'): the answer quotes
the clause about what was asked, not its neighbour's figure."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.evidence import Evidence, gives
from assistant.answer.question import QuestionPlan
from assistant.text import terms

# The kinds of value two clauses can give differently (a name or a status is not one).
VALUE_KINDS = frozenset({"money", "duration", "percent", "count"})
# Where one clause ends and the next begins: a semicolon, or a full stop before a capital.
_BOUNDARY = re.compile(r";\s+|(?<=[a-z0-9)])\.\s+(?=[A-Z])")


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a text."""
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        spans.append((start, match.start() + (1 if text[match.start()] == "." else 0)))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def focused(plan: QuestionPlan, evidence: Evidence) -> Evidence:
    """The evidence narrowed to its one clause that says all the statement says of the
    question and gives the asked value, when another clause gives another value of that kind;
    else the evidence as it is."""
    statement = evidence.statement
    spans = clauses(statement.text)
    asked = plan.answer_kinds & VALUE_KINDS
    if len(spans) < 2 or len(asked) != 1:
        return evidence  # 'length and size': each clause may give one of the asked values
    whole = _covered(plan, statement.text)
    answering = [s for s in spans if _gives_value(plan, statement, s) and _covered(plan, _part(statement, s)) >= whole]
    competing = [s for s in spans if _gives_value(plan, statement, s)]
    if len(answering) != 1 or len(competing) < 2:
        return evidence
    if not all(_own_subject(statement, s) for s in competing if s != answering[0]):
        return evidence  # '4 minutes for chat; 11 minutes for email': the same measure goes on
    start, end = answering[0]
    mentions = tuple(replace(m, start=m.start - start, end=m.end - start) for m in statement.mentions
                     if m.start >= start and m.end <= end)
    narrowed = replace(statement, text=statement.text[start:end], start=statement.start + start,
                       end=statement.start + end, mentions=mentions)
    return replace(evidence, statement=narrowed)


def _own_subject(statement, span: tuple[int, int]) -> bool:
    """Whether a clause names what its value is about before giving it ('team leader tenure
    is 6.2 years'), rather than going on from the clause before it with the value first or a
    pronoun ('9 minutes for email', 'that is 200 hours'): only then is its value another thing's."""
    values = [m.start for m in statement.mentions if m.start >= span[0] and m.end <= span[1]]
    lead = statement.text[span[0] : min(values) if values else span[1]]
    return bool(terms(lead))


def _part(statement, span: tuple[int, int]) -> str:
    return statement.text[span[0] : span[1]]


def _covered(plan: QuestionPlan, text: str) -> int:
    """How many of the question's concepts a text says."""
    stems = frozenset(terms(text))
    return sum(concept.covered_by(stems) for concept in plan.concepts)


def _gives_value(plan: QuestionPlan, statement, span: tuple[int, int]) -> bool:
    """Whether a clause holds a value (an amount, a duration...) of a kind the question asks for."""
    kinds = {m.kind for m in statement.mentions if m.start >= span[0] and m.end <= span[1]}
    stems = frozenset(terms(_part(statement, span)))
    return any(gives(kind, kinds, stems) for kind in plan.answer_kinds & VALUE_KINDS)
