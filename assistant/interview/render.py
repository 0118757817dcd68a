"""The profile as text for the buyer, grouped by interview topic."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.interview.plan import Plan
from assistant.interview.profile import Profile
from assistant.interview.values import format_value, validate_value


def _typed_values(profile: Profile | Mapping[str, Any], plan: Plan) -> dict[str, Any]:
    if isinstance(profile, Profile):
        return {name: slot.value for name, slot in profile.slots.items()}
    return {
        name: validate_value(plan.slot(name).type, value)
        for name, value in profile.items()
        if name in plan.slot_map and value is not None
    }


def format_profile(profile: Profile | Mapping[str, Any], plan: Plan) -> str:
    """Human-readable profile: one block per topic, one line per filled slot ('*' = corrected)."""
    values = _typed_values(profile, plan)
    corrected = (
        {n for n, s in profile.slots.items() if s.corrected}
        if isinstance(profile, Profile)
        else set()
    )
    blocks: list[str] = []
    seen: set[str] = set()
    for topic in plan.topics:
        lines = []
        for question in (q for q in plan.questions if q.topic == topic.id):
            for name in question.slots:
                if name in values and name not in seen:
                    seen.add(name)
                    slot = plan.slot(name)
                    mark = " (corrected)" if name in corrected else ""
                    lines.append(f"  {slot.label}: {format_value(slot.type, values[name])}{mark}")
        if lines:
            blocks.append(f"{topic.title}\n" + "\n".join(lines))
    return "\n".join(blocks) if blocks else "(nothing recorded yet)"
