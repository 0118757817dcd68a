"""Apply extracted values to the profile: replace, add, remove, or keep and report a conflict."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.interview.extract import Found
from assistant.interview.plan import Plan
from assistant.interview.profile import Profile
from assistant.interview.values import format_value, validate_value
from assistant.interview.vocab import unique


@dataclass(frozen=True)
class Change:
    """What one message did to one slot; `kept` is True when a new value was not applied."""

    slot: str
    old: Any
    new: Any
    corrected: bool = False
    kept: bool = False


@dataclass
class _Combined:
    value: Any = None
    adds: list[str] | None = None
    removes: list[str] | None = None
    cleared: bool = False


def combine(found: list[Found]) -> dict[str, _Combined]:
    """One entry per slot: list additions and removals pooled, first scalar value kept."""
    out: dict[str, _Combined] = {}
    for f in found:
        c = out.setdefault(f.slot, _Combined())
        if isinstance(f.value, list):
            if f.remove:
                c.removes = unique((c.removes or []) + f.value)
            elif f.value:
                c.adds = unique((c.adds or []) + f.value)
            else:
                c.cleared = True
        elif c.value is None:
            c.value = f.value
    return out


def merge_hours(old: dict[str, str] | None, new: dict[str, str]) -> dict[str, str]:
    """New hours over old; hours for 'all' channels apply to every channel already listed."""
    result = dict(old or {})
    if "all" in new:
        keys = [k for k in result if k != "all"] or ["all"]
        result.update({k: new["all"] for k in keys})
    result.update({k: v for k, v in new.items() if k != "all"})
    return result


def _new_list(old: list[str] | None, c: _Combined, replace: bool) -> list[str] | None:
    if old is None and not c.adds and not c.cleared:
        return None
    base = [] if replace and (c.adds or c.cleared) else list(old or [])
    return [x for x in unique(base + (c.adds or [])) if x not in (c.removes or [])]


def apply(
    profile: Profile,
    plan: Plan,
    found: list[Found],
    replace: set[str],
    corrected: bool,
    message_index: int,
    message: str,
) -> list[Change]:
    """Write extracted values into the profile.

    Args:
        profile: updated in place.
        plan: slot definitions.
        found: the extraction of one message.
        replace: slots whose old value the message overrides (the question asked, a correction).
        corrected: the message is an explicit correction; changed slots are marked as such.
        message_index: the buyer's message number, kept as provenance.
        message: the message text, kept as provenance.

    Returns:
        One change per slot touched, including kept conflicts.
    """
    changes: list[Change] = []
    for name, c in combine(found).items():
        slot = plan.slot(name)
        old = profile.get(name)
        if slot.type == "list[str]":
            new: Any = _new_list(old, c, name in replace)
        elif slot.type == "channel_hours":
            new = c.value if name in replace and not corrected else merge_hours(old, c.value)
        elif old is not None and name not in replace and c.value != old:
            changes.append(Change(name, old, validate_value(slot.type, c.value), kept=True))
            continue
        else:
            new = c.value
        if new is None or new == old:
            continue
        was_corrected = old is not None and (corrected or name in replace)
        profile.set(name, slot.type, new, message_index, message, corrected=was_corrected)
        changes.append(Change(name, old, profile.get(name), corrected=was_corrected))
    return changes


def derive(profile: Profile, plan: Plan, message_index: int, message: str) -> list[Change]:
    """Slots worked out from others: 'open 24/7' follows the opening hours."""
    hours = profile.get("channel_hours")
    if hours is None or "open_24_7" not in plan.slot_map:
        return []
    always = any("24/7" in v for v in hours.values())
    old = profile.get("open_24_7")
    if old == always:
        return []
    profile.set("open_24_7", "bool", always, message_index, message)
    return [Change("open_24_7", old, always)]


def describe(changes: list[Change], plan: Plan) -> str:
    """'Noted: ...' / 'Updated: ...' / 'Kept: ...' lines for the reply."""
    noted, updated, kept = [], [], []
    for ch in changes:
        slot = plan.slot(ch.slot)
        shown = f"{slot.label} {format_value(slot.type, ch.new)}"
        if ch.kept:
            old = format_value(slot.type, ch.old)
            kept.append(
                f"{slot.label} {old} (you also mentioned {format_value(slot.type, ch.new)}; "
                f"say 'actually {format_value(slot.type, ch.new)}' to change it)"
            )
        elif ch.old is not None:
            updated.append(f"{shown} (was {format_value(slot.type, ch.old)})")
        else:
            noted.append(shown)
    lines = []
    if noted:
        lines.append("Noted: " + "; ".join(noted) + ".")
    if updated:
        lines.append("Updated: " + "; ".join(updated) + ".")
    if kept:
        lines.append("Kept " + "; ".join(kept) + ".")
    return "\n".join(lines)
