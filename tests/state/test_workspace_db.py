"""Workspace state in SQLite through SQLAlchemy: migration, transactions, concurrency, crashes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from assistant.index.catalog import Catalog
from assistant.interview.commands import chat_turn
from assistant.interview.profile import InterviewStore, Profile, load_profile, load_state
from assistant.state.workspace_db import DB_FILE, LEGACY_DIR, WorkspaceDB

pytestmark = pytest.mark.backends  # the files and the servers (tests/conftest.py)

PAYLOAD = {
    "record": {
        "name": "old.pdf",
        "vendor": "Old Vendor",
        "pages": 1,
        "chunks": 1,
        "sha256": "0" * 64,
        "title": "Old",
        "warnings": [],
    },
    "pages": {"1": "Old Vendor offers chat support."},
    "chunks": [
        {
            "id": "old-1",
            "document": "old.pdf",
            "vendor": "Old Vendor",
            "page": 1,
            "start": 0,
            "end": 31,
            "text": "Old Vendor offers chat support.",
            "headings": [],
        }
    ],
}


def _legacy_workspace(root: Path) -> Path:
    """A workspace in the old JSON layout: documents/*.json, profile.json, interview.json."""
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "old-pdf.json").write_text(json.dumps(PAYLOAD))
    profile = Profile()
    profile.set("company_name", "text", "Acme", 1, "Acme")
    (root / "profile.json").write_text(profile.model_dump_json())
    (root / "interview.json").write_text(json.dumps({"current": "org-industry", "messages": 1}))
    return root


def test_a_json_workspace_is_migrated_on_open_and_its_files_kept_aside(tmp_path, backend):
    root = _legacy_workspace(tmp_path / "ws")
    catalog = Catalog(WorkspaceDB.for_folder(root))
    assert list(catalog.records) == ["old.pdf"]
    assert catalog.page_text("old.pdf", 1) == "Old Vendor offers chat support."
    assert load_profile(root).get("company_name") == "Acme"
    assert load_state(root).current == "org-industry"
    assert (root / DB_FILE).is_file() == (backend == "files")  # else the rows are in PostgreSQL
    assert not (root / "profile.json").exists() and not list((root / "documents").glob("*.json"))
    assert (root / LEGACY_DIR / "documents" / "old-pdf.json").is_file()
    assert (root / LEGACY_DIR / "interview.json").is_file()


def test_reading_an_empty_workspace_creates_nothing(tmp_path):
    assert load_profile(tmp_path).slots == {} and load_state(tmp_path).messages == 0
    assert not (tmp_path / DB_FILE).exists()


def test_concurrent_turns_never_lose_an_update(tmp_path):
    """8 threads, each its own engine (as separate visitors), 5 answers each: all 40 count."""
    root = tmp_path / "shared"
    chat_turn(root, "start")

    def visitor(index: int) -> None:
        for turn in range(5):
            chat_turn(root, f"We are company number {index}-{turn}", user=f"user{index}")

    assert _errors_in_threads(visitor, 8) == []
    assert load_state(root).messages == 40
    log = WorkspaceDB.for_folder(root).audit_log()
    assert len(log) == 40 and {entry.user for entry in log} == {f"user{i}" for i in range(8)}


def test_concurrent_turns_in_other_processes_never_lose_an_update(tmp_path):
    root = tmp_path / "shared"
    chat_turn(root, "start")
    script = textwrap.dedent(
        f"""
        from assistant.interview.commands import chat_turn
        for turn in range(6):
            chat_turn({str(root)!r}, "skip")
        """
    )
    workers = [subprocess.Popen([sys.executable, "-c", script]) for _ in range(3)]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0, 0]
    assert load_state(root).messages == 18


def test_a_crash_in_the_middle_of_a_write_leaves_the_last_good_state(tmp_path):
    root = tmp_path / "ws"
    chat_turn(root, "start")
    chat_turn(root, "Acme")
    before = load_profile(root)
    script = textwrap.dedent(
        f"""
        import os
        from assistant.interview.profile import InterviewStore, Profile
        with InterviewStore({str(root)!r}).locked() as held:
            held.save(profile=Profile())
            os._exit(9)  # the process dies before the transaction commits
        """
    )
    assert subprocess.run([sys.executable, "-c", script], timeout=60).returncode == 9
    assert load_profile(root) == before and before.get("company_name") == "Acme"


def test_an_error_inside_a_turn_rolls_everything_back(tmp_path):
    root = tmp_path / "ws"
    chat_turn(root, "start")
    try:
        with InterviewStore(root).locked() as held:
            held.profile.set("company_name", "text", "Half", 1, "Half")
            held.save(audit=("alice", "interview turn", "x"))
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert load_profile(root).slots == {}
    assert WorkspaceDB.for_folder(root).audit_log() == []


def test_a_read_inside_a_turn_sees_the_last_commit_and_never_waits_for_the_turn(tmp_path):
    """A turn that answers a question back reads the profile again while it holds the write
    lock: the read takes no lock (it used to wait for itself until the busy timeout)."""
    root = tmp_path / "ws"
    chat_turn(root, "Hi, Dana here from Kestrel Mutual.")
    with InterviewStore(root).locked() as held:
        held.profile.set("company_name", "text", "Changed", 2, "Changed")
        held.save(audit=("alice", "interview turn", "x"))
        assert load_profile(root).get("company_name") == "Kestrel Mutual"  # not yet committed
    assert load_profile(root).get("company_name") == "Changed"


def test_concurrent_ingests_keep_every_document(make_workspace, tmp_path):
    first, second = make_workspace("same"), make_workspace("same")  # two objects, one folder
    files = []
    for index in range(6):
        path = tmp_path / f"vendor{index}.md"
        path.write_text(f"# Vendor {index}\n\nVendor {index} speaks {index + 1} tongues.\n")
        files.append(path)
    threads = [
        threading.Thread(target=space.ingest, args=(files[i::2],))
        for i, space in enumerate((first, second))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    reopened = make_workspace("same")
    assert sorted(reopened.catalog.records) == [f"vendor{i}.md" for i in range(6)]


def test_concurrent_file_updates_never_lose_one(tmp_path):
    """8 visitors each add a name to one stored file at once (as the user's vendor names)."""
    db = WorkspaceDB.for_folder(tmp_path / "ws")

    def add(index: int) -> None:
        with db.file_for_update("names.json") as (data, connection):
            names = json.loads(data) if data else {}
            names[f"vendor {index}"] = f"Vendor {index} Ltd"
            db.put_file("names.json", json.dumps(names).encode(), connection)

    assert _errors_in_threads(add, 8) == []
    assert sorted(json.loads(db.file("names.json"))) == sorted(f"vendor {i}" for i in range(8))


def _errors_in_threads(work, count: int) -> list[BaseException]:
    """Run work(0) … work(count - 1) in threads at once; what any of them raised."""
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            work(index)
        except BaseException as exc:  # noqa: BLE001 - returned for the caller's assertion
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
