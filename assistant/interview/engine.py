"""The turn engine: one buyer message in, a reply with the next question out, state saved."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.interview import flow
from assistant.interview.answers import GuidanceLike, answer_from_guidance, ask_external, explain
from assistant.interview.extract import Found, extract
from assistant.interview.intents import (
    Edit,
    EditRequest,
    Intent,
    classify,
    opens_with_question_word,
    parse_edit,
)
from assistant.interview.plan import Plan, Question
from assistant.interview.profile import InterviewStore, Profile
from assistant.interview.render import format_profile
from assistant.interview.update import apply, derive, describe
from assistant.interview.values import format_value
from assistant.state.workspace_db import LOCAL_USER

logger = logging.getLogger(__name__)


INTRO = (
    "Let's build your requirements profile. Answer in your own words - I pick up everything you "
    "mention, not only what I asked. You can say 'skip', 'back', 'why?', 'summary', ask me a "
    "question, or correct anything ('actually 70k a month', 'drop French')."
)
NOT_UNDERSTOOD = (
    "I couldn't pick out an answer to that. You can rephrase, say 'skip', or ask 'why?'."
)


@dataclass(frozen=True)
class TurnResult:
    """What one turn produced."""

    reply: str
    profile: Profile
    progress: dict[str, int]
    citations: tuple[dict[str, Any], ...] = ()
    question_id: str | None = None
    finished: bool = False
    changed: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The CLI/UI contract: reply, plain profile values, progress, citations."""
        return {
            "reply": self.reply,
            "profile": self.profile.values(),
            "progress": dict(self.progress),
            "citations": list(self.citations),
        }


Understand = Callable[[str, "Question | None", Profile, list[Found]], list[Found]]
"""An optional reader of a message beyond the rules (the language model's delta)."""


