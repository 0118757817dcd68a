"""Render an RFP document as a Word file: title page, numbered headings, grid tables."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from assistant.rfp.layout import column_shares
from assistant.rfp.model import Requirement, RfpDocument, Section, Table, marked_spans
from assistant.rfp.tables import format_date

TABLE_STYLE = "Table Grid"
HEADER_FILL = "D9E2F3"
BODY_FONT = "Calibri"
BODY_SIZE = Pt(10.5)
TABLE_SIZE = Pt(9)
TEXT_WIDTH = Cm(17.0)  # A4 less two 2 cm margins
ID_INDENT = Cm(3.6)  # wide enough for the longest id in bold and its mark ("REQ-WFM-10 M")


def _base_styles(doc: DocxDocument) -> None:
    """A4 with 2 cm margins, a readable body font and compact spacing."""
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    normal.paragraph_format.space_after = Pt(6)


def _field(paragraph, instruction: str) -> None:
    """Append a Word field (e.g. PAGE) that Word fills in when the page is laid out."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _header_footer(doc: DocxDocument, document: RfpDocument) -> None:
    """Running header with buyer and title; page number in the footer; none on the title page."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.text = f"{document.buyer} - {document.title}"
    header.runs[0].font.size = Pt(8)
    header.runs[0].font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ").font.size = Pt(8)
    _field(footer, "PAGE")


def _title_page(doc: DocxDocument, document: RfpDocument) -> None:
    """Title, buyer, date and status, then a page break."""
    for _ in range(6):
        doc.add_paragraph()
    doc.add_paragraph(document.title, style="Title")
    doc.add_paragraph(f"Issued by {document.buyer}", style="Subtitle")
    doc.add_paragraph(f"Date: {format_date(document.date)}")
    doc.add_paragraph("Status: Draft - confidential")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _contents(doc: DocxDocument, document: RfpDocument) -> None:
    """A static list of sections (python-docx cannot lay out a live table of contents)."""
    doc.add_paragraph("Contents", style="TOC Heading")
    for number, section in document.numbered():
        separator = ":" if section.appendix else "."
        paragraph = doc.add_paragraph(f"{number}{separator} {section.title}")
        paragraph.paragraph_format.space_after = Pt(2)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _add_text(paragraph, text: str, size: Pt | None = None, bold: bool = False) -> None:
    """Add text as runs, highlighting every to-be-confirmed marker."""
    for span, marker in marked_spans(text):
        run = paragraph.add_run(span)
        run.bold = bold
        if size is not None:
            run.font.size = size
        if marker:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row) -> None:
    """Mark a row as a header row that repeats on every page the table spans."""
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _write_cell(cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_before = Pt(1.5)
    paragraph.paragraph_format.space_after = Pt(1.5)
    _add_text(paragraph, text, TABLE_SIZE, bold)


def _table(doc: DocxDocument, table: Table, number: int) -> None:
    """Caption above, a grid table with a shaded, repeating header row."""
    caption = doc.add_paragraph(style="Caption")
    _add_text(caption, f"Table {number}: {table.caption}")
    caption.paragraph_format.keep_with_next = True
    grid = doc.add_table(rows=1, cols=len(table.header), style=TABLE_STYLE)
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    widths = [int(TEXT_WIDTH * share) for share in column_shares(table)]
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        _write_cell(cell, text, bold=True)
        _shade(cell, HEADER_FILL)
    _repeat_header(grid.rows[0])
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            _write_cell(cell, text, bold=row[0] == "Total")
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width  # Word reads cell widths, LibreOffice the grid
    doc.add_paragraph()


def _requirement(doc: DocxDocument, requirement: Requirement) -> None:
    """The id in bold, then the text, with a hanging indent so ids line up."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.left_indent = ID_INDENT
    paragraph.paragraph_format.first_line_indent = -ID_INDENT
    paragraph.paragraph_format.tab_stops.add_tab_stop(ID_INDENT)
    paragraph.add_run(requirement.id).bold = True
    paragraph.add_run(f" {requirement.mark}").bold = requirement.priority == "mandatory"
    paragraph.add_run("\t")
    _add_text(paragraph, requirement.text)


def _section(doc: DocxDocument, number: str, section: Section, first_table: int) -> None:
    separator = ":" if section.appendix else "."
    heading = doc.add_heading(f"{number}{separator} {section.title}", level=1)
    if section.appendix:
        heading.paragraph_format.page_break_before = True  # an appendix starts on a new page
    for text in section.intro:
        _add_text(doc.add_paragraph(), text)
    for offset, table in enumerate(section.tables):
        _table(doc, table, first_table + offset)
    for group, members in groupby(section.requirements, key=lambda r: r.group):
        if group:
            doc.add_heading(group, level=2)
        for requirement in members:
            _requirement(doc, requirement)


def build_docx(document: RfpDocument) -> DocxDocument:
    """The RFP as a python-docx Document (not yet saved)."""
    doc = Document()
    _base_styles(doc)
    # Core properties hold at most 255 characters (a buyer's long answer must not break the file).
    doc.core_properties.title = document.title[:255]
    doc.core_properties.author = document.buyer[:255]
    doc.core_properties.subject = document.title.split(" - ")[0][:255]
    _header_footer(doc, document)
    _title_page(doc, document)
    _contents(doc, document)
    table_number = 1
    for number, section in document.numbered():
        _section(doc, number, section, table_number)
        table_number += len(section.tables)
    return doc


def render_docx(document: RfpDocument, out: Path) -> Path:
    """Write the RFP as a .docx file and return its path."""
    out.parent.mkdir(parents=True, exist_ok=True)
    build_docx(document).save(str(out))
    return out
