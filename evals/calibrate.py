"""Fit the answer engine's scoring model on the development split, and only on it.

    python -m evals.calibrate            # fit, print dev figures, rewrite knowledge/answer/scoring.yaml
    python -m evals.calibrate --dry-run  # fit and print, write nothing

Every candidate statement the engine considers for a dev question is a training row: its
features (assistant/answer/evidence.py) and whether it answers (it stands on one of the case's
evidence pages and holds one of its expected facts; nothing answers an unanswerable case). A
pairwise logistic regression learns the ranking, Platt scaling makes its score a probability;
the abstention threshold and the runner-up ratio are then chosen by running the dev cases
through the engine's own selection and composition.
The choice maximises answer correctness plus abstention accuracy plus a utility that puts
precision first: a right answer or a right 'not
stated' scores 1, a wrong answer (or an answer where the proposals are silent) costs 1, and a
'not stated' where the answer was there scores 0. The test split is never read here.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import yaml

from assistant.answer.evidence import FEATURES, RANKING_FEATURES, SCORING_PATH, Evidence, Scoring, with_lead
from evals.metrics import QACase, QARun, abstention_accuracy, answer_correctness
from evals.run import CASES_DIR, load_qa_cases, sample_workspace, unseen_cases, unseen_workspace

SPLIT = "dev"
THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.04, 0.9, 0.02))
RUNNER_UPS = (0.7, 0.8, 0.9, 0.95, 1.01)


def answers(candidate: Evidence, case: QACase) -> bool:
    """Whether a candidate answers the case: on an evidence page, holding an expected fact."""
    if case.abstain or (candidate.document, candidate.page) not in set(case.evidence):
        return False
    text = candidate.quote.lower()
    return any(fact.lower() in text for fact in case.expect_facts)


# The direction each feature may push: more of the question said, closer in meaning, the asked
# kind of value, qualifiers named can only help; contradicted or missing qualifiers, scraps and
# pointers can only hurt. A fit on a small development set may not learn the opposite.
SIGNS = {
    "coverage": 1, "context_coverage": 1, "similarity": 1, "kind_present": 1, "kind_missing": -1,
    "qualifier_agrees": 1, "qualifier_conflicts": -1, "qualifier_missing": -1, "rarest_missing": -1,
    "absent_from_vendor": -1, "table_cell": 0, "scrap": -1, "keyword": 1, "pointer": -1,
    "qualifier_shared": -1, "lead": 1,
}  # fmt: skip


def logistic_fit(x: np.ndarray, y: np.ndarray, signs: list[int], intercept: bool, l2: float = 1.0):
    """L2-regularised logistic regression with sign constraints on the weights (L-BFGS-B)."""
    from scipy.optimize import minimize

    n, k = x.shape
    weight = np.where(y == 1, 0.5 * n / max(1, y.sum()), 0.5 * n / max(1, n - y.sum()))  # balanced

    def loss(theta):
        w, b = theta[:k], (theta[k] if intercept else 0.0)
        z = x @ w + b
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        value = -np.sum(weight * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))) / n
        gradient_z = weight * (p - y) / n
        grad = np.concatenate([x.T @ gradient_z + l2 * w / n, [gradient_z.sum()] if intercept else []])
        return value + 0.5 * l2 * (w @ w) / n, grad

    bounds = [(0, None) if sign > 0 else (None, 0) if sign < 0 else (None, None) for sign in signs]
    bounds += [(None, None)] if intercept else []
    theta = minimize(loss, np.zeros(k + intercept), jac=True, method="L-BFGS-B", bounds=bounds).x
    return theta[:k], (float(theta[k]) if intercept else 0.0)


def fit(groups: list[tuple[list[dict[str, float]], list[int]]]) -> tuple[dict[str, float], float]:
    """Weights and bias in two steps: a pairwise logistic regression learns to rank each
    answering candidate above the others of its question and vendor; then Platt scaling of
    that ranking score over every candidate turns it into a probability of answering."""
    def vector(row: dict[str, float]) -> np.ndarray:
        return np.array([row[name] for name in RANKING_FEATURES])

    differences, targets = [], []
    for rows, labels in groups:
        positives = [vector(r) for r, y in zip(rows, labels, strict=True) if y]
        negatives = [vector(r) for r, y in zip(rows, labels, strict=True) if not y]
        for p in positives:
            for n in negatives:
                differences += [p - n, n - p]
                targets += [1, 0]
    direction, _ = logistic_fit(np.array(differences), np.array(targets), [SIGNS[f] for f in RANKING_FEATURES],
                                False)
    scores = np.array([[vector(r) @ direction] for rows, _ in groups for r in rows])
    labels = np.array([y for _, ys in groups for y in ys])
    (scale,), bias = logistic_fit(scores, labels, [1], True)
    scale = float(scale)
    weights = {name: round(float(w) * scale, 3) for name, w in zip(RANKING_FEATURES, direction, strict=True)}
    return weights, round(float(bias), 3)


def fit_confidence(tops: list[tuple[dict[str, float], int]]) -> tuple[dict[str, float], float]:
    """How likely the best-ranked candidate is a right answer: a logistic regression over
    the best candidate of each single-vendor question."""
    x = np.array([[row[n] for n in FEATURES] for row, _ in tops])
    y = np.array([label for _, label in tops])
    weights, bias = logistic_fit(x, y, [SIGNS[f] for f in FEATURES], True)
    return {n: round(float(w), 3) for n, w in zip(FEATURES, weights, strict=True)}, round(float(bias), 3)


def _rescored(ranked: dict[str, list[Evidence]], model: Scoring) -> dict[str, list[Evidence]]:
    return {
        vendor: with_lead(sorted((replace(e, score=model.probability(e.features)) for e in found),
                                 key=lambda e: -e.score))
        for vendor, found in ranked.items()
    }


def evaluate(workspace, cases: list[QACase], model: Scoring, cached: dict) -> dict[str, float]:
    """Correctness, abstention accuracy and utility with this model (matrix answers as they are)."""
    from assistant.answer.grounded import Gathered

    answerer = workspace.answerer()
    correct, abstained, utility = [], [], []
    original, answerer.model = answerer.model, model  # the engine's own selection, this model
    try:
        for case in cases:
            kind, value = cached[case.id]
            if kind == "fixed":
                answer = value
            else:
                plan, ranked = value
                ranked = _rescored(ranked, model)
                found = {v: answerer.select(plan, r) for v, r in ranked.items()}
                answer = answerer.compose(Gathered(plan, found, ranked))
            run = QARun(answer, ())
            if (result := answer_correctness(case, run)).value is not None:
                correct.append(result.value)
            abstained.append(abstention_accuracy(case, run).value)
            utility.append(_utility(case, run))
    finally:
        answerer.model = original
    return {"answer_correctness": statistics.fmean(correct), "abstention_accuracy": statistics.fmean(abstained),
            "utility": statistics.fmean(utility)}


def _utility(case: QACase, run: QARun) -> float:
    """1 for a right answer or a right 'not stated', -1 for a wrong answer or an answer where
    the proposals are silent, 0 for a 'not stated' where they were not."""
    if case.abstain:
        return 1.0 if run.answer.abstained else -1.0
    if run.answer.abstained:
        return 0.0
    return 1.0 if answer_correctness(case, run).value else -1.0


def _cache(workspace, cases: list[QACase]) -> dict:
    """Per case: the matrix's fixed answer, or the engine's plan and every scored candidate."""
    from assistant.answer.question import is_guidance_question
    from assistant.compare import matrix_answer

    answerer = workspace.answerer()
    cached = {}
    for case in cases:
        if is_guidance_question(case.question, answerer.vendors, answerer.aliases):
            cached[case.id] = ("fixed", workspace.ask(case.question))
        elif (fixed := matrix_answer(workspace.matrix(), case.question)) is not None:
            cached[case.id] = ("fixed", fixed)
        else:
            plan = answerer.plan(case.question)
            cached[case.id] = ("grounded", (plan, answerer.rank(plan)))
    return cached


def _tops(cached: dict, by_id: dict[str, QACase], ranking: Scoring) -> list[tuple[dict[str, float], int]]:
    """The best candidate under the ranking of each single-vendor question, and whether it
    answers (questions across vendors are left out: which vendor should answer is not known)."""
    tops = []
    for case_id, (kind, value) in cached.items():
        if kind != "grounded" or len(value[1]) != 1:
            continue
        found = _rescored(value[1], ranking)[next(iter(value[1]))]
        if found:
            best = found[0]
            tops.append((best.features, int(answers(best, by_id[case_id]))))
    return tops


@dataclass
class DevSet:
    """One development workspace, its cases, and what the engine made of each."""

    name: str
    workspace: object
    cases: list[QACase]
    cached: dict

    @property
    def by_id(self) -> dict[str, QACase]:
        return {c.id: c for c in self.cases}


def dev_sets(directory: Path) -> list[DevSet]:
    """The unseen corpus's dev split, and the questions over our five sample proposals (both
    are ours to tune on; the unseen test split is not)."""
    sets = []
    for name, workspace, cases in (
        (SPLIT, unseen_workspace(directory, SPLIT), unseen_cases(SPLIT)),
        ("samples", sample_workspace(directory), load_qa_cases((CASES_DIR / "qa.yaml",))),
    ):
        sets.append(DevSet(name, workspace, cases, _cache(workspace, cases)))
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print the fit, write nothing")
    parser.add_argument("--workdir", type=Path, help="keep the dev workspaces here (faster reruns)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="procure-calibrate-") as tmp:
        sets = dev_sets(args.workdir or Path(tmp))
        groups = [
            ([c.features for c in found], [int(answers(c, dev.by_id[case_id])) for c in found])
            for dev in sets for case_id, (kind, value) in dev.cached.items() if kind == "grounded"
            for found in value[1].values() if found
        ]
        weights, bias = fit(groups)
        ranking = Scoring(weights, bias, {}, 0.0, 0.0, 1.0)
        tops = [top for dev in sets for top in _tops(dev.cached, dev.by_id, ranking)]
        confidence, confidence_bias = fit_confidence(tops)
        rows = sum(len(g[0]) for g in groups)
        cases = sum(len(dev.cases) for dev in sets)
        print(f"{rows} candidates, {sum(sum(g[1]) for g in groups)} answering, from {cases} cases")
        best = None
        for threshold in THRESHOLDS:
            for runner_up in RUNNER_UPS:
                model = Scoring(weights, bias, confidence, confidence_bias, threshold, runner_up)
                figures = {dev.name: evaluate(dev.workspace, dev.cases, model, dev.cached) for dev in sets}
                total = sum(sum(f.values()) * len(dev.cases) for dev, f in zip(sets, figures.values(), strict=True))
                if best is None or total > best[0] + 1e-9:
                    best = (total, model, figures)
        _, model, figures = best
        print("weights", weights, "bias", bias)
        print("confidence", confidence, "bias", confidence_bias, f"({len(tops)} best candidates)")
        print(f"threshold {model.threshold} runner_up {model.runner_up}: {figures}")
        if not args.dry_run:
            write(model, figures, cases, rows)
    return 0


def write(model: Scoring, figures: dict[str, dict[str, float]], cases: int, rows: int) -> None:
    """Rewrite knowledge/answer/scoring.yaml with the fitted model and where it came from."""
    header = (
        "# How likely a statement answers a question: a logistic model over the features of\n"
        "# assistant/answer/evidence.py. Written by `python -m evals.calibrate`, fitted on the\n"
        f"# {SPLIT} split of evals/corpus/unseen and the sample-proposal cases ({cases} cases,\n"
        f"# {rows} candidate statements, {datetime.date.today().isoformat()}); the test split is never\n"
        "# used to fit it. Figures at fit time:\n"
        + "".join(f"#   {name}: {', '.join(f'{k} {v:.3f}' for k, v in f.items())}\n" for name, f in figures.items())
    )
    body = {"weights": model.weights, "bias": model.bias, "confidence": model.confidence,
            "confidence_bias": model.confidence_bias, "threshold": model.threshold,
            "runner_up": model.runner_up}
    SCORING_PATH.write_text(header + yaml.safe_dump(body, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
