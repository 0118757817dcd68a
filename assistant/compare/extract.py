"""Every field's reader over a vendor's statements; each value keeps its verbatim citation."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field

from assistant.compare import certifications, commercial, contract, delivery, service
from assistant.compare.fields import FIELDS, Found
from assistant.compare.fieldspec import FieldSpec
from assistant.compare.generic import read_field
from assistant.ingest.safety import is_suspicious
from assistant.models import Citation
from assistant.reading.statements import Statement, catalog_statements
from assistant.text import quote_in_page

log = logging.getLogger(__name__)

READERS = {**commercial.READERS, **service.READERS, **delivery.READERS,
           **certifications.READERS, **contract.READERS}


@dataclass(frozen=True)
class Source:
    """Where a value is stated: document, 1-based page (a spreadsheet's sheet, with the cell in
    `location`) and a verbatim quote of that page."""

    document: str
    vendor: str
    page: int
    quote: str
    location: str = ""

    @property
    def where(self) -> str:
        """'p. 4', or a spreadsheet cell: 'Rate card!F3'."""
        return self.location or f"p. {self.page}"

    def citation(self, marker: int) -> Citation:
        """This source as a numbered answer citation."""
        return Citation(marker, self.document, self.vendor, self.page, self.quote, location=self.location)


@dataclass(frozen=True)
class TermValue:
    """One extracted value of one field, with its normalised form and its citation."""

    field: str
    value: str
    normalised: dict = field(default_factory=dict)
    citation: Source | None = None

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "field": self.field,
            "value": self.value,
            "normalised": self.normalised,
            "citation": asdict(self.citation) if self.citation else None,
        }


def read_statement(spec: FieldSpec, statement: Statement) -> list[Found]:
    """What one field's reader finds in one statement."""
    reader = READERS.get(spec.reader) if spec.reader else None
    return reader(spec, statement) if reader else read_field(spec, statement)


def extract_statement(statement: Statement) -> list[TermValue]:
    """Every value any field reads from one statement (none from text aimed at AI tools)."""
    if is_suspicious(statement.text):
        return []
    source = Source(statement.document, statement.vendor, statement.page, statement.text, statement.location)
    values: list[TermValue] = []
    for spec in FIELDS:
        values += [TermValue(f.field, f.value, f.normalised, source) for f in read_statement(spec, statement)]
    return values


def extract_terms(statements: list[Statement], page_text=None) -> list[TermValue]:
    """Values from a vendor's statements; a value whose quote is not on its page is dropped."""
    values: list[TermValue] = []
    for statement in statements:
        for value in extract_statement(statement):
            source = value.citation
            if page_text and source and not quote_in_page(source.quote, page_text(source.document, source.page)):
                log.warning("dropped %s: quote not found on %s p.%s", value.field, source.document, source.page)
                continue
            values.append(value)
    return values


def extract_catalog(catalog) -> dict[str, list[TermValue]]:
    """Values per vendor over a workspace catalog."""
    return {
        vendor: extract_terms(statements, catalog.page_text)
        for vendor, statements in catalog_statements(catalog).items()
    }
