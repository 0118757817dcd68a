"""The web app: a thin Gradio shell over the workspace, interview, compare and RFP functions."""

from __future__ import annotations

import logging
import os
import threading
import time
from functools import lru_cache
from pathlib import Path

import gradio as gr
from starlette.routing import Mount

from assistant import app_views as views
from assistant.app_spaces import Spaces, friendly
from assistant.app_status import Startup, pages_bar
from assistant.app_views import (  # noqa: F401  (kept importable from assistant.app)
    DOCUMENT_HEADERS,
    answer_markdown,
    document_rows,
    ingest_report,
)
from assistant.models import IngestOutcome
from assistant.server.access import Access, Limits, WorkspaceRef
from assistant.server.http import AUTH_MESSAGE, Cleaner, check_bind, create_http_app
from assistant.server.users import Users
from assistant.settings import Settings, quiet_third_parties
from assistant.state.server_db import ServerDB
from assistant.state.workspace_db import LOCAL_USER
from assistant.workspace import Workspace

log = logging.getLogger(__name__)

FILE_TYPES = [".pdf", ".docx", ".xlsx", ".txt", ".md"]  # .xlsx: a returned compliance matrix or rate card
EXAMPLE_QUESTIONS = [
    "What is Meridian's hourly rate for English voice?",
    "What are the contract termination terms?",
    "Which vendors are PCI DSS certified?",
    "Which vendors offer weekend coverage?",
]
INTRO = (
    "Tell us what you need (**Interview**), add vendor proposals (**Proposals**), ask questions "
    "with cited answers (**Ask**), compare the vendors (**Compare**) and draft your RFP (**RFP**)."
)
ANSWER_PLACEHOLDER = "_Answers appear here, each quote with the document and page it comes from._"
SCORECARD_PLACEHOLDER = "_The scorecard appears here: press **Build comparison**._"
RFP_PLACEHOLDER = (
    "_The draft appears here, written from your interview answers: press **Draft RFP**._"
)
CSS = """
.gradio-container { max-width: min(1400px, 98vw) !important; margin: 0 auto !important; }
#documents [role="grid"] *, #matrix [role="grid"] * { font-family: var(--font) !important; }
#answer p { margin: 0 0 0.6em 0; }
#page-view pre.page-text { white-space: pre-wrap; font-size: 0.85em; max-height: 420px;
  overflow-y: auto; padding: 0.6em; border: 1px solid var(--border-color-primary); }
#page-view mark { background: #fde68a; }
#scorecard table { font-size: 0.85em; }
#scorecard th { word-break: normal; overflow-wrap: normal; }
.bar { align-items: flex-end !important; }
.bar button { max-height: 2.8em; margin-bottom: 2px; }
.downloads { display: flex; gap: 0.6em; flex-wrap: wrap; }
.downloads a.download-link { display: inline-block; padding: 0.45em 1.1em; border-radius: 8px;
  border: 1px solid var(--button-secondary-border-color); text-decoration: none;
  background: var(--button-secondary-background-fill); color: var(--button-secondary-text-color);
  font-weight: 600; }
.bridge { display: none !important; }
#matrix .matrix-wrap { max-height: 78vh; overflow: auto; border: 1px solid var(--border-color-primary); }
#matrix details.matrix-group > summary { font-weight: 600; padding: 4px 8px; cursor: pointer;
  background: var(--background-fill-secondary); position: sticky; left: 0; }
#matrix table.matrix { border-collapse: separate; border-spacing: 0; width: 100%;
  table-layout: fixed; font-size: 13px; line-height: 1.3; }
#matrix table.matrix th, #matrix table.matrix td { padding: 3px 6px; vertical-align: top;
  border-bottom: 1px solid var(--border-color-primary); word-break: normal;
  overflow-wrap: normal; hyphens: none; text-align: left; }
#matrix table.matrix thead th { position: sticky; top: 0; z-index: 2;
  background: var(--background-fill-primary); white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
#matrix table.matrix th[scope=row], #matrix table.matrix thead th:first-child { position: sticky;
  left: 0; z-index: 1; background: var(--background-fill-primary); width: 190px; }
#matrix table.matrix thead th:first-child { z-index: 3; }
#matrix td.empty { color: var(--body-text-color-subdued); }
#matrix td.conflict .value { color: #b45309; }
#matrix td[data-cite] { cursor: pointer; }
#matrix td[data-cite]:hover { background: var(--background-fill-secondary); }
button.cite { font-size: 11px; padding: 0 4px; margin: 0 1px; border-radius: 4px;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary);
  cursor: pointer; white-space: nowrap; }
.page-head { margin-bottom: 6px; } .page-quote { font-size: 0.85em; color: var(--body-text-color-subdued); }
.page-image { position: relative; max-width: 900px; }
.page-image img { width: 100%; display: block; border: 1px solid var(--border-color-primary); }
.page-highlight { position: absolute; border: 2px solid #dc2626; background: rgba(250, 204, 21, 0.30);
  pointer-events: none; }
#compare-page pre.page-text { white-space: pre-wrap; font-size: 0.85em; max-height: 420px;
  overflow-y: auto; padding: 0.6em; }
#compare-page mark { background: #fde68a; }
"""
# Clicks on a page marker (or a matrix cell) send its index to a hidden textbox, which opens
# the page; '[n]' markers of an answer become such buttons once the answer is shown.
HEAD = """<script>
(() => {
  const send = (target, value) => {
    const box = document.querySelector(`${target} textarea, ${target} input`);
    if (!box) return;
    box.value = `${value}#${Date.now()}`;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    const view = target === "#ask-open" ? "#page-view" : "#compare-page";
    setTimeout(() => document.querySelector(view)?.scrollIntoView({ block: "start" }), 900);
  };
  document.addEventListener("click", (event) => {
    const hit = event.target.closest("[data-cite]");
    if (hit) { event.preventDefault(); send(hit.dataset.target, hit.dataset.cite); }
  });
  const markers = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const found = [];
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (/\[\d+\]/.test(node.nodeValue) && !node.parentElement.closest("button")) found.push(node);
    }
    for (const node of found) {
      const span = document.createElement("span");
      for (const part of node.nodeValue.split(/(\[\d+\])/)) {
        const m = part.match(/^\[(\d+)\]$/);
        if (!m) { span.append(part); continue; }
        const b = document.createElement("button");
        b.className = "cite"; b.textContent = part;
        b.dataset.cite = m[1]; b.dataset.target = "#ask-open";
        span.append(b);
      }
      node.replaceWith(span);
    }
  };
  new MutationObserver(() => {
    const answer = document.querySelector("#answer");
    if (answer) markers(answer);
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
})();
</script>"""
# Uploaded copies of proposals are confidential; keep them for an hour or two at most.
UPLOAD_RETENTION_S = 3600
# The browser remembers which workspace it had ('session:<hex>' or 'named:<name>', never a
# path). BrowserState's secret travels to the page, so it protects nothing; a fixed one lets
# visitors keep their session across server restarts, and the server validates every key.
WORKSPACE_STORAGE_KEY = "procure-workspace"
WORKSPACE_STORAGE_SECRET = "procure-workspace-key"
# Callbacks of different visitors run at once (Gradio runs one at a time per event otherwise).
CONCURRENCY_LIMIT = 8
ENGINE_INFO = "Every sentence it writes is checked against the passage it cites before you see it."

