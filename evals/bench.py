"""Speed and memory bench: ingestion against its embedding bound, ask latency, cold CLI, peak RSS.

Two corpora: the five sample proposals, and a generated corpus of at least `pages` pages made by
rendering varied copies of the samples (new vendor names, jittered figures, shuffled sections)
with the samples' own renderer into a temporary directory. Not a test: it prints figures, each
beside its target, and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from assistant.index.embedder import Embedder
    from assistant.workspace import Workspace

log = logging.getLogger(__name__)
T = TypeVar("T")

TARGET_INGEST_RATIO = 0.8  # ingestion chunks/s over embedding-only chunks/s
TARGET_ASK_P95_MS = 150.0  # in-process ask, warm workspace
TARGET_PEAK_RSS_MB = 1536.0  # 1.5 GB, for the bench process and for the cold CLI child
QUESTION_COUNT = 40
SEED = 2026
COMPANY_SUFFIXES = ("CX Partners", "Contact Solutions", "Support Group", "Customer Care", "BPO")
_SYLLABLES = (
    "ka lo ve ri tan mor zel qua bri sto ny dra fen gul hax jor kel lum pra sel tor".split()
)
_AMOUNT = re.compile(r"\b(USD|EUR|GBP) (\d[\d,]*(?:\.\d+)?)")
_COUNTED = re.compile(
    r"\b(\d+(?:\.\d+)?)(%| (?:days|weeks|months|hours|minutes|seconds|agents|years))"
)

SINGLE_VENDOR_QUESTIONS = (
    "What hourly rate does {v} charge for English voice support?",
    "What does {v} charge per call handled?",
    "What voice service level does {v} commit to?",
    "How long is {v}'s pilot?",
    "Does {v} hold ISO 27001 certification?",
    "What is {v}'s initial contract term?",
    "How are {v}'s service credits capped?",
    "What is {v}'s agent attrition?",
    "How much notice does {v} require for termination for convenience?",
    "Where are {v}'s delivery centres?",
    "What is {v}'s implementation fee?",
    "What recovery time objective does {v} commit to?",
    "Which languages does {v} support?",
    "Will {v} sign a HIPAA business associate agreement?",
)
CROSS_VENDOR_QUESTIONS = (
    "Which vendors hold a SOC 2 Type II report?",
    "How long is each vendor's pilot?",
    "Which vendors offer 24/7 voice coverage?",
    "What initial contract term does each vendor propose?",
    "Which vendors are PCI DSS compliant?",
    "What are the payment terms?",
    "Which vendor has the lowest agent attrition?",
    "Who supports French and German?",
    "What is the minimum monthly billing?",
    "How are service credits capped across the proposals?",
)
PAIR_QUESTIONS = (
    "Compare the pilot of {v} and {w}.",
    "How do {v} and {w} price email?",
)


@dataclass(frozen=True)
class CorpusFigures:
    """Every figure measured on one corpus."""

    corpus: str
    documents: int
    pages: int
    chunks: int
    failed_files: int
    ingest_seconds: float
    ingest_pages_per_s: float
    ingest_chunks_per_s: float
    embed_seconds: float
    embed_chunks_per_s: float
    ingest_to_bound_ratio: float
    questions: int
    ask_p50_ms: float
    ask_p95_ms: float
    ask_max_ms: float
    cli_ask_seconds: float
    cli_ask_ok: bool
    peak_rss_mb: float
    cli_peak_rss_mb: float


@dataclass(frozen=True)
class Check:
    """One figure against its target."""

    corpus: str
    figure: str
    value: float
    target: str
    passed: bool


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile (fraction in 0..1) of some values."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def vendor_words(count: int, rng: random.Random) -> list[str]:
    """Distinct invented company names ('Korvani'); no real word, so no alias clashes."""
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
        if word not in words:
            words.append(word)
    return words


def _jitter_number(text: str, rng: random.Random) -> str:
    """A number moved by up to ±20%, keeping its decimals and thousands separators."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    value = float(text.replace(",", "")) * rng.uniform(0.8, 1.2)
    value = max(value, 1.0) if decimals == 0 else value
    formatted = f"{value:,.{decimals}f}"
    return formatted if "," in text else formatted.replace(",", "")


def jitter_figures(body: str, rng: random.Random) -> str:
    """Move prices, percentages and counted durations so that no two copies read the same."""
    body = _AMOUNT.sub(lambda m: f"{m[1]} {_jitter_number(m[2], rng)}", body)
    return _COUNTED.sub(lambda m: f"{_jitter_number(m[1], rng)}{m[2]}", body)


