"""The real server (FastAPI + the mounted Gradio app) on a free loopback port, in a thread."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.settings import Settings, quiet_third_parties


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(home: Path, users: dict[str, str] | None = None, demo: bool = False, **overrides):
    """The app over `home` with these users (name -> password); yields (url, cleaner)."""
    import uvicorn

    quiet_third_parties()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("GRADIO_ANALYTICS_ENABLED", "False")
        env.setenv("GRADIO_TEMP_DIR", str(home / "uploads"))
        from assistant.app import create_server, prepare_demo
        from assistant.server.users import Users

        settings = replace(Settings.from_env(home), **overrides)
        for name, password in (users or {}).items():
            Users.for_home(home).add(name, password)
        if demo:
            prepare_demo(home)
        app, cleaner = create_server(settings, demo)
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.time() + 60
        while not server.started and time.time() < deadline:
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}/", cleaner
        finally:
            cleaner.stop()
            server.should_exit = True
            thread.join(timeout=30)
