"""When an expected slot value and the interview's value mean the same, and slot accuracy.

Expected values in eval cases are written by people: a name the reading layer knows by another
form ('Scottish Gaelic' is Gaelic, 'SOC 2' is held in 'SOC 2 Type II'), a duration in other
units (90 days is three months), opening hours as days and times ('7 days' is Mon-Sun), a date
with or without 'by'. `same` maps these where the meaning is the same, and nowhere else.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from assistant.reading.quantities import SECONDS as UNIT_SECONDS

REL_TOLERANCE = 0.015


@cache
def _plan():
    from assistant.interview.plan import load_plan

    return load_plan()


def same(slot: str, expected: Any, actual: Any) -> bool:
    """Whether two values of a slot mean the same."""
    if expected is None or actual is None:
        return expected is actual
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    slot_type = _plan().slot(slot).type if slot in _plan().slot_map else "text"
    if slot == "company_name":
        return _company(str(expected)) == _company(str(actual))
    if slot == "channel_hours":
        if isinstance(expected, Mapping) and isinstance(actual, Mapping):
            return (
                all(hours_hold(k, v, actual) for k, v in expected.items())
                and len(expected) >= len([k for k in actual if k != "all"]) - 0
            )
        return hours(str(expected)) == hours(str(actual))
    if slot == "go_live_date":
        return bool(dates(str(expected)) & dates(str(actual)))
    if isinstance(expected, Mapping) and isinstance(actual, Mapping):
        return _same_mapping(slot_type, expected, actual)
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return math.isclose(expected, actual, rel_tol=REL_TOLERANCE, abs_tol=1e-9)
    if isinstance(expected, str) and isinstance(actual, str):
        if slot_type in ("text", "notes"):
            # the same words, and every number of the expected text (a criterion's 88 is not 90)
            return expected.strip().lower() == actual.strip().lower() or (
                similar(expected, actual) and numbers(expected) <= numbers(actual)
            )
        return same_name(slot, expected, actual)
    if isinstance(expected, list) and isinstance(actual, list):
        return len(expected) == len(actual) and all(
            any(same(slot, e, a) for a in actual) for e in expected
        )
    return False


def hours_hold(key: str, value: str, held: Mapping[str, str]) -> bool:
    """Hours for one channel (or 'all'): hours for 'all' channels are each channel's hours,
    and one set of hours for every listed channel is the hours of 'all'."""
    if key in held:
        return hours(value) == hours(held[key])
    if "all" in held:
        return hours(value) == hours(held["all"])
    if key == "all":
        values = set(held.values())
        return len(values) == 1 and hours(value) == hours(values.pop())
    return False


def _same_mapping(slot_type: str, expected: Mapping, actual: Mapping) -> bool:
    if slot_type == "duration":
        e, a = seconds(expected), seconds(actual)
        return e is not None and a is not None and abs(e - a) < 1
    if slot_type == "renewal":
        keys = [k for k in ("count", "amount", "unit") if expected.get(k) is not None]
        return all(
            expected[k] == actual.get(k) or (k != "count" and seconds(expected) == seconds(actual))
            for k in keys
        )
    if slot_type == "service_level":
        return _close(expected.get("percent"), actual.get("percent")) and _close(
            expected.get("seconds"), actual.get("seconds")
        )
    if slot_type == "money":
        return (
            _close(expected.get("amount"), actual.get("amount"))
            and expected.get("currency") == actual.get("currency")
            and expected.get("per") in (None, actual.get("per"))
        )
    if "metric" in expected:
        metric = str(actual.get("metric", ""))
        return (
            same_name("kpis", str(expected["metric"]), metric)
            or similar(str(expected["metric"]), metric)
        ) and numbers(str(expected.get("change"))) == numbers(str(actual.get("change")))
    keys = set(expected) | set(actual)
    return all(
        _close(expected.get(k), actual.get(k))
        if isinstance(expected.get(k), int | float)
        else expected.get(k) == actual.get(k)
        for k in keys
    )


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(float(a), float(b), rel_tol=REL_TOLERANCE, abs_tol=1e-9)


def seconds(value: Mapping) -> float | None:
    """A duration's length in seconds (a month is 30 days)."""
    if value.get("amount") is None or value.get("unit") not in UNIT_SECONDS:
        return None
    return float(value["amount"]) * UNIT_SECONDS[value["unit"]]


def _company(name: str) -> str:
    from assistant.reading.names import fold, without_suffix

    return fold(without_suffix(name)).strip()


def same_name(slot: str, expected: str, actual: str) -> bool:
    """Names: equal, one holding the other ('SOC 2' in 'SOC 2 Type II'), or the same canonical
    name once the reading layer (or the plan) reads the expected one."""
    e, a = expected.strip().lower(), actual.strip().lower()
    if e == a or (len(e) > 2 and len(a) > 2 and (e in a or a in e)):
        return True
    name = canonical(slot, expected)
    return (name is not None and name.lower() == a) or _in_region(slot, name or expected, actual)


