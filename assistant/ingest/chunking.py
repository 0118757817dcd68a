"""Pages to chunks that keep document, vendor, page, offsets and their heading path."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from assistant.models import Chunk, Page
from assistant.text import heading_level, heading_text


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str


def document_key(name: str) -> str:
    """A short stable key for a document name (used in chunk ids)."""
    return hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def chunk_pages(
    name: str, vendor: str, pages: Iterable[Page], max_chars: int = 900
) -> list[Chunk]:
    """Split pages into chunks no longer than about max_chars, never across pages."""
    key = document_key(name)
    stack: list[tuple[int, str]] = []
    chunks: list[Chunk] = []
    for page in pages:
        cells = {start for start, _ in page.atomic_spans}
        for start, end, headings in _page_spans(page.text, stack, max_chars, cells):
            text = page.text[start:end].strip()
            if text:
                chunks.append(
                    Chunk(
                        id=f"{key}:{page.number}:{start}",
                        document=name,
                        vendor=vendor,
                        page=page.number,
                        start=start,
                        end=end,
                        text=text,
                        headings=headings,
                    )
                )
    return chunks


def _lines(text: str, max_chars: int = 900) -> Iterator[_Line]:
    """Lines with their offsets; an over-long line is cut after sentence ends."""
    offset = 0
    for raw in text.split("\n"):
        piece_start = 0
        while len(raw) - piece_start > max_chars:
            cut = raw.rfind(". ", piece_start, piece_start + max_chars)
            cut = cut + 2 if cut > piece_start else piece_start + max_chars
            yield _Line(offset + piece_start, offset + cut, raw[piece_start:cut])
            piece_start = cut
        yield _Line(offset + piece_start, offset + len(raw), raw[piece_start:])
        offset += len(raw) + 1


def _page_spans(
    text: str, stack: list[tuple[int, str]], max_chars: int, cells: set[int] = frozenset()
) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """Yield (start, end, headings) spans of one page; `stack` carries headings across pages.

    A table cell's line (starting at an offset in `cells`) is never taken for a heading.
    """
    span_start: int | None = None
    span_end = 0
    headings = tuple(title for _, title in stack)
    for line in _lines(text, max_chars):
        level = None if line.start in cells else heading_level(line.text)
        too_long = span_start is not None and line.end - span_start > max_chars
        if span_start is not None and (level is not None or too_long):
            yield span_start, span_end, headings
            span_start = None
        if level is not None and not stack and line.text.strip()[0] not in "#0123456789":
            level = 0  # the document's first unnumbered heading is its title: the root
        if level is not None:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading_text(line.text)))
        if span_start is None:
            headings = tuple(title for _, title in stack)
            if not line.text.strip():
                continue
            span_start = line.start
        span_end = line.end
    if span_start is not None:
        yield span_start, span_end, headings
