"""The evaluation report: written as DOCX and PDF by real tools, opened again and read."""

from __future__ import annotations

import pytest

from assistant.compare import Requirements, build_scorecard
from assistant.compare.evaluation import build_report, open_questions, write_evaluation

ATLAS, MERIDIAN = "Atlas", "Meridian"


@pytest.fixture(scope="module")
def card(sample_matrix):
    req = Requirements(
        monthly_contacts=40_000, channel_mix={"voice": 70, "chat": 30},
        aht_minutes={"voice": 6, "chat": 8}, max_term_months=24, excluded_models=("offshore",),
        certifications=("PCI DSS",), currency="USD", currency_stated=True,
        mandatory=frozenset({"contract_term", "delivery_model", "compliance_frameworks"}),
    )  # fmt: skip
    return build_scorecard(sample_matrix, req)


def test_docx_holds_gates_prices_cited_cells_questions_and_signatures(
    sample_matrix, card, tmp_path
):
    from docx import Document

    path = write_evaluation(sample_matrix, card, tmp_path / "evaluation.docx")
    doc = Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for title in ("1. Requirements", "2. Mandatory requirements", "3. Ranking and weighted scores",
                  "4. Price at your volumes", "5. Terms by vendor, with sources",
                  "6. Open questions per vendor", "7. Evaluators' notes and decision"):  # fmt: skip
        assert title in headings
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    gate = next(r for r in cells if r[0] == "initial term at most 24 months" and len(r) > 2)
    meridian = card.checks[MERIDIAN]
    term = next(c for c in meridian if c.key == "contract_term")
    assert term.mandatory and f"{term.verdict}: {term.reason}" in gate
    term_row = next(r for r in cells if r[0] == "Initial contract term")
    marker = term_row[1 + list(sample_matrix.vendors).index(MERIDIAN)].split("[")[1].split("]")[0]
    sources = [p.text for p in doc.paragraphs if p.text.startswith(f"[{marker}] ")]
    quote = sample_matrix.cell("contract_term", MERIDIAN).values[0].citation
    assert sources == [f"[{marker}] {quote.document}, page {quote.page}: “{quote.quote}”"]
    assert any(r[0] == "Role" and r[2] == "Signature" for r in cells)
    assert any("Evaluation lead" == r[0] for r in cells)


def test_pdf_is_written_and_says_the_same(sample_matrix, card, tmp_path):
    import pdfplumber

    path = write_evaluation(sample_matrix, card, tmp_path / "evaluation.pdf")
    with pdfplumber.open(path) as pdf:
        text = " ".join((page.extract_text() or "") for page in pdf.pages)
    assert "Vendor evaluation report" in text and "Open questions per vendor" in text
    assert "FAILS MANDATORY" in text or "MEETS ALL MANDATORY" in text


def test_open_questions_are_what_a_proposal_does_not_state(sample_matrix, card):
    asks = open_questions(sample_matrix, card)
    for vendor, items in asks.items():
        for item in items:
            if item.endswith("(not stated)"):
                label = item.removesuffix(" (not stated)")
                row = next(r for r in sample_matrix.rows if r.field.label == label)
                assert not row.cells[vendor].stated
    helios_model = sample_matrix.cell("delivery_model", "Helios")
    assert not helios_model.stated and "Delivery model (not stated)" in asks["Helios"]


def test_a_report_needs_a_known_format(sample_matrix, card, tmp_path):
    with pytest.raises(ValueError, match="docx or .pdf"):
        write_evaluation(sample_matrix, card, tmp_path / "evaluation.txt")
    text = build_report(sample_matrix, card).text()
    assert "Vendor evaluation report" in text
