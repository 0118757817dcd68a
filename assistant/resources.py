"""The data that travels with the package: knowledge/, prompts/ and the eval cases.

They stay top-level in the repository; pyproject.toml maps them to the resource packages
`procure_knowledge` and `procure_prompts`, so a wheel and an editable install find them alike.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _package_dir(package: str) -> Path:
    """The folder of an installed resource package (a real folder: wheels install unzipped)."""
    return Path(str(files(package)))


def knowledge_dir() -> Path:
    """knowledge/: guidance, the interview plan and the RFP sections."""
    return _package_dir("procure_knowledge")


def prompts_dir() -> Path:
    """prompts/: the language model's prompt templates."""
    return _package_dir("procure_prompts")


def eval_cases_dir() -> Path:
    """evals/cases/: the eval suites' cases."""
    return _package_dir("evals") / "cases"


def read_yaml(path: Path | str):
    """A YAML file's data, parsed safely; with libyaml's C parser where PyYAML has it (about
    eight times faster on our files, same data), which matters at every process's start."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 (a safe loader)
