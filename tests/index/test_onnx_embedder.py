"""The ONNX export gives sentence-transformers' vectors, without torch on the ask path."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.index.embedder import MiniLMEmbeddings, load_embedder
from assistant.index.export import FP32_TOLERANCE, export_is_current, export_model
from assistant.index.onnx_embedder import OnnxEmbedder, Pipeline, export_dir
from assistant.settings import Settings

# Varied on purpose: one word, questions, tables, other scripts, numbers, an empty text,
# and one far past the 256-token limit (where truncation must match).
TEXTS = [
    "pilot",
    "What is Meridian's hourly rate for English voice support?",
    "Which vendors hold a SOC 2 Type II report, and since when?",
    "English voice | USD 28.50 per productive hour | USD 14.20 per productive hour",
    "Service level: 80% of calls answered within 20 seconds, measured per half hour.",
    "Le prestataire s'engage à un taux de résolution au premier contact de 75 %.",
    "Unsere Agenten sprechen Deutsch, Französisch und Italienisch; Kündigung mit 90 Tagen Frist.",
    "コールセンターの応対品質を毎月報告します。",
    "",
    "   ",
    "Termination for convenience: " + "either party may terminate on notice. " * 80,
    "ISO 27001, PCI DSS v4.0, HIPAA BAA, GDPR Art. 28 DPA, SOC 2 Type II (2025-03-31).",
]


@pytest.fixture(scope="module")
def sentence_transformers_vectors() -> np.ndarray:
    """The reference: sentence-transformers itself (torch), as before the export."""
    return MiniLMEmbeddings().embed(TEXTS)


@pytest.fixture(scope="module")
def export_folder(tmp_path_factory) -> Path:
    """The installation's export when it is current, else one made here (real export)."""
    install = Settings.from_env().install_dir
    if not export_is_current(install):
        install = tmp_path_factory.mktemp("install")
        export_model(install)
    return export_dir(install)


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=1)


def test_fp32_export_matches_sentence_transformers(export_folder, sentence_transformers_vectors):
    vectors = OnnxEmbedder(export_folder, "onnx-fp32").embed(TEXTS)
    assert vectors.shape == sentence_transformers_vectors.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert _cosines(vectors, sentence_transformers_vectors).min() >= 1 - FP32_TOLERANCE


def test_fp32_vectors_do_not_depend_on_the_batch(export_folder):
    model = OnnxEmbedder(export_folder, "onnx-fp32", batch_size=32)
    together = model.embed(TEXTS)
    alone = np.concatenate([model.embed([text]) for text in TEXTS])
    assert _cosines(together, alone).min() >= 1 - 1e-5


def test_int8_is_close_and_one_text_per_call(export_folder, sentence_transformers_vectors):
    """int8 moves vectors a little (retrieval is re-measured by the QA eval); batching must
    not move them further, so a text embeds the same alone or among others."""
    model = OnnxEmbedder(export_folder, "onnx-int8")
    vectors = model.embed(TEXTS)
    cosines = _cosines(vectors, sentence_transformers_vectors)
    assert cosines.mean() >= 0.98 and cosines.min() >= 0.9
    np.testing.assert_allclose(model.embed(TEXTS[3:5]), vectors[3:5], atol=1e-6)


def test_pipeline_follows_the_model_config(export_folder):
    pipeline = Pipeline.read(export_folder)
    assert (pipeline.max_length, pipeline.pooling, pipeline.normalize) == (256, "mean_tokens", True)
    hidden = np.array([[[1.0, 0.0], [3.0, 4.0], [100.0, 100.0]]], dtype=np.float32)
    pooled = pipeline.pool(hidden, np.array([[1, 1, 0]]))  # the padded token is left out
    np.testing.assert_allclose(pooled, [[2 / np.hypot(2, 2), 2 / np.hypot(2, 2)]], rtol=1e-6)


def test_without_an_export_sentence_transformers_runs_and_says_so(tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="assistant.index.embedder"):
        model = load_embedder(tmp_path / "no-install", "onnx-int8")
    assert isinstance(model, MiniLMEmbeddings)
    assert "no ONNX export" in caplog.text and "procure setup" in caplog.text


def test_export_is_made_once_and_checked(tmp_path):
    manifest = export_model(tmp_path)
    folder = export_dir(tmp_path)
    assert manifest["distance"]["onnx-fp32"] <= FP32_TOLERANCE
    assert json.loads((folder / "manifest.json").read_text())["dimension"] == 384
    made = (folder / "model.onnx").stat().st_mtime_ns
    assert export_is_current(tmp_path)
    export_model(tmp_path)
    assert (folder / "model.onnx").stat().st_mtime_ns == made


_PROBE = """
import sys
from assistant.cli import main
main(sys.argv[1:])
heavy = sorted({m.split('.')[0] for m in sys.modules} & {
    'torch', 'sentence_transformers', 'transformers', 'gradio', 'langchain', 'langchain_core'})
print('HEAVY', heavy)
"""


def test_ask_imports_no_torch_gradio_or_langchain(sample_workspace, export_folder):
    """A fresh `procure ask` process, through the CLI, on the ONNX export."""
    env = {"PROCURE_INSTALL_DIR": str(export_folder.parent.parent), "PATH": "/usr/bin:/bin"}
    for question in (
        "What is Meridian's hourly rate for English voice?",
        "What should an SLA include?",
    ):
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _PROBE,
                "--workspace",
                str(sample_workspace.root),
                "ask",
                question,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=True,
        )
        assert "[1]" in done.stdout, done.stdout
        assert done.stdout.strip().endswith("HEAVY []"), done.stdout[-300:]
