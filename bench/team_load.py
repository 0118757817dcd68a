"""A bounded load test of the team server on loopback: logins, journeys, one shared workspace.

Starts the real server (`procure serve`, a subprocess) on 127.0.0.1 over a throw-away home
with users, then drives it through the Gradio API (gradio_client; each client logs in):

- 10 users, each repeating a short journey for about --seconds (default 120): log in, new
  session, upload one proposal, ask, three interview turns, draft the RFP;
- 2 more users hammering one shared workspace with interview turns at the same time.

Reports p50/p95 per action, errors (must be 0) and lost updates (must be 0: every
acknowledged turn is counted in the final interview state). Bounded in time and count; only
loopback addresses are used.

    .venv/bin/python bench/team_load.py [--users 10] [--seconds 120] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

QUESTIONS = [
    "What is the hourly rate for English voice?",
    "What are the contract termination terms?",
    "Which vendors hold ISO 27001?",
]
TURNS = ["About 60k contacts a month, half phone, 30% chat", "English and Spanish", "skip"]
MAX_JOURNEYS = 50  # per user: a bound on the request count whatever the speed
PASSWORD = "load-test-password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Results:
    """Latencies per action, errors, acknowledged turns; thread-safe."""

    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.lock = threading.Lock()

    def timed(self, action: str, call, *args, **kwargs):
        start = time.perf_counter()
        try:
            value = call(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - counted and reported
            with self.lock:
                self.errors.append(f"{action}: {type(exc).__name__}: {exc}"[:300])
            return None
        with self.lock:
            self.latencies[action].append(time.perf_counter() - start)
        return value


def start_server(home: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "PROCURE_HOME": str(home), "GRADIO_ANALYTICS_ENABLED": "False"}
    command = [sys.executable, "-m", "assistant.cli", "--workspace", str(home), "serve",
               "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    import httpx

    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.5)
    server.kill()
    raise RuntimeError("the server did not start")


def client(url: str, user: str):
    from gradio_client import Client

    return Client(url, auth=(user, PASSWORD), verbose=False)


def journey_user(url: str, user: str, proposal: Path, until: float, results: Results,
                 sessions: list) -> None:
    """Repeat the journey until the deadline (or MAX_JOURNEYS)."""
    from gradio_client import handle_file

    for index in range(MAX_JOURNEYS):
        if time.time() >= until:
            return
        api = results.timed("login", client, url, user)
        if api is None:
            continue
        view = results.timed("open session", api.predict, "", api_name="/on_load")
        if view is None:
            continue
        sessions.append(view[0])
        upload = [handle_file(str(proposal))]
        results.timed("upload+ingest", api.predict, upload, "", api_name="/ingest")
        question = QUESTIONS[index % len(QUESTIONS)]
        results.timed("ask", api.predict, question, "none", api_name="/ask")
        history: list = []
        for text in TURNS:
            out = results.timed("interview turn", api.predict, text, history, "none",
                                api_name="/turn")
            history = out[0] if out else history
        results.timed("rfp draft", api.predict, "none", api_name="/make")


def shared_user(url: str, user: str, name: str, until: float, results: Results,
                acknowledged: list) -> None:
    """Interview turns on the shared workspace as fast as the server answers."""
    api = results.timed("login", client, url, user)
    if api is None or results.timed("open shared", api.predict, name, None,
                                    api_name="/on_open") is None:
        return
    for _ in range(2000):
        if time.time() >= until:
            return
        if results.timed("shared turn", api.predict, "skip", [], "none",
                         api_name="/turn") is not None:
            acknowledged.append(user)


def summary(values: list[float]) -> dict:
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"n": len(values), "p50_s": round(statistics.median(values), 3),
            "p95_s": round(pick(0.95), 3), "max_s": round(ordered[-1], 3)}


def lost_updates(home: Path, shared_key: str, acknowledged: int, sessions: list[str]) -> dict:
    """Acknowledged turns missing from the final state, shared workspace and sessions."""
    from assistant.interview.profile import load_state

    shared = home / "named" / shared_key
    shared_lost = acknowledged - load_state(shared).messages
    folders = [home / "sessions" / key.split(":", 1)[1] for key in sessions]
    checked = [f for f in folders if f.is_dir()]  # older sessions went with the per-user cap
    session_lost = sum(max(0, len(TURNS) - load_state(f).messages) for f in checked)
    return {"shared": shared_lost, "sessions": session_lost, "sessions_checked": len(checked)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)

    from assistant.samples import build_sample_pdfs
    from assistant.server.access import Access
    from assistant.server.users import Users
    from assistant.state.server_db import ServerDB

    root = Path(tempfile.mkdtemp(prefix="procure-load-"))
    home, server = root / "home", None
    try:
        users = Users.for_home(home)
        names = [f"user{i}" for i in range(args.users)] + ["owner", "member"]
        for name in names:
            users.add(name, PASSWORD)
        access = Access(home, ServerDB.for_home(home))
        shared = access.open_named("owner", "shared")
        access.share("owner", shared.key, "member")
        proposal = next(p for p in build_sample_pdfs(root / "samples") if p.name == "meridian.pdf")
        port = free_port()
        server = start_server(home, port)
        url = f"http://127.0.0.1:{port}/"
        client(url, "user0").predict("", api_name="/on_load")  # warm: the model loads once

        results, acknowledged, sessions = Results(), [], []
        until = time.time() + args.seconds
        threads = [threading.Thread(target=journey_user,
                                    args=(url, f"user{i}", proposal, until, results, sessions))
                   for i in range(args.users)]
        threads += [threading.Thread(target=shared_user,
                                     args=(url, who, name, until, results, acknowledged))
                    for who, name in (("owner", "shared"), ("member", "owner/shared"))]
        started = time.time()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 600)
        elapsed = time.time() - started
        lost = lost_updates(home, "owner/shared", len(acknowledged), sessions)
        report = {
            "users": args.users, "seconds": round(elapsed, 1),
            "actions": {k: summary(v) for k, v in sorted(results.latencies.items())},
            "errors": len(results.errors), "error_samples": results.errors[:10],
            "acknowledged_shared_turns": len(acknowledged), "lost_updates": lost,
        }
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)
    print(f"{args.users} users + 2 on one shared workspace, {report['seconds']} s")
    print(f"{'action':<16}{'n':>6}{'p50 s':>9}{'p95 s':>9}{'max s':>9}")
    for action, row in report["actions"].items():
        print(f"{action:<16}{row['n']:>6}{row['p50_s']:>9}{row['p95_s']:>9}{row['max_s']:>9}")
    print(f"errors: {report['errors']}  lost updates: {lost}  "
          f"acknowledged shared turns: {report['acknowledged_shared_turns']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2))
    return 0 if report["errors"] == 0 and lost["shared"] == 0 and lost["sessions"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
