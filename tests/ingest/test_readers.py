"""Every file either ingests or gets one clear reason; the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.ingest import IngestError, load_document
from assistant.ingest.layout import Line, PageLayout
from assistant.ingest.pages import finish
from assistant.ingest.readers import read_pages
from assistant.settings import Settings
from tests.conftest import PDF_SAMPLES
from tests.ingest import hostile

REASONS = ("encrypted", "corrupt", "empty", "no extractable text", "unsupported format", "too large", "not a PDF", "no content")
SHARED_FILES = sorted(PDF_SAMPLES.glob("*.pdf")) if PDF_SAMPLES.is_dir() else []


def _settings(tmp_path: Path, **kw) -> Settings:
    return Settings(workspace=tmp_path / "ws", **kw)


@pytest.mark.skipif(not SHARED_FILES, reason="../shared/pdf-samples is not present")
@pytest.mark.parametrize("path", SHARED_FILES, ids=lambda p: p.name)
def test_shared_sample_ingests_or_gets_one_clear_reason(path, tmp_path):
    meta = json.loads((PDF_SAMPLES / "files.json").read_text())
    try:
        document = load_document(path, _settings(tmp_path))
    except IngestError as exc:
        assert any(reason in str(exc) for reason in REASONS), str(exc)
        assert "\n" not in str(exc)
        return
    assert document.pages and document.chunks
    assert all(c.text.strip() for c in document.chunks)
    # none of these is a contact-centre proposal: each is kept as a reference document
    assert document.identity.kind == "reference" and document.vendor == ""
    entry = next((f for f in meta.get("data", meta) if isinstance(f, dict) and f.get("path", "").endswith(path.name)), None)
    if entry and entry.get("pages"):
        assert len(document.pages) == entry["pages"]


@pytest.mark.skipif(not (PDF_SAMPLES / "multicolumn.pdf").is_file(), reason="../shared/pdf-samples is not present")
def test_shared_two_column_paper_is_read_column_by_column(tmp_path):
    text = load_document(PDF_SAMPLES / "multicolumn.pdf", _settings(tmp_path)).pages[0].text
    # the left column's sentence runs on inside the left column, not into the right one
    assert "This is a sample document with two columns filled\nwith Lorem Ipsum text." in text
    assert "consectetuer adipiscing\nelit." in text  # 'adip-' + 'iscing' rejoined at the line end


@pytest.mark.skipif(not (PDF_SAMPLES / "pdflatex-4-pages.pdf").is_file(), reason="../shared/pdf-samples is not present")
def test_words_set_apart_by_position_alone_stay_apart(tmp_path):
    text = load_document(PDF_SAMPLES / "pdflatex-4-pages.pdf", _settings(tmp_path)).pages[0].text
    assert "here is some text without a meaning" in text


@pytest.mark.skipif(not SHARED_FILES, reason="../shared/pdf-samples is not present")
def test_password_protected_pdf_is_reported_as_encrypted(tmp_path):
    with pytest.raises(IngestError, match="encrypted"):
        load_document(PDF_SAMPLES / "libreoffice-writer-password.pdf", _settings(tmp_path))


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (hostile.empty_file, "empty"),
        (hostile.garbage_pdf, "not a PDF"),
        (hostile.html_named_pdf, "looks like HTML"),
        (hostile.image_only_pdf, "no extractable text"),
        (hostile.unknown_format, "unsupported format '.pptx'"),
    ],
    ids=["empty", "garbage", "html-named-pdf", "image-only", "unknown-format"],
)
def test_hostile_input_gets_a_clear_reason(make, reason, tmp_path):
    with pytest.raises(IngestError, match=reason):
        load_document(make(tmp_path), _settings(tmp_path))


def test_truncated_pdf_is_corrupt_or_partially_readable(tmp_path, sample_pdfs):
    path = hostile.truncated_pdf(tmp_path, sample_pdfs["meridian.pdf"])
    try:
        document = load_document(path, _settings(tmp_path))
    except IngestError as exc:
        assert "corrupt" in str(exc) or "no extractable text" in str(exc)
    else:  # pypdf may recover the pages it can reach; what it returns must be real text
        assert document.chunks and all(c.text.strip() for c in document.chunks)


def test_too_large_file_is_refused_before_reading(tmp_path, sample_pdfs):
    with pytest.raises(IngestError, match="too large"):
        load_document(sample_pdfs["meridian.pdf"], _settings(tmp_path, max_file_bytes=1000))


def test_too_many_pages_is_refused(tmp_path, sample_pdfs):
    with pytest.raises(IngestError, match="too large .* pages"):
        load_document(sample_pdfs["meridian.pdf"], _settings(tmp_path, max_pages=2))


def test_docx_headings_tables_and_page_breaks(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    path = tmp_path / "orbit.docx"
    document = docx.Document()
    document.core_properties.title = "Orbit Care — Proposal"
    document.add_heading("Pricing", level=1)
    document.add_paragraph("Orbit Care Ltd is pleased to offer customer service: voice is billed at USD 19.75 per productive hour.")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Channel", "Rate"
    table.cell(1, 0).text, table.cell(1, 1).text = "Chat", "USD 3.10 per chat"
    table.cell(2, 0).text, table.cell(2, 1).text = "Email", "USD 2.40 per email"
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Pilot", level=1)
    document.add_paragraph("A 30-day pilot with 10 agents on chat and email, with a service level agreement.")
    document.save(path)

    loaded = load_document(path, _settings(tmp_path))
    assert loaded.vendor == "Orbit"  # 'Care' says what the company does, not who it is
    assert {"Orbit Care Ltd", "Orbit Care"} <= set(loaded.identity.aliases)
    assert len(loaded.pages) == 2
    assert "Chat — Rate: USD 3.10 per chat" in loaded.pages[0].text
    pilot = next(c for c in loaded.chunks if "30-day pilot" in c.text)
    assert pilot.page == 2 and pilot.headings == ("Pilot",)


def test_docx_section_breaks_start_a_page_only_when_the_next_section_does(tmp_path):
    """A section's own type says how it starts: a continuous section (two columns set in the
    middle of a page) adds no page; a next-page one does."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK

    path = tmp_path / "columns.docx"
    document = docx.Document()
    document.add_paragraph("Larkspur Contact Ltd is pleased to submit this proposal for customer service.")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Company overview. Our hubs are in Leeds and Durban.")
    document.add_section(WD_SECTION.CONTINUOUS)  # two columns from here, same page
    document.add_paragraph("We employ 1,200 agents across both hubs.")
    document.add_section(WD_SECTION.CONTINUOUS)  # back to one column, same page
    document.add_paragraph("Every agent completes 15 days of training.")
    document.add_section(WD_SECTION.NEW_PAGE)
    document.add_paragraph("Pricing. Voice is billed at GBP 21.40 per productive hour.")
    document.save(path)

    pages, _ = read_pages(path, 10**6, 10)
    assert len(pages) == 3
    assert "15 days of training" in pages[1].text and "Leeds" in pages[1].text
    assert "GBP 21.40" in pages[2].text


