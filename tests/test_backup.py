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


def test_a_wiped_workspace_comes_back_from_its_backup(tmp_path, embedder, capsys):
    root, saved = tmp_path / "ws", tmp_path / "backup"
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
    before = _answer(root, embedder)
    assert company and before.citations and not before.abstained

    assert main(["--workspace", str(root), "backup", str(saved)]) == 0
    assert "Backed up" in capsys.readouterr().out
    shutil.rmtree(root)
    assert load_profile(root).get("company_name") is None  # wiped: nothing is left

    assert main(["--workspace", str(root), "restore", str(saved)]) == 0
    assert load_profile(root).get("company_name") == company
    after = _answer(root, embedder)
    assert [(c.document, c.page, c.quote) for c in after.citations] == [
        (c.document, c.page, c.quote) for c in before.citations
    ]
    assert after.text == before.text


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
