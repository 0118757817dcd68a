"""Tables built once per installation: stored, read back, rebuilt when their key changes."""

from __future__ import annotations

import json

import pytest

from assistant.install_cache import built_once, cache_key


@pytest.fixture
def install_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PROCURE_INSTALL_DIR", str(tmp_path))
    return tmp_path


def counting_builder(table):
    calls = []

    def build():
        calls.append(1)
        return table

    return build, calls


def test_a_table_is_built_once_and_read_back(install_dir):
    build, calls = counting_builder({"Cork": ["Cork", [["country", "Ireland"]]]})
    first = built_once("places", cache_key("v1"), build)
    second = built_once("places", cache_key("v1"), build)
    assert first == second == {"Cork": ["Cork", [["country", "Ireland"]]]}
    assert len(calls) == 1
    assert len(list((install_dir / "cache").glob("places-*.json"))) == 1


def test_decode_restores_the_tables_own_types(install_dir):
    def decode(data):
        return {k: (v[0], tuple(tuple(p) for p in v[1])) for k, v in data.items()}

    build, _ = counting_builder({"Cork": ("Cork", (("country", "Ireland"),))})
    built_once("places", cache_key("v1"), build, decode)
    assert built_once("places", cache_key("v1"), build, decode) == {
        "Cork": ("Cork", (("country", "Ireland"),))
    }


def test_a_new_key_rebuilds_and_drops_the_old_copy(install_dir):
    build_old, _ = counting_builder({"a": 1})
    build_new, calls = counting_builder({"a": 2})
    built_once("places", cache_key("v1"), build_old)
    assert built_once("places", cache_key("v2"), build_new) == {"a": 2}
    assert len(calls) == 1
    stored = list((install_dir / "cache").glob("places-*.json"))
    assert [p.name for p in stored] == [f"places-{cache_key('v2')}.json"]


def test_other_tables_keep_their_copies(install_dir):
    built_once("places", cache_key("v1"), lambda: {"a": 1})
    built_once("places-extra", cache_key("v1"), lambda: {"b": 2})
    built_once("places", cache_key("v2"), lambda: {"a": 3})
    names = {p.name for p in (install_dir / "cache").glob("*.json")}
    assert names == {f"places-{cache_key('v2')}.json", f"places-extra-{cache_key('v1')}.json"}


def test_a_corrupt_copy_is_rebuilt(install_dir, caplog):
    key = cache_key("v1")
    (install_dir / "cache").mkdir()
    (install_dir / "cache" / f"places-{key}.json").write_text('{"a": ', encoding="utf-8")
    build, calls = counting_builder({"a": 1})
    assert built_once("places", key, build) == {"a": 1}
    assert calls and "unreadable" in caplog.text
    assert json.loads((install_dir / "cache" / f"places-{key}.json").read_text()) == {"a": 1}


def test_install_folder_not_a_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PROCURE_INSTALL_DIR", str(blocker))
    build, calls = counting_builder({"a": 1})
    assert built_once("places", cache_key("v1"), build) == {"a": 1}
    assert len(calls) == 1
