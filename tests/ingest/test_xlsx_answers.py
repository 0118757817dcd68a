"""A vendor's filled compliance matrix and rate card, ingested like a proposal: each answer a
cited fact (sheet, cell) that the comparison reads; a contradiction with the proposal shows."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from assistant.ingest.readers import read_pages
from assistant.models import Page
from assistant.rfp import compliance_matrix, rate_card
from tests.rfp.cases import drafted

PROPOSAL = ("# Acme proposal\n\nAcme Contact is PCI DSS Level 1 compliant for all sites. Our price is "
            "USD 24.00 per productive hour for English voice.\n")


def _answers(folder: Path, explanation: str = "We are not PCI DSS certified yet; our assessment is next year.",
             ) -> tuple[Path, str]:
    """The RFP's own workbooks filled in by a vendor, returned as one answers.xlsx: every
    requirement 'Comply' but card payments (PCI DSS), 'Does not comply' with `explanation`."""
    document = drafted("healthcare-card-payments")
    matrix = openpyxl.load_workbook(compliance_matrix(document, folder / "m.xlsx"))
    sheet = matrix["Compliance matrix"]
    pci = None
    for row in range(2, sheet.max_row + 1):
        text = sheet.cell(row=row, column=3).value
        sheet.cell(row=row, column=5).value = "Comply"
        sheet.cell(row=row, column=7).value = "p. 4"
        if "PCI DSS compliant" in text:
            pci = sheet.cell(row=row, column=1).value
            sheet.cell(row=row, column=5).value = "Does not comply"
            sheet.cell(row=row, column=6).value = explanation or None
    card = openpyxl.load_workbook(rate_card(document, folder / "r.xlsx"))
    for row in range(2, card["Rate card"].max_row + 1):
        for col in range(6, 9):
            card["Rate card"].cell(row=row, column=col).value = 27.5
    answers = openpyxl.Workbook()
    answers.remove(answers.active)
    for book in (matrix, card):
        for source in book.worksheets:
            target = answers.create_sheet(source.title)
            for values in source.iter_rows(values_only=True):
                target.append(list(values))
    path = folder / "answers.xlsx"
    answers.save(path)
    return path, pci


def test_each_sheet_is_a_page_and_each_answer_a_cell_with_its_headers(tmp_path):
    path, pci = _answers(tmp_path)
    pages, _ = read_pages(path, 50 * 2**20, 100)
    titles = [p.text.split("\n", 1)[0] for p in pages]
    assert titles[:2] == ["## Instructions", "## Compliance matrix"]
    matrix = pages[1]
    line = f"{pci} (Mandatory) — Response: PCI DSS: Does not comply"  # named by what it answers
    assert line in matrix.text
    assert "The vendor shall be PCI DSS compliant" not in matrix.text  # the buyer's text stays out
    start = matrix.text.index(line)
    where = matrix.location(start, start + len(line))
    assert where.startswith("Compliance matrix!E") and where[len("Compliance matrix!E"):].isdigit()
    rates = next(p for p in pages if p.text.startswith("## Rate card"))
    quote = "Voice - English - Onshore (United States) — Year 1 price (USD per productive hour): USD 27.50 per productive hour"
    assert quote in rates.text
    start = rates.text.index(quote)
    assert rates.location(start, start + len(quote)) == "Rate card!F2"
    assert pages[0].sheet == "Instructions" and Page.from_dict(2, matrix.to_dict()).sheet == "Compliance matrix"


def test_a_corrupt_workbook_is_refused_with_a_clear_message(tmp_path):
    from assistant.ingest.errors import IngestError

    bad = tmp_path / "answers.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(IngestError, match="corrupt XLSX"):
        read_pages(bad, 50 * 2**20, 100)


def test_filled_workbooks_reach_the_matrix_cited_and_a_contradiction_is_flagged(tmp_path, make_workspace):
    path, _ = _answers(tmp_path)
    proposal = tmp_path / "proposal.md"
    proposal.write_text(PROPOSAL, encoding="utf-8")
    workspace = make_workspace()
    outcomes = workspace.ingest([proposal, path], vendor="Acme")
    assert all(o.ok for o in outcomes), outcomes
    matrix = workspace.matrix()
    cells = {row.field.key: row.cells["Acme"] for row in matrix.rows}
    pci = cells["cert_pci_dss"]
    assert pci.conflicting
    sources = {(v.value, v.citation.document) for v in pci.values}
    assert ("not held", "answers.xlsx") in sources and ("held", "proposal.md") in sources
    rates = [v for v in cells["rates"].values if v.citation.document == "answers.xlsx"]
    assert rates and all("USD 27.50" in v.value for v in rates)
    sheets = openpyxl.load_workbook(path).sheetnames
    assert all(v.citation.page == sheets.index("Rate card") + 1 for v in rates)  # a page per sheet
    cells_cited = {v.citation.location for v in rates}  # each price cited by its own cell
    assert "Rate card!F2" in cells_cited and all(re.fullmatch(r"Rate card![A-Z]+\d+", c) for c in cells_cited)
    answer_cell = next(v for v in pci.values if v.citation.document == "answers.xlsx")
    assert re.fullmatch(r"Compliance matrix![A-Z]+\d+", answer_cell.citation.location)
    assert answer_cell.citation.citation(1).where == answer_cell.citation.location
    # what the buyer wrote in the requirements is never read as the vendor's claim
    assert not any(v.citation.document == "answers.xlsx" for v in cells["contract_term"].values)


def test_a_bare_response_is_read_about_what_the_requirement_asks(tmp_path, make_workspace):
    path, pci_req = _answers(tmp_path, explanation="")
    workspace = make_workspace()
    assert all(o.ok for o in workspace.ingest([path], vendor="Acme"))
    cells = {row.field.key: row.cells["Acme"] for row in workspace.matrix().rows}
    quote = f"{pci_req} (Mandatory) — Response: PCI DSS: Does not comply"
    (pci,) = [v for v in cells["cert_pci_dss"].values if v.citation.quote == quote]
    assert pci.value == "not held"
    assert not any("page reference" in v.citation.quote for v in cells["cert_pci_dss"].values)
    assert re.fullmatch(r"Compliance matrix!E\d+", pci.citation.location)  # the response cell
    served = {v.value for v in cells["languages"].values if "— Response: " in v.citation.quote}
    assert served == {"English: offered", "Spanish: offered"}  # "Comply" with each language's requirement

