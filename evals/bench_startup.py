"""Start-up figures: embedding chunks/s per model variant, a cold `procure ask`, and the seconds
from `procure serve --demo` to a page that shows the model status."""

from __future__ import annotations

import json
import logging
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

VARIANTS = ("onnx-fp32", "onnx-int8")
PAGE_TIMEOUT_S = 120.0


def procure_command() -> str:
    """The `procure` console script of the running interpreter's environment."""
    import shutil

    beside = Path(sys.executable).parent / "procure"
    return str(beside) if beside.exists() else (shutil.which("procure") or "procure")


def embedding_bounds(texts: list[str], install_dir: Path) -> dict[str, float]:
    """Chunks/s of each ONNX variant on the same texts (after a warm-up), where exported."""
    from assistant.index import onnx_embedder

    bounds = {}
    for variant in VARIANTS:
        if not onnx_embedder.available(install_dir, variant):
            continue
        model = onnx_embedder.OnnxEmbedder(onnx_embedder.export_dir(install_dir), variant)
        model.embed(texts[:16])
        started = time.perf_counter()
        model.embed(texts)
        bounds[variant] = len(texts) / (time.perf_counter() - started)
    return bounds


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


def free_port() -> int:
    """A TCP port on the loopback that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure_first_page(workspace_dir: Path) -> tuple[float, bool]:
    """Seconds from starting `procure serve --demo` on a fresh workspace to an HTTP 200 page
    holding the status line, and whether one came; the server is stopped after."""
    port = free_port()
    command = [procure_command(), "--workspace", str(workspace_dir), "serve", "--demo"]
    started = time.perf_counter()
    server = subprocess.Popen(
        [*command, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        while time.perf_counter() - started < PAGE_TIMEOUT_S and server.poll() is None:
            if "Status:" in _page(f"http://127.0.0.1:{port}/"):
                return time.perf_counter() - started, True
            time.sleep(0.05)
        return time.perf_counter() - started, False
    finally:
        server.terminate()
        server.wait(timeout=30)


def _page(url: str) -> str:
    """The body of a 200 answer, or '' while the server is not there yet."""
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.read().decode("utf-8", "replace") if answer.status == 200 else ""
    except OSError:
        return ""
