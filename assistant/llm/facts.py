"""The checkable facts of a sentence: numbers, amounts with units, currencies, names, negation.

A model's sentence is supported by a source text when each of these facts occurs in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text import stem, terms

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100,
}
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])|\b(" + "|".join(_WORD_NUMBERS) + r")\b",
    re.I,
)
_UNIT = re.compile(
    r"\s*(?:-\s*)?(?:(?:business|working|calendar)\s+)?"
    r"(%|percent|per\s?cent|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"years?|yrs?)\b|\s*(%)",
    re.I,
)
_UNIT_NAMES = {
    "%": "percent", "percent": "percent", "per cent": "percent", "percent.": "percent",
    "sec": "second", "min": "minute", "hr": "hour", "yr": "year",
}
_CURRENCY = re.compile(r"US\$|\$|€|£|\b(USD|EUR|GBP|CAD|AUD|INR|PHP|MXN|ZAR|PLN|CHF|SGD)\b")
_SYMBOLS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,}[a-z]?\b")
_CAPITALISED = re.compile(r"\b[A-Z][a-z][A-Za-z'-]*\b")
_NEGATION = re.compile(r"\b(not|no|none|never|cannot|without|neither|nor)\b|n't\b", re.I)
_COMMON_CAPITALS = frozenset(
    "i a an the it its this that these those they their there both each all in on for with "
    "yes no however also and but or if as at by from to of our we you your he she his her "
    "vendor vendors proposal proposals page pages document answer question".split()
)


@dataclass(frozen=True)
class Facts:
    """What a text asserts that can be checked word for word."""

    numbers: frozenset[str]
    quantities: frozenset[tuple[str, str]]
    currencies: frozenset[str]
    names: frozenset[str]
    negated: bool
    terms: frozenset[str]


def read_facts(text: str) -> Facts:
    """The numbers (normalised), number+unit pairs, currencies, names and terms of a text."""
    numbers, quantities = set(), set()
    for match in _NUMBER.finditer(text):
        value = _number_value(match)
        numbers.add(value)
        unit = _UNIT.match(text, match.end())
        if unit:
            quantities.add((value, _unit_name(unit.group(1) or unit.group(2))))
    return Facts(
        frozenset(numbers),
        frozenset(quantities),
        frozenset(_SYMBOLS.get(m.group(0), m.group(0)) for m in _CURRENCY.finditer(text)),
        frozenset(_names(text)),
        bool(_NEGATION.search(text)),
        frozenset(terms(text)),
    )


def unsupported(claim: str, source: str, known_names: set[str] | frozenset[str] = frozenset(),
                min_term_share: float = 0.5) -> list[str]:
    """What the claim states that the source does not; [] when every fact is found.

    Args:
        claim: one sentence written by the model (markers removed).
        source: the text it cites.
        known_names: lower-case names that need no source (the vendors, the buyer).
        min_term_share: the share of the claim's content words the source must contain.
    """
    said, backing = read_facts(claim), read_facts(source)
    source_words = _words(source)
    known_words = _words(" ".join(known_names))
    problems = [f"number {n}" for n in sorted(said.numbers - backing.numbers)]
    problems += [f"{n} {u}" for n, u in sorted(said.quantities - backing.quantities)
                 if n in backing.numbers]
    problems += [f"currency {c}" for c in sorted(said.currencies - backing.currencies)]
    problems += [
        f"name {name}" for name in sorted(said.names)
        if name.lower() not in source_words | known_words
    ]
    if said.negated and not backing.negated:
        problems.append("a negation")
    content = {t for t in said.terms if t.isalpha()} - {stem(w) for w in known_words}
    if content and len(content & backing.terms) / len(content) < min_term_share:
        problems.append("words not in the passage")
    return problems


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[\w&'-]+", text)}


def _number_value(match: re.Match[str]) -> str:
    if match.group(3):
        return str(_WORD_NUMBERS[match.group(3).lower()])
    whole = match.group(1).replace(",", "")
    fraction = (match.group(2) or "").rstrip("0").rstrip(".")
    return str(int(whole)) + fraction


def _unit_name(raw: str) -> str:
    word = re.sub(r"\s+", " ", raw.lower()).rstrip("s") if raw != "%" else "%"
    return _UNIT_NAMES.get(word, word)


def _names(text: str) -> set[str]:
    """Acronyms anywhere, and capitalised words that do not open a sentence."""
    found = {m.group(0) for m in _ACRONYM.finditer(text)}
    for match in _CAPITALISED.finditer(text):
        before = text[: match.start()].rstrip()
        opens_sentence = not before or before[-1] in ".!?:;\n-•*(\"'"
        if not opens_sentence:
            found.add(match.group(0))
    return {name for name in found if name.lower() not in _COMMON_CAPITALS}
