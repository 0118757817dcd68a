"""The renderers, read back: DOCX through python-docx, PDF through pypdf, Markdown as text."""

from __future__ import annotations

import re

import docx
import pytest
from pypdf import PdfReader

from assistant.rfp import export_rfp, render_markdown
from assistant.rfp.model import TBC_PATTERN
from assistant.rfp.render_markdown import escape_marked
from tests.rfp.cases import drafted

CASE = "healthcare-card-payments"


@pytest.fixture(scope="module")
def docx_path(tmp_path_factory):
    return export_rfp(drafted(CASE), "docx", tmp_path_factory.mktemp("rfp") / "rfp.docx")


@pytest.fixture(scope="module")
def word(docx_path):
    return docx.Document(str(docx_path))


def _headings(word, level: int) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == f"Heading {level}"]


def _docx_text(word) -> str:
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_docx_opens_with_a_title_page(word):
    document = drafted(CASE)
    titles = [p for p in word.paragraphs if p.style.name == "Title"]
    assert [p.text for p in titles] == [document.title]
    first_heading = next(i for i, p in enumerate(word.paragraphs) if p.style.name == "Heading 1")
    before = word.paragraphs[:first_heading]
    assert any(document.buyer in p.text for p in before)
    assert any('w:br w:type="page"' in p._p.xml for p in before)
    assert word.core_properties.title == document.title


def test_docx_headings_are_real_heading_styles_in_section_order(word):
    document = drafted(CASE)
    expected = [f"{n}{':' if s.appendix else '.'} {s.title}" for n, s in document.numbered()]
    assert _headings(word, 1) == expected
    groups = [r.group for r in document.section("security_compliance").requirements]
    assert set(_headings(word, 2)) >= {g for g in groups if g}


def test_docx_appendix_starts_on_a_new_page(word):
    headings = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    appendices = [p for p in headings if p.text.startswith("Appendix ")]
    assert [p.text for p in appendices] == ["Appendix A: Annexes", "Appendix B: Open points"]
    assert all(p.paragraph_format.page_break_before is True for p in appendices)
    others = [p for p in headings if p not in appendices]
    assert not any(p.paragraph_format.page_break_before for p in others)


def test_docx_requirements_are_numbered_with_bold_ids_in_model_order(word):
    found = []
    for paragraph in word.paragraphs:
        runs = paragraph.runs
        if runs and runs[0].bold and re.fullmatch(r"REQ-[A-Z]{2,4}-\d{2}", runs[0].text):
            found.append(runs[0].text)
    assert found == [r.id for r in drafted(CASE).requirements()]
    assert len(found) == len(set(found))


def test_docx_tables_use_a_grid_style_with_the_model_contents(word):
    model_tables = [t for s in drafted(CASE).sections for t in s.tables]
    assert len(word.tables) == len(model_tables)
    for table, model in zip(word.tables, model_tables, strict=True):
        assert table.style.name == "Table Grid"
        assert tuple(c.text for c in table.rows[0].cells) == model.header
        assert len(table.rows) == len(model.rows) + 1
        assert tuple(c.text for c in table.rows[1].cells) == model.rows[0]
    captions = [p.text for p in word.paragraphs if p.style.name == "Caption"]
    assert captions == [f"Table {i}: {t.caption}" for i, t in enumerate(model_tables, start=1)]


def test_docx_carries_the_same_facts_as_markdown(word):
    text = _docx_text(word)
    for fact in (
        "60,000",
        "80% within 30 seconds",
        "business associate agreement (BAA)",
        "DTMF masking",
        "USD 28 per hour",
        "Epic, Salesforce and Genesys",
    ):
        assert fact in text


def test_docx_highlights_open_points(tmp_path):
    path = export_rfp(drafted("minimal-profile"), "docx", tmp_path / "minimal.docx")
    word = docx.Document(str(path))
    marked = [
        run for p in word.paragraphs for run in p.runs if run.text.startswith("[To be confirmed:")
    ]
    assert marked and all(run.font.highlight_color is not None for run in marked)
    markers = set(TBC_PATTERN.findall(_docx_text(word)))
    assert markers == {p.what for p in drafted("minimal-profile").open_points}


def test_markdown_has_numbered_headings_tables_and_ids():
    document = drafted(CASE)
    text = render_markdown(document)
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings[0] == "Contents"
    assert headings[1:] == [
        f"{n}{':' if s.appendix else '.'} {s.title}" for n, s in document.numbered()
    ]
    for requirement in document.requirements():
        assert f"**{requirement.id}** ({requirement.mark}) {escape_marked(requirement.text)}" in text
    assert text.count("*Table ") == sum(len(s.tables) for s in document.sections)


def test_pdf_is_readable_and_carries_the_facts(tmp_path):
    path = export_rfp(drafted(CASE), "pdf", tmp_path / "rfp.pdf")
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) > 5
    assert "Riverbend Health" in reader.pages[0].extract_text()
    for fact in ("60,000", "REQ-SEC-01", "Appendix B: Open points", "HIPAA"):
        assert fact in text
    pages = [page.extract_text() for page in reader.pages]
    appendix = next(t for t in pages if "Appendix B: Open points" in t and "Table" in t)
    lines = appendix.splitlines()
    # The appendix starts its own page: only the running header and page number come first.
    assert lines.index("Appendix B: Open points") == 2


def test_export_writes_the_requested_format_and_rejects_others(tmp_path):
    document = drafted("minimal-profile")
    md = export_rfp(document, "md", tmp_path / "out" / "rfp.md")
    assert md.read_text(encoding="utf-8") == render_markdown(document)
    assert export_rfp(document, "pdf", tmp_path / "rfp.pdf").read_bytes().startswith(b"%PDF")
    with pytest.raises(ValueError, match="unknown RFP format"):
        export_rfp(document, "html", tmp_path / "rfp.html")  # type: ignore[arg-type]


def test_a_buyer_name_longer_than_a_docx_property_still_exports(tmp_path):
    from dataclasses import replace

    long_name = "Harbor Health & Home " * 20  # 420 characters, typed into the organisation field
    document = replace(drafted("healthcare-card-payments"), buyer=long_name)
    saved = docx.Document(str(export_rfp(document, "docx", tmp_path / "long.docx")))
    assert saved.core_properties.author == long_name[:255]
