"""Plain functions the CLI wires in: one chat turn, a terminal loop, the profile view."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.interview import flow
from assistant.interview.engine import InterviewEngine, Understand
from assistant.interview.plan import Plan, load_plan
from assistant.interview.profile import (
    InterviewState,
    InterviewStore,
    Profile,
    load_profile,
    load_state,
)
from assistant.interview.render import format_profile as _format_profile
from assistant.limits import MAX_MESSAGE_CHARS, TooLong, check_length
from assistant.state.workspace_db import LOCAL_USER

QUIT_WORDS = {"quit", "exit", "bye", ":q"}


@lru_cache(maxsize=1)
def _plan() -> Plan:
    return load_plan()


def _engine(
    workspace_dir: Path,
    answer_question: Callable[[str], Any] | None,
    understand: Understand | None = None,
) -> InterviewEngine:
    from assistant.knowledge import load_guidance

    guidance = load_guidance()
    return InterviewEngine(Path(workspace_dir), _plan(), guidance, answer_question, understand)


def chat_turn(
    workspace_dir: Path,
    message: str,
    answer_question: Callable[[str], Any] | None = None,
    understand: Understand | None = None,
    user: str = LOCAL_USER,
    action: str = "interview turn",
    max_chars: int = MAX_MESSAGE_CHARS,
) -> dict[str, Any]:
    """One interview turn on a workspace.

    Args:
        workspace_dir: the workspace whose profile and interview state change.
        message: the buyer's message ('' or 'start' shows the current question).
        answer_question: optional answerer for side questions; guidance is used otherwise.
        understand: optional extra reader of answers (the language model), after the rules.
        user, action: who sent it and how the workspace's audit log names it.
        max_chars: the longest message accepted (TooLong beyond it; nothing is changed).

    Returns:
        {"reply": str, "profile": {slot: value}, "progress": {"answered", "required", "total"},
        "citations": [{"id": ..., "title": ...}]}.
    """
    check_length(message, max_chars)
    engine = _engine(workspace_dir, answer_question, understand)
    return engine.turn(message, user=user, action=action).to_dict()


def run_interactive(
    workspace_dir: Path,
    input_fn: Callable[[str], str] = input,
    output_fn: Callable[[str], None] = print,
    answer_question: Callable[[str], Any] | None = None,
    understand: Understand | None = None,
) -> None:
    """Terminal loop until 'quit' or end of input; the interview resumes where it stopped."""
    engine = _engine(workspace_dir, answer_question, understand)
    output_fn(engine.turn("start").reply)
    while True:
        try:
            message = input_fn("> ")
        except (EOFError, KeyboardInterrupt):
            output_fn("Saved. Run the interview again to carry on.")
            return
        if message.strip().lower() in QUIT_WORDS:
            output_fn("Saved. Run the interview again to carry on.")
            return
        try:
            result = engine.turn(check_length(message, MAX_MESSAGE_CHARS))
        except TooLong as exc:
            output_fn(str(exc))
            continue
        output_fn(result.reply)
        for cite in result.citations:  # guidance sources are listed in the reply itself
            if "marker" in cite and not str(cite.get("id", "")).startswith("guidance:"):
                output_fn(f"  [{cite['marker']}] {cite.get('title') or cite.get('document', '')}".rstrip())


def restart_interview(workspace_dir: Path, user: str = LOCAL_USER) -> None:
    """Forget the profile and the interview state: the next turn starts from the first question."""
    with InterviewStore(Path(workspace_dir)).locked() as held:
        held.save(Profile(), InterviewState(), (user, "interview restart", "answers cleared"))


def edit_text_field(workspace_dir: Path, label: str, value: str, user: str = LOCAL_USER) -> bool:
    """Set a free-text field exactly as typed in the profile panel's editor (no reading of the
    words: the buyer chose the field); False when the field is not free text."""
    plan = _plan()
    slot = next((s for s in plan.slots if s.label == label), None)
    value = value.strip()
    if slot is None or slot.type != "text" or not value:
        return False
    with InterviewStore(Path(workspace_dir)).locked() as held:
        profile = held.profile
        corrected = profile.has(slot.name)
        profile.set(slot.name, "text", value, held.state.messages, value, corrected, value)
        held.save(profile, held.state, (user, "profile edit", slot.label))
    return True


def progress_line(progress: Mapping[str, int]) -> str:
    """The one progress line the chat, the web panel and the CLI show."""
    return flow.progress_text(dict(progress))


def profile_view(workspace_dir: Path) -> dict[str, Any]:
    """The profile with provenance, plus where the interview stands."""
    plan = _plan()
    profile = load_profile(Path(workspace_dir))
    state = load_state(Path(workspace_dir))
    slots = {
        name: {
            "label": plan.slot(name).label if name in plan.slot_map else name,
            "type": value.type,
            "value": value.plain(),
            "display": value.display(),
            "message_index": value.message_index,
            "message": value.message,
            "corrected": value.corrected,
            "inferred": value.inferred,
            "source": value.source,
            "priority": value.priority,
            "item_priority": dict(value.item_priority),
        }
        for name, value in profile.slots.items()
    }
    return {
        "profile": slots,
        "requirements": profile.requirements(),
        "progress": flow.progress(plan, profile, state),
        "current_question": state.current,
        "skipped": list(state.skipped),
        "parked": list(state.parked),
        "finished": state.finished,
    }


def format_profile(profile: Profile | Mapping[str, Any]) -> str:
    """Human-readable profile; takes a Profile, chat_turn's 'profile' or profile_view's."""
    if isinstance(profile, Mapping) and isinstance(profile.get("profile"), Mapping):
        keep = ("type", "value", "message_index", "message", "corrected", "source", "priority", "item_priority")
        slots = {k: {f: v[f] for f in keep if f in v} for k, v in profile["profile"].items()}
        profile = Profile.model_validate({"slots": slots})
    return _format_profile(profile, _plan())
