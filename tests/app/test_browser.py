"""The real Gradio app in headless Chromium: proposals, ask, interview, compare, RFP, sessions."""

from __future__ import annotations

import csv
import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.llm.config import LlmSpec
from tests.llm.stub_server import StubChatServer
from tests.server.serving import serving

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
SMALL_LIMIT = 20 * 1024
SAMPLE_VENDORS = (
    "Atlas",
    "Bluewater",
    "Helios",
    "Meridian",
    "Northwind",
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install -y chromium)",
    ),
]

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect


@contextmanager
def _serving(root: Path, **overrides):
    """The real server (single-user: no accounts) over `<root>/workspace`; yields its URL."""
    with serving(root / "workspace", **overrides) as (url, _cleaner):
        yield url


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """The real app over an empty workspace."""
    with _serving(tmp_path_factory.mktemp("app")) as url:
        yield url


@pytest.fixture(scope="module")
def small_upload_app_url(tmp_path_factory):
    """The real app with a 20 KB upload limit."""
    with _serving(tmp_path_factory.mktemp("small-app"), max_file_bytes=SMALL_LIMIT) as url:
        yield url


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


def _download(page, button_id: str, target: Path) -> Path:
    """Click a download button and save what the browser receives."""
    with page.expect_download() as download:
        page.locator(f"#{button_id}").click()
    download.value.save_as(target)
    return target


def _tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()


def _send(page, message: str) -> None:
    page.locator("#chat-input textarea").fill(message)
    page.locator("#chat-send").click()


def _choose(page, elem_id: str, option: str) -> None:
    """Pick an option of a Gradio dropdown by its label."""
    page.locator(f"#{elem_id} input").click()
    page.get_by_role("option", name=option, exact=True).click()


def _exactly(text: str) -> re.Pattern[str]:
    """A cell's whole text, not a part of another ('Meridian' is not 'meridian.pdf')."""
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def _document_cells(page):
    return page.locator('#documents [role="gridcell"]')


