"""The buyer's answers as the RFP reads them: presence, tri-state flags and display text."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from assistant.interview.plan import Plan
from assistant.interview.values import format_value, validate_value
from assistant.rfp.model import tbc

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fill:
    """Text for a placeholder, and the slots it still needs from the buyer."""

    text: str
    missing: tuple[str, ...] = ()


def profile_values(profile: object) -> dict[str, object]:
    """Plain ``slot id -> value`` from a ``Profile`` (anything with ``values()``) or a mapping."""
    if isinstance(profile, Mapping):
        return dict(profile)
    values = getattr(profile, "values", None)
    if callable(values):
        return dict(values())
    raise TypeError(f"cannot read slot values from {type(profile).__name__}")


def profile_priorities(profile: object) -> dict[tuple[str, str | None], str]:
    """``(slot, item or None) -> 'must' | 'nice'`` from a Profile's requirements (a plain
    mapping has none)."""
    requirements = getattr(profile, "requirements", None)
    if not callable(requirements):
        return {}
    out: dict[tuple[str, str | None], str] = {}
    for req in requirements():
        if req.get("priority"):
            out[(req["slot"], req.get("item"))] = req["priority"]
    return out


def join_words(items: list[str] | tuple[str, ...]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str | list | tuple | dict) and not value)


def _plain_text(value: object) -> str:
    """Any value as readable text, for shapes the slot type does not expect."""
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_plain_text(v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set):
        return join_words([_plain_text(v) for v in value])
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


class Answers:
    """Read-only view of the buyer's slot values, typed and formatted by the interview plan."""

    def __init__(
        self, values: Mapping[str, object], plan: Plan, labels: Mapping[str, str] | None = None
    ) -> None:
        self._plan = plan
        self._labels = dict(labels or {})
        self._misfits: set[str] = set()
        self._values = {k: v for k, v in values.items() if not _is_empty(v)}
        unknown = sorted(set(self._values) - set(plan.slot_map))
        if unknown:
            log.warning("profile slots not in the interview plan are ignored: %s", unknown)

    @property
    def plan(self) -> Plan:
        """The interview plan that defines the slots."""
        return self._plan

    def has(self, slot: str) -> bool:
        """Whether the buyer answered this slot."""
        return slot in self._values

    def stated(self) -> list[str]:
        """Slots the buyer answered that the plan knows, in plan order."""
        return [s.name for s in self._plan.slots if s.name in self._values]

    def _coerced(self, slot: str) -> tuple[Any, bool]:
        """The value coerced to its slot type and True, or the raw value and False."""
        value = self._values.get(slot)
        if value is None or slot not in self._plan.slot_map:
            return value, False
        try:
            return validate_value(self._plan.slot(slot).type, value), True
        except (ValidationError, TypeError, ValueError):
            if slot not in self._misfits:
                self._misfits.add(slot)
                slot_type = self._plan.slot(slot).type
                log.warning("slot %s: value %r does not fit type %s", slot, value, slot_type)
            return value, False

    def typed(self, slot: str) -> Any:
        """The value coerced to its slot type, or the raw value when it does not fit."""
        return self._coerced(slot)[0]

    def items(self, slot: str) -> tuple[str, ...]:
        """A list slot's entries as text; a scalar becomes one entry; unanswered is empty."""
        value = self.typed(slot)
        if value is None:
            return ()
        if isinstance(value, list | tuple | set):
            return tuple(str(v) if hasattr(v, "metric") else _plain_text(v) for v in value)
        if isinstance(value, Mapping):
            return tuple(str(k) for k in value)
        return (self.text(slot) or "",)

    def mapping(self, slot: str) -> dict[str, str]:
        """A dict slot (channel mix, hours) as ``key -> display text``; else empty."""
        value = self.typed(slot)
        if not isinstance(value, Mapping):
            return {}
        slot_type = self._plan.slot(slot).type if slot in self._plan.slot_map else "text"
        if slot_type == "channel_mix":
            return {str(k): format_value("percent", v) for k, v in value.items() if _number(v)}
        return {str(k): _plain_text(v) for k, v in value.items()}

    def number(self, slot: str) -> float | None:
        """A numeric slot as a float, or None."""
        value = self.typed(slot)
        return float(value) if _number(value) else None

    def flag(self, slot: str) -> bool | None:
        """A yes/no slot: True, False, or None when unanswered or not a boolean."""
        value = self.typed(slot)
        return value if isinstance(value, bool) else None

    def text(self, slot: str) -> str | None:
        """The value as the buyer would read it, or None when unanswered."""
        value, fits = self._coerced(slot)
        if value is None:
            return None
        slot_def = self._plan.slot_map.get(slot)
        if slot_def is None or not fits:
            return _plain_text(value)
        if slot_def.type == "list[str]":
            return join_words([str(v) for v in value])
        try:
            return format_value(slot_def.type, value)
        except (TypeError, ValueError, AttributeError):
            return _plain_text(value)

    def label(self, slot: str) -> str:
        """How a missing slot is named: an override, else the plan's label ("monthly volume")."""
        if slot in self._labels:
            return self._labels[slot]
        slot_def = self._plan.slot_map.get(slot)
        return slot_def.label if slot_def else slot.replace("_", " ")

    def question(self, slot: str) -> str | None:
        """The interview question that fills this slot."""
        for question in self._plan.questions:
            if slot in question.slots:
                return question.prompt
        return None

    def fill(self, slot: str) -> Fill:
        """Display text, or a to-be-confirmed marker that names the missing slot."""
        text = self.text(slot)
        if text is None:
            return Fill(tbc(self.label(slot)), (slot,))
        return Fill(text)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
