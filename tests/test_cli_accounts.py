"""The command line for users, sharing, the audit log, serve's refusal and length caps."""

from __future__ import annotations

import io
import json

import pytest

from assistant.cli import main

pytestmark = pytest.mark.backends  # the files and the servers (tests/conftest.py)


def _users(home, capsys, monkeypatch, *args, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--workspace", str(home), "users", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_users_add_list_remove(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    assert _users(home, capsys, monkeypatch, "list")[1].startswith("No users")
    code, out = _users(home, capsys, monkeypatch, "add", "alice", "--password-stdin",
                       stdin="correct horse battery\n")
    assert code == 0 and "added user alice" in out
    code, out = _users(home, capsys, monkeypatch, "add", "bob", "--password-stdin", stdin="short\n")
    assert code == 2 and "8 to 1024" in out
    code, out = _users(home, capsys, monkeypatch, "add", "Bob", "--password-stdin",
                       stdin="long enough\n")
    assert code == 2 and "lower-case letter" in out
    assert _users(home, capsys, monkeypatch, "list")[1].split() == ["alice"]
    from assistant.server.users import Users

    assert Users.for_home(home).authenticate("alice", "correct horse battery")
    assert _users(home, capsys, monkeypatch, "remove", "alice")[0] == 0
    assert _users(home, capsys, monkeypatch, "remove", "alice")[0] == 1


def test_share_and_workspaces(tmp_path, capsys, monkeypatch):
    home = tmp_path / "home"
    for name in ("alice", "bob"):
        _users(home, capsys, monkeypatch, "add", name, "--password-stdin", stdin="pass-word-1\n")
    from assistant.server.access import Access
    from assistant.state.server_db import ServerDB

    Access(home, ServerDB.for_home(home)).open_named("alice", "acme")
    assert main(["--workspace", str(home), "share", "alice/acme", "bob"]) == 0
    assert "now shared with bob" in capsys.readouterr().out
    assert main(["--workspace", str(home), "workspaces", "--user", "bob"]) == 0
    assert "alice/acme\towner=alice\tshared with=bob" in capsys.readouterr().out
    assert main(["--workspace", str(home), "share", "alice/acme", "carol"]) == 1
    assert "no user called 'carol'" in capsys.readouterr().err
    assert main(["--workspace", str(home), "share", "alice/acme", "bob", "--stop"]) == 0
    assert "no longer shared" in capsys.readouterr().out


def test_serve_refuses_to_listen_beyond_loopback_without_users(tmp_path, capsys):
    assert main(["--workspace", str(tmp_path / "home"), "serve", "--host", "0.0.0.0"]) == 2
    err = capsys.readouterr().err
    assert "Refusing to listen on 0.0.0.0" in err and "users add NAME" in err


def test_too_long_messages_and_questions_are_refused_and_change_nothing(tmp_path, capsys):
    ws = str(tmp_path / "ws")
    assert main(["--workspace", ws, "chat", "x" * 5000]) == 2
    assert "5,000 characters long; the limit is 4,000" in capsys.readouterr().err
    assert main(["--workspace", ws, "ask", "y" * 1200]) == 2
    assert "question is 1,200 characters" in capsys.readouterr().err
    assert main(["--workspace", ws, "audit", "--json"]) == 0
    assert capsys.readouterr().out == ""


def test_audit_lists_turns_with_their_user(tmp_path, capsys):
    ws = str(tmp_path / "ws")
    assert main(["--workspace", ws, "chat", "We are Acme"]) == 0
    capsys.readouterr()
    assert main(["--workspace", ws, "audit", "--json"]) == 0
    (entry,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert entry["action"] == "interview turn" and entry["user"].startswith("cli")
    assert "company_name" in entry["detail"] and entry["time"].endswith("+00:00")
