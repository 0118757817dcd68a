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
    first, _ = guidance_index(tmp_path, load_guidance(), counting)
    statements = len(first.statements)
    assert counting.texts == statements > 199  # every note, in statements
    guidance._indexes.clear()  # what a new process starts with
    second, _ = guidance_index(tmp_path, load_guidance(), counting)
    assert counting.texts == statements
    np.testing.assert_array_equal(first._matrix, second._matrix)
    assert len(list((tmp_path / "guidance").glob("statement-vectors-*.npz"))) == 1


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
    statements = len(guidance_index(install, load_guidance(), counting)[0].statements)
    assert guidance_texts == statements
    building = [e for e in events if e[0] == guidance.BUILDING]
    assert building[0] == (guidance.BUILDING, 0, statements)
    assert building[-1] == (guidance.BUILDING, statements, statements)
