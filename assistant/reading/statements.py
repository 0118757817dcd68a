"""A document's pages as statements: sentences and table cells, each with its heading, the kind
of section it stands in, its table headers, and its mentions read by the reading layer.

A section that restates the buyer's needs is the buyer's wish, a case study speaks of other
clients, a company profile of the vendor at large (knowledge/lexicon/sections.yaml); only the
offer's statements become matrix values or answers. Statements are read once, at ingest, and
kept with the document (`to_dict`); the comparison and the answer engine both use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.ingest.safety import is_suspicious
from assistant.models import Page, Table, TableCell
from assistant.reading.lexicon import sections
from assistant.reading.mentions import Mention, read, read_after_pointer
from assistant.reading.vocab import coded_languages, says_language
from assistant.text import heading_level, heading_text, sentence_spans


@dataclass(frozen=True)
class Statement:
    """A sentence or table cell of one page, with where it stands and what it says."""

    document: str
    vendor: str
    page: int
    start: int
    end: int
    text: str
    heading: str = ""
    section: str = "offer"  # offer | buyer | references | company
    cell: TableCell | None = None
    mentions: tuple[Mention, ...] = ()
    unit_hint: str | None = None  # a table's unit, named in its headers or the text above it
    currency_hint: str | None = None  # a table's currency, named the same way ('Rate (EUR)')
    flagged: bool = False  # text aimed at AI assistants: data, never evidence
    location: str = ""  # on a spreadsheet's sheet: its first cell, 'Rate card!F3'

    @property
    def label(self) -> str:
        """A cell's row header ('' for prose)."""
        return " / ".join(self.cell.row_header) if self.cell else ""

    @property
    def column(self) -> str:
        """A cell's column header ('' for prose)."""
        return " / ".join(self.cell.col_header) if self.cell else ""

    @property
    def value_text(self) -> str:
        """A cell's own text; a sentence's whole text."""
        return self.cell.text if self.cell else self.text

    def of(self, *kinds: str) -> list[Mention]:
        """The statement's mentions of these kinds."""
        return [m for m in self.mentions if m.kind in kinds]

    @property
    def id(self) -> str:
        """Unique within a workspace: document, page and position."""
        return f"{self.document}#{self.page}:{self.start}"

    def embedding_text(self) -> str:
        """What the embedder sees: the heading, then the statement."""
        return f"{self.heading}: {self.text}" if self.heading and self.cell is None else self.text

    def to_dict(self) -> dict:
        """JSON-ready form without what the document already holds (its name, vendor, cells)."""
        return {
            "page": self.page, "start": self.start, "end": self.end, "text": self.text,
            "heading": self.heading, "section": self.section, "unit_hint": self.unit_hint,
            "currency_hint": self.currency_hint,
            "flagged": self.flagged, "mentions": [[m.kind, m.value, m.start, m.end, m.text, m.status] for m in self.mentions],
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict, document: str, vendor: str, pages: dict[int, Page]) -> Statement:
        """Inverse of to_dict; a table cell is found again on its page by position."""
        page = pages.get(data["page"])
        cells = {c.start: c for t in page.tables for c in t.cells} if page else {}
        return cls(
            document, vendor, data["page"], data["start"], data["end"], data["text"],
            data["heading"], data["section"], cells.get(data["start"]),
            tuple(Mention(*m) for m in data["mentions"]), data.get("unit_hint"),
            data.get("currency_hint"), bool(data.get("flagged")),
            page.location(data["start"], data["end"]) if page else "",
        )  # fmt: skip


@dataclass
class Outline:
    """Where a reader stands in a document: the last heading, and the section a heading with a
    cue opened ('16. Case studies'), which its sub-headings ('Northern water company') keep
    until a heading of the same or a higher level."""

    heading: str = ""
    section: str = "offer"
    level: int = 0

    def enter(self, line: str, buyer: str) -> None:
        """Read one heading line."""
        level = heading_level(line) or 2
        self.heading = heading_text(line)
        kind = _heading_section(self.heading, buyer)
        if kind:
            self.section, self.level = kind, level
        elif self.level and level <= self.level:
            self.section, self.level = "offer", 0


