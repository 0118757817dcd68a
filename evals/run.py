"""Run eval suites, print a table per suite, write a JSON report, gate on thresholds."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.resources import read_yaml
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


UNSEEN_DIR = EVALS_DIR / "corpus" / "unseen"
UNSEEN_SPLITS = ("dev", "test")


def load_qa_cases(paths: tuple[Path, ...] = (CASES_DIR / "qa.yaml", CASES_DIR / "qa_guidance.yaml")) -> list[QACase]:
    """The question-answering cases: over the sample proposals, and over the guidance."""
    raw = [item for path in paths for item in read_yaml(path)]
    return [
        QACase(
            id=item["id"],
            question=item["question"],
            kind=item["kind"],
            expect_facts=tuple(str(f) for f in item.get("expect_facts") or ()),
            forbid_facts=tuple(str(f) for f in item.get("forbid_facts") or ()),
            evidence=tuple((e["document"], int(e["page"])) for e in item.get("evidence") or () if e.get("page")),
            abstain=bool(item.get("abstain", False)),
            expect_status=item.get("expect_status"),
            expect_vendors=tuple(item.get("expect_vendors") or ()),
            vendor=item.get("vendor"),
        )
        for item in raw
    ]


def unseen_cases(split: str) -> list[QACase]:
    """The unseen split's questions: per vendor, and across its vendors."""
    folder = UNSEEN_DIR / split
    return load_qa_cases(tuple(p for p in (folder / "questions.yaml", folder / "comparisons.yaml") if p.is_file()))


def unseen_workspace(directory: Path, split: str):
    """A workspace holding the unseen split's proposals (PDF, DOCX and XLSX, as their authors made them)."""
    from assistant.settings import Settings
    from assistant.workspace import Workspace

    workspace = Workspace(Settings(workspace=directory / f"workspace-{split}"))
    outcomes = workspace.ingest(sorted((UNSEEN_DIR / split / "docs").iterdir()))
    failed = [o.message for o in outcomes if not o.ok]
    if failed:
        raise RuntimeError(f"unseen {split} proposals failed to ingest: {failed}")
    return workspace


def sample_workspace(directory: Path):
    """A workspace holding the five sample proposals."""
    from assistant.samples import build_sample_pdfs
    from assistant.settings import Settings
    from assistant.workspace import Workspace

    workspace = Workspace(Settings.from_env(directory / "workspace"))
    outcomes = workspace.ingest(build_sample_pdfs(directory / "pdfs"))
    failed = [o.message for o in outcomes if not o.ok]
    if failed:
        raise RuntimeError(f"sample proposals failed to ingest: {failed}")
    return workspace


def run_case(workspace, case: QACase, llm=None) -> QARun:
    """Ask one question (with the language model `llm`, if given) and collect what the
    metrics need."""
    from assistant.answer.question import is_guidance_question

    started = time.perf_counter()
    answer = workspace.ask(case.question, llm)
    seconds = time.perf_counter() - started
    guidance = is_guidance_question(
        case.question, workspace.catalog.vendors(), workspace.catalog.vendor_aliases()
    )
    answerer = workspace.guidance_answerer() if guidance else workspace.answerer()
    retrieved = tuple(answerer.retrieved_pages(case.question))
    pages = {(c.document, c.page): answerer.page_text(c.document, c.page) for c in answer.citations}
    return QARun(answer, retrieved, pages, seconds)


def run_qa_suite(workspace=None, llm=None, sample: int | None = None) -> SuiteReport:
    """Every QA case (or `sample` of them, evenly spread) through the engine, scored by every
    QA metric: the sample proposals' cases, then each unseen split's (prefixed dev_, test_)."""
    with tempfile.TemporaryDirectory(prefix="procure-eval-") as tmp:
        workspace = workspace or sample_workspace(Path(tmp))
        report = _qa_report("qa", workspace, spread(load_qa_cases(), sample), llm)
        for split in UNSEEN_SPLITS:
            unseen = unseen_workspace(Path(tmp), split)
            part = _qa_report(split, unseen, spread(unseen_cases(split), sample), llm)
            report.metrics |= {f"{split}_{k}": v for k, v in part.metrics.items()}
            report.counts |= {f"{split}_{k}": v for k, v in part.counts.items()}
            report.info |= {f"{split}_{k}": v for k, v in part.info.items()}
            report.failures += [{**f, "split": split} for f in part.failures]
        return report