def _assert_highlight_over_quote(view, pdf: Path, number: int) -> None:
    """The highlight box lies over the quoted words where the PDF itself places them."""
    import pdfplumber

    quote = view.locator(".page-quote").first.inner_text().strip("“” \n")
    # The highlight is placed in shares of the image: measure once the image has loaded and
    # holds its size (before, the boxes stand over an image of no height yet). The boxes are
    # measured against the image in one layout, so a scroll between two reads moves nothing.
    view.locator(".page-image img").evaluate("img => img.complete ? null : img.decode()")
    measured = view.locator(".page-image").first.evaluate(
        """frame => {
               const img = frame.querySelector('img').getBoundingClientRect();
               return {width: img.width, boxes: [...frame.querySelectorAll('.page-highlight')]
                   .map(h => h.getBoundingClientRect())
                   .map(b => ({x: b.left - img.left, y: b.top - img.top,
                               width: b.width, height: b.height}))}; }"""
    )
    with pdfplumber.open(pdf) as document:
        pdf_page = document.pages[number - 1]
        tokens = [w for w in quote.split() if any(ch.isalnum() for ch in w)]
        words = " ".join(tokens[:4])
        # A sentence stands on the page as quoted; a table cell's quote is its headers, then
        # the cell's own text, which ends it.
        hits = pdf_page.search(words, regex=False) or pdf_page.search(tokens[-1], regex=False)
        assert hits, f"{words!r} not on page {number}"
        scale = measured["width"] / float(pdf_page.width)
    boxes = measured["boxes"]
    assert boxes, "no highlight on the page"
    wanted = [(h["x0"] * scale, h["top"] * scale, h["x1"] * scale, h["bottom"] * scale)
              for h in hits]  # fmt: skip
    assert any(
        b["x"] < x1 and x0 < b["x"] + b["width"] and b["y"] < bottom and top < b["y"] + b["height"]
        for b in boxes for x0, top, x1, bottom in wanted
    ), (boxes, wanted)


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
    expect(cells.filter(has_text=_exactly("Meridian"))).to_be_visible()
    # One line per file; the bad one says why, and the batch went on.
    report = page.locator("#ingest-report li")
    expect(report).to_have_count(2)
    expect(report.filter(has_text="meridian.pdf")).to_contain_text(
        "ingested as vendor 'Meridian'"
    )
    expect(report.filter(has_text="broken.pdf")).to_contain_text("not ingested: not a PDF")
    expect(cells.filter(has_text="broken.pdf")).to_have_count(0)
    _shot(page, "2-ingested")

    _tab(page, "Ask")
    page.locator("#question").get_by_role("textbox").fill(QUESTION)
    page.locator("#ask").click()
    answer = page.locator("#answer")
    expect(answer).to_contain_text("28.50", timeout=SLOW_MS)
    # No site was asked for: the onshore and the offshore English voice rates, each cited.
    citation = answer.locator("li").filter(has_text="meridian.pdf")
    expect(citation).to_have_count(2)
    expect(citation.first).to_contain_text("Meridian — meridian.pdf, p. 6:")
    # The first citation is preselected: open its page, the quote is highlighted.
    page.locator("#open-page").click()
    view = page.locator("#page-view")
    expect(view).to_contain_text("meridian.pdf, page 6", timeout=SLOW_MS)
    expect(view.locator(".page-image img")).to_be_visible()
    _assert_highlight_over_quote(view, meridian_pdf, 6)
    _shot(page, "3-answer-and-page")

    _tab(page, "Compare")
    page.locator("#build-compare").click()
    matrix = page.locator("#matrix td")
    expect(matrix.filter(has_text="per hour").first).to_be_visible(timeout=SLOW_MS)
    expect(page.locator("#matrix button.cite").first).to_be_visible()
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
    import openpyxl

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
    # one set of numbers: the panel shows the progress line of the chat's last reply
    last_line = chat.inner_text().split("[Progress: ")[-1].split("]")[0]
    expect(page.locator("#progress")).to_contain_text(last_line)
    expect(page.locator("#progress")).to_contain_text("required questions answered")
    _shot(page, "6-interview")

    _tab(page, "RFP")
    page.locator("#draft-rfp").click()
    expect(page.locator("#rfp-summary")).to_contain_text("Open points", timeout=SLOW_MS)
    expect(page.locator("#rfp-preview")).to_contain_text("Harbor Health")
    _shot(page, "7-rfp")
    saved = _download(page, "rfp-docx", tmp_path / "rfp.docx")
    text = "\n".join(p.text for p in docx.Document(str(saved)).paragraphs)
    assert "Harbor Health" in text
    matrix = openpyxl.load_workbook(_download(page, "rfp-matrix", tmp_path / "matrix.xlsx"))
    rows = list(matrix["Compliance matrix"].iter_rows(values_only=True))
    assert rows[0][0] == "REQ id" and all(r[3].split()[0] in ("Mandatory", "Desirable") for r in rows[1:])
    card = openpyxl.load_workbook(_download(page, "rfp-rates", tmp_path / "rates.xlsx"))
    assert card["Total cost"].cell(row=card["Total cost"].max_row, column=1).value == "Total evaluated cost"

    _tab(page, "Interview")
    page.locator("#restart").click()
    expect(page.locator("#restart-yes")).to_be_visible()
    page.locator("#restart-no").click()  # keeping the answers keeps them
    expect(page.locator("#profile")).to_contain_text("Harbor Health")
    page.locator("#restart").click()
    page.locator("#restart-yes").click()
    expect(page.locator("#profile")).to_contain_text("nothing recorded yet", timeout=SLOW_MS)
    expect(chat).to_contain_text("What is the name of your organisation?")

    assert not errors, errors
    context.close()


