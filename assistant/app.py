"""The web app: a thin Gradio shell over the workspace, interview, compare and RFP functions."""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import gradio as gr

from assistant import app_views as views
from assistant.app_views import (  # noqa: F401  (kept importable from assistant.app)
    DOCUMENT_HEADERS,
    answer_markdown,
    document_rows,
    ingest_report,
)
from assistant.index.embedder import TurnTakingEmbedder
from assistant.llm.config import LlmSpec, parse_llm_spec
from assistant.models import IngestOutcome
from assistant.settings import Settings, quiet_third_parties
from assistant.workspace import Workspace

log = logging.getLogger(__name__)

FILE_TYPES = [".pdf", ".docx", ".txt", ".md"]
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
EMPTY_MATRIX_HEADERS = ["field", "sources"]
RFP_PLACEHOLDER = (
    "_The draft appears here, written from your interview answers: press **Draft RFP**._"
)
CSS = """
.gradio-container { max-width: 1100px !important; margin: 0 auto !important; }
#documents [role="grid"] *, #matrix [role="grid"] * { font-family: var(--font) !important; }
#answer p { margin: 0 0 0.6em 0; }
#page-view pre.page-text { white-space: pre-wrap; font-size: 0.85em; max-height: 420px;
  overflow-y: auto; padding: 0.6em; border: 1px solid var(--border-color-primary); }
#page-view mark { background: #fde68a; }
#scorecard table { font-size: 0.85em; }
#scorecard th { word-break: normal; overflow-wrap: normal; }
"""
# Uploaded copies of proposals are confidential; keep them for an hour or two at most.
UPLOAD_RETENTION_S = 3600
# A private session unused this long is deleted at the next start; named workspaces are kept.
SESSION_RETENTION_DAYS = 30
# The browser remembers which workspace it had ('session:<hex>' or 'named:<name>', never a
# path). BrowserState's secret travels to the page, so it protects nothing; a fixed one lets
# visitors keep their session across server restarts, and the server validates every key.
WORKSPACE_STORAGE_KEY = "procure-workspace"
WORKSPACE_STORAGE_SECRET = "procure-workspace-key"
# Callbacks of different visitors run at once (Gradio runs one at a time per event otherwise).
CONCURRENCY_LIMIT = 8
LOADING, READY = "Loading the embedding model…", "Ready"
ENGINE_INFO = "Every sentence it writes is checked against the passage it cites before you see it."

_model = {"status": LOADING}
_model_lock = threading.Lock()


