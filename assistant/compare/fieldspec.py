"""The comparison fields, declared as data in knowledge/compare/fields.yaml."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from assistant.resources import knowledge_dir, read_yaml

FIELDS_PATH = knowledge_dir() / "compare" / "fields.yaml"
READERS = ("pricing_model", "rates", "service_levels", "languages", "locations", "delivery_model",
           "hours", "certifications", "platforms", "data_ownership", "termination_fee",
           "data_residency")


class FieldSpec(BaseModel):
    """One row of the terms matrix and how its values are read."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    label: str
    group: str
    kind: Literal["single", "list", "status"]
    reader: str | None = None
    channel: str | None = None
    framework: str | None = None
    value: Literal["percent", "duration", "money", "count", "multiplier", "score", "presence"] | None = None
    also: tuple[Literal["percent", "duration", "money", "count", "multiplier"], ...] = ()
    triggers: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    compare: str | None = None
    money_units: tuple[str, ...] = ()
    counts: tuple[str, ...] = ()
    min_amount: float = 0.0
    before: int = 0
    after: int = 12
    sections: tuple[str, ...] = ("offer",)
    plain: bool = False  # a hedge or condition around the value does not qualify it
    prefer: tuple[str, ...] = ()  # words that mark the value to keep among several ('total')
    kinds: dict[str, tuple[str, ...]] = {}  # kinds of value, by words of the statement
    denied: str = ""  # the cell's text when the statement denies the thing ('no pilot offered')
    # Triggers that say what a value applies to ('overtime', 'overnight'): a question naming one,
    # or a day of the week, is answered by the values whose quote names it, not by all of them.
    occasions: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _read_somehow(self) -> FieldSpec:
        if self.reader is None and (self.value is None or not self.triggers):
            raise ValueError(f"field {self.key}: needs a reader, or a value kind and triggers")
        if set(self.occasions) - set(self.triggers):
            raise ValueError(f"field {self.key}: occasions must be among its triggers")
        if self.reader is not None and self.reader not in READERS:
            raise ValueError(f"field {self.key}: unknown reader {self.reader!r}")
        return self

    @property
    def unit(self) -> str:
        """The unit the field's cells are compared in ('%', 'days', …)."""
        if self.value == "percent":
            return "%"
        return self.compare or ""


@cache
def load_fields(path: Path = FIELDS_PATH) -> tuple[FieldSpec, ...]:
    """Every field, in matrix order."""
    data = read_yaml(path)
    fields = tuple(FieldSpec(**item) for item in data["fields"])
    keys = [f.key for f in fields]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate field keys in fields.yaml")
    return fields
