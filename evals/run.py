"""Run eval suites, print a table per suite, write a JSON report, gate on thresholds."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from evals.metrics import QA_METRICS, QACase, QARun

EVALS_DIR = Path(__file__).resolve().parent
CASES_DIR = EVALS_DIR / "cases"
THRESHOLDS = EVALS_DIR / "thresholds.yaml"


@dataclass
class SuiteReport:
    """Mean of each metric over the cases it applies to, and the failing cases."""

    name: str
    metrics: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    info: dict[str, float] = field(default_factory=dict)
    failures: list[dict] = field(default_factory=list)


def load_qa_cases(paths: tuple[Path, ...] = (CASES_DIR / "qa.yaml", CASES_DIR / "qa_guidance.yaml")) -> list[QACase]:
    """The question-answering cases: over the sample proposals, and over the guidance."""
    raw = [item for path in paths for item in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return [
        QACase(
            id=item["id"],
            question=item["question"],
            kind=item["kind"],
            expect_facts=tuple(item.get("expect_facts") or ()),
            forbid_facts=tuple(item.get("forbid_facts") or ()),
            evidence=tuple((e["document"], int(e["page"])) for e in item.get("evidence") or ()),
            abstain=bool(item.get("abstain", False)),
        )
        for item in raw
    ]


def sample_workspace(directory: Path):
    """A workspace holding the five sample proposals."""
    from assistant.samples import build_sample_pdfs
    from assistant.settings import Settings
    from assistant.workspace import Workspace

    workspace = Workspace(Settings(workspace=directory / "workspace"))
    outcomes = workspace.ingest(build_sample_pdfs(directory / "pdfs"))
    failed = [o.message for o in outcomes if not o.ok]
    if failed:
        raise RuntimeError(f"sample proposals failed to ingest: {failed}")
    return workspace


def run_case(workspace, case: QACase) -> QARun:
    """Ask one question and collect what the metrics need."""
    from assistant.answer.question import is_guidance_question, plan_question

    started = time.perf_counter()
    answer = workspace.ask(case.question)
    seconds = time.perf_counter() - started
    guidance = is_guidance_question(case.question, workspace.catalog.vendors())
    answerer = workspace.guidance_answerer() if guidance else workspace.answerer()
    plan = plan_question(case.question, answerer.vendors)
    retrieved = tuple(
        (hit.chunk.document, hit.chunk.page) for hits in answerer.retrieve(plan).values() for hit in hits
    )
    pages = {(c.document, c.page): answerer.page_text(c.document, c.page) for c in answer.citations}
    return QARun(answer, retrieved, pages, seconds)


def run_qa_suite(workspace=None) -> SuiteReport:
    """Every QA case through the engine, scored by every QA metric."""
    with tempfile.TemporaryDirectory(prefix="procure-eval-") as tmp:
        workspace = workspace or sample_workspace(Path(tmp))
        report = SuiteReport("qa")
        scores: dict[str, list[float]] = {name: [] for name in QA_METRICS}
        latencies = []
        for case in load_qa_cases():
            run = run_case(workspace, case)
            latencies.append(run.seconds * 1000)
            for name, metric in QA_METRICS.items():
                result = metric(case, run)
                if result.value is None:
                    continue
                scores[name].append(result.value)
                if result.value < 1.0:
                    report.failures.append({"case": case.id, "metric": name, "reason": result.reason})
        report.metrics = {n: statistics.fmean(v) for n, v in scores.items() if v}
        report.counts = {n: len(v) for n, v in scores.items()}
        report.info = {
            "latency_p50_ms": statistics.median(latencies),
            "latency_p95_ms": statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0],
        }
        return report


def _suite(name: str, scores: dict[str, list[tuple[str, float, str]]]) -> SuiteReport:
    """A report from (case id, value, reason) triples per metric."""
    report = SuiteReport(name)
    for metric, rows in scores.items():
        report.metrics[metric] = statistics.fmean(value for _, value, _ in rows) if rows else 0.0
        report.counts[metric] = len(rows)
        report.failures += [
            {"case": case, "metric": metric, "reason": reason} for case, value, reason in rows if value < 1.0
        ]
    return report


def run_interview_suite(workspace=None) -> SuiteReport:
    """Replay each scripted buyer conversation; slot accuracy against the expected profile."""
    from assistant.interview.cases import load_interview_cases, replay_case
    from assistant.interview.scoring import slot_accuracy

    rows = []
    with tempfile.TemporaryDirectory(prefix="procure-eval-interview-") as tmp:
        for case in load_interview_cases():
            profile = replay_case(case, Path(tmp) / case.id)
            value, reason = slot_accuracy(case.expect_profile, profile)
            rows.append((case.id, value, reason))
    return _suite("interview", {"slot_accuracy": rows})


def run_rfp_suite(workspace=None) -> SuiteReport:
    """Draft the RFP for each case profile; coverage of relevant guidance and the case's checks."""
    from assistant.knowledge import load_guidance
    from assistant.rfp import draft_rfp, render_markdown
    from assistant.rfp.scoring import case_terms, load_rfp_cases, rfp_coverage

    guidance = load_guidance()
    coverage, terms = [], []
    for case in load_rfp_cases(CASES_DIR / "rfp"):
        document = draft_rfp(dict(case.values), guidance)
        coverage.append((case.id, *rfp_coverage(document, guidance)))
        terms.append((case.id, *case_terms(case, document, render_markdown(document))))
    return _suite("rfp", {"rfp_coverage": coverage, "rfp_case_checks": terms})


