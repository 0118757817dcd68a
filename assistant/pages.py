"""The real page: a kept copy of each PDF, rendered with pypdfium2, with the quoted passage
boxed from the positions stored at ingest. Other formats show the page text with the quote
marked."""

from __future__ import annotations

import base64
import html
import io
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.chunking import document_key
from assistant.models import Box, Page

log = logging.getLogger(__name__)
ORIGINALS = "originals"
RENDER_SCALE = 1.5  # pixels per PDF point: readable at laptop widths, ~150 KB a page


def original_file(name: str) -> str:
    """The kept copy's path inside the workspace (also its name in a shared database)."""
    return f"{ORIGINALS}/{document_key(name)}.pdf"


def original_path(root: Path, name: str) -> Path:
    """Where the workspace keeps its copy of a PDF."""
    return Path(root) / original_file(name)


def keep_original(root: Path, name: str, source: Path) -> Path | None:
    """Keep a copy of a PDF so its pages can be shown as they are (other formats: None)."""
    if Path(source).suffix.lower() != ".pdf":
        return None
    target = original_path(root, name)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def forget_original(root: Path, name: str) -> None:
    """Delete the kept copy of a document, if any."""
    original_path(root, name).unlink(missing_ok=True)


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    """Where the quote stands in the page text, ignoring differences in whitespace and case."""
    words = quote.replace("…", " ").split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text) or re.search(pattern, text, re.I)
    return match.span() if match else None


def quote_boxes(page: Page, quote: str) -> list[Box]:
    """The stored boxes of the lines or table cells the quote covers on the page."""
    span = quote_span(page.text, quote)
    return page.boxes(*span) if span else []


@dataclass(frozen=True)
class RenderedPage:
    """A page as a PNG, its size in pixels, and the highlight boxes in pixels."""

    png: bytes
    width: int
    height: int
    highlights: tuple[tuple[float, float, float, float], ...]


def render_page(
    pdf: Path, page: Page, quote: str | list[str], scale: float = RENDER_SCALE
) -> RenderedPage:
    """Render one page of a kept PDF and place the quote's boxes on it.

    Args:
        pdf: the kept copy of the document.
        page: the stored page (1-based number, size and text positions).
        quote: the cited passage (or several, all boxed).
        scale: pixels per PDF point.

    Returns:
        The rendered page with highlight rectangles (left, top, width, height) in pixels.
    """
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        bitmap = document[page.number - 1].render(scale=scale)
        image = bitmap.to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    # Positions are in PDF points from the top-left; the render's scale maps them to pixels.
    sx = image.width / page.width if page.width else scale
    sy = image.height / page.height if page.height else scale
    boxes = tuple(
        (b.x0 * sx, b.top * sy, (b.x1 - b.x0) * sx, (b.bottom - b.top) * sy)
        for b in _merged([box for q in _quotes(quote) for box in quote_boxes(page, q)])
    )
    return RenderedPage(buffer.getvalue(), image.width, image.height, boxes)


def _quotes(quote: str | list[str]) -> list[str]:
    return [quote] if isinstance(quote, str) else list(quote)


def _merged(boxes: list[Box]) -> list[Box]:
    """Boxes on the same line joined, so a quote is one band per line."""
    lines: list[Box] = []
    for box in sorted(boxes, key=lambda b: (round(b.top), b.x0)):
        if lines and abs(lines[-1].top - box.top) < 2 and abs(lines[-1].bottom - box.bottom) < 2:
            lines[-1] = lines[-1].union(box)
        else:
            lines.append(box)
    return lines


def page_view_html(
    document: str, page: Page | None, quote: str | list[str], pdf: Path | None, vendor: str = ""
) -> str:
    """The cited page for the browser: the PDF page as an image with the quote(s) boxed, else
    the page's text with the first quote marked (document text is escaped, never rendered)."""
    number = page.number if page else 0
    quotes = _quotes(quote)
    head = (
        f"<div class='page-head'><b>{html.escape(document)}</b>, page {int(number)}"
        + (f" — {html.escape(vendor)}" if vendor else "")
        + "".join(f"<div class='page-quote'>“{html.escape(q)}”</div>" for q in quotes)
        + "</div>"
    )
    if page is None:
        return head + "<p><i>This page is not held any more.</i></p>"
    if pdf is not None and pdf.is_file() and page.width:
        try:
            shown = render_page(pdf, page, quotes)
            return head + _image_html(shown)
        except Exception as exc:  # a damaged copy falls back to the text
            log.warning("could not render %s p.%s: %s", document, number, exc)
    return head + text_html(page.text, quotes[0] if quotes else "")


def _image_html(shown: RenderedPage) -> str:
    data = base64.b64encode(shown.png).decode("ascii")
    marks = "".join(
        f"<div class='page-highlight' style='left:{100 * x / shown.width:.3f}%;"
        f"top:{100 * y / shown.height:.3f}%;width:{100 * w / shown.width:.3f}%;"
        f"height:{100 * h / shown.height:.3f}%'></div>"
        for x, y, w, h in shown.highlights
    )
    missing = "" if shown.highlights else "<p><i>The quote's position is not known.</i></p>"
    return (
        f"{missing}<div class='page-image' data-width='{shown.width}' data-height='{shown.height}'>"
        f"<img alt='page image' src='data:image/png;base64,{data}'/>{marks}</div>"
    )


def text_html(text: str, quote: str) -> str:
    """A page's text, escaped, with the quoted passage in <mark>."""
    if not text.strip():
        return "<p><i>This page has no extractable text.</i></p>"
    span = quote_span(text, quote)
    if span is None:
        return f"<pre class='page-text'>{html.escape(text)}</pre>"
    start, end = span
    body = (
        html.escape(text[:start]) + "<mark>" + html.escape(text[start:end]) + "</mark>"
        + html.escape(text[end:])
    )  # fmt: skip
    return f"<pre class='page-text'>{body}</pre>"
