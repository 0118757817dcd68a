"""Users, ownership, sharing, caps and clean-up over a real server home (SQLite, argon2)."""

from __future__ import annotations

import os
import time

import pytest

from assistant.server.access import Access, AccessError, Limits
from assistant.server.http import Cleaner, check_bind, is_loopback
from assistant.server.users import UserError, Users
from assistant.state.server_db import ServerDB

pytestmark = pytest.mark.backends  # the files and the servers (tests/conftest.py)


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


@pytest.fixture
def users(home):
    users = Users.for_home(home)
    users.add("alice", "alice-password")
    users.add("bob", "bob-password")
    return users


@pytest.fixture
def access(home, users):
    return Access(home, ServerDB.for_home(home), Limits(sessions_per_user=2, workspaces_per_user=2))


def test_passwords_are_argon2_hashes_and_checked(home, users):
    stored = ServerDB.for_home(home).user_hash("alice")
    assert stored.startswith("$argon2id$") and "alice-password" not in stored
    assert users.authenticate("alice", "alice-password")
    assert not users.authenticate("alice", "bob-password")
    assert not users.authenticate("nobody", "alice-password")
    assert not users.authenticate("alice", "x" * 5000)
    assert users.names() == ["alice", "bob"] and users.any()
    assert users.add("alice", "a-new-password") is False
    assert users.authenticate("alice", "a-new-password")
    assert users.remove("bob") and not users.remove("bob") and users.names() == ["alice"]


@pytest.mark.parametrize("name", ["", "Alice", "1x", "local", "a b", "x" * 33, "../x"])
def test_bad_user_names_are_refused_with_a_reason(users, name):
    with pytest.raises(UserError, match="starts with a lower-case letter"):
        users.add(name, "long-enough")


def test_short_passwords_are_refused(users):
    with pytest.raises(UserError, match="8 to 1024"):
        users.add("carol", "short")


def test_named_workspaces_are_private_until_shared(access):
    acme = access.open_named("alice", "acme")
    assert acme.path.is_dir() and acme.key == "named:alice/acme"
    with pytest.raises(AccessError, match="yours or shared with you"):
        access.open_named("bob", "alice/acme")
    with pytest.raises(AccessError):
        access.check("bob", acme.key)
    bobs = access.open_named("bob", "acme")  # the same name is bob's own, another folder
    assert bobs.path != acme.path and access.listing("bob") == [bobs]

    access.open_named("alice", "secret")
    assert access.share("alice", acme.key, "bob")
    assert [ref.label("bob") for ref in access.listing("bob")] == ["acme", "alice/acme"]
    assert access.open_named("bob", "alice/acme").path == acme.path
    with pytest.raises(AccessError):
        access.open_named("bob", "alice/secret")  # exactly the shared one
    with pytest.raises(AccessError, match="Only the owner"):
        access.share("bob", acme.key, "bob")
    assert access.unshare("alice", acme.key, "bob")
    with pytest.raises(AccessError):
        access.check("bob", acme.key)


def test_sessions_belong_to_their_user_and_are_capped(access):
    first = access.new_session("alice")
    assert access.remembered("alice", first.key) == first
    assert access.remembered("bob", first.key) is None
    with pytest.raises(AccessError):
        access.check("bob", first.key)
    with pytest.raises(AccessError):
        access.share("alice", first.key, "bob")  # sessions are never shared
    second, third = access.new_session("alice"), access.new_session("alice")
    assert not first.path.exists() and second.path.is_dir() and third.path.is_dir()
    for bad in (None, 42, "", "session:../x", f"session:{first.name}", "named:../../etc"):
        assert access.remembered("alice", bad) is None


def test_named_workspaces_per_user_are_capped_with_a_clear_message(access):
    access.open_named("alice", "one")
    access.open_named("alice", "two")
    with pytest.raises(AccessError, match="2 named workspaces, the most allowed"):
        access.open_named("alice", "three")
    assert access.open_named("alice", "one").name == "one"  # opening an existing one is fine


@pytest.mark.parametrize("bad", ["../etc", "a b", "x/y/z", "é", "a" * 65, ""])
def test_malformed_workspace_names_are_refused(access, bad):
    with pytest.raises(AccessError, match="letters, digits, - and _"):
        access.open_named("alice", bad)


def test_cleanup_deletes_expired_sessions_and_exports_only(access):
    old, fresh = access.new_session("alice"), access.new_session("bob")
    acme = access.open_named("alice", "acme")
    token, folder = access.export_folder(acme)
    (folder / "rfp.md").write_text("x")
    url = access.offer(acme, token, folder / "rfp.md")
    assert url == f"download/{token}/rfp.md" and "/" + str(acme.path) not in url
    (folder / "rfp.docx").write_text("y")
    access.offer(acme, token, folder / "rfp.docx")  # two files, one folder
    assert access.exported_file("alice", token, "rfp.md") == folder / "rfp.md"
    assert access.exported_file("alice", token, "rfp.docx") == folder / "rfp.docx"
    assert access.exported_file("alice", token, "other.md") is None
    assert access.exported_file("bob", token, "rfp.md") is None
    stray = acme.path / "exports" / "left-by-a-crash"
    stray.mkdir()
    os.utime(stray, (0, 0))

    later = time.time() + access.limits.export_ttl_s + 1
    cleaned = access.cleanup(now=later)
    assert cleaned.sessions == [] and cleaned.exports == 2
    assert not folder.exists() and not stray.exists() and acme.path.is_dir()

    access.db.touch(fresh.key)
    cleaned = access.cleanup(now=time.time() + access.limits.session_days * 86400 + 1)
    assert set(cleaned.sessions) == {old.path, fresh.path} and not old.path.exists()


def test_the_cleaner_runs_periodically_not_only_at_start():
    calls = []
    cleaner = Cleaner(lambda: calls.append(time.time()), interval_s=0.05).start()
    deadline = time.time() + 10
    while len(calls) < 3 and time.time() < deadline:
        time.sleep(0.02)
    cleaner.stop()
    assert len(calls) >= 3


def test_legacy_named_workspaces_become_the_local_users(home, access):
    legacy = home / "named" / "old-rfp"
    legacy.mkdir(parents=True)
    (legacy / "profile.json").write_text("{}")
    assert access.adopt_legacy_named() == ["old-rfp"]
    ref = access.open_named("local", "old-rfp", create=False)
    assert (ref.path / "profile.json").is_file() and not legacy.exists()


def test_binding_beyond_loopback_needs_users(home, tmp_path):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
    empty = Users.for_home(tmp_path / "empty")
    check_bind("127.0.0.1", empty, "H")
    with pytest.raises(SystemExit, match="users add NAME"):
        check_bind("0.0.0.0", empty, "H")
    Users.for_home(home).add("alice", "alice-password")
    check_bind("0.0.0.0", Users.for_home(home), "H")