def _in_region(slot: str, country: str, region: str) -> bool:
    """A country held through the region the buyer named ('DACH' holds Austria), where the
    lexicon says which countries the region is made of, or through a nation of it ('the north
    of England' is in the United Kingdom)."""
    plan = _plan()
    if slot not in plan.slot_map or plan.slot(slot).vocabulary != "locations":
        return False
    from assistant.reading.lexicon import vocabulary
    from assistant.reading.places import nations

    return country in vocabulary("locations").members.get(region, ()) or nations().get(region) == country


def canonical(slot: str, text: str) -> str | None:
    """The vocabulary name a text reads as, in the slot's vocabulary."""
    plan = _plan()
    if slot not in plan.slot_map or not plan.slot(slot).vocabulary:
        return None
    vocabulary = plan.slot(slot).vocabulary
    names = {t.name.lower(): t.name for t in plan.terms(vocabulary)}
    if text.lower() in names:
        return names[text.lower()]
    from assistant.interview.terms import match_terms
    from assistant.reading.vocab import find_terms

    hits = [t.name for t in find_terms(text) if t.name.lower() in names]
    hits += [h.name for h in match_terms(text, plan.terms(vocabulary))]
    return hits[0] if hits else None


_STOP = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "for",
    "with",
    "at",
    "by",
    "is",
    "are",
    "be",
    "must",
    "every",
    "each",
    "their",
    "our",
    "we",
    "they",
    "it",
    "that",
    "this",
    "as",
    "from",
    "e.g",
    "eg",
}


def tokens(text: str) -> set[str]:
    """Content words, lower case, reduced to a crude stem."""
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", str(text).lower()) if w not in _STOP}


def _stem(word: str) -> str:
    for suffix in ("ation", "ing", "ly", "ed", "es", "s", "e", "y"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def similar(expected: str, actual: str, share: float = 0.5) -> bool:
    """At least `share` of the expected content words are in the actual text (a word also
    matches one it begins: 'gentl' and 'gent')."""
    want, have = tokens(expected), tokens(actual)
    hits = [
        w
        for w in want
        if w in have or any(len(x) >= 4 and (w.startswith(x) or x.startswith(w)) for x in have)
    ]
    return bool(want) and len(hits) / len(want) >= share


_DAYS = {"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri",
         "saturday": "sat", "sunday": "sun"}  # fmt: skip


def hours(text: str) -> tuple[str, ...]:
    """Hours as day ranges and times only ('7 days' is Mon-Sun, midnight is 00:00 whether
    written 24:00 or not; time zones left out)."""
    text = re.sub(r"24/5(?:\s*\(mon(?:day)?-fri(?:day)?\))?", "mon-fri 00:00-00:00", text.lower())
    text = (
        text.replace("24:00", "00:00")
        .replace("7 days", "mon-sun")
        .replace("weekdays", "mon-fri")
        .replace("every day", "mon-sun")
    )
    for day, short in _DAYS.items():
        text = text.replace(day, short)
    return tuple(
        re.findall(
            r"(?:mon|tue|wed|thu|fri|sat|sun)(?:-(?:mon|tue|wed|thu|fri|sat|sun))?|\d{2}:\d{2}|24/7|"
            r"business hours",
            text,
        )
    )


_MONTHS = (
    "january february march april may june july august september october november december".split()
)


def dates(text: str) -> set[str]:
    """The date words of a text: months, quarters, years, seasons, holidays, day numbers."""
    low = text.lower()
    found = set(
        re.findall(
            r"\bq[1-4]\b|\b(?:19|20)\d\d\b|\b\d{1,2}(?=st|nd|rd|th|\b)|spring|summer|autumn|fall|"
            r"winter|easter|christmas|new year|next year",
            low,
        )
    )
    return found | {m[:3] for m in _MONTHS if re.search(rf"\b{m[:3]}", low)}


def numbers(text: str) -> set[float]:
    """The numbers in a text."""
    return {float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)}


def slot_accuracy(expected: dict[str, Any], actual: dict[str, Any]) -> tuple[float, str]:
    """Share of expected slots whose actual value means the same, and a reason naming the misses.

    Args:
        expected: slot -> expected plain value (None: the slot must stay empty).
        actual: slot -> plain value, as in chat_turn's "profile".

    Returns:
        (accuracy in [0, 1], reason). An empty expectation scores 1.0.
    """
    if not expected:
        return 1.0, "no expected slots"
    misses = [
        f"{slot}: expected {exp!r}, got {actual.get(slot)!r}"
        for slot, exp in expected.items()
        if not same(slot, exp, actual.get(slot))
    ]
    score = (len(expected) - len(misses)) / len(expected)
    if not misses:
        return score, f"all {len(expected)} slots match"
    return score, f"{len(expected) - len(misses)}/{len(expected)} slots match; " + "; ".join(misses)


def values_match(expected: Any, actual: Any) -> bool:
    """Equal up to case, list order and 1.5% on numbers; dicts compare key by key (no slot)."""
    return same("", expected, actual)
