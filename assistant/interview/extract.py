"""Free-text slot extraction: every slot mentioned anywhere in a message, not only the one asked.

Stages, in order (each marks the text it used so later stages do not read it twice):
compound patterns (hours, service levels, channel mix) -> vocabulary terms -> quantities
attributed by nearby cue words -> yes/no cues -> text slots -> short answers to the question.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.interview.patterns import (
    find_channel_hours,
    find_channel_mix,
    find_service_levels,
)
from assistant.interview.plan import Plan, SlotDef
from assistant.interview.quantities import Mention, find_money, find_quantities, overlaps
from assistant.interview.spans import clause_bounds, negated, sentence_bounds
from assistant.interview.vocab import TermHit, find_terms, phrase_pattern, unique

Span = tuple[int, int]
KIND_TYPES = {"money": "money", "duration": "duration", "percent": "percent", "number": "int"}
YES_RE = re.compile(
    r"^\s*(?:yes|yeah|yep|yup|sure|correct|definitely|absolutely|of course|please do|we do"
    r"|we will|we'd like|we would|required|needed|must|ok|okay|y)\b",
    re.I,
)
NO_RE = re.compile(
    r"^\s*(?:no|nope|nah|not really|not needed|not required|none|we don't|we do not|n/a"
    r"|never|nothing|not applicable|not|n)\b",
    re.I,
)
PREFER_RE = re.compile(
    r"\b(?:want|wants|prefer|preferred|would like|'d like|should|plan to|moving to|switch to)\b",
    re.I,
)
PER_MONTH_FACTOR = {
    "a year": 1 / 12, "per year": 1 / 12, "annually": 1 / 12, "per annum": 1 / 12,
    "yearly": 1 / 12, "a week": 52 / 12, "per week": 52 / 12, "weekly": 52 / 12,
    "a day": 30, "per day": 30, "daily": 30, "/year": 1 / 12, "/yr": 1 / 12,
    "/week": 52 / 12, "/day": 30,
}  # fmt: skip
RATE_RE = re.compile(
    rf"^(?:(?!month)[^.;,]){{0,25}}?(?P<per>{'|'.join(map(re.escape, PER_MONTH_FACTOR))})\b", re.I
)


@dataclass(frozen=True)
class Found:
    """One value read from a message; for lists `remove` marks names to take out."""

    slot: str
    value: Any
    span: Span | None = None
    remove: bool = False


def normalise(text: str) -> str:
    """Straight quotes and dashes, 'a.m.' as 'am', single spaces."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    text = re.sub(r"[\u2013\u2014]", "-", text)
    text = re.sub(r"\b([ap])\.m\.", r"\1m", text, flags=re.I)
    return re.sub(r"[ \t]+", " ", text).strip()


def extract(
    text: str,
    plan: Plan,
    pending: Sequence[str] = (),
    only: Sequence[str] | None = None,
    filled: Collection[str] = (),
) -> list[Found]:
    """Read every slot value the message states.

    Args:
        text: the buyer's message.
        plan: the interview plan (slots, vocabularies, cues).
        pending: slots of the question being asked; they win ties and take bare answers.
        only: read just these slots (a correction that names its slot).
        filled: slots the profile already holds; a number goes to them only on a clear cue.

    Returns:
        The values found, in stage order.
    """
    text = normalise(text)
    slots = _active_slots(plan, pending, only)
    taken: list[Span] = []
    found = _compound(text, plan, slots, pending, taken)
    money = find_money(text, taken)  # "$25 per hour" is a rate, not a pricing-model preference
    found += _vocabulary(text, plan, slots, pending, taken, [(m.start, m.end) for m in money])
    found += _quantities(text, slots, pending, taken, set(filled) - set(pending), money)
    found += _booleans(text, slots)
    found += _texts(text, slots, pending, found)
    found += _short_answers(text, plan, pending, found)
    return found


