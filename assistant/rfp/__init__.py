"""RFP drafting and export: requirements profile -> document model -> DOCX, Markdown or PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from assistant.knowledge import GuidanceBase, load_guidance
from assistant.rfp.draft import BuyerFacts, draft_rfp
from assistant.rfp.facts import profile_priorities, profile_values
from assistant.rfp.model import OpenPoint, Requirement, RfpDocument, Scope, Section, Table
from assistant.rfp.render_docx import render_docx
from assistant.rfp.render_markdown import render_markdown
from assistant.rfp.render_pdf import render_pdf
from assistant.rfp.scoring import rfp_coverage
from assistant.rfp.templates import TemplateError
from assistant.rfp.workbooks import compliance_matrix, export_workbooks, rate_card

Format = Literal["docx", "md", "pdf"]
FORMATS: tuple[str, ...] = ("docx", "md", "pdf")


def export_rfp(document: RfpDocument, fmt: Format, out: Path) -> Path:
    """Write the document in one format.

    Args:
        document: the drafted RFP.
        fmt: "docx", "md" or "pdf".
        out: the file to write (parent folders are created).

    Returns:
        The path written.
    """
    out = Path(out)
    if fmt == "docx":
        return render_docx(document, out)
    if fmt == "pdf":
        return render_pdf(document, out)
    if fmt == "md":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render_markdown(document), encoding="utf-8")
        return out
    raise ValueError(f"unknown RFP format {fmt!r}; expected one of {', '.join(FORMATS)}")


def draft_for_workspace(workspace_dir: Path, today: date | None = None) -> RfpDocument:
    """Draft the RFP from the workspace's ``profile.json`` (an empty profile drafts all open)."""
    from assistant.interview.profile import load_profile

    return draft_from_profile(load_profile(Path(workspace_dir)), today=today)


def draft_from_profile(
    profile: object,
    guidance: GuidanceBase | None = None,
    today: date | None = None,
    buyer: BuyerFacts | None = None,
) -> RfpDocument:
    """Draft the RFP from a ``Profile`` (or a plain ``slot -> value`` mapping); a Profile's
    must-have and nice-to-have marks go with it, and ``buyer`` carries what no slot holds
    (country, currency, dates the buyer fixed)."""
    priorities = profile_priorities(profile)
    return draft_rfp(
        profile_values(profile), guidance or load_guidance(), today, priorities=priorities, buyer=buyer
    )


__all__ = [
    "BuyerFacts",
    "FORMATS",
    "OpenPoint",
    "Requirement",
    "RfpDocument",
    "Scope",
    "Section",
    "Table",
    "TemplateError",
    "draft_for_workspace",
    "draft_from_profile",
    "draft_rfp",
    "export_rfp",
    "export_workbooks",
    "compliance_matrix",
    "rate_card",
    "profile_values",
    "render_markdown",
    "rfp_coverage",
]
