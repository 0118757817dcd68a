"""The web app: a thin Gradio shell over the Workspace (upload, list, ask)."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path

import gradio as gr

from assistant.models import Answer, DocumentRecord, IngestOutcome
from assistant.settings import Settings, quiet_third_parties
from assistant.workspace import Workspace

log = logging.getLogger(__name__)

FILE_TYPES = [".pdf", ".docx", ".txt", ".md"]
DOCUMENT_HEADERS = ["document", "vendor", "pages", "chunks", "warnings"]
EXAMPLE_QUESTIONS = [
    "What is Meridian's hourly rate for English voice?",
    "What are the contract termination terms?",
    "Which vendors are PCI DSS certified?",
    "Which vendors offer weekend coverage?",
]
INTRO = (
    "Upload vendor proposals, then ask questions about them. Every answer quotes the page it "
    "comes from; when the proposals do not say, the answer says so."
)
ANSWER_PLACEHOLDER = "_Answers appear here, each quote with the document and page it comes from._"
CSS = """
.gradio-container { max-width: 960px !important; margin: 0 auto !important; }
#documents [role="grid"] * { font-family: var(--font) !important; }
#answer p { margin: 0 0 0.6em 0; }
"""
# Uploaded copies of proposals are confidential; keep them for an hour or two at most.
UPLOAD_RETENTION_S = 3600


def serve(
    settings: Settings, host: str = "127.0.0.1", port: int = 7860, demo: bool = False
) -> None:
    """Start the web app (blocking), optionally preloaded with the sample proposals."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ["GRADIO_TEMP_DIR"] = str(settings.workspace / "uploads")
    quiet_third_parties()
    if demo:
        prepare_demo(settings.workspace)
    build_app(settings).launch(server_name=host, server_port=port, **launch_options(settings))


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
    from assistant.samples import build_sample_pdfs

    space = Workspace(Settings.from_env(workspace))
    held = {record.name for record in space.documents()}
    missing = [path for path in build_sample_pdfs(workspace / "samples") if path.name not in held]
    outcomes = space.ingest(missing) if missing else []
    for outcome in outcomes:
        log.info("%s: %s", Path(outcome.path).name, outcome.message)
    return outcomes


def build_app(settings: Settings) -> gr.Blocks:
    """The page: add proposals, see what is held, ask questions with cited answers."""
    workspace = Workspace(settings)

    def ingest(files: list[str] | None, vendor: str):
        if not files:
            return "Choose one or more files first.", document_rows(workspace.documents()), None
        outcomes = workspace.ingest([Path(f) for f in files], vendor=vendor.strip() or None)
        return ingest_report(outcomes), document_rows(workspace.documents()), None

    def ask(question: str) -> str:
        if not question.strip():
            return "_Type a question first._"
        if not workspace.documents():
            return "_Add at least one proposal first._"
        return answer_markdown(workspace.ask(question), workspace.catalog.vendors())

    with gr.Blocks(
        title="procure — vendor proposals",
        analytics_enabled=False,
        delete_cache=(UPLOAD_RETENTION_S, UPLOAD_RETENTION_S),
    ) as app:
        gr.Markdown(f"# procure — vendor proposals\n{INTRO}")

        with gr.Group():
            gr.Markdown("### Proposals", padding=True)
            with gr.Row():
                files = gr.File(
                    label="Proposal files (PDF, DOCX, TXT, MD)",
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
            report = gr.Markdown(elem_id="ingest-report", padding=True)
            table = gr.Dataframe(
                value=document_rows(workspace.documents()),
                headers=DOCUMENT_HEADERS,
                datatype=["str", "str", "number", "number", "str"],
                interactive=False,
                wrap=True,
                column_widths=["22%", "28%", "9%", "9%", "32%"],
                label="Documents in this workspace",
                elem_id="documents",
            )

        with gr.Group():
            gr.Markdown("### Ask", padding=True)
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
            ANSWER_PLACEHOLDER,
            elem_id="answer",
            latex_delimiters=[],
            container=True,
            padding=True,
        )

        ingest_button.click(ingest, [files, vendor], [report, table, files])
        ask_button.click(ask, question, answer)
        question.submit(ask, question, answer)
    return app


def ingest_report(outcomes: list[IngestOutcome]) -> str:
    """One Markdown line per file: what was ingested, or why it failed."""
    lines = []
    for outcome in outcomes:
        name = _escape(Path(outcome.path).name)
        if outcome.ok:
            lines.append(f"- **{name}** — {_escape(outcome.message)}")
        else:
            lines.append(f"- **{name}** — **not ingested:** {_escape(outcome.message)}")
    return "\n".join(lines)


def document_rows(records: list[DocumentRecord]) -> list[list]:
    """Rows of the documents table."""
    return [[r.name, r.vendor, r.pages, r.chunks, "\n".join(r.warnings)] for r in records]


def answer_markdown(answer: Answer, vendors: Sequence[str] = ()) -> str:
    """The answer (one paragraph per line, vendor names in bold), its sources, its warnings."""
    parts = [_bold_vendor(_escape(line), vendors) for line in answer.text.splitlines() if line]
    if answer.citations:
        parts.append("**Sources**")
        parts.append(
            "\n".join(
                f"- \\[{c.marker}\\] {_escape(c.vendor)} — {_escape(c.document)}, p. {c.page}: "
                f"“{_escape(c.quote)}”"
                for c in answer.citations
            )
        )
    if answer.warnings:
        parts.extend(f"**Warning:** {_escape(warning)}" for warning in answer.warnings)
    return "\n\n".join(parts)


def _bold_vendor(line: str, vendors: Sequence[str]) -> str:
    """Bold the "Vendor:" that opens a per-vendor line of an answer."""
    for vendor in sorted(vendors, key=len, reverse=True):
        prefix = f"{_escape(vendor)}:"
        if line.startswith(prefix):
            return f"**{prefix}**{line[len(prefix) :]}"
    return line


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def _escape(text: str) -> str:
    """Show document text literally: proposals are untrusted and must not inject markup."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)
