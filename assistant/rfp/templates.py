"""RFP wording as data: sections, requirement templates and tables from ``knowledge/rfp``."""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.knowledge import RFP_SECTIONS
from assistant.resources import knowledge_dir, read_yaml

SECTIONS_PATH = knowledge_dir() / "rfp" / "sections.yaml"
APPENDIX_ID = "open_points"


class TemplateError(KeyError):
    """A template names a placeholder that has no value."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "template error"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Conditional(_Strict):
    """Conditions: every `when` True, every `when_not` False, every `when_unknown` None.

    A condition is a scope flag (``health``, ``voice``…), a yes/no slot (``service_credits``)
    or ``slot=value`` (an enum slot equal to, or a list slot containing, the value).
    """

    when: tuple[str, ...] = ()
    when_not: tuple[str, ...] = ()
    when_unknown: tuple[str, ...] = ()

    def conditions(self) -> tuple[str, ...]:
        """Every condition this item names."""
        return (*self.when, *self.when_not, *self.when_unknown)

    def holds(self, resolve: Callable[[str], bool | None]) -> bool:
        """Whether every condition is met, given a resolver of condition -> True/False/None."""
        return (
            all(resolve(c) is True for c in self.when)
            and all(resolve(c) is False for c in self.when_not)
            and all(resolve(c) is None for c in self.when_unknown)
        )


class Paragraph(Conditional):
    """An intro paragraph template."""

    text: str


class CaseText(_Strict):
    """Wording for one value of an ``each`` requirement."""

    text: str
    guidance: tuple[str, ...] = ()


class RequirementSpec(Conditional):
    """A requirement template; with `each`, one requirement per value of that slot.

    For `each`, `text` is the wording for values without a `cases` entry and may use
    ``{item}``; when the slot is unanswered it is written once with a to-be-confirmed marker.
    """

    text: str
    guidance: tuple[str, ...] = ()
    group: str | None = None
    each: str | None = None
    cases: dict[str, CaseText] = Field(default_factory=dict)
    mandatory: bool = Field(default=False, description="Pass/fail whatever the buyer's marks.")

    @model_validator(mode="after")
    def _cases_need_each(self) -> RequirementSpec:
        if self.cases and not self.each:
            raise ValueError("`cases` needs `each`")
        return self


class TableSpec(Conditional):
    """A table built in code by `builder`, under a caption template."""

    builder: str
    caption: str


class SectionSpec(Conditional):
    """One RFP section's wording; a section with conditions is left out when they fail."""

    id: str
    code: str = Field(pattern=r"^[A-Z]{2,4}$")
    title: str
    intro: tuple[Paragraph, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    requirements: tuple[RequirementSpec, ...] = ()
    appendix: bool = False

    @model_validator(mode="before")
    @classmethod
    def _plain_paragraphs(cls, data: object) -> object:
        """Let a paragraph be written as a bare string."""
        if isinstance(data, dict) and isinstance(data.get("intro"), list):
            data = {
                **data,
                "intro": [{"text": p} if isinstance(p, str) else p for p in data["intro"]],
            }
        return data


class ScopeRule(Conditional):
    """Guidance items that are out of scope when a condition is known not to hold."""

    guidance: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _only_when(self) -> ScopeRule:
        if self.when_not or self.when_unknown:
            raise ValueError("a scope rule uses `when` only")
        return self


class Criterion(_Strict):
    """One evaluation criterion, with its base weight and what raises it."""

    id: str
    title: str
    assesses: str
    base: float = Field(gt=0)
    goals: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()


class EvaluationSpec(_Strict):
    """How evaluation weights are derived from the buyer's priorities."""

    stated_factor: float = Field(gt=1)
    goal_factor: float = Field(gt=1)
    flag_factor: float = Field(gt=1)
    unlisted_base: float = Field(gt=0)
    criteria: tuple[Criterion, ...] = Field(min_length=2)


class TimelineStep(Conditional):
    """One step of the selection timetable, `working_days` after the step before it.

    `key` names the step for placeholders ({date_<key>}); `time` is a clock time shown with
    the buyer's time zone; a step with `pilot_length` ends the buyer's pilot (its stated
    duration after the step before); `go_live` is the buyer's go-live when it stated one.
    """

    key: str = Field(pattern=r"^[a-z_]+$")
    step: str
    working_days: int = Field(default=0, ge=0)
    min_working_days: int = Field(default=1, ge=1, description="The least it may be squeezed to.")
    time: str | None = None
    pilot_length: bool = False
    go_live: bool = False


class TimetableSpec(_Strict):
    """Calendar rules of the timetable: non-working spans and the least transition time."""

    closures: tuple[tuple[str, str], ...] = ()  # ("12-24", "01-02"): month-day spans off work
    min_transition_working_days: int = Field(ge=1)
    steps: tuple[TimelineStep, ...] = Field(min_length=3)


class ScoreLevel(_Strict):
    """One point of the 0-5 scoring scale."""

    score: int = Field(ge=0, le=5)
    label: str
    descriptor: str


class PublicRegister(_Strict):
    """How public bodies of some countries word a procurement: the title and the words that
    replace the template's ("vendor" -> "supplier" in a UK tender, "respondent" in a US
    solicitation). A register with no countries applies to every other country."""

    countries: tuple[str, ...] = ()
    title: str
    terms: dict[str, str]


class Charge(_Strict):
    """A charge vendors must disclose outside the unit price."""

    charge: str
    guidance: str


class SectionsFile(_Strict):
    """The whole ``sections.yaml``."""

    title: str
    client_noun: str
    definite_places: tuple[str, ...] = ()
    labels: dict[str, str] = Field(default_factory=dict)
    phrases: dict[str, dict[str, str]] = Field(default_factory=dict)
    no_slot_points: dict[str, str] = Field(default_factory=dict)
    sections: tuple[SectionSpec, ...]
    guidance_scope: tuple[ScopeRule, ...] = ()
    evaluation: EvaluationSpec
    timetable: TimetableSpec
    scoring_scale: tuple[ScoreLevel, ...] = Field(min_length=6, max_length=6)
    public_registers: tuple[PublicRegister, ...] = ()
    disclosed_charges: tuple[Charge, ...]
    questionnaire_group_titles: dict[str, str] = Field(default_factory=dict)
    regime_terms: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    def public_register(self, country: str | None) -> PublicRegister | None:
        """The register a public body of this country (ISO code; None when unknown) uses."""
        default = None
        for register in self.public_registers:
            if country and country.upper() in register.countries:
                return register
            if not register.countries:
                default = default or register
        return default

    @model_validator(mode="after")
    def _sections_in_order(self) -> SectionsFile:
        ids = [s.id for s in self.sections]
        missing = [s for s in RFP_SECTIONS if s not in ids]
        if missing or len(set(ids)) != len(ids) or ids[-1] != APPENDIX_ID:
            raise ValueError(f"sections must hold {[*RFP_SECTIONS]} once each and end with {APPENDIX_ID}")
        flags = [s.appendix for s in self.sections]
        if flags != sorted(flags):
            raise ValueError("appendix sections come after the body")
        codes = [s.code for s in self.sections]
        if len(set(codes)) != len(codes):
            raise ValueError("section codes must be unique")
        return self

    def guidance_ids(self) -> set[str]:
        """Every guidance id the wording cites."""
        ids = {g for rule in self.guidance_scope for g in rule.guidance}
        ids |= {charge.guidance for charge in self.disclosed_charges}
        for section in self.sections:
            for req in section.requirements:
                ids.update(req.guidance)
                ids.update(g for case in req.cases.values() for g in case.guidance)
        return ids

    def templates(self) -> list[str]:
        """Every template text in the file (intros, captions, requirements, cases, phrases)."""
        texts = [phrase for table in self.phrases.values() for phrase in table.values()]
        for section in self.sections:
            texts += [p.text for p in section.intro] + [t.caption for t in section.tables]
            for req in section.requirements:
                texts += [req.text, *(case.text for case in req.cases.values())]
        return texts

    def conditions(self) -> set[str]:
        """Every condition named anywhere in the file."""
        found: set[str] = set()
        items: list[Conditional] = [*self.guidance_scope, *self.timetable.steps]
        for section in self.sections:
            items += [section, *section.intro, *section.tables, *section.requirements]
        for item in items:
            found.update(item.conditions())
        for criterion in self.evaluation.criteria:
            found.update(criterion.flags)
        found.update(self.regime_terms)
        return found


def placeholders(template: str) -> list[str]:
    """The placeholder names a template uses, in order."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def fill_template(template: str, values: Mapping[str, str], where: str = "template") -> str:
    """``template.format_map(values)``, but an unknown placeholder raises TemplateError."""
    try:
        return template.format_map(_StrictMap(values))
    except _MissingKey as missing:
        raise TemplateError(f"{where}: no value for placeholder {{{missing.args[0]}}}") from None


class _MissingKey(KeyError):
    """A placeholder name the values do not hold (internal to ``fill_template``)."""


class _StrictMap(Mapping[str, str]):
    """A format mapping that refuses missing keys instead of inventing text."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self._values = values

    def __getitem__(self, key: str) -> str:
        try:
            return self._values[key]
        except TemplateError:
            raise  # from a nested template, already named
        except KeyError:
            raise _MissingKey(key) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


@functools.lru_cache(maxsize=4)
def load_sections(path: Path = SECTIONS_PATH) -> SectionsFile:
    """Read and validate the RFP wording.

    Args:
        path: a sections YAML file; the repository's ``knowledge/rfp/sections.yaml`` by default.

    Returns:
        The validated wording.
    """
    raw = read_yaml(Path(path))
    return SectionsFile.model_validate(raw)
