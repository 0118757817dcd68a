"""Workspaces on disk: re-ingest replaces, remove removes, restart keeps, two never mix."""

from __future__ import annotations

import pytest

from assistant.settings import Settings
from assistant.workspace import Workspace

pytestmark = pytest.mark.backends  # the files and the servers (tests/conftest.py)


def test_reingesting_the_same_file_replaces_it(make_workspace, sample_pdfs):
    workspace = make_workspace()
    first = workspace.ingest([sample_pdfs["meridian.pdf"]])[0]
    second = workspace.ingest([sample_pdfs["meridian.pdf"]])[0]
    assert first.ok and second.ok
    assert [r.name for r in workspace.documents()] == ["meridian.pdf"]
    assert workspace.store.count() == second.record.chunks == len(workspace.catalog.chunks)


def test_mixed_batch_lands_the_good_files(make_workspace, sample_pdfs, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    workspace = make_workspace()
    outcomes = workspace.ingest([bad, sample_pdfs["atlas.pdf"], tmp_path / "missing.pdf"])
    assert [o.ok for o in outcomes] == [False, True, False]
    assert "corrupt" in outcomes[0].message or "no extractable text" in outcomes[0].message
    assert [r.vendor for r in workspace.documents()] == ["Atlas"]


def test_remove_and_restart(make_workspace, sample_pdfs, embedder):
    workspace = make_workspace("persist")
    workspace.ingest([sample_pdfs["meridian.pdf"], sample_pdfs["atlas.pdf"]])
    assert workspace.remove("atlas.pdf")
    assert not workspace.remove("atlas.pdf")
    reopened = Workspace(Settings(workspace=workspace.root), embedder=embedder)
    assert [r.name for r in reopened.documents()] == ["meridian.pdf"]
    assert reopened.store.count() == len(reopened.catalog.chunks)
    answer = reopened.ask("What is Atlas's per-call price?")
    assert all(c.document == "meridian.pdf" for c in answer.citations)


def test_two_workspaces_never_see_each_other(make_workspace, sample_pdfs):
    one, two = make_workspace("one"), make_workspace("two")
    one.ingest([sample_pdfs["meridian.pdf"]])
    two.ingest([sample_pdfs["northwind.pdf"]])
    assert [r.name for r in one.documents()] == ["meridian.pdf"]
    assert [r.name for r in two.documents()] == ["northwind.pdf"]
    answer = two.ask("What is the hourly rate for English voice?")
    assert all(c.document == "northwind.pdf" for c in answer.citations)
    assert "28.50" not in answer.text


def test_injection_is_flagged_at_ingest(make_workspace, sample_pdfs):
    outcome = make_workspace().ingest([sample_pdfs["helios.pdf"]])[0]
    assert outcome.ok and outcome.record.warnings
    assert "AI assistants" in outcome.message


def test_vendors_rename_merge_and_remember_the_users_name(make_workspace, sample_pdfs):
    workspace = make_workspace()
    workspace.ingest([sample_pdfs["meridian.pdf"], sample_pdfs["atlas.pdf"]])
    assert [v["vendor"] for v in workspace.vendors()] == ["Atlas", "Meridian"]
    workspace.rename_vendor("Meridian", "Meridian CS")
    assert workspace.catalog.vendors() == ["Atlas", "Meridian CS"]
    assert all(c.vendor == "Meridian CS" for c in workspace.catalog.chunks.values() if c.document == "meridian.pdf")
    # the vector store filters by the new name too, and the old name still finds the vendor
    answer = workspace.ask("What is Meridian's hourly rate for English voice?")
    assert answer.citations and {c.vendor for c in answer.citations} == {"Meridian CS"}
    # a later upload of the same proposal keeps the user's name
    (again,) = workspace.ingest([sample_pdfs["meridian.pdf"]])
    assert again.record.vendor == "Meridian CS"
    workspace.merge_vendors("Atlas", "Meridian CS")
    assert workspace.catalog.vendors() == ["Meridian CS"]
    with pytest.raises(ValueError, match="no vendor named"):
        workspace.rename_vendor("Nobody", "X")


def test_a_document_that_is_no_proposal_is_no_vendor(make_workspace, tmp_path):
    notes = tmp_path / "study.txt"
    notes.write_text("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.")
    workspace = make_workspace()
    (outcome,) = workspace.ingest([notes])
    assert outcome.ok and outcome.record.kind == "reference" and "reference document" in outcome.message
    assert workspace.catalog.vendors() == [] and workspace.matrix().vendors == ()
    workspace.make_proposal("study.txt", "Lorem Ltd")
    assert workspace.catalog.vendors() == ["Lorem Ltd"]


def test_ingest_reports_the_pages_of_each_file(make_workspace, sample_pdfs):
    events = []
    workspace = make_workspace("progress")
    paths = [sample_pdfs["meridian.pdf"], sample_pdfs["atlas.pdf"]]
    workspace.ingest(paths, progress=lambda *event: events.append(event))
    for name in ("meridian.pdf", "atlas.pdf"):
        task = f"{name}: embedding pages"
        pages = [(done, total) for what, done, total in events if what == task]
        assert pages[0] == (0, 7) and pages[-1] == (7, 7) and len(pages) >= 3
        assert all(a <= b for (a, _), (b, _) in zip(pages, pages[1:], strict=False))
    assert (workspace.root / "statements-keyword.npz").is_file()  # built by the ingest, not the next ask
