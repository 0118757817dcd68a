"""Speed and memory bench: ingestion against its embedding bound, ask latency, cold start, RSS.

Two corpora: the five sample proposals, and a generated corpus of at least `pages` pages made by
rendering varied copies of the samples (new vendor names, jittered figures, shuffled sections)
with the samples' own renderer into a temporary directory. Also: embedding chunks/s of the fp32
and int8 ONNX models, a cold `procure ask` (proposal and advice questions), and the seconds from
`procure serve --demo` to a page. With `scale`, one workspace grows to 10,000 pages and ask
latency, cold CLI time and peak RSS are measured at 500, 2,000 and 10,000 pages. Not a test: it
prints figures, each beside its target, and exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from evals.bench_scale import SCALE_STEPS_DEFAULT, GrowthPoint, grow, growth_table
from evals.bench_startup import embedding_bounds, measure_cold_cli, measure_first_page

if TYPE_CHECKING:
    from assistant.index.embedder import Embedder
    from assistant.progress import Progress
    from assistant.settings import Settings
    from assistant.workspace import Workspace

log = logging.getLogger(__name__)
T = TypeVar("T")

TARGET_INGEST_RATIO = 0.8  # ingestion chunks/s over embedding-only chunks/s
TARGET_ASK_P95_MS = 150.0  # in-process ask, warm workspace
TARGET_PEAK_RSS_MB = 1536.0  # 1.5 GB, for the bench process and for the cold CLI child
TARGET_COLD_ASK_S = 3.0  # a fresh `procure ask` on the sample workspace, either kind of question
TARGET_FIRST_PAGE_S = 5.0  # `procure serve --demo` on a fresh workspace until a page answers
TARGET_SCALE_ASK_P95_MS = 300.0  # in-process ask on the 10,000-page workspace
TARGET_SCALE_RSS_MB = 2048.0  # a fresh process answering on the 10,000-page workspace
SCALE_VENDORS = 50  # the grown workspace: 50 companies, each with many documents
BOUND_SAMPLE = 384  # chunks embedded by each model variant for its chunks/s
QUESTION_COUNT = 40
ADVICE_QUESTION = "What should a service level agreement include?"
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
    statements: int  # embedded at ingest beside the chunks
    failed_files: int
    ingest_seconds: float
    ingest_pages_per_s: float
    ingest_chunks_per_s: float
    embed_seconds: float
    embed_chunks_per_s: float
    ingest_to_bound_ratio: float
    matrix_seconds: float
    questions: int
    ask_p50_ms: float
    ask_p95_ms: float
    ask_max_ms: float
    cli_ask_seconds: float
    cli_ask_ok: bool
    cli_advice_seconds: float
    cli_advice_ok: bool
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


def build_corpus(
    out_dir: Path, pages: int, seed: int = SEED, vendors: int | None = None
) -> list[Path]:
    """Render varied proposals into out_dir until they hold at least `pages` pages; with
    `vendors`, that many companies each send several documents (else one company each)."""
    from pypdf import PdfReader

    from assistant.samples.render import proposal_sources, read_source, render_proposal

    rng = random.Random(seed)
    templates = [
        (path.read_text(encoding="utf-8"), read_source(path)) for path in proposal_sources()
    ]
    count = vendors or pages // 2 + 8  # proposals render to ~7 pages; room to spare
    names = [f"{w} {rng.choice(COMPANY_SUFFIXES)}" for w in vendor_words(count, rng)]
    markdown, pdfs = out_dir / "markdown", out_dir / "pdf"
    markdown.mkdir(parents=True, exist_ok=True)
    pdfs.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    total = 0
    while total < pages:
        text, source = templates[len(written) % len(templates)]
        new_name = names[len(written) % count]
        stem = new_name.split()[0].lower() + (f"-{len(written):05d}" if vendors else "")
        md = markdown / f"{stem}-{source.slug}.md"
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


def bench_corpus(
    name: str, paths: Sequence[Path], root: Path, embedder: Embedder, settings: Settings
) -> CorpusFigures:
    """Ingest a corpus into a fresh workspace and measure everything on it."""
    from assistant.workspace import Workspace

    workspace_dir = root / f"workspace-{name}"
    workspace = Workspace(replace(settings, workspace=workspace_dir), embedder=embedder)
    _ = workspace.store  # open Chroma before the clock starts, as the model is loaded
    outcomes, ingest_s = timed(lambda: workspace.ingest(paths))
    records = [o.record for o in outcomes if o.ok and o.record]
    pages = sum(r.pages for r in records)
    chunks = [chunk.embedding_text() for chunk in workspace.catalog.chunks.values()]
    # The bound is what ingest embeds: every chunk and every statement the reading layer found.
    statements = [s.embedding_text() for name in sorted(workspace.catalog.records)
                  for s in workspace.catalog.statements(name)]
    texts = chunks + statements
    _, embed_s = timed(lambda: embedder.embed(texts))
    _, matrix_s = timed(workspace.matrix)  # once per change; then asks are warm
    asks = measure_asks(workspace, bench_questions(workspace.catalog.vendors()))
    cli = measure_cold_cli(workspace_dir, single_vendor_question(workspace))
    advice = measure_cold_cli(workspace_dir, ADVICE_QUESTION)
    return CorpusFigures(
        corpus=name,
        documents=len(records),
        pages=pages,
        chunks=len(chunks),
        statements=len(statements),
        failed_files=len(outcomes) - len(records),
        ingest_seconds=ingest_s,
        ingest_pages_per_s=pages / ingest_s,
        ingest_chunks_per_s=len(chunks) / ingest_s,
        embed_seconds=embed_s,
        embed_chunks_per_s=len(texts) / embed_s,  # texts (chunks and statements) per second
        ingest_to_bound_ratio=embed_s / ingest_s,
        matrix_seconds=matrix_s,
        questions=len(asks),
        ask_p50_ms=statistics.median(asks),
        ask_p95_ms=percentile(asks, 0.95),
        ask_max_ms=max(asks),
        cli_ask_seconds=cli.seconds,
        cli_ask_ok=cli.ok,
        cli_advice_seconds=advice.seconds,
        cli_advice_ok=advice.ok,
        peak_rss_mb=peak_rss_mb(),
        cli_peak_rss_mb=cli.peak_rss_mb,
    )


def single_vendor_question(workspace: Workspace) -> str:
    """A single-vendor question for the cold CLI run."""
    vendor = workspace.catalog.vendors()[0].split()[0]
    return f"What does {vendor} charge per hour for English voice support?"


def _check(corpus: str, figure: str, value: float, limit: float, at_least: bool) -> Check:
    """A figure against a minimum (at_least) or a maximum."""
    passed = value >= limit if at_least else value <= limit
    return Check(corpus, figure, value, f"{'>=' if at_least else '<='} {limit:g}", passed)


@dataclass(frozen=True)
class Startup:
    """How fast the tools start: the web app's first page, and the embedding bounds."""

    first_page_seconds: float
    first_page_ok: bool
    embed_chunks_per_s: dict[str, float]


