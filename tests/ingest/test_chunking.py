"""Chunks keep document, vendor, page, offsets and the headings they sit under."""

from __future__ import annotations

from assistant.ingest.chunking import chunk_pages
from assistant.models import Page

PAGES = [
    Page(1, "Acme Proposal\n1. Pricing\nVoice is USD 20 per hour.\n1.1 Other charges\nSetup fee USD 5,000."),
    Page(2, "Overtime is billed at 1.5x.\n2. Pilot\nA 30-day pilot."),
]


def test_chunks_point_back_into_their_page_text():
    chunks = chunk_pages("acme.pdf", "Acme", PAGES, max_chars=900)
    for chunk in chunks:
        page = PAGES[chunk.page - 1].text
        assert page[chunk.start : chunk.end].strip() == chunk.text
        assert chunk.document == "acme.pdf" and chunk.vendor == "Acme"


def test_headings_travel_with_their_sections_across_pages():
    chunks = chunk_pages("acme.pdf", "Acme", PAGES, max_chars=900)
    setup = next(c for c in chunks if "Setup fee" in c.text)
    overtime = next(c for c in chunks if "Overtime" in c.text)
    pilot = next(c for c in chunks if "30-day" in c.text)
    assert setup.headings == ("Acme Proposal", "1. Pricing", "1.1 Other charges")
    assert overtime.page == 2 and overtime.headings[-1] == "1.1 Other charges"
    assert pilot.headings == ("Acme Proposal", "2. Pilot")
    assert "1. Pricing" in setup.embedding_text()


def test_long_text_is_cut_into_bounded_chunks_with_unique_ids():
    text = " ".join(f"Sentence number {i} about service levels." for i in range(200))
    chunks = chunk_pages("long.txt", "Long", [Page(1, text)], max_chars=500)
    assert len(chunks) > 10
    assert all(len(c.text) <= 500 for c in chunks)
    assert len({c.id for c in chunks}) == len(chunks)
    assert "".join(c.text.replace(" ", "") for c in chunks) == text.replace(" ", "")
