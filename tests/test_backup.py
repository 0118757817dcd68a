"""`procure backup` and `procure restore`: a workspace wiped and restored answers as before."""

from __future__ import annotations

import shutil

import pytest

from assistant.cli import main
from assistant.interview.commands import chat_turn
from assistant.interview.profile import load_profile
from assistant.settings import Settings
from assistant.workspace import Workspace

QUESTION = "How many languages does Lumen Care support?"


def _answer(root, embedder):
    return Workspace(Settings(workspace=root), embedder=embedder).ask(QUESTION)


def _citations(answer) -> list[tuple[str, int, str]]:
    return [(c.document, c.page, c.quote) for c in answer.citations]


def _vectors(root, embedder) -> tuple[int, int]:
    """How many chunk and statement vectors the workspace's Chroma holds."""
    space = Workspace(Settings(workspace=root), embedder=embedder)
    return space.store.count(), space.statement_store.count()


def _fill(root, tmp_path, embedder):
    """A workspace with one proposal and one interview answer; its company and answer."""
    proposal = tmp_path / "lumen.md"
    proposal.write_text(
        "# Lumen Care: proposal for contact centre services\n\n"
        "Lumen Care offers inbound customer service by voice and chat. "
        "Lumen Care supports 14 languages across its sites.\n"
    )
    Workspace(Settings(workspace=root), embedder=embedder).ingest([proposal])
    chat_turn(root, "start")
    chat_turn(root, "We are Ostrava Outfitters")
    company = load_profile(root).get("company_name")
    answer = _answer(root, embedder)
    assert company and answer.citations and not answer.abstained
    return company, answer


def test_a_wiped_workspace_comes_back_from_its_backup(tmp_path, embedder, capsys):
    root, saved = tmp_path / "ws", tmp_path / "backup"
    company, before = _fill(root, tmp_path, embedder)
    vectors = _vectors(root, embedder)

    assert main(["--workspace", str(root), "backup", str(saved)]) == 0
    assert "Backed up" in capsys.readouterr().out
    shutil.rmtree(root)
    assert load_profile(root).get("company_name") is None  # wiped: nothing is left

    assert main(["--workspace", str(root), "restore", str(saved)]) == 0
    assert load_profile(root).get("company_name") == company
    assert _vectors(root, embedder) == vectors and min(vectors) > 0  # not embedded again
    after = _answer(root, embedder)
    assert _citations(after) == _citations(before) and after.text == before.text


def test_the_team_set_up_comes_back_from_pg_dump_and_a_copy_of_chromas_folder(
    tmp_path, embedder, team_servers, monkeypatch
):
    """The README's procedure: pg_dump, a copy of the stopped Chroma server's folder; then
    everything (database, Chroma, the app's folder) is gone and comes back from those two."""
    from tests.servers import chroma, fresh_database, pg_tool

    root, dump = tmp_path / "ws", tmp_path / "procure.dump"
    with fresh_database(team_servers.postgres_url, "team_saved") as database, \
            chroma(tmp_path / "chroma") as chroma_url:
        monkeypatch.setenv("PROCURE_DATABASE_URL", database)
        monkeypatch.setenv("PROCURE_CHROMA_URL", chroma_url)
        company, before = _fill(root, tmp_path, embedder)
        vectors = _vectors(root, embedder)
        pg_tool("pg_dump", database, "-Fc", "-f", str(dump), database.rsplit("/", 1)[1])
    shutil.copytree(tmp_path / "chroma", tmp_path / "chroma-copy")  # the server is stopped
    shutil.rmtree(tmp_path / "chroma")
    shutil.rmtree(root)  # and the database was dropped: nothing is left
    with fresh_database(team_servers.postgres_url, "team_restored") as database, \
            chroma(tmp_path / "chroma-copy") as chroma_url:
        pg_tool("pg_restore", database, "--no-owner", "-d", database.rsplit("/", 1)[1], str(dump))
        monkeypatch.setenv("PROCURE_DATABASE_URL", database)
        monkeypatch.setenv("PROCURE_CHROMA_URL", chroma_url)
        assert load_profile(root).get("company_name") == company
        assert _vectors(root, embedder) == vectors and min(vectors) > 0  # from the copy
        after = _answer(root, embedder)
        assert _citations(after) == _citations(before) and after.text == before.text


def test_restore_never_overwrites_and_backup_refuses_the_team_set_up(tmp_path, capsys, monkeypatch):
    root = tmp_path / "ws"
    chat_turn(root, "start")
    assert main(["--workspace", str(root), "backup", str(tmp_path / "one")]) == 0
    assert main(["--workspace", str(root), "restore", str(tmp_path / "one")]) == 2
    assert "not empty" in capsys.readouterr().err
    assert main(["--workspace", str(tmp_path / "x"), "restore", str(root)]) == 2
    assert "not a procure backup" in capsys.readouterr().err
    monkeypatch.setenv("PROCURE_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert main(["--workspace", str(root), "backup", str(tmp_path / "two")]) == 2
    assert "pg_dump" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["uploads", "exports"])
def test_per_process_files_are_left_out_of_a_backup(tmp_path, name):
    from assistant.backup import backup

    root = tmp_path / "ws"
    (root / name / "x").mkdir(parents=True)
    (root / name / "x" / "file.txt").write_text("temporary")
    (root / "vendor-names.json").write_text("{}")
    report = backup(root, tmp_path / "saved")
    assert report.files == 1 and (tmp_path / "saved" / "vendor-names.json").is_file()
    assert not (tmp_path / "saved" / name).exists()
