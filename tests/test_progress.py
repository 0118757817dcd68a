"""Progress lines on a terminal stream and in a log file."""

from __future__ import annotations

import io

from assistant.progress import TerminalProgress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_a_start_line_heartbeats_and_a_final_line():
    stream = io.StringIO()
    progress = TerminalProgress(stream, every_s=3600)
    for done in range(8):
        progress("meridian.pdf: embedding pages", done, 7)
    progress("loading the embedding model", 0, 1)
    progress("loading the embedding model", 1, 1)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "meridian.pdf: embedding pages: 0/7…"
    assert lines[1].startswith("meridian.pdf: embedding pages: 7/7 done in ")
    assert lines[2] == "loading the embedding model…"
    assert lines[3].startswith("loading the embedding model: done in ")
    assert len(lines) == 4


def test_a_terminal_gets_one_redrawn_line_per_task():
    stream = _Tty()
    progress = TerminalProgress(stream)
    for done in range(4):
        progress("atlas.pdf: reading pages", done, 3)
    text = stream.getvalue()
    assert text.count("\r\x1b[K") == 4 and text.count("\n") == 1
    assert "atlas.pdf: reading pages: 2/3…" in text and text.endswith("s\n")
