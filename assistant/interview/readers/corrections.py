"""Corrections inside a message: 'two years - no, make it three', 'more like 55,000 than
50,000', 'Sorry, CSAT 88' (a number in a text already given); and which of several values of
one slot the message settles on."""

from __future__ import annotations

import re
from typing import Any

from assistant.interview import discourse as d
from assistant.interview.readers import Context, Found
from assistant.interview.readers.measures import bare_numbers, clause_span
from assistant.interview.values import Duration, Money, ServiceLevel

NUMERIC = ("int", "percent", "duration", "money")
_MAKE_IT = re.compile(
    r"\b(?:make it|make that|change it to|change that to|go with|let's go with|let's say|it's|"
    r"it is|rather|more like|closer to|nearer to)\s+$",
    re.I,
)
_THAN = re.compile(r"\s+than\s+(?:about\s+|around\s+)?$", re.I)


def read_corrections(ctx: Context, found: list[Found]) -> list[Found]:
    """Bare numbers that correct a value: after 'make it' or a correction word, or in 'more
    like X than Y'; they take the slot and unit of the value they correct."""
    out = []
    numbers = [n for n in bare_numbers(ctx) if ctx.message.usable(n)]
    for n in numbers:
        before = ctx.text[max(0, n.start - 20) : n.start]
        rather = re.search(
            rf"(?:{d.pattern(d.words().rather_than).pattern})\s+(?:about\s+|around\s+)?$",
            before,
            re.I,
        )
        marked = _MAKE_IT.search(before) or _marked_just_before(ctx, n.start)
        if not (rather or marked) or _THAN.search(before):
            continue
        old = _than_value(ctx, n.end) or _dismissed_value(ctx, n)
        target = _target(ctx, found, n.start, old)
        if target is None:
            continue
        value = _like(
            target.value if target.slot in {f.slot for f in found} else ctx.filled.get(target.slot),
            n.value["value"],
            old,
        )
        if value is not None and _fits(ctx, target.slot, value):
            ctx.take(n.start, n.end)
            out.append(Found(target.slot, value, clause_span(ctx, n.start), corrected=True))
    return out + _not_instead(ctx) + _corrected_durations(ctx, found + out)


def _corrected_durations(ctx: Context, found: list[Found]) -> list[Found]:
    """'emails within a day - make that 12 hours', 'one working day; no, better two working
    days': a length of time no reader took, right after a correction word, replaces the last
    length of time said before it (a service level keeps its percent)."""
    from assistant.reading.quantities import duration_seconds

    out = []
    for m in ctx.message.of_kind("duration"):
        if not ctx.usable(m):
            continue
        before = ctx.text[max(0, m.start - 20) : m.start]
        if not (_MAKE_IT.search(before) or _marked_just_before(ctx, m.start)):
            continue
        target = _timed_before(ctx, found, m.start)
        if target is None:
            continue
        old = target.value
        if isinstance(old, ServiceLevel):
            value = ServiceLevel(
                percent=old.percent,
                seconds=duration_seconds(m.value),
                business=m.value.get("business", False),
            )
        else:
            value = Duration(amount=m.value["amount"], unit=m.value["unit"])
        if _fits(ctx, target.slot, value) or isinstance(old, ServiceLevel):
            ctx.take(m.start, m.end)
            out.append(Found(target.slot, value, clause_span(ctx, m.start), corrected=True))
    return out


def _timed_before(ctx: Context, found: list[Found], pos: int) -> Found | None:
    """The value a corrected length of time replaces: of the lengths said before it in the
    message, the one of the channel the clause names (emails, chat), else the last; else that
    of the slot the buyer last changed."""
    timed = [
        f
        for f in found
        if isinstance(f.value, Duration | ServiceLevel) and f.span and f.span[0] < pos
    ]
    clause = d.clause_of(ctx.text, pos, ctx.message.segments[ctx.message.segment_at(pos)])
    named = {
        m.value.get("name")
        for m in ctx.message.of_kind("channel")
        if clause[0] <= m.start < clause[1]
    }
    of_channel = [f for f in timed if any(f.slot.endswith(f"_{n}") for n in named if n)]
    if of_channel or timed:
        return (of_channel or timed)[-1]
    last = [s for s in ctx.last_slots if isinstance(ctx.filled.get(s), Duration | ServiceLevel)]
    return Found(last[0], ctx.filled[last[0]]) if last else None


_NOT_OLD = re.compile(r"\s*,?\s*(?:not|rather than|instead of)\s+(?P<old>[\w.,]+)", re.I)
_KIND_TYPE = {"duration": "duration", "count": "int", "percent": "percent", "money": "money"}


