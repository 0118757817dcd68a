"""Fixtures for the interview tests: the real plan, the real guidance base, engines on tmp dirs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.interview import InterviewEngine, Plan, TurnResult, load_plan
from assistant.knowledge import GuidanceBase, load_guidance


@pytest.fixture(scope="session")
def plan() -> Plan:
    """The packaged interview plan."""
    return load_plan()


@pytest.fixture(scope="session")
def guidance() -> GuidanceBase:
    """The packaged guidance knowledge base."""
    return load_guidance()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """An empty workspace directory."""
    path = tmp_path / "workspace"
    path.mkdir()
    return path


@pytest.fixture
def make_engine(
    workspace: Path, plan: Plan, guidance: GuidanceBase
) -> Callable[..., InterviewEngine]:
    """Build an engine on the test workspace (a new one reads what the last one saved)."""

    def make(answer_question=None) -> InterviewEngine:
        return InterviewEngine(workspace, plan, guidance, answer_question)

    return make


def say(engine: InterviewEngine, *messages: str) -> TurnResult:
    """Send messages in order; the last turn's result."""
    result = None
    for message in messages:
        result = engine.turn(message)
    assert result is not None
    return result