STARTUP = Startup()  # the model load and the demo, in the background; shown on the status line


def serve(
    settings: Settings, host: str = "127.0.0.1", port: int = 7860, demo: bool = False
) -> None:
    """Start the web app (blocking), optionally preloaded with the sample proposals.

    With users, every visitor logs in; without, the server is single-user and listens on
    loopback only (SystemExit with instructions otherwise).
    """
    import uvicorn

    check_bind(host, Users.for_home(settings.workspace), str(settings.workspace))
    prepare_environment(settings)
    # The model, guidance and demo get ready in the background once the server is up, so
    # that their work does not slow its start (new sessions wait for the demo's documents).
    served = threading.Event()
    prepare = (lambda progress: prepare_demo(settings.workspace, progress)) if demo else None
    STARTUP.start(settings, prepare, after=served)
    app, cleaner = create_server(settings, demo)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    threading.Thread(target=_signal_when_up, args=(server, served), daemon=True).start()
    cleaner.start()
    try:
        server.run()
    finally:
        cleaner.stop()


def _signal_when_up(server, served: threading.Event) -> None:
    """Set `served` once uvicorn listens."""
    while not server.started and not server.should_exit:
        time.sleep(0.1)
    served.set()


def prepare_environment(settings: Settings) -> None:
    """No analytics; Gradio's uploads in the server's home."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ["GRADIO_TEMP_DIR"] = str(settings.workspace / "uploads")
    quiet_third_parties()


def create_server(settings: Settings, demo: bool = False):
    """The HTTP app (login when users exist, security headers, downloads) and its cleaner."""
    home = settings.workspace
    db = ServerDB.for_home(home)
    users, access = Users(db), Access(home, db, limits_of(settings))
    access.adopt_legacy_named()
    blocks, spaces = build_app(settings, demo, access, users)

    def mount(app):
        gr.mount_gradio_app(
            app,
            blocks,
            path="",
            auth=users.authenticate if users.any() else None,
            auth_message=AUTH_MESSAGE,
            ssr_mode=False,
            **launch_options(settings),
        )
        return next(route.app for route in app.routes if isinstance(route, Mount))

    def clean() -> None:
        cleaned = access.cleanup()
        spaces.forget(cleaned.sessions)
        if cleaned.sessions or cleaned.exports:
            log.info("clean-up: %d session(s), %d export(s)", len(cleaned.sessions),
                     cleaned.exports)

    return create_http_app(access, users, mount), Cleaner(clean, settings.cleanup_interval_s)


def limits_of(settings: Settings) -> Limits:
    """The server's caps and lifetimes from the settings."""
    return Limits(
        sessions_per_user=settings.sessions_per_user,
        workspaces_per_user=settings.workspaces_per_user,
        session_days=settings.session_days,
        export_ttl_s=settings.export_ttl_s,
    )


