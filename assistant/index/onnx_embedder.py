"""all-MiniLM-L6-v2 run by ONNX Runtime from the export made at setup (no torch on this path)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_NAME = "all-MiniLM-L6-v2"
# The files of the sentence-transformers model that say how to tokenise, pool and normalise.
CONFIG_FILES = (
    "tokenizer.json",
    "modules.json",
    "sentence_bert_config.json",
    "1_Pooling/config.json",
)
ONNX_FILES = {"onnx-fp32": "model.onnx", "onnx-int8": "model-int8.onnx"}
# int8 dynamic quantisation scales activations per call, so a text's vector would depend on
# the other texts of its batch: int8 runs one text per call (padding-free, about as fast).
BATCH_SIZES = {"onnx-fp32": 8, "onnx-int8": 1}
MANIFEST = "manifest.json"
NORMALIZE = "sentence_transformers.models.Normalize"


def export_dir(install_dir: Path) -> Path:
    """The folder of the ONNX export inside an installation directory."""
    return install_dir / "models" / MODEL_NAME


@dataclass(frozen=True)
class Pipeline:
    """What the model's own config says about max length, pooling and normalisation."""

    max_length: int
    pooling: str
    normalize: bool

    @classmethod
    def read(cls, folder: Path) -> Pipeline:
        """Read sentence_bert_config.json, 1_Pooling/config.json and modules.json."""
        sbert = json.loads((folder / "sentence_bert_config.json").read_text())
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
        modules = json.loads((folder / "modules.json").read_text())
        modes = [key for key, on in pooling.items() if key.startswith("pooling_mode_") and on]
        if modes not in (["pooling_mode_mean_tokens"], ["pooling_mode_cls_token"]):
            raise ValueError(f"unsupported pooling {modes} in {folder}")
        return cls(
            max_length=int(sbert["max_seq_length"]),
            pooling=modes[0].removeprefix("pooling_mode_"),
            normalize=any(module["type"] == NORMALIZE for module in modules),
        )

    def pool(self, hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Sentence vectors from token states: masked mean (or CLS), then unit length."""
        if self.pooling == "cls_token":
            vectors = hidden[:, 0]
        else:
            weights = mask[..., None].astype(np.float32)
            counts = np.clip(weights.sum(axis=1), 1e-9, None)  # sentence-transformers' clamp
            vectors = (hidden * weights).sum(axis=1) / counts
        if self.normalize:  # torch.nn.functional.normalize: x / max(||x||, 1e-12)
            vectors = vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
        return vectors.astype(np.float32, copy=False)


def available(install_dir: Path, variant: str) -> bool:
    """Whether the export holds this variant and the config files it needs."""
    folder = export_dir(install_dir)
    needed = [MANIFEST, ONNX_FILES[variant], *CONFIG_FILES]
    return all((folder / name).is_file() for name in needed)


class OnnxEmbedder:
    """Unit vectors from the ONNX export; the tokenizer comes from the `tokenizers` package."""

    def __init__(
        self, folder: Path, variant: str = "onnx-int8", batch_size: int | None = None
    ) -> None:
        """Load the export in `folder` (see `export_dir`)."""
        import onnxruntime
        from tokenizers import Tokenizer

        self.name = f"{MODEL_NAME}/{variant}"
        self.batch_size = batch_size or BATCH_SIZES[variant]
        self.pipeline = Pipeline.read(folder)
        manifest = json.loads((folder / MANIFEST).read_text())
        self.dimension = int(manifest["dimension"])
        self.source = manifest["source"]  # which packaged weights the export was made from
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # tokenizer.json ships with fixed padding to 128 and truncation at 128; the model's
        # sentence-transformers config says 256 and pads to the longest text of a batch.
        self._tokenizer.enable_truncation(max_length=self.pipeline.max_length)
        self._tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(
            str(folder / ONNX_FILES[variant]), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {item.name for item in self._session.get_inputs()}

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        encodings = self._tokenizer.encode_batch(list(texts))
        order = np.argsort([len(e.ids) for e in encodings], kind="stable")  # little padding
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._run([encodings[i] for i in rows])
        return out

    def _run(self, encodings) -> np.ndarray:
        """One padded batch through the network, pooled."""
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
        return self.pipeline.pool(hidden, mask)
