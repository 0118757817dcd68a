"""Names the extractors recognise (languages, platforms), read from the interview plan."""

from __future__ import annotations

import re
from functools import cache

# Contact-centre platforms (routing, telephony); every other platform counts as CRM/ticketing
# or tooling. Names as the interview plan's `platforms` vocabulary spells them.
CONTACT_CENTRE_PLATFORMS = frozenset(
    {"Genesys", "NICE", "Five9", "Amazon Connect", "Talkdesk", "Twilio", "Avaya", "Cisco"}
)
WORKFORCE_TOOLS = frozenset({"Verint", "Calabrio"})


@cache
def _terms(vocabulary: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, pattern) per entry; capitalised synonyms match case-sensitively."""
    from assistant.interview.plan import load_plan

    result = []
    for term in load_plan().terms(vocabulary):
        parts = []
        for phrase in term.phrases():
            body = re.escape(phrase)
            parts.append(body if phrase.isupper() and len(phrase) > 1 else f"(?i:{body})")
        pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])")
        result.append((term.name, pattern))
    return tuple(result)


def names_in(text: str, vocabulary: str) -> list[str]:
    """Vocabulary names a text mentions, in order of first mention."""
    hits = []
    for name, pattern in _terms(vocabulary):
        if m := pattern.search(text):
            hits.append((m.start(), name))
    return [name for _, name in sorted(hits)]


def languages_named(text: str) -> list[str]:
    """Languages a text names ('Spanish-speaking' is about customers, so it does not count)."""
    return names_in(text, "languages")


def language_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, language) for every language mention."""
    spans = []
    for name, pattern in _terms("languages"):
        spans += [(m.start(), m.end(), name) for m in pattern.finditer(text)]
    return sorted(spans)


def platforms_named(text: str) -> list[str]:
    """Platforms and CRMs a text names."""
    return names_in(text, "platforms")
