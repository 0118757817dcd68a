"""Typed records that pass between the pipeline stages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Box:
    """A rectangle on a page, in PDF points from the page's top-left corner."""

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: Box) -> Box:
        """The smallest box holding both."""
        return Box(min(self.x0, other.x0), min(self.top, other.top),
                   max(self.x1, other.x1), max(self.bottom, other.bottom))

    def overlaps(self, other: Box) -> bool:
        """Whether the two boxes share any area."""
        return self.x0 < other.x1 and other.x0 < self.x1 and self.top < other.bottom and other.top < self.bottom

    def to_list(self) -> list[float]:
        """Compact JSON form."""
        return [round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1)]

    @classmethod
    def from_list(cls, data: list[float]) -> Box:
        """Inverse of to_list."""
        return cls(*map(float, data))


@dataclass(frozen=True)
class Region:
    """Where the page text [start, end) stands on the page (a line, or a table cell)."""

    start: int
    end: int
    box: Box


@dataclass(frozen=True)
class TableCell:
    """A value cell of a table, with the headers that give it meaning.

    `start`/`end` locate the cell's line in the page text ("row — column: value").
    """

    row: int
    col: int
    text: str
    row_header: tuple[str, ...]
    col_header: tuple[str, ...]
    start: int = 0
    end: int = 0
    box: Box | None = None


@dataclass(frozen=True)
class Table:
    """A table as data: its grid, how many header rows and label columns, and its value cells."""

    index: int
    rows: tuple[tuple[str, ...], ...]
    header_rows: int
    label_cols: int
    cells: tuple[TableCell, ...] = ()
    box: Box | None = None


@dataclass(frozen=True)
class Page:
    """One page of extracted text; `number` is 1-based.

    `regions` place spans of `text` on the page (for highlighting a quote); `tables` hold the
    page's tables as data; `ocr` says the text was read from an image of the page; `sheet`
    names the spreadsheet sheet the page is (its regions' boxes are then in cells).
    """

    number: int
    text: str
    width: float = 0.0
    height: float = 0.0
    ocr: bool = False
    regions: tuple[Region, ...] = ()
    tables: tuple[Table, ...] = ()
    sheet: str = ""

    def location(self, start: int, end: int) -> str:
        """Where text[start:end] stands on a sheet: its first cell, 'Rate card!F3' ('' on a
        page that is no sheet, or for text outside the sheet's cells)."""
        if not self.sheet:
            return ""
        from openpyxl.utils import get_column_letter

        for box in self.boxes(start, end):
            return f"{self.sheet}!{get_column_letter(int(box.x0) + 1)}{int(box.top) + 1}"
        return ""

    @property
    def atomic_spans(self) -> tuple[tuple[int, int], ...]:
        """Spans of the text that stand alone as one statement: the lines of table cells."""
        return tuple(sorted((c.start, c.end) for t in self.tables for c in t.cells if c.end > c.start))

    def boxes(self, start: int, end: int) -> list[Box]:
        """The boxes of the regions that overlap text[start:end]."""
        return [r.box for r in self.regions if r.start < end and start < r.end]

    def to_dict(self) -> dict:
        """Compact JSON form."""
        data: dict = {"text": self.text}
        if self.width:
            data["size"] = [round(self.width, 1), round(self.height, 1)]
        if self.ocr:
            data["ocr"] = True
        if self.regions:
            data["regions"] = [[r.start, r.end, *r.box.to_list()] for r in self.regions]
        if self.tables:
            data["tables"] = [_table_dict(t) for t in self.tables]
        if self.sheet:
            data["sheet"] = self.sheet
        return data

    @classmethod
    def from_dict(cls, number: int, data: dict | str) -> Page:
        """Inverse of to_dict (a bare string is a page of text only)."""
        if isinstance(data, str):
            return cls(number, data)
        width, height = data.get("size", [0.0, 0.0])
        regions = tuple(Region(r[0], r[1], Box.from_list(r[2:])) for r in data.get("regions", ()))
        tables = tuple(_table_from(t) for t in data.get("tables", ()))
        return cls(number, data["text"], width, height, data.get("ocr", False), regions, tables,
                   data.get("sheet", ""))


def _table_dict(table: Table) -> dict:
    return {
        "index": table.index,
        "rows": [list(row) for row in table.rows],
        "header_rows": table.header_rows,
        "label_cols": table.label_cols,
        "box": table.box.to_list() if table.box else None,
        "cells": [
            [c.row, c.col, c.text, list(c.row_header), list(c.col_header), c.start, c.end,
             c.box.to_list() if c.box else None]
            for c in table.cells
        ],
    }


