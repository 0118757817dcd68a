"""A label that points elsewhere ('PCI DSS: see below.', 'ISO 22301 — refer to section 4.')
asserts nothing of its own: its mentions take their status from the statement it points to,
the next one, when that statement names nothing of its own and gives a status ('Not currently
held.', 'In progress.'). Anything else is left as it was read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import TypeVar

from assistant.reading.lexicon import assertion

M = TypeVar("M")
_SENTENCE_END = re.compile(r"[.!?](?:\s+|$)")


@cache
def _words() -> str:
    pointers = sorted(assertion().pointers, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in pointers)


@cache
def _any_pointer() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_words()})\b", re.I)


@cache
def _pointer() -> re.Pattern[str]:
    body = _words()
    # the label, a separator, the pointer, and nothing after it but a reference and a stop
    return re.compile(
        rf"^(?P<label>.+?)\s*(?:[:|—–-]|,)?\s*\(?\s*(?:please\s+)?(?:{body})\b"
        r"(?:\s+[\w.()-]+){0,3}?\s*\)?\s*[.!?]?\s*$",
        re.I,
    )


def has_pointer(text: str) -> bool:
    """Whether any pointer word stands in text (a quick test before the sentences are split)."""
    return _any_pointer().search(text) is not None


def pointer_label(sentence: str) -> str | None:
    """The label of a sentence that only points elsewhere ('PCI DSS' of 'PCI DSS: see below.');
    None for any other sentence."""
    match = _pointer().match(sentence.strip())
    if match is None or len(match.group("label").split()) > 8:
        return None
    return match.group("label").strip(" :|—–-,(")


def status_from_next(
    label: str, mentions: Sequence[M], following: str, read: Callable[[str], list]
) -> list[str] | None:
    """The statuses the statement after a pointer gives its label's mentions ('PCI DSS' and
    'Not currently held.' read as 'PCI DSS: Not currently held.'); None where that statement
    names a mention of its own, or gives a different number of mentions."""
    following = following.strip()
    if not following or read(following):
        return None
    joined = read(f"{label}: {following}")
    if len(joined) != len(mentions):
        return None
    return [m.status for m in joined]


def next_sentence(text: str, end: int) -> tuple[int, str] | None:
    """Where the sentence after position `end` starts in text, and that sentence."""
    rest = text[end:]
    if not rest.strip():
        return None
    start = end + len(rest) - len(rest.lstrip())
    stop = _SENTENCE_END.search(text, start)
    return start, text[start : stop.end() if stop else len(text)]
