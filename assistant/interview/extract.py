"""Free-text slot extraction: every slot a message states, whatever question is pending.

The message is read once by the reading layer (assistant/reading: typed quantities, the
domain's vocabulary, assertion status); the readers in assistant/interview/readers give what it
found to slots, in order (each marks the text it used, so later ones do not read it twice):
text slots -> numbers corrected inside them -> changes of a named measure -> renewal options ->
shares (channel mix, evaluation weights) -> service levels -> opening hours -> monthly volume ->
other quantities by cue -> corrections -> vocabularies -> yes/no -> goal targets -> the
organisation -> regulators named after a cue -> short answers -> free-text requirements.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.interview import discourse as d
from assistant.interview.message import Message
from assistant.interview.plan import Plan, Question
from assistant.interview.readers import Context, Found
from assistant.interview.readers.corrections import (
    read_corrections,
    read_replaced_platforms,
    read_text_corrections,
    resolve,
)
from assistant.interview.readers.cues import ctx_topics
from assistant.interview.readers.measures import (
    read_by_cue,
    read_distributions,
    read_hours,
    read_renewals,
    read_service_levels,
    read_volumes,
)
from assistant.interview.readers.organisation import read_organisation, read_regulators
from assistant.interview.readers.requirements import read_requirements, read_scope_items
from assistant.interview.readers.statements import (
    read_flags,
    read_goal_targets,
    read_measure_changes,
    read_short_answers,
    read_texts,
)
from assistant.interview.readers.vocabulary import read_vocabulary

__all__ = ["Found", "Reading", "extract", "normalise", "read_message"]


@dataclass
class Reading:
    """What one message says: the values, what it corrected away, the topics it leaves for
    later, the questions it asks back."""

    message: Message
    found: list[Found] = field(default_factory=list)
    corrected_away: list[Found] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    why: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    """Straight quotes, one kind of dash, 'a.m.' as 'am', single spaces."""
    import re

    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = re.sub(r"[\u2013\u2014]", "-", text)
    text = re.sub(r"\b([ap])\.m\.", r"\1m", text, flags=re.I)
    return re.sub(r"[ \t]+", " ", text).strip()


def read_message(
    text: str,
    plan: Plan,
    question: Question | None = None,
    pending: Sequence[str] = (),
    filled: Mapping[str, Any] | None = None,
    last_slots: Sequence[str] = (),
    only: Collection[str] | None = None,
    aside: Sequence[str] = (),
) -> Reading:
    """Read a buyer's message.

    Args:
        text: the message.
        plan: the interview plan.
        question: the pending question (its slots take bare answers).
        pending: its slots, unfilled first.
        filled: what the profile holds (slot -> value).
        last_slots: the slots the buyer changed last (what 'make it three' corrects).
        only: read just these slots (a correction that names its slot).
        aside: slots of a question set aside, whose topic words are still read as its answer.

    Returns:
        The values found, what the message corrected away, skipped topics and questions.
    """
    message = Message(normalise(text), plan)
    ctx = Context(
        message,
        plan,
        question,
        tuple(pending),
        dict(filled or {}),
        tuple(last_slots),
        aside=tuple(aside),
    )
    found: list[Found] = read_texts(ctx)
    found += read_text_corrections(ctx, found)
    for reader in (
        read_measure_changes,
        read_renewals,
        read_distributions,
        read_service_levels,
        read_hours,
        read_volumes,
        read_by_cue,
    ):
        found += reader(ctx)
    found += read_corrections(ctx, found)
    for reader in (
        read_vocabulary,
        read_flags,
        read_goal_targets,
        read_organisation,
        read_regulators,
    ):
        found += reader(ctx)
    found += read_short_answers(ctx, found)
    found += read_replaced_platforms(ctx, found)
    found = _without_denied_details(ctx, found)
    if only is not None:
        found = [f for f in found if f.slot in only]
    kept, away = resolve(ctx, found)
    if only is None:
        kept += read_scope_items(ctx, kept) + read_requirements(ctx, kept, away)
    kept = [_restated(ctx, f) for f in kept]
    return Reading(message, kept, away, _skipped(ctx), _questions(message), _why(ctx))


def _without_denied_details(ctx: Context, found: list[Found]) -> list[Found]:
    """'No pilot; instead there's a 90-day transition': where the message answers a yes/no
    slot with no, the details its question asks with it (the pilot's length) are not read."""
    from assistant.interview.readers.cues import question_of

    denied = [f.slot for f in found if f.value is False and ctx.plan.slot(f.slot).type == "bool"]
    details: set[str] = set()
    for slot in denied:
        question = question_of(ctx.plan, slot)
        if question is not None and question.slots[0] == slot:
            details |= {s for s in question.slots[1:] if ctx.plan.slot(s).type != "bool"}
    return [f for f in found if f.slot not in details]


_COPULA = r"(?:\s+(?:is|are|was|will be|should be|must be|would be|now|of|at|around|about|roughly|more like))+\s*|\s*[:=]\s*"


def _restated(ctx: Context, found: Found) -> Found:
    """A value said directly of its slot ('Volume is about 45,000 a month', 'Contract: three
    years', 'three years, not two') replaces what the profile held; a value said in passing
    ('our AHT is 6 minutes across 70k contacts a month') does not."""
    import re

    from assistant.interview.readers.cues import question_of, slot_cues

    slot = ctx.plan.slot(found.slot)
    held = ctx.filled.get(found.slot)
    if (
        found.corrected
        or held is None
        or found.span is None
        or slot.type in ("list[str]", "notes", "targets")
    ):
        return found
    text = ctx.text[found.span[0] : found.span[1]]
    if _whole_split_again(slot.type, found, held):
        return replace(found, corrected=True)
    if re.search(r",\s*not\s+\w+|\brather than\b|\binstead of\b", text, re.I):
        return replace(found, corrected=True)
    index = ctx.message.segment_at(found.span[0])
    question = question_of(ctx.plan, found.slot)
    label = ctx.message.label(index)
    if question is not None and label and question.id in _named(ctx, label):
        return replace(found, corrected=True)
    cues = "|".join(re.escape(c) for c in slot_cues(ctx.plan, slot))
    if cues and re.match(
        rf"^\W*(?:(?:our|the|my|a|an|total|overall)\s+)*(?:{cues})(?:{_COPULA})", text, re.I
    ):
        return replace(found, corrected=True)
    return found


def _whole_split_again(slot_type: str, found: Found, held: Any) -> bool:
    """A split given again in full ('voice 60, chat 25, email 15' where 60/30/10 was held):
    every share held, adding up to 100, is no remark in passing but the buyer's new split."""
    if slot_type != "channel_mix" or found.partial:
        return False
    new, old = found.value, held
    return (
        isinstance(new, dict)
        and isinstance(old, dict)
        and set(old) <= set(new)
        and abs(sum(new.values()) - 100) < 0.5
    )


def _named(ctx: Context, text: str) -> set[str]:
    from assistant.interview.readers.cues import named_topics

    return named_topics(ctx, text)


def extract(
    text: str,
    plan: Plan,
    pending: Sequence[str] = (),
    only: Sequence[str] | None = None,
    filled: Collection[str] | Mapping[str, Any] = (),
) -> list[Found]:
    """The slot values a message states (see read_message)."""
    held = dict(filled) if isinstance(filled, Mapping) else dict.fromkeys(filled)
    held = {k: v for k, v in held.items() if v is not None}
    return read_message(text, plan, None, pending, held, only=only).found


def _skipped(ctx: Context) -> list[str]:
    """Questions the message leaves for later: those named in (or just before) a segment that
    skips, else 'pending'."""
    message = ctx.message
    topics = ctx_topics(ctx)
    skipped: list[str] = []
    for index, role in enumerate(message.roles):
        if not role.skip:
            continue
        named = _named_nearby(ctx, index, topics)
        skipped += named or ["pending"]
    return list(dict.fromkeys(skipped))


def _named_nearby(ctx: Context, index: int, topics: list[set[str]]) -> list[str]:
    """Topics of the skipping segment, else of the segments before it in the message."""
    order = {q.id: i for i, q in enumerate(ctx.plan.questions)}
    for j in range(index, -1, -1):
        own = set(_own_topics(ctx, j))
        if own:
            return sorted(own, key=order.get)
    return []


def _own_topics(ctx: Context, index: int) -> list[str]:
    """Topics a segment names, its deferral's time phrase ('for today') aside."""
    from assistant.interview.readers.cues import named_topics

    text = d.pattern(d.words().deferral_times).sub(" ", ctx.message.segment_text(index))
    return list(named_topics(ctx, text))


def _questions(message: Message) -> list[str]:
    """The sentences that ask the assistant something."""
    asked = []
    for index, (start, end) in enumerate(message.sentences):
        sentence = message.text[start:end].strip()
        if sentence.endswith("?") and not d.asks_why(sentence):
            asked.append(sentence)
        del index
    return asked


def _titled_topic(ctx: Context, sentence: str) -> list[str]:
    """The first question of a topic the sentence names by its title's head ('why do you need
    to know about our quality program?' names Quality; 'Service levels and KPIs' is named by
    'service levels')."""
    for topic in ctx.plan.topics:
        head = topic.title.split(" and ")[0]
        if re.search(rf"\b{re.escape(head)}s?\b", sentence, re.I):
            return [next(q.id for q in ctx.plan.questions if q.topic == topic.id)]
    return []


def _why(ctx: Context) -> list[str]:
    """'Why do you need the average handle time?': the questions whose reason the buyer asks."""
    message = ctx.message
    asked = []
    for start, end in message.sentences:
        sentence = message.text[start:end]
        if d.asks_why(sentence):
            from assistant.interview.readers.cues import named_topics

            named = sorted(named_topics(ctx, sentence)) or _titled_topic(ctx, sentence)
            asked += named[:1] or ["pending"]
    return asked
