"""The app's plain view functions, without a browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import app_views as views
from assistant.models import Answer, Citation, IngestOutcome

CITE = Citation(1, "meridian.pdf", "Meridian Contact Solutions", 6, "English voice | USD 28.50")


def test_escape_markdown_neutralises_markup():
    assert views.escape_markdown("<b>*x*</b> [a](b)") == r"\<b\>\*x\*\</b\> \[a\](b)"


def test_ingest_report_says_what_happened_per_file():
    report = views.ingest_report(
        [
            IngestOutcome("/x/a_b.pdf", True, "ingested"),
            IngestOutcome("/x/bad.pdf", False, "not a PDF"),
        ]
    )
    assert report.splitlines() == [
        r"- **a\_b.pdf** — ingested",
        "- **bad.pdf** — **not ingested:** not a PDF",
    ]


def test_answer_markdown_lists_citations_with_vendor_document_and_page():
    answer = Answer("q", "Meridian Contact Solutions: USD 28.50 [1]", False, (CITE,))
    text = views.answer_markdown(answer, ["Meridian Contact Solutions"])
    assert text.startswith("**Meridian Contact Solutions:**")
    assert (
        "\\[1\\] Meridian Contact Solutions — meridian.pdf, p. 6: “English voice \\| USD 28.50”"
        in text
    )


def test_citation_choices_point_at_each_citation():
    second = Citation(2, "harbor.pdf", "Harbor", 3, "q")
    assert views.citation_choices([CITE, second]) == [
        ("[1] Meridian Contact Solutions — meridian.pdf, p. 6", 0),
        ("[2] Harbor — harbor.pdf, p. 3", 1),
    ]


def test_page_html_marks_the_quote_and_escapes_the_page():
    text = "<script>alert(1)</script>\nEnglish voice |   USD 28.50\nper hour"
    html = views.page_html("me<>.pdf", 6, text, "English voice | USD 28.50")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>English voice |   USD 28.50</mark>" in html
    assert "me&lt;&gt;.pdf" in html and "page 6" in html


def test_page_html_without_a_match_or_text():
    assert "<mark>" not in views.page_html("a.pdf", 1, "some text", "absent quote")
    assert "no extractable text" in views.page_html("a.pdf", 1, "  ", "q")


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("hello", "hello"),
        ([{"type": "text", "text": "hello"}], "hello"),
        ({"text": "hi"}, "hi"),
        ([{"type": "text", "text": "a"}, {"type": "text", "text": "b"}], "a b"),
        (None, ""),
    ],
)
def test_message_text_accepts_gradio6_parts(content, text):
    assert views.message_text(content) == text


def test_progress_and_profile_markdown():
    assert views.progress_markdown({"answered": 3, "required": 25, "total": 40}) == (
        "**Progress:** 3 of 25 required questions answered"
    )
    text = "Languages\n  languages: English, <Spanish>\n"
    md = views.profile_markdown(text)
    assert "**Languages**" in md and r"- languages: English, \<Spanish\>" in md
    assert views.profile_markdown("(nothing recorded yet)") == "_(nothing recorded yet)_"
    assert "Nothing captured" in views.profile_markdown("")


def test_change_message_edits_the_profile_through_the_interview(tmp_path):
    from assistant.interview.commands import chat_turn, profile_view

    chat_turn(tmp_path, "English and Spanish")
    chat_turn(tmp_path, views.change_message("languages", " English "))
    assert profile_view(tmp_path)["profile"]["languages"]["value"] == ["English"]


def test_workspace_folders(tmp_path):
    one, two = views.new_session_dir(tmp_path), views.new_session_dir(tmp_path)
    assert one != two and one.parent == tmp_path / "sessions" and one.is_dir()
    assert views.named_workspace_dir(tmp_path, " team-A_2 ") == tmp_path / "named" / "team-A_2"
    for bad in ("", "../etc", "a b", "x/y", "é", "a" * 65):
        with pytest.raises(ValueError):
            views.named_workspace_dir(tmp_path, bad)
    assert "private session" in views.workspace_label(tmp_path, one)
    assert "**team-A\\_2**" in views.workspace_label(tmp_path, tmp_path / "named" / "team-A_2")


def test_matrix_table_has_a_column_per_vendor_and_sources():
    from assistant.compare import Source, TermValue, matrix_from_values

    source = Source("meridian.pdf", "Meridian", 4, "a 36-month term")
    value = TermValue("contract_term", "36 months", {"months": 36}, source)
    matrix = matrix_from_values({"Meridian": [value], "Harbor": []})
    headers, rows = views.matrix_table(matrix)
    assert headers == ["field", *matrix.vendors, "sources"]
    row = next(r for r in rows if r[-1])
    assert row[-1] == "[meridian.pdf p.4]"
    assert len(views.matrix_column_widths(2)) == 4


def test_rfp_summary_counts_open_points():
    assert "none" in views.rfp_summary([])
    assert "**Open points:** 2" in views.rfp_summary([object(), object()])


def test_app_module_keeps_its_public_names():
    from assistant.app import build_app, launch_options, prepare_demo, serve  # noqa: F401

    assert Path(views.__file__).name == "app_views.py"


def test_sample_pdfs_are_built_once(tmp_path):
    from assistant.app import sample_pdfs

    first = sample_pdfs(tmp_path)
    assert "meridian.pdf" in {path.name for path in first}
    stamp = first[0].stat().st_mtime_ns
    assert sample_pdfs(tmp_path) == first and first[0].stat().st_mtime_ns == stamp
