"""The evaluation report a buying committee signs: requirements, mandatory gate results,
weighted scores with reasons, price at the buyer's volumes, the matrix with citations, open
questions per vendor and room for the evaluators' notes and signatures.

Built once as a list of blocks (heading, paragraph, bullets, table), then written as DOCX
(python-docx) or PDF (LibreOffice from the DOCX when installed, else reportlab).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from assistant.compare.export import cell_sources, cell_text
from assistant.compare.report import price_cell, term_cell
from assistant.resources import read_yaml

if TYPE_CHECKING:
    from assistant.compare.matrix import Matrix
    from assistant.compare.scorecard import Scorecard

log = logging.getLogger(__name__)
SETTINGS_PATH = Path(__file__).resolve().parents[2] / "knowledge" / "compare" / "evaluation.yaml"


class ReportSettings(BaseModel):
    """knowledge/compare/evaluation.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    open_question_fields: tuple[str, ...]
    sign_off: tuple[str, ...]


@cache
def report_settings(path: Path = SETTINGS_PATH) -> ReportSettings:
    """The report's fields for open questions and its sign-off roles."""
    return ReportSettings(**read_yaml(path))


@dataclass(frozen=True)
class Block:
    """One piece of the report: 'title', 'h1', 'h2', 'p', 'note', 'bullets', 'table', 'lines'."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # a table's rows, the first is its header
    wide: bool = False  # a table that needs the page turned (landscape)


@dataclass
class EvaluationReport:
    """The blocks of the report, in order."""

    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: str, text: str = "", **kw) -> None:
        """Append one block."""
        self.blocks.append(Block(kind, text, **kw))

    def text(self) -> str:
        """The report as plain text (for tests and the terminal)."""
        out = []
        for b in self.blocks:
            out += [b.text] if b.text else []
            out += [f"- {i}" for i in b.items]
            out += [" | ".join(r) for r in b.rows]
        return "\n".join(out)


def build_report(
    matrix: Matrix, card: Scorecard, requirements: list[dict] | None = None,
    title: str = "Vendor evaluation report", today: date | None = None,
) -> EvaluationReport:  # fmt: skip
    """The decision record of one comparison.

    Args:
        matrix: the terms matrix.
        card: its scorecard against the buyer's requirements.
        requirements: the profile's requirements (`Profile.requirements()`), shown with their
            must-have / nice-to-have mark and the buyer's words; else the scorecard's checks.
        title: the report's title.
        today: the report's date.

    Returns:
        The report's blocks.
    """
    report = EvaluationReport()
    report.add("title", title)
    vendors = ", ".join(matrix.vendors)
    report.add("p", f"Date: {(today or date.today()).isoformat()}. Vendors compared: {vendors}.")
    report.add(
        "note",
        "Every value comes from a proposal and cites its document, page and quote; "
        "'not stated' means the proposal does not say. The committee's decision is its own.",
    )
    _requirements(report, card, requirements)
    _gates(report, card)
    _scores(report, card)
    _prices(report, card)
    _matrix(report, matrix)
    _open_questions(report, matrix, card)
    _sign_off(report, matrix)
    return report


def _requirements(report: EvaluationReport, card: Scorecard, requirements) -> None:
    report.add("h1", "1. Requirements")
    if requirements:
        rows = [("Requirement", "Value", "Priority", "Your words")]
        for r in requirements:
            priority = {"must": "must-have", "nice": "nice-to-have"}.get(
                r.get("priority") or "", ""
            )
            rows.append(
                (r["slot"].replace("_", " "), _plain(r["value"]), priority, r.get("source") or "")
            )
        report.add("table", rows=tuple(rows))
        return
    checks = {c.requirement: c.mandatory for cs in card.checks.values() for c in cs}
    if not checks:
        report.add("p", "No requirements were recorded: the interview has not been done.")
        return
    rows = [("Requirement", "Priority")]
    rows += [(name, "mandatory" if m else "desirable") for name, m in checks.items()]
    report.add("table", rows=tuple(rows))


def _plain(value) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _gates(report: EvaluationReport, card: Scorecard) -> None:
    report.add("h1", "2. Mandatory requirements")
    vendors = [v.vendor for v in card.ranking]
    names = list(
        dict.fromkeys(c.requirement for cs in card.checks.values() for c in cs if c.mandatory)
    )
    if not names:
        report.add("p", "No requirement was marked mandatory.")
        return
    rows = [("Mandatory requirement", *vendors)]
    for name in names:
        line = [name]
        for vendor in vendors:
            check = next((c for c in card.checks[vendor] if c.requirement == name), None)
            line.append(f"{check.verdict}: {check.reason}" if check else "")
        rows.append(tuple(line))
    rows.append(("Result", *(v.gate.status.upper() for v in card.ranking)))
    report.add("table", rows=tuple(rows), wide=len(vendors) > 3)


def _scores(report: EvaluationReport, card: Scorecard) -> None:
    report.add("h1", "3. Ranking and weighted scores")
    report.add(
        "note",
        "Vendors meeting every mandatory requirement rank first, then those leaving one "
        "unaddressed, then those failing one; within each, by weighted total (0–100).",
    )
    criteria = [c.criterion for c in card.ranking[0].criteria] if card.ranking else []
    weights = {c.criterion: c.weight for c in card.ranking[0].criteria} if card.ranking else {}
    rows = [("Rank", "Vendor", "Mandatory", "Total", *(f"{c} ({weights[c]:g})" for c in criteria))]
    for v in card.ranking:
        scores = ["–" if c.score is None else f"{c.score:.2f}" for c in v.criteria]
        rows.append((str(v.rank), v.vendor, v.gate.status, f"{v.total:.1f}", *scores))
    report.add("table", rows=tuple(rows), wide=True)
    for v in card.ranking:
        report.add("h2", f"{v.rank}. {v.vendor} — {v.total:.1f}")
        report.add("p", v.gate.text())
        report.add(
            "bullets",
            items=tuple(f"{c.criterion}: {c.reason}" for c in v.criteria if c.score is not None),
        )


def _prices(report: EvaluationReport, card: Scorecard) -> None:
    report.add("h1", "4. Price at your volumes")
    rows = [("Vendor", "Monthly", "Whole term", "One-time fees", "Notes")]
    for vendor, cost in card.costs.items():
        notes = "; ".join(filter(None, [cost.currency_note, *cost.missing]))
        fee = "not stated" if cost.one_time is None else f"{cost.currency} {round(cost.one_time):,}"
        rows.append((vendor, price_cell(cost), term_cell(cost), fee, notes))
    report.add("table", rows=tuple(rows), wide=True)
    first = next(iter(card.costs.values()), None)
    if first:
        buyer = [
            f"{i.label}: {i.value} ({i.origin})" for i in first.inputs if i.origin != "proposal"
        ]
        if buyer:
            report.add("p", "Your figures used:")
            report.add("bullets", items=tuple(buyer))
        report.add("note", "Assumptions: " + "; ".join(dict.fromkeys(first.assumptions)) + ".")
    for vendor, cost in card.costs.items():
        cited = [
            f"{i.label}: {i.value} — {i.source.document} p.{i.source.page}: “{i.source.quote}”"
            for i in cost.inputs if i.source
        ]  # fmt: skip
        if cited or cost.excluded:
            report.add("h2", f"Price inputs: {vendor}")
            report.add("bullets", items=tuple(cited + [f"left out: {e}" for e in cost.excluded]))


def _matrix(report: EvaluationReport, matrix: Matrix) -> None:
    """The matrix by group, each cell with its [n] markers; the numbered quotes after it."""
    report.add("h1", "5. Terms by vendor, with sources")
    numbers: dict = {}
    groups: dict[str, list] = {}
    for row in matrix.rows:
        groups.setdefault(row.field.group, []).append(row)
    for group, rows in groups.items():
        if not any(c.stated for r in rows for c in r.cells.values()):
            continue
        table = [(group.capitalize(), *matrix.vendors)]
        for row in rows:
            if not any(c.stated for c in row.cells.values()):
                continue
            line = [row.field.label]
            for vendor in matrix.vendors:
                cell = row.cells[vendor]
                marks = "".join(
                    f"[{numbers.setdefault(s, len(numbers) + 1)}]" for s in cell_sources(cell)[:3]
                )
                line.append(f"{cell_text(cell)} {marks}".strip())
            table.append(tuple(line))
        report.add("h2", group.capitalize())
        report.add("table", rows=tuple(table), wide=len(matrix.vendors) > 3)
    report.add("h2", "Sources")
    report.add(
        "bullets",
        items=tuple(f"[{n}] {s.document}, {s.location or f'page {s.page}'}: “{s.quote}”"
                    for s, n in numbers.items()),
    )


def open_questions(matrix: Matrix, card: Scorecard) -> dict[str, list[str]]:
    """Per vendor: the requirements its proposal does not address, and the core terms it
    does not state."""
    fields = report_settings().open_question_fields
    out: dict[str, list[str]] = {}
    for vendor in matrix.vendors:
        asks = [
            f"{c.requirement} (not addressed)"
            for c in card.checks.get(vendor, ())
            if c.verdict == "not addressed"
        ]
        asks += [
            f"{row.field.label} (not stated)" for row in matrix.rows
            if row.field.key in fields and not row.cells[vendor].stated
        ]  # fmt: skip
        out[vendor] = list(dict.fromkeys(asks))
    return out


def _open_questions(report: EvaluationReport, matrix: Matrix, card: Scorecard) -> None:
    report.add("h1", "6. Open questions per vendor")
    report.add("note", "What each proposal does not state: ask before the decision.")
    for vendor, asks in open_questions(matrix, card).items():
        report.add("h2", vendor)
        report.add("bullets", items=tuple(asks) or ("nothing open among the compared terms",))


def _sign_off(report: EvaluationReport, matrix: Matrix) -> None:
    report.add("h1", "7. Evaluators' notes and decision")
    for vendor in matrix.vendors:
        report.add("h2", f"Notes on {vendor}")
        report.add("lines", items=("", "", ""))
    report.add("h2", "Decision")
    report.add("lines", items=("Recommended vendor:", "Conditions:", ""))
    rows = [("Role", "Name", "Signature", "Date")]
    rows += [(role, "", "", "") for role in report_settings().sign_off]
    report.add("table", rows=tuple(rows))


# --- writers --------------------------------------------------------------------------------


def write_docx(report: EvaluationReport, path: Path) -> Path:
    """The report as a Word document (wide tables on landscape pages)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    landscape = False
    for block in report.blocks:
        if block.kind == "table" and block.wide != landscape:
            _turn(doc, block.wide, WD_SECTION, WD_ORIENT)
            landscape = block.wide
        _docx_block(doc, block, Pt)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _turn(doc, wide: bool, section_kind, orient) -> None:
    section = doc.add_section(section_kind.NEW_PAGE)
    width, height = section.page_width, section.page_height
    if wide != (width > height):
        section.page_width, section.page_height = height, width
    section.orientation = orient.LANDSCAPE if wide else orient.PORTRAIT


