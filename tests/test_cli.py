"""The `procure` command-line contract that other tools script against."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from assistant.cli import main


def test_ingest_documents_remove_in_process(tmp_path, sample_pdfs, capsys, embedder):
    workspace = tmp_path / "ws"
    bad = tmp_path / "notes.xlsx"
    bad.write_bytes(b"x")  # XLSX is read now; a file that is not one is refused, the batch goes on
    code = main(["--workspace", str(workspace), "ingest", str(sample_pdfs["atlas.pdf"]), str(bad), "--vendor", "Atlas"])
    lines = capsys.readouterr().out.strip().splitlines()
    assert code == 1
    assert len(lines) == 2
    assert "ok: ingested as vendor 'Atlas': 7 pages, " in lines[0] and " chunks, " in lines[0]
    assert "notes.xlsx: FAILED: corrupt XLSX (not a ZIP package)" in lines[1]

    assert main(["--workspace", str(workspace), "documents", "--json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["name"] == "atlas.pdf" and record["vendor"] == "Atlas" and record["pages"] == 7
    assert record["chunks"] > 0

    assert main(["--workspace", str(workspace), "remove", "atlas.pdf"]) == 0
    assert main(["--workspace", str(workspace), "remove", "atlas.pdf"]) == 1
    capsys.readouterr()
    assert main(["--workspace", str(workspace), "documents", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_ask_json_lines_from_a_real_subprocess(tmp_path, sample_pdfs):
    """The installed entry point, cold: JSON Lines in question order, citations matching markers."""
    procure = Path(sys.executable).with_name("procure")
    env = {**os.environ, "PROCURE_HOME": str(tmp_path / "home")}
    ingest = subprocess.run(
        [str(procure), "ingest", str(sample_pdfs["meridian.pdf"])], env=env, capture_output=True, text=True, timeout=300
    )
    assert ingest.returncode == 0, ingest.stderr
    questions = ["What is Meridian's hourly rate for English voice?", "Does Meridian provide on-site daycare for agents' children?"]
    result = subprocess.run(
        [str(procure), "ask", "--json", *questions], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = [json.loads(line) for line in result.stdout.strip().splitlines()]
    assert [row["question"] for row in rows] == questions
    first, second = rows
    assert set(first) >= {"question", "answer", "abstained", "citations"}
    assert first["abstained"] is False and "28.50" in first["answer"]
    citation = first["citations"][0]
    assert list(citation)[:5] == ["marker", "document", "vendor", "page", "quote"]
    assert citation["source"] == "proposal"
    assert citation == {**citation, "marker": 1, "document": "meridian.pdf", "page": 6}
    assert "[1]" in first["answer"]
    assert second["abstained"] is True and second["citations"] == []
    assert second["answer"].startswith("The proposals do not say")


def test_chat_answers_a_question_back_from_the_workspace_and_asks_again(tmp_path, capsys):
    """The buyer's question is answered by the workspace's answerer inside the turn (which holds
    the interview's write lock while the answerer reads the profile), then the interview goes on."""
    workspace = str(tmp_path / "ws")
    assert main(["--workspace", workspace, "chat", "Hi, Dana here from Kestrel Mutual, an insurer."]) == 0
    capsys.readouterr()
    assert main(["--workspace", workspace, "chat", "What's a typical service level for voice calls?"]) == 0
    reply = capsys.readouterr().out
    assert "From our guidance" in reply and "Sources:\n[1] " in reply  # answered, with its sources
    assert "[guidance:" not in reply  # numbered markers, never internal ids
    assert "Back to the interview" in reply and reply.count("[Progress:") == 1

