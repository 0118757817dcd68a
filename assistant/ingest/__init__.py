"""Ingest stage: files -> pages -> chunks that keep document, vendor and page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.chunking import chunk_pages
from assistant.ingest.readers import SUPPORTED_SUFFIXES, IngestError, read_pages
from assistant.ingest.safety import injection_warnings, is_suspicious
from assistant.ingest.vendor import vendor_name
from assistant.models import Chunk, Page
from assistant.settings import Settings

__all__ = [
    "IngestError",
    "LoadedDocument",
    "SUPPORTED_SUFFIXES",
    "is_suspicious",
    "load_document",
]


@dataclass(frozen=True)
class LoadedDocument:
    """A file read, named, chunked and screened, ready to index."""

    name: str
    vendor: str
    title: str
    sha256: str
    pages: tuple[Page, ...]
    chunks: tuple[Chunk, ...]
    warnings: tuple[str, ...]


def load_document(path: Path, settings: Settings, vendor: str | None = None) -> LoadedDocument:
    """Read one file into pages and chunks, or raise IngestError with a plain reason."""
    pages, title = read_pages(path, settings.max_file_bytes, settings.max_pages)
    name = path.name
    who = vendor_name(vendor, title, pages, path)
    chunks = chunk_pages(name, who, pages, settings.chunk_chars)
    return LoadedDocument(
        name=name,
        vendor=who,
        title=title,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        pages=tuple(pages),
        chunks=tuple(chunks),
        warnings=injection_warnings(pages),
    )
