"""Readers that turn a message's mentions into slot values, one family of slots each.

Each reader takes a Context (the message read by the reading layer, the plan, the pending
question, what the profile holds) and returns Found values; spans a reader used are added to
`context.taken` so that later readers do not read them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.interview.message import Mention, Message
from assistant.interview.plan import Plan, Question, SlotDef

Span = tuple[int, int]


@dataclass(frozen=True)
class Found:
    """One value read from a message.

    `span` is where it was said; `remove` marks list items to take out; `priority` is
    'must' or 'nice' when the buyer said so; `corrected` when the buyer said it as a correction;
    `partial` when it is part of a mapping (one channel's share).
    """

    slot: str
    value: Any
    span: Span | None = None
    remove: bool = False
    priority: str | None = None
    corrected: bool = False
    partial: bool = False


@dataclass
class Context:
    """What every reader knows about the message it reads."""

    message: Message
    plan: Plan
    question: Question | None = None
    pending: tuple[str, ...] = ()
    filled: dict[str, Any] = field(default_factory=dict)
    last_slots: tuple[str, ...] = ()
    taken: list[Span] = field(default_factory=list)
    aside: tuple[str, ...] = ()
    # names that keyed a correction of some shares only ('phone is 25, not 20'): no list of them
    share_keys: list[Span] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The message text."""
        return self.message.text

    def free(self, start: int, end: int) -> bool:
        """Whether no earlier reader used any of [start, end)."""
        return not any(s < end and start < e for s, e in self.taken)

    def take(self, start: int, end: int) -> None:
        """Mark [start, end) as used."""
        self.taken.append((start, end))

    def slots_of(self, *types: str) -> list[SlotDef]:
        """The plan's slots of these types."""
        return [s for s in self.plan.slots if s.type in types]

    def usable(self, mention: Mention) -> bool:
        """A mention that can answer: not in a question, an anecdote or an acknowledgement,
        not already used."""
        return self.message.usable(mention) and self.free(mention.start, mention.end)

    @property
    def short(self) -> bool:
        """A short answer: one sentence of a few words, read as the answer to the question; a
        question back ('Why do you need to know about our quality program?') answers nothing."""
        if len(self.message.sentences) != 1 or len(self.text.split()) > 14:
            return False
        return not all(role.question for role in self.message.roles)

    def priority(self, mention: Mention) -> str | None:
        """The priority the buyer gave where a mention stands: a must-have in its own clause;
        hedged, or nice-to-have words in its own clause, read as nice-to-have; then what a
        label or a pointer gave its segment (or the segment's own words when it has one
        clause)."""
        from assistant.interview import discourse as d

        role = self.message.roles[mention.segment]
        segment = self.message.segments[mention.segment]
        clause = d.clause_of(self.text, mention.start, segment)
        own = d.priority_of(self.text[clause[0] : clause[1]])
        if own == "must":
            return own  # '24/5 is the must, weekends would be nice': the hedge is the next clause's
        if mention.status == "hedged" or own:
            return "nice"
        if role.given or (clause[0], clause[1]) == (segment.start, segment.end):
            return role.priority
        return None
