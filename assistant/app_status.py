"""What the web server is still doing after it starts, for the status line (no Gradio here).

The page is served at once; the embedding model, the guidance index and the demo workspace
are made ready in background threads, each reporting how far it has got.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from assistant.progress import Progress
from assistant.settings import Settings

log = logging.getLogger(__name__)

LOADING = "Loading the embedding model…"


class Startup:
    """The model load and demo preparation of one server process, and their status line."""

    def __init__(self) -> None:
        self.model = LOADING
        self.work = ""  # the long task running now, e.g. "meridian.pdf: embedding pages 3/7"
        self.loading = False
        self.demo_ready = threading.Event()
        self.demo_ready.set()  # until a demo is being prepared
        self._lock = threading.Lock()
        self._started = False

    def start(
        self,
        settings: Settings,
        demo: Callable[[Progress], object] | None = None,
        after: threading.Event | None = None,
    ) -> None:
        """Load the model and the guidance index, then run `demo` (once per process); with
        `after`, the work waits for that event (the server being up)."""
        with self._lock:
            if self._started:
                return
            self._started, self.loading = True, True
            if demo is not None:
                self.demo_ready.clear()
        threading.Thread(
            target=self._run, args=(settings, demo, after), name="procure-startup", daemon=True
        ).start()

    def _run(self, settings: Settings, demo, after: threading.Event | None) -> None:
        try:
            if after is not None:
                after.wait()
            self._load(settings)
            if demo is not None:
                demo(self.report)
        except Exception as exc:  # shown on the page; asking will retry the load
            log.exception("the server failed to get ready")
            self.model = f"Not ready: {exc}"
        finally:
            self.work, self.loading = "", False
            self.demo_ready.set()

    def _load(self, settings: Settings) -> None:
        from assistant.index.embedder import model_name, shared_embedder
        from assistant.index.guidance import guidance_index
        from assistant.knowledge import load_guidance

        started = time.perf_counter()
        model = shared_embedder(settings.install_dir, settings.embedding)
        took = time.perf_counter() - started
        self.model = f"Ready · embedding model {model_name(model)} loaded in {took:.1f} s"
        guidance_index(settings.install_dir, load_guidance(), model, self.report)

    def report(self, task: str, done: int, total: int) -> None:
        """A Progress: the status line shows the running task until it is done."""
        self.work = "" if total and done >= total else f"{task} {done}/{total}"

    def line(self) -> str:
        """The status line, as Markdown."""
        work = f" · {self.work}" if self.work else ""
        demo = "" if self.demo_ready.is_set() else " · preparing the demo workspace"
        return f"**Status:** {self.model}{demo}{work}"


def pages_bar(bar) -> Progress:
    """A Progress of an ingest that moves a `gr.Progress` bar, counting pages."""
    return lambda task, done, total: bar((done, total or None), desc=task, unit="pages")
