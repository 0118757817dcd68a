"""Documents made by real office tools (python-docx + LibreOffice, a scanned page) read faithfully."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import IngestError, load_document, ocr
from assistant.settings import Settings

OFFICE = Path(__file__).resolve().parents[1] / "fixtures" / "office"
QUILLON = OFFICE / "upload-final-v2.pdf"


@pytest.fixture(scope="module")
def quillon(tmp_path_factory):
    return load_document(QUILLON, Settings(workspace=tmp_path_factory.mktemp("ws")))


def test_table_cells_carry_their_row_and_both_header_levels(quillon):
    rates = quillon.pages[1]
    (table,) = rates.tables
    assert table.header_rows == 2 and table.label_cols == 1
    lines = {rates.text[c.start : c.end] for c in table.cells}
    assert "English — Nearshore (Santo Domingo) / Voice: USD 17.90 per productive hour" in lines
    assert "Spanish — Onshore (Halifax, Nova Scotia) / Chat and email: USD 26.20" in lines
    # a cell that wraps in the PDF stays whole, condition included
    assert "Spanish — Nearshore (Santo Domingo) / Voice: USD 18.70 per productive hour, night shifts at 1.2x" in lines


def test_each_cell_has_its_box_on_the_page(quillon):
    page = quillon.pages[1]
    cell = next(c for c in page.tables[0].cells if c.text == "USD 24.10")
    assert cell.box is not None
    assert 0 < cell.box.x0 < cell.box.x1 <= page.width and 0 < cell.box.top < cell.box.bottom <= page.height
    assert page.boxes(cell.start, cell.end) == [cell.box]


def test_two_column_page_reads_one_column_then_the_other(quillon):
    text = quillon.pages[2].text
    assert "### 3. Why Halifax and Santo Domingo" in text
    halifax = text.index("Halifax hosts our onshore team")
    santo = text.index("Santo Domingo is our nearshore hub")
    assert halifax < text.index("French-language overflow when it arises") < santo
    # no line mixes the two columns
    assert not any("Halifax" in line and "bilingual" in line for line in text.splitlines())


def test_ligatures_running_header_and_footer(quillon):
    text = "\n".join(page.text for page in quillon.pages)
    assert "financial model" in text and "flexible shifts" in text and "ﬁ" not in text
    assert "Confidential" not in text and "RFP FU-2026-11\n" not in text
    assert not any(line.startswith("Response to Fernlea") for line in text.splitlines())


def test_vendor_is_the_writer_not_the_buyer_file_name_or_title(quillon):
    # file name 'upload-final-v2', metadata title 'RFP Response Template', a capitals banner,
    # and the buyer 'Fernlea Utilities' named more often than the vendor
    identity = quillon.identity
    assert quillon.vendor == "Quillon Harbour"
    assert identity.legal_name == "Quillon Harbour Services, Inc."
    assert {"Quillon Harbour Services", "QHS", "QuillonHarbour"} <= set(identity.aliases)
    assert identity.kind == "proposal"


@pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")
def test_scanned_page_is_read_by_ocr_and_says_so(quillon):
    page = quillon.pages[3]
    assert page.ocr and quillon.ocr_pages == (4,)
    assert "Submitted by Quillon Harbour" in page.text
    assert page.regions and all(r.box.x1 > r.box.x0 for r in page.regions)


def test_docx_merged_headers_group_rows_and_accented_names(tmp_path):
    document = load_document(OFFICE / "asgard-kundtjanst.docx", Settings(workspace=tmp_path))
    assert document.vendor == "Åsgård Kundtjänst"
    assert document.identity.legal_name == "Åsgård Kundtjänst AB"
    assert "asgard kundtjanst" in document.identity.aliases
    prices = document.pages[1]
    lines = {prices.text[c.start : c.end] for c in prices.tables[0].cells}
    assert "Voice / Norwegian — Per contact / Weekends: EUR 5,90" in lines
    assert "Chat / Swedish — Per contact / Weekdays: EUR 2,30" in lines


def test_footer_only_document_is_refused(tmp_path):
    with pytest.raises(IngestError, match="only text is page numbers, headers or footers"):
        load_document(OFFICE / "footer-only.pdf", Settings(workspace=tmp_path))


@pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")
def test_a_citation_of_the_scanned_page_says_it_was_read_by_ocr(make_workspace):
    from assistant.app_views import citation_line
    from assistant.models import Citation

    workspace = make_workspace("ocr")
    workspace.ingest([QUILLON])
    answerer = workspace.answerer()
    scanned = Citation(1, QUILLON.name, "Quillon Harbour", 4, "Submitted by Quillon Harbour")
    typed = Citation(2, QUILLON.name, "Quillon Harbour", 2, "USD 17.90 per productive hour")
    assert answerer.read_by_ocr(scanned) and not answerer.read_by_ocr(typed)
    assert "p. 4 (read by OCR):" in citation_line(Citation(**{**scanned.__dict__, "ocr": True}))
    assert "OCR" not in citation_line(typed)