def launch_options(settings: Settings) -> dict:
    """The arguments every server passes when mounting the app (theme and css in Gradio 6)."""
    return {
        "theme": gr.themes.Soft(),
        "css": CSS,
        "head": HEAD,
        "show_error": False,  # errors reach visitors as plain sentences (see app_spaces)
        "max_file_size": settings.max_file_bytes,
        "footer_links": [],
    }


def prepare_demo(workspace: Path, progress=None) -> list[IngestOutcome]:
    """Build the sample proposals under `<workspace>/samples/` and ingest those not yet held."""
    return load_samples(Workspace(Settings.from_env(workspace)), workspace, progress=progress)


def load_samples(
    space: Workspace, root: Path, user: str = LOCAL_USER, progress=None
) -> list[IngestOutcome]:
    """Ingest the sample proposals of `<root>/samples/` (built if missing) not yet held."""
    held = {record.name for record in space.documents()}
    missing = [path for path in sample_pdfs(root) if path.name not in held]
    outcomes = space.ingest(missing, sample=True, progress=progress, user=user) if missing else []
    for outcome in outcomes:
        log.info("%s: %s", Path(outcome.path).name, outcome.message)
    return outcomes


def sample_pdfs(root: Path) -> list[Path]:
    """The sample proposal PDFs, rendered once into `<root>/samples/`."""
    folder = Path(root) / "samples"
    existing = sorted(folder.glob("*.pdf"))
    if existing:
        return existing
    from assistant.samples import build_sample_pdfs

    return build_sample_pdfs(folder)


def model_status() -> str:
    """The status line: loading, ready or failed, and what is still being prepared."""
    return STARTUP.line()


@lru_cache(maxsize=1)
def slot_choices() -> list[tuple[str, str]]:
    """(label, label) of every profile field the edit form offers."""
    from assistant.interview.plan import load_plan

    return [(slot.label, slot.label) for slot in load_plan().slots]


def build_app(
    settings: Settings,
    demo: bool = False,
    access: Access | None = None,
    users: Users | None = None,
) -> tuple[gr.Blocks, Spaces]:
    """The page: interview, proposals, ask, compare and RFP tabs over a per-visitor workspace.

    With `demo`, each new visitor's workspace starts with a copy of the documents of the
    server's workspace (the sample proposals, see `prepare_demo`).
    """
    STARTUP.start(settings)
    stale = views.remove_stale_sessions(settings.workspace, settings.session_days * 86400)
    if stale:
        log.info("removed %d unregistered session folder(s) unused too long", len(stale))
    if access is None or users is None:
        db = ServerDB.for_home(settings.workspace)
        access, users = Access(settings.workspace, db, limits_of(settings)), Users(db)
    spaces = Spaces(settings, access, users, seed=settings.workspace if demo else None)
    with gr.Blocks(
        title="procure — choose a contact-centre vendor",
        analytics_enabled=False,
        delete_cache=(UPLOAD_RETENTION_S, UPLOAD_RETENTION_S),
    ) as app:
        _layout(app, spaces)
    return app.queue(default_concurrency_limit=CONCURRENCY_LIMIT), spaces


# --- layout: one function per tab; callbacks are a few lines over plain functions ------------


