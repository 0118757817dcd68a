"""Evaluation weights derived from the buyer's stated priorities and goals, summing to 100."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from assistant.rfp.templates import Criterion, EvaluationSpec


@dataclass(frozen=True)
class Weight:
    """One criterion's share of the score, in whole percent, and why it has that share."""

    criterion: Criterion
    percent: int
    reasons: tuple[str, ...]


def _raw_weight(
    criterion: Criterion,
    spec: EvaluationSpec,
    stated: set[str],
    goals: set[str],
    flag: Callable[[str], bool | None],
) -> tuple[float, tuple[str, ...]]:
    """Base weight times a factor for each kind of priority the criterion serves."""
    weight = criterion.base
    reasons = []
    if criterion.id in stated:
        weight *= spec.stated_factor
        reasons.append("named as a priority")
    served = sorted(goals & {g.lower() for g in criterion.goals})
    if served:
        weight *= spec.goal_factor
        reasons.append(f"serves the goal {', '.join(served)}")
    raised = [f for f in criterion.flags if flag(f) is True]
    if raised:
        weight *= spec.flag_factor
        reasons.append(f"in scope: {', '.join(raised)}")
    return weight, tuple(reasons)


def to_percentages(raw: list[float]) -> list[int]:
    """Whole percentages proportional to `raw` that sum to exactly 100 (largest remainder)."""
    total = sum(raw)
    if total <= 0:
        raise ValueError("weights must be positive")
    exact = [100 * value / total for value in raw]
    floors = [math.floor(value) for value in exact]
    order = sorted(range(len(raw)), key=lambda i: (exact[i] - floors[i], raw[i]), reverse=True)
    for i in order[: 100 - sum(floors)]:
        floors[i] += 1
    return floors


def evaluation_weights(
    spec: EvaluationSpec,
    stated: Iterable[str],
    goals: Iterable[str],
    flag: Callable[[str], bool | None],
) -> list[Weight]:
    """Weights for the listed criteria plus any named criterion not listed.

    Args:
        spec: criteria with base weights and the factors for priorities.
        stated: criteria the buyer named (``evaluation_criteria``).
        goals: the buyer's outsourcing goals.
        flag: scope condition lookup (True, False or None).

    Returns:
        One weight per criterion, in spec order, percentages summing to 100.
    """
    stated_set = {s.lower() for s in stated}
    goal_set = {g.lower() for g in goals}
    known = {c.id for c in spec.criteria}
    extra = [
        Criterion(id=name, title=name.capitalize(), assesses=name, base=spec.unlisted_base)
        for name in sorted(stated_set - known)
    ]
    criteria = [*spec.criteria, *extra]
    raw = [_raw_weight(c, spec, stated_set, goal_set, flag) for c in criteria]
    percents = to_percentages([weight for weight, _ in raw])
    return [
        Weight(criterion, percent, reasons)
        for criterion, percent, (_, reasons) in zip(criteria, percents, raw, strict=True)
    ]