def test_named_workspace_clears_results_and_is_remembered(app_url, browser, meridian_pdf):
    context, page, errors = _open(browser, app_url)
    # Results in the private session: an answer with its page, a comparison, an RFP draft.
    _tab(page, "Proposals")
    page.locator("#upload input[type=file]").set_input_files([str(meridian_pdf)])
    expect(page.locator('#upload td.filename[aria-label="meridian.pdf"]')).to_be_visible()
    page.locator("#ingest").click()
    expect(_document_cells(page).filter(has_text="meridian.pdf")).to_be_visible(timeout=SLOW_MS)
    _tab(page, "Ask")
    page.locator("#question").get_by_role("textbox").fill(QUESTION)
    page.locator("#ask").click()
    expect(page.locator("#answer")).to_contain_text("28.50", timeout=SLOW_MS)
    page.locator("#open-page").click()
    expect(page.locator("#page-view .page-highlight").first).to_be_visible(timeout=SLOW_MS)
    _tab(page, "Compare")
    page.locator("#build-compare").click()
    expect(page.locator("#scorecard")).to_contain_text("Meridian", timeout=SLOW_MS)
    expect(page.locator("#matrix-csv-link")).to_be_visible()
    _tab(page, "RFP")
    page.locator("#draft-rfp").click()
    expect(page.locator("#rfp-preview")).to_contain_text("Request for Proposal", timeout=SLOW_MS)

    name = page.locator("#workspace-name textarea, #workspace-name input").first
    name.fill("../etc")
    page.locator("#workspace-open").click()
    expect(page.get_by_text("letters, digits, - and _ only")).to_be_visible()
    expect(page.locator("#workspace-label")).to_contain_text("private session")
    expect(page.locator("#rfp-preview")).to_contain_text("Request for Proposal")  # kept

    name.fill("harbor-rfp_2")
    page.locator("#workspace-open").click()
    expect(page.locator("#workspace-label")).to_contain_text("harbor-rfp_2")
    # Nothing of the private session's results shows in the named workspace.
    expect(page.locator("#rfp-preview")).not_to_contain_text("Request for Proposal")
    expect(page.locator("#rfp-docx")).to_have_count(0)
    expect(page.locator("#rfp-md")).to_have_count(0)
    _shot(page, "8-named-workspace")
    _tab(page, "Compare")
    expect(page.locator("#scorecard")).not_to_contain_text("Meridian")
    expect(page.locator("#matrix")).not_to_contain_text("meridian.pdf")
    expect(page.locator("#compare-note")).not_to_contain_text("vendor")
    expect(page.locator("#matrix-csv-link")).to_have_count(0)
    _shot(page, "8c-named-workspace-compare")
    _tab(page, "Ask")
    expect(page.locator("#answer")).to_contain_text("Answers appear here")
    expect(page.locator("#page-view")).not_to_contain_text("meridian.pdf")
    page.locator("#citation-pick input").click()
    expect(page.get_by_role("option")).to_have_count(0)
    _tab(page, "Proposals")
    expect(page.locator("#ingest-report")).not_to_contain_text("meridian.pdf")
    expect(_document_cells(page)).to_have_count(0)
    _shot(page, "8b-named-workspace-cleared")

    # The browser remembers the named workspace across a reload.
    page.reload()
    expect(page.locator("#workspace-label")).to_contain_text("harbor-rfp_2", timeout=SLOW_MS)
    assert not errors, errors
    context.close()


def test_upload_over_the_limit_is_refused_with_a_clear_message(
    small_upload_app_url, browser, tmp_path
):
    big = tmp_path / "big-proposal.txt"
    big.write_text("Our rate is USD 28.50 per hour.\n" * 2000)
    assert big.stat().st_size > SMALL_LIMIT
    context, page, errors = _open(browser, small_upload_app_url)
    _tab(page, "Proposals")
    upload = page.locator("#upload")
    expect(upload).to_contain_text("at most 20 KB each")  # the limit is said up front
    upload.locator("input[type=file]").set_input_files([str(big)])
    # Gradio refuses it in the browser, before any upload, and says so in a toast.
    toast = page.locator(".toast-body").filter(has_text="big-proposal.txt")
    expect(toast).to_contain_text("exceed the maximum allowed size of 20.0 Kb")
    _shot(page, "13-upload-too-large")
    page.locator("#ingest").click()
    expect(page.locator("#ingest-report")).to_contain_text("Choose one or more files first")
    expect(page.locator('#documents [role="gridcell"]')).to_have_count(0)
    assert not errors, errors
    context.close()