def shuffle_sections(lines: list[str], rng: random.Random) -> list[str]:
    """Keep the preamble, shuffle the `## ` sections that follow it."""
    sections: list[list[str]] = [[]]
    for line in lines:
        if line.startswith("## "):
            sections.append([])
        sections[-1].append(line)
    head, rest = sections[0], sections[1:]
    rng.shuffle(rest)
    return head + [line for section in rest for line in [*section, ""]]


def vary_proposal(text: str, vendor: str, new_name: str, rng: random.Random) -> str:
    """A copy of a sample proposal for another vendor, with other figures and section order."""
    short = vendor.split()[0]
    text = text.replace(vendor, new_name)
    text = re.sub(rf"\b{re.escape(short)}\b", new_name.split()[0], text)
    title, *body = text.splitlines()
    body = shuffle_sections(jitter_figures("\n".join(body), rng).splitlines(), rng)
    return "\n".join([title, *body]) + "\n"


def build_corpus(out_dir: Path, pages: int, seed: int = SEED) -> list[Path]:
    """Render varied proposals into out_dir until they hold at least `pages` pages."""
    from pypdf import PdfReader

    from assistant.samples.render import proposal_sources, read_source, render_proposal

    rng = random.Random(seed)
    templates = [
        (path.read_text(encoding="utf-8"), read_source(path)) for path in proposal_sources()
    ]
    names = vendor_words(pages // 2 + 8, rng)  # proposals render to ~7 pages; room to spare
    markdown, pdfs = out_dir / "markdown", out_dir / "pdf"
    markdown.mkdir(parents=True, exist_ok=True)
    pdfs.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    total = 0
    while total < pages:
        text, source = templates[len(written) % len(templates)]
        word = names[len(written)]
        new_name = f"{word} {rng.choice(COMPANY_SUFFIXES)}"
        md = markdown / f"{word.lower()}-{source.slug}.md"
        md.write_text(vary_proposal(text, source.vendor, new_name, rng), encoding="utf-8")
        pdf = render_proposal(md, pdfs)
        total += len(PdfReader(pdf).pages)
        written.append(pdf)
    log.info("generated %d proposals, %d pages", len(written), total)
    return written


def bench_questions(
    vendors: Sequence[str], count: int = QUESTION_COUNT, seed: int = SEED
) -> list[str]:
    """Varied questions: mostly single-vendor, some cross-vendor, a few naming two vendors."""
    rng = random.Random(seed)
    names = [vendor.split()[0] for vendor in vendors]
    cross = list(CROSS_VENDOR_QUESTIONS)
    pairs = [t.format(v=a, w=b) for t in PAIR_QUESTIONS for a, b in [rng.sample(names, 2)]]
    single_count = count - len(cross) - len(pairs)
    single = [
        SINGLE_VENDOR_QUESTIONS[i % len(SINGLE_VENDOR_QUESTIONS)].format(v=rng.choice(names))
        for i in range(single_count)
    ]
    questions = single + cross + pairs
    rng.shuffle(questions)
    return questions


def timed(action: Callable[[], T]) -> tuple[T, float]:
    """Run an action; return its result and the seconds it took."""
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def measure_asks(workspace: Workspace, questions: Sequence[str]) -> list[float]:
    """Milliseconds of each in-process ask, after one warm-up ask (which builds the indexes)."""
    workspace.ask(questions[0])
    return [timed(lambda q=q: workspace.ask(q))[1] * 1000 for q in questions]


def procure_command() -> str:
    """The `procure` console script of the running interpreter's environment."""
    beside = Path(sys.executable).parent / "procure"
    return str(beside) if beside.exists() else (shutil.which("procure") or "procure")


# Linux carries a parent's peak RSS into a forked child's ru_maxrss (it is kept across exec), so
# RUSAGE_CHILDREN read here would report this process's peak. A small probe process starts the
# CLI instead and reports the time and peak RSS of its own child.
_CLI_PROBE = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True, check=False)
print(json.dumps({
    "seconds": time.perf_counter() - started,
    "rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    "ok": done.returncode == 0 and '"answer"' in done.stdout,
    "stderr": done.stderr[-500:],
}))
"""


@dataclass(frozen=True)
class ColdCli:
    """One fresh `procure ask --json` process."""

    seconds: float
    peak_rss_mb: float
    ok: bool


def measure_cold_cli(workspace_dir: Path, question: str) -> ColdCli:
    """Time a fresh `procure ask --json` process end to end and read its peak RSS."""
    command = [procure_command(), "--workspace", str(workspace_dir), "ask", "--json", question]
    probe = [sys.executable, "-I", "-c", _CLI_PROBE, *command]
    done = subprocess.run(probe, capture_output=True, text=True, timeout=600, check=False)
    try:
        result = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        log.warning("cold CLI probe failed (%s): %s", done.returncode, done.stderr[-500:])
        return ColdCli(0.0, 0.0, False)
    if not result["ok"]:
        log.warning("cold CLI ask failed: %s", result["stderr"])
    return ColdCli(result["seconds"], result["rss_kb"] / 1024, result["ok"])


def bench_corpus(name: str, paths: Sequence[Path], root: Path, embedder: Embedder) -> CorpusFigures:
    """Ingest a corpus into a fresh workspace and measure everything on it."""
    from assistant.settings import Settings
    from assistant.workspace import Workspace

    workspace_dir = root / f"workspace-{name}"
    workspace = Workspace(Settings(workspace=workspace_dir), embedder=embedder)
    _ = workspace.store  # open Chroma before the clock starts, as the model is loaded
    outcomes, ingest_s = timed(lambda: workspace.ingest(paths))
    records = [o.record for o in outcomes if o.ok and o.record]
    pages = sum(r.pages for r in records)
    texts = [chunk.embedding_text() for chunk in workspace.catalog.chunks.values()]
    _, embed_s = timed(lambda: embedder.embed(texts))
    asks = measure_asks(workspace, bench_questions(workspace.catalog.vendors()))
    cli = measure_cold_cli(workspace_dir, _cli_question(workspace))
    return CorpusFigures(
        corpus=name,
        documents=len(records),
        pages=pages,
        chunks=len(texts),
        failed_files=len(outcomes) - len(records),
        ingest_seconds=ingest_s,
        ingest_pages_per_s=pages / ingest_s,
        ingest_chunks_per_s=len(texts) / ingest_s,
        embed_seconds=embed_s,
        embed_chunks_per_s=len(texts) / embed_s,
        ingest_to_bound_ratio=embed_s / ingest_s,
        questions=len(asks),
        ask_p50_ms=statistics.median(asks),
        ask_p95_ms=percentile(asks, 0.95),
        ask_max_ms=max(asks),
        cli_ask_seconds=cli.seconds,
        cli_ask_ok=cli.ok,
        peak_rss_mb=peak_rss_mb(),
        cli_peak_rss_mb=cli.peak_rss_mb,
    )


def _cli_question(workspace: Workspace) -> str:
    """A single-vendor question for the cold CLI run."""
    vendor = workspace.catalog.vendors()[0].split()[0]
    return f"What does {vendor} charge per hour for English voice support?"


def _check(corpus: str, figure: str, value: float, limit: float, at_least: bool) -> Check:
    """A figure against a minimum (at_least) or a maximum."""
    passed = value >= limit if at_least else value <= limit
    return Check(corpus, figure, value, f"{'>=' if at_least else '<='} {limit:g}", passed)


def checks(figures: Sequence[CorpusFigures]) -> list[Check]:
    """Every targeted figure of every corpus, and the bench's own peak RSS, against its target."""
    results = []
    for f in figures:
        results += [
            _check(
                f.corpus, "ingest/bound ratio", f.ingest_to_bound_ratio, TARGET_INGEST_RATIO, True
            ),
            _check(f.corpus, "ask p95 ms", f.ask_p95_ms, TARGET_ASK_P95_MS, False),
            _check(f.corpus, "CLI peak RSS MB", f.cli_peak_rss_mb, TARGET_PEAK_RSS_MB, False),
            Check(f.corpus, "cold CLI answered", float(f.cli_ask_ok), "answers", f.cli_ask_ok),
        ]
    bench_rss = max(f.peak_rss_mb for f in figures)
    results.append(_check("process", "peak RSS MB", bench_rss, TARGET_PEAK_RSS_MB, False))
    return results


