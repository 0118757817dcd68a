"""Render an RFP document as Markdown (GitHub tables)."""

from __future__ import annotations

import re
from itertools import groupby

from assistant.markup import escape_markdown
from assistant.rfp.model import TBC_PATTERN, TBC_PREFIX, Requirement, RfpDocument, Section, Table
from assistant.rfp.tables import format_date


def escape_marked(text: str) -> str:
    """Every text of the document escaped (the buyer's answers fill it and must stay data),
    except the draft's own '[To be confirmed: ...]' marks, which stay readable as such."""
    parts, last = [], 0
    for match in TBC_PATTERN.finditer(text):
        parts.append(escape_markdown(text[last : match.start()]))
        parts.append(f"{TBC_PREFIX}{escape_markdown(match.group(1))}]")
        last = match.end()
    parts.append(escape_markdown(text[last:]))
    return _NOT_A_LINK.sub(r"]\\", "".join(parts))


_NOT_A_LINK = re.compile(r"\](?=([(\[]))")  # '[mark](url)' would be a link: break it


def _cell(text: str) -> str:
    """A table cell: escaped, line breaks flattened, blanks kept visible."""
    return escape_marked(text).replace("\n", " ") or " "


def render_table(table: Table, number: int) -> list[str]:
    """A captioned pipe table."""
    lines = [f"*Table {number}: {escape_marked(table.caption)}*", ""]
    lines.append("| " + " | ".join(_cell(h) for h in table.header) + " |")
    lines.append("|" + "|".join("---" for _ in table.header) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return [*lines, ""]


def _requirements(requirements: tuple[Requirement, ...]) -> list[str]:
    lines: list[str] = []
    for group, members in groupby(requirements, key=lambda r: r.group):
        if group:
            lines += [f"### {escape_marked(group)}", ""]
        lines += [f"- **{escape_marked(req.id)}** ({req.mark}) {escape_marked(req.text)}" for req in members]
        lines.append("")
    return lines


def render_section(number: str, section: Section, first_table: int) -> list[str]:
    """One section: heading, intro, tables, requirements."""
    title = escape_marked(section.title)
    heading = f"{number}: {title}" if section.appendix else f"{number}. {title}"
    lines = [f"## {heading}", ""]
    for paragraph in section.intro:
        lines += [escape_marked(paragraph), ""]
    for offset, table in enumerate(section.tables):
        lines += render_table(table, first_table + offset)
    return lines + _requirements(section.requirements)


def render_markdown(document: RfpDocument) -> str:
    """The whole RFP as Markdown text."""
    lines = [
        f"# {escape_marked(document.title)}",
        "",
        f"**Issued by:** {escape_marked(document.buyer)}  ",
        f"**Date:** {format_date(document.date)}  ",
        "**Status:** Draft - confidential",
        "",
        "## Contents",
        "",
    ]
    numbered = document.numbered()
    lines += [f"- {n}{':' if s.appendix else '.'} {escape_marked(s.title)}" for n, s in numbered]
    lines.append("")
    table_number = 1
    for number, section in numbered:
        lines += render_section(number, section, table_number)
        table_number += len(section.tables)
    return "\n".join(lines).rstrip() + "\n"
