"""Prompt files from prompts/, filled strictly, with document text fenced as data."""

from __future__ import annotations

from functools import cache
from string import Template

from assistant.resources import prompts_dir

PROMPTS_DIR = prompts_dir()
FENCE_OPEN, FENCE_CLOSE = "<<<", ">>>"


@cache
def _template(name: str) -> Template:
    path = PROMPTS_DIR / f"{name}.md"
    template = Template(path.read_text(encoding="utf-8").strip())
    if not template.is_valid():
        raise ValueError(f"{path}: a '$' that is not a placeholder (write $$ for a dollar sign)")
    return template


def render_prompt(name: str, **values: str) -> str:
    """prompts/<name>.md with every placeholder filled; missing or unused values are errors."""
    template = _template(name)
    wanted = set(template.get_identifiers())
    if unused := set(values) - wanted:
        raise ValueError(f"prompt {name!r} has no placeholder for {sorted(unused)}")
    if missing := wanted - set(values):
        raise ValueError(f"prompt {name!r} needs values for {sorted(missing)}")
    return template.substitute(values)


def fenced(text: str, label: str = "") -> str:
    """Text from a document or the buyer, fenced so that it reads as data.

    Fence marks inside the text are broken up, so a document cannot close its own fence.
    """
    body = text.replace(FENCE_OPEN, "< < <").replace(FENCE_CLOSE, "> > >")
    head = f"{FENCE_OPEN} {label}".rstrip()
    return f"{head}\n{body}\n{FENCE_CLOSE}"
