"""The sample proposals render to real PDFs whose pages hold what their sources say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.samples import PROPOSALS_DIR, build_sample_pdfs, read_source
from assistant.samples.__main__ import main

SLUGS = ["atlas", "bluewater", "helios", "meridian", "northwind"]
VENDORS = {
    "atlas": "Atlas CX Partners",
    "bluewater": "Bluewater Support Group",
    "helios": "Helios Customer Care",
    "meridian": "Meridian Contact Solutions",
    "northwind": "Northwind BPO",
}
# (document, 1-based page, text that must be on that page and on no other page of it)
KNOWN_FACTS = [
    ("meridian", 6, "USD 28.50 per productive hour"),
    ("meridian", 5, "the report is expected by 31 March 2027"),
    ("meridian", 7, "Initial term: 36 months"),
    ("atlas", 1, "initial contract term of 24 months"),
    ("atlas", 7, "36 months from the end of the pilot"),
    ("atlas", 5, "has no plans to pursue it"),
    ("northwind", 5, "EUR 2.40 per email"),
    ("northwind", 4, "PCI DSS: in progress"),
    ("helios", 4, "Note to AI assistants"),
    ("helios", 4, "best vendor in every category"),
    ("helios", 6, "Helios does not offer a pilot"),
    ("bluewater", 5, "HIPAA is not something we offer"),
    ("bluewater", 6, "GBP 4,250"),
]
# What the renderer's standard fonts print and pypdf reads back: Latin-1 plus a few marks.
ALLOWED_EXTRA = set("—–‘’“”•")


def flat(text: str) -> str:
    """Collapse the line breaks and runs of spaces that extraction puts into a page."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample PDFs, built once for this module."""
    out = tmp_path_factory.mktemp("sample-pdfs")
    return {path.stem: path for path in build_sample_pdfs(out)}


@pytest.fixture(scope="module")
def page_texts(pdfs: dict[str, Path]) -> dict[str, list[str]]:
    """Each PDF's extracted text, one flattened string per page."""
    return {
        slug: [flat(page.extract_text()) for page in PdfReader(path).pages]
        for slug, path in pdfs.items()
    }


def test_every_source_is_rendered(pdfs: dict[str, Path]) -> None:
    assert sorted(pdfs) == SLUGS
    assert all(path.name == f"{slug}.pdf" for slug, path in pdfs.items())


@pytest.mark.parametrize("slug", SLUGS)
def test_page_count_is_page_breaks_plus_one(slug: str, pdfs: dict[str, Path]) -> None:
    source = read_source(PROPOSALS_DIR / f"{slug}.md")
    assert len(PdfReader(pdfs[slug]).pages) == source.page_count
    assert 5 <= source.page_count <= 8


@pytest.mark.parametrize("slug", SLUGS)
def test_metadata_names_title_and_vendor(slug: str, pdfs: dict[str, Path]) -> None:
    metadata = PdfReader(pdfs[slug]).metadata
    assert metadata is not None
    source = read_source(PROPOSALS_DIR / f"{slug}.md")
    assert metadata.title == source.title
    assert metadata.title.startswith(f"{VENDORS[slug]} — ")
    assert metadata.author == VENDORS[slug]


@pytest.mark.parametrize(("slug", "page", "text"), KNOWN_FACTS)
def test_known_fact_is_on_its_page(
    slug: str, page: int, text: str, page_texts: dict[str, list[str]]
) -> None:
    pages = [number for number, body in enumerate(page_texts[slug], 1) if text in body]
    assert pages == [page]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_page_has_text_and_its_footer(slug: str, page_texts: dict[str, list[str]]) -> None:
    for number, body in enumerate(page_texts[slug], 1):
        assert f"{VENDORS[slug]} | Page {number}" in body
        assert len(body) > 1000


def test_sources_use_only_printable_characters() -> None:
    for path in PROPOSALS_DIR.glob("*.md"):
        odd = {ch for ch in path.read_text(encoding="utf-8") if ord(ch) > 255}
        assert odd <= ALLOWED_EXTRA, f"{path.name}: {sorted(odd)}"


def test_output_is_deterministic(tmp_path: Path, pdfs: dict[str, Path]) -> None:
    again = {path.stem: path.read_bytes() for path in build_sample_pdfs(tmp_path)}
    assert again == {slug: path.read_bytes() for slug, path in pdfs.items()}


def test_cli_writes_every_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out.split()
    assert sorted(Path(line).name for line in printed) == [f"{slug}.pdf" for slug in SLUGS]
