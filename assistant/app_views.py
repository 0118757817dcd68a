"""Plain view functions of the web app: data in, Markdown/HTML/table rows out (no Gradio)."""

from __future__ import annotations

import dataclasses
import html
import os
import re
import shutil
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.llm.config import LlmSpec
from assistant.markup import escape_markdown
from assistant.models import Answer, Citation, DocumentRecord, IngestOutcome

DOCUMENT_HEADERS = ["document", "vendor", "pages", "chunks", "warnings"]
SESSION_ID_RE = re.compile(r"[0-9a-f]{16}")



# --- workspaces -----------------------------------------------------------------------------


def remove_stale_sessions(root: Path, max_age_s: float, now: float | None = None) -> list[Path]:
    """Delete the session folders unused for longer than `max_age_s`; named ones are kept."""
    folder = Path(root) / "sessions"
    if not folder.is_dir():
        return []
    cutoff = (time.time() if now is None else now) - max_age_s
    stale = [
        path
        for path in sorted(folder.iterdir())
        if SESSION_ID_RE.fullmatch(path.name)
        and path.is_dir()
        and not path.is_symlink()
        and last_modified(path) < cutoff
    ]
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return stale


def last_modified(folder: Path) -> float:
    """The newest modification time of a folder and of anything in it."""
    newest = folder.stat().st_mtime
    for parent, dirs, files in os.walk(folder):
        for name in dirs + files:
            newest = max(newest, os.lstat(os.path.join(parent, name)).st_mtime)
    return newest


def workspace_label(ref, user: str) -> str:
    """Which workspace the visitor is in, in words."""
    if ref.kind != "named":
        return "Workspace: **private session** (open a named one to share it or reopen it later)"
    owner = "" if ref.owner == user else f", shared by **{escape_markdown(ref.owner)}**"
    return f"Workspace: **{escape_markdown(ref.name)}** (named{owner})"


def signed_in_markdown(user: str, accounts: bool) -> str:
    """Who is signed in, with a way out; nothing on a single-user server."""
    if not accounts:
        return ""
    return f"Signed in as **{escape_markdown(user)}** · [Log out](logout)"


NOT_OWNER_ACTIVITY = "_The activity log of this workspace is shown to its owner only._"


def members_markdown(ref, user: str, members: Sequence[str]) -> str:
    """Who else may open the workspace, or why it cannot be shared."""
    if ref.kind != "named":
        return "_A private session is yours alone. Open a named workspace to share it._"
    if ref.owner != user:
        return f"_Shared with you by **{escape_markdown(ref.owner)}**._"
    if not members:
        return "_Not shared: only you can open it._"
    return "Shared with: " + ", ".join(f"**{escape_markdown(name)}**" for name in members)


def audit_markdown(entries: Sequence[Any]) -> str:
    """The audit log as a table: time (UTC), user, action, detail, all shown literally."""
    if not entries:
        return "_No changes yet._"
    lines = ["| time (UTC) | user | action | detail |", "|---|---|---|---|"]
    for entry in reversed(entries):  # newest first
        row = entry.to_dict()
        cells = [row["time"].replace("+00:00", ""), row["user"], row["action"], row["detail"]]
        lines.append("| " + " | ".join(escape_markdown(cell) for cell in cells) + " |")
    return "\n".join(lines)


def download_links(links: Sequence[tuple[str, str, str]]) -> str:
    """Download links (label, relative URL, element id) as HTML, every part escaped."""
    anchors = [
        f"<a class='download-link' id='{html.escape(ident, quote=True)}' "
        f"href='{html.escape(url, quote=True)}' download>{html.escape(label)}</a>"
        for label, url, ident in links
    ]
    return f"<div class='downloads'>{' '.join(anchors)}</div>"


# --- proposals ------------------------------------------------------------------------------


def ingest_report(outcomes: list[IngestOutcome]) -> str:
    """One Markdown line per file: what was ingested, or why it failed."""
    lines = []
    for outcome in outcomes:
        name = escape_markdown(Path(outcome.path).name)
        if outcome.ok:
            lines.append(f"- **{name}** — {escape_markdown(outcome.message)}")
        else:
            lines.append(f"- **{name}** — **not ingested:** {escape_markdown(outcome.message)}")
    return "\n".join(lines)


def document_rows(records: list[DocumentRecord]) -> list[list]:
    """Rows of the documents table."""
    return [
        [document_label(r), r.vendor, r.pages, r.chunks, "\n".join(r.warnings)] for r in records
    ]


