"""Slot accuracy: how many expected profile slots an interview filled with the right value."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

REL_TOLERANCE = 0.01


def values_match(expected: Any, actual: Any) -> bool:
    """Equal up to case, list order and 1% on numbers; dicts compare key by key."""
    if expected is None:
        return actual is None
    if actual is None:
        return False
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return math.isclose(expected, actual, rel_tol=REL_TOLERANCE, abs_tol=1e-9)
    if isinstance(expected, str) and isinstance(actual, str):
        return expected.strip().lower() == actual.strip().lower()
    if isinstance(expected, list) and isinstance(actual, list):
        return sorted(str(e).lower() for e in expected) == sorted(str(a).lower() for a in actual)
    if isinstance(expected, Mapping) and isinstance(actual, Mapping):
        keys = set(expected) | set(actual)
        return all(values_match(expected.get(k), actual.get(k)) for k in keys)
    return False


def slot_accuracy(expected: dict[str, Any], actual: dict[str, Any]) -> tuple[float, str]:
    """Share of expected slots whose actual value matches, and a reason naming the misses.

    Args:
        expected: slot -> expected plain value (None: the slot must stay empty).
        actual: slot -> plain value, as in chat_turn's "profile".

    Returns:
        (accuracy in [0, 1], reason). An empty expectation scores 1.0.
    """
    if not expected:
        return 1.0, "no expected slots"
    misses = [
        f"{slot}: expected {exp!r}, got {actual.get(slot)!r}"
        for slot, exp in expected.items()
        if not values_match(exp, actual.get(slot))
    ]
    score = (len(expected) - len(misses)) / len(expected)
    if not misses:
        return score, f"all {len(expected)} slots match"
    return score, f"{len(expected) - len(misses)}/{len(expected)} slots match; " + "; ".join(misses)
