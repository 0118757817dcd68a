"""Shared text helpers: tokens, light stemming, sentence spans and quote matching."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not of off on once only or other our ours out over own same she should
    so some such than that the their theirs them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you
    your yours us per vs via also within""".split()
)
# A number with a slash or decimals is one token; otherwise letters and digits are separate
# tokens ('ISO27001' is 'ISO 27001', 'SOC2' is 'SOC 2'), and a one-letter prefix joined by a
# hyphen is one word with its stem ('e-mail' is 'email').
_TOKEN = re.compile(r"\d+/\d+|\d+(?:\.\d+)+|\b[a-z]-(?=[a-z]{2})|[a-z]+|\d+")
_SENTENCE_BREAK = re.compile(r"(?<=[^\s.][.!?])\s+(?=[A-Z0-9(\"'])")
_NUMBERING = re.compile(r"\s*(?:#+\s*)?(?:\d+\.)+\d*\.?\s*|\s*(?:#+\s*)?[A-Z]\.\s*")


# Irregular past forms of verbs, read as their base: 'Status: Held' says what 'hold' asks.
_IRREGULAR = {
    "held": "hold", "kept": "keep", "paid": "pay", "met": "meet", "sold": "sell", "ran": "run",
    "built": "build", "spent": "spend", "took": "take", "taken": "take", "gave": "give",
    "given": "give", "made": "make", "chose": "choose", "chosen": "choose", "began": "begin",
    "begun": "begin", "brought": "bring", "bought": "buy",
}


def stem(token: str) -> str:
    """A light English stemmer: enough to match 'rates'/'rate', 'certified'/'certification',
    'held'/'hold'."""
    token = _IRREGULAR.get(token, token)
    if len(token) <= 3 or not token.isalpha():
        return token
    for suffix, keep in (
        ("ications", 0), ("ication", 0), ("ations", 0), ("ation", 0), ("ities", 0), ("ity", 0),
        ("ings", 0), ("ing", 0), ("ied", 0), ("ies", 0), ("ed", 0), ("es", 0), ("ly", 1),
        ("ss", 9), ("s", 0),
    ):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3 + keep:
            token = token[: -len(suffix)]
            break
    return token[:-1] if len(token) >= 4 and token[-1] in "eiy" else token


def tokens(text: str) -> list[str]:
    """Lower-cased, accent-folded word and number tokens (keeps 24/7, 80/20 and 2.40 whole):
    'Medellín' is 'medellin', 'Ligação' is 'ligacao'."""
    found = _TOKEN.findall(_spelt_out(_folded(text).replace(",", "")))
    return _joined_prefixes([_abbreviations().get(t, t) for t in found])


def _joined_prefixes(found: list[str]) -> list[str]:
    """The tokens with a one-letter prefix ('e-') joined to the word after it."""
    if not any(t.endswith("-") for t in found):
        return found
    joined: list[str] = []
    for token in found:
        if joined and joined[-1].endswith("-"):
            joined[-1] = joined[-1][:-1] + token
        else:
            joined.append(token)
    return [t[:-1] if t.endswith("-") else t for t in joined]


def _spelt_out(lowered: str) -> str:
    """The text with its slash forms written out ('w/' is 'with'), knowledge/lexicon/spellings.yaml."""
    if "/" not in lowered:
        return lowered
    return _slash_pattern().sub(lambda m: " " + _slash_forms()[m.group(0)] + " ", lowered)


@cache
def _slash_forms() -> dict[str, str]:
    from assistant.reading.lexicon import spellings

    return dict(spellings().slash_forms)


@cache
def _slash_pattern() -> re.Pattern[str]:
    forms = sorted(_slash_forms(), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9/])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![a-z0-9/])")


@cache
def _abbreviations() -> dict[str, str]:
    """Shortened forms of words and the word itself ('hrly' is 'hourly')."""
    from assistant.reading.lexicon import spellings

    return dict(spellings().abbreviations)


def _folded(text: str) -> str:
    if text.isascii():
        return text.lower()
    from assistant.reading.names import fold

    return fold(text)


def terms(text: str) -> list[str]:
    """Stemmed content tokens, stopwords removed: the unit of keyword matching."""
    return [stem(tok) for tok in tokens(text) if tok not in STOPWORDS]


_NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+[A-Z]")
_MARKDOWN = re.compile(r"^(#{1,6})\s+(.*)$")
_SENTENCE_END = re.compile(r"[.;:,!?]$")


