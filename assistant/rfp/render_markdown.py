"""Render an RFP document as Markdown (GitHub tables)."""

from __future__ import annotations

import re
from itertools import groupby

from assistant.rfp.model import TBC_PREFIX, Requirement, RfpDocument, Section, Table, marked_spans
from assistant.rfp.tables import format_date


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|!~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.M)
_ENTITY = re.compile(r"&(?=#?[a-z0-9]+;)", re.I)
_AUTOLINK = re.compile(r"(?i)(://|www\.)")


def escape(text: str) -> str:
    """Text as data: HTML made inert and Markdown's control characters escaped (links,
    images, emphasis, tables, line-start headings and lists, bare URLs), so a buyer's
    `<img>` or link shows as the characters it is made of."""
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)
    return _AUTOLINK.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def escape_marked(text: str) -> str:
    """Escape text but keep the draft's own "[To be confirmed: …]" markers readable; a "("
    right after a marker is escaped so the marker never becomes a link."""
    out = []
    for span, is_marker in marked_spans(text):
        if is_marker:
            out.append(f"{TBC_PREFIX}{escape(span[len(TBC_PREFIX):-1])}]")
        else:
            piece = escape(span)
            out.append("\\" + piece if out and piece.startswith("(") else piece)
    return "".join(out)


def _cell(text: str) -> str:
    """A table cell: escaped, line breaks flattened, blanks kept visible."""
    return escape_marked(text).replace("\n", " ") or " "


def render_table(table: Table, number: int) -> list[str]:
    """A captioned pipe table."""
    lines = [f"*Table {number}: {escape(table.caption)}*", ""]
    lines.append("| " + " | ".join(_cell(h) for h in table.header) + " |")
    lines.append("|" + "|".join("---" for _ in table.header) + "|")
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    return [*lines, ""]


def _requirements(requirements: tuple[Requirement, ...]) -> list[str]:
    lines: list[str] = []
    for group, members in groupby(requirements, key=lambda r: r.group):
        if group:
            lines += [f"### {group}", ""]
        lines += [f"- **{req.id}** ({req.mark}) {escape_marked(req.text)}" for req in members]
        lines.append("")
    return lines


def render_section(number: str, section: Section, first_table: int) -> list[str]:
    """One section: heading, intro, tables, requirements."""
    heading = f"{number}: {section.title}" if section.appendix else f"{number}. {section.title}"
    lines = [f"## {heading}", ""]
    for paragraph in section.intro:
        lines += [escape_marked(paragraph), ""]
    for offset, table in enumerate(section.tables):
        lines += render_table(table, first_table + offset)
    return lines + _requirements(section.requirements)


def render_markdown(document: RfpDocument) -> str:
    """The whole RFP as Markdown text."""
    lines = [
        f"# {escape(document.title)}",
        "",
        f"**Issued by:** {escape(document.buyer)}  ",
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
