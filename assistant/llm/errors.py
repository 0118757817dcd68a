"""Why the generative model could not be used; callers fall back to the grounded engine."""

from __future__ import annotations


class LlmUnavailable(RuntimeError):
    """The configured model cannot be reached, timed out, or is not installed."""
