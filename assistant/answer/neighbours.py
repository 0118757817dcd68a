"""Statements that complete or replace the one an answer quotes.

A vendor often qualifies a statement in the next sentence ('Night cover is not part of the
base price. It could be added from our Porto hub, subject to volume.'), or states a fact once in a
summary and again, in full, in the section about it. The answer then quotes the qualifying
neighbour too, and cites the section rather than the summary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from assistant.answer.clauses import VALUE_KINDS, clauses
from assistant.answer.evidence import Evidence
from assistant.answer.question import QuestionPlan
from assistant.reading.statements import Statement, sums_up
from assistant.reading.triggers import find_triggers
from assistant.text import terms

# The statuses that qualify what a neighbouring sentence says (not 'other_client': another
# client's story never qualifies the vendor's offer).
QUALIFYING = frozenset({"negated", "hedged", "conditional", "planned", "third_party"})
# How much of a summary's words a statement must repeat to say the same thing.
RESTATED_SHARE = 0.5


def status_cues(statement: Statement) -> frozenset[str]:
    """The qualifying statuses a statement carries: of its mentions, and of the trigger words
    it holds even where they qualify no mention ('it could be added later'), but for a
    negation, which without a mention is as often a turn of phrase ('without prejudice to')."""
    said = {m.status for m in statement.mentions}
    if not said & QUALIFYING:
        said |= _trigger_statuses(statement.text)
    return frozenset(said & QUALIFYING)


@lru_cache(maxsize=50_000)
def _trigger_statuses(text: str) -> frozenset[str]:
    """The statuses of a sentence's trigger words but negation (read once per text: slow)."""
    return frozenset(t.status for t in find_triggers(text) if t.status != "negated")


def shared_concepts(plan: QuestionPlan, one: Statement, other: Statement) -> int:
    """How many of the question's concepts both statements say in their own words."""
    a, b = frozenset(terms(one.text)), frozenset(terms(other.text))
    return sum(c.covered_by(a) and c.covered_by(b) for c in plan.concepts)


def qualifies(plan: QuestionPlan, best: Evidence, neighbour: Evidence) -> bool:
    """Whether a sentence next to the best one qualifies it: it carries a status the best does
    not (a condition after a refusal, a refusal after an offer) and speaks of something the
    question asks about that the best also says."""
    if neighbour.statement.cell is not None or neighbour.quote == best.quote:
        return False
    added = status_cues(neighbour.statement) - status_cues(best.statement)
    return bool(added) and shared_concepts(plan, best.statement, neighbour.statement) > 0


def qualifying_neighbour(plan: QuestionPlan, best: Evidence, candidates: Sequence[Evidence],
                         around: Callable[[Statement], Sequence[Statement | None]],
                         ) -> Evidence | None:
    """The candidate next to the best (`around` gives the sentences before and after it) that
    qualifies it, if any."""
    beside = {id(s) for s in around(best.statement) if s is not None}
    for candidate in candidates:
        if id(candidate.statement) in beside and qualifies(plan, best, candidate):
            return candidate
    return None


def restated(plan: QuestionPlan, summary: Evidence, other: Evidence,
             weight: Callable[[str], float] = lambda _: 1.0) -> float:
    """How far a statement says what another says (0 to 1): 1 when both give an asked value
    (an amount, a duration, a share, a count: not merely the same language or site), 0 when
    the other gives none of the values; where the first gives no asked value, the share of
    the words of its clause that says most of the question the other repeats, each word
    counted by `weight` (its rarity: 'overflow' says more than 'agents')."""
    asked = plan.answer_kinds & VALUE_KINDS
    values = {_value(m) for m in summary.statement.mentions if m.kind in asked}
    if values:
        given = {_value(m) for m in other.statement.mentions if m.kind in asked}
        return float(bool(values & given))
    words = frozenset(terms(_asked_clause(plan, summary.quote)))
    total = sum(weight(w) for w in words)
    return sum(weight(w) for w in words & frozenset(terms(other.quote))) / total if total else 0.0


def _asked_clause(plan: QuestionPlan, text: str) -> str:
    """The clause of a text that says most of the question ('Spanish from our Leeds hub' of
    'English from all three hubs; Spanish from our Leeds hub'): a summary packs several facts
    in one sentence, and a section restates the one asked."""
    parts = [text[a:b] for a, b in clauses(text)] or [text]
    def said(part: str) -> int:
        return sum(c.covered_by(frozenset(terms(part))) for c in plan.concepts)

    return max(parts, key=said)


def _value(mention) -> tuple:
    return mention.kind, tuple(sorted((k, str(v)) for k, v in mention.value.items()))


def heading_says(plan: QuestionPlan, statement: Statement) -> bool:
    """Whether a statement's heading says something the question asks about ('Training' for
    a question about initial training)."""
    stems = frozenset(terms(statement.heading))
    return any(c.covered_by(stems) for c in plan.concepts)


def better_source(plan: QuestionPlan, chosen: Evidence, candidates: Sequence[Evidence],
                  floor: float, weight: Callable[[str], float] = lambda _: 1.0) -> Evidence | None:
    """A statement that says what the chosen one says, in the section about it: where the
    chosen stands in a summary, or under a heading that names nothing asked while the other's
    does: the one that repeats most of it (the first, best scored, of equals). Only
    candidates scoring at least `floor` times the chosen's count; `weight` is a word's rarity."""
    in_summary = sums_up(chosen.statement.heading)
    if not in_summary and heading_says(plan, chosen.statement):
        return None
    best, best_share = None, RESTATED_SHARE
    for other in candidates:
        if other.statement is chosen.statement or other.score < chosen.score * floor:
            continue
        if sums_up(other.statement.heading) or other.document != chosen.document:
            continue
        if not (in_summary or heading_says(plan, other.statement)):
            continue
        share = restated(plan, chosen, other, weight)
        if share > best_share:
            best, best_share = other, share
    return best


ROW_CELLS = 2  # the most further cells of one row an answer about a status quotes


def row_cells(cell: Statement, mates: Sequence[Statement]) -> list[Statement]:
    """The other cells of a table cell's row (`mates`: the cells beside it in its row and
    column), in reading order, at most ROW_CELLS: a status table gives an item's status in one
    column and what it means in the next ('SOC 2 | Not held | No examination undertaken'), and a
    yes-or-no answer quoting one of them without the other says half."""
    if cell.cell is None:
        return []
    where = (cell.document, cell.page, cell.cell.row, cell.cell.row_header)
    row = [m for m in mates if m.cell is not None and m is not cell
           and (m.document, m.page, m.cell.row, m.cell.row_header) == where]
    return sorted(row, key=lambda m: m.cell.col)[:ROW_CELLS]