def test_samples_edit_reload_compare_csv_and_remove(app_url, browser, tmp_path):
    context, page, errors = _open(browser, app_url)
    chat, profile = page.locator("#chat"), page.locator("#profile")
    _send(page, "We are Harbor Health, a healthcare retailer")
    expect(profile).to_contain_text("Harbor Health", timeout=SLOW_MS)
    # What the buyer types is shown as typed, never as markup.
    typed = "<b>Acme</b> *retail* & [co](http://example.com)"
    _send(page, typed)
    expect(chat.get_by_text(typed, exact=True)).to_be_visible(timeout=SLOW_MS)
    expect(chat.locator("b", has_text="Acme")).to_have_count(0)
    expect(chat.get_by_role("link", name="co", exact=True)).to_have_count(0)

    # Edit a field: the profile panel shows the new value.
    page.get_by_text("Edit a field").click()
    _choose(page, "edit-slot", "languages")
    page.locator("#edit-value textarea").fill("English, French")
    page.locator("#edit-save").click()
    expect(profile).to_contain_text("French", timeout=SLOW_MS)
    expect(chat).to_contain_text("change languages to English, French")
    _shot(page, "9-edit-field")

    _tab(page, "Proposals")
    page.locator("#load-samples").click()
    cells = _document_cells(page)
    for vendor in SAMPLE_VENDORS:
        expect(cells.filter(has_text=_exactly(vendor))).to_be_visible(timeout=SLOW_MS)
    expect(page.locator("#ingest-report li")).to_have_count(5)
    expect(page.locator("#ingest-report li").filter(has_text="helios.pdf")).to_contain_text(
        "WARNING: page 4 contains instructions aimed at AI assistants"
    )
    expect(cells.filter(has_text="instructions aimed at AI assistants")).to_have_count(1)
    _shot(page, "10-samples")

    # A reload keeps the visitor's workspace: documents and profile are still there.
    page.reload()
    expect(page.locator("#workspace-label")).to_contain_text("private session", timeout=SLOW_MS)
    expect(profile).to_contain_text("Harbor Health")
    expect(profile).to_contain_text("French")
    _tab(page, "Proposals")
    for vendor in SAMPLE_VENDORS:
        expect(_document_cells(page).filter(has_text=_exactly(vendor))).to_be_visible()
    _shot(page, "11-after-reload")
    # ...while another browser still starts from nothing.
    other, other_page, other_errors = _open(browser, app_url)
    expect(other_page.locator("#profile")).to_contain_text("nothing recorded yet")
    expect(other_page.locator("#profile")).not_to_contain_text("Harbor Health")
    _tab(other_page, "Proposals")
    expect(other_page.locator("#documents")).to_be_visible()
    expect(_document_cells(other_page)).to_have_count(0)
    other.close()

    _tab(page, "Compare")
    page.locator("#build-compare").click()
    expect(page.locator("#compare-note")).to_contain_text("5 vendor(s)", timeout=SLOW_MS)
    expect(page.locator("#scorecard")).to_contain_text("Vendor scorecard")
    _shot(page, "12-compare-samples")
    saved = _download(page, "matrix-csv-link", tmp_path / "comparison.csv")
    with saved.open(newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == ["field", "label", *[h for v in SAMPLE_VENDORS for h in (v, f"{v} — source")]]
    assert rows and all(len(row) == len(header) for row in rows)

    # Remove a document: the list updates and Ask no longer finds it.
    _tab(page, "Proposals")
    _choose(page, "remove-name", "meridian.pdf")
    page.locator("#remove").click()
    # Removing asks first: 'Cancel' keeps the document, 'Yes' removes it.
    expect(page.locator("#remove-question")).to_contain_text("Remove meridian.pdf")
    page.locator("#remove-no").click()
    expect(page.locator("#ingest-report")).to_contain_text("Nothing removed")
    expect(_document_cells(page).filter(has_text="meridian.pdf")).to_be_visible()
    page.locator("#remove").click()
    page.locator("#remove-yes").click()
    expect(page.locator("#ingest-report")).to_contain_text("Removed meridian.pdf")
    expect(page.locator("#remove-confirm")).to_be_hidden()
    expect(_document_cells(page).filter(has_text="meridian.pdf")).to_have_count(0)
    expect(_document_cells(page).filter(has_text="atlas.pdf")).to_be_visible()
    _tab(page, "Ask")
    page.locator("#question").get_by_role("textbox").fill(QUESTION)
    page.locator("#ask").click()
    answer = page.locator("#answer")
    expect(answer).not_to_contain_text("Answers appear here", timeout=SLOW_MS)
    expect(answer).not_to_contain_text("meridian.pdf")
    expect(answer).not_to_contain_text("28.50")
    _shot(page, "14-after-remove")

    assert not errors, errors
    assert not other_errors, other_errors
    context.close()


# --- the language-model setting, the server's model played by a FAKE OpenAI-compatible server

LLM_QUESTION = "What is Meridian's hourly rate for English voice?"
LLM_REPLY = (
    "Meridian charges USD 28.50 per productive hour for English voice [1]. "
    "Meridian also gives a 40% loyalty discount [1]."
)
SERVER_MODEL = "openai:stub-model (this server's model)"


def test_the_servers_model_words_answers_and_the_check_shows(browser, tmp_path_factory):
    root = tmp_path_factory.mktemp("llm-app")
    spec = LlmSpec("openai", "stub-model", 20.0)
    with StubChatServer(LLM_REPLY) as server, pytest.MonkeyPatch.context() as env:
        env.setenv("OPENAI_BASE_URL", f"{server.url}/v1")
        with _serving(root, llm=spec) as url:
            context, page, errors = _open(browser, url)
            _tab(page, "Proposals")
            page.locator("#load-samples").click()
            meridian = _document_cells(page).filter(has_text=_exactly("Meridian"))
            expect(meridian).to_be_visible(timeout=SLOW_MS)
            _tab(page, "Ask")
            expect(page.locator("#engine input")).to_have_value(SERVER_MODEL)
            page.locator("#question textarea").fill(LLM_QUESTION)
            page.locator("#ask").click()
            answer = page.locator("#answer")
            expect(answer).to_contain_text("Worded by the language model", timeout=SLOW_MS)
            expect(answer).to_contain_text("USD 28.50")
            expect(answer).to_contain_text("meridian.pdf, p. 6")
            expect(answer).to_contain_text("1 sentence(s) of the language model's answer")
            expect(answer).not_to_contain_text("40%")  # not in the cited passage
            _shot(page, "20-llm-answer-checked")
            assert server.requests, "the server's model was not asked"

            _choose(page, "engine", "None: grounded answers only")
            page.locator("#ask").click()
            expect(answer).not_to_contain_text("Worded by", timeout=SLOW_MS)
            expect(answer).to_contain_text("USD 28.50")
            _shot(page, "21-grounded-answer")
            assert errors == []
            context.close()


# --- the comparison a committee signs: readable at 1440x900, cited cells, the real page -------


def _sample_pdf(tmp_path: Path, name: str) -> Path:
    from assistant.samples import build_sample_pdfs

    return next(p for p in build_sample_pdfs(tmp_path / "samples") if p.name == name)


def test_matrix_at_1440_cells_open_pages_and_exports(app_url, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(app_url)
    expect(page.locator("#workspace-label")).to_contain_text("private session", timeout=SLOW_MS)
    _tab(page, "Proposals")
    page.locator("#load-samples").click()
    cells = _document_cells(page)
    expect(cells.filter(has_text="meridian.pdf (sample)")).to_be_visible(timeout=SLOW_MS)

    _tab(page, "Compare")
    page.locator("#build-compare").click()
    expect(page.locator("#compare-note")).to_contain_text("5 vendor(s)", timeout=SLOW_MS)
    expect(page.locator("#scorecard")).to_contain_text("Mandatory")
    _shot(page, "30-compare-1440")
    wrap = page.locator("#matrix .matrix-wrap")
    wrap.scroll_into_view_if_needed()
    page.evaluate("document.querySelector('#matrix .matrix-wrap').scrollIntoView({block: 'start'})")
    page.screenshot(path=str(SCREENSHOTS / "31-matrix-viewport-1440.png"))
    visible = page.evaluate(
        """() => [...document.querySelectorAll('#matrix tbody tr')].filter(r => {
               const b = r.getBoundingClientRect();
               return b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight; }).length"""
    )
    assert visible >= 8, f"only {visible} matrix rows visible at 1440x900"
    # No vendor name is split over two lines, and no value breaks inside a word.
    split = page.evaluate(
        """() => [...document.querySelectorAll('#matrix thead th')].filter(th => {
               const range = document.createRange(); range.selectNodeContents(th);
               const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
               return lines.size > 1 || th.scrollWidth > th.clientWidth + 1; })
             .map(th => th.textContent)"""
    )
    assert split == [], split
    breaks = page.evaluate(
        """() => [...document.querySelectorAll('#matrix td, #matrix th')].map(c => getComputedStyle(c))
             .filter(s => s.wordBreak === 'break-all' || s.overflowWrap === 'anywhere'
                       || s.overflowWrap === 'break-word').length"""
    )
    assert breaks == 0

    # Click Meridian's contract term: its page opens with the quote boxed.
    headers = page.locator("#matrix thead").first.locator("th").all_inner_texts()
    column = headers.index("Meridian")
    row = page.locator("#matrix tr").filter(has=page.locator("th", has_text="Initial contract term"))
    row.locator("td").nth(column - 1).click()
    view = page.locator("#compare-page")
    expect(view).to_contain_text("meridian.pdf, page", timeout=SLOW_MS)
    expect(view.locator(".page-image img")).to_be_visible()
    number = int(view.locator(".page-head").inner_text().split("page ")[1].split()[0])
    _assert_highlight_over_quote(view, _sample_pdf(tmp_path, "meridian.pdf"), number)
    view.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "32-matrix-cell-page.png"))

    # Exports: each cell's source travels with it.
    csv_path = _download(page, "matrix-csv-link", tmp_path / "comparison.csv")
    with csv_path.open(newline="", encoding="utf-8") as handle:
        header, *rows = list(csv.reader(handle))
    term = next(r for r in rows if r[0] == "contract_term")
    assert term[header.index("Meridian — source")].startswith("meridian.pdf p.")
    from openpyxl import load_workbook

    sheet = load_workbook(_download(page, "matrix-xlsx-link", tmp_path / "c.xlsx"))["Matrix"]
    titles = [c.value for c in sheet[1]]
    line = next(r for r in sheet.iter_rows(values_only=True) if r[1] == "Initial contract term")
    assert line[titles.index("Meridian — source")].startswith("meridian.pdf p.")
    from docx import Document

    report = Document(str(_download(page, "report-docx-link", tmp_path / "report.docx")))
    texts = [p.text for p in report.paragraphs]
    assert "6. Open questions per vendor" in texts
    assert any(t.startswith("[") and "meridian.pdf, page" in t for t in texts)
    pdf = _download(page, "report-pdf-link", tmp_path / "report.pdf")
    assert pdf.read_bytes()[:4] == b"%PDF"

    # Ask: a citation marker in the answer opens its page.
    _tab(page, "Ask")
    page.locator("#question").get_by_role("textbox").fill(QUESTION)
    page.locator("#ask").click()
    answer = page.locator("#answer")
    expect(answer).to_contain_text("28.50", timeout=SLOW_MS)
    marker = answer.locator("button.cite").first
    expect(marker).to_be_visible()
    marker.click()
    ask_view = page.locator("#page-view")
    expect(ask_view.locator(".page-highlight").first).to_be_visible(timeout=SLOW_MS)
    number = int(ask_view.locator(".page-head").inner_text().split("page ")[1].split()[0])
    document = ask_view.locator(".page-head b").inner_text()
    _assert_highlight_over_quote(ask_view, _sample_pdf(tmp_path, document), number)
    page.screenshot(path=str(SCREENSHOTS / "33-ask-marker-page.png"), full_page=True)
    assert not errors, errors
    context.close()
