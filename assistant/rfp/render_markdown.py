"""Render an RFP document as Markdown (GitHub tables)."""

from __future__ import annotations

from itertools import groupby

from assistant.rfp.model import Requirement, RfpDocument, Section, Table
from assistant.rfp.tables import format_date


def _cell(text: str) -> str:
    """A table cell: pipes escaped, line breaks flattened, blanks kept visible."""
    return text.replace("|", "\\|").replace("\n", " ") or " "


def render_table(table: Table, number: int) -> list[str]:
    """A captioned pipe table."""
    lines = [f"*Table {number}: {table.caption}*", ""]
    lines.append("| " + " | ".join(_cell(h) for h in table.header) + " |")
    lines.append("|" + "|".join("---" for _ in table.header) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return [*lines, ""]


def _requirements(requirements: tuple[Requirement, ...]) -> list[str]:
    lines: list[str] = []
    for group, members in groupby(requirements, key=lambda r: r.group):
        if group:
            lines += [f"### {group}", ""]
        lines += [f"- **{req.id}** {req.text}" for req in members]
        lines.append("")
    return lines


def render_section(number: str, section: Section, first_table: int) -> list[str]:
    """One section: heading, intro, tables, requirements."""
    heading = f"{number}: {section.title}" if section.appendix else f"{number}. {section.title}"
    lines = [f"## {heading}", ""]
    for paragraph in section.intro:
        lines += [paragraph, ""]
    for offset, table in enumerate(section.tables):
        lines += render_table(table, first_table + offset)
    return lines + _requirements(section.requirements)


def render_markdown(document: RfpDocument) -> str:
    """The whole RFP as Markdown text."""
    lines = [
        f"# {document.title}",
        "",
        f"**Issued by:** {document.buyer}  ",
        f"**Date:** {format_date(document.date)}  ",
        "**Status:** Draft - confidential",
        "",
        "## Contents",
        "",
    ]
    numbered = document.numbered()
    lines += [f"- {n}{':' if s.appendix else '.'} {s.title}" for n, s in numbered]
    lines.append("")
    table_number = 1
    for number, section in numbered:
        lines += render_section(number, section, table_number)
        table_number += len(section.tables)
    return "\n".join(lines).rstrip() + "\n"
