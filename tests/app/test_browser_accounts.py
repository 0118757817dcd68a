"""Logins, private and shared workspaces, and text that stays data, in headless Chromium.

Two users on a real server (argon2 logins, SQLite state); user B tries A's workspace by name,
by session key and through the /gradio_api/ calls. A canary HTTP server counts every request
markup typed into the app could make: it must get none.
"""

from __future__ import annotations

import http.server
import threading

import httpx
import pytest

from tests.app.test_browser import (
    CHROMIUM,
    SLOW_MS,
    _document_cells,
    _shot,
    _tab,
    browser,  # noqa: F401  (the module's Chromium fixture)
    expect,
)
from tests.server.serving import serving

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium"),
]

ACCOUNTS = {"alice": "alice-password", "bob": "bob-password"}


class Canary(http.server.BaseHTTPRequestHandler):
    """Counts requests: any hit means markup from the app loaded something."""

    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - the http.server API
        Canary.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def canary():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Canary)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def team(tmp_path_factory):
    """The real server with two users."""
    with serving(tmp_path_factory.mktemp("team"), users=ACCOUNTS) as (url, _cleaner):
        yield url


def hostile(canary: str) -> str:
    """Links, images and script in every form Markdown or HTML would render or load."""
    return (
        f'<img src="http://{canary}/img.png" onerror="window.__pwned=1"> '
        f"[link](http://{canary}/link) ![pic](http://{canary}/md.png) "
        f"<script>window.__pwned=2</script> <a href='http://{canary}/a'>a</a> "
        f"<iframe src='http://{canary}/frame'></iframe> http://{canary}/auto www.evil.example "
        "**bold** &lt;b&gt;"
    )


def _login(browser, url: str, user: str):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.locator("input[type=text]").first.fill(user)
    page.locator("input[type=password]").fill(ACCOUNTS[user])
    page.get_by_role("button", name="Login").click()
    expect(page.locator("#workspace-label")).to_contain_text("private session", timeout=SLOW_MS)
    expect(page.locator("#signed-in")).to_contain_text(f"Signed in as {user}")
    return context, page, errors


def _open_named(page, name: str) -> None:
    page.locator("#workspace-name input, #workspace-name textarea").first.fill(name)
    page.locator("#workspace-open").click()


def _api(url: str, user: str | None):
    """A Gradio API client logged in as the user (no browser)."""
    from gradio_client import Client

    auth = (user, ACCOUNTS[user]) if user else None
    return Client(url, auth=auth, verbose=False)


def test_a_login_is_required_for_the_page_the_api_and_uploads(team, browser):  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(team)
    expect(page.get_by_role("button", name="Login")).to_be_visible(timeout=SLOW_MS)
    expect(page.locator("#workspace-label")).to_have_count(0)
    _shot(page, "30-login")
    page.locator("input[type=text]").first.fill("alice")
    page.locator("input[type=password]").fill("wrong-password")
    page.get_by_role("button", name="Login").click()
    expect(page.get_by_text("Incorrect credentials")).to_be_visible()
    context.close()
    for path in ("config", "gradio_api/info", "gradio_api/queue/data?session_hash=x"):
        assert httpx.get(team + path).status_code == 401, path
    upload = httpx.post(team + "gradio_api/upload", files={"files": ("a.txt", b"hello")})
    assert upload.status_code == 401
    page_headers = httpx.get(team).headers
    assert page_headers["x-frame-options"] == "DENY"
    assert page_headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in page_headers["content-security-policy"]
    assert page_headers["referrer-policy"] == "no-referrer"