def heading_level(line: str) -> int | None:
    """The heading level a line looks like, or None for body text."""
    line = line.strip()
    if match := _MARKDOWN.match(line):
        return len(match.group(1))
    if not line or len(line) > 80 or "|" in line or _SENTENCE_END.search(line):
        return None
    if line.startswith(("-", "*", "•", "(")) or line[0].islower():
        return None
    if match := _NUMBERED.match(line):
        return min(match.group(1).count(".") + 1, 4)
    words = line.split()
    if len(words) > 10 or sum(ch.isdigit() for ch in line) > len(line) / 3:
        return None
    capitalised = sum(word[0].isupper() or not word[0].isalpha() for word in words)
    return 2 if capitalised >= max(1, len(words) * 0.5) else None


def heading_text(line: str) -> str:
    """A heading line without Markdown marks."""
    return line.strip().lstrip("#").strip()


@dataclass(frozen=True)
class Span:
    """A sentence-like span of a page: [start, end) into the page text."""

    start: int
    end: int
    text: str


def sentence_spans(
    text: str, start: int = 0, end: int | None = None, atomic: Sequence[tuple[int, int]] = ()
) -> Iterator[Span]:
    """Sentences of text[start:end]; table rows and cells, bullets and headings stand alone.

    A line continues the block above it when that block's last line did not end a
    sentence, so wrapped bullets and wrapped table cells stay whole. Lines starting an
    `atomic` span (a table cell's line) are one span each.
    """
    end = len(text) if end is None else end
    atomic_starts = {s for s, _ in atomic}
    block: list[tuple[int, int]] = []
    is_row = False
    offset = start
    for line in text[start:end].split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        stripped = line.strip()
        if line_start in atomic_starts:
            if block:
                yield from _emit(text, block, is_row)
                block = []
            if stripped:
                yield Span(line_start, line_end, _flat(line))
            continue
        previous = text[block[-1][0] : block[-1][1]] if block else ""
        after_heading = len(block) == 1 and heading_level(previous) is not None
        continues = bool(block) and not after_heading and not _ends_sentence(previous) \
            and not _row_of_figures(previous, stripped)
        starts_new = (
            not stripped
            or after_heading
            or "|" in stripped
            or stripped.startswith(_BULLETS)
            or (not continues and _looks_like_heading(stripped))
        )
        if block and (starts_new or is_row and not (continues and len(stripped) < 40)):
            yield from _emit(text, block, is_row)
            block = []
        if stripped:
            if not block:
                is_row = "|" in stripped
            block.append((line_start, line_end))
    if block:
        yield from _emit(text, block, is_row)


_BULLETS = ("-", "•", "*", "#", "•")


def _row_of_figures(previous: str, line: str) -> bool:
    """A line ending in a figure followed by a capitalised one: rows of a table read as text
    (a wrapped sentence does not break after its last number and go on with a capital), but
    for a date wrapped between its day and its month ('open until 28' / 'February 2027')."""
    return bool(re.search(r"\d[\d,.%]*\s*$", previous)) and line[:1].isupper() \
        and not (re.search(r"(?<![\d,.])\d{1,2}\s*$", previous) and _month_first().match(line))


@cache
def _month_first() -> re.Pattern[str]:
    """A line opening with a month's name ('February 2027', 'Sept. 30')."""
    from assistant.reading.triggers import MONTH_NAMES

    return re.compile(rf"(?:{MONTH_NAMES})\b", re.I)


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", ":", ";"))


def _looks_like_heading(line: str) -> bool:
    return len(line) < 60 and not _ends_sentence(line)


def _emit(text: str, block: list[tuple[int, int]], is_row: bool) -> Iterator[Span]:
    start, end = block[0][0], block[-1][1]
    if is_row:
        yield Span(start, end, _flat(text[start:end]))
    else:
        yield from _split_block(text, start, end)


def _split_block(text: str, start: int, end: int) -> Iterator[Span]:
    chunk = text[start:end]
    position = 0
    for match in _SENTENCE_BREAK.finditer(chunk):
        piece = chunk[position : match.start()]
        if _NUMBERING.fullmatch(piece):
            continue  # '12.' of '12. Service levels' numbers what follows
        if piece.strip():
            yield Span(start + position, start + match.start(), _flat(piece))
        position = match.end()
    if chunk[position:].strip():
        yield Span(start + position, end, _flat(chunk[position:]))


def _flat(text: str) -> str:
    """One line, single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def normalise_for_match(text: str) -> str:
    """Whitespace- and case-insensitive form used to check quotes against pages."""
    return re.sub(r"\s+", " ", text).strip().lower()


def quote_in_page(quote: str, page_text: str) -> bool:
    """True when the quote occurs in the page text (ignoring whitespace and case)."""
    return bool(quote.strip()) and normalise_for_match(quote) in normalise_for_match(page_text)