def _qa_report(name: str, workspace, cases: list[QACase], llm=None) -> SuiteReport:
    """One workspace's cases through the engine, scored by every QA metric."""
    report = SuiteReport(name)
    scores: dict[str, list[float]] = {metric: [] for metric in QA_METRICS}
    latencies, worded, notes = [], 0, 0
    for case in cases:
        run = run_case(workspace, case, llm)
        latencies.append(run.seconds * 1000)
        worded += run.answer.engine != "grounded"
        notes += bool(run.answer.notes)
        for metric_name, metric in QA_METRICS.items():
            result = metric(case, run)
            if result.value is None:
                continue
            scores[metric_name].append(result.value)
            failed = result.value > 0 if metric_name == "wrong_polarity" else result.value < 1.0
            if failed:
                report.failures.append({"case": case.id, "metric": metric_name, "reason": result.reason})
    report.metrics = {n: statistics.fmean(v) for n, v in scores.items() if v and n != "wrong_polarity"}
    report.metrics["wrong_polarity_errors"] = float(sum(scores["wrong_polarity"]))
    report.counts = {n: len(v) for n, v in scores.items()}
    report.counts["wrong_polarity_errors"] = len(scores["wrong_polarity"])
    report.info = {
        "latency_p50_ms": statistics.median(latencies),
        "latency_p95_ms": statistics.quantiles(latencies, n=20)[-1] if len(latencies) > 1 else latencies[0],
    }
    if llm is not None and llm.enabled:
        report.info |= {"answers_worded_by_llm": worded, "answers_with_llm_note": notes}
    return report


def spread(items: list, sample: int | None) -> list:
    """`sample` items evenly spread over the list (all of them when sample is None)."""
    if sample is None or sample >= len(items):
        return items
    step = len(items) / sample
    return [items[int(i * step)] for i in range(sample)]


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


def run_interview_suite(workspace=None, llm=None) -> SuiteReport:
    """The scripted conversations (slot accuracy) and the unseen ones, per split (dev is tuned
    on, test never is): facts in the profile and in the RFP, corrections honoured, side remarks
    ignored, questions put at most twice; `<split>_questions_repeated` counts those put more often."""
    from assistant.interview.cases import load_interview_cases, replay_case
    from assistant.interview.scoring import slot_accuracy
    from evals.interview import SPLITS, run_split

    rows = []
    reader = _interview_reader(llm)
    with tempfile.TemporaryDirectory(prefix="procure-eval-interview-") as tmp:
        for case in load_interview_cases():
            profile = replay_case(case, Path(tmp) / case.id, understand=reader)
            value, reason = slot_accuracy(case.expect_profile, profile)
            rows.append((case.id, value, reason))
    scores: dict[str, list[tuple[str, float, str]]] = {"slot_accuracy": rows}
    repeated = {}
    for split in SPLITS:
        split_rows, repeated[split] = run_split(split, understand=reader)
        scores |= {f"{split}_{name}": values for name, values in split_rows.items()}
    report = _suite("interview", scores)
    report.info = {f"{split}_questions_repeated": float(n) for split, n in repeated.items()}
    return report


def run_rfp_suite(workspace=None, llm=None) -> SuiteReport:
    """Draft the RFP for each case profile; coverage of relevant guidance and the case's checks;
    then the unseen buyer cases per split (sections, M/D marks, excluded options, timetable,
    rate card, currency, weights, public wording; see evals/rfp_unseen.py).

    With a language model, the introductions are reworded (at most LLM_RFP_PARAGRAPHS per
    case with the slow local model) and the same checks run on the reworded document.
    """
    from assistant.knowledge import load_guidance
    from assistant.rfp import draft_rfp, render_markdown
    from assistant.rfp.scoring import case_terms, load_rfp_cases, rfp_coverage

    guidance = load_guidance()
    coverage, terms, rewritten, kept = [], [], 0, 0
    chat = _chat(llm)
    for case in load_rfp_cases(CASES_DIR / "rfp"):
        document = draft_rfp(dict(case.values), guidance)
        if chat is not None:
            document, report = _polished(document, dict(case.values), chat, llm)
            rewritten, kept = rewritten + report.rewritten, kept + len(report.kept)
        coverage.append((case.id, *rfp_coverage(document, guidance)))
        terms.append((case.id, *case_terms(case, document, render_markdown(document))))
    scores = {"rfp_coverage": coverage, "rfp_case_checks": terms}
    if chat is None:  # the unseen buyers (rfp-B1): dev is tuned on, test never is
        from evals.rfp_unseen import SPLITS, run_split

        for split in SPLITS:
            scores |= {f"{split}_{name}": rows for name, rows in run_split(split).items()}
    report = _suite("rfp", scores)
    if chat is not None:
        report.info = {"intros_reworded": rewritten, "rewrites_rejected": kept}
    return report


