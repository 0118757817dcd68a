"""Parse money, rates, percentages, durations and multipliers out of proposal text (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "sixty": 60, "ninety": 90,
}  # fmt: skip
SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
CURRENCIES = {
    "us$": "USD", "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD",
    "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR",
    "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "ca$": "CAD", "c$": "CAD", "cad": "CAD", "a$": "AUD", "au$": "AUD", "aud": "AUD",
    "mxn": "MXN", "php": "PHP", "inr": "INR", "zar": "ZAR", "pln": "PLN", "chf": "CHF",
}  # fmt: skip
TIME_UNITS = {
    "s": "seconds", "sec": "seconds", "secs": "seconds", "second": "seconds",
    "min": "minutes", "mins": "minutes", "minute": "minutes",
    "h": "hours", "hr": "hours", "hrs": "hours", "hour": "hours",
    "day": "days", "week": "weeks", "wk": "weeks", "month": "months", "year": "years",
    "yr": "years",
}  # fmt: skip
SECONDS = {
    "seconds": 1, "minutes": 60, "hours": 3600, "days": 86400, "weeks": 7 * 86400,
    "months": 30 * 86400, "years": 365 * 86400,
}  # fmt: skip
CHANNEL_WORDS = {
    "call": "voice", "calls": "voice", "voice": "voice", "phone": "voice",
    "chat": "chat", "chats": "chat", "email": "email", "emails": "email",
}  # fmt: skip

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?P<scale>k|thousand|mn|million|m|bn|billion)(?![a-z]))?"
_CUR_PREFIX = r"us\$|ca\$|au\$|c\$|a\$|\$|€|£|usd|eur|gbp|cad|aud|mxn|php|inr|zar|pln|chf"
_CUR_SUFFIX = r"usd|eur|gbp|cad|aud|dollars?|euros?|pounds?"
MONEY_PREFIX = re.compile(
    rf"(?<![\w$])(?P<cur>{_CUR_PREFIX})\s?(?P<num>{NUM}){_SCALE}(?![\d%])", re.I
)
MONEY_SUFFIX = re.compile(rf"(?<![\w.,])(?P<num>{NUM}){_SCALE}\s?(?P<cur>{_CUR_SUFFIX})\b", re.I)
PERCENT = re.compile(rf"(?<![\w.])[+-]?(?P<num>{NUM})\s?(?:%|per ?cent\b)", re.I)
_WORDNUM = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_TIME = "|".join(sorted(TIME_UNITS, key=len, reverse=True))
DURATION = re.compile(
    rf"(?<![\w.,/:])(?P<num>{NUM}|{_WORDNUM})(?:\s?-\s?|\s)(?:(?P<kind>business|working|calendar)\s)?"
    rf"(?P<unit>{_TIME})(?:s|s'|'s)?(?![a-z])",
    re.I,
)
MULTIPLIER = re.compile(rf"(?<![\w.])(?P<num>{NUM})\s?(?:x|×|times)(?![a-z])", re.I)
_QUALIFIERS = (
    r"(?:(?:productive|billable|paid|handled|logged[- ]in|talk|agent|"
    r"full[- ]time(?: equivalent)?)[- ])*"
)
_PER_UNIT = (
    r"fte|full[- ]time(?: equivalent)? agent|agent|seat|head|transaction|contact|call|chat|"
    r"e-?mail|ticket|interaction|conversation|case|hour|hr|minute|min|month|year|annum|week|day"
)
PER = re.compile(
    rf"(?:/|\bper\b|\ban?\b|\beach\b|\bfor each\b)\s?{_QUALIFIERS}(?P<unit>{_PER_UNIT})s?\b", re.I
)
_PER_START = re.compile(r"\s?(?:/|per\b|an?\b|each\b|for each\b)", re.I)


@dataclass(frozen=True)
class Amount:
    """A quantity found in text, with its span and the words it was read from."""

    value: float
    start: int
    end: int
    text: str
    unit: str = ""


@dataclass(frozen=True)
class Money:
    """Money in a currency; `unit` is what one amount buys (hour, FTE-month, transaction…)."""

    amount: float
    currency: str
    unit: str | None
    channel: str | None
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        """JSON-ready form (no span)."""
        data: dict = {"currency": self.currency, "amount": self.amount}
        if self.unit:
            data["unit"] = self.unit
        if self.channel:
            data["channel"] = self.channel
        return data


def parse_number(text: str, scale: str | None = None) -> float | None:
    """'4,250' -> 4250.0; '1.2', 'm' -> 1200000.0; 'three' -> 3.0; '+48' -> 48.0."""
    key = text.strip().lower().lstrip("+")
    if key in WORD_NUMBERS:
        value = float(WORD_NUMBERS[key])
    else:
        try:
            value = float(key.replace(",", ""))
        except ValueError:
            return None
    return value * SCALES[scale.lower()] if scale else value


def currency_code(symbol: str) -> str | None:
    """'$' -> 'USD'; 'euros' -> 'EUR'; unknown -> None."""
    return CURRENCIES.get(symbol.strip().lower())


def rate_unit(text: str) -> tuple[str | None, str | None]:
    """The billing unit and channel named in text: 'per FTE per month' -> ('FTE-month', None)."""
    units = [m.group("unit").lower() for m in PER.finditer(text)]
    if re.search(r"\bhourly\b", text, re.I):
        units.append("hour")
    if re.search(r"\bmonthly\b", text, re.I) and any(_is_fte(u) for u in units):
        units.append("month")
    return _combine_units(units)


def _is_fte(unit: str) -> bool:
    return unit in ("fte", "agent", "seat", "head") or unit.startswith("full")


def _combine_units(units: list[str]) -> tuple[str | None, str | None]:
    if not units:
        return None, None
    first = units[0]
    if _is_fte(first):
        return ("FTE-year" if {"year", "annum"} & set(units) else "FTE-month"), None
    if first in ("hour", "hr"):
        return "hour", None
    if first in ("minute", "min"):
        return "minute", None
    if first in ("month", "year", "annum", "week", "day"):
        if any(_is_fte(u) for u in units[1:]):
            return "FTE-month", None
        return {"annum": "year"}.get(first, first), None
    return "transaction", CHANNEL_WORDS.get(first.replace("-", ""))


def find_money(text: str) -> list[Money]:
    """Every money amount in text with the unit that follows it ('$0.62/min')."""
    found: list[Money] = []
    taken: list[tuple[int, int]] = []
    for regex in (MONEY_PREFIX, MONEY_SUFFIX):
        for m in regex.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            amount = parse_number(m.group("num"), m.group("scale"))
            currency = currency_code(m.group("cur"))
            if amount is None or currency is None:
                continue
            tail = text[m.end() : m.end() + 45]
            unit, channel = None, None
            if _PER_START.match(tail):
                unit, channel = rate_unit(_until_next_money(tail))
            found.append(Money(amount, currency, unit, channel, m.start(), m.end(), m.group(0)))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda money: money.start)


def _until_next_money(tail: str) -> str:
    """The words after an amount, cut before the next amount or clause."""
    stop = re.search(rf"[;,|(]|{_CUR_PREFIX}\s?\d", tail, re.I)
    return tail[: stop.start()] if stop and stop.start() > 0 else tail


def parse_money(text: str) -> Money | None:
    """The first money amount in text, or None."""
    found = find_money(text)
    return found[0] if found else None


def find_percents(text: str) -> list[Amount]:
    """Percentages: '80%', '3.5 per cent'."""
    result = []
    for m in PERCENT.finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            result.append(Amount(value, m.start(), m.end(), m.group(0), "percent"))
    return result


def find_durations(text: str) -> list[Amount]:
    """Durations in their own unit: '45-day' -> 45 days; \"120 days' notice\" -> 120 days."""
    result = []
    for m in DURATION.finditer(text):
        value = parse_number(m.group("num"))
        if value is None:
            continue
        unit = TIME_UNITS[m.group("unit").lower()]
        kind = f"{m.group('kind').lower()} " if m.group("kind") else ""
        result.append(Amount(value, m.start(), m.end(), m.group(0), kind + unit))
    return result