def serve(
    settings: Settings, host: str = "127.0.0.1", port: int = 7860, demo: bool = False
) -> None:
    """Start the web app (blocking), optionally preloaded with the sample proposals."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ["GRADIO_TEMP_DIR"] = str(settings.workspace / "uploads")
    quiet_third_parties()
    if demo:
        prepare_demo(settings.workspace)
    build_app(settings, demo).launch(server_name=host, server_port=port, **launch_options(settings))


def launch_options(settings: Settings) -> dict:
    """The `launch()` arguments every server uses (theme and css live here in Gradio 6)."""
    return {
        "theme": gr.themes.Soft(),
        "css": CSS,
        "show_error": True,
        "max_file_size": settings.max_file_bytes,
        "footer_links": [],
    }


def prepare_demo(workspace: Path) -> list[IngestOutcome]:
    """Build the sample proposals under `<workspace>/samples/` and ingest those not yet held."""
    return load_samples(Workspace(Settings.from_env(workspace)), workspace)


def load_samples(space: Workspace, root: Path) -> list[IngestOutcome]:
    """Ingest the sample proposals of `<root>/samples/` (built if missing) not yet held."""
    held = {record.name for record in space.documents()}
    missing = [path for path in sample_pdfs(root) if path.name not in held]
    outcomes = space.ingest(missing) if missing else []
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


def start_model_loading() -> None:
    """Load the embedding model in a background thread (once per process)."""
    with _model_lock:
        if _model.get("thread"):
            return
        thread = threading.Thread(target=_load_model, name="procure-model", daemon=True)
        _model["thread"] = thread
    thread.start()


def _load_model() -> None:
    from assistant.index.embedder import shared_embedder

    try:
        shared_embedder()
        _model["status"] = READY
    except Exception as exc:  # shown to the user; asking will retry the load
        log.exception("the embedding model failed to load")
        _model["status"] = f"The embedding model failed to load: {exc}"


def model_status() -> str:
    """The status line: loading, ready or failed."""
    return f"**Status:** {_model['status']}"


@lru_cache(maxsize=1)
def slot_choices() -> list[tuple[str, str]]:
    """(label, label) of every profile field the edit form offers."""
    from assistant.interview.plan import load_plan

    return [(slot.label, slot.label) for slot in load_plan().slots]


class Spaces:
    """Workspace objects by folder, shared by all callbacks (cheap; the model is shared)."""

    def __init__(self, settings: Settings, seed: Path | None = None) -> None:
        self.settings = settings
        self.root = settings.workspace
        self.seed = seed  # new sessions start with a copy of this workspace's documents (demo)
        self.engines = views.engine_choices(settings.llm)
        self.embedder = TurnTakingEmbedder()
        self._spaces: dict[str, Workspace] = {}
        self._lock = threading.Lock()

    def get(self, path: str) -> Workspace:
        """The Workspace of a session or named folder."""
        if not path:  # an event before the page's load event ran (an API call, say)
            raise gr.Error("Your session has not started yet; reload the page.")
        with self._lock:
            if path not in self._spaces:
                settings = replace(self.settings, workspace=Path(path))
                self._spaces[path] = Workspace(settings, embedder=self.embedder)
            return self._spaces[path]

    def new_session(self) -> Path:
        """A fresh private workspace (holding the demo documents when the server has them)."""
        path = views.new_session_dir(self.root)
        if self.seed is not None:
            views.copy_documents(self.seed, path)
        return path

    def engine(self, label: str | None) -> LlmSpec:
        """The visitor's choice of engine; only the offered ones are accepted."""
        offered = {value for _, value in self.engines}
        chosen = label if label in offered else "none"
        return parse_llm_spec(chosen, self.settings.llm.timeout_s)


def build_app(settings: Settings, demo: bool = False) -> gr.Blocks:
    """The page: interview, proposals, ask, compare and RFP tabs over a per-visitor workspace.

    With `demo`, each new visitor's workspace starts with a copy of the documents of the
    server's workspace (the sample proposals, see `prepare_demo`).
    """
    start_model_loading()
    stale = views.remove_stale_sessions(settings.workspace, SESSION_RETENTION_DAYS * 86400)
    if stale:
        log.info(
            "removed %d session workspace(s) unused for %d days", len(stale), SESSION_RETENTION_DAYS
        )
    spaces = Spaces(settings, seed=settings.workspace if demo else None)
    with gr.Blocks(
        title="procure — choose a contact-centre vendor",
        analytics_enabled=False,
        delete_cache=(UPLOAD_RETENTION_S, UPLOAD_RETENTION_S),
    ) as app:
        _layout(app, spaces)
    return app.queue(default_concurrency_limit=CONCURRENCY_LIMIT)


def export_dir() -> Path:
    """A fresh folder for files offered as downloads (inside the temp dir Gradio serves)."""
    return Path(tempfile.mkdtemp(prefix="procure-export-"))


# --- layout: one function per tab; callbacks are a few lines over plain functions ------------