def _active_slots(plan: Plan, pending: Sequence[str], only: Sequence[str] | None) -> list[SlotDef]:
    names = set(only) if only is not None else None
    return [
        s
        for s in plan.slots
        if (names is None or s.name in names) and (s.incidental or s.name in pending or names)
    ]


def _of_type(slots: list[SlotDef], slot_type: str) -> list[SlotDef]:
    return [s for s in slots if s.type == slot_type]


def _compound(
    text: str, plan: Plan, slots: list[SlotDef], pending: Sequence[str], taken: list[Span]
) -> list[Found]:
    channels = plan.terms("channels")
    found: list[Found] = []
    for slot in _of_type(slots, "channel_hours"):
        if hours := find_channel_hours(text, channels, taken):
            found.append(Found(slot.name, hours))
    by_channel = {s.channel: s for s in _of_type(slots, "service_level")}
    default = next((s.channel for s in by_channel.values() if s.name in pending), None)
    if by_channel:
        for channel, level, _src in find_service_levels(text, channels, taken, default):
            slot = by_channel.get(channel)
            if slot and all(f.slot != slot.name for f in found):
                found.append(Found(slot.name, level))
    mix_slots = _of_type(slots, "channel_mix")
    if mix_slots and (mix := find_channel_mix(text, channels, taken)):
        found.append(Found(mix_slots[0].name, mix))
        found += [Found(s.name, list(mix)) for s in slots if s.vocabulary == "channels"]
    return found


def _vocabulary(
    text: str,
    plan: Plan,
    slots: list[SlotDef],
    pending: Sequence[str],
    taken: list[Span],
    blocked: list[Span],
) -> list[Found]:
    groups: dict[str, list[SlotDef]] = {}
    for slot in slots:
        if slot.type in ("enum", "list[str]") and slot.vocabulary:
            groups.setdefault(slot.vocabulary, []).append(slot)
    asked = {v for v, g in groups.items() if any(s.name in pending for s in g)}
    hits = {v: find_terms(text, plan.terms(v), blocked, v in asked) for v in groups}
    hits = _resolve_overlaps(hits, asked)
    found: list[Found] = []
    for vocab, group in groups.items():
        taken.extend(
            (h.start, h.end) for h in hits[vocab] if re.search(r"\d", text[h.start : h.end])
        )
        per_slot: dict[str, list[TermHit]] = {}
        for hit in hits[vocab]:
            slot = _closest_by_cue(text, hit.start, group, pending)
            if slot is not None:  # a shared vocabulary with no cue and no question: don't guess
                per_slot.setdefault(slot.name, []).append(hit)
        for slot in group:
            found += _vocab_found(text, slot, per_slot.get(slot.name, []))
    return found


def _resolve_overlaps(
    hits: dict[str, list[TermHit]], pending_vocabs: set[str]
) -> dict[str, list[TermHit]]:
    """Across vocabularies the longer phrase wins; on a tie the question's vocabulary does."""

    def beaten(vocab: str, hit: TermHit) -> bool:
        for other, others in hits.items():
            for o in others:
                if other == vocab or not (o.start < hit.end and hit.start < o.end):
                    continue
                longer = (o.end - o.start) > (hit.end - hit.start)
                if longer or (other in pending_vocabs and vocab not in pending_vocabs):
                    return True
        return False

    return {v: [h for h in hs if not beaten(v, h)] for v, hs in hits.items()}


def _preferred(text: str, hits: list[TermHit]) -> TermHit:
    """Of several values, the one the buyer says they want ('X today, but we want Y')."""
    for hit in hits:
        start, end = clause_bounds(text, hit.start)
        if PREFER_RE.search(text, start, end):
            return hit
    return hits[0]


