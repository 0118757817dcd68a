"""Write the terms matrix as JSON, CSV, Markdown or Excel, and read CSV/Markdown back."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.markup import escape_markdown, unescape_markdown

if TYPE_CHECKING:
    from assistant.compare.extract import Source
    from assistant.compare.matrix import Cell, Matrix


def cell_text(cell: Cell) -> str:
    """What a spreadsheet cell shows: the summary, with a conflict marked."""
    return f"CONFLICTING: {cell.summary}" if cell.conflicting else cell.summary


def matrix_text(matrix: Matrix) -> str:
    """A plain-text rendering for the terminal: each field, then one line per vendor."""
    lines = []
    for row in matrix.rows:
        lines.append(row.field.label)
        lines += [f"  {vendor}: {cell_text(cell)}" for vendor, cell in row.cells.items()]
    return "\n".join(lines)


def matrix_json(matrix: Matrix) -> dict:
    """Vendors, then each field with every vendor's summary, status and cited values."""
    return {
        "vendors": list(matrix.vendors),
        "fields": [
            {
                "field": row.field.key,
                "label": row.field.label,
                "group": row.field.group,
                "cells": {
                    vendor: {
                        "summary": cell.summary,
                        "status": cell.status,
                        "conflicting": cell.conflicting,
                        "values": [value.to_dict() for value in cell.values],
                    }
                    for vendor, cell in row.cells.items()
                },
            }
            for row in matrix.rows
        ],
    }


def cell_sources(cell: Cell) -> list[Source]:
    """The distinct sources of one cell, in the order its values were read."""
    return list(dict.fromkeys(v.citation for v in cell.values if v.citation))


def source_text(source: Source) -> str:
    """'<document> p.<n>: “<quote>”' (a spreadsheet answer: '<document> Rate card!F3: …')."""
    return f"{source.document} {source.location or f'p.{source.page}'}: “{source.quote}”"


def sources_text(cell: Cell) -> str:
    """Every source of a cell, one per line ('' when the cell is not stated)."""
    return "\n".join(source_text(s) for s in cell_sources(cell))


def write_csv(matrix: Matrix, path: Path) -> Path:
    """One row per field; per vendor a value column and a source column (document, page and
    quote of every statement the value rests on, one per line)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        header = ["field", "label"]
        for vendor in matrix.vendors:
            header += [vendor, f"{vendor}{SOURCE_SUFFIX}"]
        writer.writerow(header)
        for row in matrix.rows:
            line = [row.field.key, row.field.label]
            for vendor in matrix.vendors:
                cell = row.cells[vendor]
                line += [cell_text(cell), sources_text(cell)]
            writer.writerow(line)
    return path


SOURCE_SUFFIX = " — source"


def read_csv(path: Path, sources: bool = False) -> dict[tuple[str, str], str]:
    """(field, vendor) -> cell text (or, with `sources`, its sources) of a `write_csv` file."""
    with Path(path).open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    result = {}
    for r in rows[1:]:
        for i, name in enumerate(header[2:], start=2):
            is_source = name.endswith(SOURCE_SUFFIX)
            if is_source == sources:
                result[(r[0], name.removesuffix(SOURCE_SUFFIX))] = r[i]
    return result


def write_markdown(matrix: Matrix, path: Path) -> Path:
    """A table of summaries with [n] markers, and the numbered quotes under it."""
    sources: dict[tuple[str, int, str], int] = {}
    lines = [
        "| Field | " + " | ".join(_md_escape(v) for v in matrix.vendors) + " |",
        "|---|" + "---|" * len(matrix.vendors),
    ]
    for row in matrix.rows:
        texts = []
        for vendor in matrix.vendors:
            cell = row.cells[vendor]
            markers = []
            for value in cell.values:
                if value.citation:
                    c = value.citation
                    ref = (c.document, c.location or f"p.{c.page}", c.quote)
                    markers.append(sources.setdefault(ref, len(sources) + 1))
            marks = "".join(f"[{n}]" for n in dict.fromkeys(markers))
            texts.append(_md_escape(cell_text(cell)) + (f" {marks}" if marks else ""))
        lines.append(f"| {row.field.label} | " + " | ".join(texts) + " |")
    lines += ["", "## Sources", ""]
    for (document, where, quote), number in sources.items():
        lines.append(f'[{number}] {_md_escape(document)} {_md_escape(where)}: "{_md_escape(quote)}"')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _md_escape(text: str) -> str:
    """Document text shown literally (no link, image or HTML renders from a proposal)."""
    return escape_markdown(text).replace("\n", " ")


def read_markdown(path: Path) -> dict[tuple[str, str], str]:
    """(field label, vendor) -> cell text (markers removed) of a table from `write_markdown`."""
    lines = [
        line for line in Path(path).read_text(encoding="utf-8").splitlines() if line.startswith("|")
    ]
    vendors = _md_cells(lines[0])[1:]
    result = {}
    for line in lines[2:]:
        cells = _md_cells(line)
        for vendor, text in zip(vendors, cells[1:], strict=True):
            result[(cells[0], vendor)] = re.sub(r"(?: ?\[\d+\])+$", "", text)
    return result


def _md_cells(line: str) -> list[str]:
    parts = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [unescape_markdown(p.strip()) for p in parts]


def write_xlsx(matrix: Matrix, path: Path) -> Path:
    """A workbook: the matrix (vendors as columns, each cell's sources in its comment and
    beside it), and one evidence row per cited value (document, page, quote)."""
    try:
        from openpyxl import Workbook
        from openpyxl.comments import Comment
        from openpyxl.styles import Alignment, Font
    except ImportError as exc:  # an optional extra: say how to get it
        raise RuntimeError("Excel export needs openpyxl: pip install openpyxl") from exc
    book = Workbook()
    sheet = book.active
    sheet.title = "Matrix"
    header = ["Group", "Field"]
    for vendor in matrix.vendors:
        header += [vendor, f"{vendor}{SOURCE_SUFFIX}"]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in matrix.rows:
        line = [row.field.group, row.field.label]
        for vendor in matrix.vendors:
            line += [cell_text(row.cells[vendor]), sources_text(row.cells[vendor])]
        sheet.append(line)
        for i, vendor in enumerate(matrix.vendors):
            target = sheet.cell(row=sheet.max_row, column=3 + 2 * i)
            if text := sources_text(row.cells[vendor]):
                target.comment = Comment(text[:2000], "procure")
    for column in sheet.iter_cols(min_row=1, max_row=sheet.max_row):
        for cell in column:
            cell.alignment = wrap
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 28
    for i in range(len(matrix.vendors)):
        sheet.column_dimensions[_column(3 + 2 * i)].width = 30
        sheet.column_dimensions[_column(4 + 2 * i)].width = 40
    sheet.freeze_panes = "C2"
    evidence = book.create_sheet("Evidence")
    evidence.append(["Field", "Vendor", "Value", "Document", "Page", "Cell", "Quote"])
    for row in matrix.rows:
        for vendor, cell in row.cells.items():
            for value in cell.values:
                c = value.citation
                evidence.append(
                    [
                        row.field.label,
                        vendor,
                        value.value,
                        c.document if c else "",
                        c.page if c else "",
                        c.location if c else "",
                        c.quote if c else "",
                    ]
                )
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _column(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def xlsx_available() -> bool:
    """True when openpyxl can be imported."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return False
    return True
