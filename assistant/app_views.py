"""Plain view functions of the web app: data in, Markdown/HTML/table rows out (no Gradio)."""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.models import Answer, Citation, DocumentRecord, IngestOutcome

DOCUMENT_HEADERS = ["document", "vendor", "pages", "chunks", "warnings"]
NAME_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def escape_markdown(text: str) -> str:
    """Show document text literally: proposals are untrusted and must not inject markup."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


# --- workspaces -----------------------------------------------------------------------------


def new_session_dir(root: Path) -> Path:
    """A fresh per-visitor workspace folder under `<root>/sessions/`."""
    path = Path(root) / "sessions" / secrets.token_hex(8)
    path.mkdir(parents=True, exist_ok=False)
    return path


def named_workspace_dir(root: Path, name: str) -> Path:
    """The folder of a named workspace; ValueError unless the name is letters, digits, - and _."""
    name = (name or "").strip()
    if not NAME_RE.fullmatch(name):
        raise ValueError("A workspace name uses letters, digits, - and _ only (at most 64).")
    return Path(root) / "named" / name


def workspace_label(root: Path, path: Path) -> str:
    """Which workspace the visitor is in, in words."""
    path = Path(path)
    if path.parent == Path(root) / "named":
        return f"Workspace: **{escape_markdown(path.name)}** (named; reopen it by name later)"
    return "Workspace: **private session** (give it a name below to reopen it later)"


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
    return [[r.name, r.vendor, r.pages, r.chunks, "\n".join(r.warnings)] for r in records]


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
    return "\n\n".join(parts)


def citation_line(c: Citation) -> str:
    """`[n] Vendor — document, p. N: “quote”` in escaped Markdown."""
    return (
        f"\\[{c.marker}\\] {escape_markdown(c.vendor)} — {escape_markdown(c.document)}, "
        f"p. {c.page}: “{escape_markdown(c.quote)}”"
    )


def citation_choices(citations: Sequence[Citation]) -> list[tuple[str, int]]:
    """Dropdown choices for opening a cited page: (label, index into the citations)."""
    return [
        (f"[{c.marker}] {c.vendor} — {c.document}, p. {c.page}", i) for i, c in enumerate(citations)
    ]


def page_html(document: str, page: int, text: str, quote: str = "") -> str:
    """A page's text, escaped, with the quoted passage in <mark> (whitespace-tolerant match)."""
    header = f"<div class='page-head'><b>{html.escape(document)}</b>, page {int(page)}</div>"
    if not text.strip():
        return header + "<p><i>This page has no extractable text.</i></p>"
    span = _find_quote(text, quote)
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


def _find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where the quote stands in the page text, ignoring differences in whitespace."""
    words = quote.replace("…", " ").split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text) or re.search(pattern, text, re.I)
    return match.span() if match else None


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
    """'Answered 3 of 12 required questions'."""
    answered = int(progress.get("answered", 0))
    required = int(progress.get("required", 0))
    return f"**Progress:** {answered} of {required} required questions answered"


def profile_markdown(profile_text: str) -> str:
    """format_profile's text as escaped Markdown: topics in bold, one bullet per field."""
    lines = []
    for line in profile_text.splitlines():
        if not line.strip():
            continue
        if line.strip().startswith("("):
            lines.append(f"_{escape_markdown(line.strip())}_")
        elif line[:1].isspace():
            lines.append(f"- {escape_markdown(line.strip())}")
        else:
            lines.append(f"\n**{escape_markdown(line.strip())}**\n")
    if not lines:
        return "_Nothing captured yet — answer the interview questions._"
    return "\n".join(lines).strip()


def change_message(label: str, value: str) -> str:
    """The chat message that corrects one profile field ('change Languages to English')."""
    return f"change {label} to {value.strip()}"


# --- compare --------------------------------------------------------------------------------


def matrix_table(matrix) -> tuple[list[str], list[list[str]]]:
    """Headers and rows: field, one summary per vendor, and the sources as [doc p.N]."""
    headers = ["field", *matrix.vendors, "sources"]
    rows = []
    for row in matrix.rows:
        summaries = [row.cells[v].summary if v in row.cells else "" for v in matrix.vendors]
        rows.append([row.field.label, *summaries, row_sources(row, matrix.vendors)])
    return headers, rows


def matrix_column_widths(vendors: int) -> list[str]:
    """Field 20%, sources 22%, the vendors share the rest."""
    share = 58 / max(vendors, 1)
    return ["20%", *[f"{share:.1f}%" for _ in range(vendors)], "22%"]


def row_sources(row, vendors: Sequence[str]) -> str:
    """'[meridian.pdf p.6] [harbor.pdf p.3]' for one row of the matrix, each source once."""
    seen: list[str] = []
    for vendor in vendors:
        cell = row.cells.get(vendor)
        for value in cell.values if cell else ():
            if value.citation is not None:
                tag = f"[{value.citation.document} p.{value.citation.page}]"
                if tag not in seen:
                    seen.append(tag)
    return " ".join(seen)


# --- RFP ------------------------------------------------------------------------------------


def rfp_summary(open_points: Sequence[Any]) -> str:
    """How many points the buyer still has to settle."""
    count = len(open_points)
    if count == 0:
        return "**Open points:** none — every section is filled from your profile."
    return f"**Open points:** {count} (marked in the draft; answer more interview questions)"
