"""Ingest stage: files -> pages (text, tables, positions) -> who wrote it -> chunks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.chunking import chunk_pages
from assistant.ingest.errors import IngestError
from assistant.ingest.identity import Identity, identify
from assistant.ingest.readers import SUPPORTED_SUFFIXES, read_pages
from assistant.ingest.safety import injection_warnings, is_suspicious
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
    identity: Identity = Identity("")

    @property
    def ocr_pages(self) -> tuple[int, ...]:
        """Pages whose text was read from an image of the page."""
        return tuple(page.number for page in self.pages if page.ocr)

    @property
    def tables(self) -> int:
        """How many tables were found."""
        return sum(len(page.tables) for page in self.pages)


def load_document(
    path: Path,
    settings: Settings,
    vendor: str | None = None,
    buyers: tuple[str, ...] = (),
    progress=None,
) -> LoadedDocument:
    """Read one file into pages and chunks, or raise IngestError with a plain reason.

    Args:
        path: the file.
        settings: size and page limits, chunk size.
        vendor: the vendor's name when the user gives it (it wins over what the text says).
        buyers: names of the buyer's organisation, never taken for the vendor.
        progress: called with (pages done, pages in all) while a PDF is read.
    """
    pages, title = read_pages(path, settings.max_file_bytes, settings.max_pages, progress)
    identity = identify(pages, title, path, vendor, buyers)
    chunks = chunk_pages(path.name, identity.vendor, pages, settings.chunk_chars)
    warnings = injection_warnings(pages)
    empty = [p.number for p in pages if not p.text.strip()]
    if empty and path.suffix.lower() == ".pdf":
        warnings += (_unread_pages_warning(empty),)
    return LoadedDocument(
        name=path.name,
        vendor=identity.vendor,
        title=title,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        pages=tuple(pages),
        chunks=tuple(chunks),
        warnings=warnings,
        identity=identity,
    )


def _unread_pages_warning(numbers: list[int]) -> str:
    from assistant.ingest import ocr

    listed = ", ".join(map(str, numbers[:10])) + ("…" if len(numbers) > 10 else "")
    why = "OCR found no text" if ocr.available() else "Tesseract is not installed, so no OCR"
    return f"page(s) {listed} have no text layer and could not be read ({why})"