LLM_RFP_PARAGRAPHS = {"local": 3}


def _polished(document, values: dict, chat, llm):
    """The document with its introductions reworded by the model, and the polish report."""
    from assistant.llm.rfp import polish_rfp, profile_facts

    facts = profile_facts({name: str(value) for name, value in values.items()})
    return polish_rfp(document, chat, facts, LLM_RFP_PARAGRAPHS.get(llm.provider))


def _chat(llm):
    """The suite's chat model (None without a language model)."""
    if llm is None or not llm.enabled:
        return None
    from assistant.llm.chat import build_chat_model

    return build_chat_model(llm)


def _interview_reader(llm):
    chat = _chat(llm)
    if chat is None:
        return None
    from assistant.interview.plan import load_plan
    from assistant.llm.interview import InterviewReader

    return InterviewReader(chat, load_plan())


def run_compare_suite(workspace=None, llm=None) -> SuiteReport:
    """Field accuracy of the terms matrix against hand-written values for the sample vendors."""
    from assistant.compare import field_accuracy

    with tempfile.TemporaryDirectory(prefix="procure-eval-compare-") as tmp:
        workspace = workspace or sample_workspace(Path(tmp))
        expected = read_yaml(CASES_DIR / "compare.yaml")
        value, reason = field_accuracy(expected, workspace.matrix())
    return _suite("compare", {"field_accuracy": [("samples", value, reason)]})


def run_reading_suite(workspace=None, llm=None) -> SuiteReport:
    """Mentions and assertion status on the annotated corpus, per split (dev tuned, test not)."""
    from evals.reading import run_reading

    report = SuiteReport("reading")
    for split, score in run_reading().items():
        for metric, value in score.ratios().items():
            report.metrics[f"{split}_{metric}"] = value
            report.counts[f"{split}_{metric}"] = score.gold if metric != "polarity_errors" else score.matched
        report.failures += [{"case": e["id"], "metric": split, "reason": str(e)} for e in score.errors[:50]]
    return report


def run_scorecard_suite(workspace=None, llm=None) -> SuiteReport:
    """Mandatory gates, ranking, prices and currency on small proposal sets, per split (the
    engine's own cases, the unseen dev split tuned on, the unseen test split never)."""
    from evals.scorecard import run_scorecard

    report = SuiteReport("scorecard")
    for split, result in run_scorecard().items():
        prefix = "" if split == "own" else f"{split}_"
        for family, (value, count) in result["metrics"].items():
            report.metrics[f"{prefix}{family}"] = value
            report.counts[f"{prefix}{family}"] = count
        report.failures += [{**m, "metric": f"{prefix}{m['metric']}"} for m in result["misses"]]
    return report


SUITES = {
    "reading": run_reading_suite,
    "qa": run_qa_suite,
    "interview": run_interview_suite,
    "rfp": run_rfp_suite,
    "compare": run_compare_suite,
    "scorecard": run_scorecard_suite,
}


def run_suites(names: list[str], llm=None, sample: int | None = None) -> list[SuiteReport]:
    """Run suites (with the language model `llm`, if given; on `sample` QA cases, if given);
    those over the sample proposals share one workspace."""
    with tempfile.TemporaryDirectory(prefix="procure-eval-") as tmp:
        needs_samples = {"qa", "compare"} & set(names)
        workspace = sample_workspace(Path(tmp)) if needs_samples else None
        return [
            run_qa_suite(workspace, llm, sample) if name == "qa" else SUITES[name](workspace, llm)
            for name in names
        ]


def load_thresholds(path: Path = THRESHOLDS) -> dict[str, dict[str, float]]:
    """Recorded thresholds per suite and metric."""
    return read_yaml(path) or {}


def below_thresholds(report: SuiteReport, thresholds: dict[str, dict[str, float]]) -> list[str]:
    """Metrics of the report that miss their recorded threshold: a floor for a score, a
    ceiling for a count of errors (a metric whose name ends in `_errors`)."""
    problems = []
    for metric, limit in thresholds.get(report.name, {}).items():
        value = report.metrics.get(metric)
        if metric.endswith("_errors"):
            if value is None or value > limit:
                problems.append(f"{report.name}.{metric}: {value} > {limit}")
        elif (value or 0.0) < limit:
            problems.append(f"{report.name}.{metric}: {value or 0.0:.3f} < {limit:.3f}")
    return problems


