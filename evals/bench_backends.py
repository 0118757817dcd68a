"""The sample workspace on the default files and on the team set-up's servers, side by side.

`procure bench --chroma-url URL [--database-url URL]` ingests the sample proposals once per
backend, opens the workspace again as a fresh app process would (catalog from the database,
statement vectors from Chroma) and asks the bench's questions: ingest seconds, the first ask
of the reopened workspace (it fetches the vectors) and the warm asks' p50 and p95.
"""

from __future__ import annotations

import os
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from assistant.settings import Settings
from assistant.state.backends import CHROMA_ENV, DATABASE_ENV


@dataclass(frozen=True)
class BackendFigures:
    """One backend's figures on the sample workspace."""

    backend: str
    pages: int
    ingest_seconds: float
    reopen_first_ask_ms: float
    questions: int
    ask_p50_ms: float
    ask_p95_ms: float
    ask_max_ms: float


@contextmanager
def _environment(values: dict[str, str]) -> Iterator[None]:
    """These variables set (and the backends' others unset) for the block."""
    saved = {name: os.environ.get(name) for name in (CHROMA_ENV, DATABASE_ENV)}
    for name in saved:
        os.environ.pop(name, None)
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None)
            if value is not None:
                os.environ[name] = value


def measure_backend(name: str, env: dict[str, str], samples: list[Path], root: Path,
                    embedder, settings: Settings) -> BackendFigures:
    """Ingest, reopen and ask on one backend."""
    from assistant.index.store import drop_vectors
    from assistant.workspace import Workspace
    from evals.bench import bench_questions, percentile, timed

    folder = root / name.replace(" ", "-").replace("+", "and")
    with _environment(env):
        workspace = Workspace(replace(settings, workspace=folder), embedder=embedder)
        _ = workspace.store, workspace.statement_store  # connected before the clock starts
        outcomes, ingest_s = timed(lambda: workspace.ingest(samples))
        pages = sum(o.record.pages for o in outcomes if o.ok and o.record)
        questions = bench_questions(workspace.catalog.vendors())
        reopened = Workspace(replace(settings, workspace=folder), embedder=embedder)
        _, first_s = timed(lambda: reopened.ask(questions[0]))
        asks = [timed(lambda q=q: reopened.ask(q))[1] * 1000 for q in questions]
        drop_vectors(folder)
        if reopened.db.shared:
            reopened.db.delete_workspace()
    return BackendFigures(name, pages, ingest_s, first_s * 1000, len(asks),
                          statistics.median(asks), percentile(asks, 0.95), max(asks))


def bench_backends(chroma_url: str, database_url: str | None = None,
                   settings: Settings | None = None) -> list[BackendFigures]:
    """The sample workspace on files, on the Chroma server, and (given) on PostgreSQL too."""
    from assistant.samples import build_sample_pdfs
    from evals.bench import load_embedder

    settings = settings or Settings.from_env()
    embedder = load_embedder(settings)
    runs = [("files", {}), ("chroma server", {CHROMA_ENV: chroma_url})]
    if database_url:
        runs.append(("chroma server + postgresql",
                     {CHROMA_ENV: chroma_url, DATABASE_ENV: database_url}))
    with tempfile.TemporaryDirectory(prefix="procure-bench-backends-") as tmp:
        root = Path(tmp)
        samples = build_sample_pdfs(root / "samples")
        return [measure_backend(name, env, samples, root, embedder, settings)
                for name, env in runs]


def format_backends(figures: list[BackendFigures]) -> str:
    """One line per backend."""
    head = (f"{'backend':<28}{'pages':>6}{'ingest s':>10}{'reopen+ask ms':>15}"
            f"{'asks':>6}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}")
    rows = [
        f"{f.backend:<28}{f.pages:>6}{f.ingest_seconds:>10.1f}{f.reopen_first_ask_ms:>15.0f}"
        f"{f.questions:>6}{f.ask_p50_ms:>8.1f}{f.ask_p95_ms:>8.1f}{f.ask_max_ms:>8.1f}"
        for f in figures
    ]
    return "\n".join([head, *rows])


def as_json(figures: list[BackendFigures]) -> list[dict]:
    """JSON-ready figures."""
    return [asdict(f) for f in figures]
