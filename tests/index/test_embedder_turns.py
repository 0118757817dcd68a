"""The app's turn-taking embedder: same vectors as the model, and a question waits one slice."""

from __future__ import annotations

import threading
import time

import numpy as np

from assistant.index.embedder import TurnTakingEmbedder


def _texts(count: int) -> list[str]:
    """Texts of varied lengths, so that sorting by length changes their order."""
    return [f"clause {i}: " + "service level credit " * (i * 7 % 11 + 1) for i in range(count)]


def test_vectors_come_back_in_the_callers_order(embedder):
    texts = _texts(40)
    turns = TurnTakingEmbedder(slice_size=16, model=embedder)
    vectors = turns.embed(texts)
    assert vectors.shape == (40, embedder.dimension)
    np.testing.assert_allclose(vectors, embedder.embed(texts), atol=1e-4)
    assert turns.embed([]).shape == (0, embedder.dimension)


class _SliceLog:
    """The real model, noting the size of each call; B's question arrives during A's first."""

    def __init__(self, model, question: str) -> None:
        self.model, self.question = model, question
        self.turns = TurnTakingEmbedder(slice_size=16, model=self)
        self.sizes: list[int] = []
        self.question_thread: threading.Thread | None = None

    def embed(self, texts: list[str]) -> np.ndarray:
        self.sizes.append(len(texts))
        if self.question_thread is None:
            self.question_thread = threading.Thread(
                target=self.turns.embed, args=([self.question],)
            )
            self.question_thread.start()
            while self.turns._next_ticket < 2:  # B holds the next ticket before A goes on
                time.sleep(0.001)
        return self.model.embed(texts)


def test_a_question_waits_for_one_slice_of_a_long_ingest(embedder):
    log = _SliceLog(embedder, "What is the hourly rate?")
    log.turns.embed(_texts(64))
    log.question_thread.join(timeout=60)
    assert log.sizes == [16, 1, 16, 16, 16]
