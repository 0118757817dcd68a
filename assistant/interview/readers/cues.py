"""Which slot a value belongs to: the cue words nearest to it, and the topics a message names.

A cue in the same clause beats one in the same segment, then the sentence (or the topic its
label names: 'Volumes: …'), then the sentence before; within a tier the nearer cue wins.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.interview import discourse as d
from assistant.interview.plan import Plan, Question, SlotDef
from assistant.interview.readers import Context
from assistant.interview.terms import phrase_pattern

Rank = tuple[int, int, int]
SAME_CLAUSE, SAME_SEGMENT, SAME_SENTENCE, SENTENCE_BEFORE = 0, 1, 2, 3


@cache
def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    if not cues:
        return None
    ordered = sorted(cues, key=len, reverse=True)
    return re.compile("|".join(phrase_pattern(c) for c in ordered), re.I)


def slot_cues(plan: Plan, slot: SlotDef) -> tuple[str, ...]:
    """The slot's cues, and its question's names when it is the question's only main slot."""
    question = question_of(plan, slot.name)
    if question is None:
        return slot.cues
    main = [s for s in question.slots if not plan.slot(s).secondary]
    return slot.cues + (question.names if main == [slot.name] and slot.type != "bool" else ())


def question_of(plan: Plan, slot: str) -> Question | None:
    """The question that asks for a slot."""
    return next((q for q in plan.questions if slot in q.slots), None)


def topic_names(question: Question, plan: Plan) -> tuple[str, ...]:
    """The words that name a question's topic: its names and its slots' labels."""
    return question.names + tuple(plan.slot(s).label for s in question.slots)


def named_topics(ctx: Context, text: str) -> set[str]:
    """Question ids whose topic the text names."""
    return {q.id for q in ctx.plan.questions if d.find(topic_names(q, ctx.plan), text)}


def segment_topics(ctx: Context) -> list[set[str]]:
    """Per segment: the topics its sentence names, and those of the label that leads its
    sentence or, until another label, an earlier sentence ('Hours. We'd want the phones …')."""
    message = ctx.message
    carried: set[str] = set()
    by_sentence: dict[int, set[str]] = {}
    named = {i: named_topics(ctx, message.text[s:e]) for i, (s, e) in enumerate(message.sentences)}
    for index, (start, end) in enumerate(message.sentences):
        text = message.text[start:end]
        head, colon, _ = text.partition(":")
        label = (
            head if colon and len(head.split()) <= 6 else (text if len(text.split()) <= 3 else "")
        )
        if label:
            carried = named_topics(ctx, label)
        by_sentence[index] = set(carried)
        if index and message.text[:start].rstrip().endswith(";"):
            named[index] |= named[index - 1]  # a list after ';' keeps the sentence's topic
    return [named[s.sentence] | by_sentence[s.sentence] for s in message.segments]


def rank(ctx: Context, slot: SlotDef, start: int, end: int) -> Rank | None:
    """(tier, gap, cue order) of the slot's best cue for the value at [start, end)."""
    message = ctx.message
    regex = _cue_regex(slot_cues(ctx.plan, slot))
    index = message.segment_at(start)
    segment = message.segments[index]
    clause = d.clause_of(message.text, start, segment)
    best: Rank | None = None
    for m in regex.finditer(message.text) if regex else ():
        if _denominator(message.text, m) or _bound(message.text, m):
            continue
        if m.start() < end and start < m.end():
            # the value is its own cue ('volume triples'): weaker than a cue beside it
            own = (SAME_SEGMENT, 30, 0)
            best = own if best is None or own < best else best
            continue
        tier = _tier(ctx, m.start(), index, clause)
        if tier is None:
            continue
        gap = max(m.start() - end, start - m.end(), 0)
        candidate = (tier, gap, 0)
        best = candidate if best is None or candidate < best else best
    question = question_of(ctx.plan, slot.name)
    if (
        question is not None
        and question.id in ctx_topics(ctx)[index]
        and _only_of_its_type(ctx.plan, question, slot)
    ):
        candidate = (SAME_SENTENCE, 500, 1)
        best = candidate if best is None or candidate < best else best
    return best


def _only_of_its_type(plan: Plan, question: Question, slot: SlotDef) -> bool:
    """A topic names the slot a value goes to only when no other slot of the question takes
    values of that type (the KPI question has two percentages: CSAT and abandonment)."""
    return [plan.slot(s).type for s in question.slots].count(slot.type) == 1


def ctx_topics(ctx: Context) -> list[set[str]]:
    """The message's segment topics, computed once per context."""
    cached = getattr(ctx, "_topics", None)
    if cached is None:
        cached = segment_topics(ctx)
        ctx._topics = cached  # type: ignore[attr-defined]
    return cached


