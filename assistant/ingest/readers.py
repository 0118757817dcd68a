"""Files to pages: PDF (pypdf), DOCX (python-docx), plain text and Markdown."""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path

from assistant.models import Page

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")  # glyphs pypdf cannot map (bullets)
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER_LINE = re.compile(r"\bpage\b|^\W*\d+\W*$|^\d+\s*(of|/)\s*\d+$", re.I)
PAGE_BREAK = "\f"


class IngestError(Exception):
    """A file that cannot be ingested; the message says why in plain words."""


def read_pages(path: Path, max_bytes: int, max_pages: int) -> tuple[list[Page], str]:
    """Return the pages of a file and its title (possibly empty), or raise IngestError."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(
            f"unsupported format '{suffix or 'no extension'}' (use PDF, DOCX, TXT or MD)"
        )
    if not path.is_file():
        raise IngestError("file not found")
    size = path.stat().st_size
    if size == 0:
        raise IngestError("empty file (0 bytes)")
    if size > max_bytes:
        raise IngestError(f"too large ({size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB)")
    reader = {".pdf": read_pdf, ".docx": read_docx}.get(suffix, read_text)
    pages, title = reader(path, max_pages)
    if len(pages) > max_pages:
        raise IngestError(f"too large ({len(pages)} pages; the limit is {max_pages})")
    pages = strip_running_lines(pages)
    if not any(page.text.strip() for page in pages):
        raise IngestError("no extractable text (scanned or image-only; OCR is not supported)")
    return pages, title


def strip_running_lines(pages: list[Page]) -> list[Page]:
    """Drop page headers and footers: lines repeated (numbers aside) on most pages."""
    if len(pages) < 3:
        return pages
    counts: dict[str, int] = {}
    for page in pages:
        for key in {_running_key(line) for line in page.text.splitlines() if line.strip()}:
            counts[key] = counts.get(key, 0) + 1
    running = {key for key, count in counts.items() if count >= max(3, len(pages) * 0.6)}
    if not running:
        return pages
    return [
        Page(page.number, "\n".join(
            line for line in page.text.splitlines() if _running_key(line) not in running
        ).strip())
        for page in pages
    ]


def _running_key(line: str) -> str:
    """A line as compared across pages; page numbers are the only part allowed to vary."""
    line = line.strip()
    return _DIGITS.sub("#", line) if _PAGE_NUMBER_LINE.search(line) else line


def read_pdf(path: Path, max_pages: int) -> tuple[list[Page], str]:
    """Extract each page's text with pypdf, keeping table rows on one line."""
    from pypdf import PdfReader

    head = path.read_bytes()[:1024]
    if b"%PDF-" not in head:
        kind = "HTML" if re.search(rb"<(!doctype|html|head|body)", head, re.I) else "unknown data"
        raise IngestError(f"not a PDF (the content looks like {kind}); corrupt or mislabelled")
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("encrypted (password-protected); remove the password and try again")
        if len(reader.pages) > max_pages:
            raise IngestError(f"too large ({len(reader.pages)} pages; the limit is {max_pages})")
        pages = [Page(i + 1, _pdf_page_text(page)) for i, page in enumerate(reader.pages)]
        title = _pdf_title(reader)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many exception types on broken files
        log.debug("pypdf failed on %s: %r", path, exc)
        raise IngestError(f"corrupt PDF ({_short(exc)})") from exc
    if not pages:
        raise IngestError("empty PDF (no pages)")
    return pages, title


def _pdf_page_text(page) -> str:
    """Layout-mode text with runs of spaces collapsed: rows stay rows, cells stay apart."""
    try:
        raw = page.extract_text(extraction_mode="layout")
    except Exception:  # layout mode is stricter than plain mode on odd fonts
        raw = page.extract_text() or ""
    return tidy_layout_text(raw or "")


def tidy_layout_text(raw: str) -> str:
    """Collapse layout padding: wide gaps become ' | ', narrow ones one space."""
    lines = []
    for line in _CONTROL.sub("•", raw).splitlines():
        line = re.sub(r" {4,}", " | ", line.strip())
        lines.append(re.sub(r"\s{2,}", " ", line))
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _pdf_title(reader) -> str:
    """The document's Title metadata, if it says anything useful."""
    try:
        title = (reader.metadata or {}).get("/Title") or ""
    except Exception:
        return ""
    title = str(title).strip()
    return "" if title.lower() in {"untitled", "title", "microsoft word"} else title


def read_docx(path: Path, max_pages: int) -> tuple[list[Page], str]:
    """Paragraphs and table rows in order; explicit page breaks start new pages."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise IngestError("corrupt DOCX (not a ZIP package)")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise IngestError(f"corrupt DOCX ({_short(exc)})") from exc
    text = PAGE_BREAK.join(_docx_pages(document))
    title = (document.core_properties.title or "").strip()
    return _split_pages(text), title


def _docx_pages(document) -> list[str]:
    """Walk the body in order, turning headings into Markdown and rows into '|' lines."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    pages, lines = [], []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if any('w:br' in run._r.xml and 'type="page"' in run._r.xml for run in block.runs):
                pages.append("\n".join(lines))
                lines = []
            style = (block.style.name if block.style is not None else "") or ""
            level = re.match(r"Heading (\d)", style)
            prefix = "#" * int(level.group(1)) + " " if level else ""
            if style == "Title":
                prefix = "# "
            if block.text.strip():
                lines.append(prefix + block.text.strip())
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    pages.append("\n".join(lines))
    return pages


def read_text(path: Path, max_pages: int) -> tuple[list[Page], str]:
    """UTF-8 text (Latin-1 as a fallback); form feeds separate pages."""
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise IngestError("not a text file (binary content)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return _split_pages(text), ""


def _split_pages(text: str) -> list[Page]:
    """Pages split on form feeds, numbered from 1."""
    return [Page(i + 1, part.strip()) for i, part in enumerate(text.split(PAGE_BREAK))]


def _short(exc: Exception) -> str:
    """A one-line reason from an exception."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message[:120]
