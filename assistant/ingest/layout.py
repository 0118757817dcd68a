"""Reading order of a page from word positions: recursive XY-cut, columns read one by one.

A page is cut at horizontal white bands into blocks; a block with a white vertical gutter from
top to bottom is read column by column. Bands that share one gutter are merged first, so a
two-column page whose paragraph gaps happen to line up is still read column by column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from assistant.models import Box


@dataclass(frozen=True)
class Word:
    """A word (or any placed item, such as a whole table) on the page."""

    text: str
    box: Box
    size: float = 10.0
    bold: bool = False
    table: int | None = None  # index of the table this item stands for


@dataclass
class Line:
    """A line of words in reading order, with its box and what it is."""

    words: list[Word]
    text: str = ""
    box: Box | None = None
    heading: int | None = None  # Markdown level when the line is a heading
    table: int | None = None
    new_block: bool = False  # a blank line goes before it (a new paragraph or block)
    cell: object | None = field(default=None, repr=False)


def reading_order(items: Sequence[Word], line_gap: float, gutter: float) -> list[list[Word]]:
    """Blocks of items in reading order (top to bottom, columns left to right)."""
    if not items:
        return []
    bands = _merge_shared_gutters(_split(items, vertical=False, gap=line_gap), gutter)
    if len(bands) > 1:
        return [block for band in bands for block in reading_order(band, line_gap, gutter)]
    columns = _columns(items, gutter)
    if len(columns) > 1:
        return [block for column in columns for block in reading_order(column, line_gap, gutter)]
    return [list(items)]


def _split(items: Sequence[Word], vertical: bool, gap: float) -> list[list[Word]]:
    """Groups separated by white space wider than gap, along y (bands) or x (columns)."""
    key = (lambda w: (w.box.x0, w.box.x1)) if vertical else (lambda w: (w.box.top, w.box.bottom))
    ordered = sorted(items, key=key)
    groups: list[list[Word]] = [[ordered[0]]]
    reach = key(ordered[0])[1]
    for item in ordered[1:]:
        start, end = key(item)
        if start - reach > gap:
            groups.append([])
        groups[-1].append(item)
        reach = max(reach, end)
    return groups


def _columns(items: Sequence[Word], gutter: float) -> list[list[Word]]:
    """Columns split at vertical gutters: each a quarter of the block wide, and each set as
    wrapped text (most of its lines run the column's width), so that a bullet or a column of
    labels beside their values is never read as a column of its own."""
    groups = _split(items, vertical=True, gap=gutter)
    if len(groups) < 2:
        return [list(items)]
    left = min(w.box.x0 for w in items)
    width = max(w.box.x1 for w in items) - left
    if all(x1 - x0 >= width / 4 and _wrapped(g, x0, x1) for g in groups for x0, x1 in [_span(g)]):
        return groups
    return [list(items)]


def _span(group: Sequence[Word]) -> tuple[float, float]:
    return min(w.box.x0 for w in group), max(w.box.x1 for w in group)


def _wrapped(group: Sequence[Word], x0: float, x1: float) -> bool:
    """Text that wraps: at least half its lines (and two or more) fill 80% of its width."""
    lines = block_lines(list(group))
    full = sum((ln.box.x1 - ln.box.x0) >= 0.8 * (x1 - x0) for ln in lines)
    return full >= 2 and full >= len(lines) / 2 or len(lines) <= 1 and x1 - x0 > 0


def _gutter(band: list[Word], gutter: float) -> tuple[float, float] | None:
    """The white vertical band splitting a block into two columns, if there is one."""
    columns = _columns(band, gutter)
    if len(columns) != 2 or len(band) < 6:
        return None
    return max(w.box.x1 for w in columns[0]), min(w.box.x0 for w in columns[1])


def _merge_shared_gutters(bands: list[list[Word]], gutter: float) -> list[list[Word]]:
    """Join consecutive bands whose columns are split by the same gutter."""
    merged: list[list[Word]] = []
    previous: tuple[float, float] | None = None
    for band in bands:
        current = _gutter(band, gutter)
        if merged and previous and current and current[0] < previous[1] and previous[0] < current[1]:
            merged[-1] = merged[-1] + band
            previous = (max(previous[0], current[0]), min(previous[1], current[1]))
            continue
        merged.append(band)
        previous = current
    return merged


def block_lines(block: list[Word]) -> list[Line]:
    """The lines of one block: words whose vertical middles fall in the same line, left to right."""
    lines: list[Line] = []
    for word in sorted(block, key=lambda w: (w.box.top, w.box.x0)):
        middle = (word.box.top + word.box.bottom) / 2
        line = next((ln for ln in reversed(lines[-3:]) if ln.box.top <= middle <= ln.box.bottom), None)
        if line is None:
            lines.append(Line([word], box=word.box))
        else:
            line.words.append(word)
            line.box = line.box.union(word.box)
    for line in lines:
        line.words.sort(key=lambda w: w.box.x0)
        line.text = " ".join(w.text for w in line.words)
    lines.sort(key=lambda ln: ln.box.top)
    return lines


def body_size(words: Sequence[Word]) -> float:
    """The font size most text is set in (weighted by characters)."""
    sizes = [w.size for w in words for _ in w.text]
    return median(sizes) if sizes else 10.0


@dataclass
class PageLayout:
    """What a reader found on one page: lines in reading order (tables as placeholder lines)."""

    number: int
    lines: list[Line]
    tables: list = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    ocr: bool = False
    sheet: str = ""  # a spreadsheet sheet's name (positions are then in cells)
