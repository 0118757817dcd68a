"""The turn engine: one buyer message in, a reply with the next question out, state saved."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.interview import flow
from assistant.interview.answers import GuidanceLike, answer_buyer, explain, number_sources
from assistant.interview.derive import derive
from assistant.interview.extract import Reading, read_message
from assistant.interview.intents import Edit, EditRequest, Intent, classify, parse_edit
from assistant.interview.plan import Plan, Question
from assistant.interview.profile import InterviewStore, Profile
from assistant.interview.readers import Found
from assistant.interview.render import format_profile
from assistant.interview.update import Change, apply, describe, drop_stale_quotes
from assistant.interview.values import format_value
from assistant.reading.places import nations
from assistant.state.workspace_db import LOCAL_USER

logger = logging.getLogger(__name__)


INTRO = (
    "Let's build your requirements profile. Answer in your own words - I pick up everything you "
    "mention, not only what I asked. You can say 'skip' (or 'let's leave that for later'), "
    "'back', 'why?', 'summary', ask me a question, or correct anything ('actually 70k a month', "
    "'drop French')."
)
NOT_UNDERSTOOD = (
    "I couldn't pick out an answer to that. You can rephrase, say 'skip', or ask 'why?'."
)
ACKNOWLEDGED = "Good."


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
        """The CLI/UI contract: reply, plain profile values, priorities, progress, citations."""
        return {
            "reply": self.reply,
            "profile": self.profile.values(),
            "requirements": self.profile.requirements(),
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
            The reply, the profile, progress and citations.
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
        if intent is not Intent.START:
            self.state.messages += 1
        self._changed = []
        handlers = {
            Intent.START: self._start,
            Intent.SKIP: self._skip,
            Intent.BACK: self._back,
            Intent.WHY: self._why,
            Intent.SUMMARY: self._summary,
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
        """The interview's progress (see flow.progress)."""
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
        return lead + self._ask(repeat=False), []

    def _skip(self, _text: str) -> tuple[str, list[dict[str, Any]]]:
        question = self._pending()
        if question is None:
            return self._ask(), []
        return f"{self._set_aside([question.id])}\n\n{self._ask()}", []

    def _back(self, _text: str) -> tuple[str, list[dict[str, Any]]]:
        previous = flow.previous_question(self.state)
        if previous is None:
            return f"This is the first question.\n\n{self._ask(repeat=False)}", []
        self.state.current = previous
        self.state.skipped = [q for q in self.state.skipped if q != previous]
        self.state.parked = [q for q in self.state.parked if q != previous]
        self.state.times_asked[previous] = 0
        self.state.finished = False
        return f"Going back.\n\n{self._ask()}", []

    def _why(
        self, _text: str, question: Question | None = None
    ) -> tuple[str, list[dict[str, Any]]]:
        asked = question or self._pending()
        if asked is None:
            return "We have covered every question; ask me anything about outsourcing.", []
        reason, citations = explain(asked, self.guidance)
        if question is not None:  # a part of a longer reply, numbered with the rest of it
            return reason, citations
        lines, citations = number_sources([reason], citations)
        return "\n".join(lines) + f"\n\n{self._ask(repeat=False)}", citations

    def _summary(self, _text: str) -> tuple[str, list[dict[str, Any]]]:
        summary = format_profile(self.profile, self.plan)
        return f"Here is what I have so far:\n{summary}\n\n{self._ask(repeat=False)}", []

    def _answer(self, text: str) -> tuple[str, list[dict[str, Any]]]:
        question = self._pending()
        request = parse_edit(text, self.plan)
        reading = self._read(request, question)
        found = reading.found
        if request.edit is Edit.REMOVE:
            # the drop word reaches the end of its sentence ('Forget nearshore; onshore only')
            first = reading.message.sentences[0][1] if reading.message.sentences else len(text)
            found = [
                replace(f, remove=True)
                if isinstance(f.value, list)
                and f.slot != "other_requirements"
                and (f.span is None or f.span[0] < first)
                else f
                for f in found
            ]
        corrected = request.edit in (Edit.CORRECT, Edit.REMOVE) or bool(reading.corrected_away)
        changes = apply(
            self.profile,
            self.plan,
            found,
            self._replace_set(request, question, found, reading),
            corrected=corrected,
            message_index=self.state.messages,
            message=reading.message.text,
        )
        changes += drop_stale_quotes(self.profile, changes)
        if self.understand is not None and request.edit is Edit.NONE:
            extra = self._understood(reading.message.text, question, found)
            changes += self._apply_inferred(extra, reading.message.text)
            found = found + extra
        self._remember_home(reading)
        changes += derive(
            self.profile, self.plan, self.state.messages, reading.message.text, self.state.home
        )
        self._changed = [c.slot for c in changes if not c.kept]
        self.state.last_slots = self._changed or self.state.last_slots
        lines = [describe(changes, self.plan)] if changes else []
        lines += self._gone(reading, changes)
        citations: list[dict[str, Any]] = []
        side = self._side_questions(reading, citations)
        lines += side
        if reading.skipped:
            ids = [question.id if q == "pending" and question else q for q in reading.skipped]
            lines.append(self._set_aside([q for q in ids if q != "pending"]))
        answered = question is not None and any(f.slot in question.slots for f in found)
        if not found and not lines:
            lines.append(ACKNOWLEDGED if reading.message.only_acknowledges() else NOT_UNDERSTOOD)
        elif found and not changes and not lines:
            lines.append(self._matched(found) if self._all_held(found) else NOT_UNDERSTOOD)
        if question is not None and answered:
            self._mark_answered(question)
        if (
            question is None
            or answered
            or flow.is_done(question, self.profile, self.state, self.plan)
        ):
            self._advance()
        elif (
            found
            and not side
            and not reading.skipped
            and request.edit is Edit.NONE
            and self.state.times_asked.get(question.id, 0) < flow.MAX_ASKS
        ):  # a question put twice is parked below, not asked for again
            lines.append("I still need an answer to this one:")
        ask = self._ask()
        lines.append(f"Back to the interview - {ask}" if side and not self.state.finished else ask)
        return "\n\n".join(line for line in lines if line), citations

    # --- reading and writing

    def _read(self, request: EditRequest, question: Question | None) -> Reading:
        filled = {name: slot.value for name, slot in self.profile.slots.items()}
        if request.target is not None:
            name = request.target.name
            return read_message(
                request.body,
                self.plan,
                question,
                (name,),
                filled,
                self.state.last_slots,
                only=[name],
            )
        pending = self._pending_slots(question)
        if request.edit is Edit.CORRECT:
            pending = list(dict.fromkeys(pending + self.state.last_slots))
        body = (
            f"add {request.body}" if request.edit is Edit.ADD else request.body
        )  # "add" says it is a list item
        return read_message(
            body,
            self.plan,
            question,
            pending,
            filled,
            self.state.last_slots,
            aside=self._aside_slots(),
        )

    def _replace_set(
        self, request: EditRequest, question: Question | None, found: list[Found], reading: Reading
    ) -> set[str]:
        """Slots whose old value this message overrides."""
        if request.target is not None:
            return {request.target.name}
        inferred = {
            f.slot
            for f in found
            if not isinstance(f.value, list)
            and f.slot in self.profile.slots
            and self.profile.slots[f.slot].inferred
        }
        corrected = {f.slot for f in found if f.corrected}
        if request.edit is Edit.CORRECT:
            # a list is replaced only when it is what was just said or asked ('actually English
            # and Spanish'); a list mentioned in passing ('make phones 24/7') is added to
            recent = set(self.state.last_slots) | (set(question.slots) if question else set())
            # 'add Dutch, drop Polish' edits the list item by item
            edited = {f.slot for f in found if isinstance(f.value, list) and f.remove}
            return {
                f.slot
                for f in found
                if not isinstance(f.value, list) or (f.slot in recent and f.slot not in edited)
            } | inferred
        if request.edit is not Edit.NONE:
            return inferred | corrected
        asked = set(question.slots) if question else set()
        return asked | inferred | corrected | {f.slot for f in reading.corrected_away}

    def _matched(self, found: list[Found]) -> str:
        """What a message said again, named: the buyer sees what was read, and so what was not."""
        shown = "; ".join(self._shown(name) for name in dict.fromkeys(f.slot for f in found))
        return f"I already have that ({shown}); nothing new recorded."

    def _all_held(self, found: list[Found]) -> bool:
        """Whether the profile already holds every value found (so the reply may say so)."""
        for f in found:
            held = self.profile.get(f.slot)
            if isinstance(f.value, list):
                if f.remove and any(v in (held or []) for v in f.value):
                    return False
                if not f.remove and not all(v in (held or []) for v in f.value):
                    return False
            elif held is None or held != f.value:
                try:
                    from assistant.interview.values import validate_value

                    if validate_value(self.plan.slot(f.slot).type, f.value) != held:
                        return False
                except ValueError:
                    return False
        return True

    def _gone(self, reading: Reading, changes: list[Change]) -> list[str]:
        """A value the buyer corrected within the message, named so the buyer sees it went."""
        touched = {c.slot for c in changes}
        gone = []
        for f in reading.corrected_away:
            slot = self.plan.slot(f.slot)
            if f.slot in touched and self.profile.has(f.slot):
                gone.append(f"{format_value(slot.type, f.value)}")
        return (
            [f"(Taken as corrected: {'; '.join(dict.fromkeys(gone))} is no longer recorded.)"]
            if gone
            else []
        )

    def _side_questions(self, reading: Reading, citations: list[dict[str, Any]]) -> list[str]:
        """Answers to the buyer's questions ('why do you need that?', 'what is typical?')."""
        lines = []
        for topic in reading.why[:1]:
            asked = self._pending() if topic == "pending" else self.plan.question(topic)
            if asked is not None:
                reason, cites = self._why("", asked)
                lines.append(reason)
                citations += cites
        for asked_text in reading.questions[:2]:
            answer, cites = answer_buyer(asked_text, self.guidance, self.answer_question)
            lines.append(answer)
            citations += cites
        lines, numbered = number_sources(lines, citations)
        citations[:] = numbered
        return lines

    def _set_aside(self, question_ids: list[str]) -> str:
        """Skip these questions: the ones already answered keep their answer, the ones already left
        for later are said to stay so."""
        kept, again, skipped = [], [], []
        for qid in dict.fromkeys(question_ids):
            question = self.plan.question(qid)
            if flow.is_done(question, self.profile, self.state, self.plan):
                kept.append(question)
                continue
            (again if flow.set_aside(question, self.state) else skipped).append(question)
            if qid not in self.state.skipped:
                self.state.skipped.append(qid)
            self.state.last_aside = qid
            if self.state.current == qid:
                self._advance()
        lines = []
        if skipped:
            names = " ".join(self._topic(q) for q in skipped)
            lines.append(f"Left for later: {names} I'll list it at the end; answer any time.")
        if again:
            names = " ".join(self._topic(q) for q in again)
            lines.append(f"Still left for later: {names}")
        if kept and not skipped and not again:
            lines.append("Kept your earlier answer.")
        return "\n".join(lines)

    def _topic(self, question: Question) -> str:
        """How the reply names a question: its own words, quoted (a slot's label such as 'agents
        take card payments' does not read as a phrase)."""
        return f"“{question.prompt}”"

    def _remember_home(self, reading: Reading) -> None:
        """The countries the buyer says it is in, from its first message that names any."""
        if self.state.home:
            return
        places = [
            m.name
            for m in reading.message.of_kind("location")
            if reading.message.usable(m)
            and m.stated
            and "country" in m.value
            and m.value["country"] == m.name
        ]
        states = [
            m.value["country"]
            for m in reading.message.of_kind("location")
            if m.value.get("country") == "United States" and m.name != "United States"
            or m.name in nations()  # 'customers in Wales': a buyer in the United Kingdom
        ]
        self.state.home = list(dict.fromkeys(places + states))

    def _apply_inferred(self, extra: list[Found], text: str) -> list[Change]:
        """Write the language model's values, marked so that the rules' reading replaces them."""
        changes = apply(
            self.profile,
            self.plan,
            extra,
            replace=set(),
            corrected=False,
            message_index=self.state.messages,
            message=text,
        )
        for change in changes:
            self.profile.slots[change.slot].inferred = True
        return changes

    def _understood(self, text: str, question: Question | None, found: list[Found]) -> list[Found]:
        """The language model's extra values: only for slots neither found nor held."""
        taken = {f.slot for f in found}
        extra = self.understand(text, question, self.profile, found) if self.understand else []
        return [f for f in extra if f.slot not in taken and not self.profile.has(f.slot)]

    def _pending_slots(self, question: Question | None) -> list[str]:
        """The question's slots, unfilled ones first, so a bare 'yes' answers what is missing."""
        if question is None:
            return []
        return sorted(question.slots, key=lambda s: self.profile.has(s))

    def _aside_slots(self) -> list[str]:
        """The open slots of the question set aside last: the buyer may answer it after all."""
        for qid in [self.state.last_aside] if self.state.last_aside else []:
            question = self.plan.question_map.get(qid)
            if question is not None and not flow.is_done(
                question, self.profile, self.state, self.plan
            ):
                return [s for s in question.slots if not self.profile.has(s)]
        return []

    def _mark_answered(self, question: Question) -> None:
        if question.id not in self.state.answered:
            self.state.answered.append(question.id)
        self.state.skipped = [q for q in self.state.skipped if q != question.id]
        self.state.parked = [q for q in self.state.parked if q != question.id]

    # --- asking

    def _pending(self) -> Question | None:
        """The current question, moving on first when it no longer applies or is set aside."""
        question = self.current_question()
        if (
            question is None
            or not flow.applies(question, self.profile, self.plan)
            or flow.set_aside(question, self.state)
        ):
            self._advance()
            question = self.current_question()
        return question

    def _advance(self) -> None:
        question = flow.next_question(self.plan, self.profile, self.state)
        self.state.current = question.id if question else None
        self.state.finished = question is None

    def _ask(self, repeat: bool = True) -> str:
        """The pending question with what is already known and the progress line; a question
        put twice without an answer is parked and the next one asked."""
        notes = []
        question = self._pending()
        while (
            question is not None
            and repeat
            and self.state.times_asked.get(question.id, 0) >= flow.MAX_ASKS
        ):
            self.state.parked.append(question.id)
            self.state.last_aside = question.id
            notes.append(f"We'll come back to this one later: {self._topic(question)}")
            self._advance()
            question = self.current_question()
        if question is None:
            return "\n".join([*notes, self._finished_text()])
        if repeat or question.id not in self.state.times_asked:
            self.state.times_asked[question.id] = self.state.times_asked.get(question.id, 0) + 1
        if question.id not in self.state.asked:
            self.state.asked.append(question.id)
        lines = [*notes, f"{self.plan.topic_title(question.topic)}: {question.prompt}"]
        known = [self._shown(s) for s in question.slots if self.profile.has(s)]
        if known:
            lines.append("(So far: " + "; ".join(known) + ".)")
        lines.append(self._progress_line())
        return "\n".join(lines)

    def _shown(self, name: str) -> str:
        slot = self.plan.slot(name)
        return f"{slot.label} {format_value(slot.type, self.profile.get(name))}"

    def _progress_line(self) -> str:
        return f"[Progress: {flow.progress_text(self.progress())}]"

    def _finished_text(self) -> str:
        lines = ["That's everything I need - thank you. Your requirements profile:"]
        lines.append(format_profile(self.profile, self.plan))
        skipped, parked = flow.left_for_later(self.plan, self.profile, self.state)
        if skipped:
            lines.append("Skipped (left for later):")
            lines += [f"- {q.prompt}" for q in skipped]
        if parked:
            lines.append("Parked (asked twice without an answer; we'll come back to these):")
            lines += [f"- {q.prompt}" for q in parked]
        gaps = [
            q
            for q in flow.open_required(self.plan, self.profile, self.state)
            if q not in skipped + parked
        ]
        if gaps:
            lines.append("Still open (needed for a complete RFP):")
            lines += [f"- {q.prompt}" for q in gaps]
        lines.append("You can still change anything ('actually ...', 'drop ...').")
        lines.append(self._progress_line())
        return "\n".join(lines)


def _changed_detail(changed: tuple[str, ...]) -> str:
    """The audit detail of a turn: which profile fields it changed."""
    return f"changed: {', '.join(changed)}" if changed else "no field changed"