# (field, label, format, the check of that figure or "" when it has no target)
_ROWS = (
    ("documents", "documents", "{:.0f}", ""),
    ("pages", "pages", "{:.0f}", ""),
    ("chunks", "chunks", "{:.0f}", ""),
    ("failed_files", "failed files", "{:.0f}", ""),
    ("ingest_seconds", "ingest s", "{:.1f}", ""),
    ("ingest_pages_per_s", "ingest pages/s", "{:.1f}", ""),
    ("ingest_chunks_per_s", "ingest chunks/s", "{:.1f}", ""),
    ("embed_chunks_per_s", "embed-only chunks/s (bound)", "{:.1f}", ""),
    ("ingest_to_bound_ratio", "ingest/bound ratio", "{:.2f}", "ingest/bound ratio"),
    ("questions", "questions asked", "{:.0f}", ""),
    ("ask_p50_ms", "ask p50 ms", "{:.0f}", ""),
    ("ask_p95_ms", "ask p95 ms", "{:.0f}", "ask p95 ms"),
    ("ask_max_ms", "ask max ms", "{:.0f}", ""),
    ("cli_ask_seconds", "cold CLI ask s", "{:.1f}", "cold CLI answered"),
    ("cli_peak_rss_mb", "cold CLI peak RSS MB", "{:.0f}", "CLI peak RSS MB"),
    ("peak_rss_mb", "bench peak RSS MB (so far)", "{:.0f}", ""),
)


