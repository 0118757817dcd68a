"""Write the terms matrix as JSON, CSV, Markdown or Excel, and read CSV/Markdown back."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.markup import escape_markdown, unescape_markdown

if TYPE_CHECKING:
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


def write_csv(matrix: Matrix, path: Path) -> Path:
    """One row per field, one column per vendor."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["field", "label", *matrix.vendors])
        for row in matrix.rows:
            writer.writerow(
                [row.field.key, row.field.label, *(cell_text(row.cells[v]) for v in matrix.vendors)]
            )
    return path


def read_csv(path: Path) -> dict[tuple[str, str], str]:
    """(field, vendor) -> cell text of a CSV written by `write_csv`."""
    with Path(path).open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    vendors = rows[0][2:]
    return {(r[0], v): text for r in rows[1:] for v, text in zip(vendors, r[2:], strict=True)}


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
                    ref = (value.citation.document, value.citation.page, value.citation.quote)
                    markers.append(sources.setdefault(ref, len(sources) + 1))
            marks = "".join(f"[{n}]" for n in dict.fromkeys(markers))
            texts.append(_md_escape(cell_text(cell)) + (f" {marks}" if marks else ""))
        lines.append(f"| {row.field.label} | " + " | ".join(texts) + " |")
    lines += ["", "## Sources", ""]
    for (document, page, quote), number in sources.items():
        lines.append(f'[{number}] {_md_escape(document)} p.{page}: "{_md_escape(quote)}"')
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
    """A workbook with the matrix and one evidence row per cited value (needs openpyxl)."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # an optional extra: say how to get it
        raise RuntimeError("Excel export needs openpyxl: pip install openpyxl") from exc
    book = Workbook()
    sheet = book.active
    sheet.title = "Matrix"
    sheet.append(["Field", *matrix.vendors])
    for row in matrix.rows:
        sheet.append([row.field.label, *(cell_text(row.cells[v]) for v in matrix.vendors)])
    evidence = book.create_sheet("Evidence")
    evidence.append(["Field", "Vendor", "Value", "Document", "Page", "Quote"])
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
                        c.quote if c else "",
                    ]
                )
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def xlsx_available() -> bool:
    """True when openpyxl can be imported."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        return False
    return True