def _layout(app: gr.Blocks, spaces: Spaces) -> None:
    """Header, workspace bar and the five tabs, wired to the visitor's workspace key (gr.State)."""
    ws = gr.State("")
    remembered = gr.BrowserState(
        "", storage_key=WORKSPACE_STORAGE_KEY, secret=WORKSPACE_STORAGE_SECRET
    )
    gr.Markdown(f"# procure — choose a contact-centre vendor\n{INTRO}")
    who = gr.Markdown(elem_id="signed-in")
    timer = gr.Timer(1.0)
    where = gr.Markdown(elem_id="workspace-label")
    with gr.Row(equal_height=False, elem_classes="bar"):
        mine = gr.Dropdown(
            label="Your workspaces", choices=[], elem_id="workspace-list", scale=2
        )
        name = gr.Textbox(
            label="Open or create by name",
            placeholder="letters, digits, - and _",
            elem_id="workspace-name",
            scale=2,
        )
        open_button = gr.Button("Open", elem_id="workspace-open", scale=1)
    share_outputs, share_refresh = _sharing(spaces, ws)
    with gr.Row(equal_height=True):
        status = gr.Markdown(model_status(), elem_id="model-status")
        engine = gr.Dropdown(
            choices=spaces.engines,
            value=spaces.engines[-1][1] if spaces.settings.llm.enabled else "none",
            label="Language model (optional)",
            info=ENGINE_INFO,
            elem_id="engine",
            scale=2,
        )
    with gr.Tabs():
        with gr.Tab("Interview", id="interview"):
            chat, profile, progress = _interview_tab(spaces, ws, engine)
        with gr.Tab("Proposals", id="proposals"):
            table, remove_name, cleared = _proposals_tab(spaces, ws)
        with gr.Tab("Ask", id="ask-tab"):
            cleared |= _ask_tab(spaces, ws, engine)
        with gr.Tab("Compare", id="compare"):
            cleared |= _compare_tab(spaces, ws)
        with gr.Tab("RFP", id="rfp"):
            cleared |= _rfp_tab(spaces, ws, engine)

    # Results of the previous workspace are cleared so that none shows in the next one.
    session_outputs = [ws, remembered, who, where, mine, table, remove_name, chat, profile]
    session_outputs += [progress, *share_outputs, *cleared]

    def views_of(ref: WorkspaceRef, user: str) -> list:
        space = spaces.workspace(ref)
        history, profile_md, progress_md = _interview_views(ref.path)
        return [
            ref.key,
            ref.key,
            views.signed_in_markdown(user, spaces.users.any()),
            views.workspace_label(ref, user),
            _workspace_choices(spaces, user, ref),
            document_rows(space.documents()),
            _names_update(space),
            history,
            profile_md,
            progress_md,
            *share_refresh(ref, user),
            *(empty() for empty in cleared.values()),
        ]

    @friendly
    def on_load(key: str, request: gr.Request):
        user = spaces.user(request)
        ref = spaces.access.remembered(user, key) or spaces.new_session(user)
        return views_of(ref, user)

    @friendly
    def on_open(typed: str, picked: str | None, request: gr.Request):
        user = spaces.user(request)
        wanted = (typed or "").strip() or picked or ""
        if not wanted:
            gr.Warning("Type a workspace name or pick one of yours.", duration=5)
            return [gr.skip()] * len(session_outputs)
        return views_of(spaces.access.open_named(user, wanted), user)

    def on_tick():
        return model_status(), gr.Timer(active=STARTUP.loading)

    gr.on([open_button.click, name.submit], on_open, [name, mine], session_outputs)
    mine.select(on_open, [gr.State(""), mine], session_outputs)
    timer.tick(on_tick, None, [status, timer], show_progress="hidden")
    app.load(on_tick, None, [status, timer], show_progress="hidden")
    app.load(on_load, remembered, session_outputs)


def _workspace_choices(spaces: Spaces, user: str, current: WorkspaceRef):
    """The named workspaces a user may open, the current one selected when it is named."""
    refs = spaces.access.listing(user)
    choices = [(ref.label(user), ref.label(user)) for ref in refs]
    value = current.label(user) if current.kind == "named" else None
    return gr.Dropdown(choices=choices, value=value)


