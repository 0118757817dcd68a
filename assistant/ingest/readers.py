"""Files to pages: PDF (pdfplumber, OCR for scans), DOCX (python-docx), XLSX (openpyxl, a page
per sheet), plain text and Markdown.

Each format's reader gives its pages' lines and tables; `finish` (pages.py) treats them all
alike: running headers and footers dropped, headings marked, broken words rejoined.
"""

from __future__ import annotations

import logging
from pathlib import Path

from assistant.ingest.errors import IngestError, short_reason
from assistant.ingest.pages import finish
from assistant.models import Page

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".xlsx", ".txt", ".md")

__all__ = ["IngestError", "SUPPORTED_SUFFIXES", "read_pages", "short_reason"]


def read_pages(path: Path, max_bytes: int, max_pages: int, progress=None) -> tuple[list[Page], str]:
    """Return the pages of a file and its title metadata (possibly empty), or raise IngestError."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(
            f"unsupported format '{suffix or 'no extension'}' (use PDF, DOCX, XLSX, TXT or MD)"
        )
    if not path.is_file():
        raise IngestError("file not found")
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file (0 bytes)")
    if size > max_bytes:
        raise IngestError(f"too large ({size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB)")
    if suffix == ".pdf":
        from assistant.ingest.pdf import read_pdf

        layouts, title = read_pdf(path, max_pages, progress)
    elif suffix == ".docx":
        from assistant.ingest.docx_reader import read_docx

        layouts, title = read_docx(path, max_pages)
    elif suffix == ".xlsx":
        from assistant.ingest.xlsx_reader import read_xlsx

        layouts, title = read_xlsx(path, max_pages)
    else:
        from assistant.ingest.text_reader import read_text

        layouts, title = read_text(path, max_pages)
    had_text = any(line.text.strip() for layout in layouts for line in layout.lines) or any(
        layout.tables for layout in layouts
    )
    pages = finish(layouts, mark_headings=suffix == ".pdf")
    if not any(page.text.strip() for page in pages):
        raise IngestError(_no_text_reason(suffix, had_text))
    return pages, title


def _no_text_reason(suffix: str, had_text: bool) -> str:
    if had_text:
        return "no content: the only text is page numbers, headers or footers"
    if suffix == ".pdf":
        from assistant.ingest import ocr

        if not ocr.available():
            return ("no extractable text (scanned or image-only, and OCR needs Tesseract: "
                    "install the tesseract-ocr package)")
        return "no extractable text (scanned or image-only, and OCR found no text on any page)"
    return "no extractable text (empty document)"
