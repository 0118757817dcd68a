"""PDF pages with pdfplumber: words in reading order, tables as data, OCR for scanned pages.

pypdf checks the file first (encryption, page count, title) and reads a page's plain text
when pdfplumber fails on it.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from pathlib import Path

from assistant.ingest import ocr
from assistant.ingest.errors import IngestError, short_reason
from assistant.ingest.layout import Line, PageLayout, Word, block_lines, reading_order
from assistant.ingest.normalise import clean
from assistant.ingest.ocr_tables import ocr_tables
from assistant.ingest.tables import Grid, build_table
from assistant.models import Box, Table

log = logging.getLogger(__name__)
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_TEXT_TABLES = {
    "vertical_strategy": "text",
    "horizontal_strategy": "text",
    "min_words_vertical": 3,
    "min_words_horizontal": 2,
}


def check_pdf(path: Path, max_pages: int) -> str:
    """Refuse what is not a readable PDF; return its Title metadata (possibly empty)."""
    from pypdf import PdfReader

    head = path.read_bytes()[:1024]
    if b"%PDF-" not in head:
        kind = "HTML" if re.search(rb"<(!doctype|html|head|body)", head, re.I) else "unknown data"
        raise IngestError(f"not a PDF (the content looks like {kind}); corrupt or mislabelled")
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("encrypted (password-protected); remove the password and try again")
        count = len(reader.pages)
        title = _metadata_title(reader)
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many exception types on broken files
        raise IngestError(f"corrupt PDF ({short_reason(exc)})") from exc
    if count == 0:
        raise IngestError("empty PDF (no pages)")
    if count > max_pages:
        raise IngestError(f"too large ({count} pages; the limit is {max_pages})")
    return title


def read_pdf(path: Path, max_pages: int, progress=None) -> tuple[list[PageLayout], str]:
    """Each page's lines and tables, and the document's title metadata."""
    import pdfplumber

    title = check_pdf(path, max_pages)
    layouts: list[PageLayout] = []
    try:
        with pdfplumber.open(path) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                layouts.append(_read_page(page, number, path))
                if progress:
                    progress(number, len(pdf.pages))
    except IngestError:
        raise
    except Exception as exc:
        log.debug("pdfplumber failed on %s: %r", path, exc)
        raise IngestError(f"corrupt PDF ({short_reason(exc)})") from exc
    return layouts, title


def _read_page(page, number: int, path: Path) -> PageLayout:
    """One page: tables first, then the words outside them in reading order; OCR if no text."""
    width, height = float(page.width), float(page.height)
    try:
        words = page.extract_words(
            extra_attrs=["fontname", "size"], keep_blank_chars=False, x_tolerance_ratio=0.15
        )
    except Exception as exc:
        log.debug("page %d of %s: words failed (%r); plain text instead", number, path, exc)
        return _plain_page(path, number, width, height)
    if not any(w["text"].strip() for w in words):
        return _ocr_page(path, number, width, height)
    tables = _tables(page)
    placed = [
        Word(clean(w["text"]), Box(w["x0"], w["top"], w["x1"], w["bottom"]), float(w["size"]),
             bool(_BOLD.search(w.get("fontname", ""))))
        for w in words
        if not any(_inside(w, t.box) for t in tables)
    ]
    placed += [Word("", t.box, table=t.index) for t in tables]
    return PageLayout(number, _lines(placed), tables, width, height)


def _lines(items: list[Word]) -> list[Line]:
    """Lines in reading order; a table stands among its block's lines where it stands on the page."""
    sizes = sorted(w.size for w in items if w.table is None) or [10.0]
    size = sizes[len(sizes) // 2]
    lines: list[Line] = []
    for block in reading_order(items, line_gap=0.5 * size, gutter=max(7.0, 0.7 * size)):
        found = block_lines([w for w in block if w.table is None])
        found += [Line([w], box=w.box, table=w.table) for w in block if w.table is not None]
        found.sort(key=lambda line: line.box.top)
        for i, line in enumerate(found):
            line.new_block = i == 0 or line.table is not None or found[i - 1].table is not None
        lines += found
    return lines


def _inside(word: dict, box: Box | None) -> bool:
    if box is None:
        return False
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom


def _tables(page) -> list[Table]:
    """Ruled tables (pdfplumber's line strategy); borderless ones only when they look like tables."""
    found = page.find_tables()
    strict = False
    if not found:
        found, strict = page.find_tables(table_settings=_TEXT_TABLES), True
    tables: list[Table] = []
    for candidate in found:
        grid = _grid(page, candidate)
        if grid is None or (strict and not (_looks_tabular(grid) and _cells_hold_whole_words(page, candidate))):
            continue
        table = build_table(grid, len(tables))
        if table is not None and len(table.rows) >= 2 and len(table.rows[0]) >= 2:
            tables.append(table)
    return tables


def _grid(page, table) -> Grid | None:
    """Cell texts and boxes of a pdfplumber table, a merged cell's text in every slot it covers."""
    texts = table.extract()
    rows = table.rows
    if not texts or not rows:
        return None
    width = max(len(r) for r in texts)
    columns = [c.bbox for c in table.columns] if table.columns else []
    grid: list[list[str | None]] = []
    boxes: list[list[Box | None]] = []
    for r, (row_texts, row) in enumerate(zip(texts, rows, strict=False)):
        line_texts: list[str | None] = list(row_texts) + [None] * (width - len(row_texts))
        line_boxes: list[Box | None] = [Box(*c) if c else None for c in row.cells]
        line_boxes += [None] * (width - len(line_boxes))
        for c in range(width):
            if row.cells[c] if c < len(row.cells) else None:
                continue
            owner = _merged_owner(rows, r, c, columns)
            if owner is not None:
                orow, ocol = owner
                line_texts[c] = grid[orow][ocol] if orow < r else line_texts[ocol]
                line_boxes[c] = boxes[orow][ocol] if orow < r else line_boxes[ocol]
        grid.append(line_texts)
        boxes.append(line_boxes)
    return Grid(grid, boxes, _rows_emphasised(page, table.bbox, rows), Box(*table.bbox))


def _merged_owner(rows, r: int, c: int, columns) -> tuple[int, int] | None:
    """The (row, column) of the merged cell that covers the empty slot (r, c), if any."""
    if not columns or c >= len(columns):
        return None
    x_mid = (columns[c][0] + columns[c][2]) / 2
    for left in range(c - 1, -1, -1):
        cell = rows[r].cells[left] if left < len(rows[r].cells) else None
        if cell:
            return (r, left) if cell[2] >= x_mid else None
    row_mid = (rows[r].bbox[1] + rows[r].bbox[3]) / 2
    for up in range(r - 1, -1, -1):
        cell = rows[up].cells[c] if c < len(rows[up].cells) else None
        if cell:
            return (up, c) if cell[3] >= row_mid else None
    return None


def _rows_emphasised(page, table_bbox, rows) -> list[bool]:
    """Per row: set in bold (or on a shaded background), the look of a header row. The table's
    characters are cropped once, sorted by their top, and each row looks only at those whose
    top lies within a character's height of it (a scan of every character per row made large
    tables slow)."""
    from pdfplumber.utils import get_bbox_overlap, obj_to_bbox

    try:
        chars = sorted((ch for ch in page.crop(table_bbox).chars if ch["text"].strip()),
                       key=lambda ch: ch["top"])
    except ValueError:
        return [False] * len(rows)
    tops = [ch["top"] for ch in chars]
    tallest = max((ch["bottom"] - ch["top"] for ch in chars), default=0.0)
    emphasis = []
    for row in rows:
        _, row_top, _, row_bottom = row.bbox
        near = chars[bisect_left(tops, row_top - tallest):bisect_right(tops, row_bottom)]
        inside = [ch for ch in near if get_bbox_overlap(obj_to_bbox(ch), row.bbox)]
        emphasis.append(bool(inside) and all(_BOLD.search(ch.get("fontname", "")) for ch in inside))
    return emphasis


def _looks_tabular(grid: Grid) -> bool:
    """A borderless table found from word alignment, kept only when it reads as a grid."""
    rows = [[cell for cell in row if cell and cell.strip()] for row in grid.rows]
    if len(rows) < 3 or max(len(r) for r in rows) < 2:
        return False
    full = sum(len(r) >= 2 for r in rows) / len(rows)
    longest = max(len(cell) for row in rows for cell in row)
    words = [len(cell.split()) for row in rows for cell in row]
    return full >= 0.7 and longest <= 60 and sum(words) / len(words) <= 5


def _cells_hold_whole_words(page, table) -> bool:
    """Every word inside one cell: a 'table' whose columns cut words is prose, not a table."""
    cells = [Box(*c) for c in table.cells]
    try:
        words = page.crop(table.bbox).extract_words()
    except ValueError:
        return False
    cut = 0
    for word in words:
        box = Box(word["x0"], word["top"], word["x1"], word["bottom"])
        holders = [c for c in cells if c.overlaps(box)]
        if len(holders) != 1 or box.x0 < holders[0].x0 - 1 or box.x1 > holders[0].x1 + 1:
            cut += 1
    return bool(words) and cut <= len(words) * 0.02


def _ocr_page(path: Path, number: int, width: float, height: float) -> PageLayout:
    """A page without a text layer, read by Tesseract when it is installed."""
    if not ocr.available():
        return PageLayout(number, [], [], width, height, ocr=False)
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(str(path))
        image = document[number - 1].render(scale=ocr.RENDER_SCALE).to_pil()
        lines = ocr.ocr_image(image)
        document.close()
    except Exception as exc:  # a page Tesseract cannot read stays empty; the rest goes on
        log.warning("OCR failed on page %d of %s: %r", number, path.name, exc)
        return PageLayout(number, [], [], width, height, ocr=False)
    lines, tables = ocr_tables(lines)
    return PageLayout(number, lines, tables, width, height, ocr=bool(lines))


def _plain_page(path: Path, number: int, width: float, height: float) -> PageLayout:
    """pypdf's plain text of one page (no positions) when pdfplumber cannot read it."""
    from pypdf import PdfReader

    try:
        text = PdfReader(path, strict=False).pages[number - 1].extract_text() or ""
    except Exception:
        text = ""
    lines = [Line([], text=clean(t)) for t in text.splitlines() if t.strip()]
    return PageLayout(number, lines, [], width, height)


def _metadata_title(reader) -> str:
    """The document's Title metadata, as written (judged later, with everything else)."""
    try:
        title = (reader.metadata or {}).get("/Title") or ""
    except Exception:
        return ""
    return clean(str(title)).strip()
