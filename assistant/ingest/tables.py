"""Tables as data: a grid of cells -> header rows, label columns and value cells with headers.

Every reader (PDF, DOCX, Markdown, spreadsheets) hands its tables here as a grid, so a price
reads the same whatever the file: "English — Nearshore (San José) / Voice: USD 18.40 per
productive hour". The header rules look at what a cell holds (figures or labels) and at the
table's shape (merged header cells), never at particular words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from babel.numbers import list_currencies

from assistant.ingest.normalise import clean
from assistant.models import Box, Table, TableCell

_CODES = "|".join(sorted(list_currencies()))
_FIGURE = re.compile(
    rf"\d\s?(%|percent\b|per ?cent\b|pct\b)|[$€£¥₹]\s?\d|\d\s?[$€£¥₹]|\b(?:{_CODES})\s?\d|"
    rf"\d\s?(?:{_CODES})\b|^\W*[-+]?\d[\d,.\s]*\W*$"
)
_WORDS = re.compile(r"\S+")
SEPARATOR = " — "


@dataclass(frozen=True)
class Grid:
    """A table as a reader found it: rows of cell texts (None under a merged cell)."""

    rows: list[list[str | None]]  # a merged cell's text repeated in every position it covers
    boxes: list[list[Box | None]] | None = None
    emphasis: list[bool] | None = None  # per row: all its text bold or shaded (a header's look)
    box: Box | None = None


def is_data(cell: str) -> bool:
    """A cell holding a figure (money, a percentage, a number) or a long sentence."""
    return bool(_FIGURE.search(cell)) or len(_WORDS.findall(cell)) > 12


def build_table(grid: Grid, index: int, label_cols: int | None = None) -> Table | None:
    """Header rows, label columns and value cells of a grid; None when nothing is in it.
    `label_cols` says how many leading columns are row labels when the reader knows."""
    rows, boxes, emphasis = _tidy(grid)
    if not rows:
        return None
    width = len(rows[0])
    headers = _header_rows(rows, emphasis) if width > 1 else 0
    labels = label_cols if label_cols is not None else (_label_columns(rows, headers) if width > 1 else 0)
    cells: list[TableCell] = []
    column_headers = [_column_header(rows[:headers], col) for col in range(width)]
    numbered = int(labels > 1 and label_cols is None and _running_numbers(rows[headers:])
                   and _names_no_dimension(column_headers[0]))
    group: tuple[str, ...] = ()
    for r in range(headers, len(rows)):
        row = rows[r]
        if labels and row[0] and not any(row[1:]) and r + 1 < len(rows):
            group = (row[0],)  # a row that only names a group of the rows below it
            continue
        row_header = _dedupe((*group, *row[numbered:labels]))  # a row's number is no label
        for col in range(labels, width):
            if row[col]:
                box = boxes[r][col] if boxes else None
                cells.append(TableCell(r, col, row[col], row_header, column_headers[col], box=box))
    if not headers and not labels:
        cells = []  # no headers to attach: the rows stay rows
    return Table(index, tuple(tuple(row) for row in rows), headers, labels, tuple(cells), grid.box)


def cell_line(cell: TableCell) -> str:
    """The cell as one readable line: 'row — column: value'."""
    parts = [" / ".join(cell.row_header), " / ".join(cell.col_header)]
    where = SEPARATOR.join(part for part in parts if part)
    return f"{where}: {cell.text}" if where else cell.text


def table_lines(table: Table) -> list[tuple[str, TableCell | None]]:
    """The lines a table contributes to its page text, each with its cell (None for a raw row)."""
    if table.cells:
        return [(cell_line(cell), cell) for cell in table.cells]
    return [(" | ".join(cell for cell in row if cell), None) for row in table.rows if any(row)]


def _tidy(grid: Grid) -> tuple[list[list[str]], list[list[Box | None]] | None, list[bool]]:
    """Clean cell texts and drop empty rows and columns (merged cells arrive repeated)."""
    width = max((len(row) for row in grid.rows), default=0)
    text = [[_cell_text(cell) for cell in row] + [""] * (width - len(row)) for row in grid.rows]
    keep_rows = [r for r, row in enumerate(text) if any(row)]
    keep_cols = [c for c in range(width) if any(text[r][c] for r in keep_rows)]
    text = [[text[r][c] for c in keep_cols] for r in keep_rows]
    boxes = None
    if grid.boxes:
        padded = [list(b) + [None] * (width - len(b)) for b in grid.boxes]
        boxes = [[padded[r][c] for c in keep_cols] for r in keep_rows]
    flags = grid.emphasis or []
    emphasis = [flags[r] if r < len(flags) else False for r in keep_rows]
    return text, boxes, emphasis


def _cell_text(cell: str | None) -> str:
    return re.sub(r"\s+", " ", clean(cell or "")).strip()


def _header_rows(rows: list[list[str]], emphasis: list[bool]) -> int:
    """How many of the first rows are headers: label rows above the rows of figures.

    The first row is a header when it holds no figures and the table gives a reason to think
    so (its look, figures below it, or three or more columns). A header row with a cell merged
    over several columns has a row of sub-headers under it.
    """
    if len(rows) < 2 or any(is_data(cell) for cell in rows[0] if cell):
        return 0
    body_has_data = any(is_data(cell) for row in rows[1:] for cell in row if cell)
    if not (emphasis[0] or body_has_data or len(rows[0]) >= 3):
        return 0
    count = 1
    while count < min(3, len(rows) - 1) and _spans(rows[count - 1]) and _sub_header(
        rows[count], rows[count - 1], emphasis[count]
    ):
        count += 1
    return count


def _spans(row: list[str]) -> bool:
    """A header row with a cell merged over several columns (its text repeats) or blanks."""
    values = row[1:]
    return "" in values or any(a and a == b for a, b in zip(values, values[1:], strict=False))


def _sub_header(row: list[str], above: list[str], emphasised: bool) -> bool:
    """A row of sub-headers: no figures, and no row label of its own (or the header's look)."""
    if any(is_data(cell) for cell in row if cell):
        return False
    return emphasised or not row[0] or row[0] == above[0]


def _label_columns(rows: list[list[str]], headers: int) -> int:
    """Leading columns of row labels (text) rather than values; a first column that only
    numbers the rows ('1', '2', '3.2.1') counts with the label beside it."""
    body = rows[headers:]
    width = len(rows[0])
    start = 1 if width > 2 and _running_numbers(body) else 0
    labels = 0
    for col in range(start, min(start + 2, width - 1)):
        column = [row[col] for row in body if row[col]]
        if not column or sum(is_data(cell) for cell in column) > len(column) / 3:
            break
        if col == start + 1 and not _repeats(body, start):
            break
        labels += 1
    return start + labels if labels else 0


_ROW_NUMBER = re.compile(r"^\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[A-Za-z])[.)]?$")


def _names_no_dimension(header: tuple[str, ...]) -> bool:
    """A row-number column's header that is a mere mark ('#', 'No.', 'Ref'), not a dimension
    whose number belongs to the label ('Phase', 'Year': 'Phase 2 / Go-live')."""
    return all(len(re.sub(r"[^A-Za-z]", "", part)) <= 3 for part in header)


def _running_numbers(body: Sequence[Sequence[str]]) -> bool:
    """A first column that numbers the rows: every cell a short, distinct item number."""
    column = [row[0] for row in body if row[0]]
    return (len(column) >= 2 and len(set(column)) == len(column) and len(column) >= len(body) - 1
            and all(_ROW_NUMBER.match(cell) for cell in column))


def _repeats(body: Sequence[Sequence[str]], col: int) -> bool:
    """A label column whose cells repeat down the rows (a merged, row-spanning label)."""
    column = [row[col] for row in body]
    return any(a and a == b for a, b in zip(column, column[1:], strict=False))


def _column_header(header_rows: Sequence[Sequence[str]], col: int) -> tuple[str, ...]:
    return _dedupe(tuple(row[col] for row in header_rows))


def _dedupe(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Drop empty parts and a part equal to the one before it."""
    result: list[str] = []
    for part in parts:
        if part and (not result or result[-1] != part):
            result.append(part)
    return tuple(result)