def _not_instead(ctx: Context) -> list[Found]:
    """'Three years, not two': a value followed by the one it replaces takes the slot that holds
    the old one."""
    from assistant.reading.numbers import find_numbers

    out = []
    for m in ctx.message.mentions + _bare_before_not(ctx):
        if m.kind not in _KIND_TYPE or not ctx.free(m.start, m.end):
            continue
        after = _NOT_OLD.match(ctx.text, m.end)
        numbers = find_numbers(after.group("old")) if after else []
        if not numbers:
            continue
        held = [
            s
            for s, v in ctx.filled.items()
            if s in ctx.plan.slot_map
            and _number(v) == numbers[0].value
            and ctx.plan.slot(s).type == _KIND_TYPE[m.kind]
        ]
        value = _value_of(m)
        if len(held) == 1 and value is not None:
            ctx.take(m.start, m.end)
            out.append(Found(held[0], value, clause_span(ctx, m.start), corrected=True))
    return out


def _bare_before_not(ctx: Context) -> list:
    """'the volume is 50k, not 40k': a bare number followed by the one it replaces, read as a
    count (its slot's type is the held value's)."""
    from dataclasses import replace

    return [
        replace(n, kind="count", value={"value": n.value["value"]})
        for n in bare_numbers(ctx)
        if ctx.message.usable(n) and _NOT_OLD.match(ctx.text, n.end)
    ]


def _value_of(m) -> Any:
    """A mention's value in the type of the slot it corrects."""
    if m.kind == "duration":
        return Duration(amount=m.value["amount"], unit=m.value["unit"])
    if m.kind == "money" and m.value.get("currency"):
        return Money(amount=m.value["amount"], currency=m.value["currency"])
    if m.kind == "count":
        return round(m.value["value"])
    if m.kind == "percent":
        return float(m.value["value"])
    return None


_BRIDGE = re.compile(
    r"[\w']+[\s,;:-]*(?:(?:make|it|that|to|is|be|was|say|then|more|like|about|around|roughly|"
    r"it's|that's|i\s+mean|better|rather)\s+)*$",
    re.I,
)


def _dismissed_value(ctx: Context, n) -> float | None:
    """'18k was wrong, it's 22k': a number the same sentence says was wrong, or any held value
    it repeats, is the one being corrected."""
    from assistant.reading.numbers import find_numbers

    sentence = ctx.message.sentences[ctx.message.segments[n.segment].sentence]
    held = {_number(v) for v in ctx.filled.values()} - {None}
    for other in find_numbers(ctx.text[sentence[0] : n.start]):
        if other.value in held:
            return other.value
    return None


def _fits(ctx: Context, slot: str, value: Any) -> bool:
    """A corrected duration still within the slot's plausible bounds."""
    from assistant.interview.readers.measures import _plausible

    bounds = ctx.plan.slot(slot).plausible
    return not (
        bounds and isinstance(value, Duration) and not _plausible(value.model_dump(), bounds)
    )


def _marked_just_before(ctx: Context, pos: int) -> bool:
    """A correction word right before the number, with nothing but 'make it', 'say' and the
    like between them ('sorry, 45', 'no, make it three'); not 'Sorry, CSAT 88; 90 is …'."""
    marks = [c for r in ctx.message.roles for c in r.corrections]
    return any(0 <= pos - c <= 24 and _BRIDGE.match(ctx.text[c:pos]) for c in marks)


def _than_value(ctx: Context, end: int) -> float | None:
    # 'more like 60k than 50k', '3,000 a week than 2,500' (the period said once)
    m = re.match(
        r"(?:\s+(?:a|an|per|each)\s+(?:day|week|fortnight|month|quarter|year))?"
        r"\s+than\s+(?:about\s+|around\s+)?(\d[\d,.]*\s?[km]?)",
        ctx.text[end:],
        re.I,
    )
    if not m:
        return None
    from assistant.reading.numbers import find_numbers

    numbers = find_numbers(m.group(1))
    return numbers[0].value if numbers else None


def _target(ctx: Context, found: list[Found], pos: int, old: float | None) -> Found | None:
    """The value a correction replaces: the one equal to the old number, else the last numeric
    value said before it in the message, else the slot the buyer last changed."""
    numeric = [
        f for f in found if ctx.plan.slot(f.slot).type in NUMERIC and f.span and f.span[0] < pos
    ]
    if old is not None:
        same = [f for f in numeric if _number(f.value) == old]
        if same:
            return same[-1]
        held = [s for s, v in ctx.filled.items() if s in ctx.plan.slot_map and _number(v) == old]
        if held:
            return Found(held[0], ctx.filled[held[0]])
    if numeric:
        return numeric[-1]
    last = [
        s for s in ctx.last_slots if s in ctx.plan.slot_map and ctx.plan.slot(s).type in NUMERIC
    ]
    return Found(last[0], ctx.filled.get(last[0])) if last else None


def _number(value: Any) -> float | None:
    if isinstance(value, Duration | Money):
        return value.amount
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _like(model: Any, number: float, old: float | None) -> Any:
    """`number` in the shape of the value it corrects (unit, currency, the same conversion)."""
    if isinstance(model, Duration):
        return Duration(amount=number, unit=model.unit)
    if isinstance(model, Money):
        return Money(amount=number, currency=model.currency, per=model.per)
    if isinstance(model, bool) or model is None:
        return None
    if isinstance(model, int):
        factor = model / old if old else 1.0
        return round(number * factor)
    if isinstance(model, float):
        return number
    return None


