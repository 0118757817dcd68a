"""Numbers as people write them: '1,234.50', '1.234,50', '60 000', '1,20,000', '28,50', '60k',
'1.2 million', '3 lakh', 'sixty thousand', 'forty-five' — each with its span in the text.

Digits are parsed with Babel once the separators say which locale wrote them; number words go
to text2num. A text's decimal mark is guessed from the text itself ('28,50 €' writes a decimal
comma), so '1.250' is 1250 in a text that writes decimal commas and 1.25 elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel.numbers import NumberFormatError, parse_decimal

_DIGITS = re.compile(
    r"(?<![\w.,/:])(?P<num>\d{1,3}(?:(?:,|\.|[ \u202f](?=\d{3}(?!\d)))\d{2,3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:\s?(?P<scale>k|K|m|M|mn|MM|bn|B|thousand|million|billion|lakhs?|lacs?|crores?)(?![\w]|-[A-Z]))?"
)
_SCALES = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "million": 1e6, "bn": 1e9,
    "b": 1e9, "billion": 1e9, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7,
    "crores": 1e7,
}  # fmt: skip
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
          "eighty ninety hundred thousand million billion").split()
# A number word may stand before a hyphen only when a time unit follows ('a three-year term'),
# not in 'one-off' or 'one-time'.
_WORD_NUMBER = re.compile(
    rf"(?<![\w-])(?:{'|'.join(_UNITS)})(?:(?:[\s-]+|\s+and\s+)(?:{'|'.join(_UNITS)}))*"
    r"(?![\w])(?!-(?!(?:year|month|week|day|hour|minute|second)s?\b))", re.I
)
_DECIMAL_COMMA = re.compile(r"(?<![\d,])\d{1,3},\d{1,2}(?![\d,])|\d{1,3}(?:\.\d{3})+,\d|\d,\d+\s?(?:%|€|EUR|\$)")


# a point before other than three digits, or a comma grouping thousands: English numbers
_DECIMAL_POINT = re.compile(r"(?<![\d.])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])|\d,\d{3}(?![\d])")


@dataclass(frozen=True)
class Number:
    """A number in a text: its value and where it stands."""

    value: float
    start: int
    end: int
    text: str
    words: bool = False  # written in words ('sixty thousand')


def decimal_mark(text: str) -> str:
    """',' when the text writes decimal commas ('28,50 €', '1.234,50'), '.' when it writes a
    decimal point or groups thousands with commas ('2.5 million', '1,250 agents'), else '' (not
    known: a lone point before exactly three digits then groups thousands, '22.000 contacts')."""
    if _DECIMAL_COMMA.search(text):
        return ","
    return "." if _DECIMAL_POINT.search(text) else ""


def parse_digits(raw: str, mark: str = ".") -> float | None:
    """'1,234.50' -> 1234.5; '1.234,50' -> 1234.5; '60 000' -> 60000; '1,20,000' -> 120000.

    With both separators the last one is the decimal mark. A lone separator is the decimal
    mark when the text writes that mark (`mark`) or when fewer than three digits follow it;
    otherwise it groups thousands ('1,250' is 1250 in English, '1.250' is 1250 in German).
    """
    raw = raw.replace("\u202f", "").replace(" ", "").strip()
    commas, dots = raw.count(","), raw.count(".")
    if commas and dots:
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
    elif commas or dots:
        sep = "," if commas else "."
        tail = raw.rpartition(sep)[2]
        decimal = sep if (raw.count(sep) == 1 and (len(tail) != 3 or mark == sep)) else ""
    else:
        decimal = "."
    if decimal == ",":
        raw = raw.replace(".", "")
        locale = "de"
    else:
        raw = raw.replace(",", "") if decimal == "." else raw.replace(",", "").replace(".", "")
        locale = "en"
    try:
        return float(parse_decimal(raw, locale=locale, strict=False))
    except (NumberFormatError, ValueError):
        return None


def find_numbers(text: str, mark: str | None = None) -> list[Number]:
    """Every number in text, in order: digits (with a scale word) and number words."""
    mark = mark or decimal_mark(text)
    found: list[Number] = []
    for match in _DIGITS.finditer(text):
        value = parse_digits(match.group("num"), mark)
        if value is None:
            continue
        if scale := match.group("scale"):
            value *= _SCALES[scale.lower()]
        found.append(Number(value, match.start(), match.end(), match.group(0)))
    taken = [(n.start, n.end) for n in found]
    for match in _WORD_NUMBER.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        found += _word_numbers(text, match)
    return sorted(found, key=lambda n: n.start)


def _word_numbers(text: str, match: re.Match[str]) -> list[Number]:
    """The numbers of a run of number words: the run itself, or else its longest valid pieces
    from the left ('two one-year options' is two, then one)."""
    words = list(re.finditer(r"[a-z]+", match.group(0), re.I))
    found, i = [], 0
    while i < len(words):
        for j in range(len(words), i, -1):
            start, end = match.start() + words[i].start(), match.start() + words[j - 1].end()
            value = words_to_number(text[start:end])
            if value is not None:
                found.append(Number(value, start, end, text[start:end], words=True))
                i = j
                break
        else:
            i += 1
    return found


def words_to_number(phrase: str) -> float | None:
    """'sixty thousand' -> 60000; 'forty-five' -> 45 (text2num); None when it is no number."""
    from text_to_num import text2num

    cleaned = re.sub(r"\s+and$", "", re.sub(r"[\s-]+", " ", phrase.strip().lower()))
    try:
        return float(text2num(cleaned, "en"))
    except ValueError:
        return None
