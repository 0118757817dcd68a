"""Tables built from the buyer's answers: demand, channels, targets, price sheet, weights, dates."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta
from typing import Protocol

from assistant.interview.values import Duration
from assistant.rfp.facts import Answers
from assistant.rfp.model import OpenPoint, Scope
from assistant.rfp.templates import SectionsFile
from assistant.rfp.weights import evaluation_weights

Rows = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]
SERVICE_LEVEL_SLOTS = {
    "voice": "service_level_voice",
    "chat": "service_level_chat",
    "messaging": "service_level_chat",
    "email": "service_level_email",
}
KPI_TARGET_SLOTS = {
    "csat": "csat_target",
    "quality score": "quality_target",
    "abandonment rate": "abandonment_target",
}
# Slots the builders below read, so a test can tell when the plan grows a slot the RFP ignores.
TABLE_SLOTS = frozenset(
    {
        "monthly_volume", "average_handle_time", "peak_periods", "peak_uplift", "volume_growth",
        "agent_count", "channels", "channel_mix", "channel_hours", "service_level_voice",
        "service_level_chat", "service_level_email", "kpis", *KPI_TARGET_SLOTS.values(),
        "contract_term", "languages", "delivery_locations", "evaluation_criteria",
        "outsourcing_goals", "go_live_date", "evaluation_weights",
    }
)  # fmt: skip
VENDOR_TO_PROPOSE = "To be proposed by the vendor"
MAX_PRICE_ROWS = 40
DEFAULT_PRICE_YEARS = 3
MAX_PRICE_YEARS = 5


class TableContext(Protocol):
    """What a table builder may read, and how it reports what is still to be confirmed."""

    answers: Answers
    scope: Scope
    spec: SectionsFile
    today: date
    buyer: str

    def fill(self, slot: str) -> str:
        """The slot's text, or a marker that is also recorded as an open point."""
        ...

    def gap(self, what: str, slot: str | None) -> str:
        """A marker for something specific still missing, recorded as an open point."""
        ...

    def open_points(self) -> list[OpenPoint]:
        """The open points recorded so far."""
        ...

    def section_label(self, section_id: str) -> str:
        """How the draft refers to a section ("section 7")."""
        ...


def format_date(day: date) -> str:
    """'5 March 2026'."""
    return f"{day.day} {day:%B %Y}"


def _display(name: str) -> str:
    return name[:1].upper() + name[1:]


def demand_profile(ctx: TableContext) -> Rows:
    """Volume, handle time, peaks and growth as the buyer stated them."""
    rows = (
        ("Contacts per month, all channels", ctx.fill("monthly_volume")),
        ("Average handle time", ctx.fill("average_handle_time")),
        ("Peak periods", ctx.fill("peak_periods")),
        ("Rise in volume at peak", ctx.fill("peak_uplift")),
        ("Expected volume growth per year", ctx.fill("volume_growth")),
        ("Expected agents (FTEs)", ctx.fill("agent_count")),
    )
    return ("Measure", "Value"), rows


def _channel_names(ctx: TableContext) -> list[str]:
    names = list(ctx.answers.items("channels"))
    names += [k for k in ctx.answers.mapping("channel_mix") if k not in names]
    return names


def _share_number(ctx: TableContext, channel: str) -> float | None:
    mix = ctx.answers.typed("channel_mix")
    value = mix.get(channel) if isinstance(mix, dict) else None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def channels(ctx: TableContext) -> Rows:
    """Each channel with its share, the contacts that share implies, and its opening hours."""
    header = ("Channel", "Share of contacts", "Contacts per month (derived)", "Opening hours")
    names = _channel_names(ctx)
    if not names:
        return header, (
            (ctx.fill("channels"), ctx.fill("channel_mix"), "-", ctx.fill("channel_hours")),
        )
    mix = ctx.answers.mapping("channel_mix")
    hours = ctx.answers.mapping("channel_hours")
    volume = ctx.answers.number("monthly_volume")
    rows = []
    for name in names:
        share = mix.get(name) or (
            ctx.gap(f"share of contacts for {name}", "channel_mix")
            if mix
            else ctx.fill("channel_mix")
        )
        number = _share_number(ctx, name)
        derived = (
            f"{round(volume * number / 100):,}"
            if volume is not None and number is not None
            else "-"
        )
        if hours:
            open_hours = (
                hours.get(name)
                or hours.get("all")
                or ctx.gap(f"opening hours for {name}", "channel_hours")
            )
        else:
            open_hours = ctx.fill("channel_hours")
        rows.append((_display(name), share, derived, open_hours))
    return header, tuple(rows)


