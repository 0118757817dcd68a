"""The guidance notes are embedded once per installation, not once per workspace."""

from __future__ import annotations

import numpy as np

from assistant.index import guidance
from assistant.index.guidance import guidance_index
from assistant.knowledge import load_guidance


class CountingEmbedder:
    """The real model, counting the texts it is given."""

    def __init__(self, model) -> None:
        self.model, self.texts = model, 0
        self.name = getattr(model, "name", "model")

    def embed(self, texts):
        self.texts += len(texts)
        return self.model.embed(texts)


def test_a_second_process_reads_the_installations_vectors(tmp_path, embedder):
    counting = CountingEmbedder(embedder)
    first = guidance_index(tmp_path, load_guidance(), counting)
    assert counting.texts == len(first.chunks) == 199
    guidance._indexes.clear()  # what a new process starts with
    second = guidance_index(tmp_path, load_guidance(), counting)
    assert counting.texts == 199
    np.testing.assert_array_equal(first.store.vectors, second.store.vectors)
    assert len(list((tmp_path / "guidance").glob("vectors-*.npz"))) == 1


def test_workspaces_share_the_guidance_index(tmp_path, embedder):
    from assistant.settings import Settings
    from assistant.workspace import Workspace

    counting = CountingEmbedder(embedder)
    install = tmp_path / "install"
    events = []
    for name in ("one", "two"):
        settings = Settings(workspace=tmp_path / name, install_dir=install)
        space = Workspace(settings, embedder=counting, progress=lambda *e: events.append(e))
        answer = space.ask("What should an SLA include?")
        assert answer.citations and answer.citations[0].source == "guidance"
        assert not (tmp_path / name / "guidance.json").exists()
    guidance_texts = counting.texts - 2  # one query each
    assert guidance_texts == 199
    assert events[-1] == (guidance.BUILDING, 199, 199)
    assert [e for e in events if e[0] == guidance.BUILDING][0] == (guidance.BUILDING, 0, 199)


def test_array_store_ranks_by_cosine_within_vendors():
    from assistant.index.array_store import ArrayStore

    vectors = np.array([[1, 0], [0.6, 0.8], [0, 1]], dtype=np.float32)
    store = ArrayStore(["a", "b", "c"], ["X", "X", "Y"], vectors)
    assert [i for i, _ in store.query(np.array([1.0, 0.0]), 3)] == ["a", "b", "c"]
    assert store.query(np.array([0.0, 1.0]), 1, ["X"]) == [("b", np.float32(0.8))]
    assert store.count() == 3
