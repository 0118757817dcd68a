"""Compound patterns that tie numbers to channels: opening hours, service levels, channel mix."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.interview.plan import Term
from assistant.interview.quantities import (
    NUM,
    UNIT,
    UNITS,
    WORDNUM,
    find_durations,
    find_percents,
    overlaps,
    parse_number,
)
from assistant.interview.spans import clause_bounds, clauses
from assistant.interview.values import UNIT_SECONDS, ServiceLevel
from assistant.interview.vocab import find_terms


@dataclass(frozen=True)
class Spec:
    """An opening-hours phrase ('24/7', 'Mon-Fri 08:00-18:00') found at [start, end)."""

    text: str
    start: int
    end: int


ALWAYS_RE = re.compile(
    r"24\s*/\s*7|24\s*x\s*7|24-7|a?round[\s-]the[\s-]clock|all day every day"
    r"|24 hours a day(?:,? 7 days a week)?",
    re.I,
)
_DAY = r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\b"
DAYS_RE = re.compile(
    rf"(?P<d1>{_DAY})\s*(?:-|–|to|through|thru)\s*(?P<d2>{_DAY})|(?P<wk>weekdays?)"
    r"|(?P<all>(?:7|seven) days(?: a week)?|every day|weekends?)",
    re.I,
)
_T = r"(?P<h{n}>\d{{1,2}})(?::(?P<m{n}>\d{{2}}))?\s*(?P<ap{n}>[ap]\.?m\.?)?"
RANGE_RE = re.compile(
    rf"(?<![\d:/]){_T.format(n=1)}\s*(?:-|–|to|until|till)\s*{_T.format(n=2)}(?![\d/])", re.I
)
BUSINESS_RE = re.compile(r"business hours|office hours", re.I)
SHARE_WORDS: dict[str, float | None] = {
    "half": 50, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3,
    "a quarter": 25, "one quarter": 25, "three quarters": 75,
    "the rest": None, "rest": None, "the remainder": None, "remainder": None, "remaining": None,
}  # fmt: skip
_SHARE = rf"(?P<pct>{NUM})\s*(?:%|percent\b|per cent\b)|(?P<word>{'|'.join(SHARE_WORDS)})"
_FILLER = (
    r"(?:\s+(?:of|it|them|those|that|our|the|contacts?|volume|interactions?|is|are|via|by|over"
    r"|through|on|in|comes?|coming|from|goes|go|to))*"
)
SL_RE = re.compile(
    rf"(?P<pct>{NUM})\s*(?:%|percent)\s+(?:of\s+(?:all\s+|the\s+|our\s+)?(?P<noun>[a-z-]+)\s+)?"
    r"(?:(?:answered|handled|responded\s+to|replied\s+to|picked\s+up)\s+)?"
    rf"(?:in|within|under|inside)\s+(?P<n>{NUM}|{WORDNUM})\s*-?\s*(?P<unit>{UNIT})(?![a-z])",
    re.I,
)
SL_RATIO_RE = re.compile(r"(?<![\d/])(?P<pct>[5-9]\d)\s*/\s*(?P<sec>\d{1,3})(?![\d/])")
SL_WITHIN_RE = re.compile(
    rf"(?:within|under|inside)\s+(?P<n>{NUM}|{WORDNUM})\s*-?\s*"
    rf"(?:(?:business|working|calendar)\s+)?(?P<unit>{UNIT})(?![a-z])",
    re.I,
)
SL_VERB_RE = re.compile(
    r"answer|respond|response|reply|replies|replied|pick(?:ed)? up|handled|turnaround"
    r"|service level",
    re.I,
)
SL_CONTEXT_RE = re.compile(r"service level|\bSLA?\b|answer|ASA|speed", re.I)


def _time(hour: str, minute: str | None, ampm: str | None) -> tuple[int, int]:
    h, m = int(hour), int(minute or 0)
    ap = (ampm or "").replace(".", "").lower()
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    return h, m


def _range_text(m: re.Match[str]) -> str | None:
    ap1, ap2 = m.group("ap1"), m.group("ap2")
    colon = m.group("m1") or m.group("m2")
    literal_9_5 = (m.group("h1"), m.group("h2")) == ("9", "5")
    if not (ap1 or ap2 or colon or literal_9_5):
        return None
    h2, m2 = _time(m.group("h2"), m.group("m2"), ap2)
    h1, m1 = _time(m.group("h1"), m.group("m1"), ap1)
    if not ap1 and ap2 and ap2.lower().startswith("p") and int(m.group("h1")) < int(m.group("h2")):
        h1 += 12  # "1-5pm": both afternoon
    if not ap2 and not colon and h2 <= h1:
        h2 += 12  # "9 to 5"
    if max(h1, h2) > 24 or max(m1, m2) > 59:
        return None
    return f"{h1:02d}:{m1:02d}-{h2:02d}:{m2:02d}"


def _days_text(m: re.Match[str]) -> str:
    if m.group("wk"):
        return "Mon-Fri"
    if m.group("all"):
        return "weekends" if m.group("all").lower().startswith("weekend") else "7 days"
    return f"{m.group('d1')[:3].title()}-{m.group('d2')[:3].title()}"


def find_hour_specs(text: str, taken: list[tuple[int, int]]) -> list[Spec]:
    """Opening-hours phrases; a day range next to a time range becomes one spec."""
    specs: list[Spec] = []
    for m in ALWAYS_RE.finditer(text):
        specs.append(Spec("24/7", m.start(), m.end()))
    for m in BUSINESS_RE.finditer(text):
        specs.append(Spec("business hours", m.start(), m.end()))
    ranges = [(m, _range_text(m)) for m in RANGE_RE.finditer(text)]
    ranges = [(m, t) for m, t in ranges if t and not overlaps(m.start(), m.end(), taken)]
    days = [m for m in DAYS_RE.finditer(text) if not _inside(m, specs)]
    for d in days:
        near = [
            (m, t)
            for m, t in ranges
            if -2 <= m.start() - d.end() <= 6 or -2 <= d.start() - m.end() <= 6
        ]
        if near:
            m, t = near[0]
            ranges.remove(near[0])
            start, end = min(d.start(), m.start()), max(d.end(), m.end())
            specs.append(Spec(f"{_days_text(d)} {t}", start, end))
        else:
            specs.append(Spec(_days_text(d), d.start(), d.end()))
    specs += [Spec(t, m.start(), m.end()) for m, t in ranges]
    specs = [s for s in specs if not overlaps(s.start, s.end, taken)]
    taken.extend((s.start, s.end) for s in specs)
    return sorted(specs, key=lambda s: s.start)


def _inside(m: re.Match[str], specs: list[Spec]) -> bool:
    return any(s.start <= m.start() and m.end() <= s.end for s in specs)


def find_channel_hours(
    text: str, channels: tuple[Term, ...], taken: list[tuple[int, int]]
) -> dict[str, str]:
    """Opening hours per channel ('24/7 for phone, chat 8am-8pm'); 'all' when none is named."""
    specs = find_hour_specs(text, taken)
    hours: dict[str, str] = {}
    for c_start, c_end in clauses(text):
        here = [s for s in specs if c_start <= s.start < c_end]
        if not here:
            continue
        named = [h for h in find_terms(text[c_start:c_end], channels) if not h.negated]
        if not named:
            hours["all"] = ", ".join(s.text for s in here)
        for hit in named:
            pos = c_start + hit.start
            nearest = min(here, key=lambda s: abs(s.start - pos))
            hours[hit.name] = ", ".join(s.text for s in here) if len(named) == 1 else nearest.text
    return hours


def _channel_near(text: str, pos: int, channels: tuple[Term, ...]) -> str | None:
    c_start, c_end = clause_bounds(text, pos)
    hits = [h for h in find_terms(text[c_start:c_end], channels) if not h.negated]
    if not hits:
        return None
    return min(hits, key=lambda h: abs(c_start + h.start - pos)).name


def _noun_channel(noun: str | None, channels: tuple[Term, ...]) -> str | None:
    hits = find_terms(noun or "", channels)
    return hits[0].name if hits else None


def find_service_levels(
    text: str,
    channels: tuple[Term, ...],
    taken: list[tuple[int, int]],
    default_channel: str | None,
) -> list[tuple[str, ServiceLevel, str]]:
    """(channel, level, source text): '80% of calls in 30 seconds', '80/20', 'emails within 24h'."""
    found: list[tuple[str, ServiceLevel, str]] = []

    def add(m: re.Match[str], channel: str | None, pct: float | None, seconds: float) -> None:
        channel = channel or _channel_near(text, m.start(), channels) or default_channel
        channel = channel or ("voice" if pct else None)  # "80% in 20 seconds" is a voice target
        if channel and not overlaps(m.start(), m.end(), taken):
            found.append((channel, ServiceLevel(percent=pct, seconds=seconds), m.group(0)))
            taken.append((m.start(), m.end()))

    for m in SL_RE.finditer(text):
        secs = parse_number(m.group("n")) * UNIT_SECONDS[UNITS[m.group("unit").lower()]]
        noun = _noun_channel(m.group("noun"), channels)
        add(m, noun, parse_number(m.group("pct")), secs)
    if SL_CONTEXT_RE.search(text) or default_channel:
        for m in SL_RATIO_RE.finditer(text):
            add(m, None, float(m.group("pct")), float(m.group("sec")))
    if default_channel and not found:
        found += _bare_level(text, taken, default_channel)
    for m in SL_WITHIN_RE.finditer(text):
        near = _channel_near(text, m.start(), channels)
        c_start, c_end = clause_bounds(text, m.start())
        if (near and SL_VERB_RE.search(text, c_start, c_end)) or default_channel:
            secs = parse_number(m.group("n")) * UNIT_SECONDS[UNITS[m.group("unit").lower()]]
            add(m, near, None, secs)
    return found


def _bare_level(
    text: str, taken: list[tuple[int, int]], channel: str
) -> list[tuple[str, ServiceLevel, str]]:
    """'24h' or '90%, 24 hours' as the answer to a service-level question."""
    durations = find_durations(text, list(taken))
    if not durations:
        return []
    duration = durations[0]
    percents = find_percents(text, list(taken))
    pct = percents[0].value if percents else None
    start = min([duration.start] + [p.start for p in percents[:1]])
    taken.append((start, duration.end))
    level = ServiceLevel(percent=pct, seconds=duration.value.seconds)
    return [(channel, level, text[start : duration.end])]


def find_channel_mix(
    text: str, channels: tuple[Term, ...], taken: list[tuple[int, int]]
) -> dict[str, float]:
    """Shares per channel ('half phone, 30% chat, the rest email'); empty unless two or more."""
    phrases = sorted((p for t in channels for p in t.phrases()), key=len, reverse=True)
    names = "|".join(re.escape(p) for p in phrases)
    ch = rf"(?P<ch>{names})\b"
    share_first = re.compile(rf"(?<![\w.])(?:{_SHARE}){_FILLER}\s+{ch}", re.I)
    channel_first = re.compile(
        rf"\b{ch}\s*(?::|=|-|is|are|at|around|about|~)?\s*(?P<pct>{NUM})\s*(?:%|percent\b)", re.I
    )
    shares: dict[str, float | None] = {}
    spans: list[tuple[int, int]] = []
    for regex in (share_first, channel_first):
        for m in regex.finditer(text):
            if overlaps(m.start(), m.end(), taken + spans):
                continue
            channel = find_terms(m.group("ch"), channels)[0].name
            word = m.groupdict().get("word")
            shares[channel] = SHARE_WORDS[word.lower()] if word else parse_number(m.group("pct"))
            spans.append((m.start(), m.end()))
    if len(shares) < 2:
        return {}
    known = sum(v for v in shares.values() if v is not None)
    mix = {k: round(v if v is not None else max(100 - known, 0), 1) for k, v in shares.items()}
    taken.extend(spans)
    return dict(sorted(mix.items(), key=lambda kv: -kv[1]))
