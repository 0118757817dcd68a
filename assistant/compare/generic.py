"""The reader of fields declared as data: a trigger, then the nearest value of the right kind.

A statement qualifies when it names the field (a trigger phrase, or a KPI the lexicon knows),
has none of its `avoid` words and one of its `requires` words; its value is the nearest mention
of the field's value kind after the trigger (or just before it, where the field allows), in the
offer's own voice (never another client's figure). A value that is only hedged, planned or
conditional keeps that status, so the matrix can say so.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from assistant.compare.fields import Found, fmt_money, fmt_number
from assistant.compare.fieldspec import FieldSpec
from assistant.reading.mentions import Mention
from assistant.reading.quantities import SECONDS, duration_seconds
from assistant.reading.statements import Statement

_WORD = re.compile(r"\S+")
_MONEY_UNITS = {"none": None}
_NONE_BEFORE = re.compile(r"\b(?:no|without|waived?|free)\s+(?:\w+\s+){0,2}$", re.I)
STATUS_NOTE = {"conditional": "conditional", "hedged": "not firm", "planned": "planned",
               "third_party": "via a third party"}


def read_field(spec: FieldSpec, statement: Statement) -> list[Found]:
    """The field's value in one statement, if it states one."""
    if statement.section not in spec.sections or not _required(spec, statement.text):
        return []
    triggers = _triggers(spec, statement)
    if not triggers:
        return []
    if spec.value == "presence":
        return [Found(spec.key, "yes", {"available": True, "key": "yes"})]
    if spec.value == "score":
        return _score(spec, statement, triggers)
    if spec.denied and _denied(statement, triggers):
        return [Found(spec.key, spec.denied, {"offered": False, "key": "none"})]
    candidates = [m for m in statement.mentions if _fits(spec, m)]
    if not candidates:
        return _none_stated(spec, statement, triggers)
    chosen = _nearest(spec, statement, triggers, candidates)
    if chosen is None:
        return []
    mention, trigger = chosen
    if _avoided(spec, statement.text, trigger, mention):
        return []
    trigger_text = statement.text[trigger[0] : trigger[1]].lower()
    found = _found(spec, mention, trigger_text)
    extra = {}
    if spec.prefer and _any_word(spec.prefer).search(f"{statement.label} {statement.text}"):
        extra["preferred"] = True
    for kind, words in spec.kinds.items():
        if _any_word(words, prefix=True).search(statement.text):
            extra["kind"] = kind
            break
    return [Found(found.field, found.value, {**found.normalised, **extra})]


def _required(spec: FieldSpec, text: str) -> bool:
    return not spec.requires or bool(_any_word(spec.requires, prefix=True).search(text))


def _avoided(spec: FieldSpec, text: str, trigger: tuple[int, int], mention: Mention) -> bool:
    """An `avoid` word near the trigger or between it and the value ('the pilot's minimum')."""
    if not spec.avoid:
        return False
    start = min(trigger[0], mention.start)
    start = max(0, text.rfind(" ", 0, max(0, start - 30)))
    end = max(trigger[1], mention.end)
    return bool(_any_word(spec.avoid).search(text[start:end]))


@cache
def _any_word(words: tuple[str, ...], prefix: bool = False) -> re.Pattern[str]:
    body = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))
    tail = "" if prefix else r"(?![\w])"
    return re.compile(rf"(?<![\w])(?:{body}){tail}", re.I)


def _triggers(spec: FieldSpec, statement: Statement) -> list[tuple[int, int]]:
    """Where the statement names the field: its phrases, and the KPIs it refers to."""
    phrases = tuple(t for t in spec.triggers if not t.startswith("kpi:"))
    kpis = {t.split(":", 1)[1] for t in spec.triggers if t.startswith("kpi:")}
    spans = [(m.start(), m.end()) for m in _any_word(phrases).finditer(statement.text)] if phrases else []
    spans += [(m.start, m.end) for m in statement.of("kpi") if m.value.get("name") in kpis]
    return sorted(spans)


def _fits(spec: FieldSpec, mention: Mention) -> bool:
    """A mention of the field's value kind, in the offer's own voice."""
    if mention.status in ("other_client", "negated"):
        return False
    kind = mention.kind
    if kind != spec.value and kind not in spec.also:
        return False
    value = mention.value
    if kind == "duration":
        return not spec.units or value["unit"] in spec.units
    if kind == "money":
        allowed = tuple(_MONEY_UNITS.get(u, u) for u in spec.money_units)
        return (not spec.money_units or value.get("unit") in allowed) and (
            value.get("amount") is not None and (value["amount"] >= spec.min_amount or value["amount"] == 0)
        )
    if kind == "count":
        return not spec.counts or value.get("what") in spec.counts
    return True


def _nearest(spec: FieldSpec, statement: Statement, triggers, candidates: list[Mention]):
    """(value, trigger): the candidate nearest after a trigger (or just before, where allowed);
    a table cell's value when the trigger stands in its headers."""
    cell = statement.cell
    if cell is not None:
        value_start = len(statement.text) - len(cell.text)
        in_cell = [m for m in candidates if m.start >= value_start]
        headers = [t for t in triggers if t[1] <= value_start]
        if in_cell and headers:
            return in_cell[0], headers[0]
    words = [m.start() for m in _WORD.finditer(statement.text)]
    best, best_gap = None, None
    for trigger in triggers:
        start, end = trigger
        for mention in candidates:
            if mention.start >= end:
                gap = bisect_left(words, mention.start) - bisect_left(words, end)
                if gap <= spec.after and (best_gap is None or gap < best_gap):
                    best, best_gap = (mention, trigger), gap
            elif spec.before and mention.end <= start:
                gap = bisect_left(words, start) - bisect_left(words, mention.end)
                if gap <= spec.before and (best_gap is None or gap < best_gap):
                    best, best_gap = (mention, trigger), gap
    return best


