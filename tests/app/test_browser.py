"""The real Gradio app in headless Chromium: upload a proposal, ingest it, ask a question."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from assistant.settings import Settings, quiet_third_parties

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
SLOW_MS = 120_000  # the first ingest loads the embedding model

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)",
    ),
]

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """The real app on a free local port, over an empty workspace."""
    root = tmp_path_factory.mktemp("app")
    quiet_third_parties()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("GRADIO_ANALYTICS_ENABLED", "False")
        env.setenv("GRADIO_TEMP_DIR", str(root / "uploads"))
        from assistant.app import build_app, launch_options

        settings = Settings.from_env(root / "workspace")
        app = build_app(settings)
        port = _free_port()
        app.launch(
            prevent_thread_lock=True,
            server_name="127.0.0.1",
            server_port=port,
            quiet=True,
            **launch_options(settings),
        )
        try:
            yield f"http://127.0.0.1:{port}/"
        finally:
            app.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium with its own HOME."""
    home = tmp_path_factory.mktemp("chromium-home")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            env={**os.environ, "HOME": str(home)},
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def meridian_pdf(tmp_path_factory) -> Path:
    from assistant.samples import build_sample_pdfs

    paths = build_sample_pdfs(tmp_path_factory.mktemp("samples"))
    return next(path for path in paths if path.name == "meridian.pdf")


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_upload_ingest_and_ask_with_citation(app_url, browser, meridian_pdf, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_text("not a pdf")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(app_url)
    expect(page.locator("#ingest")).to_be_visible()
    _shot(page, "1-empty")

    # Upload: wait until the File component lists each file (its name cell carries aria-label;
    # the visible name is split across elements).
    page.locator("#upload input[type=file]").set_input_files([str(meridian_pdf), str(broken)])
    for name in ("meridian.pdf", "broken.pdf"):
        expect(page.locator(f'#upload td.filename[aria-label="{name}"]')).to_be_visible()
    _shot(page, "2-uploaded")

    page.locator("#ingest").click()
    # The documents table is virtualised: visible cells are role=gridcell divs (the <td>s
    # belong to a hidden sizing row), so locate the row's cells by role and exact text.
    cells = page.locator('#documents [role="gridcell"]')
    expect(cells.filter(has_text="meridian.pdf")).to_be_visible(timeout=SLOW_MS)
    expect(cells.filter(has_text="Meridian Contact Solutions")).to_be_visible()
    # One line per file; the bad one says why, and the batch went on.
    report = page.locator("#ingest-report li")
    expect(report).to_have_count(2)
    expect(report.filter(has_text="meridian.pdf")).to_contain_text(
        "ingested as vendor 'Meridian Contact Solutions'"
    )
    expect(report.filter(has_text="broken.pdf")).to_contain_text("not ingested: not a PDF")
    expect(cells.filter(has_text="broken.pdf")).to_have_count(0)
    _shot(page, "3-ingested")

    page.locator("#question").get_by_role("textbox").fill(
        "What is Meridian's hourly rate for English voice?"
    )
    page.locator("#ask").click()
    answer = page.locator("#answer")
    expect(answer).to_contain_text("28.50", timeout=SLOW_MS)
    citation = answer.locator("li").filter(has_text="meridian.pdf")
    expect(citation).to_have_count(1)
    expect(citation).to_contain_text("p. 6")
    expect(citation).to_contain_text("Meridian Contact Solutions — meridian.pdf, p. 6:")
    _shot(page, "4-answer")

    assert not errors, errors
    page.close()
