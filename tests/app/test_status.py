"""The server's status line while the model loads and the demo is prepared in the background."""

from __future__ import annotations

from assistant.app_status import LOADING, Startup
from assistant.settings import Settings


def test_status_line_follows_the_background_work(tmp_path):
    startup = Startup()
    assert startup.line() == f"**Status:** {LOADING}"
    lines = []

    def demo(progress):
        progress("meridian.pdf: embedding pages", 3, 7)
        lines.append(startup.line())
        progress("meridian.pdf: embedding pages", 7, 7)
        lines.append(startup.line())

    startup.start(Settings(workspace=tmp_path), demo)
    startup.start(Settings(workspace=tmp_path), demo)  # once per process: ignored
    assert startup.demo_ready.wait(120)
    assert "preparing the demo workspace · meridian.pdf: embedding pages 3/7" in lines[0]
    assert "embedding pages" not in lines[1]
    assert len(lines) == 2 and not startup.loading
    assert startup.line().startswith("**Status:** Ready · embedding model all-MiniLM-L6-v2/")


def test_a_failed_start_is_shown(tmp_path):
    startup = Startup()

    def demo(progress):
        raise RuntimeError("disk full")

    startup.start(Settings(workspace=tmp_path), demo)
    assert startup.demo_ready.wait(120)
    assert startup.line() == "**Status:** Not ready: disk full"