def _score(spec: FieldSpec, statement: Statement, triggers) -> list[Found]:
    """A bare number right after the trigger ('NPS of +42'), not a percentage or a year."""
    from assistant.reading.numbers import find_numbers

    taken = [(m.start, m.end) for m in statement.mentions if m.kind != "kpi"]
    end = triggers[0][1]
    for number in find_numbers(statement.text[end : end + 40]):
        start = end + number.start
        if any(s <= start < e for s, e in taken) or 1900 <= number.value <= 2100:
            continue
        if statement.text[end : start].count(" ") <= 4 and -100 <= number.value <= 100:
            value = -number.value if statement.text[start - 1 : start] == "-" else number.value
            return [Found(spec.key, fmt_number(value), {"score": value, "key": fmt_number(value)})]
    return []


def _denied(statement: Statement, triggers) -> bool:
    """Whether the statement denies the trigger's thing ('we do not offer a pilot')."""
    from assistant.reading.assertion import statuses

    return "negated" in statuses(statement.text, list(triggers))


def _none_stated(spec: FieldSpec, statement: Statement, triggers) -> list[Found]:
    """'no set-up fee': a fee of nothing; 'weekend work: no surcharge': no extra charge."""
    for start, end in triggers:
        before = statement.text[max(0, start - 25) : start]
        after = statement.text[end : end + 25]
        said_none = _NONE_BEFORE.search(before) or re.match(r"\s*[:—-]?\s*(?:no|none)\b", after, re.I)
        if not said_none:
            continue
        if spec.value == "money":
            return [Found(spec.key, "none", {"amount": 0, "key": "none"})]
        if spec.value == "multiplier":
            what = statement.text[start:end].lower()
            return [Found(spec.key, f"{what}: no surcharge", {"applies_to": what, "none": True, "key": f"{what}:none"})]
    return []


def _found(spec: FieldSpec, mention: Mention, trigger: str) -> Found:
    value = mention.value
    note = None if spec.plain else STATUS_NOTE.get(mention.status)
    extra = {"status": mention.status} if note else {}
    if spec.value == "percent":
        text = f"{fmt_number(value['value'])}%"
        data = {"percent": value["value"], "key": fmt_number(value["value"])}
    elif spec.value == "duration":
        unit = spec.compare or value["unit"]
        amount = duration_seconds(value) / SECONDS[unit] if unit in SECONDS else value["amount"]
        amount = round(amount, 4)
        text = mention.text
        data = {unit: amount, "amount": value["amount"], "unit": value["unit"],
                "key": f"{fmt_number(amount)} {unit}"}
        if value.get("business"):
            data["business_time"] = True
    elif mention.kind == "money" and spec.value != "money":
        per = value.get("unit")
        text = fmt_money(value["currency"], value["amount"]) + (f" per {per}" if per else "")
        data = {"kind": "spend", "currency": value["currency"], "amount": value["amount"], "per": per,
                "key": text}
    elif mention.kind == "duration" and spec.value != "duration":
        text = f"{fmt_number(value['amount'])} {value['unit']}"
        data = {"kind": "volume", "amount": value["amount"], "unit": value["unit"], "key": text}
    elif mention.kind == "percent" and spec.value == "multiplier":
        data = {"applies_to": trigger, "uplift_percent": value["value"], "key": f"{trigger}:{value['value']}%"}
        text = f"{trigger}: {fmt_number(value['value'])}% uplift"
    elif spec.value == "money":
        if value["amount"] == 0:
            text, data = "none", {"amount": 0, "key": "none"}
        else:
            text = fmt_money(value["currency"], value["amount"])
            data = {"currency": value["currency"], "amount": value["amount"], "key": text}
            if spec.key == "one_time_fees":
                data["kind"] = trigger
                text = f"{text} ({trigger})"
            if spec.key == "vendor_estimate":
                text = f"{text} per month"
    elif spec.value == "count":
        what = value.get("what") or ""
        if spec.key == "pilot_size":
            data = {"agents": value["value"], "key": fmt_number(value["value"])}
            text = f"{fmt_number(value['value'])} agents"
        else:
            noun = "FTE" if what in ("FTE", "agents", "seats") else (what or "")
            data = {"kind": "volume", "amount": value["value"], "unit": noun, "key": fmt_number(value["value"])}
            text = f"{fmt_number(value['value'])} {noun}".strip()
    elif spec.value == "multiplier":
        data = {"applies_to": trigger, "multiplier": value["value"], "key": f"{trigger}:{value['value']}"}
        text = f"{trigger}: {fmt_number(value['value'])}x the standard rate"
    elif spec.value == "score":
        data = {"score": value["value"], "key": fmt_number(value["value"])}
        text = fmt_number(value["value"])
    else:
        data, text = {"key": mention.text}, mention.text
    if note:
        text = f"{text} ({note})"
    return Found(spec.key, text, {**data, **extra})
