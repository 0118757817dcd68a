"""Where shared state lives: workspace ids, Chroma collection names, the servers' settings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.state.backends import chroma_server, collection_name, workspace_id
from tests.servers import missing

CHROMA_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,510}[A-Za-z0-9]")


def test_a_server_workspace_has_the_same_id_whatever_its_home(tmp_path):
    one = tmp_path / "machine-1" / "home" / "named" / "alice" / "acme"
    two = Path("/srv/procure/named/alice/acme")
    assert workspace_id(one) == workspace_id(two) == "named:alice/acme"
    session = tmp_path / "sessions" / "0123456789abcdef"
    assert workspace_id(session) == "session:0123456789abcdef"


def test_other_folders_are_known_by_their_absolute_path(tmp_path):
    assert workspace_id(tmp_path / "ws") == f"path:{(tmp_path / 'ws').resolve()}"
    assert workspace_id(tmp_path / "sessions" / "not-hex") != workspace_id(tmp_path / "not-hex")


@pytest.mark.parametrize("workspace", [
    "named:alice/acme", "session:0123456789abcdef", "path:/a/b", "path:/" + "x" * 600, "::", "é/ü",
])
def test_collection_names_follow_chromas_rules(workspace):
    for kind in ("chunks", "statements"):
        name = collection_name(workspace, kind)
        assert CHROMA_NAME.fullmatch(name) and ".." not in name and name.endswith(kind)


def test_distinct_workspaces_never_share_a_collection():
    # the same slug once punctuation is folded, yet two workspaces
    assert collection_name("named:a/b-c", "chunks") != collection_name("named:a-b/c", "chunks")


def test_the_chroma_url_names_host_port_tenant_and_database(monkeypatch):
    monkeypatch.delenv("PROCURE_CHROMA_URL", raising=False)
    assert chroma_server() is None
    monkeypatch.setenv("PROCURE_CHROMA_URL", "https://vectors.example:9443")
    monkeypatch.setenv("PROCURE_CHROMA_DATABASE", "team-a")
    server = chroma_server()
    assert (server.host, server.port, server.ssl) == ("vectors.example", 9443, True)
    assert (server.tenant, server.database) == ("procure", "team-a")


def test_missing_servers_fail_where_they_are_required_and_skip_elsewhere(monkeypatch):
    monkeypatch.setenv("PROCURE_TEST_SERVERS", "required")
    with pytest.raises(pytest.fail.Exception):
        missing("no PostgreSQL")
    monkeypatch.setenv("PROCURE_TEST_SERVERS", "optional")
    with pytest.raises(pytest.skip.Exception):
        missing("no PostgreSQL")
