"""Length caps on what a person types: one clear message when a text is too long."""

from __future__ import annotations

MAX_MESSAGE_CHARS = 4000  # one interview message
MAX_QUESTION_CHARS = 1000  # one question to the proposals


class TooLong(ValueError):
    """A message or question over its cap; the text says by how much, in plain words."""


def check_length(text: str, limit: int, what: str = "message") -> str:
    """The text, or TooLong when it has more than `limit` characters."""
    if len(text) > limit:
        raise TooLong(
            f"Your {what} is {len(text):,} characters long; the limit is {limit:,}. "
            f"Please shorten it and send it again."
        )
    return text