def _sharing(spaces: Spaces, ws: gr.State):
    """The owner's panel: share the named workspace with a user, and its activity log."""
    with gr.Accordion("Sharing and activity", open=False, elem_id="sharing"):
        members = gr.Markdown(elem_id="share-members")
        with gr.Row(equal_height=False, elem_classes="bar"):
            other = gr.Textbox(
                label="Share this workspace with (user name)", elem_id="share-user", scale=3
            )
            share_button = gr.Button("Share", elem_id="share", scale=1)
            unshare_button = gr.Button("Stop sharing", elem_id="unshare", scale=1)
        activity = gr.Markdown(elem_id="activity", container=True, padding=True)
        refresh = gr.Button("Refresh activity", elem_id="refresh-activity", size="sm")

    def panel(ref: WorkspaceRef, user: str) -> list:
        members_md = views.members_markdown(ref, user, spaces.access.members(ref.key))
        if not spaces.access.is_owner(user, ref.key):
            return [members_md, views.NOT_OWNER_ACTIVITY]
        return [members_md, views.audit_markdown(spaces.workspace(ref).audit_log(limit=50))]

    @friendly
    def change(key: str, other_user: str, request: gr.Request, share: bool = True):
        _space, ref, user = spaces.open(key, request)
        other_user = (other_user or "").strip()
        if not other_user:
            gr.Warning("Type the user name to share with.", duration=5)
            return gr.skip(), gr.skip(), gr.skip()
        if share:
            spaces.access.share(user, ref.key, other_user)
            gr.Info(f"Shared with {other_user}.")
        elif spaces.access.unshare(user, ref.key, other_user):
            gr.Info(f"No longer shared with {other_user}.")
        return "", *panel(ref, user)

    @friendly
    def stop(key: str, other_user: str, request: gr.Request):
        return change(key, other_user, request, share=False)

    @friendly
    def reload_panel(key: str, request: gr.Request):
        _space, ref, user = spaces.open(key, request)
        return panel(ref, user)

    share_button.click(change, [ws, other], [other, members, activity])
    unshare_button.click(stop, [ws, other], [other, members, activity])
    refresh.click(reload_panel, ws, [members, activity])
    return [members, activity], panel


def _names_update(space: Workspace):
    names = [record.name for record in space.documents()]
    return gr.Dropdown(choices=names, value=None)


def _no_choices():
    return gr.Dropdown(choices=[], value=None)


def _interview_views(path: Path) -> tuple[list[dict], str, str]:
    """Chat history opened by the current question, the profile and the progress."""
    from assistant.interview.commands import chat_turn

    turn = chat_turn(Path(path), "start")
    return [views.chat_message("assistant", turn["reply"])], *_panel(path)


def _panel(path: Path) -> tuple[str, str]:
    """The profile panel and the progress line, as saved."""
    from assistant.interview.commands import format_profile, profile_view

    view = profile_view(Path(path))
    return views.profile_markdown(format_profile(view)), views.progress_markdown(view["progress"])


def _interview_tab(spaces: Spaces, ws: gr.State, engine: gr.Dropdown):
    limit = spaces.settings.max_message_chars
    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(
                show_label=False, height=460, elem_id="chat", buttons=["copy"], latex_delimiters=[]
            )
            with gr.Row(equal_height=True):
                message = gr.Textbox(
                    show_label=False,
                    placeholder=f"Answer in your own words, or ask a question (up to {limit:,} "
                    "characters)",
                    scale=5,
                    elem_id="chat-input",
                )
                send = gr.Button("Send", variant="primary", scale=1, elem_id="chat-send")
        with gr.Column(scale=2):
            progress = gr.Markdown(elem_id="progress")
            profile = gr.Markdown(elem_id="profile", container=True, padding=True)
            with gr.Accordion("Edit a field", open=False):
                slot = gr.Dropdown(choices=slot_choices(), label="Field", elem_id="edit-slot")
                value = gr.Textbox(label="New value", elem_id="edit-value")
                save = gr.Button("Save", elem_id="edit-save")
            restart = gr.Button("Start the interview over", size="sm", elem_id="restart")
            with gr.Group(visible=False, elem_id="restart-confirm") as confirm:
                gr.Markdown("Start over? This clears every answer in your profile; your proposals stay.")
                with gr.Row():
                    yes = gr.Button("Yes, clear my answers", variant="stop", elem_id="restart-yes")
                    keep = gr.Button("No, keep them", elem_id="restart-no")

    def run_turn(key, text, history, label, request, action):
        from assistant.interview.commands import chat_turn

        space, ref, user = spaces.open(key, request)
        history = [
            {"role": m["role"], "content": views.message_text(m["content"])} for m in history or []
        ]
        if not text.strip():
            return history, "", gr.skip(), gr.skip()
        spec = spaces.engine(label)
        result = chat_turn(
            ref.path,
            text,
            lambda q: space.ask(q, spec),
            understand=space.interview_reader(spec) if label != "none" else None,
            user=user,
            action=action,
            max_chars=limit,
        )
        history += [
            views.chat_message("user", text),
            views.chat_message("assistant", result["reply"]),
        ]
        return history, "", *_panel(ref.path)

    @friendly
    def turn(key: str, text: str, history: list, label: str | None, request: gr.Request):
        return run_turn(key, text, history, label, request, "interview turn")

    @friendly
    def save_field(key: str, label: str | None, new_value: str, history: list, request: gr.Request):
        from assistant.interview.commands import edit_text_field

        _space, ref, user = spaces.open(key, request)
        if not label or not new_value.strip():
            gr.Warning("Choose a field and type its new value.")
            return history, new_value, gr.skip(), gr.skip()
        if edit_text_field(ref.path, label, new_value, user):  # free text: kept as typed
            history = [*(history or []), views.chat_message("user", f"{label}: {new_value}"),
                       views.chat_message("assistant", f"Updated: {label}.")]
            return history, "", *_panel(ref.path)
        change = views.change_message(label, new_value)
        return run_turn(key, change, history, "none", request, "profile edit")  # rules only

    @friendly
    def restart_now(key: str, request: gr.Request):
        from assistant.interview.commands import restart_interview

        _space, ref, user = spaces.open(key, request)
        restart_interview(ref.path, user)
        return (*_interview_views(ref.path), gr.update(visible=False))

    @friendly
    def keep_answers(key: str, request: gr.Request):
        """The chat's clear empties the screen only: the interview goes on where it was."""
        _space, ref, _user = spaces.open(key, request)
        return (*_interview_views(ref.path), gr.update(visible=False))

    outputs = [chat, message, profile, progress]
    gr.on([send.click, message.submit], turn, [ws, message, chat, engine], outputs)
    save.click(save_field, [ws, slot, value, chat], [chat, value, profile, progress])
    # Clearing the chat, or asking to start over, asks whether the answers go too.
    gr.on([restart.click, chat.clear], lambda: gr.update(visible=True), None, [confirm])
    yes.click(restart_now, [ws], [chat, profile, progress, confirm])
    keep.click(keep_answers, [ws], [chat, profile, progress, confirm])
    return chat, profile, progress


