"""Two `procure serve` processes, each with its own home folder (as on two machines), over one
PostgreSQL database and one Chroma server: a user sees the same workspace from either."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest

from tests.servers import free_port, fresh_database

ALICE = ("alice", "alice-password")
QUESTION = "What is Meridian's hourly rate for English voice?"


@contextmanager
def _serve(home: Path, env: dict[str, str]):
    """`procure serve` on a free loopback port in its own process; yields its URL."""
    port = free_port()
    log = (home.parent / f"{home.name}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "--workspace", str(home), "serve",
         "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(url, process, home)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # uvicorn waits for open event streams; none matter
            process.kill()
            process.wait(timeout=10)
        log.close()


def _wait_until_up(url: str, process: subprocess.Popen, home: Path, timeout_s: float = 120):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if process.poll() is not None:
            log = (home.parent / f"{home.name}.log").read_text(errors="replace")
            raise AssertionError(f"procure serve exited with {process.returncode}:\n{log}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError(f"procure serve did not answer at {url} within {timeout_s:.0f} s")


@pytest.fixture
def replicas(tmp_path, team_servers, monkeypatch):
    """Two app processes on different ports, sharing the servers; alice is a user of both."""
    from assistant.server.users import Users
    from assistant.state.server_db import ServerDB

    with ExitStack() as stack:
        database = stack.enter_context(fresh_database(team_servers.postgres_url, "replicas"))
        Users(ServerDB(database)).add(*ALICE)
        env = {**os.environ, "PROCURE_DATABASE_URL": database,
               "PROCURE_CHROMA_URL": team_servers.chroma_url, "GRADIO_ANALYTICS_ENABLED": "False"}
        urls = [stack.enter_context(_serve(tmp_path / f"machine-{n}", env)) for n in (1, 2)]
        yield urls


def _client(url: str):
    from gradio_client import Client

    return Client(url, auth=ALICE, verbose=False)


def test_two_app_processes_serve_the_same_workspace(replicas, sample_pdfs):
    from gradio_client import handle_file

    first, second = map(_client, replicas)  # each client's session holds its workspace key
    opened = first.predict("acme", None, api_name="/on_open")
    assert opened[0] == "named:alice/acme"
    first.predict("About 60k contacts a month", [], "none", api_name="/turn")

    seen = second.predict("named:alice/acme", api_name="/on_load")  # before the ingest
    assert seen[0] == "named:alice/acme" and "60,000" in str(seen)
    assert "meridian.pdf" not in str(seen)

    report = first.predict([handle_file(str(sample_pdfs["meridian.pdf"]))], "",
                           api_name="/ingest")[0]
    assert "meridian.pdf" in report and "ingested as vendor" in report

    markdown, pick, _page = second.predict(QUESTION, "none", api_name="/ask")
    assert "meridian.pdf" in markdown and pick["choices"], markdown
    page = second.predict(pick["value"], api_name="/show")
    assert "page-image" in page  # the PDF itself, fetched from the database by this process
    assert "meridian.pdf" in str(second.predict("named:alice/acme", api_name="/on_load"))