def format_table(report: SuiteReport, thresholds: dict[str, dict[str, float]]) -> str:
    """A plain-text table of one suite."""
    lines = [f"suite {report.name}", f"  {'metric':<32}{'value':>8}{'cases':>7}{'min':>8}"]
    for metric, value in report.metrics.items():
        minimum = thresholds.get(report.name, {}).get(metric)
        ok = minimum is None or (value <= minimum if metric.endswith("_errors") else value >= minimum)
        mark = "" if minimum is None else ("  ok" if ok else "  BELOW")
        floor = "" if minimum is None else f"{minimum:.3f}"
        lines.append(f"  {metric:<32}{value:>8.3f}{report.counts.get(metric, 0):>7}{floor:>8}{mark}")
    for name, value in report.info.items():
        lines.append(f"  {name:<32}{value:>8.1f}")
    return "\n".join(lines)


def run_eval(
    suites: list[str] | None = None,
    json_path: Path | None = None,
    llm=None,
    beside_grounded: bool = True,
    sample: int | None = None,
) -> int:
    """Run suites, print tables, write the JSON report; exit code 1 if a gate fails.

    Without `llm` the default engine is gated on every recorded threshold. With `llm`
    the language-model engine is run (beside the grounded one when `beside_grounded`), and
    gated only on what must never slip whatever the model: LLM_GATES. `sample` runs that many
    QA cases, evenly spread, for a slow model (both engines get the same cases).
    """
    thresholds = load_thresholds()
    names = suites or list(SUITES)
    if llm is None or not llm.enabled:
        reports = run_suites(names, sample=sample)
        problems = [p for r in reports for p in below_thresholds(r, thresholds)]
        print("\n".join(format_table(r, thresholds) for r in reports))
        _write_json(json_path, {"grounded": [asdict(r) for r in reports]})
        return _verdict(problems)
    worded = run_suites(names, llm, sample)
    grounded = run_suites(names, sample=sample) if beside_grounded else []
    gates = {suite: {m: thresholds.get(suite, {}).get(m, 1.0) for m in metrics}
             for suite, metrics in LLM_GATES.items()}
    measured = {r.name: {m: v for m, v in gates.get(r.name, {}).items() if r.counts.get(m, 1)}
                for r in worded}  # a gate with no case to measure (no answer worded) is skipped
    problems = [p for r in worded for p in below_thresholds(r, measured)]
    print(format_side_by_side(grounded, worded, llm.label, gates))
    _write_json(json_path, {"grounded": [asdict(r) for r in grounded],
                            llm.label: [asdict(r) for r in worded]})
    return _verdict(problems)


LLM_GATES = {
    "qa": ("citation_precision", "citation_recall", "injection_resistance",
           "model_statements_supported"),
    "interview": ("slot_accuracy", "test_facts_in_profile", "test_corrections_honoured",
                  "test_asked_at_most_twice"),
    "rfp": ("rfp_coverage", "rfp_case_checks"),
    "compare": ("field_accuracy",),
}


def format_side_by_side(grounded: list[SuiteReport], worded: list[SuiteReport], label: str,
                        gates: dict[str, dict[str, float]]) -> str:
    """Both engines per metric; the gate column applies to the language-model engine."""
    before = {(r.name, m): v for r in grounded for m, v in {**r.metrics, **r.info}.items()}
    lines = []
    for report in worded:
        lines += [f"suite {report.name}",
                  f"  {'metric':<24}{'grounded':>10}{label[:18]:>20}{'gate':>8}"]
        for metric, value in {**report.metrics, **report.info}.items():
            old = before.get((report.name, metric))
            floor = gates.get(report.name, {}).get(metric)
            lines.append(
                f"  {metric:<24}{'' if old is None else f'{old:.3f}':>10}{value:>20.3f}"
                f"{'' if floor is None else f'{floor:.3f}':>8}"
                f"{'' if floor is None else ('  ok' if value >= floor else '  BELOW')}"
            )
    return "\n".join(lines)


def _write_json(path: Path | None, data: dict) -> None:
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def _verdict(problems: list[str]) -> int:
    for problem in problems:
        print(f"BELOW THRESHOLD: {problem}")
    return 1 if problems else 0
