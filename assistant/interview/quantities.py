"""Find quantities in free text: numbers, percentages, durations and money, with their spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.interview.values import Duration, Money

WORD_NUMBERS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90,
    "a couple of": 2, "a": 1, "an": 1,
}  # fmt: skip
SCALES: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "million": 1e6,
    "bn": 1e9, "billion": 1e9,
}  # fmt: skip
UNITS: dict[str, str] = {
    "s": "seconds", "sec": "seconds", "secs": "seconds", "second": "seconds", "seconds": "seconds",
    "min": "minutes", "mins": "minutes", "minute": "minutes", "minutes": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours", "hours": "hours",
    "day": "days", "days": "days", "week": "weeks", "weeks": "weeks", "wk": "weeks",
    "wks": "weeks", "month": "months", "months": "months", "mo": "months", "mos": "months",
    "year": "years", "years": "years", "yr": "years", "yrs": "years",
}  # fmt: skip
CURRENCIES: dict[str, str] = {
    "us$": "USD", "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
    "c$": "CAD", "ca$": "CAD", "cad": "CAD", "a$": "AUD", "au$": "AUD", "aud": "AUD",
    "mxn": "MXN", "peso": "MXN", "pesos": "MXN", "php": "PHP", "inr": "INR",
}  # fmt: skip
PER_UNITS: dict[str, str] = {
    "hour": "hour", "hr": "hour", "hourly": "hour", "fte": "FTE", "agent": "FTE", "seat": "FTE",
    "contact": "contact", "transaction": "contact", "call": "contact", "interaction": "contact",
    "ticket": "contact", "chat": "contact", "email": "contact", "minute": "minute",
    "min": "minute", "month": "month", "monthly": "month", "year": "year", "annum": "year",
    "annually": "year", "yearly": "year", "week": "week", "day": "day",
}  # fmt: skip
# "contacts a month" is a rate, not a duration: a bare "a month" counts only after these words.
A_DURATION_AFTER = {
    "for", "of", "within", "in", "under", "about", "around", "roughly", "than", "least",
    "is", "be", "over", "takes", "lasting", "last", "minimum", "maximum", "up", "to",
}  # fmt: skip

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:\s?(?P<scale>k|thousand|mm|mn|million|m|bn|billion)(?![a-z]))?"
WORDNUM = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
PER = "|".join(sorted(PER_UNITS, key=len, reverse=True))

_MONTH = r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
YEAR_RE = re.compile(
    rf"(?:\b(?:{_MONTH})[a-z]*\.?,?|\bq[1-4]|\b(?:in|by|from|until|since|before|after|of|early|"
    r"mid|late|spring|summer|autumn|fall|winter))\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
WORD_NUMBER_RE = re.compile(
    r"(?<![\w-])(?P<num>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"eighteen|twenty|thirty|forty|fifty|sixty|ninety)(?![\w-])(?P<scale>)",
    re.I,
)
NUMBER_RE = re.compile(
    rf"(?<![\w.,/$€£])(?P<num>{NUM}){SCALE}(?![\w%]|/(?!(?:month|mo|year|yr|week|day)\b))", re.I
)
PERCENT_RE = re.compile(rf"(?<![\w.])(?P<num>{NUM})\s*(?:%|per\s?cent\b|pct\b)", re.I)
DURATION_RE = re.compile(
    rf"(?<![\w.,/])(?:(?P<num>{NUM})(?:\s*-\s*|\s*)|(?P<wnum>{WORDNUM})(?:\s*-\s*|\s+))"
    rf"(?:(?:business|working|calendar)\s+)?(?P<unit>{UNIT})(?![a-z])",
    re.I,
)
_PER_TAIL = (
    rf"(?:\s*(?:/|per|an?|each)\s*(?P<per>{PER})s?\b|\s+(?P<adv>hourly|monthly|annually|yearly)\b)?"
)
MONEY_PREFIX_RE = re.compile(
    rf"(?P<cur>us\$|ca\$|au\$|c\$|a\$|\$|€|£|usd|eur|gbp|cad|aud|mxn|php|inr)\s?(?P<num>{NUM}){SCALE}{_PER_TAIL}",
    re.I,
)
MONEY_SUFFIX_RE = re.compile(
    rf"(?<![\w.])(?P<num>{NUM}){SCALE}\s*(?P<cur>usd|eur|gbp|cad|aud|mxn|php|inr|dollars?|euros?|pounds?|pesos?)\b{_PER_TAIL}",
    re.I,
)


@dataclass(frozen=True)
class Mention:
    """A quantity found in text; `kind` is number, percent, duration or money."""

    kind: str
    start: int
    end: int
    value: Any
    text: str


def parse_number(num: str, scale: str | None = None) -> float:
    """'60' 'k' -> 60000.0; '1,200' -> 1200.0; 'three' -> 3.0."""
    key = num.lower()
    value = WORD_NUMBERS[key] if key in WORD_NUMBERS else float(key.replace(",", ""))
    return value * SCALES[scale.lower()] if scale else value


def overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Whether [start, end) touches any taken span."""
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def find_money(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Money amounts: '$25/hour', 'EUR 2.40', '£1.2m', '30 dollars an hour'."""
    found: list[Mention] = []
    for regex in (MONEY_PREFIX_RE, MONEY_SUFFIX_RE):
        for m in regex.finditer(text):
            if overlaps(m.start(), m.end(), taken):
                continue
            per = m.group("per") or m.group("adv")
            value = Money(
                amount=parse_number(m.group("num"), m.group("scale")),
                currency=CURRENCIES[m.group("cur").lower()],
                per=PER_UNITS[per.lower()] if per else None,
            )
            found.append(Mention("money", m.start(), m.end(), value, m.group(0)))
            taken.append((m.start(), m.end()))
    return found


def find_durations(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Durations: '30 seconds', '24 hours', '3-month', 'ninety days', 'for a year'."""
    found: list[Mention] = []
    for m in DURATION_RE.finditer(text):
        if overlaps(m.start(), m.end(), taken) or not _duration_context_ok(text, m):
            continue
        unit = UNITS[m.group("unit").lower()]
        amount = parse_number(m.group("num") or m.group("wnum"))
        value = Duration(amount=amount, unit=unit)  # type: ignore[arg-type]
        found.append(Mention("duration", m.start(), m.end(), value, m.group(0)))
        taken.append((m.start(), m.end()))
    return found


def _duration_context_ok(text: str, m: re.Match[str]) -> bool:
    if (m.group("wnum") or "").lower() not in ("a", "an"):
        return True
    before = re.findall(r"[a-z]+", text[: m.start()].lower())
    return bool(before) and before[-1] in A_DURATION_AFTER


def find_percents(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Percentages: '30%', '85 percent'."""
    found: list[Mention] = []
    for m in PERCENT_RE.finditer(text):
        if overlaps(m.start(), m.end(), taken):
            continue
        value = parse_number(m.group("num"))
        found.append(Mention("percent", m.start(), m.end(), value, m.group(0)))
        taken.append((m.start(), m.end()))
    return found


MULTIPLE_RE = re.compile(r"\b(?P<word>doubles?|doubling|triples?|tripling)\b", re.I)
MULTIPLE_PERCENT = {"doub": 100.0, "trip": 200.0}


def find_multiples(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """'volume doubles' is a 100% rise; 'triples' 200%."""
    found: list[Mention] = []
    for m in MULTIPLE_RE.finditer(text):
        if not overlaps(m.start(), m.end(), taken):
            value = MULTIPLE_PERCENT[m.group("word")[:4].lower()]
            found.append(Mention("percent", m.start(), m.end(), value, m.group(0)))
            taken.append((m.start(), m.end()))
    return found


def find_years(text: str, taken: list[tuple[int, int]]) -> None:
    """Mark years ('October 2026', 'by 2027') as taken, so that no slot reads them as counts."""
    for m in YEAR_RE.finditer(text):
        taken.append((m.start("year"), m.end("year")))


def find_numbers(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Plain numbers: '60k', '1.2 million', '5,000', 'five' (but not 'one' or 'a')."""
    found: list[Mention] = []
    for m in [*NUMBER_RE.finditer(text), *WORD_NUMBER_RE.finditer(text)]:
        if overlaps(m.start(), m.end(), taken):
            continue
        value = parse_number(m.group("num"), m.group("scale") or None)
        found.append(Mention("number", m.start(), m.end(), value, m.group(0)))
        taken.append((m.start(), m.end()))
    return found


def find_quantities(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """All quantities, most specific kind first so that '$25/hour' is not also read as 25."""
    find_years(text, taken)
    mentions = find_money(text, taken) + find_durations(text, taken)
    mentions += find_percents(text, taken) + find_multiples(text, taken)
    mentions += find_numbers(text, taken)
    return sorted(mentions, key=lambda m: m.start)