_ADDING = re.compile(r"\b(?:also|too|as well|plus|and|add|another)\b", re.I)


def read_replaced_platforms(ctx: Context, found: list[Found]) -> list[Found]:
    """'Zendesk for tickets - no wait, it is Freshdesk now': a platform, a correction word, then
    another platform of the same role and nothing that adds: the first is taken out."""
    held = {item for f in found if f.slot == "tech_platforms" and not f.remove for item in f.value}
    platforms = [p for p in ctx.message.of_kind("platform") if p.value.get("name") in held]
    marks = sorted(c for r in ctx.message.roles for c in r.corrections)
    out = []
    for old, new in zip(platforms, platforms[1:], strict=False):
        role = old.value.get("role")
        between = [c for c in marks if old.end <= c < new.start]
        if (
            not role
            or role != new.value.get("role")
            or not between
            or _ADDING.search(ctx.text, old.end, _clause_end(ctx, new.end))
            or old.value["name"] == new.value["name"]
        ):
            continue
        out.append(Found("tech_platforms", [old.value["name"]], (old.start, old.end), remove=True))
    return out


def _clause_end(ctx: Context, pos: int) -> int:
    """Where the clause that `pos` stands in ends."""
    segment = ctx.message.segments[ctx.message.segment_at(pos)]
    return d.clause_of(ctx.text, pos, segment)[1]


_KPI_NUMBER = (
    r"(?P<kpi>{kpi})(?P<gap>\s+(?:of|at|score of|target of|above|=|:)?\s*)(?P<num>\d+(?:\.\d+)?)"
)


def read_text_corrections(ctx: Context, found: list[Found]) -> list[Found]:
    """'Pilot success means CSAT of 90 or above … Sorry, CSAT 88': the number after a measure
    in a text given earlier (or just now) takes the corrected number, and is no value of its own."""
    out = []
    texts = [(f.slot, f.value) for f in found if isinstance(f.value, str)]
    texts += [
        (s, v)
        for s, v in ctx.filled.items()
        if isinstance(v, str) and s not in {t for t, _ in texts}
    ]
    for role_index, role in enumerate(ctx.message.roles):
        if not role.corrections:
            continue
        segment = ctx.message.segments[role_index]
        for kpi in [m for m in ctx.message.of_kind("kpi") if m.segment == role_index]:
            m = re.match(
                r"\s*(?:of|at|target of|score of|=|:)?\s*(\d+(?:\.\d+)?)",
                ctx.text[kpi.end : segment.end],
            )
            if not m:
                continue
            for slot, text in texts:
                pattern = re.compile(_KPI_NUMBER.format(kpi=re.escape(kpi.text)), re.I)
                if pattern.search(text) and ctx.plan.slot(slot).type == "text":
                    number = m.group(1)
                    new = pattern.sub(
                        lambda x, n=number: f"{x.group('kpi')}{x.group('gap')}{n}", text, count=1
                    )
                    if new != text:
                        ctx.take(kpi.end + m.start(1), kpi.end + m.end(1))
                        out.append(Found(slot, new, (kpi.start, kpi.end + m.end()), corrected=True))
    return out


def resolve(ctx: Context, found: list[Found]) -> tuple[list[Found], list[Found]]:
    """One value per single-valued slot: the last said as a correction, else the last after a
    correction word, else the first. Returns (kept, corrected away)."""
    marks = sorted(c for r in ctx.message.roles for c in r.corrections)
    by_slot: dict[str, list[Found]] = {}
    for f in found:
        by_slot.setdefault(f.slot, []).append(f)
    kept, away = [], []
    for slot, items in by_slot.items():
        single = (
            ctx.plan.slot(slot).type not in ("list[str]", "notes", "targets")
            and not items[0].partial
        )
        if not single or len(items) == 1:
            kept += items
            continue
        choice = _choice(items, marks)
        kept.append(choice)
        away += [f for f in items if f is not choice and f.value != choice.value]
    order = {id(f): i for i, f in enumerate(found)}
    return sorted(kept, key=lambda f: order[id(f)]), away


def _choice(items: list[Found], marks: list[int]) -> Found:
    corrected = [f for f in items if f.corrected]
    if corrected:
        return corrected[-1]
    positioned = sorted((f for f in items if f.span), key=lambda f: f.span[0])
    for later in reversed(positioned):
        if any(
            f.span[0] < m <= later.span[0] or f.span[1] <= m < later.span[1]
            for f in positioned
            if f is not later and f.span[0] < later.span[0]
            for m in marks
        ):
            return later  # a correction word after the earlier value, before the later one ends
    return positioned[0] if positioned else items[0]
