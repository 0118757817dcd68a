"""Scripted buyer conversations for the slot-accuracy eval: load, validate, replay."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.interview.commands import chat_turn
from assistant.interview.engine import Understand
from assistant.resources import eval_cases_dir, read_yaml

logger = logging.getLogger(__name__)

CASES_DIR = eval_cases_dir() / "interviews"


class InterviewCase(BaseModel):
    """One conversation: the buyer's messages and the profile slots they should produce."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    description: str
    turns: tuple[str, ...] = Field(min_length=1)
    expect_profile: dict[str, Any] = Field(min_length=1)


def load_interview_cases(directory: Path | None = None) -> list[InterviewCase]:
    """Every `*.yaml` case in the folder, in name order; a bad file is logged and skipped."""
    cases = []
    for path in sorted((directory or CASES_DIR).glob("*.yaml")):
        try:
            cases.append(InterviewCase.model_validate(read_yaml(path)))
        except (OSError, yaml.YAMLError, ValidationError) as error:
            logger.warning("skipping interview case %s: %s", path, error)
    return cases


def replay_case(
    case: InterviewCase, workspace_dir: Path, understand: Understand | None = None
) -> dict[str, Any]:
    """Send the case's messages to a fresh interview in `workspace_dir`; the final profile.

    Args:
        case: the scripted conversation.
        workspace_dir: an empty directory (each call to chat_turn reloads it, as the CLI does).
        understand: the language model's reader of answers, if any.

    Returns:
        Plain slot values, as in chat_turn's "profile".
    """
    result = chat_turn(workspace_dir, "start")
    for message in case.turns:
        result = chat_turn(workspace_dir, message, understand=understand)
    return result["profile"]
