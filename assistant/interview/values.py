"""Typed slot values (duration, money, service level, renewal options, goal targets) and how
each slot type is shown. Reading them from text is the reading layer's job (assistant/reading)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from assistant.interview.plan import SlotType
from assistant.reading.quantities import SECONDS as UNIT_SECONDS

DurationUnit = Literal["seconds", "minutes", "hours", "days", "weeks", "months", "years"]


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Duration(_Value):
    """A length of time as the buyer said it ("3 months" stays 3 months)."""

    amount: float
    unit: DurationUnit

    @property
    def seconds(self) -> float:
        """The length in seconds (a month counts 30 days)."""
        return self.amount * UNIT_SECONDS[self.unit]

    def __str__(self) -> str:
        unit = self.unit[:-1] if self.amount == 1 else self.unit
        return f"{_num(self.amount)} {unit}"


class Money(_Value):
    """An amount in a currency, optionally per unit (hour, FTE, contact, minute, month, year)."""

    amount: float
    currency: str
    per: str | None = None

    def __str__(self) -> str:
        per = f" per {self.per}" if self.per else ""
        return f"{self.currency} {_num(self.amount, money=True)}{per}"


class ServiceLevel(_Value):
    """A speed target: `percent` of contacts handled within `seconds` (percent may be unstated)."""

    percent: float | None = None
    seconds: float
    # counted in working days or hours ('within 2 working days'); left out of the stored
    # value when false, so calendar targets keep their shape
    business: bool = Field(default=False, exclude_if=lambda v: not v)

    def __str__(self) -> str:
        within = _seconds_text(self.seconds, self.business)
        return f"{_num(self.percent)}% within {within}" if self.percent else f"within {within}"


class Renewal(_Value):
    """Options to extend a contract: `count` extensions of `amount` `unit` each ('2+1' is one
    option of one year); the length may be unstated ('with an option to renew'), and the count
    too where the contract renews itself until cancelled ('extends automatically by a year')."""

    count: int | None
    amount: float | None = None
    unit: DurationUnit | None = None

    def __str__(self) -> str:
        each = f" of {Duration(amount=self.amount, unit=self.unit)}" if self.amount and self.unit else ""
        if self.count is None:
            return f"automatic renewal{each or ''} until cancelled"
        return f"{self.count} optional extension{'s' if self.count != 1 else ''}{each}"


class GoalTarget(_Value):
    """A target for a goal or measure: 'conversion rate' to '35%', 'cost per contact' '-10%'."""

    metric: str
    change: str

    def __str__(self) -> str:
        return f"{self.metric} {self.change}"


VALUE_TYPES: dict[str, Any] = {
    "text": str,
    "int": int,
    "percent": float,
    "duration": Duration,
    "money": Money,
    "list[str]": list[str],
    "bool": bool,
    "enum": str,
    "channel_mix": dict[str, float],
    "service_level": ServiceLevel,
    "channel_hours": dict[str, str],
    "renewal": Renewal,
    "weights": dict[str, float],
    "targets": list[GoalTarget],
    "notes": list[str],
}
ADAPTERS: dict[str, TypeAdapter[Any]] = {k: TypeAdapter(v) for k, v in VALUE_TYPES.items()}


def validate_value(slot_type: SlotType, value: Any) -> Any:
    """Check and coerce a value to its slot type (raises pydantic.ValidationError)."""
    return ADAPTERS[slot_type].validate_python(value, strict=slot_type in ("bool",))


def to_plain(value: Any) -> Any:
    """JSON-ready form of a typed value."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value


def format_value(slot_type: SlotType, value: Any) -> str:
    """A slot value as the buyer would read it."""
    if slot_type == "int":
        return f"{value:,}"
    if slot_type == "percent":
        return f"{_num(value)}%"
    if slot_type == "bool":
        return "yes" if value else "no"
    if slot_type == "list[str]":
        return ", ".join(value) if value else "none"
    if slot_type == "channel_mix":
        return ", ".join(f"{k} {_num(v)}%" for k, v in value.items())
    if slot_type == "channel_hours":
        return _hours_text(value)
    if slot_type == "weights":
        return ", ".join(f"{k} {_num(v)}" for k, v in value.items())
    if slot_type == "targets":
        return "; ".join(str(t) for t in value)
    if slot_type == "notes":
        return "; ".join(value) if value else "none"
    return str(value)


def _hours_text(hours: dict[str, str]) -> str:
    named = [f"{k} {v}" for k, v in hours.items() if k != "all"]
    if "all" in hours:
        named.append(f"other channels {hours['all']}" if named else hours["all"])
    return ", ".join(named)


def _num(value: float | None, money: bool = False) -> str:
    if value is None:
        return "?"
    if money and value != int(value):
        return f"{value:,.2f}"
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _seconds_text(seconds: float, business: bool = False) -> str:
    for unit in ("days", "hours", "minutes"):
        size = UNIT_SECONDS[unit]
        if seconds >= size and seconds % size == 0:
            text = str(Duration(amount=seconds / size, unit=unit))  # type: ignore[arg-type]
            return text.replace(" ", " business ", 1) if business and unit in ("days", "hours") else text
    return str(Duration(amount=seconds, unit="seconds"))