def _tier(ctx: Context, pos: int, index: int, clause: tuple[int, int]) -> int | None:
    message = ctx.message
    segment = message.segments[index]
    if clause[0] <= pos < clause[1]:
        return SAME_CLAUSE
    if segment.start <= pos < segment.end:
        return SAME_SEGMENT
    cue_sentence = next(i for i, (s, e) in enumerate(message.sentences) if s <= pos < e or pos < s)
    if cue_sentence == segment.sentence:
        return SAME_SENTENCE
    if cue_sentence == segment.sentence - 1:
        return SENTENCE_BEFORE
    return None


def _bound(text: str, m: re.Match[str]) -> bool:
    """'no more than 5%', 'not higher than 3%': a cap on the figure, not a rise."""
    return bool(
        re.search(r"\b(?:no|not)\s+$", text[max(0, m.start() - 5) : m.start()], re.I)
    ) and bool(re.match(r"\s+than\b", text[m.end() :], re.I))


def _denominator(text: str, m: re.Match[str]) -> bool:
    """'per agent' names what a rate is divided by, not what the number counts."""
    if re.match(r"(?:per|each|every)\b", m.group(0), re.I):
        return False
    return bool(
        re.search(r"\b(?:per|each|every)\s+$", text[max(0, m.start() - 7) : m.start()], re.I)
    )


def best_slot(
    ctx: Context, slots: list[SlotDef], start: int, end: int, max_tier: int = SENTENCE_BEFORE
) -> tuple[SlotDef, Rank] | None:
    """The slot among `slots` whose cue is nearest the value, within `max_tier`."""
    ranked = [
        (r, s) for s in slots if (r := rank(ctx, s, start, end)) is not None and r[0] <= max_tier
    ]
    if not ranked:
        return None
    r, slot = min(ranked, key=lambda pair: pair[0])
    return slot, r


def readable(ctx: Context, slot: SlotDef, index: int) -> bool:
    """Whether a slot's vocabulary may be read in segment `index`: its question is pending or
    named there, or the slot is incidental; and its context words (if any) stand there."""
    question = question_of(ctx.plan, slot.name)
    pending = slot.name in ctx.pending or slot.name in ctx.aside
    named = question is not None and question.id in ctx_topics(ctx)[index]
    if not (slot.incidental or pending or named):
        return bool(slot.read_with) and (
            bool(d.find(slot.read_with, ctx.message.segment_text(index)))
            or _beside(ctx, slot, index)
        )
    if slot.context and not pending:
        message = ctx.message
        text = message.segment_text(index) + " " + message.label(index)
        sentence = message.segments[index].sentence
        if sentence and _CONTINUES.match(text):
            # 'Plus English, of course.' goes on from the sentence before
            text += " " + message.text[slice(*message.sentences[sentence - 1])]
        if named and question is not None and question.id in named_topics(ctx, text):
            return True
        return (
            bool(d.find(slot.context, text))
            or _listed(ctx, slot, index)
            or _language_of_the_rest(ctx, slot, index)
        )
    return True


def _beside(ctx: Context, slot: SlotDef, index: int) -> bool:
    """The segment's sentence names a mention of a kind the slot is read beside ('We use
    Freshdesk and 3CX, both ours, they'd plug into those': the platforms' provision)."""
    sentence = ctx.message.segments[index].sentence
    return any(
        m.kind in slot.read_beside and ctx.message.segments[m.segment].sentence == sentence
        for m in ctx.message.mentions
    )


_CONTINUES = re.compile(r"\s*(?:plus|also|and also|as well as|and)\b", re.I)


_THE_REST = r"(?:everything|everyone|everybody|all the rest|the rest)(?:\s+else)?"
_REST_IN = re.compile(
    rf"\b{_THE_REST}(?:['’]s|\s+is|\s+are|\s+goes)?\s+(?:in\s+)?(?P<a>\w+)\W*$"
    rf"|(?P<b>\w+)\s+for\s+{_THE_REST}\b",
    re.I,
)


def _language_of_the_rest(ctx: Context, slot: SlotDef, index: int) -> bool:
    """'Everything else in English', 'English for everyone else', 'the rest is English': a
    language said as the one for all the other contacts is a language of the service."""
    if slot.vocabulary != "languages":
        return False
    text = ctx.message.segment_text(index)
    names = {
        m.text.lower() for m in ctx.message.mentions if m.segment == index and m.kind == "language"
    }
    for clause in re.split(r"[,;:]", text):
        hit = _REST_IN.search(clause.strip())
        if hit and (hit.group("a") or hit.group("b") or "").lower() in names:
            return True
    return False


def _listed(ctx: Context, slot: SlotDef, index: int) -> bool:
    """Two or more different terms of the slot's vocabulary in one segment are a list of them
    ('English and Spanish')."""
    kinds = {"languages": "language"}
    kind = kinds.get(slot.vocabulary or "")
    names = {m.name for m in ctx.message.mentions if m.segment == index and m.kind == kind}
    return len(names) >= 2
