"""What a buyer's message asks the interview to do: answer, skip, go back, explain, correct."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from assistant.interview import discourse as d
from assistant.interview.plan import Plan, SlotDef


class Intent(Enum):
    """The kinds of buyer message."""

    START = "start"
    SKIP = "skip"
    BACK = "back"
    WHY = "why"
    SUMMARY = "summary"
    ANSWER = "answer"


class Edit(Enum):
    """How an answer changes the profile."""

    NONE = "none"
    CORRECT = "correct"
    REMOVE = "remove"
    ADD = "add"


ADD_RE = re.compile(r"^(?:please )?(?:also add|add|also|plus|include)\b", re.I)
ADD_PREFIX_RE = re.compile(r"^(?:please )?(?:also add|add|also|plus|include)\s+", re.I)
CHANGE_TO_RE = re.compile(
    r"^(?:please )?(?:change|set|update|make)\s+(?:the |my |our )?"
    r"(?P<target>[\w /-]+?)\s+to\s+(?P<body>.+)$"
    # 'make the abandonment target 4 instead': the slot, then its new figure
    r"|^(?:please )?make\s+(?:the |my |our )(?P<target2>[\w /-]+?)\s+(?P<body2>[£$€]?\d.*)$",
    re.I,
)


def classify(text: str) -> Intent:
    """The intent of a message that is a command ('skip', 'back', 'summary', 'why?', or
    nothing at all); any other message is read as an answer, which may also ask questions."""
    words = d.words()
    stripped = text.strip()
    if not stripped or d.whole(words.start_commands, stripped):
        return Intent.START
    for phrases, intent in (
        (words.skip_commands, Intent.SKIP),
        (words.back_commands, Intent.BACK),
        (words.summary_commands, Intent.SUMMARY),
    ):
        if d.whole(phrases, stripped):
            return intent
    if re.fullmatch(
        r"why\??|(?:but )?why (?:do|did|would) you (?:ask|need (?:that|this|it|to know))\??",
        stripped,
        re.I,
    ):
        return Intent.WHY
    return Intent.ANSWER


@dataclass(frozen=True)
class EditRequest:
    """An answer's edit kind, the slot it names (if any) and the words that carry the value."""

    edit: Edit
    target: SlotDef | None
    body: str


def parse_edit(text: str, plan: Plan) -> EditRequest:
    """Recognise 'change languages to English only', 'drop French', 'actually 70k', 'add German'."""
    stripped = text.strip()
    if m := CHANGE_TO_RE.match(stripped):
        target = find_slot(m.group("target") or m.group("target2"), plan)
        if target is not None:
            return EditRequest(Edit.CORRECT, target, m.group("body") or m.group("body2"))
    if _drops(stripped):
        return EditRequest(Edit.REMOVE, None, stripped)
    if ADD_RE.match(stripped):
        return EditRequest(Edit.ADD, None, ADD_PREFIX_RE.sub("", stripped))
    if d.corrects_at(stripped, 0, len(stripped)):
        return EditRequest(Edit.CORRECT, None, stripped)
    return EditRequest(Edit.NONE, None, stripped)


def _drops(text: str) -> bool:
    """A message that opens with a drop word, perhaps after a correction or acknowledgement
    word ('Actually, drop Belgium', 'OK, and remove the chat'): the items it names go."""
    words = d.words()
    drop = d.pattern(words.drop).pattern
    lead = d.pattern(words.corrections + words.acknowledgements).pattern
    return bool(
        re.match(
            rf"^(?:(?:{lead}|and|oh|so|then|also)[\s,.;:!-]+)*(?:please\s+)?(?:{drop})",
            text,
            re.I,
        )
    )


def find_slot(words: str, plan: Plan) -> SlotDef | None:
    """The slot a buyer names ('languages', 'volume', 'hours'); exact label first, then shortest."""
    key = words.strip().lower()
    for slot in plan.slots:
        if key in (slot.label.lower(), slot.name.replace("_", " ")):
            return slot
    matches = [s for s in plan.slots if key in s.label.lower() or s.label.lower() in key]
    return min(matches, key=lambda s: len(s.label)) if matches else None
