"""The web app's link to the server: who is asking, which workspace, plain-sentence errors."""

from __future__ import annotations

import functools
import html
import inspect
import logging
from dataclasses import replace
from pathlib import Path

import gradio as gr

from assistant.index.embedder import TurnTakingEmbedder, shared_embedder
from assistant.limits import TooLong
from assistant.llm.config import LlmSpec, parse_llm_spec
from assistant.server.access import Access, AccessError, WorkspaceRef
from assistant.server.users import UserError, Users
from assistant.settings import Settings
from assistant.state.workspace_db import LOCAL_USER
from assistant.workspace import Workspace

log = logging.getLogger(__name__)

UNEXPECTED = "Something went wrong on the server; nothing was changed. Please try again."
NO_SESSION = "Your session has not started yet; reload the page."
LOGIN_NEEDED = (
    "This server now has user accounts: restart it so that it asks for a login, then log in."
)
PLAIN = (AccessError, TooLong, UserError)


def friendly(fn):
    """Errors reach the visitor as plain sentences (the traceback goes to the log only)."""
    if inspect.isgeneratorfunction(fn):

        @functools.wraps(fn)
        def stream(*args, **kwargs):
            try:
                yield from fn(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - translated, never shown raw
                raise _plain(exc) from None

        return stream

    @functools.wraps(fn)
    def call(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - translated, never shown raw
            raise _plain(exc) from None

    return call


def _plain(exc: Exception) -> gr.Error:
    if isinstance(exc, gr.Error):
        return exc
    if isinstance(exc, PLAIN):  # toasts render HTML: a typed name must stay text
        return gr.Error(html.escape(str(exc)), duration=8)
    log.exception("a web app callback failed", exc_info=exc)
    return gr.Error(UNEXPECTED, duration=8)


class Spaces:
    """Workspace objects by folder, shared by all callbacks (cheap; the model is shared)."""

    def __init__(
        self, settings: Settings, access: Access, users: Users, seed: Path | None = None
    ) -> None:
        self.settings = settings
        self.root = settings.workspace
        self.access = access
        self.users = users
        self.seed = seed  # new sessions start with a copy of this workspace's documents (demo)
        from assistant import app_views as views

        self.engines = views.engine_choices(settings.llm)
        self.embedder = TurnTakingEmbedder(
            load=lambda: shared_embedder(settings.install_dir, settings.embedding)
        )
        self._spaces: dict[Path, Workspace] = {}

    def user(self, request: gr.Request | None) -> str:
        """Who is asking: the logged-in user, or the single user of a server without accounts."""
        name = getattr(request, "username", None) if request is not None else None
        if name:
            return name
        if self.users.any():  # accounts were added while this server ran without a login
            raise gr.Error(LOGIN_NEEDED)
        return LOCAL_USER

    def open(self, key: str, request: gr.Request | None) -> tuple[Workspace, WorkspaceRef, str]:
        """The workspace of a key, its reference and the user, after checking access."""
        if not key:
            raise gr.Error(NO_SESSION)
        user = self.user(request)
        ref = self.access.check(user, key)
        return self.workspace(ref), ref, user

    def workspace(self, ref: WorkspaceRef) -> Workspace:
        """The (cached) Workspace object of a folder the caller may open."""
        if ref.path not in self._spaces:
            settings = replace(self.settings, workspace=ref.path)
            self._spaces.setdefault(ref.path, Workspace(settings, embedder=self.embedder))
        space = self._spaces[ref.path]
        space.refresh()  # another app process may have changed its documents
        return space

    def new_session(self, user: str) -> WorkspaceRef:
        """A fresh private workspace (holding the demo documents when the server has them)."""
        from assistant import app_views as views
        from assistant.app import STARTUP

        ref = self.access.new_session(user)
        if self.seed is not None:
            STARTUP.demo_ready.wait()  # the status line says the demo is being prepared
            views.copy_documents(self.seed, ref.path)
        return ref

    def forget(self, paths: list[Path]) -> None:
        """Drop the cached objects of deleted workspaces."""
        for path in paths:
            self._spaces.pop(path, None)

    def engine(self, label: str | None) -> LlmSpec:
        """The visitor's choice of engine; only the offered ones are accepted."""
        offered = {value for _, value in self.engines}
        chosen = label if label in offered else "none"
        return parse_llm_spec(chosen, self.settings.llm.timeout_s)