def page_statements(page: Page, document: str, vendor: str, buyer: str = "", heading: str = "",
                    outline: Outline | None = None) -> list[Statement]:
    """Every statement of one page (headings themselves are none); `outline` carries the
    headings from the pages before."""
    outline = outline or Outline(heading)
    cells = {cell.start: cell for table in page.tables for cell in table.cells}
    tables = {cell.start: table for table in page.tables for cell in table.cells}
    result = []
    for span in sentence_spans(page.text, atomic=page.atomic_spans):
        line = span.text
        cell = cells.get(span.start)
        if cell is None and line.startswith("#") or (cell is None and heading_level(line) is not None
                                                    and len(line) < 90 and not line.endswith(".")):
            outline.enter(line, buyer)
            continue
        if cell is None and _opens_references(line, buyer):
            outline.section, outline.level = "references", BANNER_LEVEL
        section = outline.section if outline.section != "offer" else _voice(line, buyer)
        if section == "buyer" and _vendor_speaks(line, cell, vendor):
            section = "offer"  # a response column, or the vendor's own answer to the need
        context = "other_client" if section == "references" else None
        mentions = tuple(read(line, context))
        if cell is not None:
            mentions = _with_coded_languages(mentions, line, cell, tables[span.start])
        result.append(Statement(document, vendor, page.number, span.start, span.end, line,
                                outline.heading, section, cell, mentions, flagged=is_suspicious(line),
                                location=page.location(span.start, span.end)))
    return _pointers_followed(result)


def _with_coded_languages(mentions: tuple[Mention, ...], line: str, cell: TableCell,
                          table: Table) -> tuple[Mention, ...]:
    """A cell's mentions and the languages its table gives as ISO 639-1 codes under a header
    that says language: the cell's own value ('Language: DE'), a row label under a label
    column headed so ('Language' above 'FR' then 'Rate: 31.00'), or a header under one
    ('Languages / IT')."""
    found = list(mentions)
    for part in _language_headed_parts(cell, table):
        at = _whole_word(line, part)
        if at < 0:
            continue
        for term in coded_languages(part):
            start, end = at + term.start, at + term.end
            if not any(m.start < end and start < m.end for m in found):
                found.append(Mention("language", term.value, start, end, term.text))
    return tuple(sorted(found, key=lambda m: m.start))


def _language_headed_parts(cell: TableCell, table: Table) -> list[str]:
    """The texts of a cell's line that stand under a header saying language."""
    parts = []
    if any(says_language(h) for h in (*cell.row_header, *cell.col_header)):
        parts.append(cell.text)
    label_headers = [" ".join(row[col] for row in table.rows[: table.header_rows] if col < len(row))
                     for col in range(table.label_cols)]
    labels = table.rows[cell.row][: table.label_cols] if cell.row < len(table.rows) else ()
    parts += [label for label, header in zip(labels, label_headers, strict=False) if says_language(header)]
    for headers in (cell.row_header, cell.col_header):
        parts += [h for i, h in enumerate(headers) if any(says_language(above) for above in headers[:i])]
    return parts


def _whole_word(line: str, part: str) -> int:
    """Where `part` stands in `line` as whole words (-1 if nowhere)."""
    found = re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", line) if part else None
    return found.start() if found else -1


def _pointers_followed(statements: list[Statement]) -> list[Statement]:
    """A sentence that only points on ('PCI DSS: see below.') takes its mentions' status from
    the next statement when that one names nothing of its own ('Not currently held.')."""
    from dataclasses import replace

    result = list(statements)
    for i, (statement, following) in enumerate(zip(statements, statements[1:], strict=False)):
        if statement.cell is not None or not statement.mentions or following.mentions:
            continue
        context = "other_client" if statement.section == "references" else None
        mentions = read_after_pointer(
            list(statement.mentions), statement.text, following.text, context
        )
        if tuple(mentions) != statement.mentions:
            result[i] = replace(statement, mentions=tuple(mentions))
    return result