def _layout(app: gr.Blocks, spaces: Spaces) -> None:
    """Header, workspace bar and the five tabs, wired to the visitor's workspace (gr.State)."""
    ws = gr.State("")
    remembered = gr.BrowserState(
        "", storage_key=WORKSPACE_STORAGE_KEY, secret=WORKSPACE_STORAGE_SECRET
    )
    gr.Markdown(f"# procure — choose a contact-centre vendor\n{INTRO}")
    timer = gr.Timer(1.0)
    with gr.Row(equal_height=True):
        where = gr.Markdown(elem_id="workspace-label")
        name = gr.Textbox(
            show_label=False,
            placeholder="Workspace name (letters, digits, - and _)",
            elem_id="workspace-name",
            scale=2,
        )
        open_button = gr.Button("Open", elem_id="workspace-open", scale=1)
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
    session_outputs = [ws, remembered, where, table, remove_name, chat, profile, progress]
    session_outputs += list(cleared)

    def views_of(path: Path) -> list:
        space = spaces.get(str(path))
        history, profile_md, progress_md = _interview_views(str(path))
        return [
            str(path),
            views.workspace_key(spaces.root, path),
            views.workspace_label(spaces.root, path),
            document_rows(space.documents()),
            _names_update(space),
            history,
            profile_md,
            progress_md,
            *(empty() for empty in cleared.values()),
        ]

    def on_load(key: str):
        path = views.remembered_workspace_dir(spaces.root, key)
        if path is None:
            return views_of(spaces.new_session())
        os.utime(path)  # a visit counts as use: the folder is kept SESSION_RETENTION_DAYS more
        return views_of(path)

    def on_open(workspace_name: str):
        try:
            path = views.named_workspace_dir(spaces.root, workspace_name)
        except ValueError as exc:
            gr.Warning(str(exc), duration=5)
            return [gr.skip()] * len(session_outputs)
        path.mkdir(parents=True, exist_ok=True)
        return views_of(path)

    def on_tick():
        return model_status(), gr.Timer(active=_model["status"] == LOADING)

    gr.on([open_button.click, name.submit], on_open, name, session_outputs)
    timer.tick(on_tick, None, [status, timer])
    app.load(on_tick, None, [status, timer])
    app.load(on_load, remembered, session_outputs)


def _names_update(space: Workspace):
    names = [record.name for record in space.documents()]
    return gr.Dropdown(choices=names, value=None)


def _no_choices():
    return gr.Dropdown(choices=[], value=None)


def _no_download():
    return gr.DownloadButton(value=None, interactive=False)


def _interview_views(path: str) -> tuple[list[dict], str, str]:
    """Chat history opened by the current question, the profile and the progress."""
    from assistant.interview.commands import chat_turn, format_profile, profile_view

    turn = chat_turn(Path(path), "start")
    view = profile_view(Path(path))
    history = [views.chat_message("assistant", turn["reply"])]
    profile_md = views.profile_markdown(format_profile(view))
    return history, profile_md, views.progress_markdown(turn["progress"])