class InterviewEngine:
    """Runs the guided interview over a workspace directory (profile.json + interview.json)."""

    def __init__(
        self,
        workspace_dir: Path,
        plan: Plan,
        guidance: GuidanceLike,
        answer_question: Callable[[str], Any] | None = None,
        understand: Understand | None = None,
    ) -> None:
        self.workspace_dir = Path(workspace_dir)
        self.understand = understand
        self.plan = plan
        self.guidance = guidance
        self.answer_question = answer_question
        self.store = InterviewStore(self.workspace_dir)
        self.profile, self.state, self._version = self.store.load()
        self._fresh_process = True
        self._changed: list[str] = []

    def turn(
        self, message: str, user: str = LOCAL_USER, action: str = "interview turn"
    ) -> TurnResult:
        """Handle one buyer message in one transaction over the saved profile and state.

        Args:
            message: free text; 'start' or '' shows the current question.
            user: who sent it (for the workspace's audit log).
            action: how the audit log names it ('interview turn', 'profile edit').

        Returns:
            The reply, the profile, progress {answered, required, total} and citations.
        """
        with self.store.locked() as held:  # concurrent turns wait: none is lost
            if held.version != self._version:  # someone else saved since: start from theirs
                self.profile, self.state = held.profile, held.state
            self._version = None  # unknown until this turn commits
            result, counted = self._turn(message)
            audit = (user, action, _changed_detail(result.changed)) if counted else None
            held.save(self.profile, self.state, audit)
        self._version = held.version
        logger.debug("saved interview state in %s", self.workspace_dir)
        return result

    def _turn(self, message: str) -> tuple[TurnResult, bool]:
        """The turn on the held profile and state; whether it counts as a buyer message."""
        text = message.strip()
        intent = classify(text)
        if intent is Intent.QUESTION and self._hedged_answer(text):
            intent = Intent.ANSWER
        if intent is not Intent.START:
            self.state.messages += 1
        self._changed = []
        handlers = {
            Intent.START: self._start,
            Intent.SKIP: self._skip,
            Intent.BACK: self._back,
            Intent.WHY: self._why,
            Intent.SUMMARY: self._summary,
            Intent.QUESTION: self._question,
            Intent.ANSWER: self._answer,
        }
        reply, citations = handlers[intent](text)
        self._fresh_process = False
        result = TurnResult(
            reply=reply,
            profile=self.profile,
            progress=self.progress(),
            citations=tuple(citations),
            question_id=self.state.current,
            finished=self.state.finished,
            changed=tuple(self._changed),
        )
        return result, intent is not Intent.START

    def progress(self) -> dict[str, int]:
        """{answered, required, total} over the questions that apply."""
        return flow.progress(self.plan, self.profile, self.state)

    def current_question(self) -> Question | None:
        """The pending question, if any."""
        current = self.state.current
        return self.plan.question(current) if current in self.plan.question_map else None

    # --- handlers: each returns (reply, citations)

    def _start(self, _text: str) -> tuple[str, list[dict[str, Any]]]:
        if not self.state.asked:
            return f"{INTRO}\n\n{self._ask()}", []
        lead = "Welcome back - let's pick up where we stopped.\n\n" if self._fresh_process else ""
        return lead + self._ask(), []

    def _skip(self, _text: str) -> tuple[str, list[dict[str, Any]]]:
        question = self._pending()
        if question is None:
            return self._ask(), []
        if flow.is_done(question, self.profile, self.state):
            note = "Kept your earlier answer."
        else:
            self.state.skipped.append(question.id)
            note = "Skipped - you can come back to it with 'back' or answer it any time."
        self._advance()
        return f"{note}\n\n{self._ask()}", []

    def _back(self, _text: str) -> tuple[str, list[dict[str, Any]]]:
        previous = flow.previous_question(self.state)
        if previous is None:
            return f"This is the first question.\n\n{self._ask()}", []
        self.state.current = previous
        self.state.skipped = [q for q in self.state.skipped if q != previous]
        self.state.finished = False
        return f"Going back.\n\n{self._ask()}", []

    def _why(self, _text: str) -> tuple[str, list[dict[str, Any]]]:
        question = self._pending()
        if question is None:
            return "We have covered every question; ask me anything about outsourcing.", []
        reason, citations = explain(question, self.guidance)
        return f"{reason}\n\n{self._ask()}", citations

    def _summary(self, _text: str) -> tuple[str, list[dict[str, Any]]]:
        summary = format_profile(self.profile, self.plan)
        return f"Here is what I have so far:\n{summary}\n\n{self._ask()}", []

    def _question(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        if self.answer_question is not None:
            answer, citations = ask_external(text, self.answer_question)
        else:
            answer, citations = answer_from_guidance(text, self.guidance)
        if self._pending() is None:
            return answer, citations
        return f"{answer}\n\nBack to the interview - {self._ask()}", citations

    def _answer(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        question = self._pending()
        request = parse_edit(text, self.plan)
        found = self._extract(request, question)
        changes = apply(
            self.profile,
            self.plan,
            found,
            replace=self._replace_set(request, question, found, text) | self._inferred(found),
            corrected=request.edit is not Edit.NONE,
            message_index=self.state.messages,
            message=text,
        )
        if self.understand is not None and request.edit is Edit.NONE:
            extra = self._understood(text, question, found)
            changes += self._apply_inferred(extra, text)
            found += extra
        changes += derive(self.profile, self.plan, self.state.messages, text)
        self._changed = [c.slot for c in changes if not c.kept]
        self.state.last_slots = self._changed or self.state.last_slots
        answered = question is not None and any(f.slot in question.slots for f in found)
        lines = [describe(changes, self.plan)] if changes else []
        if not found:
            lines.append(NOT_UNDERSTOOD)
        elif not changes:
            lines.append("That matches what I already have.")
        if question is not None and answered:
            self._mark_answered(question)
        if question is None or answered or flow.is_done(question, self.profile, self.state):
            self._advance()
        elif found and request.edit is Edit.NONE:
            lines.append("I still need an answer to this one:")
        lines.append(self._ask())
        return "\n\n".join(line for line in lines if line), []

    # --- helpers

    def _hedged_answer(self, text: str) -> bool:
        """'About 60k?' is an unsure answer, not a question: it ends in '?' but states a value."""
        if opens_with_question_word(text):
            return False
        pending = self._pending_slots(self.current_question())
        return bool(extract(text, self.plan, pending, filled=set(self.profile.slots)))

    def _extract(self, request: EditRequest, question: Question | None) -> list[Found]:
        if request.target is not None:
            return extract(request.body, self.plan, [request.target.name], [request.target.name])
        pending = self._pending_slots(question)
        if request.edit is Edit.CORRECT:
            pending = list(dict.fromkeys(self.state.last_slots + pending))
        found = extract(request.body, self.plan, pending, filled=set(self.profile.slots))
        if request.edit is Edit.REMOVE:
            found = [replace(f, remove=True) if isinstance(f.value, list) else f for f in found]
        return found

    def _inferred(self, found: list[Found]) -> set[str]:
        """Single-valued slots the rules read now whose held value only the model had read
        (lists need nothing: a new reading is added to them)."""
        return {f.slot for f in found if not isinstance(f.value, list)
                and f.slot in self.profile.slots and self.profile.slots[f.slot].inferred}

    def _apply_inferred(self, extra: list[Found], text: str) -> list:
        """Write the language model's values, marked so that the rules' reading replaces them."""
        changes = apply(self.profile, self.plan, extra, replace=set(), corrected=False,
                        message_index=self.state.messages, message=text)
        for change in changes:
            self.profile.slots[change.slot].inferred = True
        return changes

    def _understood(self, text: str, question: Question | None, found: list[Found]) -> list[Found]:
        """The language model's extra values: only for slots neither found nor held."""
        taken = {f.slot for f in found}
        extra = self.understand(text, question, self.profile, found)
        return [f for f in extra if f.slot not in taken and not self.profile.has(f.slot)]

    def _pending_slots(self, question: Question | None) -> list[str]:
        """The question's slots, unfilled ones first, so a bare 'yes' answers what is missing."""
        if question is None:
            return []
        slots = list(question.slots)
        return sorted(slots, key=lambda s: self.profile.has(s))

    def _replace_set(
        self, request: EditRequest, question: Question | None, found: list[Found], text: str
    ) -> set[str]:
        if request.target is not None:
            return {request.target.name}
        if request.edit is Edit.CORRECT:
            # a list is replaced only when it is what was just said or asked ('actually English
            # and Spanish'); a list mentioned in passing ('make phones 24/7') is added to
            recent = set(self.state.last_slots) | (set(question.slots) if question else set())
            return {f.slot for f in found if not isinstance(f.value, list) or f.slot in recent}
        if request.edit is not Edit.NONE:
            return set()
        replace_slots = set(question.slots) if question else set()
        if re.search(r"\bonly\b", text, re.I):
            replace_slots |= {f.slot for f in found if isinstance(f.value, list)}
        return replace_slots

    def _mark_answered(self, question: Question) -> None:
        if question.id not in self.state.answered:
            self.state.answered.append(question.id)
        self.state.skipped = [q for q in self.state.skipped if q != question.id]

    def _pending(self) -> Question | None:
        """The current question, moving on first when it no longer applies."""
        question = self.current_question()
        if question is None or not flow.applies(question, self.profile, self.plan):
            self._advance()
            question = self.current_question()
        return question

    def _advance(self) -> None:
        question = flow.next_question(self.plan, self.profile, self.state)
        self.state.current = question.id if question else None
        self.state.finished = question is None

    def _ask(self) -> str:
        """The pending question with what is already known and the progress line."""
        question = self._pending()
        if question is None:
            return self._finished_text()
        if question.id not in self.state.asked:
            self.state.asked.append(question.id)
        lines = [f"{self.plan.topic_title(question.topic)}: {question.prompt}"]
        known = [self._shown(s) for s in question.slots if self.profile.has(s)]
        if known:
            lines.append("(So far: " + "; ".join(known) + ".)")
        lines.append(self._progress_line())
        return "\n".join(lines)

    def _shown(self, name: str) -> str:
        slot = self.plan.slot(name)
        return f"{slot.label} {format_value(slot.type, self.profile.get(name))}"

    def _progress_line(self) -> str:
        p = self.progress()
        open_required = len(flow.open_required(self.plan, self.profile, self.state))
        return (
            f"[Progress: {p['answered']} of {p['total']} questions answered; "
            f"{open_required} of {p['required']} required still open]"
        )

    def _finished_text(self) -> str:
        lines = ["That's everything I need - thank you. Your requirements profile:"]
        lines.append(format_profile(self.profile, self.plan))
        gaps = flow.open_required(self.plan, self.profile, self.state)
        if gaps:
            lines.append("Still open (skipped, but needed for a complete RFP):")
            lines += [f"- {q.prompt}" for q in gaps]
        lines.append("You can still change anything ('actually ...', 'drop ...').")
        lines.append(self._progress_line())
        return "\n".join(lines)



def _changed_detail(changed: tuple[str, ...]) -> str:
    """The audit detail of a turn: which profile fields it changed."""
    return f"changed: {', '.join(changed)}" if changed else "no field changed"