def _proposals_tab(spaces: Spaces, ws: gr.State):
    with gr.Row():
        limit = views.size_text(spaces.settings.max_file_bytes)
        files = gr.File(
            label=f"Proposal files (PDF, DOCX, XLSX answers, TXT, MD; at most {limit} each)",
            file_count="multiple",
            file_types=FILE_TYPES,
            height=170,
            scale=3,
            elem_id="upload",
        )
        with gr.Column(scale=2, min_width=220):
            vendor = gr.Textbox(
                label="Vendor (optional)",
                placeholder="detected from the document",
                elem_id="vendor",
            )
            ingest_button = gr.Button("Ingest", variant="primary", elem_id="ingest")
            samples_button = gr.Button("Load sample proposals", elem_id="load-samples")
    report = gr.Markdown(elem_id="ingest-report", padding=True)
    table = gr.Dataframe(
        headers=DOCUMENT_HEADERS,
        datatype=["str", "str", "number", "number", "str"],
        interactive=False,
        wrap=True,
        column_widths=["22%", "28%", "9%", "9%", "32%"],
        label="Documents in this workspace",
        elem_id="documents",
    )
    with gr.Row(equal_height=True):
        remove_name = gr.Dropdown(
            label="Remove a document", choices=[], elem_id="remove-name", scale=3
        )
        remove_button = gr.Button("Remove", variant="stop", elem_id="remove", scale=1)
    with gr.Row(visible=False, elem_id="remove-confirm") as confirm_row:
        confirm_text = gr.Markdown(elem_id="remove-question")
        confirm_yes = gr.Button("Yes, remove it", variant="stop", elem_id="remove-yes", scale=1)
        confirm_no = gr.Button("Cancel", elem_id="remove-no", scale=1)

    @friendly
    def ingest(key: str, paths: list[str] | None, vendor_name: str, request: gr.Request,
               bar=gr.Progress()):  # noqa: B008 (Gradio passes its tracker here)
        space, _ref, user = spaces.open(key, request)
        if not paths:
            return "Choose one or more files first.", gr.skip(), gr.skip(), gr.skip()
        vendor_name = vendor_name.strip()[:200] or None
        outcomes = space.ingest([Path(f) for f in paths], vendor=vendor_name, user=user,
                                progress=pages_bar(bar))
        return ingest_report(outcomes), document_rows(space.documents()), None, _names_update(space)

    @friendly
    def samples(key: str, request: gr.Request, bar=gr.Progress()):  # noqa: B008
        space, _ref, user = spaces.open(key, request)
        outcomes = load_samples(space, spaces.root, user, pages_bar(bar))
        text = ingest_report(outcomes) or "The sample proposals are already here."
        return text, document_rows(space.documents()), gr.skip(), _names_update(space)

    def ask_remove(document: str | None):
        if not document:
            return "Choose a document to remove.", gr.Row(visible=False), ""
        question = f"Remove **{views.escape_markdown(document)}** from this workspace? "
        return gr.skip(), gr.Row(visible=True), question + "Its answers and comparison go too."

    @friendly
    def remove(key: str, document: str | None, request: gr.Request):
        space, _ref, user = spaces.open(key, request)
        hide = gr.Row(visible=False)
        if not document:
            return "Choose a document to remove.", gr.skip(), gr.skip(), gr.skip(), hide
        done = space.remove(document, user=user)
        text = f"Removed **{views.escape_markdown(document)}**." if done else "Not held any more."
        return text, document_rows(space.documents()), gr.skip(), _names_update(space), hide

    outputs = [report, table, files, remove_name]
    ingest_button.click(ingest, [ws, files, vendor], outputs)
    samples_button.click(samples, ws, outputs)
    remove_button.click(ask_remove, remove_name, [report, confirm_row, confirm_text])
    confirm_yes.click(remove, [ws, remove_name], [*outputs, confirm_row])
    confirm_no.click(lambda: ("Nothing removed.", gr.Row(visible=False)), None, [report, confirm_row])
    return table, remove_name, {report: str}


