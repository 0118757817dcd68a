"""The workbooks vendors fill in and return (openpyxl): the compliance matrix and the rate card
with the total evaluated cost as live formulas."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assistant.rfp.model import RateCard, RfpDocument

COMPLIANCE_FILE = "compliance-matrix.xlsx"
RATE_CARD_FILE = "rate-card.xlsx"
COMPLIANCE_SHEET = "Compliance matrix"
RATE_SHEET = "Rate card"
FEES_SHEET = "One-time fees"
BANDS_SHEET = "Volume bands"
TOTAL_SHEET = "Total cost"
RESPONSES = ("Comply", "Partly comply", "Does not comply")
COMPLIANCE_HEADER = ("REQ id", "Section", "Requirement", "Mandatory / desirable", "Response",
                     "Explanation", "Proposal page reference")  # fmt: skip
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
VENDOR_FILL = PatternFill("solid", fgColor="FFF7D6")  # cells the vendor fills in
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def _header(sheet: Worksheet, header: tuple[str, ...] | list[str], widths: list[int]) -> None:
    sheet.append(list(header))
    for col, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=col)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"


def _safe(text: str) -> str:
    """Buyer text as a value, never a formula."""
    return "'" + text if text[:1] in "=+-@" else text


def compliance_matrix(document: RfpDocument, out: Path) -> Path:
    """One row per numbered requirement: id, section, text, M/D, then the vendor's columns."""
    book = Workbook()
    sheet = book.active
    sheet.title = COMPLIANCE_SHEET
    _header(sheet, COMPLIANCE_HEADER, [13, 24, 80, 14, 18, 50, 20])
    titles = dict((s.id, f"{n}. {s.title}") for n, s in document.numbered())
    for section in document.sections:
        for req in section.requirements:
            label = "Mandatory (pass/fail)" if req.priority == "mandatory" else "Desirable (scored)"
            sheet.append([req.id, titles[section.id], _safe(req.text), label, None, None, None])
            row = sheet.max_row
            for col in range(1, 8):
                sheet.cell(row=row, column=col).alignment = WRAP
            for col in (5, 6, 7):
                sheet.cell(row=row, column=col).fill = VENDOR_FILL
    choice = DataValidation(type="list", formula1='"' + ",".join(RESPONSES) + '"', allow_blank=True)
    choice.error = "Choose Comply, Partly comply or Does not comply"
    sheet.add_data_validation(choice)
    choice.add(f"E2:E{max(2, sheet.max_row)}")
    _instructions(book, document, [
        "Answer every row: choose Comply, Partly comply or Does not comply in the Response column.",
        "Explain every Partly comply or Does not comply, and give the page of your proposal that "
        "supports each answer.",
        "A Mandatory (pass/fail) requirement answered Partly comply or Does not comply fails the gate.",
        "Do not add, remove or reorder rows or columns.",
    ])
    return _save(book, out)


