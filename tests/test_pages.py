"""The real page: the kept PDF rendered by pypdfium2 with the quote boxed from the positions
stored at ingest; other formats show the page text with the quote marked."""

from __future__ import annotations

import io

from assistant.models import Page
from assistant.pages import page_view_html, quote_boxes, render_page, text_html


def test_the_workspace_keeps_each_pdf_and_renders_its_page_with_the_quote_boxed(sample_workspace):
    from PIL import Image

    term = sample_workspace.matrix().cell("contract_term", "Meridian").values[0].citation
    pdf = sample_workspace.original(term.document)
    assert pdf is not None and pdf.read_bytes()[:4] == b"%PDF"
    page = sample_workspace.catalog.page(term.document, term.page)
    stored = quote_boxes(page, term.quote)
    assert stored, "the quote's position was stored at ingest"
    shown = render_page(pdf, page, term.quote)
    image = Image.open(io.BytesIO(shown.png)).convert("L")
    assert (image.width, image.height) == (shown.width, shown.height)
    scale = shown.width / page.width
    ((x, y, w, h),) = shown.highlights  # one line
    box = stored[0]
    assert abs(x - box.x0 * scale) < 1 and abs(y - box.top * scale) < 1
    # The box lies over one printed line: dark pixels inside it, no taller than a line.
    inside = image.crop((int(x), int(y), int(x + w), int(y + h)))
    assert min(inside.getdata()) < 100 and h < 2.5 * 12 * scale and w < 0.9 * shown.width


def test_a_table_cell_is_boxed_where_the_cell_stands(sample_workspace):
    rates = sample_workspace.matrix().cell("rates", "Atlas").values[0].citation
    page = sample_workspace.catalog.page(rates.document, rates.page)
    shown = render_page(sample_workspace.original(rates.document), page, rates.quote)
    assert len(shown.highlights) == 1
    cell = next(c for t in page.tables for c in t.cells if "4.85" in c.text)
    x, y, w, h = shown.highlights[0]
    scale = shown.width / page.width
    region = next(
        r.box
        for r in page.regions
        if r.start <= cell.start < r.end or cell.start <= r.start < cell.end
    )
    assert abs(x - region.x0 * scale) < 1 and abs(y - region.top * scale) < 1


def test_without_a_pdf_the_text_shows_with_the_quote_marked_and_escaped():
    page = Page(2, "Intro.\nTerm: <b>24</b> months, renewable.\nEnd.")
    shown = page_view_html("offer.docx", page, "Term: <b>24</b>   months", None, "Ace")
    assert "<mark>Term: &lt;b&gt;24&lt;/b&gt; months</mark>" in shown
    assert "<b>24</b>" not in shown.replace("<b>offer.docx</b>", "")
    assert "offer.docx</b>, page 2 — Ace" in shown
    assert "<mark>" not in text_html(page.text, "not on this page")
    assert "no longer" not in page_view_html("gone.pdf", None, "x", None)


def test_removing_a_document_forgets_its_copy(make_workspace, sample_pdfs):
    space = make_workspace()
    space.ingest([sample_pdfs["helios.pdf"]])
    kept = space.original("helios.pdf")
    assert kept is not None and kept.is_file()
    assert space.remove("helios.pdf")
    assert space.original("helios.pdf") is None and not kept.exists()
