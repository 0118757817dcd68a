"""Quantities the reading layer found, given to slots: renewal options, shares (channel mix,
evaluation weights), service levels, opening hours, monthly volume, and the rest by cue."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from assistant.interview import discourse as d
from assistant.interview.message import Mention
from assistant.interview.plan import SlotDef
from assistant.interview.readers import Context, Found
from assistant.interview.readers.cues import (
    SAME_SEGMENT,
    SAME_SENTENCE,
    SENTENCE_BEFORE,
    ctx_topics,
    named_topics,
    question_of,
    rank,
)
from assistant.interview.terms import phrase_pattern
from assistant.interview.values import Duration, Money, Renewal, ServiceLevel
from assistant.reading.quantities import duration_seconds
from assistant.reading.vocab import find_terms

PER_MONTH = {"month": 1.0, "year": 1 / 12, "quarter": 1 / 3, "week": 52 / 12, "fortnight": 26 / 12,
             "day": 30.0}  # fmt: skip
KIND_TYPES = {"money": ("money",), "duration": ("duration",), "percent": ("percent",),
              "count": ("int",), "multiplier": ("percent",), "number": ("int", "percent")}  # fmt: skip
WRITTEN = ("email", "chat", "messaging", "sms", "social")
RESPONSE = re.compile(
    r"answer|respon|repl|turnaround|handled|picked up|acknowledg|first response", re.I
)


def clause_span(ctx: Context, pos: int) -> tuple[int, int]:
    """The clause that holds `pos`, as the span a value was said in."""
    message = ctx.message
    return d.clause_of(message.text, pos, message.segments[message.segment_at(pos)])


def _found(ctx: Context, slot: str, value: Any, mention: Mention, **extra) -> Found:
    ctx.take(mention.start, mention.end)
    priority = extra.pop("priority", None) or ctx.priority(mention)
    return Found(slot, value, clause_span(ctx, mention.start), priority=priority, **extra)


def _duration(value: dict) -> Duration:
    return Duration(amount=value["amount"], unit=value["unit"])


# --------------------------------------------------------------------------- renewals

# 'N+M', each part may carry the year's letter: '2+1', '2y + 1y', '3y+1'
_YEAR_LETTER = r"(?:\s?(?:y|yrs?|years?)\b)?"
_PLUS = re.compile(
    rf"(?<![\w/.+-])(?P<base>\d{{1,2}})(?P<own_unit>{_YEAR_LETTER})\s*\+\s*(?P<first>\d{{1,2}})"
    rf"{_YEAR_LETTER}(?P<more>(?:\s*\+\s*\d{{1,2}}{_YEAR_LETTER})*)(?![\w%/+-]|\.\d)",
    re.I,
)
_COUNTED = re.compile(
    r"\b(?P<n>one|two|three|four|five|an|a|\d)\s+(?:optional\s+)?(?:(?P<len>[\w-]+)\s+)?(?:optional\s+)?"
    r"(?:options?|extensions?|renewals?|renewal periods?)\b(?:\s+(?:of|for|to extend by)\s+(?P<len2>[\w\s-]{2,24}?)(?=[,.;]|$))?",
    re.I,
)
_ORDINAL = re.compile(
    r"\b(?:the\s+)?option(?:al)?\s+(?:of\s+|for\s+)?an?\s+(?:second|third|fourth|fifth|sixth)"
    r"|\ban?\s+optional\s+(?:second|third|fourth|fifth|sixth)\b",
    re.I,
)
_TO_RENEW = re.compile(r"\boptions?\s+to\s+(?:renew|extend)\b", re.I)
_RENEWABLE = re.compile(
    r"\b(?:renewable|extendable|extendible|options?\s+to\s+(?:extend|renew)(?:\s+it)?)\s+"
    r"(?:up\s+to\s+)?(?P<n>once|twice|(?:three|four|five|\d+)\s+(?:more\s+|further\s+)?times)\b",
    re.I,
)
_TIMES = {"once": 1, "twice": 2}
# An 'N+M' that follows a stated term or an extension word, or is named options itself, is
# options only: 'three years plus 2+2', 'four years, 1+1 renewals'.
_OPTIONS_ONLY_BEFORE = re.compile(
    r"(?:\b(?:years?|months?|yrs?|extend(?:ed|able)?|extensions?|options?|renewals?|renew(?:able)?"
    r"|plus|further)|\d\s*(?:y|yr|m))[\s,:]*(?:by|of|for|with)?\s*(?:up\s+to\s+)?(?:another\s+)?$",
    re.I,
)
_OPTIONS_ONLY_AFTER = re.compile(
    r"\s*(?:(?:years?|yrs?|months?|-year|-month)\s*)?(?:optional\s+)?(?:extensions?|options?|renewals?)\b",
    re.I,
)
# 'by a year each time', ', a year at a time', 'by a further two years'
_EACH_LENGTH = re.compile(
    r"[\s,]*(?:each\s+)?(?:by|of|for)?\s*(?:a\s+further|another|an\s+additional|a\s+further)?\s*"
    r"(?P<len>an?|one|two|three|four|five|\d+)[\s-]+(?P<unit>year|month)s?\b",
    re.I,
)
_PLUS_WORD = re.compile(
    r"\b(?:years?|months?)\s+(?P<plus>plus)\s+(?P<n>one|two|three|\d)\b"
    r"(?!\s*(?:optional|one-year|year))",
    re.I,
)


def _count(word: str) -> int:
    """'two', '2', 'a' as a count of options (the reading layer reads the number words)."""
    from assistant.reading.numbers import find_numbers

    if word.lower() in ("a", "an"):
        return 1
    numbers = find_numbers(word)
    return int(numbers[0].value) if numbers else 0


def read_renewals(ctx: Context) -> list[Found]:
    """'2+1', 'two years plus one', 'two optional one-year extensions', 'the option of a third',
    'a three-year base with two one-year options' -> renewal options (and the base term of
    'N+M')."""
    slot = ctx.plan.slot_map.get("contract_renewal")
    if slot is None:
        return []
    found: list[Found] = []
    message = ctx.message
    for index, segment in enumerate(message.segments):
        text = message.text[segment.start : segment.end]
        if message.roles[index].question or message.roles[index].past:
            continue
        if not (
            rank(ctx, ctx.plan.slot("contract_term"), segment.start, segment.end)
            or rank(ctx, slot, segment.start, segment.end)
            or _TO_RENEW.search(text)
            or any(m.group("own_unit") for m in _PLUS.finditer(text))  # '3y + 1' says years
        ):
            continue
        found += _renewals_in(ctx, index, segment.start, text)
    return found


def _renewals_in(ctx: Context, index: int, offset: int, text: str) -> list[Found]:
    durations = [m for m in ctx.message.of_kind("duration") if m.segment == index]
    term_unit = next((m.value["unit"] for m in durations), "years")
    span = (offset, offset + len(text))
    for m in _PLUS.finditer(text):
        if not ctx.free(offset + m.start(), offset + m.end()):
            continue
        extra = [int(x) for x in re.findall(r"\d+", m.group("more"))]
        parts = [int(m.group("first")), *extra]
        ctx.take(offset + m.start(), offset + m.end())
        if _OPTIONS_ONLY_BEFORE.search(text[: m.start()]) or (
            not m.group("own_unit") and _OPTIONS_ONLY_AFTER.match(text, m.end())
        ):
            # 'three years plus 2+2', '1+1 renewals': every part is an option ('2y + 1y option'
            # keeps its base term: the first part is a length of its own)
            options = [int(m.group("base")), *parts]
            amount = options[0] if len(set(options)) == 1 else None
            renewal = Renewal(count=len(options), amount=amount, unit="years")
            return [Found("contract_renewal", renewal, span),
                    *_base_term(ctx, durations, offset + m.start(), span)]
        renewal = _spelt_out(ctx, index, offset + m.end(), sum(parts)) or Renewal(
            count=len(parts), amount=parts[0], unit="years"
        )
        term = Duration(amount=int(m.group("base")), unit="years")
        return [Found("contract_renewal", renewal, span), Found("contract_term", term, span)]
    for m in _COUNTED.finditer(text):
        count = _count(m.group("n"))
        ctx.take(offset + m.start(), offset + m.end())
        inside = [q for q in durations if offset + m.start() <= q.start < offset + m.end()]
        amount, unit = (
            (inside[0].value["amount"], inside[0].value["unit"]) if inside else (None, None)
        )
        for q in inside:
            ctx.take(q.start, q.end)
        if count:
            return [
                Found("contract_renewal", Renewal(count=count, amount=amount, unit=unit), span),
                *_base_term(ctx, durations, offset + m.start(), span),
            ]
    renewable = _RENEWABLE.search(text)
    if renewable:
        ctx.take(offset + renewable.start(), offset + renewable.end())
        word = renewable.group("n").lower()
        count = _TIMES.get(word) or _count(word.split()[0])
        after = [
            q
            for q in durations
            if q.start >= offset + renewable.end() and q.start - (offset + renewable.end()) < 24
        ]
        amount, unit = (after[0].value["amount"], after[0].value["unit"]) if after else (None, None)
        for q in after[:1]:
            ctx.take(q.start, q.end)
        each = _EACH_LENGTH.match(text, renewable.end())
        if amount is None and each:
            amount, unit = _count(each.group("len")), f"{each.group('unit').lower()}s"
        return [
            Found("contract_renewal", Renewal(count=count, amount=amount, unit=unit), span),
            *_base_term(ctx, durations, offset + renewable.start(), span),
        ]
    plus = _PLUS_WORD.search(text)
    if plus and ctx.free(offset + plus.start("plus"), offset + plus.end()):
        # 'two years plus one' is '2+1': one renewal of the number said, in the term's unit
        ctx.take(offset + plus.start("plus"), offset + plus.end())
        renewal = Renewal(count=1, amount=_count(plus.group("n")), unit=term_unit)
        return [
            Found("contract_renewal", renewal, span),
            *_base_term(ctx, durations, offset + plus.start("plus"), span),
        ]
    found = _ORDINAL.search(text)
    if found:
        ctx.take(offset + found.start(), offset + found.end())
        return [
            Found("contract_renewal", Renewal(count=1, amount=1, unit=term_unit), span),
            *_base_term(ctx, durations, offset + found.start(), span),
        ]
    extension = _extension_of_length(ctx, durations, offset, text, term_unit)
    if extension:
        return [Found("contract_renewal", extension, span)]
    if _TO_RENEW.search(text):
        return [Found("contract_renewal", Renewal(count=1), span)]
    return []


def _spelt_out(ctx: Context, index: int, after: int, years: int) -> Renewal | None:
    """The options of an 'N+M' said again in words later in its sentence ('3+2: three years
    base, then two one-year renewals'), where the words add up to the M years."""
    end = ctx.message.sentence_span(index)[1]
    durations = ctx.message.of_kind("duration")
    for m in _COUNTED.finditer(ctx.text, after, end):
        count = _count(m.group("n"))
        inside = [q for q in durations if m.start() <= q.start < m.end()]
        if not (count and inside and inside[0].value["unit"] == "years"):
            continue
        if count * inside[0].value["amount"] == years:
            ctx.take(m.start(), m.end())
            return Renewal(count=count, amount=inside[0].value["amount"], unit="years")
    return None


# the words that open an extension, before its length: 'the option to extend (by)',
# 'possibility of', 'extends automatically by', 'renewable for', 'renew each'
_EXTENSION_CUE = re.compile(
    r"\b(?:(?:options?|possibility|possibilities|right)(?:\s+(?:to|of)\s+(?:extend|extending|"
    r"renew|renewing|prolong)(?:\s+(?:it|the\s+contract|the\s+term))?)?|extend(?:s|ed)?|"
    r"renew(?:s|ed|able)?|extendable|prolong(?:s|ed)?)\b",
    re.I,
)
# between the cue and the length: 'by', 'of a further', 'automatically always by', 'for up to',
# and a count of periods ('by three further periods of')
_TO_LENGTH = re.compile(
    r"(?:\s+(?:by|of|for|with|up\s+to|automatically|always|then|each\s+time|a\s+further|further|"
    r"another|an\s+additional|additional|one\s+more))*\s+"
    r"(?:(?P<n>one|two|three|four|five|\d)\s+(?:further\s+|more\s+|additional\s+)?"
    r"(?:periods?|terms?|times)\s+of\s+)?",
    re.I,
)
# a further length without its unit, the term's unit understood: 'the option of a further two'
_BARE_FURTHER = re.compile(
    r"\s+(?:of|for|by)?\s*(?:a\s+further|another|an\s+additional)\s+"
    r"(?P<n>one|two|three|four|five|\d)\b(?!\s*(?:[-\w]*\s+)?(?:years?|months?|times|options?))",
    re.I,
)
_EACH_PERIOD = re.compile(r"\s+(?:each|every)\s+(?P<unit>year|month)\b", re.I)
_AT_MOST_TIMES = re.compile(
    r"\b(?:(?:a\s+)?maximum(?:\s+of)?|max\.?|up\s+to|at\s+most|no\s+more\s+than)\s+"
    r"(?P<n>once|twice|(?:one|two|three|four|five|\d)\s+times)\b",
    re.I,
)
_SELF_RENEWING = re.compile(r"\bautomatic(?:ally)?\b|\bunless\b|\bif\s+(?:nobody|no\s+one|neither)\b", re.I)
# a length named the option itself: 'Contract 4y w/ 2y option', 'an 18-month extension'
_LENGTH_OPTION = re.compile(r"\s*-?\s*(?:optional\s+)?(?:option|extension|renewal)\b(?!s)", re.I)


def _extension_of_length(
    ctx: Context, durations: list[Mention], offset: int, text: str, term_unit: str
) -> Renewal | None:
    """An extension whose length follows its cue ('a three-year deal with the option to
    extend one more year', 'the possibility of another year', 'to extend by three further periods
    of six months', 'renews automatically by one year unless cancelled', 'renew each year, up to
    four times', 'with the option of a further two') or is named the option ('4y w/ 2y option').
    One option unless a count or 'at most N times' says more; none counted where it renews itself
    until cancelled."""
    for q in durations:
        if q.value["unit"] in ("months", "years") and _LENGTH_OPTION.match(text, q.end - offset):
            return Renewal(count=1, amount=q.value["amount"], unit=q.value["unit"])
    for cue in _EXTENSION_CUE.finditer(text):
        length = _length_after(durations, offset, text, cue.end(), term_unit)
        if length is None:
            continue
        n, amount, unit = length
        times = _AT_MOST_TIMES.search(text, cue.end())
        if times:
            word = times.group("n").lower()
            n = _TIMES.get(word) or _count(word.split()[0])
        elif not n and _SELF_RENEWING.search(text):
            return Renewal(count=None, amount=amount, unit=unit)
        return Renewal(count=n or 1, amount=amount, unit=unit)
    return None


def _length_after(
    durations: list[Mention], offset: int, text: str, at: int, term_unit: str
) -> tuple[int, float, str] | None:
    """(periods counted, amount, unit) of the length just after an extension cue."""
    for q in durations:
        joined = q.start - offset > at and _TO_LENGTH.fullmatch(text, at, q.start - offset)
        if joined and q.value["unit"] in ("months", "years"):
            n = _count(joined.group("n")) if joined.group("n") else 0
            return n, q.value["amount"], q.value["unit"]
    each = _EACH_PERIOD.match(text, at)
    if each:
        return 0, 1, f"{each.group('unit').lower()}s"
    bare = _BARE_FURTHER.match(text, at)
    if bare and term_unit in ("months", "years"):
        return 0, _count(bare.group("n")), term_unit
    return None


# --------------------------------------------------------------------------- shares

_JOINS_TERM = re.compile(
    r"\s*(?:(?:,|plus|with|and|an?|the|base|initial|term|contract|period)\s*)*", re.I
)


def _base_term(ctx: Context, durations: list[Mention], start: int, span) -> list[Found]:
    """'three years plus two optional one-year extensions': the duration just before the
    options is the initial term."""
    before = [
        q
        for q in durations
        if q.end <= start
        and ctx.free(q.start, q.end)
        and q.stated
        and q.value["unit"] in ("months", "years")
        and _JOINS_TERM.fullmatch(ctx.text[q.end : start])
    ]
    if not before:
        return []
    ctx.take(before[-1].start, before[-1].end)
    return [Found("contract_term", _duration(before[-1].value), span)]


def _share_numbers(ctx: Context) -> list[tuple[int, int, float, bool]]:
    """(start, end, value, old) of every number that may be a share: percentages, bare numbers
    up to 100 that no other mention holds, shares in words; `old` for 'not 30' ('chat is 20 not
    30') and 'than 50'."""
    message = ctx.message
    found = []
    for m in message.of_kind("percent"):
        if ctx.free(m.start, m.end):
            found.append((m.start, m.end, float(m.value["value"]), _old(message.text, m.start)))
    held = [(m.start, m.end) for m in message.mentions if m.kind != "percent"]
    for n in message.numbers:
        if (
            0 < n.value <= 100
            and not any(s <= n.start < e for s, e in held)
            and not any(s <= n.start < e for s, e, _, _ in found)
            and ctx.free(n.start, n.end)
            and not re.match(r"[%+]|[/:.]\d", message.text[n.end : n.end + 2])
            and not re.match(r"\s*(?:percent|per cent|pct)", message.text[n.end :], re.I)
        ):
            found.append((n.start, n.end, n.value, _old(message.text, n.start)))
    for q in message.fractions:
        if ctx.free(q.start, q.end) and not any(s < q.end and q.start < e for s, e, _, _ in found):
            found.append((q.start, q.end, float(q.value["value"]), False))
    return sorted(found)


def _old(text: str, start: int) -> bool:
    return bool(
        re.search(
            r"\b(?:not|than|instead of|rather than|from)\s+$",
            text[max(0, start - 14) : start],
            re.I,
        )
    ) or bool(_QUOTED.search(text[max(0, start - 40) : start]))


# 'I told you email 15 - it's more like 12': the buyer quotes what it said before to correct it.
_QUOTED = re.compile(
    r"\b(?:I said|I gave(?: you)?|I told you|I wrote|I put|you have|you've got)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)
_NEW_VALUE = re.compile(
    r"(?:more like|it's|it is|make it|should be|should read|actually|rather|closer to)\s+"
    r"(?:about\s+|around\s+|roughly\s+)?$",
    re.I,
)


def _quoted_pairs(ctx: Context, terms: list[Mention], numbers, pairs) -> list:
    """'I told you email 15 - it's more like 12': the term before a quoted old value takes the
    value said after 'more like' / 'it's' later in the sentence."""
    out = []
    used = {n for _, n in pairs}
    for number in numbers:
        start, _end, _value, old = number
        if not old or not _QUOTED.search(ctx.text[max(0, start - 40) : start]):
            continue
        term = next((t for t in reversed(terms) if t.end <= start and start - t.end <= 3), None)
        if term is None or any(p[0] is term for p in pairs):
            continue
        sentence = ctx.message.sentences[ctx.message.segments[term.segment].sentence]
        new = next(
            (
                n
                for n in numbers
                if start < n[0] < sentence[1]
                and not n[3]
                and n not in used
                and _NEW_VALUE.search(ctx.text[max(0, n[0] - 24) : n[0]])
            ),
            None,
        )
        if new is not None:
            out.append((term, new))
            used.add(new)
    return out


def _pairs(
    ctx: Context, terms: list[Mention], numbers, window: int = 6
) -> list[tuple[Mention, tuple]]:
    """Terms and shares paired within a sentence, a few words apart with no other term between:
    each term with the share after it ('Phone 70 chat 30') or each with the share before it
    ('70% voice, 30% chat'), whichever pairs more; each term name and share is paired once."""
    after = _paired(ctx, terms, numbers, window, share_after=True)
    before = _paired(ctx, terms, numbers, window, share_after=False)
    if len(after) != len(before):
        return after if len(after) > len(before) else before
    return after if _spread(ctx, after, True) <= _spread(ctx, before, False) else before


def _spread(ctx: Context, pairs, share_after: bool) -> int:
    """Words between the terms and their shares, over all pairs."""
    return sum(
        len((ctx.text[t.end : n[0]] if share_after else ctx.text[n[1] : t.start]).split())
        for t, n in pairs
    )


def _paired(ctx: Context, terms: list[Mention], numbers, window: int, share_after: bool):
    text = ctx.text
    candidates = []
    for term in terms:
        sentence = ctx.message.sentences[ctx.message.segments[term.segment].sentence]
        for number in numbers:
            start, end, _value, old = number
            if (
                old
                or not (sentence[0] <= start < sentence[1])
                or (start >= term.end) != share_after
            ):
                continue
            between = text[term.end : start] if share_after else text[end : term.start]
            if re.search(r"[.;!?]", between) or len(between.split()) > window:
                continue
            if any(
                t.start >= min(term.end, end) and t.end <= max(term.start, start)
                for t in terms
                if t is not term
            ):
                continue  # another term stands between them
            candidates.append((len(between.split()), term.start, term, number))
    pairs, names, used = [], set(), set()
    for _distance, _start, term, number in sorted(candidates, key=lambda c: (c[0], c[1])):
        if term.name in names or number in used:
            continue
        names.add(term.name)
        used.add(number)
        pairs.append((term, number))
    return sorted(pairs, key=lambda p: p[0].start)


def _later_pairs(ctx: Context, terms: list[Mention], numbers, pairs) -> list:
    """Shares given again after a correction word ('Correction: chat is 15% and email 25%'):
    each sentence that corrects is paired on its own."""
    marks = sorted(c for r in ctx.message.roles for c in r.corrections)
    if not marks:
        return []
    used = {n for _, n in pairs}
    later_terms = [t for t in terms if t.start > marks[0] and not any(p[0] is t for p in pairs)]
    later_numbers = [n for n in numbers if n[0] > marks[0] and n not in used]
    return _pairs(ctx, later_terms, later_numbers) if later_terms and later_numbers else []


_REST = re.compile(
    r"\b(?:the rest|the remainder|remainder|remaining|rest)\b(?:\s+(?:is|are|via|by|on|in|to|goes to|go to))?\s*$",
    re.I,
)


_EVEN_SPLIT = re.compile(
    r"\b(?:the rest|the remainder|remainder|remaining|rest)\b(?:\s+(?:is|are|gets?))?\s+"
    r"(?:split|divided|shared)\s+(?:evenly|equally|fifty-fifty|50/50)\s+(?:between|across|among)\s+"
    r"(?:the\s+)?$",
    re.I,
)
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*[&/]\s*)(?:the\s+)?", re.I)


def _evenly_split(ctx: Context, terms: list[Mention]) -> list[Mention]:
    """'the rest split evenly between email and chat': the terms that share the remainder."""
    ordered = sorted(terms, key=lambda t: t.start)
    for i, term in enumerate(ordered):
        if _EVEN_SPLIT.search(ctx.text[max(0, term.start - 60) : term.start]):
            group = [term]
            for later in ordered[i + 1 :]:
                if not _LIST_JOIN.fullmatch(ctx.text[group[-1].end : later.start]):
                    break
                group.append(later)
            return group if len(group) >= 2 else []
    return []


def read_distributions(ctx: Context) -> list[Found]:
    """Shares per channel ('Phone 70 chat 30', 'half phone, 30% chat, the rest email') and
    weights per evaluation criterion ('70% quality / 30% price', 'price 30, experience 20')."""
    found = []
    channels = [m for m in ctx.message.of_kind("channel") if ctx.usable(m) and m.stated]
    found += _ratio_mix(ctx, channels)
    numbers = _share_numbers(ctx)
    found += _distribution(ctx, "channel_mix", "channels", channels, numbers)
    criteria = [m for m in ctx.message.of_kind("term:criteria") if ctx.usable(m) and m.stated]
    found += _distribution(ctx, "evaluation_weights", "evaluation_criteria", criteria, numbers)
    return found


_RATIO_PAIR = re.compile(r"(?<![\w/.])(?P<a>\d{1,2})\s*[/:]\s*(?P<b>\d{1,2})(?![\w/%]|\.\d)")
_SPEED = re.compile(r"service levels?|\bSLA?s?\b|answer|within|seconds|\bsecs?\b|target", re.I)
_CHANNEL_JOIN = re.compile(r"\s*(?:to|and|/|:|vs\.?|versus)\s*", re.I)


def _ratio_mix(ctx: Context, channels: list[Mention]) -> list[Found]:
    """'60/40 phone to chat', 'phone/chat 70:30': two shares written as a ratio, for two
    channels named together just after (or just before) it."""
    if "channel_mix" not in ctx.plan.slot_map:
        return []
    for m in _RATIO_PAIR.finditer(ctx.text):
        a, b = int(m.group("a")), int(m.group("b"))
        segment = ctx.message.segment_text(ctx.message.segment_at(m.start()))
        if not 95 <= a + b <= 105 or not ctx.free(m.start(), m.end()) or _SPEED.search(segment):
            continue  # '80/20 for phone and chat' under a service-level word is a level
        after = [c for c in channels if m.end() <= c.start <= m.end() + 3]
        before = [c for c in channels if m.start() - 3 <= c.end <= m.start()]
        for first in after + [None]:
            pair = _joined_pair(ctx, channels, first) if first else None
            if pair:
                break
        if not pair and before:
            second = before[-1]
            earlier = [c for c in channels if c.end <= second.start]
            if earlier and _CHANNEL_JOIN.fullmatch(ctx.text[earlier[-1].end : second.start]):
                pair = (earlier[-1], second)
        if not pair or pair[0].name == pair[1].name:
            continue
        ctx.take(m.start(), m.end())
        for c in pair:
            ctx.take(c.start, c.end)
        span = (min(m.start(), pair[0].start), max(m.end(), pair[1].end))
        mix = {pair[0].name: float(a), pair[1].name: float(b)}
        return [
            Found("channel_mix", mix, span),
            Found("channels", [pair[0].name, pair[1].name], span),
        ]
    return []


def _joined_pair(ctx: Context, channels: list[Mention], first: Mention):
    later = [c for c in channels if c.start >= first.end]
    if later and _CHANNEL_JOIN.fullmatch(ctx.text[first.end : later[0].start]):
        return first, later[0]
    return None


def _distribution(
    ctx: Context, slot: str, list_slot: str, terms: list[Mention], numbers
) -> list[Found]:
    if slot not in ctx.plan.slot_map or not terms:
        return []
    pairs = _pairs(ctx, terms, numbers)
    pairs += _later_pairs(ctx, terms, numbers, pairs)
    pairs += _quoted_pairs(ctx, terms, numbers, pairs)
    shares: dict[str, float | None] = {}
    said: dict[str, int] = {}
    for term, (start, _e, value, _old) in sorted(pairs, key=lambda p: p[1][0]):
        if term.name not in shares or _corrected_between(ctx, said[term.name], start):
            shares[term.name], said[term.name] = value, start
    for term in terms:
        if term.name not in shares and _REST.search(ctx.text[max(0, term.start - 24) : term.start]):
            shares[term.name] = None
    even = {t.name for t in _evenly_split(ctx, terms) if shares.get(t.name) is None}
    shares |= dict.fromkeys(even)
    rest = [name for name, value in shares.items() if value is None]
    if not shares or (len(rest) > 1 and set(rest) != even):
        return []  # several channels take 'the rest' and nothing says how it is shared
    known = sum(v for v in shares.values() if v is not None)
    complete = len(shares) >= 2 and (
        95 <= known <= 105 or (None in shares.values() and known < 100)
    )
    partial = (
        not complete
        and slot in ctx.filled
        and ctx.message.roles
        # a correction said, not an 'actually' in a question ('can vendors actually staff it?')
        and any(r.corrections and not r.question for r in ctx.message.roles)
    )
    if not (complete or partial):
        return []
    each = max(100 - known, 0) / len(rest) if rest else 0.0
    values = {k: round(v if v is not None else each, 1) for k, v in shares.items()}
    used = [t for t, _ in pairs] + [t for t in terms if shares.get(t.name, 0) is None]
    for term, (s, e, _v, _o) in pairs:
        ctx.take(s, e)
        ctx.take(term.start, term.end)
    # the quote runs over every term and its share: 'phone 70 chat 30' ends at the 30
    start = min([t.start for t in used] + [n[0] for _, n in pairs])
    end = max([t.end for t in used] + [n[1] for _, n in pairs])
    ordered = dict(sorted(values.items(), key=lambda kv: -kv[1]))
    result = [Found(slot, ordered, (start, end), partial=not complete)]
    if complete:
        result.append(Found(list_slot, list(ordered), (start, end)))
    else:  # 'phone is 25, not 20': a correction of some shares names not every channel
        ctx.share_keys += [(t.start, t.end) for t, _ in pairs]
    return result


# --------------------------------------------------------------------------- service levels


def read_service_levels(ctx: Context) -> list[Found]:
    """'85/20 on the phone', 'ninety percent of calls within 20 seconds', 'within 20 seconds,
    80%', and for written channels 'emails answered within 2 working days'."""
    by_channel = {s.channel: s for s in ctx.slots_of("service_level")}
    pending = next((s.channel for s in by_channel.values() if s.name in ctx.pending), None)
    found = []
    for m in ctx.message.of_kind("service_level"):
        if not ctx.usable(m) or not m.stated or _baseline(ctx, m):
            continue
        if re.fullmatch(r"\d+\s?/\s?\d+", m.text) and not (pending or _speaks_of_levels(ctx, m)):
            continue  # '80/20' is a service level only where answering speed is the topic
        channels = _channels_after(ctx, m) or [
            _channel_for(ctx, m, clause_only=True) or _label_channel(ctx, m) or pending or "voice"
        ]
        for channel in channels:
            slot = by_channel.get("chat" if channel == "messaging" else channel)
            if slot is not None:
                value = ServiceLevel(
                    percent=m.value["percent"], seconds=m.value["seconds"],
                    business=m.value.get("business", False),
                )
                found.append(_found(ctx, slot.name, value, m))
    found += _the_same(ctx, found, by_channel)
    for m in ctx.message.of_kind("duration"):
        if not ctx.usable(m) or not m.stated or _baseline(ctx, m):
            continue
        before = ctx.text[max(0, m.start - 12) : m.start]
        bare = pending in WRITTEN and ctx.short
        if not (re.search(r"\b(?:within|in|under|inside)\s+$", before, re.I) or bare):
            continue
        clause = clause_span(ctx, m.start)
        channel = _channel_for(ctx, m)
        responds = (
            RESPONSE.search(ctx.text, clause[0], clause[1])
            or _channel_for(ctx, m, clause_only=True) in WRITTEN
        )
        if channel in WRITTEN and responds or bare:
            slot = by_channel.get(
                "chat" if (channel or pending) == "messaging" else (channel or pending)
            )
            if slot is not None and m.value["unit"] in ("seconds", "minutes", "hours", "days"):
                found.append(
                    _found(ctx, slot.name, ServiceLevel(
                        seconds=duration_seconds(m.value), business=m.value.get("business", False)
                    ), m)
                )
    return found


def _label_channel(ctx: Context, mention: Mention) -> str | None:
    """'Chat: 85% within 45 seconds': the channel the sentence's label names."""
    start = ctx.message.sentence_span(mention.segment)[0]
    label = ctx.message.label(mention.segment)
    named = [c for c in ctx.message.of_kind("channel") if start <= c.start < start + len(label)]
    return named[0].name if len(named) == 1 else None


_FOR_CHANNELS = re.compile(r"\s*(?:for|on|across)\s+(?:the\s+|both\s+)?$", re.I)


def _channels_after(ctx: Context, mention: Mention) -> list[str]:
    """'90/30 for phone and chat': the channels the value is said for, after it."""
    segment = ctx.message.segments[mention.segment]
    after = [
        c
        for c in ctx.message.of_kind("channel")
        if mention.end <= c.start < segment.end and c.stated
    ]
    if not after or not _FOR_CHANNELS.fullmatch(ctx.text[mention.end : after[0].start]):
        return []
    names = []
    for i, c in enumerate(after):
        upto = after[i + 1].start if i + 1 < len(after) else segment.end
        rest = ctx.text[c.end : upto]
        names.append(c.name)
        if not re.fullmatch(r"[\s,.;!]*(?:(?:and|&|or|/)\s*)?", rest, re.I):
            break  # 'on the phone, and emails answered within …': the list has ended
    return list(dict.fromkeys(names))


_SAME = re.compile(r"\s*(?:is\s+|are\s+)?(?:the\s+)?same\b", re.I)


def _the_same(ctx: Context, found: list[Found], by_channel: dict) -> list[Found]:
    """'voice 80% in 60s, chat the same': a channel given the level said just before."""
    if not found:
        return []
    out = []
    taken = {f.slot for f in found}
    for c in ctx.message.of_kind("channel"):
        if not _SAME.match(ctx.text, c.end) or c.start < (found[-1].span or (0, 0))[0]:
            continue
        slot = by_channel.get("chat" if c.name == "messaging" else c.name)
        if slot is not None and slot.name not in taken:
            out.append(Found(slot.name, found[-1].value, (c.start, c.end)))
    return out


LEVEL_WORDS = re.compile(
    r"service level|\bSLA?s?\b|\btargets?\b|answer|\bASA\b|speed|grade of service|\bGoS\b|"
    r"on the phones?|of calls|calls?\b",
    re.I,
)


def _speaks_of_levels(ctx: Context, mention: Mention) -> bool:
    segment = ctx.message.segments[mention.segment]
    return bool(LEVEL_WORDS.search(ctx.text, segment.start, segment.end)) or bool(
        LEVEL_WORDS.search(ctx.message.label(mention.segment))
    )


def _baseline(ctx: Context, mention: Mention) -> bool:
    """A figure about today: its segment, or the label of its sentence, says so; not a figure
    in a clause of its own after the baseline ('FCR is 64% now and we want it at 75')."""
    message = ctx.message
    if d.find(d.words().baseline, message.label(mention.segment)):
        return True
    if not message.roles[mention.segment].baseline:
        return False
    segment = message.segments[mention.segment]
    start, end = _own_clause(ctx, segment.start, segment.end, mention)
    return bool(d.find(d.words().baseline, ctx.text, start, end))


# a new clause with its own subject: '…, and we want it at 75', '… but we'd like 80/20'
_NEW_CLAUSE = re.compile(
    r"[,;]\s*(?:and|but)\s+(?=(?:I|we|I'd|we'd|I'm|we're|the\s+goal|the\s+target|our\s+goal)\b)|"
    r"\b(?:and|but)\s+(?=(?:I|we|I'd|we'd|I'm|we're|the\s+goal|the\s+target|our\s+goal)\b)",
    re.I,
)


def _own_clause(ctx: Context, start: int, end: int, mention: Mention) -> tuple[int, int]:
    """The stretch of the segment between the new clauses around the mention."""
    cuts = [m.start() for m in _NEW_CLAUSE.finditer(ctx.text, start, end)]
    before = [c for c in cuts if c <= mention.start]
    after = [c for c in cuts if c >= mention.end]
    return (before[-1] if before else start, after[0] if after else end)


def _channel_for(ctx: Context, mention: Mention, clause_only: bool = False) -> str | None:
    """The channel a value is said of: named inside it ('of calls'), in its clause, then (unless
    `clause_only`) in its segment, then its sentence."""
    channels = [c for c in ctx.message.of_kind("channel") if c.stated]
    inside = find_terms(mention.text, ("channel",))
    if inside:
        return inside[0].name
    clause = clause_span(ctx, mention.start)
    segment = ctx.message.segments[mention.segment]
    sentence = ctx.message.sentences[segment.sentence]
    for lo, hi in (clause,) if clause_only else (clause, (segment.start, segment.end), sentence):
        near = [c for c in channels if lo <= c.start < hi]
        if near:
            return min(near, key=lambda c: abs(c.start - mention.start)).name
    return None


# --------------------------------------------------------------------------- opening hours


def hours_text(value: dict) -> str:
    """'24/7', 'Mon-Fri 08:00-20:00', 'Mon-Fri 08:00-20:00 ET', 'Sat'."""
    if value.get("always"):
        return "24/7"
    if value.get("business"):
        return "business hours"
    parts = [value.get("days") or ""]
    if value.get("start") and value.get("end"):
        parts.append(f"{value['start']}-{value['end']}")
    if value.get("tz"):
        parts.append(value["tz"])
    return " ".join(p for p in parts if p)


def read_hours(ctx: Context) -> list[Found]:
    """Opening hours per channel ('phones 7am to 11pm every day, and email on weekdays, 9am to
    5.30pm'); 'all' when no channel is named; 'not 24/7' says the service is not open around
    the clock. Hours said as nice to have are not the opening hours."""
    slot = ctx.plan.slot_map.get("channel_hours")
    if slot is None:
        return []
    hours: dict[str, list[tuple[str | None, str, int]]] = {}
    spans: list[tuple[int, int]] = []
    found: list[Found] = []
    last: tuple[list[str], int] | None = None  # the channels and start of the last hours read
    for m in _times_with_their_days(ctx, ctx.message.of_kind("hours")):
        if not ctx.usable(m):
            continue
        if m.status == "negated":
            if m.value.get("always") and "open_24_7" in ctx.plan.slot_map:
                found.append(_found(ctx, "open_24_7", False, m))
            continue
        if not m.stated or ctx.priority(m) == "nice":
            continue
        if "channel_hours" in ctx.filled and _hours_of_a_period(ctx, m):
            continue  # 'for Clearing we'd need the lines open 8am to 8pm for the two weeks'
        here = len([h for h in ctx.message.of_kind("hours") if h.segment == m.segment])
        channels = _channel_for_hours(ctx, m, here)
        if channels == ["all"] and last and _corrected_between(ctx, last[1], m.start):
            channels = last[0]  # 'Phones 8 to 6. Sorry, 8 to 7': the same phones' hours
        if channels:
            last = (channels, m.start)
        for channel in channels:
            said = hours.setdefault(channel, [])
            if said and _corrected_between(ctx, said[-1][2], m.start):
                # 'open 8 to 6 - sorry, 8 to 7': the corrected hours go; those of other days
                # stay ('Mon-Fri 7-7 and Sat 10-2 - no wait, Saturday runs 10 till 3')
                days = m.value.get("days")
                replaced = [i for i in said if not (days and i[0] and i[0] != days)]
                said[:] = [i for i in said if i not in replaced]
                if days is None and len(replaced) == 1 and replaced[0][0]:
                    # 'Mon-Fri 8 to 6 - sorry, 8 to 7': the new times, on the same days
                    value = {**m.value, "days": replaced[0][0]}
                    said.append((value["days"], hours_text(value), m.start))
                    continue
            said.append((m.value.get("days"), hours_text(m.value), m.start))
        if channels:
            spans.append(clause_span(ctx, m.start))
            ctx.take(m.start, m.end)
    if not hours:
        return found
    value = {channel: _joined(ctx, items) for channel, items in hours.items()}
    span = (min(s for s, _ in spans), max(e for _, e in spans))
    return [*found, Found("channel_hours", value, span)]


# between times and the days they are said for: a time zone, a comma ('7:00 to 19:00 Paris
# time, Monday to Saturday', '09:00-18:00 Lisbon time Monday to Friday')
_TIMES_TO_DAYS = re.compile(
    r"[\s,]*(?:\(?(?:[A-Z][\w]*\s+){0,2}time\)?|\(?[A-Z]{2,5}\)?)?[\s,]*(?:on\s+|from\s+)?", re.I
)


def _times_with_their_days(ctx: Context, hours: list[Mention]) -> list[Mention]:
    """Times with no days followed (past a time zone or a comma) by days with no times are one
    set of hours: the days are the times' days."""
    out: list[Mention] = []
    skip = None
    for i, m in enumerate(hours):
        if m is skip:
            continue
        nxt = hours[i + 1] if i + 1 < len(hours) else None
        if (
            nxt is not None
            and m.value.get("start")
            and not m.value.get("days")
            and nxt.value.get("days")
            and not nxt.value.get("start")
            and not nxt.value.get("always")
            and m.segment == nxt.segment
            and _TIMES_TO_DAYS.fullmatch(ctx.text, m.end, nxt.start)
        ):
            value = {**m.value, "days": nxt.value["days"]}
            out.append(replace(m, value=value, end=nxt.end, text=ctx.text[m.start : nxt.end]))
            skip = nxt
            continue
        out.append(m)
    return out


_OF_A_PERIOD = re.compile(
    r"\bfor (?:the|those|these) (?:\w+\s+)?(?:weeks?|days?|months?|fortnight)\b|"
    r"\b(?:during|over|at|for) (?:the\s+)?(?:peak|busy season|peak season|surge|holiday season)\b|"
    r"\bduring (?:the\s+)?[A-Z]\w+",
)


def _hours_of_a_period(ctx: Context, mention: Mention) -> bool:
    """Hours said for a period of their own ('for the two weeks', 'during the peak', 'during
    Clearing'), once the standing hours are known: the period's hours, not the opening hours."""
    start, end = ctx.message.sentence_span(mention.segment)
    return bool(_OF_A_PERIOD.search(ctx.text[start:end]))


def _channel_for_hours(ctx: Context, mention: Mention, hours_here: int) -> list[str]:
    """The channels the hours are said of: those of its clause, else of its segment (all of
    them when the segment gives one set of hours: 'phone and chat 24/7'); 'all' when none is
    named; none when the channel is a particular line ('the motor claims hotline')."""
    segment = ctx.message.segments[mention.segment]
    channels = [
        c
        for c in ctx.message.of_kind("channel")
        if c.stated and segment.start <= c.start < segment.end
    ]
    clause = clause_span(ctx, mention.start)
    if _PARTICULAR_LINE.search(ctx.text, clause[0], clause[1]):
        return []  # 'an out-of-hours emergency line 24/7': a requirement of its own
    own = [c for c in channels if clause[0] <= c.start < clause[1]]
    near = own or channels
    if not near:
        return _carried_channels(ctx, mention) or ["all"]
    if hours_here > 1 and len(near) > 1 and not own and not _one_group(ctx, near, segment):
        near = [min(near, key=lambda c: _gap(c, mention))]
    elif (
        hours_here > 1
        and len(own) > 1
        and len([h for h in ctx.message.of_kind("hours") if clause[0] <= h.start < clause[1]]) > 1
    ):
        near = [min(own, key=lambda c: _gap(c, mention))]
    names = []
    for channel in near:
        words = ctx.text[clause_span(ctx, channel.start)[0] : channel.start].split()[-2:]
        if (
            len(words) == 2
            and all(w.isalpha() and w.lower() not in _PLAIN for w in words)
            and not channel.text.lower().endswith("s")  # 'a team answering phones' is no line
        ):
            return []  # a particular line ('the motor claims hotline'): a requirement of its own
        names.append(channel.name)
    return list(dict.fromkeys(names))


def _carried_channels(ctx: Context, mention: Mention) -> list[str]:
    """'phone and chat Mon-Fri 7am-9pm, and weekends 10am to 4pm': hours with no channel of
    their own, after hours said of channels in the same sentence, are those channels'."""
    sentence = ctx.message.segments[mention.segment].sentence
    for index in range(mention.segment - 1, -1, -1):
        segment = ctx.message.segments[index]
        if segment.sentence != sentence:
            break
        hours = [h for h in ctx.message.of_kind("hours") if segment.start <= h.start < segment.end]
        channels = [
            c
            for c in ctx.message.of_kind("channel")
            if c.stated and segment.start <= c.start < segment.end
        ]
        if hours and channels and _one_group(ctx, channels, segment):
            return list(dict.fromkeys(c.name for c in channels))
    return []


def _one_group(ctx: Context, channels: list[Mention], segment) -> bool:
    """'voice and chat Mon-Fri 8am-10pm, Sat-Sun 9am-5pm': channels named together before all
    the segment's hours share every set of them."""
    first = min(
        (h.start for h in ctx.message.of_kind("hours") if segment.start <= h.start < segment.end),
        default=segment.end,
    )
    ordered = sorted(channels, key=lambda c: c.start)
    return ordered[-1].end <= first and all(
        re.fullmatch(r"\s*(?:,|and|&|\+|/|or)\s*", ctx.text[a.end : b.start])
        for a, b in zip(ordered, ordered[1:], strict=False)
    )


_PARTICULAR_LINE = re.compile(
    r"\b(?!(?:phone|telephone|the|our|main|customer|service|support|a|an|this|that|which|"
    r"whole|entire|new)\b)[a-z-]+\s+(?:line|hotline|number)s?\b"
    # 'a separate 24/7 line': another line than the service's own
    r"|\bseparate\s+(?:[\w/-]+\s+){0,3}(?:line|hotline|number|service|queue)s?\b",
    re.I,
)
_PLAIN = {
    "the",
    "our",
    "all",
    "inbound",
    "outbound",
    "and",
    "for",
    "on",
    "in",
    "with",
    "make",
    "keep",
    "open",
    "have",
    "need",
    "want",
    "plus",
    "also",
    "set",
    "put",
    "are",
    "is",
    "be",
    "to",
    "of",
    "a",
    "an",
    "my",
    "your",
    "their",
    "we",
    "us",
    "then",
    "so",
    "but",
    "or",
    "both",
    "only",
    "just",
    "english",
    "spanish",
}


def _gap(channel: Mention, hours: Mention) -> int:
    """Characters between a channel and its hours; a channel said after the hours counts as
    further away (the subject comes first: 'Phones are open 24/7 and chat 8am-10pm')."""
    if channel.end <= hours.start:
        return hours.start - channel.end
    return channel.start - hours.end + 12


def _joined(ctx: Context, items: list[tuple[str | None, str, int]]) -> str:
    """Hours of one channel; a later statement for the same days replaces an earlier one
    ('Saturday 10am to 2pm. Oh wait, … Saturday runs 10 till 3')."""
    by_days: dict[str | None, tuple[str, int]] = {}
    for days, text, pos in items:
        by_days[days] = (text, pos)
    ordered = sorted(by_days.values(), key=lambda item: item[1])
    return ", ".join(text for text, _ in ordered)


# --------------------------------------------------------------------------- monthly volume

_TOTAL = re.compile(
    r"\b(?:in total|total|altogether|overall|combined|across all channels|all channels|all in)\b",
    re.I,
)
_RESTATE = re.compile(r"\b(?:so|i\.e\.|that's|that is|which is|roughly|or about|meaning)\b", re.I)


def read_volumes(ctx: Context) -> list[Found]:
    """Contacts per month: counts of contacts per period, converted to a month; counts of
    several channels are added up, a total wins, and a restatement ('1.08 million calls a year,
    so about ninety thousand a month') is not added twice."""
    slot = ctx.plan.slot_map.get("monthly_volume")
    if slot is None:
        return []
    counts = [
        m
        for m in ctx.message.of_kind("count")
        if (ctx.usable(m) or _last_period_volume(ctx, m)) and m.stated and _is_volume(ctx, m)
    ]
    counts = sorted(counts + _channel_counts(ctx, counts), key=lambda m: m.start)
    counts, parts = _without_breakdowns(ctx, counts)
    if not counts:
        return []
    monthly: list[tuple[Mention, float]] = []
    for i, m in enumerate(counts):
        if not m.value["per"] and _OCCASION.search(ctx.text, *clause_span(ctx, m.start)):
            continue  # '3,000 calls in one evening': a peak, no part of a month
        if _RISES_TO.search(ctx.text, clause_span(ctx, m.start)[0], m.start):
            ctx.take(m.start, m.end)
            continue  # 'at month-end it climbs to 70,000 a day': the level of a peak
        per = (
            m.value["per"]
            or _shared_period(ctx, counts[i + 1 :], m, counts[:i])
            or _period_around(ctx, m)
        )
        value = m.value["value"] * PER_MONTH.get(per or "month", 1.0)
        if monthly and (
            _restates(ctx, monthly[-1], m, value) or _part_of(ctx, monthly[-1], counts[i - 1], m, value)
        ):
            ctx.take(m.start, m.end)
            continue
        if monthly and _corrected_between(ctx, monthly[-1][0].end, m.start):
            monthly.pop()  # '30,000 a month - no wait, that's per quarter, so 10,000 a month'
        monthly.append((m, value))
    if not monthly:
        return []
    totals = [
        (m, v)
        for m, v in monthly
        if _TOTAL.search(ctx.text[m.start : m.end + 24])
        or _TOTAL_LABEL.search(_line_before(ctx, m))
    ]
    totals += _bare_totals(ctx, monthly)
    chosen = totals[-1:] if totals else monthly
    for m, _ in monthly:
        ctx.take(m.start, m.end)
    channels = list(
        dict.fromkeys(
            t.name
            for m in [m for m, _ in monthly] + parts
            for t in find_terms(m.text, ("channel",))
        )
    )
    total = round(sum(v for _, v in chosen))
    start, end = chosen[0][0].start, chosen[-1][0].end
    span = (clause_span(ctx, start)[0], clause_span(ctx, end - 1)[1])
    found = [Found("monthly_volume", total, span)]
    found += _mix_from_counts(ctx, chosen, span)
    return found + ([Found("channels", channels, span)] if channels else [])


def _mix_from_counts(ctx: Context, chosen: list[tuple[Mention, float]], span) -> list[Found]:
    """'54,000 calls and 18,000 emails a year': counts of two or more channels that make up
    the whole volume are the channel mix too (75% voice, 25% email), where no mix is held."""
    if (
        "channel_mix" not in ctx.plan.slot_map
        or "channel_mix" in ctx.filled
        or len(chosen) < 2
        or _states_shares(ctx)
    ):
        return []
    by_channel: dict[str, float] = {}
    for m, value in chosen:
        names = {t.name for t in find_terms(m.text, ("channel",))}
        if len(names) != 1 or names & by_channel.keys():
            return []  # a count of no channel, of several, or of one said twice
        by_channel[names.pop()] = value
    whole = sum(by_channel.values())
    mix = {name: round(100 * value / whole, 1) for name, value in by_channel.items()}
    return [Found("channel_mix", dict(sorted(mix.items(), key=lambda kv: -kv[1])), span)]


# a share right after a channel ('Calls 80 email 20'), not a count ('Calls 1.2m', 'chat 480k')
_SHARE_AFTER = re.compile(
    r"\s*:?\s*(?:about\s+|around\s+|roughly\s+)?(\d{1,3})(?![\d,.]\d)(?!\s*(?:k|m)\b)", re.I
)


def _states_shares(ctx: Context) -> bool:
    """The message gives shares itself ('Calls 80 email 20', 'about 70% phone'): those are the
    mix, not the counts worked out."""
    if any(m.stated for m in ctx.message.of_kind("percent")):
        return True
    shares = (_SHARE_AFTER.match(ctx.text, c.end) for c in ctx.message.of_kind("channel"))
    return any(m is not None and int(m.group(1)) <= 100 for m in shares)


def _without_breakdowns(
    ctx: Context, counts: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """A count of no one channel followed in its sentence by two or more counts that add up to
    it ('480,000 contacts a year: 360,000 calls and 120,000 emails') is their total; the parts
    are not added to it ('20,000 calls, 10,000 emails and 10,000 chats' are three channels).
    The counts kept, and the parts."""
    message = ctx.message
    kept, parts = list(counts), []
    i = 0
    while i < len(kept):
        whole = kept[i]
        if find_terms(whole.text, ("channel",)):
            i += 1
            continue
        sentence = message.segments[whole.segment].sentence
        run, total = [], 0.0
        later = [m for m in message.of_kind("count") if m.start >= whole.end and m.stated]
        for part in later:
            if message.segments[part.segment].sentence != sentence or total >= whole.value["value"]:
                break
            run.append(part)
            total += part.value["value"]
        whole_value = whole.value["value"]
        if len(run) >= 2 and abs(total - whole_value) <= REL_BREAKDOWN * whole_value:
            for part in run:
                ctx.take(part.start, part.end)
            kept = [m for m in kept if m not in run]
            parts += run
        i += 1
    return kept, parts


REL_BREAKDOWN = 0.015
# What a count rises to is a peak's level, not the usual volume: 'it climbs to maybe 70,000
# a day', 'goes up to', 'peaks at', 'can hit'.
_RISES_TO = re.compile(
    r"\b(?:(?:climb|rise|jump|grow|spike|surge|shoot|balloon|swell|soar)(?:s|ed|ing)?(?:\s+up)?"
    r"\s+(?:to|up\s+to)|(?:go|goes|went|going)\s+up\s+to|peak(?:s|ed|ing)?\s+at|"
    r"(?:can|could|will|may)\s+(?:hit|reach))\s+"
    r"(?:(?:maybe|perhaps|about|around|roughly|nearly|almost|over|more\s+than|some|~)\s*)*$",
    re.I,
)
# A single short occasion: 'in one evening', 'on a peak day', 'a single appeal night can bring'.
_OCCASION = re.compile(
    r"\b(?:(?:in|on|during|over|within)\s+(?:a|an|one|the|a\s+single|one\s+single)\s+"
    r"|(?:a|one)\s+single\s+)(?:[\w-]+\s+){0,2}?(?:evening|night|day|morning|afternoon|hour|shift)\b",
    re.I,
)
# The whole past period a count was counted over ('… last year', 'in the previous quarter').
_LAST_PERIOD = re.compile(
    r"\s*(?:(?:in|over|during|for)\s+)?(?:the\s+)?(?:last|past|previous)\s+"
    r"(?:full\s+|calendar\s+|fiscal\s+|financial\s+)?(?:year|month|quarter)\b",
    re.I,
)


def _last_period_volume(ctx: Context, m: Mention) -> bool:
    """'We handled about 420,000 conversations last year': a volume counted over a whole past
    period is the baseline, not an anecdote, though the clause is in the past."""
    role = ctx.message.roles[m.segment]
    return (
        role.past
        and not role.question
        and ctx.free(m.start, m.end)
        and bool(_LAST_PERIOD.match(ctx.text, m.end))
        and (m.value["per"] or _period_around(ctx, m)) is not None  # the period it converts by
    )


_TOTAL_LABEL = re.compile(
    r"\b(?:in total|total|altogether|overall|combined|all in)\b[\s:=-]*"
    r"(?:(?:c\.|ca\.|approx\.?|about|around|roughly|~)\s*)?$",
    re.I,
)
_AFTER_CHANNEL = re.compile(
    r"\s*(?:[:=-]|is|are|of)?\s*"
    # 'emails are nearer 3,000', 'chat is more like 4,000': a channel's count said again
    r"(?:(?:actually|really|now)\s+)?(?:(?:nearer|closer)(?:\s+to)?\s+|more\s+like\s+)?"
    r"(?:about|around|roughly|approx\.?|approximately|c\.|~)?\s*$",
    re.I,
)
# 'a month', 'the last fiscal year', 'a normal month', 'typical weeks', 'a fortnight', 'yearly'
_ORDINARY = r"(?:normal|typical|average|usual|regular|standard|ordinary)\s+"
_PERIOD_AROUND = re.compile(
    r"\b(?:(?:(?:a|an|per|each|every|one|last|this|the|whole|full|fiscal|financial|calendar|"
    rf"previous|past|next|coming|current)\s+)+(?:{_ORDINARY})?|{_ORDINARY}(?=\w+s\b))"
    r"(?P<unit>year|month|week|quarter|fortnight)s?\b|\b(?P<adjective>annual(?:ly)?|yearly|"
    r"per annum|p\.a\.|monthly|weekly|fortnightly|quarterly|FY\d*)",
    re.I,
)
_ADJECTIVE_UNIT = {
    "monthly": "month", "weekly": "week", "fortnightly": "fortnight", "quarterly": "quarter"
}


_PART = re.compile(
    r"\b(?:includ(?:es|ing|ed)|of which|of those|of them|among (?:them|those)|"
    r"within (?:that|this|those)|out of (?:that|those|which)|part of (?:that|this|it))\b",
    re.I,
)


def _part_of(
    ctx: Context, before: tuple[Mention, float], last: Mention, m: Mention, value: float
) -> bool:
    """'110,000 a month, and that includes roughly 9,000 triage calls': a smaller count said
    as part of the one before it (the part word in its own clause, after the last count), in
    the same sentence, is inside it, not added to it."""
    first, first_value = before
    same_sentence = (
        ctx.message.segments[first.segment].sentence == ctx.message.segments[m.segment].sentence
    )
    start = max(last.end, clause_span(ctx, m.start)[0])  # the part word in the count's own clause
    return same_sentence and value < first_value and bool(_PART.search(ctx.text, start, m.start))


def _line_before(ctx: Context, m: Mention) -> str:
    """The words of the count's line before it ('- Total: c. 1.02 million')."""
    return ctx.text[ctx.text.rfind("\n", 0, m.start) + 1 : m.start]


def _channel_counts(ctx: Context, counts: list[Mention]) -> list[Mention]:
    """'Calls 1.2m. Chat 480k.', 'Email: 150,000': a channel that opens a list entry, named
    before its count (a number over 100, so that 'phone 70 chat 30' stays a share; 'tell them
    to call 112' is no entry)."""
    found = []
    for channel in ctx.message.of_kind("channel"):
        if not ctx.usable(channel) or not channel.stated:
            continue
        n = next((n for n in ctx.message.numbers if n.start >= channel.end), None)
        head = ctx.text[clause_span(ctx, channel.start)[0] : channel.start]
        if (
            n is None
            or not re.fullmatch(r"[\s\-*•]*(?:and\s+|plus\s+)?", head, re.I)
            or n.value <= 100
            or not _AFTER_CHANNEL.fullmatch(ctx.text[channel.end : n.start])
            or re.match(r"\s*%", ctx.text[n.end :])
            or any(c.start <= n.start < c.end for c in counts)
            or any(o.start <= n.start < o.end for o in ctx.message.mentions if o.kind != "channel")
            or not ctx.free(n.start, n.end)
        ):
            continue
        value = {"value": n.value, "per": None, "what": "contacts"}
        text = ctx.text[channel.start : n.end]
        found.append(
            Mention("count", value, channel.start, n.end, text, "affirmed", channel.segment)
        )
    return found


def _period_around(ctx: Context, m: Mention) -> str | None:
    """'for one year is around 60,000 calls', '540,000 contacts last fiscal year', 'Yearly
    volumes. Calls 1.2m.': the period said in the count's segment, its sentence's label, or
    the short lines just before that head a list."""
    places = [ctx.message.segment_text(m.segment), ctx.message.label(m.segment)]
    for start, end in reversed(ctx.message.sentences[: ctx.message.segments[m.segment].sentence]):
        heading = ctx.text[start:end].strip()
        if len(heading.split()) > 4 and not heading.endswith(":"):
            break  # only short lines that head a list ('Yearly volumes.', 'Calls 1.2m.')
        places.append(heading)
    for text in places:
        found = _PERIOD_AROUND.search(text)
        if found:
            if found.group("unit"):
                return found.group("unit").lower()
            return _ADJECTIVE_UNIT.get(found.group("adjective").lower(), "year")
    return None


def _corrected_between(ctx: Context, start: int, end: int) -> bool:
    """A correction word between two values ('…, sorry, …', '- no wait, …')."""
    return any(start <= c < end for r in ctx.message.roles for c in r.corrections)


def _shared_period(
    ctx: Context, later: list[Mention], m: Mention, earlier: list[Mention] = ()
) -> str | None:
    """'50,000 calls and 10,000 emails a month', '14k calls a month, …, plus 3,000 emails':
    the period said once for both."""
    nxt = next((c for c in later if c.segment == m.segment), None)
    if (
        nxt is not None
        and nxt.value.get("per")
        and re.fullmatch(r"\s*(?:and|plus|,)\s*", ctx.text[m.end : nxt.start])
    ):
        return nxt.value["per"]
    sentence = ctx.message.segments[m.segment].sentence
    before = [
        c
        for c in earlier
        if ctx.message.segments[c.segment].sentence == sentence and c.value.get("per")
    ]
    if before and re.search(
        r"\b(?:plus|and|with)\s+(?:about\s+|around\s+|another\s+)?$",
        ctx.text[max(0, m.start - 20) : m.start],
        re.I,
    ):
        return before[-1].value["per"]
    return None


def _bare_totals(ctx: Context, monthly: list[tuple[Mention, float]]) -> list[tuple[Mention, float]]:
    """'…, so 60k in total': a number with 'in total' after counts of the same sentence."""
    if not monthly:
        return []
    last = monthly[-1][0]
    sentence = ctx.message.sentences[ctx.message.segments[last.segment].sentence]
    totals = []
    for n in ctx.message.numbers:
        if (
            last.end <= n.start < sentence[1]
            and _TOTAL.match(ctx.text[n.end :].lstrip())
            and n.value >= 10
        ):
            per = last.value.get("per") or "month"
            fake = Mention(
                "count",
                {"value": n.value, "per": per},
                n.start,
                n.end,
                n.text,
                "affirmed",
                last.segment,
            )
            totals.append((fake, n.value * PER_MONTH.get(per, 1.0)))
    return totals


POPULATION = re.compile(
    r"\b(?:members|customers|patients|subscribers|accounts|households|homes|users|"
    r"players|residents|citizens|policyholders|clients|donors|guests)\b",
    re.I,
)


# a count written with its period in shorthand ('35k/mo', '400k/yr'), as 'a month' is a cue
_OWN_PERIOD = re.compile(r"\d\s*[kKmM]?\s*/\s*(?:mo|mth|month|yr|year|wk|week)\b", re.I)


def _shorthand_volume(ctx: Context, m: Mention) -> bool:
    """'~35k/mo': thousands of something a month, its period written into the count."""
    return bool(_OWN_PERIOD.search(m.text)) and m.value["value"] >= 1000 and _whole_volume(ctx, m)


def _is_volume(ctx: Context, m: Mention) -> bool:
    """A count of contacts per period (or one the volume question asks for)."""
    if POPULATION.search(m.text) and not m.value.get("per"):
        return False
    if m.value.get("what") not in (None, "contacts"):
        return False
    if m.value.get("per"):
        return (
            m.value.get("what") == "contacts"
            or _shorthand_volume(ctx, m)
            or rank(ctx, ctx.plan.slot("monthly_volume"), m.start, m.end) is not None
            or bool([c for c in ctx.message.of_kind("channel") if c.segment == m.segment])
            or "monthly_volume" in ctx.pending
            or "monthly_volume" in ctx.filled
        )
    if m.value.get("what") == "contacts" and not POPULATION.search(m.text):
        others = [c for c in ctx.message.of_kind("count") if c is not m and c.value.get("per")]
        if (
            "monthly_volume" in ctx.pending
            or _shared_period(ctx, others, m, others)
            or (_period_around(ctx, m) and _whole_volume(ctx, m))
        ):
            return True
    return False


def _whole_volume(ctx: Context, m: Mention) -> bool:
    """Not a rate per person ('4 calls per agent a month') nor a handful."""
    return m.value["value"] >= 50 and not re.match(
        r"\s*(?:per|each|every|for each|for every)\s+(?!month|year|week|day|quarter|annum)\w",
        ctx.text[m.end :],
        re.I,
    )


def _restates(ctx: Context, previous: tuple[Mention, float], m: Mention, value: float) -> bool:
    before, old = previous
    if old <= 0 or abs(value - old) / old > 0.03:
        return False
    return bool(_RESTATE.search(ctx.text[before.end : m.start]))


# --------------------------------------------------------------------------- the rest, by cue


def read_by_cue(ctx: Context) -> list[Found]:
    """Every remaining percentage, duration, sum of money, count and multiplier, given to the
    slot of its type whose cue is nearest (best pairs first); a figure about today never fills
    a target, and a value with no cue goes to the pending question only in a short answer."""
    pairs = []
    text = ctx.message.text
    mentions = [
        m
        for m in ctx.message.mentions
        if m.kind in KIND_TYPES
        and ctx.usable(m)
        and m.stated
        and not (m.kind == "count" and _on_a_scale(text, m.start, m.end))
    ]
    mentions += [m for m in bare_numbers(ctx) if ctx.usable(m)]
    for m in mentions:
        for slot in ctx.slots_of(*KIND_TYPES[m.kind]):
            if (slot.name == "monthly_volume" and m.kind != "number") or not _may_take(
                ctx, slot, m
            ):
                continue
            r = rank(ctx, slot, m.start, m.end)
            bare = m.kind == "number"
            if bare and (
                slot.name == "monthly_volume"
                or (slot.type == "percent" and not (_beside_cue(ctx, m, r) and _in_digits(m)))
            ):
                # a bare number is a volume only as the answer; a share only beside its cue and
                # in digits ('CSAT 88'; the 'one' of 'one more correction' is no share)
                r = None
            if r is not None and (
                r[0] <= (0 if bare else SAME_SENTENCE)
                or (
                    not bare
                    and r[0] == SENTENCE_BEFORE
                    and _leans_back(ctx, m)
                    and not _denied_before(ctx, slot, m)
                )
            ):
                pairs.append(((r[0], r[1], r[2], m.start), m, slot))
            elif (
                slot.name in ctx.pending
                and (ctx.short or _topic_pending(ctx, m))
                and not (bare and slot.type == "percent" and not _only_a_number(ctx))
            ):
                pairs.append(((4, 0, 0, m.start), m, slot))
            elif not bare and r is None and slot.name in _asked_why_before(ctx, m):
                pairs.append(((5, 0, 0, m.start), m, slot))
    found, used_mentions, used_slots = [], set(), {}
    for _rank, m, slot in sorted(pairs, key=lambda p: p[0]):
        if id(m) in used_mentions:
            continue
        earlier = used_slots.get(slot.name)
        if earlier is not None and not _corrects(ctx, earlier, m):
            continue
        value = _value(ctx, m, slot)
        if value is None:
            continue
        found.append(_found(ctx, slot.name, value, m))
        used_mentions.add(id(m))
        used_slots.setdefault(slot.name, m)
    found += _fallback(ctx, [m for m in mentions if id(m) not in used_mentions], set(used_slots))
    return found


_ONLY_NUMBER = re.compile(
    r"\W*(?:about|around|roughly|say)?\s*[\d.,]+\s*%?\s*(?:instead|please|then|now)?\W*", re.I
)


def _only_a_number(ctx: Context) -> bool:
    """'90', '90 instead.': the whole answer is the figure (a share of the pending slot)."""
    return bool(_ONLY_NUMBER.fullmatch(ctx.text))


def _corrects(ctx: Context, first: Mention, other: Mention) -> bool:
    """'£20 an hour. No, £22 an hour': a second value of the slot after a correction word
    (the message's corrections then choose between them)."""
    a, b = sorted((first, other), key=lambda m: m.start)
    return a.kind == b.kind and _corrected_between(ctx, a.end, b.start + 1)


def _in_digits(m: Mention) -> bool:
    return m.text.strip()[:1].isdigit()


def _beside_cue(ctx: Context, m: Mention, r) -> bool:
    """'CSAT 88', 'CSAT target of 92': the cue a few words before the number."""
    if r is None or r[0] != 0 or r[1] > 24:
        return False
    return not re.search(r"\b(?:or|and|to)\s+$", ctx.text[max(0, m.start - 5) : m.start], re.I)


_CHANGE_BY = re.compile(
    r"\b(?:reduce|reducing|cut|cutting|lower|lowering|increase|increasing|improve|improving|"
    r"raise|raising|grow|growing|drop|bring down|bring up)\b[^,.;]{0,40}\bby\s+(?:about\s+|around\s+)?$",
    re.I,
)


def _may_take(ctx: Context, slot: SlotDef, m: Mention) -> bool:
    """A target is never a figure about today; a change by a percentage ('reduce cost per
    contact by 10%') is a goal's target, not a level; a multiplier is a rise or growth; a slot with
    context words needs one of them (or its question) nearby; a percentage slot takes numbers
    up to 100."""
    if slot.target and _baseline(ctx, m):
        return False
    if (
        m.kind == "percent"
        and slot.name != "volume_growth"
        and _CHANGE_BY.search(ctx.text[max(0, m.start - 60) : m.start])
    ):
        return False
    if m.kind == "multiplier" and slot.name not in ("peak_uplift", "volume_growth"):
        return False  # a multiplier is a peak's rise, or a year's growth ('double this year')
    if m.kind in ("percent", "number") and _another_measures(ctx, slot, m):
        return False
    if m.kind == "duration" and slot.plausible and not _plausible(m.value, slot.plausible):
        return False
    if m.kind == "number" and slot.type == "percent" and not 0 < m.value["value"] <= 100:
        return False
    if slot.context and slot.name not in ctx.pending:
        text = ctx.message.segment_text(m.segment)
        if ctx.message.roles[m.segment].corrections:
            # 'We need about 500 agents. Sorry, I meant 50.': the sentence it corrects
            sentence = ctx.message.segments[m.segment].sentence
            text += " " + " ".join(ctx.text[s:e] for s, e in ctx.message.sentences[:sentence])
        return bool(d.find(slot.context, text))
    return True


_LINK_TO_FIGURE = re.compile(
    r"\s*(?:is|was|of|at|over|under|above|below|to|around|about|up to|down to|at least|"
    r"at most|no more than|=|:|>=|<=|>|<)?\s*(?:about\s+|around\s+)?",
    re.I,
)


def _another_measures(ctx: Context, slot: SlotDef, m: Mention) -> bool:
    """'a save rate over 20% with CSAT at 80': a figure right after a measure that is not the
    slot's belongs to that measure."""
    from assistant.interview.readers.cues import slot_cues

    before = [k for k in ctx.message.of_kind("kpi") if k.end <= m.start]
    if not before or not _LINK_TO_FIGURE.fullmatch(ctx.text[before[-1].end : m.start]):
        return False
    kpi = before[-1]
    return not any(
        re.fullmatch(phrase_pattern(c), kpi.text, re.I) or c.lower() in kpi.text.lower()
        for c in slot_cues(ctx.plan, slot)
    )


def _plausible(value: dict, bounds: tuple[str, str]) -> bool:
    """Whether a duration lies within a slot's bounds ('1 month' to '15 years')."""
    from assistant.reading.quantities import find_durations

    low, high = (duration_seconds(find_durations(b)[0].value) for b in bounds)
    return low <= duration_seconds(value) <= high


# '2+1' is a term and its option, '18+' an age; after a target word '85+' is 'at least 85'.
_TARGET_BEFORE = re.compile(r"\b(?:target|goal|minimum|min|at least)\s*(?:of\s+)?$", re.I)


def bare_numbers(ctx: Context) -> list[Mention]:
    """Numbers no mention holds ('CSAT target of 92', '~25'), as mentions of kind 'number';
    not years, times, dates, tiers or parts of names."""
    message = ctx.message
    held = [(m.start, m.end) for m in message.mentions]
    found = []
    for n in message.numbers:
        if any(s <= n.start < e for s, e in held) or not ctx.free(n.start, n.end):
            continue
        before = message.text[max(0, n.start - 12) : n.start]
        after = message.text[n.end : n.end + 3]
        if (
            re.search(r"(?:tier|level|nhs|q|p|iso|soc|type|on|number|no\.|#)\s*-?$", before, re.I)
            or re.match(r"[:/+.%]\d|st\b|nd\b|rd\b|th\b|/|\s?[ap]\.?m\b", after, re.I)  # '10pm': a time
            or (after.startswith("+") and not _TARGET_BEFORE.search(before))
            or 1900 <= n.value <= 2100
            or _on_a_scale(message.text, n.start, n.end)
        ):
            continue
        index = message.segment_at(n.start)
        found.append(
            Mention("number", {"value": n.value}, n.start, n.end, n.text, "affirmed", index)
        )
    return found


# A rating on a scale ('4.2 out of 5', '8 on a scale of 10', 'a 9 on a ten-point scale'):
# neither number is a share, a count or a target in percent.
_SCALE_AFTER = re.compile(r"\s*(?:out\s+of|on\s+a\s+(?:scale|score)\s+of)\s+\w|\s+on\s+a\s+[\w-]+\s+scale\b", re.I)
_SCALE_BEFORE = re.compile(r"(?:\bout\s+of|\bscale\s+of)\s+$", re.I)


def _on_a_scale(text: str, start: int, end: int) -> bool:
    """Whether the number at [start, end) is a rating or the scale it is on."""
    return bool(_SCALE_AFTER.match(text, end) or _SCALE_BEFORE.search(text[max(0, start - 16) : start]))


def _leans_back(ctx: Context, m: Mention) -> bool:
    """A sentence that takes its topic from the one before ('What attrition do you see? We'd
    want it kept under 30%'): it names no cue of its own for any slot."""
    segment = ctx.message.segments[m.segment]
    sentence = ctx.message.sentences[segment.sentence]
    return (
        not any(
            rank(ctx, s, m.start, m.end) and rank(ctx, s, m.start, m.end)[0] <= SAME_SENTENCE
            for s in ctx.slots_of(*KIND_TYPES[m.kind])
        )
        and sentence[1] - sentence[0] < 120
    )


def _denied_before(ctx: Context, slot: SlotDef, m: Mention) -> bool:
    """'There's no pilot; instead there's a 90-day transition period': the sentence before
    denies the slot's topic, so this one does not answer it."""
    from assistant.interview.readers.cues import _cue_regex, slot_cues
    from assistant.reading.assertion import statuses

    segment = ctx.message.segments[m.segment]
    start, end = ctx.message.sentences[segment.sentence - 1] if segment.sentence else (0, 0)
    regex = _cue_regex(slot_cues(ctx.plan, slot))
    for cue in regex.finditer(ctx.text, start, end) if regex else ():
        if (
            statuses(ctx.text[start:end], [(cue.start() - start, cue.end() - start)])[0]
            == "negated"
        ):
            return True
    return False


def _asked_why_before(ctx: Context, m: Mention) -> set[str]:
    """The slots whose reason the buyer asked earlier in the message ('Why d'you need AHT?
    … Fine - about 7.5 min'): a figure of their type after the question, with no cue of its
    own, answers them."""
    sentence = ctx.message.segments[m.segment].sentence
    slots: set[str] = set()
    for start, end in ctx.message.sentences[:sentence]:
        text = ctx.text[start:end]
        if d.find(d.words().why, text):
            ids = named_topics(ctx, text)
            slots |= {s for q in ctx.plan.questions if q.id in ids for s in q.slots}
    return slots


def _topic_pending(ctx: Context, m: Mention) -> bool:
    question = ctx.question
    return question is not None and question.id in ctx_topics(ctx)[m.segment]


def _fallback(ctx: Context, mentions: list[Mention], used: set[str]) -> list[Found]:
    """Money no cue claimed goes to the slot that takes any money (the budget)."""
    found = []
    for m in mentions:
        slot = next(
            (s for s in ctx.slots_of(*KIND_TYPES[m.kind]) if s.fallback and s.name not in used),
            None,
        )
        if (
            slot is not None
            and m.kind == "money"
            and ctx.free(m.start, m.end)
            and _may_take(ctx, slot, m)  # what is paid today is no budget
        ):
            value = _value(ctx, m, slot)
            if value is not None:
                found.append(_found(ctx, slot.name, value, m))
                used.add(slot.name)
    return found


def _value(ctx: Context, m: Mention, slot: SlotDef) -> Any:
    v = m.value
    if m.kind == "money":
        if v.get("currency") is None:
            return None
        return Money(amount=v["amount"], currency=v["currency"], per=_per(v.get("unit")))
    if m.kind == "duration":
        return _duration(v)
    if m.kind == "percent":
        return float(v["value"])
    if m.kind == "multiplier":
        return round((float(v["value"]) - 1) * 100, 1)
    if m.kind in ("count", "number"):
        return round(v["value"]) if slot.type == "int" else float(v["value"])
    return None


_MONEY_UNITS = {
    "hour": "hour",
    "fte_month": "FTE",
    "fte": "FTE",
    "fte_year": "FTE",
    "minute": "minute",
    "contact": "contact",
    "month": "month",
    "year": "year",
    "one_time": None,
}


def _per(unit: str | None) -> str | None:
    return _MONEY_UNITS.get(unit) if unit else None


def within(ctx: Context, mention: Mention, slot_name: str) -> bool:
    """Whether a slot's cue stands in the mention's own segment."""
    r = rank(ctx, ctx.plan.slot(slot_name), mention.start, mention.end)
    return r is not None and r[0] <= SAME_SEGMENT


def question_slots(ctx: Context, slot: str) -> tuple[str, ...]:
    """The slots asked together with `slot`."""
    question = question_of(ctx.plan, slot)
    return question.slots if question else ()
