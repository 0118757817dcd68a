"""The requirements profile and the interview state, saved in the workspace's database."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from sqlalchemy import Connection

from assistant.interview.plan import Priority, SlotType
from assistant.interview.values import format_value, to_plain, validate_value
from assistant.state.backends import database_url
from assistant.state.workspace_db import DB_FILE, InterviewRow, WorkspaceDB

# The JSON files of the old layout, migrated into the database when a workspace is opened.
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


class InterviewStore:
    """The profile and interview state of a workspace, changed together in one transaction."""

    def __init__(self, workspace_dir: Path) -> None:
        self.root = Path(workspace_dir)

    def _db(self, create: bool) -> WorkspaceDB | None:
        """The workspace's database; None when reading a workspace that holds no state yet."""
        legacy = (self.root / PROFILE_FILE).exists() or (self.root / STATE_FILE).exists()
        held = database_url() is not None or (self.root / DB_FILE).exists()
        if not create and not legacy and not held:
            return None
        return WorkspaceDB.for_folder(self.root)

    def load(self) -> tuple[Profile, InterviewState, int]:
        """The saved profile, state and version (empty ones and 0 when none was saved)."""
        db = self._db(create=False)
        row = db.read_interview() if db else InterviewRow(None, None, 0)
        return (*_parse(row), row.version)

    @contextmanager
    def locked(self) -> Iterator[HeldInterview]:
        """The current profile and state, locked until the block ends; `save` inside it.

        An exception in the block rolls everything back: the last saved state stays.
        """
        db = self._db(create=True)
        assert db is not None
        with db.interview_for_update() as (row, connection):
            profile, state = _parse(row)
            yield HeldInterview(db, connection, row, profile, state)


@dataclass
class HeldInterview:
    """A locked interview row: its parsed profile and state, saved back with `save`."""

    db: WorkspaceDB
    connection: Connection
    row: InterviewRow
    profile: Profile
    state: InterviewState

    @property
    def version(self) -> int:
        """The row's version: how many times it was saved (0: never)."""
        return self.row.version

    def save(
        self,
        profile: Profile | None = None,
        state: InterviewState | None = None,
        audit: tuple[str, str, str] | None = None,
    ) -> None:
        """Write the profile and state (the held ones by default) and an audit entry."""
        self.profile = self.profile if profile is None else profile
        self.state = self.state if state is None else state
        self.db.write_interview(
            self.connection,
            self.row,
            self.profile.model_dump_json(),
            self.state.model_dump_json(),
        )
        self.row = InterviewRow(None, None, self.row.version + 1)
        if audit is not None:
            self.db.record(*audit, connection=self.connection)


def _parse(row: InterviewRow) -> tuple[Profile, InterviewState]:
    """Validated models of a stored row (pydantic.ValidationError if it was tampered with)."""
    profile = Profile.model_validate_json(row.profile) if row.profile else Profile()
    state = InterviewState.model_validate_json(row.state) if row.state else InterviewState()
    return profile, state


def save_profile(workspace_dir: Path, profile: Profile) -> Path:
    """Save the workspace's profile (the interview state is kept); returns the workspace."""
    with InterviewStore(workspace_dir).locked() as held:
        held.save(profile=profile)
    return Path(workspace_dir)


def load_profile(workspace_dir: Path) -> Profile:
    """The workspace's profile; an empty one when there is none yet.

    Args:
        workspace_dir: the workspace directory.

    Returns:
        The validated profile (pydantic.ValidationError if the stored one was tampered with).
    """
    return InterviewStore(workspace_dir).load()[0]


def save_state(workspace_dir: Path, state: InterviewState) -> Path:
    """Save the workspace's interview state (the profile is kept); returns the workspace."""
    with InterviewStore(workspace_dir).locked() as held:
        held.save(state=state)
    return Path(workspace_dir)


def load_state(workspace_dir: Path) -> InterviewState:
    """The workspace's interview state; a fresh one when there is none yet."""
    return InterviewStore(workspace_dir).load()[1]
