"""The cost of growth: one workspace ingested up to 10,000 generated pages, measured on the way.

At each step (500, 2,000, 10,000 pages) it records the ingest time so far, in-process ask
latency (p50/p95 over varied questions), a cold `procure ask` and that process's peak RSS.
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from evals.bench_startup import measure_cold_cli

if TYPE_CHECKING:
    from assistant.index.embedder import Embedder
    from assistant.progress import Progress
    from assistant.settings import Settings

log = logging.getLogger(__name__)

SCALE_STEPS_DEFAULT = (500, 2000, 10000)


@dataclass(frozen=True)
class GrowthPoint:
    """Figures of the growing workspace once it holds `pages` pages."""

    pages: int
    documents: int
    chunks: int
    vendors: int
    ingest_seconds: float  # since the workspace was empty
    matrix_seconds: float  # the comparison's terms for what the step added
    ask_p50_ms: float
    ask_p95_ms: float
    ask_max_ms: float
    cli_ask_seconds: float
    cli_peak_rss_mb: float
    cli_ask_ok: bool


def grow(
    paths: Sequence[Path],
    root: Path,
    embedder: Embedder,
    settings: Settings,
    steps: Sequence[int],
    progress: Progress,
) -> list[GrowthPoint]:
    """Ingest `paths` in order into one workspace, measuring each time a step's pages are in."""
    from dataclasses import replace

    from assistant.workspace import Workspace
    from evals.bench import (
        bench_questions,
        measure_asks,
        percentile,
        single_vendor_question,
        timed,
    )

    workspace = Workspace(replace(settings, workspace=root / "workspace-growth"), embedder=embedder)
    task = f"growing the workspace to {steps[-1]} pages"
    pages = _page_counts(paths)
    points, ingest_s, held, position = [], 0.0, 0, 0
    for step in steps:
        batch = []
        while held + sum(pages[p] for p in batch) < step and position < len(paths):
            batch.append(paths[position])
            position += 1
        counted = _PageCounter(progress, task, held, steps[-1])
        started = time.perf_counter()
        workspace.ingest(batch, progress=counted)  # one call per step: one keyword index build
        ingest_s += time.perf_counter() - started
        held = sum(r.pages for r in workspace.catalog.records.values())
        _, matrix_s = timed(workspace.matrix)  # the comparison's terms, once per change
        asks = measure_asks(workspace, bench_questions(workspace.catalog.vendors()))
        cli = measure_cold_cli(workspace.root, single_vendor_question(workspace))
        points.append(
            GrowthPoint(
                pages=held,
                documents=len(workspace.catalog.records),
                chunks=len(workspace.catalog.chunks),
                vendors=len(workspace.catalog.vendors()),
                ingest_seconds=ingest_s,
                matrix_seconds=matrix_s,
                ask_p50_ms=statistics.median(asks),
                ask_p95_ms=percentile(asks, 0.95),
                ask_max_ms=max(asks),
                cli_ask_seconds=cli.seconds,
                cli_peak_rss_mb=cli.peak_rss_mb,
                cli_ask_ok=cli.ok,
            )
        )
        log.info("growth step %s: %s", step, points[-1])
    return points


class _PageCounter:
    """A Progress for one ingest call that reports the workspace's pages embedded so far."""

    def __init__(self, progress: Progress, task: str, held: int, total: int) -> None:
        self.progress, self.task, self.held, self.total = progress, task, held, total

    def __call__(self, what: str, done: int, total: int) -> None:
        if what.endswith(": embedding pages") and total and done >= total:
            self.held += total
            self.progress(self.task, min(self.held, self.total), self.total)


def _page_counts(paths: Sequence[Path]) -> dict[Path, int]:
    from pypdf import PdfReader

    return {path: len(PdfReader(path).pages) for path in paths}


_COLUMNS = (
    ("pages", "pages", "{:.0f}"),
    ("chunks", "chunks", "{:.0f}"),
    ("vendors", "vendors", "{:.0f}"),
    ("ingest_seconds", "ingest s (total)", "{:.0f}"),
    ("matrix_seconds", "terms matrix s", "{:.1f}"),
    ("ask_p50_ms", "ask p50 ms", "{:.0f}"),
    ("ask_p95_ms", "ask p95 ms", "{:.0f}"),
    ("ask_max_ms", "ask max ms", "{:.0f}"),
    ("cli_ask_seconds", "cold CLI ask s", "{:.1f}"),
    ("cli_peak_rss_mb", "cold CLI peak RSS MB", "{:.0f}"),
)


def growth_table(points: Sequence[GrowthPoint]) -> str:
    """One row per figure, one column per step."""
    lines = [f"{'growth':<24}" + "".join(f"{p.pages:>12}" for p in points)]
    for name, label, fmt in _COLUMNS[1:]:
        values = "".join(f"{fmt.format(getattr(p, name)):>12}" for p in points)
        lines.append(f"{label:<24}{values}")
    return "\n".join(lines)