def rate_card(document: RfpDocument, out: Path) -> Path:
    """Rate card, volume bands, one-time fees and the total evaluated cost (formulas)."""
    card = document.rate_card
    if card is None:
        raise ValueError("the document has no rate card")
    book = Workbook()
    sheet = book.active
    sheet.title = RATE_SHEET
    price_cols = [f"{year} price ({card.currency} per {card.unit})" for year in card.years]
    unit_cols = [f"{year} forecast units" for year in card.years]
    cost_cols = [f"{year} cost ({card.currency})" for year in card.years]
    header = ["Line", "Channel", "Language", "Delivery model or site", "Optional", *price_cols, *unit_cols,
              *cost_cols]  # fmt: skip
    _header(sheet, header, [6, 14, 14, 26, 10, *[16] * (3 * len(card.years))])
    years = len(card.years)
    first_price, first_units, first_cost = 6, 6 + years, 6 + 2 * years
    for number, line in enumerate(card.lines, start=1):
        row = number + 1
        values = [number, line.channel, line.language, line.site, "Optional" if line.optional else "Required"]
        sheet.append([*values, *[None] * years, *line.forecast, *[None] * years])
        for offset in range(years):
            price = sheet.cell(row=row, column=first_price + offset)
            units = sheet.cell(row=row, column=first_units + offset)
            cost = sheet.cell(row=row, column=first_cost + offset)
            price.fill = VENDOR_FILL
            if units.value is None:
                units.fill = VENDOR_FILL  # hours or FTEs: the vendor's own estimate
            cost.value = f"=IF(OR({price.coordinate}=\"\",{units.coordinate}=\"\"),0,{price.coordinate}*{units.coordinate})"
    last = max(2, sheet.max_row)
    _bands(book, card)
    fees_total = _fees(book, card)
    _total(book, card, first_cost, years, last, fees_total)
    _instructions(book, document, [
        f"All prices in {card.currency}, excluding VAT or sales tax.",
        f"Price every Required line for every year, per {card.unit}; price Optional lines if you offer them.",
        "Forecast units are the buyer's forecast where it can give one; where the cell is yellow, "
        "state the units (hours or FTEs) your staffing plan needs.",
        "The total evaluated cost is the sum of every line's yearly cost (price x forecast units) "
        "plus the one-time fees; it is calculated on the Total cost sheet.",
        "State on the Volume bands sheet how unit prices change outside 80-120% of forecast.",
    ])
    return _save(book, out)


def _bands(book: Workbook, card: RateCard) -> None:
    sheet = book.create_sheet(BANDS_SHEET)
    _header(sheet, ["Monthly volume band", "What the vendor states", "Price change (%)"], [28, 70, 18])
    for band, what in card.bands:
        sheet.append([band, what, None])
        sheet.cell(row=sheet.max_row, column=3).fill = VENDOR_FILL


def _fees(book: Workbook, card: RateCard) -> str:
    """The one-time fees sheet; returns the cell range that sums them."""
    sheet = book.create_sheet(FEES_SHEET)
    _header(sheet, ["One-time fee", f"Amount ({card.currency})", "Basis and what it includes"], [60, 18, 60])
    for fee in card.one_time_fees:
        sheet.append([fee, None, None])
        for col in (2, 3):
            sheet.cell(row=sheet.max_row, column=col).fill = VENDOR_FILL
    return f"'{FEES_SHEET}'!B2:B{sheet.max_row}"


def _total(book: Workbook, card: RateCard, first_cost: int, years: int, last: int, fees: str) -> None:
    sheet = book.create_sheet(TOTAL_SHEET)
    _header(sheet, ["Item", f"Amount ({card.currency})"], [60, 22])
    for offset, year in enumerate(card.years):
        col = get_column_letter(first_cost + offset)
        sheet.append([f"Recurring cost, {year}", f"=SUM('{RATE_SHEET}'!{col}2:{col}{last})"])
    sheet.append(["One-time fees", f"=SUM({fees})"])
    sheet.append(["Total evaluated cost", f"=SUM(B2:B{years + 2})"])
    sheet.cell(row=sheet.max_row, column=1).font = BOLD
    sheet.cell(row=sheet.max_row, column=2).font = BOLD


def _instructions(book: Workbook, document: RfpDocument, lines: list[str]) -> None:
    sheet = book.create_sheet("Instructions", 0)
    sheet.column_dimensions["A"].width = 110
    sheet.append([_safe(f"{document.title} - {document.buyer}")])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    for line in lines:
        sheet.append([line])
        sheet.cell(row=sheet.max_row, column=1).alignment = WRAP
    book.active = 1


def _save(book: Workbook, out: Path) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(out))
    return out


def export_workbooks(document: RfpDocument, folder: Path) -> list[Path]:
    """Both workbooks, written into `folder`."""
    folder = Path(folder)
    return [compliance_matrix(document, folder / COMPLIANCE_FILE), rate_card(document, folder / RATE_CARD_FILE)]
