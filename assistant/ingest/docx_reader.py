"""DOCX pages with python-docx: paragraphs and tables in body order, headings from styles.

Pages are counted where the file says a page starts: Word's rendered page breaks when it
saved them, else explicit page breaks and page-starting section breaks.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from assistant.ingest.errors import IngestError, short_reason
from assistant.ingest.layout import Line, PageLayout
from assistant.ingest.normalise import clean
from assistant.ingest.tables import Grid, build_table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|título|titolo)\s*(\d)", re.I)
MAX_XML_BYTES = 200 * 2**20  # a larger document.xml is a zip bomb, not a proposal


def read_docx(path: Path, max_pages: int) -> tuple[list[PageLayout], str]:
    """Each page's lines and tables, and the core-properties title."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise IngestError("corrupt DOCX (not a ZIP package)")
    _check_package(path)
    try:
        document = docx.Document(str(path))
        layouts = _pages(document)
        title = clean(document.core_properties.title or "").strip()
    except IngestError:
        raise
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, AttributeError) as exc:
        raise IngestError(f"corrupt DOCX ({short_reason(exc)})") from exc
    except Exception as exc:  # lxml and python-docx raise many kinds on damaged parts
        raise IngestError(f"corrupt DOCX ({short_reason(exc)})") from exc
    if len(layouts) > max_pages:
        raise IngestError(f"too large ({len(layouts)} pages; the limit is {max_pages})")
    return layouts, title


def _check_package(path: Path) -> None:
    """Refuse a package that is not a Word document or would expand to an absurd size."""
    try:
        with zipfile.ZipFile(path) as package:
            names = {info.filename: info for info in package.infolist()}
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(f"corrupt DOCX ({short_reason(exc)})") from exc
    body = names.get("word/document.xml")
    if body is None:
        raise IngestError("corrupt DOCX (no word/document.xml; not a Word document)")
    if body.file_size > MAX_XML_BYTES or sum(i.file_size for i in names.values()) > 4 * MAX_XML_BYTES:
        raise IngestError("too large (the document expands to more than 200 MB of text)")


def _pages(document) -> list[PageLayout]:
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    body = document.element.body
    rendered = any(el.tag == f"{_W}lastRenderedPageBreak" for el in body.iter())
    page_after = _sections_ending_a_page(body)
    layouts = [PageLayout(1, [])]
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            for piece, breaks_after in _paragraph_pieces(block, rendered, page_after):
                if piece is not None:
                    layouts[-1].lines.append(piece)
                for _ in range(breaks_after):
                    layouts.append(PageLayout(len(layouts) + 1, []))
        elif isinstance(block, DocxTable):
            grid = _grid(block)
            table = build_table(grid, len(layouts[-1].tables)) if grid else None
            if table is not None:
                layouts[-1].tables.append(table)
                layouts[-1].lines.append(Line([], table=table.index, new_block=True))
    return layouts


def _paragraph_pieces(paragraph, rendered: bool, page_after: set):
    """(line or None, page breaks after it): a paragraph split where pages start inside it."""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = 1 if style.lower() == "title" else None
    if match := _HEADING_STYLE.match(style):
        heading = min(int(match.group(1)), 6)
    texts, breaks = [[]], []
    for element in paragraph._p.iter():
        tag = element.tag
        if tag == f"{_W}t" and element.text:
            texts[-1].append(element.text)
        elif tag == f"{_W}tab":
            texts[-1].append(" ")
        elif _is_page_start(element, rendered):
            texts.append([])
            breaks.append(1)
    pieces = []
    for i, parts in enumerate(texts):
        text = clean("".join(parts)).replace("\n", " ").strip()
        line = Line([], text=text, heading=heading, new_block=True) if text else None
        after = 1 if i < len(breaks) else 0
        pieces.append((line, after))
    if (section := _section_break(paragraph)) is not None and section in page_after:
        line, after = pieces[-1]
        pieces[-1] = (line, after + 1)
    return pieces


def _is_page_start(element, rendered: bool) -> bool:
    if rendered:
        return element.tag == f"{_W}lastRenderedPageBreak"
    return element.tag == f"{_W}br" and element.get(f"{_W}type") == "page"


def _section_break(paragraph):
    """The section properties a paragraph ends its section with, if it ends one."""
    properties = paragraph._p.pPr
    return properties.find(f"{_W}sectPr") if properties is not None else None


def _sections_ending_a_page(body) -> set:
    """The section breaks after which a page starts. A section's own `w:type` says how that
    section starts (next page by default, or continuous), so a break starts a page when the
    section after it starts on one; the last section's properties are the body's own. The set
    holds the elements themselves, which keeps lxml handing out the same objects for them."""
    sections = [s for s in body.iter(f"{_W}sectPr") if s.getparent().tag in (f"{_W}pPr", f"{_W}body")]
    ends = set()
    for section, following in zip(sections, sections[1:], strict=False):
        kind = following.find(f"{_W}type")
        if (kind.get(f"{_W}val") if kind is not None else "nextPage") in ("nextPage", "evenPage", "oddPage"):
            ends.add(section)
    return ends


def _grid(table) -> Grid | None:
    """Cell texts of a Word table; python-docx repeats a merged cell in every slot it covers."""
    rows, emphasis = [], []
    for row in table.rows:
        try:
            cells = row.cells
        except (IndexError, ValueError):  # a malformed grid: keep what the row has
            cells = []
        rows.append([clean(cell.text) for cell in cells])
        emphasis.append(_row_emphasised(row))
    return Grid(rows, None, emphasis) if any(any(r) for r in rows) else None


def _row_emphasised(row) -> bool:
    """A repeating header row, or one whose text is all bold or shaded: a header's look."""
    tr = row._tr
    if tr.trPr is not None and tr.trPr.find(f"{_W}tblHeader") is not None:
        return True
    runs = [r for r in tr.iter(f"{_W}r") if "".join(t.text or "" for t in r.iter(f"{_W}t")).strip()]
    if runs and all(_bold(run) for run in runs):
        return True
    return any(s.get(f"{_W}fill") not in (None, "auto", "FFFFFF", "ffffff") for s in tr.iter(f"{_W}shd"))


def _bold(run) -> bool:
    properties = run.find(f"{_W}rPr")
    bold = properties.find(f"{_W}b") if properties is not None else None
    return bold is not None and bold.get(f"{_W}val") not in ("0", "false")
