"""Checklist guidance: validated YAML items under ``knowledge/guidance`` that answers cite."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.resources import knowledge_dir, read_yaml

Topic = Literal[
    "organisation-goals",
    "research-and-sourcing",
    "scope-services",
    "volumes-demand",
    "channels-hours",
    "languages",
    "locations-delivery",
    "compliance-data-protection",
    "service-levels",
    "metrics",
    "quality",
    "technology",
    "workforce-training",
    "reporting-governance",
    "business-continuity",
    "pricing",
    "pilot",
    "contract-exit",
    "evaluation-selection",
    "risks",
    "brand-culture",
    "ai-automation",
]

RfpSection = Literal[
    "introduction",
    "objectives",
    "scope",
    "volumes",
    "channels_hours",
    "languages_locations",
    "service_levels",
    "quality",
    "security_compliance",
    "technology",
    "workforce",
    "reporting_governance",
    "business_continuity",
    "pricing",
    "pilot",
    "contract",
    "vendor_questionnaire",
    "evaluation",
    "submission",
]

TOPICS: tuple[str, ...] = get_args(Topic)
RFP_SECTIONS: tuple[str, ...] = get_args(RfpSection)
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CITATION_PREFIX = "guidance:"
DEFAULT_DIRECTORY = knowledge_dir() / "guidance"


class KnowledgeError(Exception):
    """A guidance file is missing, unreadable, malformed or inconsistent."""


class GuidanceItem(BaseModel):
    """One checklist item: why it matters and what to ask vendors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=3)
    topic: Topic
    why: str = Field(min_length=10)
    ask_vendors: tuple[str, ...] = Field(min_length=1, max_length=5)
    rfp_section: RfpSection
    details: str | None = None
    keywords: tuple[str, ...] = ()

    @property
    def citation_id(self) -> str:
        """The id used in citations, e.g. ``guidance:sla-voice-service-level``."""
        return f"{CITATION_PREFIX}{self.id}"

    def as_text(self) -> str:
        """Render the item as plain text for indexing and citation display."""
        parts = [self.title, self.why]
        if self.details:
            parts.append(self.details)
        parts.append("Ask vendors:\n" + "\n".join(f"- {q}" for q in self.ask_vendors))
        return "\n\n".join(parts)


class GuidanceBase(BaseModel):
    """All guidance items, with lookups by id, topic and RFP section."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    items: tuple[GuidanceItem, ...]

    @model_validator(mode="after")
    def _unique_ids(self) -> GuidanceBase:
        """Reject duplicate ids."""
        seen: set[str] = set()
        for item in self.items:
            if item.id in seen:
                raise ValueError(f"duplicate guidance id {item.id!r}")
            seen.add(item.id)
        return self

    def __len__(self) -> int:
        """Number of items."""
        return len(self.items)

    def __iter__(self) -> Iterator[GuidanceItem]:  # type: ignore[override]
        """Iterate over items in file order."""
        return iter(self.items)

    def __contains__(self, item_id: object) -> bool:
        """Whether an id (with or without the ``guidance:`` prefix) exists."""
        return isinstance(item_id, str) and self.get(item_id) is not None

    @functools.cached_property
    def _by_id(self) -> dict[str, GuidanceItem]:
        """Index of items by id."""
        return {item.id: item for item in self.items}

    def get(self, item_id: str) -> GuidanceItem | None:
        """Return the item with this id (``guidance:`` prefix allowed), or None."""
        return self._by_id.get(item_id.removeprefix(CITATION_PREFIX))

    def __getitem__(self, item_id: str) -> GuidanceItem:
        """Return the item with this id or raise KeyError."""
        item = self.get(item_id)
        if item is None:
            raise KeyError(item_id)
        return item

    def ids(self) -> list[str]:
        """All ids in file order."""
        return [item.id for item in self.items]

    def by_topic(self, topic: str) -> list[GuidanceItem]:
        """Items whose topic is ``topic``."""
        _check_choice(topic, TOPICS, "topic")
        return [item for item in self.items if item.topic == topic]

    def by_rfp_section(self, section: str) -> list[GuidanceItem]:
        """Items that belong in RFP section ``section``."""
        _check_choice(section, RFP_SECTIONS, "RFP section")
        return [item for item in self.items if item.rfp_section == section]


def _check_choice(value: str, choices: tuple[str, ...], what: str) -> None:
    """Raise ValueError for a value outside the fixed list."""
    if value not in choices:
        raise ValueError(f"unknown {what} {value!r}; expected one of {', '.join(choices)}")


def _format_validation_error(error: ValidationError) -> str:
    """Condense a pydantic error into one line per problem."""
    lines = []
    for problem in error.errors():
        location = ".".join(str(part) for part in problem["loc"])
        lines.append(f"{location}: {problem['msg']}")
    return "; ".join(lines)


def _read_file(path: Path) -> list[GuidanceItem]:
    """Parse and validate one guidance YAML file."""
    try:
        raw = read_yaml(path)
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(f"{path}: cannot read file: {error}") from error
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path}: invalid YAML: {error}") from error
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise KnowledgeError(f"{path}: expected a list of items, got {type(raw).__name__}")
    items = []
    for index, entry in enumerate(raw):
        try:
            items.append(GuidanceItem.model_validate(entry))
        except ValidationError as error:
            label = entry.get("id", f"#{index}") if isinstance(entry, dict) else f"#{index}"
            details = _format_validation_error(error)
            raise KnowledgeError(f"{path}: item {label}: {details}") from error
    return items


def _check_duplicates(found: dict[str, Path], items: list[GuidanceItem], path: Path) -> None:
    """Raise KnowledgeError naming both files when an id repeats."""
    for item in items:
        if item.id in found:
            raise KnowledgeError(
                f"{path}: duplicate guidance id {item.id!r} (first defined in {found[item.id]})"
            )
        found[item.id] = path


def _load(directory: Path) -> GuidanceBase:
    """Load every ``*.yaml`` file in ``directory`` in name order."""
    if not directory.is_dir():
        raise KnowledgeError(f"{directory}: guidance directory not found")
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise KnowledgeError(f"{directory}: no guidance *.yaml files")
    items: list[GuidanceItem] = []
    found: dict[str, Path] = {}
    for path in paths:
        file_items = _read_file(path)
        _check_duplicates(found, file_items, path)
        items.extend(file_items)
    return GuidanceBase(items=tuple(items))


@functools.lru_cache(maxsize=1)
def _load_default() -> GuidanceBase:
    """Load the repository's guidance once per process."""
    return _load(DEFAULT_DIRECTORY)


def load_guidance(directory: Path | None = None) -> GuidanceBase:
    """Load and validate the guidance knowledge base.

    Args:
        directory: Folder of ``*.yaml`` files; defaults to the repository's
            ``knowledge/guidance`` (cached after the first load).

    Returns:
        The validated ``GuidanceBase``.

    Raises:
        KnowledgeError: A file is unreadable or invalid, or an id is duplicated.
    """
    if directory is None:
        return _load_default()
    return _load(Path(directory))