def service_levels(ctx: TableContext) -> Rows:
    """A target per channel: the buyer's, a marker where it is still to come, else the vendor's."""
    header = ("Channel", "Service-level target", "Basis")
    names = list(ctx.answers.items("channels"))
    if not names:
        names = [c for c in ("voice", "chat", "email") if ctx.answers.has(SERVICE_LEVEL_SLOTS[c])]
    if not names:
        return header, ((ctx.fill("channels"), "-", "-"),)
    rows = []
    for name in names:
        slot = SERVICE_LEVEL_SLOTS.get(name.lower())
        if slot is None:
            rows.append((_display(name), VENDOR_TO_PROPOSE, "Vendor proposal"))
        elif ctx.answers.has(slot):
            rows.append((_display(name), ctx.fill(slot), f"Set by {ctx.buyer}"))
        else:
            rows.append((_display(name), ctx.fill(slot), "To be confirmed"))
    return header, tuple(rows)


def kpis(ctx: TableContext) -> Rows:
    """Each KPI the buyer tracks, with the buyer's target where one was given."""
    header = ("KPI", "Target")
    names = list(ctx.answers.items("kpis"))
    for kpi, slot in KPI_TARGET_SLOTS.items():
        if ctx.answers.has(slot) and kpi not in {n.lower() for n in names}:
            names.append("CSAT" if kpi == "csat" else kpi)
    if not names:
        return header, ((ctx.fill("kpis"), "-"),)
    rows = []
    for name in names:
        slot = KPI_TARGET_SLOTS.get(name.lower())
        if slot and ctx.answers.has(slot):
            target = ctx.fill(slot)
        elif name.lower() == "aht" and ctx.answers.has("average_handle_time"):
            target = f"Current average {ctx.fill('average_handle_time')}; vendor to propose"
        else:
            target = VENDOR_TO_PROPOSE
        rows.append((_display(name), target))
    return header, tuple(rows)


def _price_years(ctx: TableContext) -> int:
    term = ctx.answers.typed("contract_term")
    if isinstance(term, Duration) and term.seconds > 0:
        return max(1, min(MAX_PRICE_YEARS, math.ceil(term.seconds / (365 * 86400) - 1e-9)))
    return DEFAULT_PRICE_YEARS


def price_sheet(ctx: TableContext) -> Rows:
    """One line per channel, language and delivery location, for the vendor to price by year."""
    years = _price_years(ctx)
    header = (
        "Channel",
        "Language",
        "Delivery location",
        *(f"Year {n}" for n in range(1, years + 1)),
    )
    names = [_display(c) for c in ctx.answers.items("channels")] or [ctx.fill("channels")]
    languages = list(ctx.answers.items("languages")) or [ctx.fill("languages")]
    sites = list(ctx.answers.items("delivery_locations")) or ["Vendor to state"]
    if len(names) * len(languages) * len(sites) > MAX_PRICE_ROWS:
        sites = ["Each proposed site"]
    blanks = ("",) * years
    rows = tuple((c, lang, site, *blanks) for c in names for lang in languages for site in sites)
    return header, rows


def disclosed_charges(ctx: TableContext) -> Rows:
    """Charges outside the unit price that the vendor must state."""
    rows = tuple((charge.charge, "") for charge in ctx.spec.disclosed_charges)
    return ("Charge", "Amount and basis (vendor to state)"), rows