def _docx_block(doc, block: Block, pt) -> None:
    if block.kind == "title":
        doc.add_heading(block.text, level=0)
    elif block.kind in ("h1", "h2"):
        doc.add_heading(block.text, level=1 if block.kind == "h1" else 2)
    elif block.kind in ("p", "note"):
        para = doc.add_paragraph(block.text)
        if block.kind == "note":
            para.runs[0].italic = True
    elif block.kind == "bullets":
        for item in block.items:
            doc.add_paragraph(item, style="List Bullet")
    elif block.kind == "lines":
        for item in block.items:
            doc.add_paragraph(f"{item} " + "_" * (70 - len(item)))
    elif block.kind == "table" and block.rows:
        table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]))
        table.style = "Table Grid"
        for i, row in enumerate(block.rows):
            for j, text in enumerate(row):
                cell = table.cell(i, j)
                cell.text = text
                for para in cell.paragraphs:
                    for run in para.runs:
                        run.font.size = pt(8)
                        run.bold = i == 0
        doc.add_paragraph()


def write_pdf(report: EvaluationReport, path: Path) -> Path:
    """The report as PDF: the DOCX through LibreOffice when installed, else reportlab."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        with tempfile.TemporaryDirectory(prefix="procure-report-") as tmp:
            docx = write_docx(report, Path(tmp) / f"{path.stem}.docx")
            try:
                subprocess.run(
                    [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                    check=True, capture_output=True, timeout=180,
                )  # fmt: skip
                path.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(Path(tmp) / f"{path.stem}.pdf"), path)
                return path
            except (subprocess.SubprocessError, OSError) as exc:
                log.warning("LibreOffice could not convert the report (%s); using reportlab", exc)
    return _reportlab_pdf(report, path)


def _reportlab_pdf(report: EvaluationReport, path: Path) -> Path:
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("cell", fontSize=7, leading=8.5)
    kinds = {
        "title": "Title",
        "h1": "Heading1",
        "h2": "Heading2",
        "p": "BodyText",
        "note": "Italic",
    }
    width = landscape(A4)[0] - 30 * mm
    story = []
    for block in report.blocks:
        if block.kind in kinds:
            story.append(Paragraph(escape(block.text), styles[kinds[block.kind]]))
        elif block.kind in ("bullets", "lines"):
            for item in block.items:
                text = (
                    f"• {item}" if block.kind == "bullets" else f"{item} " + "_" * (70 - len(item))
                )
                story.append(Paragraph(escape(text), styles["BodyText"]))
        elif block.kind == "table" and block.rows:
            cells = [[Paragraph(escape(t), small) for t in row] for row in block.rows]
            table = Table(
                cells, colWidths=[width / len(block.rows[0])] * len(block.rows[0]), repeatRows=1
            )
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E2F3")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))  # fmt: skip
            story += [table, Spacer(1, 4 * mm)]
    path.parent.mkdir(parents=True, exist_ok=True)
    SimpleDocTemplate(
        str(path), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm
    ).build(story)
    return path


def write_evaluation(
    matrix: Matrix, card: Scorecard, path: Path, requirements: list[dict] | None = None
) -> Path:
    """Write the evaluation report as DOCX or PDF, by the path's suffix.

    Args:
        matrix: the terms matrix.
        card: its scorecard.
        path: where to write (`.docx` or `.pdf`).
        requirements: the profile's requirements with their priorities.

    Returns:
        The path written.
    """
    report = build_report(matrix, card, requirements)
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        return write_docx(report, Path(path))
    if suffix == ".pdf":
        return write_pdf(report, Path(path))
    raise ValueError(f"the evaluation report is .docx or .pdf, not {suffix or 'no suffix'!r}")
