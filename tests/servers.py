"""Throwaway PostgreSQL and Chroma servers on loopback, for the tests of the team set-up.

`PROCURE_TEST_SERVERS=required` (set by `make test`, hence CI) makes a missing server an
error; otherwise the server-backend tests are skipped where PostgreSQL is not installed.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REQUIRED_ENV = "PROCURE_TEST_SERVERS"
# The `chroma` command of the chromadb package, run by this interpreter (a copied virtual
# environment's script may name another Python).
CHROMA_COMMAND = (sys.executable, "-c", "import sys; from chromadb.cli.cli import app; "
                  "sys.argv[0] = 'chroma'; sys.exit(app())")
PG_USER = "procure"


@dataclass(frozen=True)
class Servers:
    """The URLs of a running PostgreSQL cluster (its `postgres` database) and Chroma server."""

    postgres_url: str
    chroma_url: str


def missing(reason: str) -> None:
    """Fail when the servers are required (CI), else skip the test."""
    if os.environ.get(REQUIRED_ENV) == "required":
        pytest.fail(f"{reason} ({REQUIRED_ENV}=required)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the Debian package's `postgres` user."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


@contextmanager
def fresh_database(server_url: str, name: str) -> Iterator[str]:
    """A new, empty database on the cluster (dropped afterwards); yields its URL."""
    from assistant.state.engine import forget_engine

    _admin(server_url, f"CREATE DATABASE {name}")
    url = server_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        forget_engine(url)
        _admin(server_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def pg_tool(name: str, url: str, *args: str) -> None:
    """Run a PostgreSQL client (pg_dump, pg_restore) against the database of a URL."""
    from sqlalchemy.engine import make_url

    where = make_url(url)
    command = _pg_bin(name)
    if not command:
        missing(f"{name} is not installed (apt-get install postgresql)")
    subprocess.run([command, "-h", where.host, "-p", str(where.port), "-U", where.username,
                    *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@contextmanager
def postgres() -> Iterator[str]:
    """A fresh cluster in a temporary folder on a free loopback port; yields its URL."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        missing("PostgreSQL is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="procure-pg-"))
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    data, port = folder / "data", free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE, "check": True}
    subprocess.run(_as_postgres([initdb, "-D", str(data), "-U", PG_USER, "-A", "trust",
                                 "--no-sync", "-E", "UTF8"]), **quiet)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-o", options, "-l",
                                 str(folder / "log"), "-w", "start"]), **quiet)
    try:
        yield f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(folder, ignore_errors=True)


def _admin(url: str, statement: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine.connect() as connection:
        connection.execute(text(statement))
    engine.dispose()


@contextmanager
def chroma(data: Path | None = None) -> Iterator[str]:
    """`chroma run` (from the chromadb package) on a free loopback port; yields its URL. Its
    data go to `data` when given (kept afterwards), else to a temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="procure-chroma-"))
    port = free_port()
    log = (folder / "log").open("wb")
    process = subprocess.Popen(
        [*CHROMA_COMMAND, "run", "--path", str(data or folder / "data"), "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_port(port: int, process: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chroma run exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"chroma run did not listen on port {port} within {timeout_s:.0f} s")