def test_text_and_markdown_split_pages_on_form_feeds(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(
        "# Zenith Support\n\nZenith Support is pleased to offer contact centre agents for voice, chat and email.\n"
        "\f## Pricing\n| Channel | Price |\n|---|---|\n| Email | EUR 2.40 per email |\n",
        encoding="utf-8",
    )
    pages, _ = read_pages(path, 10**6, 10)
    assert [p.number for p in pages] == [1, 2]
    assert "Email — Price: EUR 2.40 per email" in pages[1].text
    assert load_document(path, _settings(tmp_path)).vendor == "Zenith"


def test_binary_content_named_txt_is_refused(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(IngestError, match="not a text file"):
        load_document(path, _settings(tmp_path))


def test_running_headers_and_footers_are_dropped():
    layouts = [
        PageLayout(n, [Line([], text=f"Acme BPO | Page {n}"), Line([], text=f"Body text {n}."),
                       Line([], text=f"More body {n}."), Line([], text="And more."),
                       Line([], text=f"Last {n}."), Line([], text="Confidential")])
        for n in range(1, 5)
    ]
    pages = finish(layouts, mark_headings=False)
    assert [p.text for p in pages] == [
        f"Body text {n}.\nMore body {n}.\nAnd more.\nLast {n}." for n in range(1, 5)
    ]


@pytest.mark.parametrize(
    ("first_header", "expected", "absent"),
    [
        # a column that only numbers the rows: the label beside it heads the row
        ("#", "Chat response — Commitment: 85% within 45 seconds", "#: 2"),
        ("No.", "Chat response — Commitment: 85% within 45 seconds", "No.: 2"),
        # a numbered dimension keeps its number with the label
        ("Wave", "2 / Chat response — Commitment: 85% within 45 seconds", "Wave: 2"),
    ],
)
def test_a_column_numbering_the_rows_leaves_the_label_as_row_header(tmp_path, first_header, expected, absent):
    import docx

    path = tmp_path / "numbered.docx"
    document = docx.Document()
    document.add_paragraph("Corvid Peak Services Ltd: service levels offered.")
    rows = [(first_header, "Measure", "Commitment"), ("1", "Voice answer time", "80% within 20 seconds"),
            ("2", "Chat response", "85% within 45 seconds"), ("3", "Email turnaround", "90% within 8 hours")]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(path)

    text = load_document(path, _settings(tmp_path)).pages[0].text
    assert expected in text
    assert absent not in text
