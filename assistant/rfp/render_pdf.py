"""Render an RFP document as an A4 PDF with reportlab."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from assistant.rfp.layout import column_shares
from assistant.rfp.model import Requirement, RfpDocument, Section, Table, marked_spans
from assistant.rfp.tables import format_date

MARGIN = 20 * mm
ID_WIDTH = 30 * mm
HEADER_FILL = colors.HexColor("#D9E2F3")
MARKER_FILL = "#FFF2A8"


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("rfp-body", parent=base["BodyText"], fontSize=10, leading=13.5)
    return {
        "title": ParagraphStyle("rfp-title", parent=base["Title"], fontSize=22, leading=28),
        "subtitle": ParagraphStyle("rfp-subtitle", parent=body, fontSize=14, leading=18),
        "h1": ParagraphStyle(
            "rfp-h1",
            parent=base["Heading1"],
            fontSize=15,
            leading=19,
            spaceBefore=10,
            spaceAfter=6,
            keepWithNext=1,
        ),
        "h2": ParagraphStyle(
            "rfp-h2",
            parent=base["Heading2"],
            fontSize=12,
            leading=15,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
        "body": body,
        "caption": ParagraphStyle(
            "rfp-caption",
            parent=body,
            fontName="Helvetica-Oblique",
            fontSize=9,
            spaceBefore=4,
            spaceAfter=2 * mm,
            keepWithNext=1,
        ),
        "cell": ParagraphStyle("rfp-cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cell-bold": ParagraphStyle(
            "rfp-cell-bold", parent=body, fontName="Helvetica-Bold", fontSize=8.5, leading=10.5
        ),
        "req-id": ParagraphStyle("rfp-req-id", parent=body, fontName="Helvetica-Bold"),
    }


def _text(text: str) -> str:
    """Escaped paragraph markup, with to-be-confirmed markers highlighted."""
    return "".join(
        f'<font backColor="{MARKER_FILL}">{escape(span)}</font>' if marker else escape(span)
        for span, marker in marked_spans(text)
    )


def _table(
    table: Table, number: int, styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    """Caption and a grid table whose header row repeats across pages."""
    header = [Paragraph(_text(h), styles["cell-bold"]) for h in table.header]
    body = [
        [Paragraph(_text(c), styles["cell-bold" if row[0] == "Total" else "cell"]) for c in row]
        for row in table.rows
    ]
    widths = [width * share for share in column_shares(table)]
    grid = PdfTable([header, *body], colWidths=widths, repeatRows=1)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    caption = Paragraph(_text(f"Table {number}: {table.caption}"), styles["caption"])
    return [caption, grid, Spacer(1, 4 * mm)]


def _requirement(req: Requirement, styles: dict[str, ParagraphStyle], width: float) -> Flowable:
    """Id and text side by side, so the ids form a column."""
    row = [[Paragraph(_text(f"{req.id}\u00a0{req.mark}"), styles["req-id"]), Paragraph(_text(req.text), styles["body"])]]
    table = PdfTable(row, colWidths=[ID_WIDTH, width - ID_WIDTH])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _section(
    number: str, section: Section, first_table: int, styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    separator = ":" if section.appendix else "."
    story: list[Flowable] = [PageBreak()] if section.appendix else []
    story.append(Paragraph(_text(f"{number}{separator} {section.title}"), styles["h1"]))
    story += [Paragraph(_text(p), styles["body"]) for p in section.intro]
    for offset, table in enumerate(section.tables):
        story += _table(table, first_table + offset, styles, width)
    for group, members in groupby(section.requirements, key=lambda r: r.group):
        if group:
            story.append(Paragraph(_text(group), styles["h2"]))
        story += [_requirement(req, styles, width) for req in members]
    return story


def _title_page(document: RfpDocument, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    return [
        Spacer(1, 70 * mm),
        Paragraph(_text(document.title), styles["title"]),
        Spacer(1, 8 * mm),
        Paragraph(_text(f"Issued by {document.buyer}"), styles["subtitle"]),
        Spacer(1, 4 * mm),
        Paragraph(_text(f"Date: {format_date(document.date)}"), styles["body"]),
        Paragraph("Status: Draft - confidential", styles["body"]),
        PageBreak(),
    ]


def _contents(document: RfpDocument, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("Contents", styles["h1"])]
    for number, section in document.numbered():
        separator = ":" if section.appendix else "."
        story.append(Paragraph(_text(f"{number}{separator} {section.title}"), styles["body"]))
    return [*story, PageBreak()]


def _page_decorations(document: RfpDocument):
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        if doc.page == 1:
            return
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#595959"))
        canvas.drawString(MARGIN, A4[1] - 12 * mm, f"{document.buyer} - {document.title}")
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Page {doc.page}")
        canvas.restoreState()

    return draw


def render_pdf(document: RfpDocument, out: Path) -> Path:
    """Write the RFP as a PDF file and return its path."""
    out.parent.mkdir(parents=True, exist_ok=True)
    styles = _styles()
    template = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=document.title,
        author=document.buyer,
    )
    width = A4[0] - 2 * MARGIN
    story = _title_page(document, styles) + _contents(document, styles)
    table_number = 1
    for number, section in document.numbered():
        story += _section(number, section, table_number, styles, width)
        table_number += len(section.tables)
    decorate = _page_decorations(document)
    template.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out