def size_text(size: int) -> str:
    """A file size limit in words: '50 MB', '20 KB'."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


# --- ask ------------------------------------------------------------------------------------


def answer_markdown(answer: Answer, vendors: Sequence[str] = ()) -> str:
    """The answer (one paragraph per line, vendor names in bold), its sources, its warnings."""
    parts = [
        _bold_vendor(escape_markdown(line), vendors) for line in answer.text.splitlines() if line
    ]
    if answer.citations:
        parts.append("**Sources**")
        parts.append("\n".join(f"- {citation_line(c)}" for c in answer.citations))
    if answer.warnings:
        parts.extend(f"**Warning:** {escape_markdown(warning)}" for warning in answer.warnings)
    if answer.engine != "grounded":
        parts.append(
            f"_Worded by the language model {escape_markdown(answer.engine)}; every sentence was "
            "checked against the passage it cites._"
        )
    parts.extend(f"_Note: {escape_markdown(note)}_" for note in answer.notes)
    return "\n\n".join(parts)


def citation_line(c: Citation) -> str:
    """`[n] Vendor — document, p. N: “quote”` in escaped Markdown (a page read by OCR says so;
    a spreadsheet answer names its cell)."""
    return (
        f"\\[{c.marker}\\] {escape_markdown(c.vendor)} — {escape_markdown(c.document)}, "
        f"{escape_markdown(c.where)}{' (read by OCR)' if c.ocr else ''}: “{escape_markdown(c.quote)}”"
    )


def citation_choices(citations: Sequence[Citation]) -> list[tuple[str, int]]:
    """Dropdown choices for opening a cited page: (label, index into the citations)."""
    return [
        (f"[{c.marker}] {c.vendor} — {c.document}, {c.where}", i) for i, c in enumerate(citations)
    ]


def page_html(document: str, page: int, text: str, quote: str = "") -> str:
    """A page's text, escaped, with the quoted passage in <mark> (whitespace-tolerant match)."""
    header = f"<div class='page-head'><b>{html.escape(document)}</b>, page {int(page)}</div>"
    if not text.strip():
        return header + "<p><i>This page has no extractable text.</i></p>"
    from assistant.pages import quote_span

    span = quote_span(text, quote)
    if span is None:
        body = html.escape(text)
    else:
        start, end = span
        body = (
            html.escape(text[:start])
            + "<mark>"
            + html.escape(text[start:end])
            + "</mark>"
            + html.escape(text[end:])
        )
    return f"{header}<pre class='page-text'>{body}</pre>"



def _bold_vendor(line: str, vendors: Sequence[str]) -> str:
    """Bold the "Vendor:" that opens a per-vendor line of an answer."""
    for vendor in sorted(vendors, key=len, reverse=True):
        prefix = f"{escape_markdown(vendor)}:"
        if line.startswith(prefix):
            return f"**{prefix}**{line[len(prefix) :]}"
    return line


# --- interview ------------------------------------------------------------------------------


def message_text(content: Any) -> str:
    """A chat message's text; Gradio 6 may hand content over as a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, Mapping):
        return str(content.get("text") or "")
    if isinstance(content, Sequence):
        return " ".join(message_text(part) for part in content).strip()
    return ""


def progress_markdown(progress: Mapping[str, int]) -> str:
    """The chat's own progress line ('3 of 25 required questions answered (7 of 41 in all)'; see flow.progress_text)."""
    from assistant.interview.commands import progress_line

    return f"**Progress:** {progress_line(progress)}"


def profile_markdown(profile_text: str) -> str:
    """format_profile's text as escaped Markdown: topics in bold, one bullet per field."""
    lines = []
    for line in profile_text.splitlines():
        if not line.strip():
            continue
        if line.strip().startswith("from your message:"):
            lines.append(f"  _{escape_markdown(line.strip())}_")
        elif line.strip().startswith("("):
            lines.append(f"_{escape_markdown(line.strip())}_")
        elif line[:1].isspace():
            lines.append(f"- {escape_markdown(line.strip())}")
        else:
            lines.append(f"\n**{escape_markdown(line.strip())}**\n")
    if not lines:
        return "_Nothing captured yet — answer the interview questions._"
    return "\n".join(lines).strip()


def chat_message(role: str, text: str) -> dict[str, str]:
    """A chat message shown literally: what the buyer typed, or a reply quoting proposals."""
    return {"role": role, "content": escape_markdown(text)}


def change_message(label: str, value: str) -> str:
    """The chat message that corrects one profile field ('change Languages to English')."""
    return f"change {label} to {value.strip()}"


# --- compare --------------------------------------------------------------------------------






def scorecard_parts(card) -> tuple[str, str]:
    """The compact summary and the detail, vendor names, reasons and requirements shown literally."""
    from assistant.compare.report import scorecard_detail, scorecard_summary

    shown = dataclasses.replace(
        card,
        checks=_escaped(card.checks),
        costs=_escaped(card.costs),
        ranking=_escaped(card.ranking),
    )
    return "### Vendor scorecard\n\n" + scorecard_summary(shown), scorecard_detail(shown)


