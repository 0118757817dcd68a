"""The selection timetable: working days of the buyer's country, its public holidays skipped,
the buyer's own go-live respected, every step after the one before it."""

from __future__ import annotations

import calendar
import functools
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from assistant.rfp.facts import Answers
from assistant.rfp.templates import TimetableSpec

log = logging.getLogger(__name__)

ZONE_TAB = Path("/usr/share/zoneinfo/zone.tab")
COUNTRY_ALIASES = {"uk": "GB", "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
                   "northern ireland": "GB", "us": "US", "usa": "US", "america": "US"}  # fmt: skip
_QUARTER = re.compile(r"\bq([1-4])\b", re.I)
_YEAR = re.compile(r"\b(20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


@dataclass(frozen=True)
class Country:
    """The buyer's country: ISO code, English name and a time zone for deadlines."""

    code: str
    name: str
    time_zone: str


@dataclass(frozen=True)
class Milestone:
    """One dated step of the timetable."""

    key: str
    step: str
    day: date
    time: str | None = None


@dataclass(frozen=True)
class Timetable:
    """The dated steps, the country whose calendar they follow, and what the buyer must check."""

    milestones: tuple[Milestone, ...]
    country: Country | None
    notes: tuple[str, ...] = ()

    def day(self, key: str) -> date | None:
        """The date of a step (None when the step is not in this timetable)."""
        return next((m.day for m in self.milestones if m.key == key), None)


@functools.cache
def _territories() -> dict[str, str]:
    """English country name (lower case) -> ISO code, for countries with a holiday calendar."""
    import holidays
    from babel import Locale

    supported = set(holidays.list_supported_countries())
    names = {name.lower(): code for code, name in Locale("en").territories.items() if code in supported}
    names.update({alias: code for alias, code in COUNTRY_ALIASES.items() if code in supported})
    return names


@functools.cache
def _zones() -> dict[str, str]:
    """ISO code -> the first time zone zone.tab lists for it."""
    zones: dict[str, str] = {}
    if ZONE_TAB.is_file():
        for line in ZONE_TAB.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and not line.startswith("#"):
                zones.setdefault(parts[0], parts[2])
    return zones


def buyer_country(answers: Answers) -> Country | None:
    """The first customer region (then delivery location) that names a country."""
    from babel import Locale

    territories = _territories()
    for slot in ("customer_regions", "delivery_locations"):
        for place in answers.items(slot):
            code = territories.get(place.strip().lower())
            if code:
                name = Locale("en").territories.get(code, place)
                return Country(code, name, _zones().get(code, "UTC"))
    return None


def format_day(day: date) -> str:
    """'1 March 2026'."""
    return f"{day.day} {day:%B %Y}"


def country_from_code(code: str, time_zone: str | None = None) -> Country:
    """A Country from its ISO 3166 code (and a time zone, else the first zone.tab lists)."""
    from babel import Locale

    code = code.upper()
    name = Locale("en").territories.get(code, code)
    return Country(code, name, time_zone or _zones().get(code, "UTC"))


class WorkingCalendar:
    """Weekdays that are neither public holidays of the country nor in a closure span."""

    def __init__(self, country: Country | None, closures: tuple[tuple[str, str], ...]) -> None:
        import holidays

        self._holidays = holidays.country_holidays(country.code) if country else {}
        self._closures = closures

    def _closed(self, day: date) -> bool:
        stamp = f"{day.month:02d}-{day.day:02d}"
        for start, end in self._closures:
            inside = start <= stamp <= end if start <= end else (stamp >= start or stamp <= end)
            if inside:
                return True
        return False

    def working(self, day: date) -> bool:
        """Whether bidders and evaluators can be expected to work that day."""
        return day.weekday() < 5 and day not in self._holidays and not self._closed(day)

    def on_or_after(self, day: date) -> date:
        """The first working day from `day` on."""
        while not self.working(day):
            day += timedelta(days=1)
        return day

    def add(self, day: date, working_days: int) -> date:
        """`working_days` working days after `day` (the day itself when 0 and it is working)."""
        day = self.on_or_after(day)
        for _ in range(working_days):
            day = self.on_or_after(day + timedelta(days=1))
        return day


def read_go_live(text: str, after: date) -> date | None:
    """The first day of the month, quarter or season a go-live phrase names ("June 2026",
    "Q3", "1 April next year", "the end of Q3 2026"), in the first year that falls after
    `after`; None when the phrase names no month, quarter or season (or says "not before")."""
    lowered = text.lower()
    if "not before" in lowered or "after" in lowered.split():
        return None
    year_match = _YEAR.search(lowered)
    month, day, end = None, 1, "end of" in lowered
    if quarter := _QUARTER.search(lowered):
        month = 3 * (int(quarter.group(1)) - 1) + (3 if end else 1)
    else:
        names = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
        names.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
        found = [(m.start(), names[m.group(0)]) for m in re.finditer(r"[a-z]+", lowered) if m.group(0) in names]
        if found:
            month = min(found)[1]
            number = _DAY.search(lowered.replace(year_match.group(0), "") if year_match else lowered)
            if number and 1 <= int(number.group(1)) <= 28:
                day = int(number.group(1))
        else:
            season = next((v for k, v in _SEASONS.items() if re.search(rf"\b{k}\b", lowered)), None)
            month = season
    if month is None:
        return None
    if end:
        day = calendar.monthrange(year_match and int(year_match.group(1)) or after.year, month)[1]
    if year_match:
        return date(int(year_match.group(1)), month, day)
    candidate = date(after.year, month, day)
    return candidate if candidate > after else date(after.year + 1, month, day)


def build_timetable(
    answers: Answers,
    spec: TimetableSpec,
    today: date,
    holds,
    fixed: Mapping[str, date] | None = None,
    country: Country | None = None,
) -> Timetable:
    """Every step whose conditions hold, dated in working days from the issue date.

    The issue date, the buyer's fixed dates (``fixed``: step key -> date, e.g. proposals due or
    pilot start) and its stated go-live are anchors; the steps between two anchors keep their
    usual spacing when there is room, and are spaced evenly in the working days between them
    when there is not. An anchor that leaves no room for the steps before it is not used, and a
    note says so.

    Args:
        answers: the buyer's answers (country, pilot length, go-live).
        spec: the steps and calendar rules from ``knowledge/rfp/sections.yaml``.
        today: the day the draft is written; the RFP is issued on the first working day from it.
        holds: ``step -> bool``, whether a step's conditions hold for this buyer.
        fixed: dates the buyer set for steps, by step key.
        country: the buyer's country when known from elsewhere; else read from the answers.
    """
    country = country or buyer_country(answers)
    work = WorkingCalendar(country, spec.closures)
    notes: list[str] = []
    if country is None:
        notes.append("the buyer's country (for public holidays and the time zone of deadlines)")
    steps = [s for s in spec.steps if holds(s)]
    gaps = [0] + [_gap(step, answers, spec) for step in steps[1:]]
    mins = [0] + [min(step.min_working_days, gap) for step, gap in zip(steps[1:], gaps[1:], strict=True)]
    issue = work.on_or_after(today)
    days = _WorkingDays(work, issue)
    anchors = {0: 0}
    wanted = dict(fixed or {})
    stated_go_live = wanted.pop("go_live", None)
    for index, step in enumerate(steps):
        if index and step.key in wanted:
            ordinal = days.ordinal(work.on_or_after(wanted[step.key]))
            if _room(anchors, index, ordinal, mins):
                anchors[index] = ordinal
            else:
                notes.append(f"{step.step.lower()}: the date given leaves no room for the steps before it")
    go_live = next((i for i, s in enumerate(steps) if s.go_live), None)
    if go_live is not None:
        stated = stated_go_live or _stated_go_live(answers, issue, notes)
        if stated is not None:
            target = days.ordinal(work.on_or_after(stated))
            if _room(anchors, go_live, target, mins):
                anchors[go_live] = target
            else:
                notes.append(
                    f"go-live: {format_day(stated)} leaves too little time for the selection before it "
                    f"(bidders need at least their minimum windows); the timetable shows the earliest feasible go-live"
                )
    # The buyer's pilot length and the transition are kept whole where the room allows; the
    # other steps are squeezed first.
    keep = {i for i, step in enumerate(steps) if step.pilot_length or step.go_live}
    ordinals = _place(gaps, anchors, keep, mins)
    for index in sorted(keep):
        if index and ordinals[index] - ordinals[index - 1] < gaps[index]:
            notes.append(
                f"{steps[index].step.lower()}: the dates given leave {ordinals[index] - ordinals[index - 1]} "
                f"working days after {steps[index - 1].step.lower()}, less than the {gaps[index]} it needs"
            )
    milestones = tuple(
        Milestone(step.key, step.step, days.day(ordinal), step.time)
        for step, ordinal in zip(steps, ordinals, strict=True)
    )
    return Timetable(milestones, country, tuple(notes))


def _gap(step, answers: Answers, spec: TimetableSpec) -> int:
    """Working days between a step and the one before it."""
    if step.pilot_length:
        return max(1, round(_pilot_days(answers) * 5 / 7))
    if step.go_live:
        return spec.min_transition_working_days
    return max(1, step.working_days)


def _room(anchors: dict[int, int], index: int, ordinal: int, mins: list[int]) -> bool:
    """Whether an anchor at `ordinal` leaves every step since the last anchor its minimum."""
    last = max(anchors)
    return ordinal - anchors[last] >= sum(mins[last + 1 : index + 1])


def _place(gaps: list[int], anchors: dict[int, int], keep: set[int], mins: list[int]) -> list[int]:
    """Working-day ordinals of every step: usual gaps from each anchor; where the next anchor
    comes sooner, the gaps in `keep` stay whole if they can and the others shrink evenly, none
    below its minimum; anchors kept exactly."""
    ordinals = [0] * len(gaps)
    keys = sorted(anchors)
    for first, last in zip(keys, [*keys[1:], None], strict=True):
        ordinals[first] = anchors[first]
        end = len(gaps) if last is None else last + 1
        segment = list(range(first + 1, end))
        wanted = [gaps[i] for i in segment]
        if last is not None:
            floors = [mins[i] for i in segment]
            wanted = _fit(wanted, [i in keep for i in segment], floors, anchors[last] - anchors[first])
        position = anchors[first]
        for index, gap in zip(segment, wanted, strict=True):
            position += gap
            ordinals[index] = position
    return ordinals


def _fit(gaps: list[int], kept: list[bool], floors: list[int], room: int) -> list[int]:
    """Gaps summing to exactly `room`, none below its floor: kept gaps whole when possible."""
    if sum(gaps) <= room:
        return gaps[:-1] + [gaps[-1] + room - sum(gaps)]  # slack goes before the anchor
    fixed = sum(g for g, k in zip(gaps, kept, strict=True) if k)
    if fixed + sum(f for f, k in zip(floors, kept, strict=True) if not k) > room:
        kept = [False] * len(gaps)
        fixed = 0
    others = sum(g for g, k in zip(gaps, kept, strict=True) if not k)
    scale = (room - fixed) / others if others else 0.0
    out = [g if k else max(f, int(g * scale)) for g, k, f in zip(gaps, kept, floors, strict=True)]
    while sum(out) > room:  # rounding and floors: take a day from the gap with most to spare
        spare = max(range(len(out)), key=lambda i: out[i] - floors[i])
        out[spare] -= 1
    out[-1] += room - sum(out)
    return out


class _WorkingDays:
    """Working days from the issue date on, numbered 0, 1, 2, …"""

    def __init__(self, work: WorkingCalendar, issue: date) -> None:
        self._work = work
        self._days = [issue]

    def day(self, ordinal: int) -> date:
        while len(self._days) <= ordinal:
            self._days.append(self._work.add(self._days[-1], 1))
        return self._days[ordinal]

    def ordinal(self, day: date) -> int:
        while self._days[-1] < day:
            self.day(len(self._days))
        return next(i for i, d in enumerate(self._days) if d >= day)


def _stated_go_live(answers: Answers, issue: date, notes: list[str]) -> date | None:
    """The buyer's go-live as a date, or None (with a note when it said something unreadable)."""
    stated = answers.text("go_live_date")
    if not stated:
        return None
    target = read_go_live(stated, issue)
    if target is None:
        notes.append(f"go-live date: the buyer said '{stated}', which gives no date to plan from")
    return target


def _pilot_days(answers: Answers) -> int:
    duration = answers.typed("pilot_duration")
    seconds = getattr(duration, "seconds", None)
    return max(14, round(seconds / 86400)) if seconds else 60


