"""Which question comes next: conditions, completion, parking and progress, as pure functions."""

from __future__ import annotations

from assistant.interview.plan import Condition, Plan, Question
from assistant.interview.profile import InterviewState, Profile

MAX_ASKS = 2  # a question is put at most twice; then it is parked


def condition_holds(cond: Condition, profile: Profile, plan: Plan) -> bool:
    """Whether one ask_if condition passes; an unfilled slot never passes."""
    value = profile.get(cond.slot)
    if value is None:
        return False
    values = {str(v).lower() for v in (value if isinstance(value, list) else [value])}
    if cond.equals is not None:
        if isinstance(cond.equals, bool) or isinstance(value, bool):
            return value is cond.equals
        return str(value).lower() == str(cond.equals).lower()
    if cond.any_of:
        return bool(values & {v.lower() for v in cond.any_of})
    vocabulary = plan.slot(cond.slot).vocabulary
    members = plan.group_members(vocabulary, cond.group) if vocabulary and cond.group else set()
    return bool(values & {m.lower() for m in members})


def applies(question: Question, profile: Profile, plan: Plan) -> bool:
    """Whether the question should be asked, given earlier answers."""
    return not question.ask_if or any(condition_holds(c, profile, plan) for c in question.ask_if)


def main_slots(question: Question, plan: Plan | None = None) -> tuple[str, ...]:
    """The question's slots that must be filled for it to count as done."""
    if plan is None:
        return question.slots
    main = tuple(s for s in question.slots if not plan.slot(s).secondary)
    return main or question.slots


def is_done(
    question: Question, profile: Profile, state: InterviewState, plan: Plan | None = None
) -> bool:
    """Answered when asked, or every main slot already filled by earlier messages."""
    return question.id in state.answered or all(profile.has(s) for s in main_slots(question, plan))


def applicable(plan: Plan, profile: Profile) -> list[Question]:
    """The questions that apply to this buyer, in plan order."""
    return [q for q in plan.questions if applies(q, profile, plan)]


def set_aside(question: Question, state: InterviewState) -> bool:
    """Skipped or parked."""
    return question.id in state.skipped or question.id in state.parked


def next_question(plan: Plan, profile: Profile, state: InterviewState) -> Question | None:
    """The first applicable question neither done, skipped nor parked."""
    for q in applicable(plan, profile):
        if not is_done(q, profile, state, plan) and not set_aside(q, state):
            return q
    return None


def progress(plan: Plan, profile: Profile, state: InterviewState) -> dict[str, int]:
    """The one set of numbers the chat, the panel and the CLI show. `total` and `required`
    count the questions every buyer is asked, so they never move; questions that earlier
    answers made apply (ask_if) are counted apart, as `added` (`added_answered` of them done);
    skipped and parked count both kinds."""
    questions = applicable(plan, profile)
    done = [q for q in questions if is_done(q, profile, state, plan)]
    base = [q for q in plan.questions if not q.ask_if]
    added = [q for q in questions if q.ask_if]
    return {
        "answered": sum(q in done for q in base),
        "total": len(base),
        "required": sum(q.required for q in base),
        "required_answered": sum(q.required and q in done for q in base),
        "added": len(added),
        "added_answered": sum(q in done for q in added),
        "skipped": sum(q.id in state.skipped and q not in done for q in questions),
        "parked": sum(q.id in state.parked and q not in done for q in questions),
    }


def progress_text(progress: dict[str, int]) -> str:
    """'5 of 25 required questions answered (12 of 39 in all; 1 of 2 follow-up questions your
    answers added; 2 left for later)': follow-ups are said, not folded into the totals."""
    later = progress.get("skipped", 0) + progress.get("parked", 0)
    added = progress.get("added", 0)
    follow_ups = (
        f"; {progress.get('added_answered', 0)} of {added} follow-up "
        f"question{'s' if added != 1 else ''} your answers added"
        if added
        else ""
    )
    tail = f"; {later} left for later" if later else ""
    return (
        f"{progress.get('required_answered', 0)} of {progress.get('required', 0)} required questions "
        f"answered ({progress.get('answered', 0)} of {progress.get('total', 0)} in all{follow_ups}{tail})"
    )


def open_required(plan: Plan, profile: Profile, state: InterviewState) -> list[Question]:
    """Required questions that apply and are not answered (skipped and parked ones included)."""
    return [
        q for q in applicable(plan, profile) if q.required and not is_done(q, profile, state, plan)
    ]


def left_for_later(
    plan: Plan, profile: Profile, state: InterviewState
) -> tuple[list[Question], list[Question]]:
    """(skipped, parked) questions that apply and are still open."""
    open_ = [q for q in applicable(plan, profile) if not is_done(q, profile, state, plan)]
    return [q for q in open_ if q.id in state.skipped], [q for q in open_ if q.id in state.parked]


def previous_question(state: InterviewState) -> str | None:
    """The question asked before the current one."""
    if not state.asked:
        return None
    if state.current in state.asked:
        index = state.asked.index(state.current)
        return state.asked[index - 1] if index > 0 else None
    return state.asked[-1]
