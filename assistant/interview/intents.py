"""What a buyer's message asks the interview to do: answer, skip, go back, explain, correct."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from assistant.interview.plan import Plan, SlotDef


class Intent(Enum):
    """The kinds of buyer message."""

    START = "start"
    SKIP = "skip"
    BACK = "back"
    WHY = "why"
    SUMMARY = "summary"
    QUESTION = "question"
    ANSWER = "answer"


class Edit(Enum):
    """How an answer changes the profile."""

    NONE = "none"
    CORRECT = "correct"
    REMOVE = "remove"
    ADD = "add"


START_RE = re.compile(
    r"^(?:start|begin|hi|hello|hey|resume|continue|go|let's go|ready)?[.!]?$", re.I
)
SKIP_RE = re.compile(
    r"^(?:skip(?: (?:it|this|that|this one|for now))?|pass|next|next question|"
    r"(?:i )?don'?t know|not sure|no idea|dunno|later|ask me later)[.!]?$",
    re.I,
)
BACK_RE = re.compile(
    r"^(?:(?:go|take me) )?back(?: please)?[.!]?$|^previous(?: question)?[.!]?$|^undo[.!]?$", re.I
)
WHY_RE = re.compile(
    r"^why\??$|why (?:do|did|would) you (?:ask|need|want)|why are you asking"
    r"|why is (?:this|that|it) (?:important|needed|relevant)|why does (?:this|that|it) matter"
    r"|what(?:'s| is) (?:this|that) for",
    re.I,
)
SUMMARY_RE = re.compile(
    r"^(?:summary|show (?:me )?(?:my |the )?profile|profile|status|"
    r"what do you have(?: so far)?\??|where are we\??)[.!]?$",
    re.I,
)
QUESTION_START_RE = re.compile(
    r"^(?:what|how|why|should|can|could|do|does|is|are|which|when|who|where|would|will|"
    r"shall|may|must|any (?:advice|tips))\b",
    re.I,
)
CORRECT_RE = re.compile(
    r"^(?:actually|correction|sorry|oops|no wait|wait|scratch that|i meant|make|"
    r"change|update|set|instead|rather)\b|\b(?:actually|i meant|instead)\b",
    re.I,
)
REMOVE_RE = re.compile(
    r"^(?:please )?(?:drop|remove|delete|take out|exclude|scrap|no more|no longer need)\b", re.I
)
ADD_RE = re.compile(r"^(?:please )?(?:also add|add|also|plus|include)\b", re.I)
ADD_PREFIX_RE = re.compile(r"^(?:please )?(?:also add|add|also|plus|include)\s+", re.I)
CHANGE_TO_RE = re.compile(
    r"^(?:please )?(?:change|set|update|make)\s+(?:the |my |our )?"
    r"(?P<target>[\w /-]+?)\s+to\s+(?P<body>.+)$",
    re.I,
)


def classify(text: str) -> Intent:
    """The buyer's intent; a message ending in '?' or opening with a question word asks one."""
    stripped = text.strip()
    if START_RE.match(stripped):
        return Intent.START
    for regex, intent in (
        (SKIP_RE, Intent.SKIP),
        (BACK_RE, Intent.BACK),
        (SUMMARY_RE, Intent.SUMMARY),
        (WHY_RE, Intent.WHY),
    ):
        if regex.search(stripped):
            return intent
    if QUESTION_START_RE.match(stripped) or stripped.endswith("?"):
        return Intent.QUESTION
    return Intent.ANSWER


def opens_with_question_word(text: str) -> bool:
    """Whether the message starts like a question ('what', 'how', 'should', ...)."""
    return bool(QUESTION_START_RE.match(text.strip()))


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
        target = find_slot(m.group("target"), plan)
        if target is not None:
            return EditRequest(Edit.CORRECT, target, m.group("body"))
    if REMOVE_RE.match(stripped):
        return EditRequest(Edit.REMOVE, None, stripped)
    if ADD_RE.match(stripped):
        return EditRequest(Edit.ADD, None, ADD_PREFIX_RE.sub("", stripped))
    if CORRECT_RE.search(stripped):
        return EditRequest(Edit.CORRECT, None, stripped)
    return EditRequest(Edit.NONE, None, stripped)


def find_slot(words: str, plan: Plan) -> SlotDef | None:
    """The slot a buyer names ('languages', 'volume', 'hours'); exact label first, then shortest."""
    key = words.strip().lower()
    for slot in plan.slots:
        if key in (slot.label.lower(), slot.name.replace("_", " ")):
            return slot
    matches = [s for s in plan.slots if key in s.label.lower() or s.label.lower() in key]
    return min(matches, key=lambda s: len(s.label)) if matches else None
