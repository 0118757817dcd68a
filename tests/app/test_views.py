"""The app's plain view functions, without a browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant import app_views as views
from assistant.models import Answer, Citation, IngestOutcome
from assistant.settings import Settings

CITE = Citation(1, "meridian.pdf", "Meridian", 6, "English voice | USD 28.50")


def test_escape_markdown_neutralises_markup():
    assert views.escape_markdown("<b>*x*</b> [a](b)") == r"\<b\>\*x\*\</b\> \[a\](b)"
    assert views.escape_markdown("mail a@b.example") == r"mail a\@b.example"


def test_download_links_and_audit_rows_are_escaped():
    from assistant.state.workspace_db import AuditEntry

    links = views.download_links([("<b>DOCX</b>", "download/t'o/x.docx", "rfp-docx")])
    assert "<b>" not in links and "&lt;b&gt;DOCX" in links and "t&#x27;o" in links
    table = views.audit_markdown([AuditEntry(0.0, "bob", "ingest", "<img src=x> [a](b)")])
    assert "1970-01-01T00:00:00" in table and r"\<img src=x\> \[a\](b)" in table


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
    answer = Answer("q", "Meridian: USD 28.50 [1]", False, (CITE,))
    text = views.answer_markdown(answer, ["Meridian"])
    assert text.startswith("**Meridian:**")
    assert (
        "\\[1\\] Meridian — meridian.pdf, p. 6: “English voice \\| USD 28.50”"
        in text
    )


def test_citation_choices_point_at_each_citation():
    second = Citation(2, "harbor.pdf", "Harbor", 3, "q")
    assert views.citation_choices([CITE, second]) == [
        ("[1] Meridian — meridian.pdf, p. 6", 0),
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
    progress = {"answered": 7, "total": 40, "required": 25, "required_answered": 3, "skipped": 1, "parked": 1}
    assert views.progress_markdown(progress) == (
        "**Progress:** 3 of 25 required questions answered (7 of 40 in all; 2 left for later)"
    )
    added = {**progress, "added": 3, "added_answered": 1}
    assert views.progress_markdown(added) == (
        "**Progress:** 3 of 25 required questions answered (7 of 40 in all; 1 of 3 follow-up "
        "questions your answers added; 2 left for later)"
    )
    text = "Languages\n  languages: English, <Spanish>\n"
    md = views.profile_markdown(text)
    assert "**Languages**" in md and r"- languages: English, \<Spanish\>" in md
    assert views.profile_markdown("(nothing recorded yet)") == "_(nothing recorded yet)_"
    assert "Nothing captured" in views.profile_markdown("")
    quoted = views.profile_markdown("Volumes\n  monthly volume: 60,000\n    from your message: 'about 60k a month'")
    assert "  _from your message: 'about 60k a month'_" in quoted


def test_change_message_edits_the_profile_through_the_interview(tmp_path):
    from assistant.interview.commands import chat_turn, profile_view

    chat_turn(tmp_path, "English and Spanish")
    chat_turn(tmp_path, views.change_message("languages", " English "))
    assert profile_view(tmp_path)["profile"]["languages"]["value"] == ["English"]




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


def _age(path: Path, days: float) -> None:
    """Set the modification time of a folder and everything in it to `days` ago."""
    import os
    import time

    stamp = time.time() - days * 86400
    for item in [*path.rglob("*"), path]:
        os.utime(item, (stamp, stamp), follow_symlinks=False)


def _session_tree(root: Path, name: str, days: float) -> Path:
    path = root / "sessions" / name
    (path / "documents").mkdir(parents=True)
    (path / "documents" / "catalog.json").write_text("{}")
    (path / "profile.json").write_text("{}")
    _age(path, days)
    return path


def test_remove_stale_sessions_keeps_recent_named_and_foreign_folders(tmp_path):
    old = _session_tree(tmp_path, "a" * 16, days=45)
    recent = _session_tree(tmp_path, "b" * 16, days=2)
    touched_inside = _session_tree(tmp_path, "c" * 16, days=45)
    (touched_inside / "documents" / "catalog.json").touch()  # used today, deep inside
    foreign = _session_tree(tmp_path, "not-a-session", days=45)
    named = tmp_path / "named" / "local" / "old-rfp"
    named.mkdir(parents=True)
    (named / "profile.json").write_text("{}")
    _age(tmp_path / "named", days=400)

    removed = views.remove_stale_sessions(tmp_path, max_age_s=30 * 86400)

    assert removed == [old] and not old.exists()
    assert recent.is_dir() and touched_inside.is_dir() and foreign.is_dir()
    assert (named / "profile.json").is_file()
    assert views.remove_stale_sessions(tmp_path / "empty-root", 1) == []


def test_build_app_deletes_stale_sessions(tmp_path):
    from assistant.app import build_app
    from assistant.settings import Settings

    days = Settings(workspace=tmp_path).session_days
    old = _session_tree(tmp_path, "d" * 16, days=days + 1)
    kept = _session_tree(tmp_path, "e" * 16, days=days - 1)
    build_app(Settings(workspace=tmp_path))
    assert not old.exists() and kept.is_dir()


def test_chat_messages_show_what_was_typed_literally():
    message = views.chat_message("user", "<b>x</b> *y* [a](http://e.example) www.e.example")
    assert message == {
        "role": "user",
        "content": r"\<b\>x\</b\> \*y\* \[a\](http\://e.example) www\.e.example",
    }
    assert views.escape_markdown("AT&amp;T") == r"AT\&amp;T"


def test_scorecard_shows_vendor_text_literally():
    from assistant.compare import Source, TermValue, build_scorecard, matrix_from_values
    from assistant.compare.requirements import Requirements

    evil = "Evil *Corp* ![x](http://e.example/x.png) <img src=x>"
    source = Source("evil.pdf", evil, 4, "a 36-month term")
    value = TermValue("contract_term", "36 months", {"months": 36}, source)
    matrix = matrix_from_values({evil: [value], "Harbor": []})
    card = build_scorecard(matrix, Requirements(languages=("English",)))
    raw = card.to_markdown()
    summary, detail = views.scorecard_parts(card)
    shown = summary + "\n" + detail
    assert "![x](http://e.example/x.png)" in raw  # what the escaping is for
    unescaped = re.compile(r"(?<!\\)(!\[|<img|\*Corp)")
    assert unescaped.search(raw) and not unescaped.search(shown)
    escaped = r"Evil \*Corp\* \!\[x\](http\://e.example/x.png) \<img src=x\>"
    assert escaped in summary and "### Vendor scorecard" in summary


def _spaces(root: Path, seed: Path | None = None, **settings):
    from assistant.app_spaces import Spaces
    from assistant.server.access import Access
    from assistant.server.users import Users
    from assistant.state.server_db import ServerDB

    db = ServerDB.for_home(root)
    return Spaces(Settings(workspace=root, **settings), Access(root, db), Users(db), seed=seed)


def test_demo_sessions_start_with_a_copy_of_the_demo_documents(tmp_path, embedder):
    from assistant.workspace import Workspace

    root = tmp_path / "root"
    proposal = tmp_path / "acme.md"
    proposal.write_text("# Acme Support\n\nAcme charges USD 31.00 per productive hour for voice.\n")
    Workspace(Settings(workspace=root), embedder=embedder).ingest([proposal])

    demo = _spaces(root, seed=root)
    first, second = demo.new_session("local"), demo.new_session("local")
    space = demo.workspace(first)
    assert [d.name for d in space.documents()] == ["acme.md"]
    answer = space.ask("What does Acme charge per productive hour for voice?")
    assert answer.citations and answer.citations[0].document == "acme.md"
    demo.workspace(second).remove("acme.md")  # sessions are copies: removing in one ...
    assert [d.name for d in space.documents()] == ["acme.md"]  # ... leaves the other alone

    plain = _spaces(tmp_path / "plain")
    assert plain.workspace(plain.new_session("local")).documents() == []


def test_visitors_may_pick_only_the_offered_engines(tmp_path):
    from assistant.llm.config import LlmSpec

    spaces = _spaces(tmp_path, llm=LlmSpec("openai", "served", 5.0))
    offered = [value for _, value in spaces.engines]
    assert offered[0] == "none" and offered[-1] == "openai:served"
    assert spaces.engine("openai:served").label == "openai:served"
    assert spaces.engine("openai:gpt-5-expensive").label == "none"
    assert spaces.engine(None).label == "none"
    assert views.engine_choices(LlmSpec()) == [
        ("None: grounded answers only", "none")
    ]
