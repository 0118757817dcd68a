"""Apply extracted values to the profile: replace, add, remove, or keep and report a conflict."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.interview.plan import Plan
from assistant.interview.profile import Profile
from assistant.interview.readers import Found
from assistant.interview.values import format_value, validate_value
from assistant.reading.vocab import find_terms


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
    partial: bool = False
    corrected: bool = False
    priority: str | None = None
    items: dict[str, str] = field(default_factory=dict)
    span: tuple[int, int] | None = None


def unique(names: Iterable[str]) -> list[str]:
    """Names without repeats, first occurrence kept."""
    return list(dict.fromkeys(names))


def combine(found: list[Found]) -> dict[str, _Combined]:
    """One entry per slot: list additions and removals pooled, first scalar value kept, the
    shares of a partial mapping merged."""
    out: dict[str, _Combined] = {}
    for f in found:
        c = out.setdefault(f.slot, _Combined())
        c.corrected = c.corrected or f.corrected
        c.span = c.span or f.span
        if isinstance(f.value, list) and not (f.value and isinstance(f.value[0], dict)):
            if f.remove:
                c.removes = unique((c.removes or []) + f.value)
            elif f.value:
                c.adds = unique((c.adds or []) + f.value)
                for item in f.value:
                    if f.priority and item not in c.items:
                        c.items[item] = f.priority
            else:
                c.cleared = True
        elif f.partial and isinstance(f.value, dict):
            c.value = {**(c.value or {}), **f.value}
            c.partial = True
        elif c.value is None:
            c.value = f.value
            c.priority = f.priority
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
    base = [] if (replace and c.adds) or c.cleared else list(old or [])
    return [x for x in unique(base + (c.adds or [])) if x not in (c.removes or [])]


def _new_value(slot_type: str, old: Any, c: _Combined, replace: bool, corrected: bool) -> Any:
    if slot_type in ("list[str]", "notes", "targets"):
        if slot_type == "targets":
            return c.value if c.value is not None else None
        return _new_list(old, c, replace)
    if slot_type == "channel_hours":
        return c.value if replace and not corrected else merge_hours(old, c.value)
    if c.partial and isinstance(old, dict):
        return {**old, **c.value}
    return c.value


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
        overrides = (name in replace or c.corrected) and slot.type != "notes"  # requirements add up
        if slot.type == "targets":
            c.value = [t for f in found if f.slot == name for t in f.value]
        single = (
            slot.type not in ("list[str]", "notes", "targets", "channel_hours") and not c.partial
        )
        if single and old is not None and not overrides and c.value != old:
            changes.append(Change(name, old, validate_value(slot.type, c.value), kept=True))
            continue
        new = _new_value(slot.type, old, c, overrides, corrected or c.corrected)
        if slot.type == "targets" and old:
            new = [*old, *[t for t in new if t not in old]] if not overrides else new
        if new is None or new == old:
            _keep_priorities(profile, name, c)
            continue
        was_corrected = old is not None and (corrected or overrides)
        source = message[c.span[0] : c.span[1]].strip() if c.span else ""
        items = {**(profile.slots[name].item_priority if name in profile.slots else {}), **c.items}
        priority = c.priority or (
            profile.slots[name].priority if name in profile.slots and not single else None
        )
        profile.set(
            name,
            slot.type,
            new,
            message_index,
            message,
            corrected=was_corrected,
            source=source,
            priority=priority or slot.priority,
            item_priority={
                k: v for k, v in items.items() if k in (new if isinstance(new, list) else [])
            },
        )
        changes.append(Change(name, old, profile.get(name), corrected=was_corrected))
    return changes


NOTES = "other_requirements"


def drop_stale_quotes(profile: Profile, changes: list[Change]) -> list[Change]:
    """Free-text requirements recorded before this message that name an item the buyer has
    now taken out of a list: the item leaves the quote where it is one of a list ('agents for
    France, Belgium and Spain' -> 'agents for France and Spain'), else the quote goes, so the
    RFP does not bring the item back. A quote of this very message stays (it may be what took
    the item out: 'Belgium is not in scope')."""
    removed = [
        item
        for ch in changes
        if ch.slot != NOTES and isinstance(ch.old, list) and isinstance(ch.new, list)
        for item in ch.old
        if item not in ch.new and isinstance(item, str)
    ]
    notes = profile.get(NOTES)
    if not removed or not notes:
        return []
    earlier = next((ch.old for ch in changes if ch.slot == NOTES), notes) or []
    pairs = [(note, _edited(note, removed) if note in earlier else note) for note in notes]
    kept = [new for _, new in pairs if new is not None]
    if kept == notes:
        return []
    held = profile.slots[NOTES]
    held.item_priority = {
        new: held.item_priority[old]
        for old, new in pairs
        if new is not None and old in held.item_priority
    }
    held.value = validate_value(held.type, kept)
    return [Change(NOTES, notes, kept, corrected=True)]


def _edited(note: str, removed: list[str]) -> str | None:
    """The note without each removed item (None: the note goes)."""
    for item in removed:
        edited = without_item(note, item)
        if edited is None:
            return None
        note = edited
    return note


# Between the items of a list: a comma (with 'and' or 'or' after it), or 'and' / 'or'.
_LIST_GAP = re.compile(r"(,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)", re.I)
_MAX_ITEM_WORDS = 6


def without_item(text: str, item: str) -> str | None:
    """The text with the list member that names the item taken out ('German, Dutch and
    English' -> 'German and English'); the text itself where it does not name the item; None
    where it names it outside a list (the whole quote is about it)."""
    spans = item_spans(text, item)
    if not spans:
        return text
    parts = _LIST_GAP.split(text)  # member, gap, member, gap, ...
    offsets, at = [], 0
    for part in parts:
        offsets.append((at, at + len(part)))
        at += len(part)
    hit = {
        i
        for i in range(0, len(parts), 2)
        for s, e in spans
        if offsets[i][0] <= s and e <= offsets[i][1]
    }
    last = len(parts) - 1
    end_of = {i: max(e for s, e in spans if offsets[i][0] <= s <= offsets[i][1]) for i in hit}
    tail = {i: text[end_of[i] : offsets[i][1]] for i in hit}
    if (
        len(hit) < len({s for s, _ in spans})
        or 0 in hit
        or any(
            len(parts[i].split()) > _MAX_ITEM_WORDS or (i == last and tail[i].strip(" .;:!?"))
            for i in hit
        )
    ):
        return None  # not a member of a list: the first (it carries the sentence), or long
    for i in sorted(hit, reverse=True):
        gap = parts[i - 1]
        if gap.strip(" ,").lower() in ("and", "or") and i >= 3 and parts[i - 3].strip() == ",":
            parts[i - 3] = gap  # 'A, B and X' -> 'A and B'
        parts[i - 1], parts[i] = "", tail[i] if i == last else ""
    return "".join(parts)


def item_spans(text: str, item: str) -> list[tuple[int, int]]:
    """Where the text names the item, as written or by any of its names in the vocabulary
    ('the Netherlands' names Netherlands, 'NL' names Dutch)."""
    spans = [
        (m.start(), m.end())
        for m in re.finditer(rf"(?<![\w-]){re.escape(item)}(?![\w-])", text, re.I)
    ]
    spans += [
        (t.start, t.end)
        for t in find_terms(text)
        if t.name == item and not any(s < t.end and t.start < e for s, e in spans)
    ]
    return spans


def _keep_priorities(profile: Profile, name: str, c: _Combined) -> None:
    """A value said again with a priority ('English is essential') records the priority."""
    if name not in profile.slots:
        return
    held = profile.slots[name]
    if c.priority and held.priority != c.priority:
        held.priority = c.priority
    for item, priority in c.items.items():
        if isinstance(held.value, list) and item in held.value:
            held.item_priority.setdefault(item, priority)


def describe(changes: list[Change], plan: Plan) -> str:
    """'Noted: ...' / 'Added: ...' / 'Updated: ...' / 'Removed: ...' / 'Kept ...' lines for the
    reply; a list that grew or shrank names only the items added or removed."""
    noted, more, updated, dropped, kept = [], [], [], [], []
    for ch in changes:
        slot = plan.slot(ch.slot)
        shown = f"{slot.label} {format_value(slot.type, ch.new)}"
        if ch.kept:
            old = format_value(slot.type, ch.old)
            kept.append(
                f"{slot.label} {old} (you also mentioned {format_value(slot.type, ch.new)}; "
                f"say 'actually {format_value(slot.type, ch.new)}' to change it)"
            )
        elif isinstance(ch.old, list) and isinstance(ch.new, list):
            added = [item for item in ch.new if item not in ch.old]
            removed = [item for item in ch.old if item not in ch.new]
            if added:
                more.append(f"{slot.label} {format_value(slot.type, added)}")
            if removed:
                dropped.append(f"{slot.label} {format_value(slot.type, removed)}")
        elif ch.old is not None:
            updated.append(f"{shown} (was {format_value(slot.type, ch.old)})")
        else:
            noted.append(shown)
    lines = []
    heads = (
        ("Noted: ", noted),
        ("Added: ", more),
        ("Updated: ", updated),
        ("Removed: ", dropped),
        ("Kept ", kept),
    )
    for head, items in heads:
        if items:
            line = head + "; ".join(items)
            lines.append(line if line.endswith((".", "!", "?")) else line + ".")
    return "\n".join(lines)
