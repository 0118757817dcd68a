"""Lines of a page (from any reader) -> the page's text, with regions and table cell offsets."""

from __future__ import annotations

from dataclasses import replace

from assistant.ingest.layout import Line
from assistant.ingest.tables import table_lines
from assistant.models import Page, Region, Table, TableCell


def compose_page(
    number: int,
    lines: list[Line],
    tables: list[Table],
    width: float = 0.0,
    height: float = 0.0,
    ocr: bool = False,
    sheet: str = "",
) -> Page:
    """The page text in reading order; a table stands where its placeholder line stands.

    Headings are written as Markdown ('## Pricing'), paragraphs and tables are separated by
    blank lines, and every table cell becomes one line whose offsets the cell records.
    """
    parts: list[str] = []
    regions: list[Region] = []
    placed: dict[int, list[TableCell]] = {}
    length = 0

    def write(text: str, box=None, new_block: bool = False) -> tuple[int, int]:
        nonlocal length
        if parts:
            gap = "\n\n" if new_block else "\n"
            parts.append(gap)
            length += len(gap)
        start = length
        parts.append(text)
        length += len(text)
        if box is not None:
            regions.append(Region(start, length, box))
        return start, length

    by_index = {table.index: table for table in tables}
    after_table = False
    for line in lines:
        if line.table is not None:
            table = by_index[line.table]
            first = True
            for text, cell in table_lines(table):
                box = cell.box if cell and cell.box else (table.box if cell is None else None)
                start, end = write(text, box, new_block=first)
                first = False
                if cell is not None:
                    placed.setdefault(table.index, []).append(replace(cell, start=start, end=end))
            after_table = True
            continue
        text = f"{'#' * line.heading} {line.text}" if line.heading else line.text
        write(text, line.box, new_block=line.new_block or bool(line.heading) or after_table)
        after_table = False
    final_tables = tuple(
        replace(table, cells=tuple(placed.get(table.index, ()))) for table in tables
    )
    return Page(number, "".join(parts), width, height, ocr, tuple(regions), final_tables, sheet)
