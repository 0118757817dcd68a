"""XLSX workbooks with openpyxl: each sheet a page, its used range a table with header cells.

A sheet is page N in workbook order, titled by the sheet's name. Positions are in cells:
a value cell's box is (column - 1, row - 1, column, row), so ``Page.location`` turns a
citation back into "Rate card!F3". Cached values are read (a formula cell shows what the
workbook last computed; a blank when it was never computed).

The returned workbooks of an RFP (the compliance matrix and the rate card) keep the buyer's
columns (requirement, mark; channel, language, delivery option) as one row label, so that
each value cell the vendor filled in reads as "REQ-SEC-09 (Mandatory) — Response: Comply" or
"Voice - English - Onshore — Year 1 price (USD per productive hour): 18.40". The requirement
texts are the buyer's and are left out, so they are never read as the vendor's claims.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from assistant.ingest.errors import IngestError, short_reason
from assistant.ingest.layout import Line, PageLayout
from assistant.ingest.normalise import clean
from assistant.ingest.tables import Grid, build_table
from assistant.models import Box

MAX_CELLS = 200_000
# Leading columns that a returned RFP workbook fills in for the vendor (its row labels).
BUYER_COLUMNS = {
    "REQ id": ("REQ id", "Section", "Requirement", "Mandatory / desirable"),
    "Line": ("Line", "Channel", "Language", "Delivery model or site", "Optional"),
}
SKIPPED_IN_LABEL = {"Section", "Line"}
# What a requirement may be about, for a vendor's bare "Comply" / "Does not comply" to name it:
# a framework it holds or a language it serves (the reading layer's vocabulary kinds).
SUBJECT_KINDS = ("framework", "language")


def read_xlsx(path: Path, max_pages: int) -> tuple[list[PageLayout], str]:
    """Each sheet's title line and table, and the workbook's title property."""
    import openpyxl

    if not zipfile.is_zipfile(path):
        raise IngestError("corrupt XLSX (not a ZIP package)")
    try:
        book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged parts
        raise IngestError(f"corrupt XLSX ({short_reason(exc)})") from exc
    try:
        sheets = list(book.worksheets)
        if len(sheets) > max_pages:
            raise IngestError(f"too large ({len(sheets)} sheets; the limit is {max_pages})")
        layouts = [_sheet(number, sheet) for number, sheet in enumerate(sheets, start=1)]
        title = clean(book.properties.title or "").strip()
    finally:
        book.close()
    return layouts, title


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value)).replace("\n", " ").strip()


def _sheet(number: int, sheet) -> PageLayout:
    rows = []
    cells = 0
    for row in sheet.iter_rows(values_only=True):
        rows.append([_text(v) for v in row])
        cells += len(row)
        if cells > MAX_CELLS:
            raise IngestError(f"too large (more than {MAX_CELLS:,} cells in sheet {sheet.title!r})")
    while rows and not any(rows[-1]):
        rows.pop()
    if rows:
        rows = [rows[0], *(_with_header_units(rows[0], row) for row in rows[1:])]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    layout = PageLayout(number, [Line([], text=_text(sheet.title), heading=2, new_block=True)],
                        width=float(width), height=float(len(rows)), sheet=_text(sheet.title))
    if not rows or not width:
        return layout
    labelled = _labelled(rows)
    grid = labelled or Grid(rows, _boxes(rows), [i == 0 for i in range(len(rows))])
    table = build_table(grid, 0, label_cols=1 if labelled else None)
    if table is not None:
        layout.tables.append(table)
        layout.lines.append(Line([], table=table.index, new_block=True))
    return layout


_UNIT_HEADER = re.compile(r"\(([A-Z]{3}) per ([^)]+)\)")
_BARE_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def _with_header_units(header: list[str], row: list[str]) -> list[str]:
    """A bare number under a header that names its currency and unit ("Year 1 price (USD per
    productive hour)") is read as that money amount: "USD 18.40 per productive hour"."""
    out = []
    for name, value in zip(header, row, strict=False):
        unit = _UNIT_HEADER.search(name or "")
        if unit and _BARE_NUMBER.match(value):
            value = f"{unit.group(1)} {float(value):.2f} per {unit.group(2)}"
        out.append(value)
    return out + row[len(out):]


def _boxes(rows: list[list[str]], columns: list[int] | None = None) -> list[list[Box | None]]:
    """Each cell's box in cell units; `columns` maps grid columns to sheet columns."""
    columns = columns or list(range(len(rows[0])))
    return [[Box(c, r, c + 1, r + 1) for c in columns] for r in range(len(rows))]


def _labelled(rows: list[list[str]]) -> Grid | None:
    """A returned RFP workbook's sheet: its buyer columns joined into one row label."""
    header = rows[0]
    names = BUYER_COLUMNS.get(header[0]) if header else None
    if names is None or tuple(header[: len(names)]) != names:
        return None
    keep = len(names)
    drop = {header.index("Requirement")} if "Requirement" in header else set()
    values = [c for c in range(keep, len(header)) if c not in drop]
    response = header.index("Response") if "Response" in header else None
    out, columns = [], [0, *values]
    for index, row in enumerate(rows):
        if index == 0:
            out.append([" ".join(n for n in names if n not in SKIPPED_IN_LABEL), *(row[c] for c in values)])
            continue
        parts = dict(zip(names, row[:keep], strict=True))
        cells = [row[c] for c in values]
        subject = requirement_subject(parts.get("Requirement", "")) if response is not None else ""
        if subject and row[response]:
            cells[values.index(response)] = f"{subject}: {row[response]}"
        out.append([_label(parts), *cells])
    return Grid(out, _boxes(out, columns), [i == 0 for i in range(len(out))])


def requirement_subject(requirement: str) -> str:
    """The one framework or language a requirement asks for ('PCI DSS'), so that the vendor's
    bare response is read about it ("Response: PCI DSS: Does not comply"); '' when it asks for
    none, for several, or names one only to rule it out. The requirement's own words stay out."""
    from assistant.reading.mentions import read

    subjects = [m for m in read(requirement) if m.kind in SUBJECT_KINDS]
    names = {str(m.value.get("name")) for m in subjects}
    affirmed = all(m.status == "affirmed" for m in subjects)
    return names.pop() if len(names) == 1 and affirmed else ""


def _label(parts: dict[str, str]) -> str:
    if "Requirement" in parts:
        # The requirement is the buyer's text (already in the RFP): it stays out of the page,
        # so that only the vendor's own words are read as the vendor's claims.
        mark = parts.get("Mandatory / desirable", "").split(" ")[0]
        return f"{parts['REQ id']} ({mark})" if mark else parts["REQ id"]
    values = [parts.get(k, "") for k in ("Channel", "Language", "Delivery model or site")]
    optional = " (optional)" if parts.get("Optional") == "Optional" else ""
    return " - ".join(v for v in values if v) + optional
