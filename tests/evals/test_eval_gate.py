"""CI holds the line: every eval metric stays at or above its recorded threshold."""

from __future__ import annotations

import pytest

from assistant.models import Answer, Citation
from evals.metrics import MetricResult, QACase, QARun, answer_correctness, citation_recall
from evals.run import SUITES, below_thresholds, format_table, load_thresholds, run_qa_suite


@pytest.fixture(scope="module")
def qa_report(sample_workspace):
    return run_qa_suite(sample_workspace)


def test_qa_metrics_hold_their_thresholds(qa_report):
    thresholds = load_thresholds()
    print(format_table(qa_report, thresholds))
    assert set(thresholds["qa"]) <= set(qa_report.metrics)
    assert below_thresholds(qa_report, thresholds) == []


@pytest.mark.parametrize("suite", ["reading", "interview", "rfp", "compare", "scorecard"])
def test_other_suites_hold_their_thresholds(suite, sample_workspace):
    thresholds = load_thresholds()
    report = SUITES[suite](sample_workspace)
    print(format_table(report, thresholds))
    assert set(thresholds[suite]) <= set(report.metrics)
    assert below_thresholds(report, thresholds) == [], report.failures


def test_thresholds_are_real_floors():
    """A threshold of zero would gate nothing."""
    for suite, metrics in load_thresholds().items():
        for metric, minimum in metrics.items():
            if metric.endswith("_errors"):
                assert minimum >= 0, f"{suite}.{metric}={minimum}"  # a ceiling on a count
            else:
                assert 0.5 <= minimum <= 1.0, f"{suite}.{metric}={minimum}"


def test_metrics_score_a_wrong_answer_as_wrong():
    case = QACase("x", "What is the rate?", "lookup", ("28.50",), ("14.20",), (("a.pdf", 6),))
    cited = Citation(1, "a.pdf", "A", 6, "Voice USD 14.20")
    wrong = QARun(Answer("q", "A: Voice USD 14.20. [1] Also 9.99.", False, (cited,)), (("a.pdf", 6),))
    assert answer_correctness(case, wrong).value == 0.0
    assert citation_recall(case, wrong) == MetricResult(0.5, "1/2 cited")


def test_guidance_cases_point_at_real_items():
    from assistant.knowledge import load_guidance
    from evals.run import CASES_DIR, load_qa_cases

    base = load_guidance()
    cases = [c for c in load_qa_cases((CASES_DIR / "qa_guidance.yaml",))]
    assert len(cases) >= 5
    for case in cases:
        for document, _page in case.evidence:
            item = base.get(document)
            assert item is not None, document
            for fact in case.expect_facts:
                assert fact.lower() in item.as_text().lower(), (case.id, fact)