def run_compare_suite(workspace=None) -> SuiteReport:
    """Field accuracy of the terms matrix against hand-written values for the sample vendors."""
    from assistant.compare import field_accuracy

    with tempfile.TemporaryDirectory(prefix="procure-eval-compare-") as tmp:
        workspace = workspace or sample_workspace(Path(tmp))
        expected = yaml.safe_load((CASES_DIR / "compare.yaml").read_text(encoding="utf-8"))
        value, reason = field_accuracy(expected, workspace.matrix())
    return _suite("compare", {"field_accuracy": [("samples", value, reason)]})


SUITES = {
    "qa": run_qa_suite,
    "interview": run_interview_suite,
    "rfp": run_rfp_suite,
    "compare": run_compare_suite,
}


def run_suites(names: list[str]) -> list[SuiteReport]:
    """Run suites; those over the sample proposals share one workspace."""
    with tempfile.TemporaryDirectory(prefix="procure-eval-") as tmp:
        needs_samples = {"qa", "compare"} & set(names)
        workspace = sample_workspace(Path(tmp)) if needs_samples else None
        return [SUITES[name](workspace) for name in names]


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, dict[str, float]]:
    """Recorded thresholds per suite and metric."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def below_thresholds(report: SuiteReport, thresholds: dict[str, dict[str, float]]) -> list[str]:
    """Metrics of the report that fall below their recorded threshold."""
    return [
        f"{report.name}.{metric}: {report.metrics.get(metric, 0.0):.3f} < {minimum:.3f}"
        for metric, minimum in thresholds.get(report.name, {}).items()
        if report.metrics.get(metric, 0.0) < minimum
    ]


def format_table(report: SuiteReport, thresholds: dict[str, dict[str, float]]) -> str:
    """A plain-text table of one suite."""
    lines = [f"suite {report.name}", f"  {'metric':<24}{'value':>8}{'cases':>7}{'min':>8}"]
    for metric, value in report.metrics.items():
        minimum = thresholds.get(report.name, {}).get(metric)
        mark = "" if minimum is None else ("  ok" if value >= minimum else "  BELOW")
        floor = "" if minimum is None else f"{minimum:.3f}"
        lines.append(f"  {metric:<24}{value:>8.3f}{report.counts.get(metric, 0):>7}{floor:>8}{mark}")
    for name, value in report.info.items():
        lines.append(f"  {name:<24}{value:>8.1f}")
    return "\n".join(lines)


def run_eval(suites: list[str] | None = None, json_path: Path | None = None) -> int:
    """Run suites, print tables, write the JSON report; exit code 1 if any metric is below its floor."""
    thresholds = load_thresholds()
    reports = run_suites(suites or list(SUITES))
    problems = []
    for report in reports:
        print(format_table(report, thresholds))
        problems += below_thresholds(report, thresholds)
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps([asdict(r) for r in reports], indent=2), encoding="utf-8")
    for problem in problems:
        print(f"BELOW THRESHOLD: {problem}")
    return 1 if problems else 0