def _vocab_found(text: str, slot: SlotDef, hits: list[TermHit]) -> list[Found]:
    keep = unique(h.name for h in hits if not h.negated)
    drop = unique(h.name for h in hits if h.negated and h.name not in keep)
    if slot.type == "enum":
        first = next((h for h in hits if not h.negated), None)
        if first is None:
            return []
        value = slot.combined_value if len(keep) > 1 and slot.combined_value else first.name
        if len(keep) > 1 and not slot.combined_value:
            first = _preferred(text, [h for h in hits if not h.negated])
            value = first.name
        return [Found(slot.name, value, (first.start, first.end))]
    found = []
    if keep:
        found.append(Found(slot.name, keep, (hits[0].start, hits[-1].end)))
    if drop:
        found.append(Found(slot.name, drop, None, remove=True))
    return found


@lru_cache(maxsize=512)
def _cue_regex(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    if not cues:
        return None
    return re.compile(
        "|".join(phrase_pattern(c) for c in sorted(cues, key=len, reverse=True)), re.I
    )


@lru_cache(maxsize=512)
def _cue_priorities(cues: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [re.compile(phrase_pattern(c), re.I) for c in cues]


def _cue_priority(cue_text: str, slot: SlotDef) -> int:
    """Cues are listed strongest first ('in total' before 'calls')."""
    patterns = _cue_priorities(slot.cues)
    return next((i for i, p in enumerate(patterns) if p.fullmatch(cue_text)), len(patterns))


def _cue_distance(
    text: str, pos: int, slot: SlotDef, end: int | None = None
) -> tuple[int, int, int] | None:
    """(0 same clause / 1 same sentence, distance in characters, cue priority) to the best cue."""
    regex = _cue_regex(slot.cues)
    if regex is None:
        return None
    s_start, s_end = sentence_bounds(text, pos)
    c_start, c_end = clause_bounds(text, pos)
    best: tuple[int, int, int] | None = None
    for m in regex.finditer(text, s_start, s_end):
        if _is_denominator(text, m):
            continue
        gap = max(m.start() - (end or pos), pos - m.end(), 0)
        rank = (0 if c_start <= m.start() < c_end else 1, gap, _cue_priority(m.group(0), slot))
        if end is not None and m.start() < end and pos < m.end():
            rank = (1, 30, 0)  # the value is its own cue ('doubles'): weaker than a real cue
        best = rank if best is None or rank < best else best
    return best


def _is_denominator(text: str, m: re.Match[str]) -> bool:
    """'per agent' names what a rate is divided by, not what the number counts."""
    if re.match(r"(?:per|each|every)\b", m.group(0), re.I):
        return False
    return bool(
        re.search(r"\b(?:per|each|every)\s+$", text[max(0, m.start() - 7) : m.start()], re.I)
    )


def _closest_by_cue(
    text: str, pos: int, group: list[SlotDef], pending: Sequence[str]
) -> SlotDef | None:
    if len(group) == 1:
        return group[0]
    ranked = [(d, s) for s in group if (d := _cue_distance(text, pos, s)) is not None]
    if ranked:
        return min(ranked, key=lambda pair: pair[0])[1]
    return next((s for s in group if s.name in pending), None)


def _quantities(
    text: str,
    slots: list[SlotDef],
    pending: Sequence[str],
    taken: list[Span],
    settled: set[str],
    money: list[Mention],
) -> list[Found]:
    """Pair each quantity with a slot of its type, best pair first.

    Tiers: a cue in the same clause (0) or sentence (1); the pending question (2); a cue for a
    slot that is already filled and not being asked (3, 4), so that '4 calls per agent' answers
    the QA question instead of overwriting the monthly volume.
    """
    mentions = sorted(money + find_quantities(text, taken), key=lambda m: m.start)
    pairs = []
    for m in mentions:
        for slot in _of_type(slots, KIND_TYPES[m.kind]):
            dist = _cue_distance(text, m.start, slot, m.end)
            if dist is not None and dist[1] <= 60:
                tier = dist[0] + (3 if slot.name in settled else 0)
                pairs.append(((tier, dist[1], dist[2], m.start), m, slot))
            if slot.name in pending:
                pairs.append(((2, 1000, 0, m.start), m, slot))
    used_m: set[int] = set()
    used_s: set[str] = set()
    found: list[Found] = []
    for _rank, m, slot in sorted(pairs, key=lambda p: p[0]):
        if m.start not in used_m and slot.name not in used_s:
            found.append(_quantity_found(text, m, slot))
            used_m.add(m.start)
            used_s.add(slot.name)
    for m in mentions:
        slot = None if m.start in used_m else _fallback_slot(m, slots, used_s)
        if slot:
            found.append(_quantity_found(text, m, slot))
            used_s.add(slot.name)
    return found


def _fallback_slot(m: Mention, slots: list[SlotDef], used: set[str]) -> SlotDef | None:
    typed = [s for s in _of_type(slots, KIND_TYPES[m.kind]) if s.name not in used]
    return next((s for s in typed if s.fallback), None)


def _quantity_found(text: str, m: Mention, slot: SlotDef) -> Found:
    value = m.value
    if slot.type == "int":
        if slot.per_month and (rate := RATE_RE.match(text[m.end :])):
            value *= PER_MONTH_FACTOR[rate.group("per").lower()]
        value = round(value)
    return Found(slot.name, value, (m.start, m.end))


def _booleans(text: str, slots: list[SlotDef]) -> list[Found]:
    found = []
    for slot in _of_type(slots, "bool"):
        regex = _cue_regex(slot.cues)
        m = regex.search(text) if regex else None
        if m:
            value = not negated(text, m.start(), m.end(), before=5, after=3)
            found.append(Found(slot.name, value, (m.start(), m.end())))
    return found


def _texts(
    text: str, slots: list[SlotDef], pending: Sequence[str], found: list[Found]
) -> list[Found]:
    out = []
    for slot in _of_type(slots, "text"):
        regex = _cue_regex(slot.cues)
        cue = regex.search(text) if regex else None
        value: tuple[str, Span] | None = None
        if cue:
            value = _text_near(text, cue.start(), slot)
        elif slot.name in pending:
            value = _text_answer(text, slot)
            if slot.pattern and not _plausible(value, found):
                value = None
        if value and value[0]:
            out.append(Found(slot.name, value[0], value[1]))
    return out


def _plausible(value: tuple[str, Span], found: list[Found]) -> bool:
    """A picked-out text is not a description ('a healthcare provider') nor a quantity."""
    if re.match(r"(?:a|an)\s", value[0], re.I):
        return False
    quantities = [f for f in found if f.span and not isinstance(f.value, str | list | bool)]
    return not any(overlaps(*f.span, [value[1]]) for f in quantities)


def _text_near(text: str, pos: int, slot: SlotDef) -> tuple[str, Span] | None:
    s_start, s_end = sentence_bounds(text, pos)
    if slot.pattern:
        m = re.compile(slot.pattern).search(text, s_start, s_end)
        return (_group(m).strip(), m.span()) if m else None
    c_start, c_end = clause_bounds(text, pos)
    return text[c_start:c_end].strip(), (c_start, c_end)


def _text_answer(text: str, slot: SlotDef) -> tuple[str, Span]:
    m = re.compile(slot.pattern).search(text) if slot.pattern else None
    if m is None:
        return text.strip()[:300], (0, len(text))
    span = m.span("value") if "value" in m.re.groupindex else m.span()
    return _group(m).strip(" .!"), span


def _group(m: re.Match[str]) -> str:
    return m.group("value") if "value" in m.re.groupindex else m.group(0)


def _short_answers(
    text: str, plan: Plan, pending: Sequence[str], found: list[Found]
) -> list[Found]:
    """'yes'/'no' to a yes/no question; 'none' to a list question."""
    if not pending:
        return []
    first = plan.slot(pending[0])
    done = {f.slot for f in found}
    if first.type == "bool" and first.name not in done:
        if YES_RE.match(text):
            return [Found(first.name, True, (0, len(text)))]
        if NO_RE.match(text):
            return [Found(first.name, False, (0, len(text)))]
    if first.type == "list[str]" and first.name not in done and NO_RE.match(text):
        return [Found(first.name, [], (0, len(text)))]
    return []
