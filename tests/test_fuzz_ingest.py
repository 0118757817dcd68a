"""The ingest fuzzer (bench/fuzz_ingest.py) on a small corpus: limits hold, the batch survives."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "bench" / "fuzz_ingest.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("fuzz_ingest", FUZZ)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def quick(fuzz) -> dict:
    """The mutations that make small files fast to read."""
    return {"pdf": [fuzz.truncate, fuzz.bit_flips],
            "docx": [fuzz.truncate, fuzz.docx_entry_mutation]}


def test_every_mutation_makes_a_file_and_each_read_is_bounded(fuzz, quick, tmp_path):
    corpus = fuzz.make_corpus(tmp_path, 9, seed=7, mutations=quick)
    assert len(corpus) == 9 and {path.suffix for path, _ in corpus} == {".pdf", ".docx"}
    for path, _mutation in corpus:
        start = time.perf_counter()
        outcome, detail, _seconds = fuzz.read_limited(path)
        assert outcome in {"ok", "rejected", "crash", "timeout", "memory"} and detail
        assert time.perf_counter() - start < fuzz.TIME_LIMIT_S + 5


def test_a_child_over_its_memory_limit_is_reported_not_fatal(fuzz, tmp_path, monkeypatch):
    monkeypatch.setattr(fuzz, "MEMORY_LIMIT", 48 * 2**20)  # below what the reader needs
    path = tmp_path / "small.pdf"
    path.write_bytes(fuzz.pdf_huge_page(b"", __import__("random").Random(1)))
    outcome, _detail, _seconds = fuzz.read_limited(path)
    assert outcome in {"memory", "crash", "rejected"}


def test_the_workspace_takes_the_whole_mutated_batch_and_still_answers(
    fuzz, quick, tmp_path, embedder, monkeypatch
):
    from assistant.index import embedder as embedder_module

    monkeypatch.setattr(embedder_module, "shared_embedder", lambda *_args, **_kwargs: embedder)
    corpus = fuzz.make_corpus(tmp_path, 9, seed=11, mutations=quick)
    rng = __import__("random").Random(3)
    docx = fuzz._docx_seed()
    for name, data in (("deep.pdf", fuzz.pdf_deep_nesting(b"", rng)),
                       ("bomb.docx", fuzz.docx_zip_bomb(docx, rng)),
                       ("nested.docx", fuzz.docx_deep_nesting(docx, rng))):
        (tmp_path / name).write_bytes(data)
        corpus.append((tmp_path / name, name))
    result = fuzz.workspace_survives([path for path, _ in corpus], tmp_path / "ws")
    assert result["batch"] == 13 and result["ingested"] >= 1
    assert result["answered"] and result["cited_anchor"], result["answer"]
