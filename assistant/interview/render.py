"""The profile as text for the buyer, grouped by interview topic."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assistant.interview.plan import Plan
from assistant.interview.profile import Profile
from assistant.interview.values import format_value, validate_value


def _shown(profile: Profile | Mapping[str, Any], name: str, slot_type: str, value: Any) -> str:
    """The value, each list item marked must-have or nice-to-have where the buyer said so."""
    if not isinstance(profile, Profile) or name not in profile.slots:
        return format_value(slot_type, value)  # type: ignore[arg-type]
    held = profile.slots[name]
    if isinstance(value, list) and slot_type in ("list[str]", "notes") and value:
        return ", ".join(f"{v} ({PRIORITY[held.item_priority[v]]})" if v in held.item_priority else str(v)
                         for v in value)
    text = format_value(slot_type, value)  # type: ignore[arg-type]
    return f"{text} ({PRIORITY[held.priority]})" if held.priority else text


def _typed_values(profile: Profile | Mapping[str, Any], plan: Plan) -> dict[str, Any]:
    if isinstance(profile, Profile):
        return {name: slot.value for name, slot in profile.slots.items()}
    return {
        name: validate_value(plan.slot(name).type, value)
        for name, value in profile.items()
        if name in plan.slot_map and value is not None
    }


PRIORITY = {"must": "must-have", "nice": "nice-to-have"}


def format_profile(profile: Profile | Mapping[str, Any], plan: Plan) -> str:
    """Human-readable profile: one block per topic, one line per filled slot, with its
    must-have or nice-to-have mark, '(corrected)', and the words it came from."""
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
                    lines.append(f"  {slot.label}: {_shown(profile, name, slot.type, values[name])}{mark}")
                    source = profile.slots[name].source if isinstance(profile, Profile) else ""
                    if source:
                        lines.append(f"    from your message: '{source}'")
        if lines:
            blocks.append(f"{topic.title}\n" + "\n".join(lines))
    return "\n".join(blocks) if blocks else "(nothing recorded yet)"