def convert(amount: float, unit: str, to: str) -> float:
    """Convert a duration between units (a month is 30 days, a year 365 days)."""
    base = unit.split()[-1]
    return amount * SECONDS[base] / SECONDS[to]


def duration_dict(amount: Amount) -> dict:
    """A duration as {amount, unit, days, hours}."""
    unit = amount.unit.split()[-1]
    data = {"amount": amount.value, "unit": amount.unit}
    data["days"] = round(convert(amount.value, unit, "days"), 3)
    data["hours"] = round(convert(amount.value, unit, "hours"), 3)
    if unit in ("months", "years"):
        data["months"] = amount.value * (12 if unit == "years" else 1)
    return data


def find_multipliers(text: str) -> list[Amount]:
    """Multipliers: '1.5x', '2 times'."""
    result = []
    for m in MULTIPLIER.finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            result.append(Amount(value, m.start(), m.end(), m.group(0), "x"))
    return result


def find_counts(text: str, nouns: str) -> list[Amount]:
    """Numbers followed by one of the nouns (a regex alternation): '15 agents', '12 FTE'."""
    pattern = re.compile(rf"(?<![\w.,])(?P<num>{NUM}|{_WORDNUM})\s(?P<noun>{nouns})\b", re.I)
    result = []
    for m in pattern.finditer(text):
        value = parse_number(m.group("num"))
        if value is not None:
            result.append(Amount(value, m.start(), m.end(), m.group(0), m.group("noun").lower()))
    return result


def first_after(items: list[Amount], position: int, limit: int = 200) -> Amount | None:
    """The first quantity starting at or after position, within limit characters."""
    after = [a for a in items if position <= a.start <= position + limit]
    return min(after, key=lambda a: a.start) if after else None