def _ask_tab(spaces: Spaces, ws: gr.State, engine: gr.Dropdown) -> dict:
    cited = gr.State([])
    limit = spaces.settings.max_question_chars
    with gr.Row(equal_height=True):
        question = gr.Textbox(
            show_label=False,
            placeholder=f"e.g. What is the hourly rate for English voice? (up to {limit:,} "
            "characters)",
            scale=5,
            elem_id="question",
        )
        ask_button = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
    gr.Examples(EXAMPLE_QUESTIONS, inputs=question, label="Example questions")
    answer = gr.Markdown(
        ANSWER_PLACEHOLDER, elem_id="answer", latex_delimiters=[], container=True, padding=True
    )
    with gr.Row(equal_height=True):
        pick = gr.Dropdown(label="Open a cited page", choices=[], elem_id="citation-pick", scale=4)
        open_page = gr.Button("Show page", elem_id="open-page", scale=1)
    page = gr.HTML(elem_id="page-view")

    @friendly
    def ask(key: str, text: str, label: str | None, request: gr.Request):
        """Verified partial answers while a language model writes; then the final one."""
        space, _ref, _user = spaces.open(key, request)
        if not text.strip():
            yield "_Type a question first._", [], _no_choices(), ""
            return
        if not space.documents():
            yield "_Add at least one proposal first._", [], _no_choices(), ""
            return
        for result in space.ask_stream(text, spaces.engine(label)):
            choices = views.citation_choices(result.citations)
            first = choices[0][1] if choices else None
            markdown = answer_markdown(result, space.catalog.vendors())
            yield markdown, list(result.citations), gr.Dropdown(choices=choices, value=first), ""

    opened = gr.Textbox(elem_id="ask-open", elem_classes=["bridge"], show_label=False)

    @friendly
    def show(key: str, citations: list, index: int | None, request: gr.Request):
        space, _ref, _user = spaces.open(key, request)
        if index is None or not 0 <= int(index) < len(citations):
            return "<p><i>Choose a citation first.</i></p>"
        c = citations[int(index)]
        if c.source == "guidance":
            return views.page_html(c.document, c.page, c.quote, c.quote)
        source = {"document": c.document, "page": c.page, "quote": c.quote, "vendor": c.vendor}
        return _page_view(space, source)

    @friendly
    def show_marker(key: str, citations: list, value: str, request: gr.Request):
        marker = views.source_index(value)
        index = next((i for i, c in enumerate(citations) if c.marker == marker), None)
        return gr.skip() if index is None else show(key, citations, index, request)

    outputs = [answer, cited, pick, page]
    gr.on([ask_button.click, question.submit], ask, [ws, question, engine], outputs)
    open_page.click(show, [ws, cited, pick], page)
    opened.change(show_marker, [ws, cited, opened], page)
    return {answer: lambda: ANSWER_PLACEHOLDER, cited: list, pick: _no_choices, page: str}


