"""Run every field extractor over a vendor's sentences; each value keeps its verbatim citation."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, field

from assistant.compare import certifications, commercial, contract, delivery, service
from assistant.compare.fields import Found
from assistant.compare.sentences import Sentence, document_sentences
from assistant.ingest.safety import is_suspicious
from assistant.models import Citation
from assistant.text import quote_in_page

log = logging.getLogger(__name__)

EXTRACTORS = (
    *commercial.EXTRACTORS,
    *service.EXTRACTORS,
    *delivery.EXTRACTORS,
    *certifications.EXTRACTORS,
    *contract.EXTRACTORS,
)


@dataclass(frozen=True)
class Source:
    """Where a value is stated: document, 1-based page and a verbatim quote of that page."""

    document: str
    vendor: str
    page: int
    quote: str

    def citation(self, marker: int) -> Citation:
        """This source as a numbered answer citation."""
        return Citation(marker, self.document, self.vendor, self.page, self.quote)


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


def extract_sentence(sentence: Sentence) -> list[TermValue]:
    """Every value any extractor reads from one sentence (none from text aimed at AI tools)."""
    if is_suspicious(sentence.text):
        return []
    source = Source(sentence.document, sentence.vendor, sentence.page, sentence.text)
    values: list[TermValue] = []
    for extractor in EXTRACTORS:
        found: list[Found] = extractor(sentence)
        values += [TermValue(f.field, f.value, f.normalised, source) for f in found]
    return values


def extract_terms(sentences: list[Sentence], page_text=None) -> list[TermValue]:
    """Values from a vendor's sentences; a value whose quote is not on its page is dropped."""
    values: list[TermValue] = []
    for sentence in sentences:
        for value in extract_sentence(sentence):
            source = value.citation
            if (
                page_text
                and source
                and not quote_in_page(source.quote, page_text(source.document, source.page))
            ):
                log.warning(
                    "dropped %s: quote not found on %s p.%s",
                    value.field,
                    source.document,
                    source.page,
                )
                continue
            values.append(value)
    return values


def extract_catalog(catalog) -> dict[str, list[TermValue]]:
    """Values per vendor over a workspace catalog."""
    return {
        vendor: extract_terms(sentences, catalog.page_text)
        for vendor, sentences in document_sentences(catalog).items()
    }
