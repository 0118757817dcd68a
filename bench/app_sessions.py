"""Two visitors at once: does B's app stay responsive while A works in another session?

Starts the real web app on 127.0.0.1 (a free port, a throw-away workspace), then drives it
with gradio_client, one Client (one browser session) per visitor. Visitor B asks questions
and answers interview questions in a workspace holding the sample proposals; B's latencies
are measured alone, while A ingests the five sample proposals again and again, and while A
asks questions too. Bounded: each phase stops after --ops calls of B or --phase-s seconds,
the whole run after about three minutes at most, and the server is closed at the end.

    .venv/bin/python bench/app_sessions.py [--ops 24] [--phase-s 40] [--concurrency N]
        [--json PATH]

--concurrency N re-queues the app with default_concurrency_limit=N (1 is Gradio's default:
one call at a time per event, whoever sends it) to compare with the app's own setting.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

QUESTIONS = [
    "What is Meridian's hourly rate for English voice?",
    "What are the contract termination terms?",
    "Which vendors are PCI DSS certified?",
    "What does Northwind say about attrition?",
    "What is the pilot offered by Bluewater?",
    "How does Helios handle disaster recovery?",
]
INTERVIEW = [
    "We are Harbor Health, a healthcare retailer",
    "About 60k contacts a month, half phone, 30% chat, 20% email",
    "English and Spanish",
    "why do you ask?",
    "skip",
    "back",
]
CALL_TIMEOUT_S = 120


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(root: Path, concurrency: int | None):
    """The real app on 127.0.0.1, model loaded; returns (app, url)."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ["GRADIO_TEMP_DIR"] = str(root / "uploads")
    from assistant.settings import Settings, quiet_third_parties

    quiet_third_parties()
    from assistant.app import create_server
    from assistant.index.embedder import shared_embedder
    from assistant.server.http import BackgroundServer

    settings = Settings.from_env(root / "workspace")
    app, _cleaner = create_server(settings)
    if concurrency is not None:
        blocks = next(r.app for r in app.routes if hasattr(r, "app")).get_blocks()
        blocks.queue(default_concurrency_limit=concurrency)
    server = BackgroundServer(app).__enter__()
    shared_embedder()  # the load is not what we measure
    return server, server.url


class Visitor:
    """One browser session of the app, driven through its API."""

    def __init__(self, url: str) -> None:
        from gradio_client import Client

        self.client = Client(url, verbose=False)
        self.call("/on_load", "")  # the page's load event: a fresh session workspace

    def call(self, endpoint: str, *args):
        """Call one event of the app and wait for its result."""
        return self.client.submit(*args, api_name=endpoint).result(timeout=CALL_TIMEOUT_S)

    def timed(self, endpoint: str, *args) -> float:
        """Seconds one call takes, end to end."""
        start = time.perf_counter()
        self.call(endpoint, *args)
        return time.perf_counter() - start


def b_operations() -> itertools.cycle:
    """B's work: an Ask, then an interview turn, and so on."""
    asks = (("ask", "/ask", (q,)) for q in QUESTIONS)
    turns = (("turn", "/turn", (m, [])) for m in INTERVIEW)
    return itertools.cycle([op for pair in zip(asks, turns, strict=True) for op in pair])


def run_b(visitor: Visitor, ops: int, budget_s: float) -> dict[str, list[float]]:
    """Latencies of B's calls by kind, for `ops` calls or `budget_s` seconds."""
    latencies: dict[str, list[float]] = {"ask": [], "turn": []}
    deadline = time.monotonic() + budget_s
    for kind, endpoint, args in itertools.islice(b_operations(), ops):
        if time.monotonic() > deadline:
            break
        latencies[kind].append(visitor.timed(endpoint, *args))
    return latencies


def load_loop(work: Callable[[], float], stop: threading.Event, durations: list[float]) -> None:
    """Repeat A's work until told to stop."""
    while not stop.is_set():
        durations.append(work())


def a_ingest(visitor: Visitor, pdfs: list[Path]) -> Callable[[], float]:
    """A ingests (again) the five sample proposals in one batch."""
    from gradio_client import handle_file

    files = [handle_file(str(path)) for path in pdfs]
    return lambda: visitor.timed("/ingest", files, "")


def a_asks(visitor: Visitor) -> Callable[[], float]:
    """A asks questions back to back."""
    questions = itertools.cycle(reversed(QUESTIONS))
    return lambda: visitor.timed("/ask", next(questions))


def phase(b: Visitor, load: Callable[[], float] | None, ops: int, budget_s: float) -> dict:
    """B's latencies with A's `load` running alongside (or alone when None)."""
    stop, a_durations = threading.Event(), []
    thread = None
    if load is not None:
        thread = threading.Thread(target=load_loop, args=(load, stop, a_durations), daemon=True)
        thread.start()
        time.sleep(0.5)  # let A's first call get going
    try:
        latencies = run_b(b, ops, budget_s)
    finally:
        stop.set()
        if thread is not None:
            thread.join(timeout=CALL_TIMEOUT_S)
    return {"b": {kind: summary(values) for kind, values in latencies.items()}, "a": a_durations}


def summary(values: list[float]) -> dict:
    """n, p50, p95 and max in milliseconds."""
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(ordered) * 1000),
        "p95_ms": round(p95 * 1000),
        "max_ms": round(ordered[-1] * 1000),
    }


def print_table(results: dict) -> None:
    """One line per phase and kind of B's calls."""
    print(f"{'phase':<16} {'B call':<6} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  A")
    for name, result in results.items():
        a = result["a"]
        a_text = f"{len(a)} call(s), mean {statistics.mean(a):.1f} s" if a else "-"
        for kind, s in result["b"].items():
            if s["n"]:
                print(
                    f"{name:<16} {kind:<6} {s['n']:>3} {s['p50_ms']:>8} {s['p95_ms']:>8} "
                    f"{s['max_ms']:>8}  {a_text}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ops", type=int, default=24, help="B's calls per phase")
    parser.add_argument("--phase-s", type=float, default=40.0, help="time budget per phase")
    parser.add_argument("--concurrency", type=int, help="default_concurrency_limit to test")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)

    root = Path(tempfile.mkdtemp(prefix="procure-bench-"))
    app = None
    try:
        app, url = start_app(root, args.concurrency)
        from assistant.app import sample_pdfs

        pdfs = sample_pdfs(root / "workspace")
        a, b = Visitor(url), Visitor(url)
        b.call("/samples")  # B's workspace holds the sample proposals
        b.call("/ask", QUESTIONS[0])  # build B's answerer before measuring
        results = {
            "B alone": phase(b, None, args.ops, args.phase_s),
            "A ingesting": phase(b, a_ingest(a, pdfs), args.ops, args.phase_s),
            "A asking": phase(b, a_asks(a), args.ops, args.phase_s),
        }
    finally:
        if app is not None:
            app.__exit__(None, None, None)
        shutil.rmtree(root, ignore_errors=True)
    from assistant.app import CONCURRENCY_LIMIT

    limit = args.concurrency if args.concurrency is not None else CONCURRENCY_LIMIT
    print(f"default_concurrency_limit={limit}, cpus={os.cpu_count()}")
    print_table(results)
    if args.json:
        report = {"concurrency_limit": limit, "cpus": os.cpu_count(), "phases": results}
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
