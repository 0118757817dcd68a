"""The real server (FastAPI + the mounted Gradio app) on a free loopback port, in a thread."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.settings import Settings, quiet_third_parties


@contextmanager
def serving(home: Path, users: dict[str, str] | None = None, demo: bool = False, **overrides):
    """The app over `home` with these users (name -> password); yields (url, cleaner)."""
    quiet_third_parties()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("GRADIO_ANALYTICS_ENABLED", "False")
        env.setenv("GRADIO_TEMP_DIR", str(home / "uploads"))
        from assistant.app import create_server, prepare_demo
        from assistant.server.http import BackgroundServer
        from assistant.server.users import Users

        settings = replace(Settings.from_env(home), **overrides)
        for name, password in (users or {}).items():
            Users.for_home(home).add(name, password)
        if demo:
            prepare_demo(home)
        app, cleaner = create_server(settings, demo)
        with BackgroundServer(app) as server:
            try:
                yield server.url, cleaner
            finally:
                cleaner.stop()