def _table_from(data: dict) -> Table:
    cells = tuple(
        TableCell(c[0], c[1], c[2], tuple(c[3]), tuple(c[4]), c[5], c[6],
                  Box.from_list(c[7]) if c[7] else None)
        for c in data["cells"]
    )
    return Table(data["index"], tuple(tuple(r) for r in data["rows"]), data["header_rows"],
                 data["label_cols"], cells, Box.from_list(data["box"]) if data.get("box") else None)


@dataclass(frozen=True)
class ParsedDocument:
    """A readable file turned into pages, before chunking."""

    name: str
    vendor: str
    pages: tuple[Page, ...]
    title: str = ""


@dataclass(frozen=True)
class Chunk:
    """A passage of one page, with the heading path it sits under."""

    id: str
    document: str
    vendor: str
    page: int
    start: int
    end: int
    text: str
    headings: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        """The heading path as one line ("Pricing > Rates")."""
        return " > ".join(self.headings)

    def embedding_text(self) -> str:
        """What the embedder sees: the heading path travels with the passage."""
        return f"{self.heading}\n{self.text}" if self.headings else self.text

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {**asdict(self), "headings": list(self.headings)}

    @classmethod
    def from_dict(cls, data: dict) -> Chunk:
        """Inverse of to_dict."""
        return cls(**{**data, "headings": tuple(data["headings"])})


@dataclass(frozen=True)
class DocumentRecord:
    """A document held in a workspace.

    `kind` is 'proposal' (a vendor's offer; `vendor` names the vendor) or 'reference' (any
    other document; `vendor` is empty). `aliases` are other ways people write the vendor.
    """

    name: str
    vendor: str
    pages: int
    chunks: int
    sha256: str
    title: str = ""
    warnings: tuple[str, ...] = ()
    kind: str = "proposal"
    legal_name: str = ""
    aliases: tuple[str, ...] = ()
    vendor_source: str = "document"
    tables: int = 0
    ocr_pages: tuple[int, ...] = ()
    sample: bool = False
    addressed_to: str = ""

    @property
    def is_proposal(self) -> bool:
        """Whether this document is a vendor's proposal (not a reference document)."""
        return self.kind == "proposal"

    def to_dict(self) -> dict:
        """JSON-ready form."""
        data = asdict(self)
        for key in ("warnings", "aliases", "ocr_pages"):
            data[key] = list(data[key])
        return data

    @classmethod
    def from_dict(cls, data: dict) -> DocumentRecord:
        """Inverse of to_dict (older records lack the newer fields)."""
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        for key in ("warnings", "aliases", "ocr_pages"):
            values[key] = tuple(values.get(key, ()))
        return cls(**values)


@dataclass(frozen=True)
class IngestOutcome:
    """What happened to one file of an ingest batch."""

    path: str
    ok: bool
    message: str
    record: DocumentRecord | None = None


@dataclass(frozen=True)
class Citation:
    """Where a quoted sentence of an answer stands."""

    marker: int
    document: str
    vendor: str
    page: int
    quote: str
    ocr: bool = False  # the page's text was read by OCR from an image of it
    location: str = ""  # a spreadsheet cell, 'Rate card!F3' (the page is then the sheet)

    @property
    def where(self) -> str:
        """'p. 4', or the cell of a spreadsheet answer: 'Rate card!F3'."""
        return self.location or f"p. {self.page}"

    @property
    def source(self) -> str:
        """'guidance' for the knowledge base, 'proposal' for a vendor document."""
        return "guidance" if self.document.startswith("guidance:") else "proposal"

    def to_dict(self) -> dict:
        """JSON-ready form, in the CLI contract's key order (source added last)."""
        return {**asdict(self), "source": self.source}


@dataclass(frozen=True)
class Answer:
    """A question's answer; markers [n] in `text` match `citations`.

    `warnings` concern the sources (text aimed at AI assistants); `notes` concern the engine
    (which one wrote the answer, what the language model's check left out, a fallback).
    """

    question: str
    text: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    engine: str = "grounded"
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """JSON-ready form of the CLI contract (warnings, engine and notes added when present)."""
        data = {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
        }
        if self.warnings:
            data["warnings"] = list(self.warnings)
        if self.engine != "grounded":
            data["engine"] = self.engine
        if self.notes:
            data["notes"] = list(self.notes)
        return data
