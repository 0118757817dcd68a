"""Fixtures for the comparison tests: real catalogs built from text pages, and the sample matrix."""

from __future__ import annotations

import pytest

from assistant.index.catalog import Catalog
from assistant.ingest import load_document
from assistant.settings import Settings


@pytest.fixture
def text_catalog(tmp_path):
    """Ingest hand-written proposals (name -> page texts) into a real catalog, no embedder."""

    def make(documents: dict[str, list[str]], vendors: dict[str, str] | None = None) -> Catalog:
        catalog = Catalog(tmp_path / "documents")
        settings = Settings(workspace=tmp_path / "ws")
        for name, pages in documents.items():
            path = tmp_path / name
            path.write_text("\f".join(pages), encoding="utf-8")
            catalog.add(
                load_document(path, settings, (vendors or {}).get(name, name.split(".")[0].title()))
            )
        return catalog

    return make


@pytest.fixture(scope="session")
def sample_matrix(sample_workspace):
    """The terms matrix of the five sample proposals."""
    from assistant.compare import build_matrix

    return build_matrix(sample_workspace.catalog)
