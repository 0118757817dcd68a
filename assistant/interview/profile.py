"""The requirements profile and the interview state, saved in a workspace directory."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.interview.plan import Priority, SlotType
from assistant.interview.values import format_value, to_plain, validate_value

PROFILE_FILE = "profile.json"
STATE_FILE = "interview.json"


class SlotValue(BaseModel):
    """One filled slot, with where it came from."""

    model_config = ConfigDict(extra="forbid")

    type: SlotType
    value: Any
    message_index: int = Field(ge=0, description="Which buyer message set it (1 = first).")
    message: str = Field(description="That message, as the buyer wrote it.")
    corrected: bool = Field(default=False, description="The buyer explicitly changed it.")
    inferred: bool = Field(
        default=False,
        description="Read by the language model, not the rules; a later rule reading replaces it.",
    )
    source: str = Field(default="", description="The words of the message the value came from.")
    priority: Priority | None = Field(default=None, description="must (must-have) or nice (nice-to-have).")
    item_priority: dict[str, Priority] = Field(
        default_factory=dict, description="Must-have or nice-to-have per item of a list."
    )

    @model_validator(mode="after")
    def _value_fits_type(self) -> SlotValue:
        self.value = validate_value(self.type, self.value)
        return self

    def plain(self) -> Any:
        """The value in JSON form."""
        return to_plain(self.value)

    def display(self) -> str:
        """The value as the buyer reads it."""
        return format_value(self.type, self.value)


class Profile(BaseModel):
    """The buyer's requirements: slot name -> value with provenance."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    slots: dict[str, SlotValue] = Field(default_factory=dict)

    def has(self, name: str) -> bool:
        """Whether the slot is filled."""
        return name in self.slots

    def get(self, name: str, default: Any = None) -> Any:
        """The typed value of a slot, or `default`."""
        return self.slots[name].value if name in self.slots else default

    def set(
        self,
        name: str,
        slot_type: SlotType,
        value: Any,
        message_index: int,
        message: str,
        corrected: bool = False,
        source: str = "",
        priority: Priority | None = None,
        item_priority: dict[str, Priority] | None = None,
    ) -> None:
        """Fill or overwrite a slot."""
        self.slots[name] = SlotValue(
            type=slot_type,
            value=value,
            message_index=message_index,
            message=message[:1000],
            corrected=corrected,
            source=source[:400],
            priority=priority,
            item_priority=dict(item_priority or {}),
        )

    def values(self) -> dict[str, Any]:
        """Plain slot values (JSON-ready), without provenance."""
        return {name: slot.plain() for name, slot in self.slots.items()}

    def requirements(self) -> list[dict[str, Any]]:
        """Each requirement with its must-have / nice-to-have mark: one per list item, one per
        other slot; `priority` is None where the buyer said neither."""
        out = []
        for name, slot in self.slots.items():
            items = slot.value if isinstance(slot.value, list) and slot.type in ("list[str]", "notes") else None
            if items is None:
                out.append({"slot": name, "item": None, "value": slot.plain(), "priority": slot.priority,
                            "source": slot.source})
                continue
            for item in items:
                priority = slot.item_priority.get(item, slot.priority)
                out.append({"slot": name, "item": item, "value": item, "priority": priority, "source": slot.source})
        return out


class InterviewState(BaseModel):
    """Where the interview stands: the pending question and what was asked, answered, skipped."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    current: str | None = None
    asked: list[str] = Field(default_factory=list)
    answered: list[str] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list)
    parked: list[str] = Field(default_factory=list, description="Asked twice without an answer.")
    times_asked: dict[str, int] = Field(default_factory=dict, description="How often each question was put.")
    last_aside: str | None = Field(default=None, description="The question skipped or parked last.")
    messages: int = 0
    home: list[str] = Field(default_factory=list, description="Countries the buyer first said it is in.")
    last_slots: list[str] = Field(default_factory=list)
    finished: bool = False


def atomic_write_json(path: Path, data: Any) -> None:
    """Write JSON through a temporary file and os.replace, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, ensure_ascii=False)
            handle.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_profile(workspace_dir: Path, profile: Profile) -> Path:
    """Write `profile.json` in the workspace."""
    path = Path(workspace_dir) / PROFILE_FILE
    atomic_write_json(path, profile.model_dump(mode="json"))
    return path


def load_profile(workspace_dir: Path) -> Profile:
    """Read `profile.json`; an empty profile when there is none yet.

    Args:
        workspace_dir: the workspace directory.

    Returns:
        The validated profile (pydantic.ValidationError if the file was tampered with).
    """
    path = Path(workspace_dir) / PROFILE_FILE
    if not path.exists():
        return Profile()
    return Profile.model_validate_json(path.read_text(encoding="utf-8"))


def save_state(workspace_dir: Path, state: InterviewState) -> Path:
    """Write `interview.json` in the workspace."""
    path = Path(workspace_dir) / STATE_FILE
    atomic_write_json(path, state.model_dump(mode="json"))
    return path


def load_state(workspace_dir: Path) -> InterviewState:
    """Read `interview.json`; a fresh state when there is none yet."""
    path = Path(workspace_dir) / STATE_FILE
    if not path.exists():
        return InterviewState()
    return InterviewState.model_validate_json(path.read_text(encoding="utf-8"))
