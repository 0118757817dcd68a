"""The one error a reader raises: a file that cannot be ingested, with a plain reason."""

from __future__ import annotations


class IngestError(Exception):
    """A file that cannot be ingested; the message says why in plain words."""


def short_reason(exc: Exception) -> str:
    """A one-line reason from an exception."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message[:120]
