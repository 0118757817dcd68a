"""Which vendor a document speaks for: --vendor, else its title or first heading, else its name."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.models import Page
from assistant.text import heading_level, heading_text

_SEPARATORS = re.compile(r"\s+[—–|:-]\s+|:\s+")
_GENERIC = re.compile(
    r"\b(proposal|response|rfp|rfi|request for|tender|quotation|offer|submission|prepared for|"
    r"customer service outsourcing|contact cent(?:re|er) services|bid)\b",
    re.I,
)


def vendor_name(explicit: str | None, title: str, pages: list[Page], path: Path) -> str:
    """Pick the vendor name in the contract's order of precedence."""
    if explicit and explicit.strip():
        return explicit.strip()
    for candidate in (title, first_heading(pages)):
        if name := _vendor_from_title(candidate):
            return name
    return _from_file_name(path)


def first_heading(pages: list[Page]) -> str:
    """The first heading-like line of the first page with text."""
    for page in pages:
        for line in page.text.splitlines()[:8]:
            if line.strip() and heading_level(line) is not None:
                return heading_text(line)
        if page.text.strip():
            return ""
    return ""


def _vendor_from_title(title: str) -> str:
    """The part of a title that names the company, not the document kind."""
    parts = [part.strip(" .,") for part in _SEPARATORS.split(title or "") if part.strip(" .,")]
    names = [part for part in parts if not _GENERIC.search(part) and 2 <= len(part) <= 60]
    return names[0] if names else ""


def _from_file_name(path: Path) -> str:
    """'meridian_proposal-2026.pdf' -> 'Meridian'."""
    words = [w for w in re.split(r"[\s_\-.]+", path.stem) if w and not w.isdigit()]
    words = [w for w in words if not _GENERIC.search(w)] or words or [path.stem]
    return " ".join(word[:1].upper() + word[1:] for word in words)
