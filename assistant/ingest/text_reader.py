"""Plain text and Markdown: form feeds separate pages; Markdown tables become tables."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.ingest.errors import IngestError
from assistant.ingest.layout import Line, PageLayout
from assistant.ingest.normalise import clean
from assistant.ingest.tables import Grid, build_table

PAGE_BREAK = "\f"
_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def read_text(path: Path, max_pages: int) -> tuple[list[PageLayout], str]:
    """UTF-8 text (Latin-1 as a fallback); form feeds separate pages."""
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise IngestError("not a text file (binary content)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    markdown = path.suffix.lower() == ".md"
    parts = text.split(PAGE_BREAK)
    if len(parts) > max_pages:
        raise IngestError(f"too large ({len(parts)} pages; the limit is {max_pages})")
    return [_page(i + 1, part, markdown) for i, part in enumerate(parts)], ""


def _page(number: int, text: str, markdown: bool) -> PageLayout:
    layout = PageLayout(number, [])
    rows: list[str] = []
    blank = True
    for raw in clean(text).split("\n") + [""]:
        line = raw.strip()
        if markdown and line.startswith("|"):
            rows.append(line)
            continue
        if rows:
            _add_table(layout, rows)
            rows = []
            blank = True
        if not line:
            blank = True
            continue
        heading = _HEADING.match(line) if markdown else None
        if heading:
            layout.lines.append(Line([], text=heading.group(2).strip(), heading=len(heading.group(1)),
                                     new_block=True))
        else:
            layout.lines.append(Line([], text=line, new_block=blank))
        blank = False
    return layout


def _add_table(layout: PageLayout, rows: list[str]) -> None:
    """A Markdown table: the rows above the |---| rule are its header."""
    cells = [[c.strip() for c in row.strip().strip("|").split("|")] for row in rows]
    header = next((i for i, row in enumerate(rows) if _RULE.match(row)), None)
    body = [c for i, c in enumerate(cells) if i != header]
    emphasis = [i < header if header is not None else False for i in range(len(body))]
    table = build_table(Grid(body, None, emphasis), len(layout.tables))
    if table is not None:
        layout.tables.append(table)
        layout.lines.append(Line([], table=table.index, new_block=True))
