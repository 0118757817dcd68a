"""Text is data: escape buyer and document text for Markdown views and exports."""

from __future__ import annotations

import re

# Emphasis, code, links, images, HTML tags and entities, tables and headings.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]<>#|!~&@])")
# Autolinks: the ':' of 'scheme://' and the dot of 'www.' ('@' above breaks e-mail ones).
_SCHEME = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*):(?=//)")
_BARE_DOMAIN = re.compile(r"(?i)\b(www)\.")


def escape_markdown(text: str) -> str:
    """Show text literally: no emphasis, link, image, HTML tag, entity or autolink survives."""
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return _BARE_DOMAIN.sub(r"\1\\.", _SCHEME.sub(r"\1\\:", text))


def unescape_markdown(text: str) -> str:
    """The text `escape_markdown` was given."""
    return re.sub(r"\\(.)", r"\1", text)