def test_user_b_cannot_reach_user_as_workspace_until_it_is_shared(
    team, browser, tmp_path, canary  # noqa: F811
):
    proposal = tmp_path / "acme-vendor.md"
    proposal.write_text("# Acme Vendor\n\nAcme Vendor charges USD 31.00 per productive hour.\n")
    alice, page, errors = _login(browser, team, "alice")
    _open_named(page, "acme")
    expect(page.locator("#workspace-label")).to_contain_text("acme", timeout=SLOW_MS)
    page.locator("#chat-input textarea").fill("About 60k contacts a month")
    page.locator("#chat-send").click()
    expect(page.locator("#profile")).to_contain_text("60,000", timeout=SLOW_MS)
    _tab(page, "Proposals")
    page.locator("#upload input[type=file]").set_input_files([str(proposal)])
    expect(page.locator('#upload td.filename[aria-label="acme-vendor.md"]')).to_be_visible()
    page.locator("#ingest").click()
    expect(_document_cells(page).filter(has_text="acme-vendor.md")).to_be_visible(timeout=SLOW_MS)
    _tab(page, "RFP")
    page.locator("#draft-rfp").click()
    expect(page.locator("#rfp-docx")).to_be_visible(timeout=SLOW_MS)
    download_url = team + page.locator("#rfp-docx").get_attribute("href")
    assert "/tmp" not in download_url and "/home" not in download_url
    _open_named(page, "secret")
    expect(page.locator("#workspace-label")).to_contain_text("secret", timeout=SLOW_MS)

    # Bob, by name (his "acme" is his own and empty; alice's is not his) ...
    bob, bob_page, bob_errors = _login(browser, team, "bob")
    bob_page.locator("#workspace-list input").click()
    expect(bob_page.get_by_role("option")).to_have_count(0)
    bob_page.keyboard.press("Escape")
    _open_named(bob_page, "alice/acme")
    expect(bob_page.get_by_text("is yours or shared with you")).to_be_visible(timeout=SLOW_MS)
    expect(bob_page.locator("#workspace-label")).to_contain_text("private session")
    _open_named(bob_page, "acme")
    expect(bob_page.locator("#workspace-label")).to_contain_text("acme", timeout=SLOW_MS)
    expect(bob_page.locator("#profile")).not_to_contain_text("60,000")
    _tab(bob_page, "Proposals")
    expect(_document_cells(bob_page)).to_have_count(0)
    # ... by download link, and through the API with a remembered key and alice's session.
    with httpx.Client() as client:
        client.post(team + "login", data={"username": "bob", "password": ACCOUNTS["bob"]})
        assert client.get(download_url).status_code == 404
    with httpx.Client() as client:
        client.post(team + "login", data={"username": "alice", "password": ACCOUNTS["alice"]})
        assert client.get(download_url).status_code == 200
    alice_api, bob_api = _api(team, "alice"), _api(team, "bob")
    alice_view = alice_api.predict("named:alice/acme", api_name="/on_load")
    assert alice_view[0] == "named:alice/acme"
    bob_view = bob_api.predict("named:alice/acme", api_name="/on_load")
    assert bob_view[0].startswith("session:") and "acme-vendor.md" not in str(bob_view)
    bob_api.session_hash = alice_api.session_hash  # a stolen session id is not enough
    with pytest.raises(Exception, match="not yours or shared with you"):
        bob_api.predict("We have 90k contacts a month", [], "none", api_name="/turn")
    with pytest.raises(Exception, match="yours or shared with you"):
        _api(team, "bob").predict("alice/acme", None, api_name="/on_open")

    # Alice shares acme (not secret) with bob, in the web app.
    _open_named(page, "acme")
    expect(page.locator("#workspace-label")).to_contain_text("acme", timeout=SLOW_MS)
    page.get_by_text("Sharing and activity").click()
    page.locator("#share-user input, #share-user textarea").first.fill("bob")
    page.locator("#share").click()
    expect(page.locator("#share-members")).to_contain_text("Shared with: bob", timeout=SLOW_MS)
    expect(page.locator("#activity")).to_contain_text("interview turn")
    expect(page.locator("#activity")).to_contain_text("ingest")
    _shot(page, "31-sharing")

    bob_page.reload()
    expect(bob_page.locator("#workspace-label")).to_contain_text("acme", timeout=SLOW_MS)
    _open_named(bob_page, "alice/acme")
    expect(bob_page.locator("#workspace-label")).to_contain_text("shared by alice", timeout=SLOW_MS)
    expect(bob_page.locator("#profile")).to_contain_text("60,000")
    bob_page.locator("#workspace-list input").click()
    expect(bob_page.get_by_role("option")).to_have_count(2)  # his acme and alice/acme only
    expect(bob_page.get_by_role("option", name="alice/secret")).to_have_count(0)
    bob_page.keyboard.press("Escape")
    bob_page.get_by_text("Sharing and activity").click()
    expect(bob_page.locator("#activity")).to_contain_text("shown to its owner only")
    _shot(bob_page, "32-shared-with-bob")
    _open_named(bob_page, "alice/secret")
    expect(bob_page.get_by_text("is yours or shared with you")).to_be_visible(timeout=SLOW_MS)
    assert not errors and not bob_errors, (errors, bob_errors)
    alice.close()
    bob.close()


