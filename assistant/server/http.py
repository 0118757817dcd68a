"""The HTTP server around the Gradio app: login, security headers, downloads, clean-up."""

from __future__ import annotations

import ipaddress
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, PlainTextResponse
from starlette.datastructures import MutableHeaders

from assistant.server.access import Access
from assistant.server.users import Users
from assistant.state.workspace_db import LOCAL_USER

log = logging.getLogger(__name__)

# Gradio builds its page with inline scripts and styles; nothing may come from elsewhere, so
# markup that slipped into a view could not load an image, a script or a frame from outside.
CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
AUTH_MESSAGE = (
    "procure — choose a contact-centre vendor. Log in with the user name and password "
    "the operator of this server gave you."
)
NO_USERS_ELSEWHERE = (
    "Refusing to listen on {host}: this server has no users, so anyone who can reach it would "
    "see every workspace. Add one first (procure --workspace {home} users add NAME), or listen "
    "on 127.0.0.1 for single-user use."
)


class SecurityHeaders:
    """ASGI middleware: the security headers on every HTTP response (SSE streams too)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def is_loopback(host: str) -> bool:
    """Whether a listen address is on this machine only."""
    if host in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, users: Users, home: str) -> None:
    """SystemExit with a message that says how to add a user, when binding is not allowed."""
    if not is_loopback(host) and not users.any():
        raise SystemExit(NO_USERS_ELSEWHERE.format(host=host, home=home))


@dataclass
class GradioUser:
    """Reads the logged-in user of a request from the mounted Gradio app's login cookie."""

    gradio_app: object | None = None

    def __call__(self, request: Request) -> str | None:
        app = self.gradio_app
        if app is None:
            return None
        cookie = getattr(app, "cookie_id", "")
        token = request.cookies.get(f"access-token-{cookie}") or request.cookies.get(
            f"access-token-unsecure-{cookie}"
        )
        return app.tokens.get(token) if token else None


def download_route(access: Access, user_of: Callable[[Request], str | None]):
    """GET /download/<token>/<name>: an export of a workspace the user may open, else 404."""

    def download(token: str, filename: str, request: Request):
        user = user_of(request)
        path = access.exported_file(user, token, filename) if user else None
        if path is None:
            return PlainTextResponse("This download does not exist or has expired.", 404)
        return FileResponse(path, filename=filename, headers={"Cache-Control": "no-store"})

    return download


class Cleaner:
    """Runs a clean-up function now and then every `interval_s` seconds, in a daemon thread."""

    def __init__(self, clean: Callable[[], object], interval_s: float) -> None:
        self.clean = clean
        self.interval_s = interval_s
        self.runs = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="procure-cleanup", daemon=True)

    def start(self) -> Cleaner:
        """Start the thread (the first clean-up runs at once)."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop after the current run."""
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.clean()
            except Exception:  # noqa: BLE001 - the next round tries again
                log.exception("clean-up failed")
            self.runs += 1
            self._stop.wait(self.interval_s)


def create_http_app(access: Access, users: Users, mount: Callable[[FastAPI], object]) -> FastAPI:
    """The FastAPI app: security headers, the download route, then the mounted Gradio app."""
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    app.add_middleware(SecurityHeaders)
    user_of = GradioUser()
    local = None if users.any() else LOCAL_USER
    app.get("/download/{token}/{filename}")(
        download_route(access, lambda request: user_of(request) or local)
    )
    user_of.gradio_app = mount(app)
    return app


class BackgroundServer:
    """uvicorn serving an app on a loopback port in a daemon thread (tests and benchmarks)."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0) -> None:
        import socket

        import uvicorn

        if not port:
            with socket.socket() as sock:
                sock.bind((host, 0))
                port = sock.getsockname()[1]
        self.url = f"http://{host}:{port}/"
        config = uvicorn.Config(app, host=host, port=port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> BackgroundServer:
        import time

        self._thread.start()
        deadline = time.time() + 60
        while not self._server.started and time.time() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=30)
