"""Shared fixtures: real PDFs, the real embedding model (once), real Chroma stores in tmp dirs."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from assistant.settings import Settings, quiet_third_parties

quiet_third_parties()

SHARED = Path(__file__).resolve().parents[2] / "shared"
PDF_SAMPLES = SHARED / "pdf-samples"


@pytest.fixture(autouse=True)
def _data_dir_in_tmp(tmp_path, monkeypatch):
    """No test touches the real per-user data directory."""
    monkeypatch.setenv("PROCURE_HOME", str(tmp_path / "procure-home"))


BACKENDS = ("files", "servers")
_DATABASES = itertools.count()


def pytest_generate_tests(metafunc):
    """Tests marked `backends` run on the default files and on PostgreSQL + Chroma server."""
    if metafunc.definition.get_closest_marker("backends"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture(scope="session")
def team_servers():
    """A throwaway PostgreSQL and Chroma server for the whole session (started on first use)."""
    from tests.servers import Servers, chroma, postgres

    with postgres() as postgres_url, chroma() as chroma_url:
        yield Servers(postgres_url, chroma_url)


@pytest.fixture(autouse=True)
def backend(request, monkeypatch):
    """'files' (the default), or 'servers': the state in a new PostgreSQL database of its own,
    the vectors on the Chroma server (collections named after the test's folders)."""
    kind = getattr(request, "param", "files")
    if kind != "servers":
        yield kind
        return
    from tests.servers import fresh_database

    servers = request.getfixturevalue("team_servers")
    with fresh_database(servers.postgres_url, f"test_{os.getpid()}_{next(_DATABASES)}") as url:
        monkeypatch.setenv("PROCURE_DATABASE_URL", url)
        monkeypatch.setenv("PROCURE_CHROMA_URL", servers.chroma_url)
        yield kind


@pytest.fixture(scope="session")
def embedder():
    """The real all-MiniLM-L6-v2 model, loaded once per test session."""
    from assistant.index.embedder import shared_embedder

    settings = Settings.from_env()
    return shared_embedder(settings.install_dir, settings.embedding)


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory) -> dict[str, Path]:
    """Our five sample vendor proposals as real PDFs, by file name."""
    from assistant.samples import build_sample_pdfs

    paths = build_sample_pdfs(tmp_path_factory.mktemp("samples"))
    return {path.name: path for path in paths}


@pytest.fixture(scope="session")
def sample_workspace(tmp_path_factory, embedder, sample_pdfs):
    """A workspace holding every sample proposal (shared: tests must not change it)."""
    from assistant.workspace import Workspace

    workspace = Workspace(Settings(workspace=tmp_path_factory.mktemp("ws")), embedder=embedder)
    outcomes = workspace.ingest(sorted(sample_pdfs.values()))
    assert all(outcome.ok for outcome in outcomes), [o.message for o in outcomes]
    return workspace


@pytest.fixture
def make_workspace(tmp_path, embedder):
    """A fresh, empty workspace in its own directory."""
    from assistant.workspace import Workspace

    def make(name: str = "ws", **overrides) -> Workspace:
        return Workspace(Settings(workspace=tmp_path / name, **overrides), embedder=embedder)

    return make


def pytest_report_header(config):
    return f"shared samples: {PDF_SAMPLES} ({'present' if PDF_SAMPLES.is_dir() else 'missing'}); cpu={os.cpu_count()}"
