"""A vendor's sentence that only reports what the buyer asked for ('We note that Larchmont
requested a 36-month term', 'Larchmont asked for USD') is the buyer's wish restated, not the
vendor's answer; where the vendor's own clause follows ('...; we prefer to invoice in euro'),
it is the vendor's. The verbs are knowledge/lexicon/sections.yaml's."""

from __future__ import annotations

import re
from functools import cache

from assistant.reading.lexicon import sections

# After the request: the vendor speaking, or a turn to its own position.
_OWN_CLAUSE = re.compile(r"[;:]|\bbut\b|\bhowever\b|\b(?:we|our|us)\b", re.I)


def restates_request(text: str, buyers: tuple[str, ...]) -> bool:
    """Whether a sentence opens by reporting the buyer's request and says nothing of its own."""
    pattern = _request_opening(tuple(b for b in buyers if len(b) > 1))
    match = pattern.match(text) if pattern else None
    return bool(match) and not _OWN_CLAUSE.search(text[match.end():])


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _request_opening(buyers: tuple[str, ...]) -> re.Pattern[str] | None:
    """'[15.2] [We|T&V notes that] [the] <buyer> <verb of request>' at a sentence's start."""
    table = sections()
    if not buyers or not table.request_verbs:
        return None
    noting = _alternatives(table.noting_verbs)
    speaker = r"(?:we|[A-Z][\w&.~’'-]*(?:\s+[A-Z&][\w&.~’'-]*){0,3})"
    lead = rf"(?:{speaker}\s+(?:{noting})\s+(?:that\s+)?)?" if noting else ""
    return re.compile(
        rf"^\W*(?:\d+(?:\.\d+)*\.?\s+)?{lead}(?:the\s+)?(?:{_alternatives(buyers)})\s+(?:{_alternatives(table.request_verbs)})\b",
        re.I,
    )
