"""The bench runs end to end on a small corpus and reports consistent figures (not timed)."""

from __future__ import annotations

import json

import pytest

from evals.bench import bench_questions, build_corpus, run_bench, vary_proposal


def test_varied_proposals_differ_and_keep_the_new_vendor():
    """A generated copy names the new vendor only and does not repeat the sample's text."""
    import random

    from assistant.samples.render import proposal_sources, read_source

    path = proposal_sources()[0]
    source = read_source(path)
    text = path.read_text(encoding="utf-8")
    copy = vary_proposal(text, source.vendor, "Zelkora Partners", random.Random(1))
    assert copy.startswith("# Zelkora Partners")
    assert source.vendor.split()[0] not in copy
    assert copy != text.replace(source.vendor, "Zelkora Partners")


def test_generated_corpus_reaches_the_page_count(tmp_path):
    """Enough proposals are rendered to hold the pages asked for, each a real PDF."""
    from pypdf import PdfReader

    paths = build_corpus(tmp_path, 20)
    assert sum(len(PdfReader(p).pages) for p in paths) >= 20
    assert len({p.name for p in paths}) == len(paths)


def test_questions_mix_single_and_cross_vendor():
    """Forty questions, most naming one vendor, some naming none."""
    vendors = ["Rinykel Customer Care", "Keltorri BPO", "Quaselsel Contact Solutions"]
    questions = bench_questions(vendors)
    assert len(questions) == 40
    named = [q for q in questions if any(v.split()[0] in q for v in vendors)]
    assert 20 <= len(named) < len(questions)


@pytest.mark.slow
def test_run_bench_reports_consistent_figures(capsys):
    """One JSON object whose figures are present, positive and consistent."""
    run_bench(pages=40, as_json=True)
    report = json.loads(capsys.readouterr().out)
    samples, generated = report["corpora"]["samples"], report["corpora"]["generated"]
    assert generated["pages"] >= 40
    for figures in (samples, generated):
        assert figures["failed_files"] == 0
        assert figures["chunks"] > figures["pages"] / 2
        for key in (
            "ingest_pages_per_s",
            "ingest_chunks_per_s",
            "embed_chunks_per_s",
            "ingest_to_bound_ratio",
            "ask_p50_ms",
            "cli_ask_seconds",
            "peak_rss_mb",
            "cli_peak_rss_mb",
        ):
            assert figures[key] > 0, key
        assert figures["ask_max_ms"] >= figures["ask_p95_ms"] >= figures["ask_p50_ms"]
        assert figures["questions"] == 40
        assert figures["cli_ask_ok"] and figures["cli_advice_ok"]
        assert figures["cli_advice_seconds"] > 0 and figures["matrix_seconds"] > 0
    assert generated["peak_rss_mb"] >= samples["peak_rss_mb"]
    startup = report["startup"]
    assert startup["first_page_ok"] and startup["first_page_seconds"] > 0
    assert set(startup["embed_chunks_per_s"]) == {"onnx-fp32", "onnx-int8"}
    assert all(rate > 0 for rate in startup["embed_chunks_per_s"].values())
    assert report["growth"] == []
    assert {c["figure"] for c in report["checks"]} >= {"ingest/bound ratio", "ask p95 ms"}
    assert report["passed"] == all(c["passed"] for c in report["checks"])


def test_corpus_with_few_vendors_gives_each_several_documents(tmp_path):
    from pypdf import PdfReader

    paths = build_corpus(tmp_path, 30, vendors=2)
    titles = {
        PdfReader(p).metadata.title or PdfReader(p).pages[0].extract_text()[:20] for p in paths
    }
    assert len(paths) >= 4 and len({p.name for p in paths}) == len(paths)
    assert len({p.name.split("-")[0] for p in paths}) == 2, titles


@pytest.mark.slow
def test_growth_measures_each_step(tmp_path, embedder):
    from assistant.progress import no_progress
    from assistant.settings import Settings
    from evals.bench_scale import grow, growth_table

    corpus = build_corpus(tmp_path / "corpus", 30, vendors=3)
    settings = Settings(workspace=tmp_path / "unused")
    points = grow(corpus, tmp_path, embedder, settings, (10, 30), no_progress)
    assert [p.pages >= step for p, step in zip(points, (10, 30), strict=True)] == [True, True]
    assert points[0].pages < points[1].pages and points[1].vendors == 3
    assert points[1].ingest_seconds > points[0].ingest_seconds > 0
    assert all(p.cli_ask_ok and p.ask_p95_ms >= p.ask_p50_ms > 0 for p in points)
    assert "ask p95 ms" in growth_table(points)