def _escaped(value: Any) -> Any:
    """A copy with every string escaped for Markdown (dataclasses, tuples and dicts walked)."""
    if isinstance(value, str):
        return escape_markdown(value)
    if isinstance(value, tuple):
        return tuple(_escaped(item) for item in value)
    if isinstance(value, dict):
        return {_escaped(key): _escaped(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _escaped(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def matrix_html(matrix) -> tuple[str, list[dict]]:
    """The matrix as an HTML table per field group (collapsible), vendors as columns, every
    cell with its own page markers (one per page, opening it with the cell's quotes boxed);
    and the sources the markers open, by index.

    All document text is escaped; a marker carries only an index into the sources.
    """
    sources: list[dict] = []
    head = "".join(f"<th scope='col'>{html.escape(v)}</th>" for v in matrix.vendors)
    groups: dict[str, list] = {}
    for row in matrix.rows:
        groups.setdefault(row.field.group, []).append(row)
    parts = []
    for group, rows in groups.items():
        body = []
        for row in rows:
            cells = [_matrix_cell(row.cells[v], v, sources) for v in matrix.vendors]
            body.append(f"<tr><th scope='row'>{html.escape(row.field.label)}</th>{''.join(cells)}</tr>")
        parts.append(
            f"<details open class='matrix-group'><summary>{html.escape(group.capitalize())}"
            f" <span class='count'>({len(rows)})</span></summary>"
            f"<table class='matrix'><thead><tr><th scope='col'>Field</th>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></details>"
        )
    return f"<div class='matrix-wrap'>{''.join(parts)}</div>", sources


def _matrix_cell(cell, vendor: str, sources: list[dict]) -> str:
    """One cell: its value, then a marker per cited page."""
    pages: dict[tuple[str, int, str], list[str]] = {}  # a spreadsheet answer: one per cell
    for value in cell.values:
        if value.citation:
            c = value.citation
            quotes = pages.setdefault((c.document, c.page, c.location), [])
            if c.quote not in quotes:
                quotes.append(c.quote)
    marks = []
    for (document, page, location), quotes in pages.items():
        sources.append({"document": document, "page": page, "quotes": quotes[:6], "vendor": vendor})
        where = html.escape(location) if location else f"page {page}"
        marks.append(
            f"<button class='cite' data-cite='{len(sources) - 1}' data-target='#compare-open' "
            f"title='{html.escape(document)}, {where}'>{where if location else f'p.{page}'}</button>"
        )
    first = len(sources) - len(marks)
    opens = f" data-cite='{first}' data-target='#compare-open'" if marks else ""
    kind = "conflict" if cell.conflicting else ("stated" if cell.stated else "empty")
    text = html.escape(("CONFLICTING: " if cell.conflicting else "") + cell.summary)
    return f"<td class='{kind}'{opens}><span class='value'>{text}</span> {''.join(marks)}</td>"


def source_index(value: str) -> int | None:
    """The index a clicked marker sent ('3#1733050000' -> 3); None for anything else."""
    head = (value or "").split("#", 1)[0]
    return int(head) if head.isdigit() else None


def document_label(record: DocumentRecord) -> str:
    """The name shown in the documents list; the demo's proposals say they are samples."""
    return f"{record.name} (sample)" if record.sample else record.name






# --- RFP ------------------------------------------------------------------------------------


def rfp_summary(open_points: Sequence[Any], notes: Sequence[str] = ()) -> str:
    """How many points the buyer still has to settle, and what the language model did."""
    count = len(open_points)
    if count == 0:
        line = "**Open points:** none — every section is filled from your profile."
    else:
        line = f"**Open points:** {count} (marked in the draft; answer more interview questions)"
    return "\n\n".join([line, *(f"_{escape_markdown(note)}_" for note in notes)])


def engine_choices(configured: LlmSpec) -> list[tuple[str, str]]:
    """(label, spec) of the engines a visitor may pick: none, or the server's model; never one
    of their choosing (it would spend the operator's keys, or the server's CPU)."""
    choices = [("None: grounded answers only", "none")]
    if configured.enabled:
        choices.append((f"{configured.label} (this server's model)", configured.label))
    return choices


def copy_documents(source: Path, target: Path) -> None:
    """Give a new workspace the documents (catalog rows, vectors, the PDFs' copies) of another."""
    from assistant.index.store import copy_vectors
    from assistant.state.workspace_db import WorkspaceDB

    for folder in ("chroma", "originals"):
        if (Path(source) / folder).is_dir():
            shutil.copytree(Path(source) / folder, Path(target) / folder, dirs_exist_ok=True)
    copy_vectors(source, target)  # on a Chroma server (nothing to do with the folders)
    WorkspaceDB.for_folder(source).copy_documents_to(WorkspaceDB.for_folder(target))
