"""The RFP document model: the one source of truth that every renderer reads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Source = Literal["buyer", "guidance"]
Priority = Literal["mandatory", "desirable"]
PRIORITY_MARK = {"mandatory": "M", "desirable": "D"}
TBC_PREFIX = "[To be confirmed: "


TBC_PATTERN = re.compile(r"\[To be confirmed: ([^\]]*)\]")


def tbc(what: str) -> str:
    """The marker written where the buyer has not answered yet."""
    return f"{TBC_PREFIX}{what}]"


def marked_spans(text: str) -> list[tuple[str, bool]]:
    """Split text into (span, is_marker) pieces so renderers can highlight open points."""
    spans: list[tuple[str, bool]] = []
    position = 0
    for match in TBC_PATTERN.finditer(text):
        if match.start() > position:
            spans.append((text[position : match.start()], False))
        spans.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        spans.append((text[position:], False))
    return spans


@dataclass(frozen=True)
class Requirement:
    """One numbered requirement, e.g. ``REQ-SLA-03``.

    `source` is "buyer" when the text carries something the buyer stated (or a marker for
    something still to be stated), "guidance" when it comes from good practice alone.
    """

    id: str
    text: str
    source: Source
    slots: tuple[str, ...] = ()
    guidance: tuple[str, ...] = ()
    group: str | None = None
    priority: Priority = "desirable"

    @property
    def mark(self) -> str:
        """"M" (mandatory, pass/fail) or "D" (desirable, scored)."""
        return PRIORITY_MARK[self.priority]


@dataclass(frozen=True)
class Table:
    """A captioned table; every row has as many cells as the header."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.header):
                raise ValueError(f"table {self.caption!r}: row {row!r} does not match header")


@dataclass(frozen=True)
class OpenPoint:
    """Something the buyer has not answered yet, and where the RFP needs it.

    `section_id` is the first section that needs it; `requirement_ids` the requirements whose
    text carries its marker; `section_ids` the sections whose intro or tables carry it.
    """

    what: str
    slot: str | None
    section_id: str
    requirement_ids: tuple[str, ...] = ()
    question: str | None = None
    section_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    """One numbered section: intro paragraphs, then tables, then requirements."""

    id: str
    title: str
    intro: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    tables: tuple[Table, ...] = ()
    appendix: bool = False


@dataclass(frozen=True)
class Scope:
    """What the buyer's answers bring into scope: each named condition True, False or None.

    None means not known yet. Conditions are scope flags (``health``, ``card_payments``,
    ``eu``, ``voice``…), yes/no slots and ``slot=value`` tests, evaluated once by the draft.
    """

    flags: tuple[tuple[str, bool | None], ...] = ()
    channels: tuple[str, ...] = ()
    services: tuple[str, ...] = ()

    def flag(self, name: str) -> bool | None:
        """The value of a condition (KeyError when the draft did not evaluate it)."""
        for key, value in self.flags:
            if key == name:
                return value
        raise KeyError(f"scope condition {name!r} was not evaluated")


@dataclass(frozen=True)
class RateCardLine:
    """One priced line; `optional` when it rests on something the buyer called nice-to-have;
    `forecast` is units per year for each year, or None where the vendor must estimate."""

    channel: str
    language: str
    site: str
    optional: bool
    forecast: tuple[int | None, ...]


@dataclass(frozen=True)
class RateCard:
    """What the rate-card workbook is built from."""

    currency: str
    unit: str
    years: tuple[str, ...]
    lines: tuple[RateCardLine, ...]
    one_time_fees: tuple[str, ...] = ()
    bands: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RfpDocument:
    """A drafted RFP: cover facts, sections in order, open points and the scope behind them."""

    title: str
    buyer: str
    date: date
    sections: tuple[Section, ...]
    open_points: tuple[OpenPoint, ...] = ()
    scope: Scope = field(default_factory=Scope)
    rate_card: RateCard | None = None

    def section(self, section_id: str) -> Section:
        """The section with this id (KeyError when absent)."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def requirements(self) -> list[Requirement]:
        """Every requirement, in document order."""
        return [req for section in self.sections for req in section.requirements]

    def numbered(self) -> list[tuple[str, Section]]:
        """Sections with their display number ("1", "2", … then "Appendix A", …)."""
        numbers = display_numbers([s.appendix for s in self.sections])
        return list(zip(numbers, self.sections, strict=True))


def display_numbers(appendix_flags: list[bool]) -> list[str]:
    """Display numbers for sections in order: 1, 2, … for the body, Appendix A, B, … after."""
    numbers = []
    body = appendix = 0
    for is_appendix in appendix_flags:
        if is_appendix:
            numbers.append(f"Appendix {chr(ord('A') + appendix)}")
            appendix += 1
        else:
            body += 1
            numbers.append(str(body))
    return numbers
