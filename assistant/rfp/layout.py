"""Layout shared by the DOCX and PDF renderers."""

from __future__ import annotations

from assistant.rfp.model import Table

MIN_CHARS = 13  # "Nice-to-have" and "Must-have" stay on one line
MAX_CHARS = 45


def column_shares(table: Table) -> list[float]:
    """Each column's share of the page width, from its longest cell (clamped), summing to 1."""
    widths = []
    for index, head in enumerate(table.header):
        longest = max([len(head), *(len(row[index]) for row in table.rows)])
        widths.append(min(max(longest, MIN_CHARS), MAX_CHARS))
    total = sum(widths)
    return [w / total for w in widths]