def checks(
    figures: Sequence[CorpusFigures],
    startup: Startup | None = None,
    growth: Sequence[GrowthPoint] = (),
) -> list[Check]:
    """Every targeted figure of every corpus, and the bench's own peak RSS, against its target."""
    results = []
    for f in figures:
        answered = f.cli_ask_ok and f.cli_advice_ok
        results += [
            _check(
                f.corpus, "ingest/bound ratio", f.ingest_to_bound_ratio, TARGET_INGEST_RATIO, True
            ),
            _check(f.corpus, "ask p95 ms", f.ask_p95_ms, TARGET_ASK_P95_MS, False),
            _check(f.corpus, "CLI peak RSS MB", f.cli_peak_rss_mb, TARGET_PEAK_RSS_MB, False),
            Check(f.corpus, "cold CLI answered", float(answered), "answers", answered),
        ]
        if f.corpus == "samples":  # the cold-start targets are set on the sample workspace
            slowest = max(f.cli_ask_seconds, f.cli_advice_seconds)
            results.append(_check(f.corpus, "cold CLI ask s", slowest, TARGET_COLD_ASK_S, False))
    bench_rss = max(f.peak_rss_mb for f in figures)
    results.append(_check("process", "peak RSS MB", bench_rss, TARGET_PEAK_RSS_MB, False))
    if startup is not None:
        page_s = startup.first_page_seconds if startup.first_page_ok else float("inf")
        results.append(_check("serve", "first page s", page_s, TARGET_FIRST_PAGE_S, False))
    if growth:
        last = growth[-1]
        name = f"{last.pages} pages"
        results += [
            _check(name, "ask p95 ms", last.ask_p95_ms, TARGET_SCALE_ASK_P95_MS, False),
            _check(name, "CLI peak RSS MB", last.cli_peak_rss_mb, TARGET_SCALE_RSS_MB, False),
            Check(name, "cold CLI answered", float(last.cli_ask_ok), "answers", last.cli_ask_ok),
        ]
    return results