def _no_markup_rendered(page, canary: str) -> None:
    """Nothing from the canary renders as an element, and no script ran."""
    for selector in (f"img[src*='{canary}']", f"a[href*='{canary}']", f"iframe[src*='{canary}']",
                     "a[href*='evil.example']"):
        assert page.locator(selector).count() == 0, selector
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#chat strong, #profile strong:has-text('bold')").count() == 0


def test_markup_typed_anywhere_never_renders_or_loads(team, browser, tmp_path, canary):  # noqa: F811
    evil = hostile(canary)
    proposal = tmp_path / "evil.md"
    proposal.write_text(
        f"# Evil Vendor {evil}\n\nEvil Vendor charges USD 30.00 per productive hour. {evil}\n\n"
        f"Evil Vendor holds ISO 27001. Contract term is 36 months. {evil}\n"
    )
    context, page, errors = _login(browser, team, "alice")
    Canary.hits.clear()
    page.locator("#chat-input textarea").fill(f"We are {evil}")
    page.locator("#chat-send").click()
    expect(page.locator("#chat")).to_contain_text("window.__pwned=2", timeout=SLOW_MS)
    page.get_by_text("Edit a field").click()
    page.locator("#edit-slot input").click()
    page.get_by_role("option", name="organisation", exact=True).click()
    page.locator("#edit-value textarea").fill(evil)
    page.locator("#edit-save").click()
    expect(page.locator("#profile")).to_contain_text('<img src="http://', timeout=SLOW_MS)
    # A second free-text field, which the RFP quotes (a name that is no name is left out of it).
    page.locator("#edit-slot input").click()
    page.get_by_role("option", name="peak periods", exact=True).click()
    page.locator("#edit-value textarea").fill(evil)
    page.locator("#edit-save").click()
    expect(page.locator("#chat")).to_contain_text("Updated: peak periods", timeout=SLOW_MS)
    _no_markup_rendered(page, canary)
    _shot(page, "33-hostile-interview")

    _tab(page, "Proposals")
    page.locator("#vendor input, #vendor textarea").first.fill(f"Evil {evil}")
    page.locator("#upload input[type=file]").set_input_files([str(proposal)])
    expect(page.locator('#upload td.filename[aria-label="evil.md"]')).to_be_visible()
    page.locator("#ingest").click()
    # The report's line, not the progress bar that names the file while it is read.
    expect(page.locator("#ingest-report li").filter(has_text="evil.md")).to_be_visible(
        timeout=SLOW_MS
    )
    _no_markup_rendered(page, canary)

    _tab(page, "Ask")
    page.locator("#question textarea").fill(f"What does Evil charge per hour? {evil}")
    page.locator("#ask").click()
    expect(page.locator("#answer")).to_contain_text("30.00", timeout=SLOW_MS)
    page.locator("#open-page").click()
    expect(page.locator("#page-view")).to_contain_text("evil.md", timeout=SLOW_MS)
    _no_markup_rendered(page, canary)

    _tab(page, "Compare")
    page.locator("#build-compare").click()
    expect(page.locator("#scorecard")).to_contain_text("Vendor scorecard", timeout=SLOW_MS)
    _no_markup_rendered(page, canary)

    _tab(page, "RFP")
    page.locator("#draft-rfp").click()
    expect(page.locator("#rfp-preview")).to_contain_text('<img src="http://', timeout=SLOW_MS)
    _no_markup_rendered(page, canary)
    _shot(page, "34-hostile-rfp")

    page.get_by_text("Sharing and activity").click()
    page.locator("#share-user input, #share-user textarea").first.fill(evil[:60])
    page.locator("#share").click()
    expect(page.locator(".toast-body").first).to_be_visible(timeout=SLOW_MS)
    _no_markup_rendered(page, canary)
    page.wait_for_timeout(500)
    assert Canary.hits == [], Canary.hits
    assert not errors, errors
    context.close()