def document_statements(pages: dict[int, Page], document: str, vendor: str, buyer: str = "") -> list[Statement]:
    """Every statement of a document, in page order; headings carry over page breaks."""
    result: list[Statement] = []
    outline = Outline()
    for number in sorted(pages):
        result += page_statements(pages[number], document, vendor, buyer, outline=outline)
    return _with_unit_hints(result)


def _with_unit_hints(statements: list[Statement]) -> list[Statement]:
    """Give each table cell the unit and the currency its headers, its heading or the prose
    above it name."""
    from dataclasses import replace

    from assistant.reading.quantities import currency_named, unit_named

    result, prose_unit, prose_currency, heading = [], None, None, None
    for statement in statements:
        if statement.heading != heading:
            heading = statement.heading
            prose_unit, prose_currency = unit_named(heading), currency_named(heading)
        if statement.cell is None:
            prose_unit = unit_named(statement.text) or prose_unit
            prose_currency = currency_named(statement.text) or prose_currency
            result.append(statement)
            continue
        headers = f" {statement.label} {statement.column}"
        hint = unit_named(headers) or prose_unit
        currency = currency_named(headers) or prose_currency
        result.append(replace(statement, unit_hint=hint, currency_hint=currency))
    return result


def catalog_statements(catalog) -> dict[str, list[Statement]]:
    """Statements per vendor over a catalog's proposals (documents in name order)."""
    result: dict[str, list[Statement]] = {}
    for name in sorted(catalog.records):
        record = catalog.records[name]
        if record.is_proposal:
            result.setdefault(record.vendor, []).extend(catalog.statements(name))
    return result


# A case-study label in running text ('CASE STUDY · A regional bank') holds until the next
# heading of any level.
BANNER_LEVEL = 7
_LABEL_END = re.compile(r"\s*[·:|—–-]\s")


def _opens_references(line: str, buyer: str) -> bool:
    """A line that begins with a label of case studies or references followed by a separator
    ('CASE STUDY · A regional bank ...', 'Success story: ...'): what follows it, up to the next
    heading, tells of another client even where no heading says so."""
    pattern = _cues("references", buyer)
    found = pattern.match(line.lstrip("*_• ")) if pattern else None
    return bool(found) and bool(_LABEL_END.match(line.lstrip("*_• "), found.end()))


@cache
def _cues(kind: str, buyer: str) -> re.Pattern[str] | None:
    table = sections()
    phrases = [p.replace("{buyer}", buyer) for p in getattr(table, kind) if buyer or "{buyer}" not in p]
    if not phrases:
        return None
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in phrases)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)


# 'us' in lower case only: 'US customers' is the country, not the vendor speaking.
_FIRST_PERSON = re.compile(r"\b(?:(?i:we|our|we're|we'll|we’ll|we’re)|us|Us)\b")


def _vendor_speaks(line: str, cell: TableCell | None, vendor: str) -> bool:
    """In a section about the buyer's needs: a cell under the vendor's response column, or a
    sentence in the vendor's own voice ('we', its name)."""
    from assistant.reading.names import fold

    said = cell.text if cell else line
    column = " / ".join(cell.col_header) if cell else ""
    name = fold(vendor.split()[0]) if vendor else ""
    if cell and re.search(r"respon|our |propos|offer|solution|approach", column, re.I):
        return True
    if name and (name in fold(column) or re.search(rf"\b{re.escape(name)}\b", fold(said))):
        return True
    return bool(_FIRST_PERSON.search(said))


def sums_up(heading: str) -> bool:
    """Whether a heading opens a section that sums up the proposal or a part of it ('Executive
    summary', 'At a glance', 'Pricing summary'): its statements repeat what a section states
    in full."""
    pattern = _cues("summary", "")
    return bool(pattern and pattern.search(heading))


def _heading_section(heading: str, buyer: str) -> str | None:
    """The kind of section a heading opens, from its words (None: no cue)."""
    for kind in ("references", "buyer", "company"):
        pattern = _cues(kind, buyer)
        if pattern and pattern.search(heading):
            return kind
    return None


def _voice(text: str, buyer: str) -> str:
    """'buyer' for a statement in the buyer's own voice ('you asked for'), else 'offer'."""
    voice = _cues("buyer_voice", buyer)
    return "buyer" if voice and voice.search(text) else "offer"
