"""Which question comes next: conditions, completion and progress, as pure functions."""

from __future__ import annotations

from assistant.interview.plan import Condition, Plan, Question
from assistant.interview.profile import InterviewState, Profile


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


def is_done(question: Question, profile: Profile, state: InterviewState) -> bool:
    """Answered when asked, or every slot already filled by earlier messages."""
    return question.id in state.answered or all(profile.has(s) for s in question.slots)


def applicable(plan: Plan, profile: Profile) -> list[Question]:
    """The questions that apply to this buyer, in plan order."""
    return [q for q in plan.questions if applies(q, profile, plan)]


def next_question(plan: Plan, profile: Profile, state: InterviewState) -> Question | None:
    """The first applicable question neither done nor skipped."""
    for q in applicable(plan, profile):
        if not is_done(q, profile, state) and q.id not in state.skipped:
            return q
    return None


def progress(plan: Plan, profile: Profile, state: InterviewState) -> dict[str, int]:
    """{answered, required, total} over the questions that apply."""
    questions = applicable(plan, profile)
    return {
        "answered": sum(is_done(q, profile, state) for q in questions),
        "required": sum(q.required for q in questions),
        "total": len(questions),
    }


def open_required(plan: Plan, profile: Profile, state: InterviewState) -> list[Question]:
    """Required questions that apply and are not answered (skipped ones included)."""
    return [q for q in applicable(plan, profile) if q.required and not is_done(q, profile, state)]


def previous_question(state: InterviewState) -> str | None:
    """The question asked before the current one."""
    if not state.asked:
        return None
    if state.current in state.asked:
        index = state.asked.index(state.current)
        return state.asked[index - 1] if index > 0 else None
    return state.asked[-1]
