"""Render the sample proposals (a small Markdown subset) to deterministic A4 PDFs."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

log = logging.getLogger(__name__)

PROPOSALS_DIR = Path(__file__).parent / "proposals"
PAGE_BREAK = "<!-- pagebreak -->"
MARGIN = 18 * mm
_CELL_INSET = 2 * 6.0 + 3.0  # default cell padding each side, plus slack for rounding
_TITLE_SEPARATOR = re.compile(r"\s+[—–]\s+")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


@dataclass(frozen=True)
class Source:
    """One parsed proposal source: its title, vendor and Markdown body."""

    slug: str
    title: str
    vendor: str
    body: list[str]

    @property
    def page_count(self) -> int:
        """Pages the rendered PDF must have: one more than the explicit page breaks."""
        return sum(line.strip() == PAGE_BREAK for line in self.body) + 1


def read_source(path: Path) -> Source:
    """Parse a proposal's `# Title` line and keep the rest as lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or not lines[0].startswith("# "):
        raise ValueError(f"{path.name}: the first line must be '# Title'")
    title = lines[0][2:].strip()
    vendor = _TITLE_SEPARATOR.split(title, maxsplit=1)[0].strip()
    return Source(slug=path.stem, title=title, vendor=vendor, body=lines[1:])


def _styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles for title, headings, body, table cells and bullets."""
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontSize=9.5, leading=12.5)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=16, leading=20),
        "h2": ParagraphStyle(
            "h2",
            parent=base["Heading2"],
            fontSize=12.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base["Heading3"],
            fontSize=10.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "head": ParagraphStyle(
            "head",
            parent=body,
            fontName="Helvetica-Bold",
            fontSize=8.5,
            leading=10.5,
            spaceAfter=0,
        ),
        "bullet": ParagraphStyle("bullet", parent=body, spaceAfter=1),
    }


def _cells(line: str) -> list[str]:
    """The cells of one pipe-table row."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _column_widths(rows: list[list[str]], width: float) -> list[float]:
    """Widths that follow each column's longest text but never split a word."""
    columns = range(len(rows[0]))
    floors = [max(_word_width(row[i]) for row in rows) + _CELL_INSET for i in columns]
    weights = [min(max(max(len(row[i]) for row in rows), 6), 40) for i in columns]
    widths = [width * weight / sum(weights) for weight in weights]
    pinned = [w < floor for w, floor in zip(widths, floors, strict=True)]
    spare = width - sum(floor for floor, pin in zip(floors, pinned, strict=True) if pin)
    free = sum(weight for weight, pin in zip(weights, pinned, strict=True) if not pin)
    return [
        floor if pin else spare * weight / free
        for floor, weight, pin in zip(floors, weights, pinned, strict=True)
    ]


def _word_width(text: str) -> float:
    """The printed width of the longest word in a cell (header font, the wider one)."""
    return max((stringWidth(word, "Helvetica-Bold", 8.5) for word in text.split()), default=0.0)


def _table(rows: list[list[str]], styles: dict[str, ParagraphStyle], width: float) -> Table:
    """A gridded table whose column widths follow the longest text in each column."""
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    widths = _column_widths(rows, width)
    data = [
        [Paragraph(escape(cell), styles["head" if r == 0 else "cell"]) for cell in row]
        for r, row in enumerate(rows)
    ]
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4e9f0")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _bullets(items: list[str], styles: dict[str, ParagraphStyle]) -> ListFlowable:
    """A bulleted list."""
    return ListFlowable(
        [ListItem(Paragraph(escape(item), styles["bullet"]), leftIndent=12) for item in items],
        bulletType="bullet",
        start="•",
        leftIndent=12,
        bulletFontSize=8,
    )


def flowables(source: Source, width: float) -> list[Flowable]:
    """Turn a source's Markdown lines into reportlab flowables."""
    styles = _styles()
    story: list[Flowable] = [Paragraph(escape(source.title), styles["title"])]
    paragraph: list[str] = []
    items: list[str] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if paragraph:
            story.append(Paragraph(escape(" ".join(paragraph)), styles["body"]))
            paragraph.clear()
        if items:
            story.append(_bullets(list(items), styles))
            story.append(Spacer(1, 4))
            items.clear()
        if rows:
            story.append(_table(list(rows), styles, width))
            story.append(Spacer(1, 6))
            rows.clear()

    for raw in source.body:
        line = raw.strip()
        if line == PAGE_BREAK:
            flush()
            story.append(PageBreak())
        elif not line:
            flush()
        elif line.startswith("### "):
            flush()
            story.append(Paragraph(escape(line[4:]), styles["h3"]))
        elif line.startswith("## "):
            flush()
            story.append(Paragraph(escape(line[3:]), styles["h2"]))
        elif line.startswith("|"):
            if paragraph or items:
                flush()
            if not _TABLE_RULE.match(line):
                rows.append(_cells(line))
        elif line.startswith("- "):
            if paragraph or rows:
                flush()
            items.append(line[2:].strip())
        elif items and raw.startswith("  "):
            items[-1] += " " + line
        else:
            if items or rows:
                flush()
            paragraph.append(line)
    flush()
    return story


def render_proposal(path: Path, out_dir: Path) -> Path:
    """Render one proposal source to out_dir/<slug>.pdf and return the PDF's path."""
    source = read_source(path)
    out = out_dir / f"{source.slug}.pdf"
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=source.title,
        author=source.vendor,
        subject="Proposal to Harbor Health & Home",
        creator="procure sample proposals",
        invariant=1,
    )

    def footer(canvas: Canvas, _doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(colors.grey)
        text = f"{source.vendor} | Page {canvas.getPageNumber()}"
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, text)
        canvas.restoreState()

    doc.build(flowables(source, doc.width), onFirstPage=footer, onLaterPages=footer)
    return out


def proposal_sources(directory: Path = PROPOSALS_DIR) -> list[Path]:
    """The proposal Markdown files, in name order."""
    return sorted(directory.glob("*.md"))


def build_sample_pdfs(out_dir: Path) -> list[Path]:
    """Render every sample proposal into out_dir and return the PDF paths.

    Args:
        out_dir: folder for the PDFs (created if missing); files are named <slug>.pdf.

    Returns:
        The written PDF paths, in source-name order.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for path in proposal_sources():
        try:
            written.append(render_proposal(path, out_dir))
        except (OSError, ValueError) as exc:
            log.error("skipping %s: %s", path.name, exc)
    return written