def format_table(figures: Sequence[CorpusFigures], results: Sequence[Check]) -> str:
    """A plain-text table: one row per figure, one column per corpus, then target and verdicts."""
    by_key = {(c.corpus, c.figure): c for c in results}
    columns = "".join(f"{f.corpus:>12}" for f in figures)
    lines = [f"{'figure':<30}{columns}{'target':>10}  verdict"]
    for field_name, label, fmt, figure in _ROWS:
        values = "".join(f"{fmt.format(getattr(f, field_name)):>12}" for f in figures)
        found = [by_key[(f.corpus, figure)] for f in figures if (f.corpus, figure) in by_key]
        target = found[0].target if found else ""
        verdict = " ".join("PASS" if c.passed else "MISS" for c in found)
        lines.append(f"{label:<30}{values}{target:>10}  {verdict}")
    bench = by_key[("process", "peak RSS MB")]
    verdict = "PASS" if bench.passed else "MISS"
    lines.append(
        f"{'bench process peak RSS MB':<30}{bench.value:>12.0f}{bench.target:>22}  {verdict}"
    )
    return "\n".join(lines)


def warm_up_texts() -> list[str]:
    """Proposal-like texts from 8 to ~200 words: the sizes the timed batches will meet."""
    from assistant.samples.render import proposal_sources

    words = " ".join(path.read_text(encoding="utf-8") for path in proposal_sources()).split()
    return [" ".join(words[n * 7 : n * 7 + n]) for n in range(8, 200, 6)]


def load_embedder() -> Embedder:
    """The shared model, loaded and run on every batch shape first, so no timing pays start-up."""
    from assistant.index.embedder import shared_embedder
    from assistant.settings import quiet_third_parties

    quiet_third_parties()
    embedder = shared_embedder()
    texts = warm_up_texts()
    embedder.embed(texts)
    for start in range(0, len(texts), 4):
        embedder.embed(texts[start : start + 4])
    return embedder


def run_bench(pages: int = 500, as_json: bool = False) -> int:
    """Measure both corpora and print a table (or one JSON object).

    Args:
        pages: minimum size of the generated corpus, in pages.
        as_json: print one JSON object instead of the table.

    Returns:
        0 when every target is met, 1 otherwise.
    """
    from assistant.samples import build_sample_pdfs

    embedder, load_s = timed(load_embedder)
    with tempfile.TemporaryDirectory(prefix="procure-bench-") as tmp:
        root = Path(tmp)
        samples = build_sample_pdfs(root / "samples")
        generated = build_corpus(root / "generated", pages)
        figures = [
            bench_corpus("samples", samples, root, embedder),
            bench_corpus("generated", generated, root, embedder),
        ]
    results = checks(figures)
    passed = all(c.passed for c in results)
    if as_json:
        report = {
            "targets": {
                "ingest_to_bound_ratio_min": TARGET_INGEST_RATIO,
                "ask_p95_ms_max": TARGET_ASK_P95_MS,
                "peak_rss_mb_max": TARGET_PEAK_RSS_MB,
            },
            "model_load_seconds": load_s,
            "corpora": {f.corpus: asdict(f) for f in figures},
            "checks": [asdict(c) for c in results],
            "passed": passed,
        }
        print(json.dumps(report, indent=2))
    else:
        print(f"model load + warm-up (not timed): {load_s:.1f} s")
        print(format_table(figures, results))
        print(
            "all targets met"
            if passed
            else "TARGETS MISSED: "
            + ", ".join(f"{c.corpus} {c.figure}" for c in results if not c.passed)
        )
    return 0 if passed else 1


def main(argv: list[str] | None = None) -> int:
    """`python -m evals.bench [--json] [--pages N]`."""
    parser = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--pages", type=int, default=500, help="size of the generated corpus")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    return run_bench(pages=args.pages, as_json=args.json)


if __name__ == "__main__":
    sys.exit(main())
