"""Unicode clean-up of extracted text, and end-of-line hyphenation rejoined.

Every reader passes its text through `clean` so that 'ﬁnancial' (a ligature glyph) and
'financial' are the same word, non-breaking and odd spaces are spaces, and soft hyphens and
zero-width characters are gone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # unmapped glyphs (bullets, mostly)
_UNMAPPED = re.compile(r"\(cid:\d+\)")  # pdfminer's name for a glyph with no character
# Private-use characters: symbol-font glyphs (Word's bullets are U+F0B7 in the Symbol font).
_PRIVATE = re.compile(r"[\ue000-\uf8ff]")
_SPACES = re.compile(r"[^\S\n]+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def clean(text: str) -> str:
    """NFKC-normalised text: ligatures split, spaces unified, invisible characters dropped."""
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    text = _CONTROL.sub("•", text)
    lines = (_SPACES.sub(" ", _private_glyphs(line)).strip() for line in text.split("\n"))
    return "\n".join(_unmapped_glyphs(line) for line in lines)


def _private_glyphs(line: str) -> str:
    """A symbol-font glyph: a bullet at the start of a line, else a space."""
    if not _PRIVATE.search(line):
        return line
    stripped = line.lstrip()
    if _PRIVATE.match(stripped):
        line = "• " + stripped[1:].lstrip()
    return _PRIVATE.sub(" ", line)


def _unmapped_glyphs(line: str) -> str:
    """A glyph without a character: a bullet at the start of a line, else nothing."""
    if "(cid:" not in line:
        return line
    line = _UNMAPPED.sub("•", line, count=1) if _UNMAPPED.match(line) else line
    return _SPACES.sub(" ", _UNMAPPED.sub("", line)).strip()


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The lower-cased words of a document, to decide how a line-end hyphen is read."""
    return frozenset(word.lower() for text in texts for word in _WORD.findall(text))


def rejoin(head: str, tail: str, words: frozenset[str]) -> str:
    """A word broken over a line end ('finan-' + 'cial'), joined the way the document writes it.

    The hyphen goes when the document also writes the whole word (or the pieces are too short
    to be words of their own); a real compound ('work-' + 'from-home') keeps it.
    """
    stem = head[:-1]
    word = re.match(r"[^\W\d_]+", tail)
    piece = word.group(0) if word else tail
    whole, hyphenated = (stem + piece).lower(), f"{stem}-{piece}".lower()
    if whole in words or (hyphenated not in words and (len(piece) <= 3 or len(stem) <= 2)):
        return stem + tail
    return f"{stem}-{tail}"


def broken_word(line: str, next_line: str) -> tuple[str, str] | None:
    """(the last word of line, the first word of next_line) when a word is broken between them."""
    head = line.rsplit(" ", 1)[-1]
    tail = next_line.split(" ", 1)[0]
    if len(head) >= 2 and head.endswith("-") and head[-2].isalpha() and tail[:1].islower():
        return head, tail
    return None