def _compare_tab(spaces: Spaces, ws: gr.State) -> dict:
    cited = gr.State([])
    with gr.Row():
        build = gr.Button("Build comparison", variant="primary", elem_id="build-compare", scale=2)
        downloads = gr.HTML(elem_id="compare-downloads", scale=3)
    note = gr.Markdown(elem_id="compare-note")
    scorecard = gr.Markdown(
        SCORECARD_PLACEHOLDER, elem_id="scorecard", container=True, padding=True,
        latex_delimiters=[],
    )  # fmt: skip
    with gr.Accordion("Scorecard detail: criteria, checks, price inputs", open=False):
        detail = gr.Markdown(elem_id="scorecard-detail", latex_delimiters=[])
    matrix = gr.HTML(elem_id="matrix")
    opened = gr.Textbox(elem_id="compare-open", elem_classes=["bridge"], show_label=False)
    page = gr.HTML(elem_id="compare-page")

    @friendly
    def compare(key: str, request: gr.Request):
        from assistant.compare import build_scorecard, requirements_from_profile
        from assistant.compare.evaluation import build_report, write_docx, write_pdf
        from assistant.interview.profile import load_profile

        space, ref, _user = spaces.open(key, request)
        if not space.documents():
            return "_Add proposals first._", *([gr.skip()] * 5)
        result = space.matrix()
        profile = load_profile(ref.path)
        card = build_scorecard(result, requirements_from_profile(profile))
        report = build_report(result, card, profile.requirements())
        token, folder = spaces.access.export_folder(ref)
        files = [
            ("CSV", result.to_csv(folder / "comparison.csv"), "matrix-csv-link"),
            ("Excel", result.to_xlsx(folder / "comparison.xlsx"), "matrix-xlsx-link"),
            ("Report (DOCX)", write_docx(report, folder / "evaluation-report.docx"), "report-docx-link"),
            ("Report (PDF)", write_pdf(report, folder / "evaluation-report.pdf"), "report-pdf-link"),
        ]
        links = views.download_links(
            [(label, spaces.access.offer(ref, token, path), key) for label, path, key in files]
        )
        table, sources = views.matrix_html(result)
        summary, more = views.scorecard_parts(card)
        note_md = (
            f"{len(result.vendors)} vendor(s). Click a value or a page marker to see the page."
        )
        return note_md, summary, more, table, sources, links

    @friendly
    def show(key: str, sources: list, value: str, request: gr.Request):
        space, _ref, _user = spaces.open(key, request)
        index = views.source_index(value)
        if index is None or not 0 <= index < len(sources):
            return gr.skip()
        return _page_view(space, sources[index])

    outputs = [note, scorecard, detail, matrix, cited, downloads]
    build.click(compare, ws, outputs)
    opened.change(show, [ws, cited, opened], page)
    return {
        note: str,
        scorecard: lambda: SCORECARD_PLACEHOLDER,
        detail: str,
        matrix: str,
        cited: list,
        page: str,
        downloads: str,
    }


def _page_view(space: Workspace, source: dict) -> str:
    """The cited page: the PDF page with the quote boxed, else its text with the quote marked."""
    from assistant.pages import page_view_html

    document = source["document"]
    page = space.catalog.page(document, int(source["page"]))
    quotes = source.get("quotes") or [source["quote"]]
    return page_view_html(document, page, quotes, space.original(document), source.get("vendor", ""))


def _rfp_tab(spaces: Spaces, ws: gr.State, engine: gr.Dropdown) -> dict:
    draft = gr.Button("Draft RFP", variant="primary", elem_id="draft-rfp")
    summary = gr.Markdown(elem_id="rfp-summary")
    downloads = gr.HTML(elem_id="rfp-downloads")
    preview = gr.Markdown(
        RFP_PLACEHOLDER,
        elem_id="rfp-preview",
        container=True,
        padding=True,
        latex_delimiters=[],
        max_height=720,
    )

    @friendly
    def make(key: str, label: str | None, request: gr.Request):
        from assistant.rfp import export_rfp, export_workbooks, render_markdown

        space, ref, user = spaces.open(key, request)
        document, notes = space.draft_rfp(spaces.engine(label), user=user)
        token, folder = spaces.access.export_folder(ref)
        offer = spaces.access.offer
        docx_url = offer(ref, token, export_rfp(document, "docx", folder / "rfp.docx"))
        md_url = offer(ref, token, export_rfp(document, "md", folder / "rfp.md"))
        matrix_path, card_path = export_workbooks(document, folder)
        links = views.download_links(
            [
                ("Download DOCX", docx_url, "rfp-docx"),
                ("Download Markdown", md_url, "rfp-md"),
                ("Download compliance matrix (XLSX)", offer(ref, token, matrix_path), "rfp-matrix"),
                ("Download rate card (XLSX)", offer(ref, token, card_path), "rfp-rates"),
            ]
        )
        return views.rfp_summary(document.open_points, notes), links, render_markdown(document)

    draft.click(make, [ws, engine], [summary, downloads, preview])
    return {summary: str, downloads: str, preview: lambda: RFP_PLACEHOLDER}
