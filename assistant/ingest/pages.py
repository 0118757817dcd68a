"""What every reader's pages go through: running headers and footers dropped, headings marked
from type size, words broken over line ends rejoined, then the page text composed."""

from __future__ import annotations

import re
from collections import Counter

from assistant.ingest.compose import compose_page
from assistant.ingest.layout import Line, PageLayout, body_size
from assistant.ingest.normalise import broken_word, rejoin, vocabulary
from assistant.models import Page

_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^\W*(?:page|p\.|pg\.?|seite|página|pagina)?\s*\d+\s*(?:(?:of|/|de|von|sur)\s*\d+)?\W*$", re.I
)
_PAGE_PHRASE = re.compile(r"\b(?:page|p\.|pg\.?)\s*\d+(?:\s*(?:of|/)\s*\d+)?\b", re.I)
_EDGE = 0.09  # the top and bottom 9% of a page hold its running header and footer


def finish(layouts: list[PageLayout], mark_headings: bool = True) -> list[Page]:
    """Pages ready to store, from what a reader found on each."""
    _drop_running_lines(layouts)
    if mark_headings:
        _mark_headings(layouts)
    words = vocabulary(line.text for layout in layouts for line in layout.lines)
    for layout in layouts:
        _rejoin_broken_words(layout.lines, words)
    return [
        compose_page(lay.number, [ln for ln in lay.lines if ln.text or ln.table is not None],
                     lay.tables, lay.width, lay.height, lay.ocr, lay.sheet)
        for lay in layouts
    ]


def is_page_number(text: str) -> bool:
    """'7', 'Page 7', 'Page 7 of 12', '- 7 -', '7/12'."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def _is_folio(text: str) -> bool:
    """A page's folio line: a page number alone, or a short line that says 'Page 7 of 12'."""
    return is_page_number(text) or (len(text) <= 80 and bool(_PAGE_PHRASE.search(text)))


def _drop_running_lines(layouts: list[PageLayout]) -> None:
    """Drop page numbers at a page's edge, and edge lines repeated on most pages (numbers aside)."""
    counts: Counter[str] = Counter()
    for layout in layouts:
        counts.update({_key(line.text) for line in _edge_lines(layout)})
    pages = len(layouts)
    repeated = {key for key, n in counts.items() if pages >= 2 and n >= max(2, pages * 0.5)}
    for layout in layouts:
        edge = {id(line) for line in _edge_lines(layout)}
        layout.lines = [
            line for line in layout.lines
            if id(line) not in edge or not (_is_folio(line.text) or _key(line.text) in repeated)
        ]


def _edge_lines(layout: PageLayout) -> list[Line]:
    """Lines in the page's top or bottom margin (the first and last two when positions are unknown)."""
    text_lines = [line for line in layout.lines if line.table is None and line.text.strip()]
    if layout.height and all(line.box for line in text_lines):
        top, bottom = layout.height * _EDGE, layout.height * (1 - _EDGE)
        return [ln for ln in text_lines if ln.box.bottom <= top or ln.box.top >= bottom]
    return text_lines[:2] + text_lines[-2:] if len(text_lines) > 4 else text_lines[:1] + text_lines[-1:]


def _key(text: str) -> str:
    """A line as compared across pages: only a folio's numbers may differ from page to page."""
    text = text.strip().lower()
    return _DIGITS.sub("#", text) if _is_folio(text) else text


def _mark_headings(layouts: list[PageLayout]) -> None:
    """Lines set larger than the body text, or short lines wholly in bold, become headings."""
    words = [w for layout in layouts for line in layout.lines for w in line.words]
    if not words:
        return
    body = body_size(words)
    for layout in layouts:
        previous: Line | None = None
        for line in layout.lines:
            level = _heading_level(line, body)
            if level and previous is not None and previous.heading == level and _wraps(previous, line):
                previous.text += " " + line.text  # a heading wrapped over two lines
                line.text = ""
                continue
            line.heading = level
            previous = line if line.text else previous


def _wraps(previous: Line, line: Line) -> bool:
    """The line continues the heading above it (no more than half a line's height between)."""
    if previous.box is None or line.box is None:
        return not line.new_block
    height = line.box.bottom - line.box.top
    return 0 <= line.box.top - previous.box.bottom <= 0.6 * height


def _heading_level(line: Line, body: float) -> int | None:
    if line.table is not None or not line.words or len(line.text) > 120:
        return None
    if line.text.rstrip().endswith((".", ",", ";")) or not any(ch.isalpha() for ch in line.text):
        return None
    sizes = sorted(w.size for w in line.words)
    size = sizes[len(sizes) // 2]
    bold = all(w.bold for w in line.words)
    ratio = size / body
    if ratio >= 1.6:
        return 1
    if ratio >= 1.3:
        return 2
    if ratio >= 1.12 or (bold and len(line.words) <= 12 and line.new_block and line.text[0].isupper()):
        return 3
    return None


def _rejoin_broken_words(lines: list[Line], words: frozenset[str]) -> None:
    """'finan-' at a line's end and 'cial' at the next line's start become 'financial'."""
    for line, following in zip(lines, lines[1:], strict=False):
        if following.new_block or following.table is not None or line.table is not None:
            continue
        broken = broken_word(line.text, following.text)
        if broken:
            head, tail = broken
            line.text = line.text[: -len(head)] + rejoin(head, tail, words)
            following.text = following.text[len(tail):].lstrip()
