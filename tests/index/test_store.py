"""The vector store: the same answers from a workspace's Chroma folder and a Chroma server."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.index.store import copy_vectors, drop_vectors, open_store
from assistant.models import Chunk

pytestmark = pytest.mark.backends  # the files and the servers (tests/conftest.py)


def _chunks(vendor: str, count: int) -> list[Chunk]:
    return [Chunk(f"{vendor}-{i}", f"{vendor}.pdf", vendor, i + 1, 0, 5, f"text {i}", ())
            for i in range(count)]


def _vectors(count: int, seed: int) -> np.ndarray:
    rows = np.random.default_rng(seed).normal(size=(count, 8)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_queries_filter_by_vendor_and_rank_by_cosine(tmp_path):
    store = open_store(tmp_path / "ws")
    atlas, lumen = _chunks("atlas", 5), _chunks("lumen", 5)
    vectors = _vectors(10, seed=1)
    store.add(atlas + lumen, vectors)
    assert store.count() == 10
    best = store.query(vectors[7], k=3)
    assert best[0][0] == "lumen-2" and best[0][1] == pytest.approx(1.0, abs=1e-4)
    assert [score for _, score in best] == sorted((score for _, score in best), reverse=True)
    only_atlas = store.query(vectors[7], k=10, vendors=["atlas"])
    assert {cid for cid, _ in only_atlas} == {c.id for c in atlas}
    store.delete_document("atlas.pdf")
    assert store.count() == 5 and store.vectors_of(["atlas-0", "lumen-0"]).keys() == {"lumen-0"}


def test_vectors_copy_to_another_workspace_and_are_dropped_with_it(tmp_path, backend):
    source, target = tmp_path / "seed", tmp_path / "session"
    chunks = _chunks("atlas", 4)
    open_store(source).add(chunks, _vectors(4, seed=2))
    copy_vectors(source, target)
    if backend == "files":  # folders are copied by the caller (app_views.copy_documents)
        assert open_store(target).count() == 0
        return
    assert open_store(target).count() == 4
    drop_vectors(target)
    assert open_store(target).count() == 0 and open_store(source).count() == 4
