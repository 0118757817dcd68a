"""Shared fixtures: real PDFs, the real embedding model (once), real Chroma stores in tmp dirs."""

from __future__ import annotations

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
