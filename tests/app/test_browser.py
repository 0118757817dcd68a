"""The real Gradio app in headless Chromium: proposals, ask, interview, compare, RFP, sessions."""

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
QUESTION = "What is Meridian's hourly rate for English voice?"

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


def _open(browser, app_url):
    """A fresh browser context (a new visitor) on the app, its session workspace ready."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(app_url)
    expect(page.locator("#workspace-label")).to_contain_text("private session", timeout=SLOW_MS)
    return context, page, errors


def _tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()


def test_upload_ask_open_page_compare_and_isolation(app_url, browser, meridian_pdf, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_text("not a pdf")
    context, page, errors = _open(browser, app_url)
    expect(page.locator("#model-status")).to_contain_text("Ready", timeout=SLOW_MS)
    _tab(page, "Proposals")
    expect(page.locator("#ingest")).to_be_visible()
    _shot(page, "1-proposals-empty")

    # Upload: wait until the File component lists each file (its name cell carries aria-label;
    # the visible name is split across elements).
    page.locator("#upload input[type=file]").set_input_files([str(meridian_pdf), str(broken)])
    for name in ("meridian.pdf", "broken.pdf"):
        expect(page.locator(f'#upload td.filename[aria-label="{name}"]')).to_be_visible()
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
    _shot(page, "2-ingested")

    _tab(page, "Ask")
    page.locator("#question").get_by_role("textbox").fill(QUESTION)
    page.locator("#ask").click()
    answer = page.locator("#answer")
    expect(answer).to_contain_text("28.50", timeout=SLOW_MS)
    citation = answer.locator("li").filter(has_text="meridian.pdf")
    expect(citation).to_have_count(1)
    expect(citation).to_contain_text("Meridian Contact Solutions — meridian.pdf, p. 6:")
    # The first citation is preselected: open its page, the quote is highlighted.
    page.locator("#open-page").click()
    view = page.locator("#page-view")
    expect(view).to_contain_text("meridian.pdf, page 6", timeout=SLOW_MS)
    expect(view.locator("mark")).to_contain_text("28.50")
    _shot(page, "3-answer-and-page")

    _tab(page, "Compare")
    page.locator("#build-compare").click()
    matrix = page.locator('#matrix [role="gridcell"]')
    expect(matrix.filter(has_text="meridian.pdf p.").first).to_be_visible(timeout=SLOW_MS)
    expect(page.locator("#compare-note")).to_contain_text("1 vendor")
    _shot(page, "4-compare")

    # A second visitor has a workspace of their own: no documents there.
    other, other_page, other_errors = _open(browser, app_url)
    _tab(other_page, "Proposals")
    expect(other_page.locator("#documents")).to_be_visible()
    expect(
        other_page.locator('#documents [role="gridcell"]').filter(has_text="meridian.pdf")
    ).to_have_count(0)
    _tab(other_page, "Ask")
    other_page.locator("#question").get_by_role("textbox").fill(QUESTION)
    other_page.locator("#ask").click()
    expect(other_page.locator("#answer")).to_contain_text("Add at least one proposal first")
    _shot(other_page, "5-second-visitor")

    assert not errors, errors
    assert not other_errors, other_errors
    other.close()
    context.close()


def test_interview_updates_profile_and_rfp_downloads(app_url, browser, tmp_path):
    import docx

    context, page, errors = _open(browser, app_url)
    chat = page.locator("#chat")
    expect(chat).to_contain_text("What is the name of your organisation?")
    box = page.locator("#chat-input textarea")
    for message, noted in (
        ("We are Harbor Health, a healthcare retailer", "Harbor Health"),
        ("About 60k contacts a month, half phone, 30% chat, 20% email", "60,000"),
        ("English and Spanish", "Spanish"),
    ):
        box.fill(message)
        page.locator("#chat-send").click()
        expect(page.locator("#profile")).to_contain_text(noted, timeout=SLOW_MS)
    expect(chat).to_contain_text("Noted: languages English, Spanish")
    expect(page.locator("#progress")).to_contain_text("5 of")
    _shot(page, "6-interview")

    _tab(page, "RFP")
    page.locator("#draft-rfp").click()
    expect(page.locator("#rfp-summary")).to_contain_text("Open points", timeout=SLOW_MS)
    expect(page.locator("#rfp-preview")).to_contain_text("Harbor Health")
    _shot(page, "7-rfp")
    with page.expect_download() as download:
        page.locator("#rfp-docx").click()
    saved = tmp_path / "rfp.docx"
    download.value.save_as(saved)
    text = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
    assert "Harbor Health" in text

    assert not errors, errors
    context.close()


def test_named_workspace_rejects_bad_names_and_reopens(app_url, browser):
    context, page, errors = _open(browser, app_url)
    name = page.locator("#workspace-name textarea, #workspace-name input").first
    name.fill("../etc")
    page.locator("#workspace-open").click()
    expect(page.get_by_text("letters, digits, - and _ only")).to_be_visible()
    expect(page.locator("#workspace-label")).to_contain_text("private session")
    name.fill("harbor-rfp_2")
    page.locator("#workspace-open").click()
    expect(page.locator("#workspace-label")).to_contain_text("harbor-rfp_2")
    _shot(page, "8-named-workspace")
    assert not errors, errors
    context.close()