# (field, label, format, the check of that figure or "" when it has no target)
_ROWS = (
    ("documents", "documents", "{:.0f}", ""),
    ("pages", "pages", "{:.0f}", ""),
    ("chunks", "chunks", "{:.0f}", ""),
    ("statements", "statements (embedded too)", "{:.0f}", ""),
    ("failed_files", "failed files", "{:.0f}", ""),
    ("ingest_seconds", "ingest s", "{:.1f}", ""),
    ("ingest_pages_per_s", "ingest pages/s", "{:.1f}", ""),
    ("ingest_chunks_per_s", "ingest chunks/s", "{:.1f}", ""),
    ("embed_chunks_per_s", "embed-only texts/s (bound: chunks and statements)", "{:.1f}", ""),
    ("ingest_to_bound_ratio", "ingest/bound ratio", "{:.2f}", "ingest/bound ratio"),
    ("matrix_seconds", "terms matrix s (once a change)", "{:.1f}", ""),
    ("questions", "questions asked", "{:.0f}", ""),
    ("ask_p50_ms", "ask p50 ms", "{:.0f}", ""),
    ("ask_p95_ms", "ask p95 ms", "{:.0f}", "ask p95 ms"),
    ("ask_max_ms", "ask max ms", "{:.0f}", ""),
    ("cli_ask_seconds", "cold CLI ask s", "{:.1f}", "cold CLI ask s"),
    ("cli_advice_seconds", "cold CLI advice question s", "{:.1f}", "cold CLI answered"),
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


def load_embedder(settings: Settings) -> Embedder:
    """The shared model, loaded and run on every batch shape first, so no timing pays start-up."""
    from assistant.index.embedder import shared_embedder
    from assistant.settings import quiet_third_parties

    quiet_third_parties()
    embedder = shared_embedder(settings.install_dir, settings.embedding)
    texts = warm_up_texts()
    embedder.embed(texts)
    for start in range(0, len(texts), 4):
        embedder.embed(texts[start : start + 4])
    return embedder


def measure_startup(root: Path, texts: list[str], settings: Settings) -> Startup:
    """The web app's first page on a fresh demo workspace, and each ONNX variant's chunks/s."""
    page_s, page_ok = measure_first_page(root / "workspace-serve")
    bounds = embedding_bounds(texts[:BOUND_SAMPLE], settings.install_dir)
    return Startup(page_s, page_ok, bounds)


def run_bench(
    pages: int = 500,
    as_json: bool = False,
    scale: bool = False,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> int:
    """Measure both corpora, the start-up figures and (with `scale`) the growth to 10,000 pages;
    print a table (or one JSON object).

    Args:
        pages: minimum size of the generated corpus, in pages.
        as_json: print one JSON object instead of the table.
        scale: also grow one workspace to 10,000 pages (long: about half an hour on 2 cores).
        settings: the installation and embedding model to use (default: from the environment).
        progress: told of each stage (default: lines on stderr).

    Returns:
        0 when every target is met, 1 otherwise.
    """
    from assistant.progress import TerminalProgress
    from assistant.samples import build_sample_pdfs
    from assistant.settings import Settings

    settings = settings or Settings.from_env()
    stage = _Stages(progress or TerminalProgress())
    embedder, load_s = timed(
        lambda: stage.run("loading the embedding model", load_embedder, settings)
    )
    growth: list[GrowthPoint] = []
    with tempfile.TemporaryDirectory(prefix="procure-bench-") as tmp:
        root = Path(tmp)
        samples = stage.run("rendering the corpora", build_sample_pdfs, root / "samples")
        generated = build_corpus(root / "generated", pages)
        figures = [
            stage.run("samples corpus", bench_corpus, "samples", samples, root, embedder, settings),
            stage.run(
                f"{pages}-page corpus",
                bench_corpus,
                "generated",
                generated,
                root,
                embedder,
                settings,
            ),
        ]
        texts = _chunk_texts(root / "workspace-generated")
        startup = stage.run("start-up figures", measure_startup, root, texts, settings)
        if scale:
            size = SCALE_STEPS_DEFAULT[-1]
            corpus = stage.run(
                f"rendering {size} pages", build_corpus, root / "scale", size, SEED, SCALE_VENDORS
            )
            growth = grow(corpus, root, embedder, settings, SCALE_STEPS_DEFAULT, stage.progress)
    results = checks(figures, startup, growth)
    print(_report(figures, startup, growth, results, load_s, as_json))
    return 0 if all(c.passed for c in results) else 1


class _Stages:
    """Runs the bench's stages, telling `progress` as each starts and ends."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    def run(self, name: str, action: Callable[..., T], *args) -> T:
        self.progress(f"bench: {name}", 0, 1)
        result = action(*args)
        self.progress(f"bench: {name}", 1, 1)
        return result


def _verdict(check: Check) -> str:
    return "PASS" if check.passed else "MISS"


def _chunk_texts(workspace_dir: Path) -> list[str]:
    """The embedding texts of a workspace's chunks (for the embedding bounds)."""
    from assistant.index.catalog import Catalog

    return [c.embedding_text() for c in Catalog(workspace_dir / "documents").chunks.values()]


def _report(figures, startup, growth, results, load_s: float, as_json: bool) -> str:
    """The table, or one JSON object, of every figure and check."""
    passed = all(c.passed for c in results)
    if as_json:
        return json.dumps(
            {
                "targets": {
                    "ingest_to_bound_ratio_min": TARGET_INGEST_RATIO,
                    "ask_p95_ms_max": TARGET_ASK_P95_MS,
                    "peak_rss_mb_max": TARGET_PEAK_RSS_MB,
                    "cold_ask_s_max": TARGET_COLD_ASK_S,
                    "first_page_s_max": TARGET_FIRST_PAGE_S,
                    "scale_ask_p95_ms_max": TARGET_SCALE_ASK_P95_MS,
                    "scale_peak_rss_mb_max": TARGET_SCALE_RSS_MB,
                },
                "model_load_seconds": load_s,
                "corpora": {f.corpus: asdict(f) for f in figures},
                "startup": asdict(startup),
                "growth": [asdict(point) for point in growth],
                "checks": [asdict(c) for c in results],
                "passed": passed,
            },
            indent=2,
        )
    page = next(c for c in results if c.figure == "first page s")
    lines = [
        f"model load + warm-up (not timed): {load_s:.1f} s",
        format_table(figures, results),
        f"{'serve --demo to first page s':<30}{startup.first_page_seconds:>12.1f}"
        f"{page.target:>22}  {_verdict(page)}",
        "embedding chunks/s (bound): "
        + ", ".join(f"{k} {v:.1f}" for k, v in startup.embed_chunks_per_s.items()),
    ]
    if growth:
        lines.append(growth_table(growth))
        lines += [
            f"{c.corpus} {c.figure}: {c.value:.0f} (target {c.target}) {_verdict(c)}"
            for c in results
            if c.corpus.endswith(" pages")
        ]
    missed = [f"{c.corpus} {c.figure}" for c in results if not c.passed]
    lines.append("all targets met" if passed else "TARGETS MISSED: " + ", ".join(missed))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """`python -m evals.bench [--json] [--pages N]`."""
    parser = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--pages", type=int, default=500, help="size of the generated corpus")
    parser.add_argument("--scale", action="store_true", help="also grow a workspace to 10k pages")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    return run_bench(pages=args.pages, as_json=args.json, scale=args.scale)


if __name__ == "__main__":
    sys.exit(main())