def _interview_tab(spaces: Spaces, ws: gr.State, engine: gr.Dropdown):
    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(
                show_label=False, height=460, elem_id="chat", buttons=["copy"], latex_delimiters=[]
            )
            with gr.Row(equal_height=True):
                message = gr.Textbox(
                    show_label=False,
                    placeholder="Answer in your own words, or ask a question",
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

    def turn(path: str, text: str, history: list, label: str | None = "none"):
        from assistant.interview.commands import chat_turn, format_profile

        history = [
            {"role": m["role"], "content": views.message_text(m["content"])} for m in history or []
        ]
        if not text.strip():
            return history, "", gr.skip(), gr.skip()
        space, spec = spaces.get(path), spaces.engine(label)
        reader = space.interview_reader(spec)
        result = chat_turn(Path(path), text, lambda q: space.ask(q, spec), understand=reader)
        history += [
            views.chat_message("user", text),
            views.chat_message("assistant", result["reply"]),
        ]
        profile_md = views.profile_markdown(format_profile({"profile": _profile_slots(path)}))
        return history, "", profile_md, views.progress_markdown(result["progress"])

    def save_field(path: str, label: str | None, new_value: str, history: list):  # rules only
        if not label or not new_value.strip():
            gr.Warning("Choose a field and type its new value.")
            return history, new_value, gr.skip(), gr.skip()
        return turn(path, views.change_message(label, new_value), history)

    def restart_now(path: str):
        from assistant.interview.commands import restart_interview

        restart_interview(Path(path))
        return (*_interview_views(path), gr.update(visible=False))

    def keep_answers(path: str):
        """The chat's clear empties the screen only: the interview goes on where it was."""
        return (*_interview_views(path), gr.update(visible=False))

    outputs = [chat, message, profile, progress]
    gr.on([send.click, message.submit], turn, [ws, message, chat, engine], outputs)
    save.click(save_field, [ws, slot, value, chat], [chat, value, profile, progress])
    # Clearing the chat, or asking to start over, asks whether the answers go too.
    gr.on([restart.click, chat.clear], lambda: gr.update(visible=True), None, [confirm])
    yes.click(restart_now, [ws], [chat, profile, progress, confirm])
    keep.click(keep_answers, [ws], [chat, profile, progress, confirm])
    return chat, profile, progress


def _profile_slots(path: str) -> dict:
    from assistant.interview.commands import profile_view

    return profile_view(Path(path))["profile"]


def _proposals_tab(spaces: Spaces, ws: gr.State):
    with gr.Row():
        limit = views.size_text(spaces.settings.max_file_bytes)
        files = gr.File(
            label=f"Proposal files (PDF, DOCX, TXT, MD; at most {limit} each)",
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

    def ingest(path: str, paths: list[str] | None, vendor_name: str):
        if not paths:
            return "Choose one or more files first.", gr.skip(), gr.skip(), gr.skip()
        space = spaces.get(path)
        outcomes = space.ingest([Path(f) for f in paths], vendor=vendor_name.strip() or None)
        return ingest_report(outcomes), document_rows(space.documents()), None, _names_update(space)

    def samples(path: str):
        space = spaces.get(path)
        outcomes = load_samples(space, spaces.root)
        text = ingest_report(outcomes) or "The sample proposals are already here."
        return text, document_rows(space.documents()), gr.skip(), _names_update(space)

    def remove(path: str, document: str | None):
        space = spaces.get(path)
        if not document:
            return "Choose a document to remove.", gr.skip(), gr.skip(), gr.skip()
        done = space.remove(document)
        text = f"Removed **{views.escape_markdown(document)}**." if done else "Not held any more."
        return text, document_rows(space.documents()), gr.skip(), _names_update(space)

    outputs = [report, table, files, remove_name]
    ingest_button.click(ingest, [ws, files, vendor], outputs)
    samples_button.click(samples, ws, outputs)
    remove_button.click(remove, [ws, remove_name], outputs)
    return table, remove_name, {report: str}


def _ask_tab(spaces: Spaces, ws: gr.State, engine: gr.Dropdown) -> dict:
    cited = gr.State([])
    with gr.Row(equal_height=True):
        question = gr.Textbox(
            show_label=False,
            placeholder="e.g. What is the hourly rate for English voice?",
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

    def ask(path: str, text: str, label: str | None):
        """Verified partial answers while a language model writes; then the final one."""
        space = spaces.get(path)
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

    def show(path: str, citations: list, index: int | None):
        if index is None or not 0 <= int(index) < len(citations):
            return "<p><i>Choose a citation first.</i></p>"
        c = citations[int(index)]
        text = (
            "" if c.source == "guidance" else spaces.get(path).catalog.page_text(c.document, c.page)
        )
        return views.page_html(c.document, c.page, text or c.quote, c.quote)

    outputs = [answer, cited, pick, page]
    gr.on([ask_button.click, question.submit], ask, [ws, question, engine], outputs)
    open_page.click(show, [ws, cited, pick], page)
    return {answer: lambda: ANSWER_PLACEHOLDER, cited: list, pick: _no_choices, page: str}


def _compare_tab(spaces: Spaces, ws: gr.State) -> dict:
    with gr.Row():
        build = gr.Button("Build comparison", variant="primary", elem_id="build-compare", scale=3)
        csv = gr.DownloadButton("Download CSV", interactive=False, elem_id="matrix-csv", scale=1)
    note = gr.Markdown(elem_id="compare-note")
    matrix = gr.Dataframe(
        headers=EMPTY_MATRIX_HEADERS,
        interactive=False,
        wrap=True,
        label="Terms by vendor",
        elem_id="matrix",
    )
    scorecard = gr.Markdown(
        SCORECARD_PLACEHOLDER,
        elem_id="scorecard",
        container=True,
        padding=True,
        latex_delimiters=[],
    )

    def compare(path: str):
        from assistant.compare import build_matrix, build_scorecard, requirements_from_profile
        from assistant.interview.profile import load_profile

        space = spaces.get(path)
        if not space.documents():
            return "_Add proposals first._", gr.skip(), "", _no_download()
        result = build_matrix(space.catalog)
        headers, rows = views.matrix_table(result)
        card = build_scorecard(result, requirements_from_profile(load_profile(Path(path))))
        out = result.to_csv(export_dir() / "comparison.csv")
        note_md = f"{len(result.vendors)} vendor(s); sources are [document p.N]."
        widths = views.matrix_column_widths(len(result.vendors))
        table = gr.Dataframe(value=rows, headers=headers, column_widths=widths)
        return (
            note_md,
            table,
            views.scorecard_markdown(card),
            gr.DownloadButton(value=str(out), interactive=True),
        )

    build.click(compare, ws, [note, matrix, scorecard, csv])
    return {
        note: str,
        matrix: _no_matrix,
        scorecard: lambda: SCORECARD_PLACEHOLDER,
        csv: _no_download,
    }


def _no_matrix():
    return gr.Dataframe(value=None, headers=EMPTY_MATRIX_HEADERS, column_widths=None)


def _rfp_tab(spaces: Spaces, ws: gr.State, engine: gr.Dropdown) -> dict:
    draft = gr.Button("Draft RFP", variant="primary", elem_id="draft-rfp")
    summary = gr.Markdown(elem_id="rfp-summary")
    with gr.Row():
        docx = gr.DownloadButton("Download DOCX", interactive=False, elem_id="rfp-docx")
        markdown = gr.DownloadButton("Download Markdown", interactive=False, elem_id="rfp-md")
        matrix = gr.DownloadButton("Download compliance matrix (XLSX)", interactive=False, elem_id="rfp-matrix")
        card = gr.DownloadButton("Download rate card (XLSX)", interactive=False, elem_id="rfp-rates")
    preview = gr.Markdown(
        RFP_PLACEHOLDER,
        elem_id="rfp-preview",
        container=True,
        padding=True,
        latex_delimiters=[],
        max_height=720,
    )

    def make(path: str, label: str | None):
        from assistant.rfp import export_rfp, export_workbooks, render_markdown

        document, notes = spaces.get(path).draft_rfp(spaces.engine(label))
        folder = export_dir()
        docx_path = export_rfp(document, "docx", folder / "rfp.docx")
        md_path = export_rfp(document, "md", folder / "rfp.md")
        matrix_path, card_path = export_workbooks(document, folder)
        return (
            views.rfp_summary(document.open_points, notes),
            gr.DownloadButton(value=str(docx_path), interactive=True),
            gr.DownloadButton(value=str(md_path), interactive=True),
            gr.DownloadButton(value=str(matrix_path), interactive=True),
            gr.DownloadButton(value=str(card_path), interactive=True),
            render_markdown(document),
        )

    draft.click(make, [ws, engine], [summary, docx, markdown, matrix, card, preview])
    return {
        summary: str,
        docx: _no_download,
        markdown: _no_download,
        matrix: _no_download,
        card: _no_download,
        preview: lambda: RFP_PLACEHOLDER,
    }
