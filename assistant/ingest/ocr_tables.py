"""Tables on scanned pages: OCR gives lines of words with their boxes, and a table's columns
show as wide gaps between the words of its lines.

A run of lines that each break into two or more groups of words at wide gaps (or at a '|'
Tesseract read from a column rule), with figures in its value columns, is a table: the line
with the most groups gives the columns, every line's groups are placed in them by position, a
line holding one group under a value column goes on from the cell above it, and header lines
(no figures, the first column empty) wrapped under the first header line join it. The grid
then goes to the same header rules as every other reader's tables (assistant/ingest/tables.py),
so a scanned rate reads "English chat agent — Ortigas Center (Philippines): USD 2,240".
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.ingest.layout import Line, Word
from assistant.ingest.tables import Grid, build_table, is_data
from assistant.models import Box, Table

COLUMN_GAP = 15.0  # points between two words of different columns (a space is 2 to 8)
GAP_PER_HEIGHT = 1.5  # ... or this many times the line's word height, where that is more
MIN_LINES = 3
MIN_COLUMNS = 3
MIN_DATA_ROWS = 2
RULES = frozenset({"|", "||", "¦", "[", "]"})  # what Tesseract reads from a column rule


@dataclass
class Group:
    """Words of one line standing together: one cell's text on that line."""

    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> Box:
        box = self.words[0].box
        for word in self.words[1:]:
            box = box.union(word.box)
        return box


def groups(line: Line) -> list[Group]:
    """A line's words split at wide gaps and at column rules."""
    found: list[Group] = []
    heights = sorted(w.box.bottom - w.box.top for w in line.words) or [10.0]
    gap = max(COLUMN_GAP, GAP_PER_HEIGHT * heights[len(heights) // 2])
    previous: Word | None = None
    for word in line.words:
        if word.text in RULES:
            previous = None  # the next word opens a new group
            continue
        if previous is None or word.box.x0 - previous.box.x1 > gap:
            found.append(Group([word]))
        else:
            found[-1].words.append(word)
        previous = word
    return found


def ocr_tables(lines: list[Line], first_index: int = 0) -> tuple[list[Line], list[Table]]:
    """The page's lines with each table's lines replaced by its placeholder line, and the
    tables found (indexed from `first_index`)."""
    split = [groups(line) for line in lines]
    result: list[Line] = []
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        end = _run_end(split, i)
        table = None
        if end - i >= MIN_LINES:
            table = _table(lines[i:end], split[i:end], first_index + len(tables))
        if table is None:
            result.append(lines[i])
            i += 1
            continue
        tables.append(table)
        placeholder = Word("", table.box, table=table.index)
        result.append(Line([placeholder], box=table.box, table=table.index, new_block=True))
        i = end
    return result, tables


def _run_end(split: list[list[Group]], start: int) -> int:
    """Where a run of table lines starting at `start` ends: at the first line of one group
    that does not stand under a value column of the run (prose)."""
    if len(split[start]) < 2:
        return start
    end = start + 1
    while end < len(split):
        here = split[end]
        if len(here) < 2 and not (here and _under_value_column(here[0], split[start:end])):
            break
        end += 1
    return end


def _under_value_column(group: Group, above: list[list[Group]]) -> bool:
    """A lone group that starts right of the run's first column (a wrapped cell)."""
    firsts = [line[0].box.x1 for line in above if len(line) >= 2]
    return bool(firsts) and group.box.x0 > max(firsts)


def _table(lines: list[Line], split: list[list[Group]], index: int) -> Table | None:
    """The table of a run of lines, or None when it does not read as one."""
    # The columns: where the groups of the lines with the most groups stand, all together.
    width = max(len(line) for line in split)
    if width < MIN_COLUMNS:
        return None
    full = [line for line in split if len(line) == width]
    extents = [(min(line[c].box.x0 for line in full), max(line[c].box.x1 for line in full))
               for c in range(width)]
    rows: list[list[str]] = []
    boxes: list[list[Box | None]] = []
    for line_groups in split:
        row: list[str] = [""] * width
        row_boxes: list[Box | None] = [None] * width
        for group in line_groups:
            col = _column(group, extents)
            row[col] = f"{row[col]} {group.text}".strip()
            held = row_boxes[col]
            row_boxes[col] = group.box if held is None else held.union(group.box)
        if len(line_groups) == 1 and rows and not row[0]:
            _continue_cell(rows[-1], boxes[-1], row, row_boxes)  # a wrapped cell goes on
            continue
        rows.append(row)
        boxes.append(row_boxes)
    rows, boxes = _join_wrapped_header(rows, boxes)
    data_rows = sum(any(is_data(cell) for cell in row[1:] if cell) for row in rows)
    if len(rows) < MIN_LINES or data_rows < MIN_DATA_ROWS:
        return None
    box = lines[0].box
    for line in lines[1:]:
        box = box.union(line.box)
    grid = Grid([list(r) for r in rows], [list(b) for b in boxes], None, box)
    return build_table(grid, index)


def _column(group: Group, extents: list[tuple[float, float]]) -> int:
    """The column a group stands in: the one it overlaps most, else the nearest."""
    x0, x1 = group.box.x0, group.box.x1

    def fit(extent: tuple[float, float]) -> float:
        a, b = extent
        overlap = min(x1, b) - max(x0, a)
        return overlap if overlap > 0 else -min(abs(x0 - b), abs(a - x1))

    return max(range(len(extents)), key=lambda col: fit(extents[col]))


def _continue_cell(row: list[str], boxes: list[Box | None], more: list[str],
                   more_boxes: list[Box | None]) -> None:
    """Add a wrapped line's text to the cells above it."""
    for col, text in enumerate(more):
        if text:
            row[col] = f"{row[col]} {text}".strip()
            box = more_boxes[col]
            boxes[col] = box if boxes[col] is None else boxes[col].union(box) if box else boxes[col]


def _join_wrapped_header(rows: list[list[str]], boxes: list[list[Box | None]]):
    """The first row with the rows under it that hold no figures and no row label (a header
    cell written over two lines: 'Cebu City' above '(Philippines)')."""
    while len(rows) > 2 and not rows[1][0] and not any(is_data(c) for c in rows[0] + rows[1] if c):
        _continue_cell(rows[0], boxes[0], rows[1], boxes[1])
        del rows[1], boxes[1]
    return rows, boxes
