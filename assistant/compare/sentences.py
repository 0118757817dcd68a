"""A vendor's stored pages as sentences and table rows, each with its heading and table header."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.models import Page
from assistant.text import heading_level, sentence_spans

# Sections that describe the buyer, the vendor's history or other clients, not the offer.
BUYER_SECTION = re.compile(
    r"understand|what we heard|assumption|requirement|your needs|harbor's needs|objectives", re.I
)
REFERENCE_SECTION = re.compile(r"reference|what our clients say|case stud|testimonial", re.I)
COMPANY_SECTION = re.compile(
    r"company (profile|overview|information)|about (us|\w+$)|in numbers|at a glance company", re.I
)
_FIRST_PERSON = re.compile(r"\b(we|our|us|we're|we'll)\b", re.I)


@dataclass(frozen=True)
class Sentence:
    """A sentence or table row of one page, with where it stands and what it sits under."""

    document: str
    vendor: str
    page: int
    start: int
    end: int
    text: str
    heading: str = ""
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    section: str = "offer"
    header_row: bool = False

    @property
    def is_row(self) -> bool:
        """True for a table row ('cell | cell')."""
        return bool(self.cells)

    @property
    def label(self) -> str:
        """The first cell of a row ('' for prose)."""
        return self.cells[0] if self.cells else ""

    @property
    def value_text(self) -> str:
        """A row's cells after the first; a sentence's whole text."""
        return " | ".join(self.cells[1:]) if self.cells else self.text

    def column(self, pattern: str) -> str | None:
        """The cell under the first header whose name matches pattern (same-width rows only)."""
        if not self.header or len(self.header) != len(self.cells):
            return None
        for name, cell in zip(self.header, self.cells, strict=True):
            if re.search(pattern, name, re.I):
                return cell
        return None


def vendor_sentences(pages: dict[int, Page], document: str, vendor: str) -> list[Sentence]:
    """Every sentence and row of a document, in page order, with heading and table header.

    A table cell (a line 'row — column: value') is a two-cell row: its row label and its
    value, under the header of its column.
    """
    result: list[Sentence] = []
    heading = ""
    for number in sorted(pages):
        page = pages[number]
        text = page.text
        headings = heading_lines(text)
        table_cells = {cell.start: cell for table in page.tables for cell in table.cells}
        header: tuple[str, ...] = ()
        in_table = False
        for span in sentence_spans(text, atomic=page.atomic_spans):
            heading = _heading_before(headings, span.start, heading)
            if cell := table_cells.get(span.start):
                section = _section(heading, span.text, (), (), vendor)
                where = (document, vendor, number, span.start, span.end, span.text, heading)
                cells = (" / ".join(cell.row_header), cell.text)
                column = ("", " / ".join(cell.col_header)) if cell.col_header else ()
                result.append(Sentence(*where, cells, column, section, False))
                in_table = False
                continue
            cells = tuple(c.strip() for c in span.text.split("|")) if "|" in span.text else ()
            row_header, is_header = header, False
            if cells and not in_table:
                # A table's first row may be its header or (headers stripped) a data row: keep it.
                is_header = _is_header(cells)
                header, row_header = (cells if is_header else ()), ()
            in_table = bool(cells)
            if not cells:
                header = ()
                if span.text == _heading_text(headings, span.start):
                    continue
            section = _section(heading, span.text, cells, row_header, vendor)
            where = (document, vendor, number, span.start, span.end, span.text, heading)
            result.append(Sentence(*where, cells, row_header, section, is_header))
    return result


_HEADER_WORDS = re.compile(
    r"^(channel|service|site|language|item|term|framework|area|function|client|kpi|condition|"
    r"activity|topic|control|meeting|metric|measure|tier|unit|role|location|centre|center)\b",
    re.I,
)


def _is_header(cells: tuple[str, ...]) -> bool:
    """A table's first row is its header when it holds no figures or starts with a column word."""
    if all(len(cell) <= 45 for cell in cells) and not re.search(r"\d", "".join(cells)):
        return True
    return bool(_HEADER_WORDS.match(cells[0]))


def heading_lines(text: str) -> list[tuple[int, str]]:
    """Lines that look like headings: short, unpunctuated, after a finished sentence."""
    found: list[tuple[int, str]] = []
    previous = ""
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if _looks_like_heading(stripped, previous):
            found.append((offset + line.index(stripped[0]), stripped))
        if stripped:
            previous = stripped
        else:
            previous = ""
        offset += len(line) + 1
    return found


def _looks_like_heading(line: str, previous: str) -> bool:
    if not 2 <= len(line) <= 70 or "|" in line or line.endswith((".", ",", ";", ":", "!", "?")):
        return False
    if not (line[0].isupper() or line[0].isdigit()) or len(line.split()) > 10:
        return False
    return (
        not previous
        or previous.endswith((".", "!", "?", ":"))
        or heading_level(previous) is not None
    )


def _heading_before(headings: list[tuple[int, str]], position: int, current: str) -> str:
    """The last heading line starting at or before position (else the current heading)."""
    before = [text for start, text in headings if start <= position]
    return before[-1] if before else current


def _heading_text(headings: list[tuple[int, str]], position: int) -> str:
    return next((text for start, text in headings if start == position), "")


def _section(
    heading: str, text: str, cells: tuple[str, ...], header: tuple[str, ...], vendor: str
) -> str:
    """'buyer', 'references', 'company' or 'offer': what kind of passage this is."""
    if REFERENCE_SECTION.search(heading):
        return "references"
    if COMPANY_SECTION.search(heading):
        return "company"
    if BUYER_SECTION.search(heading):
        name = re.escape(vendor.split()[0])
        speaker = " ".join(header[1:]) + " " + " ".join(cells[1:]) if cells else text
        if _FIRST_PERSON.search(speaker) or re.search(rf"\b{name}\b", speaker):
            return "offer"
        return "buyer"
    return "offer"


def document_sentences(catalog) -> dict[str, list[Sentence]]:
    """Sentences per vendor over every document of a catalog (documents in name order)."""
    result: dict[str, list[Sentence]] = {}
    for name in sorted(catalog.records):
        record = catalog.records[name]
        if not record.is_proposal:
            continue
        sentences = vendor_sentences(catalog.pages.get(name, {}), name, record.vendor)
        result.setdefault(record.vendor, []).extend(sentences)
    return result