def evaluation_weights_table(ctx: TableContext) -> Rows:
    """Criteria with weights: the buyer's own where it set them ('70% quality / 30% price'),
    else derived from its priorities; the total row shows the sum."""
    stated = ctx.answers.typed("evaluation_weights")
    if isinstance(stated, dict) and stated:
        by_id = {c.id: c for c in ctx.spec.evaluation.criteria}
        rows = []
        for name, weight in stated.items():
            criterion = by_id.get(name)
            title = criterion.title if criterion else _display(name)
            rows.append((title, f"{weight:g}%", criterion.assesses if criterion else f"Set by {ctx.buyer}"))
        rows.append(("Total", f"{sum(stated.values()):g}%", f"Weights set by {ctx.buyer}"))
        return ("Criterion", "Weight", "What is assessed"), tuple(rows)
    weights = evaluation_weights(
        ctx.spec.evaluation,
        ctx.answers.items("evaluation_criteria"),
        ctx.answers.items("outsourcing_goals"),
        ctx.scope.flag,
    )
    rows = [(w.criterion.title, f"{w.percent}%", w.criterion.assesses) for w in weights]
    rows.append(("Total", f"{sum(w.percent for w in weights)}%", ""))
    return ("Criterion", "Weight", "What is assessed"), tuple(rows)


PRIORITY_TEXT = {"must": "Must-have", "nice": "Nice-to-have"}


def stated_requirements(ctx: TableContext) -> Rows:
    """Everything the buyer stated, by interview topic, with its must-have or nice-to-have
    mark where the buyer gave one (the requirements of the sections below, in one place)."""
    plan = ctx.answers.plan
    rows = []
    for topic in plan.topics:
        for question in (q for q in plan.questions if q.topic == topic.id):
            for name in question.slots:
                if not ctx.answers.has(name) or name == "other_requirements":
                    continue
                rows += _stated_rows(ctx, topic.title, name)
    if not rows:
        rows.append(("-", "Nothing stated yet", "-", "-"))
    return ("Topic", "Requirement", "As stated", "Priority"), tuple(rows)


def _stated_rows(ctx: TableContext, topic: str, name: str) -> list[tuple[str, ...]]:
    slot = ctx.answers.plan.slot(name)
    priorities = getattr(ctx, "priorities", {})
    if slot.type == "list[str]":
        return [(topic, _display(slot.label), item, PRIORITY_TEXT.get(priorities.get((name, item))
                                                                        or priorities.get((name, None)) or "", "-"))
                for item in ctx.answers.items(name)]
    text = ctx.answers.text(name) or "-"
    return [(topic, _display(slot.label), text, PRIORITY_TEXT.get(priorities.get((name, None)) or "", "-"))]


def timeline(ctx: TableContext) -> Rows:
    """Selection steps dated from the issue date; go-live as the buyer stated it."""
    rows = []
    for step in ctx.spec.timeline:
        if not step.holds(ctx.scope.flag):
            continue
        when = (
            format_date(ctx.today + timedelta(weeks=step.weeks))
            if step.weeks is not None
            else ctx.fill("go_live_date")
        )
        rows.append((step.step, when))
    return ("Step", "Date"), tuple(rows)


def open_points(ctx: TableContext) -> Rows:
    """Every open point with where it is used and the question that settles it."""
    rows = []
    for number, point in enumerate(ctx.open_points(), start=1):
        places = [ctx.section_label(s) for s in point.section_ids] + list(point.requirement_ids)
        used = ", ".join(places) or ctx.section_label(point.section_id)
        rows.append((f"OP-{number:02d}", point.what, used, point.question or "-"))
    if not rows:
        rows.append(("-", "None: every item is confirmed", "-", "-"))
    return ("Ref", "To confirm", "Used in", "Question to settle it"), tuple(rows)


BUILDERS: dict[str, Callable[[TableContext], Rows]] = {
    "demand_profile": demand_profile,
    "channels": channels,
    "service_levels": service_levels,
    "kpis": kpis,
    "price_sheet": price_sheet,
    "disclosed_charges": disclosed_charges,
    "evaluation_weights": evaluation_weights_table,
    "stated_requirements": stated_requirements,
    "timeline": timeline,
    "open_points": open_points,
}
