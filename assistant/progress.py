"""Progress of long work: a callback `(task, done, total)`, and its terminal rendering."""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO


class Progress(Protocol):
    """Told how far a task has got: `done` of `total` units (pages, chunks, notes…)."""

    def __call__(self, task: str, done: int, total: int) -> None: ...


def no_progress(task: str, done: int, total: int) -> None:
    """The default: tell nobody."""


class TerminalProgress:
    """Progress on a terminal stream: one live line on a TTY, else a line now and then."""

    def __init__(self, stream: TextIO | None = None, every_s: float = 2.0) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.every_s = every_s
        self._started: dict[str, float] = {}
        self._last = 0.0

    def __call__(self, task: str, done: int, total: int) -> None:
        now = time.monotonic()
        first = task not in self._started
        started = self._started.setdefault(task, now)
        count = f" {done}/{total}" if total > 1 else ""  # a one-step task shows no count
        if total > 0 and done >= total:
            del self._started[task]
            self._write(f"{task}:{count} done in {now - started:.1f} s", now, final=True)
        elif self.live or first or now - self._last >= self.every_s:
            self._write(f"{task}:{count}…" if count else f"{task}…", now, final=False)

    def _write(self, text: str, now: float, final: bool) -> None:
        if self.live:  # redraw one line; end it when the task is done
            self.stream.write(f"\r\x1b[K{text}" + ("\n" if final else ""))
        else:
            self.stream.write(f"{text}\n")
        self.stream.flush()
        self._last = now
