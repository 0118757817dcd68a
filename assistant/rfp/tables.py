"""Tables built from the buyer's answers: demand, channels, targets, price sheet, weights, dates."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Protocol

from assistant.interview.values import Duration
from assistant.reading.mentions import read
from assistant.reading.places import countries, shore_model
from assistant.rfp.facts import Answers
from assistant.rfp.model import OpenPoint, Scope
from assistant.rfp.templates import SectionsFile
from assistant.rfp.timetable import Timetable
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
        "outsourcing_goals", "go_live_date", "evaluation_weights", "contract_renewal", "shore_model",
        "excluded_shore_models", "pricing_model", "pilot_duration", "customer_regions",
    }
)  # fmt: skip
VENDOR_TO_PROPOSE = "To be proposed by the vendor"
MAX_PRICE_ROWS = 40
MODELS = ("onshore", "nearshore", "offshore")  # delivery models, nearest first
DEFAULT_PRICE_YEARS = 3
MAX_PRICE_YEARS = 5


class TableContext(Protocol):
    """What a table builder may read, and how it reports what is still to be confirmed."""

    answers: Answers
    scope: Scope
    spec: SectionsFile
    today: date
    buyer: str
    timetable: Timetable
    derived: dict[str, str]

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
        ("Opening hours", ctx.fill("channel_hours")),
        ("Languages", ctx.fill("languages")),
    )
    return ("Measure", "Value"), rows + tuple(_channel_volume_rows(ctx)) + tuple(_forecast_rows(ctx))


def _channel_volume_rows(ctx: TableContext) -> list[tuple[str, str]]:
    """Contacts per month per channel, from the total and the buyer's channel mix."""
    volume = ctx.answers.number("monthly_volume")
    rows = []
    for name in _channel_names(ctx):
        share = _share_number(ctx, name)
        if volume is not None and share is not None:
            rows.append((f"Contacts per month, {name} (from the channel mix)", f"{round(volume * share / 100):,}"))
    return rows


def forecast_volumes(ctx: TableContext) -> list[int] | None:
    """Monthly contacts in each contract year (renewals included), grown by the buyer's yearly
    growth; None when the buyer gave no monthly volume."""
    volume = ctx.answers.number("monthly_volume")
    if volume is None:
        return None
    growth = ctx.answers.number("volume_growth") or 0.0
    return [round(volume * (1 + growth / 100) ** year) for year in range(contract_years(ctx))]


def _forecast_rows(ctx: TableContext) -> list[tuple[str, str]]:
    forecast = forecast_volumes(ctx)
    if not forecast or not ctx.answers.has("volume_growth"):
        return []
    initial = _price_years(ctx)
    return [
        (f"Forecast contacts per month, year {n}{'' if n <= initial else ' (renewal)'}", f"{v:,}")
        for n, v in enumerate(forecast, start=1)
    ]


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


def renewal_years(ctx: TableContext) -> int:
    """Years of renewal options the buyer stated (0 when none)."""
    renewal = ctx.answers.typed("contract_renewal")
    count = getattr(renewal, "count", None)
    if not isinstance(count, int) or count <= 0:
        return 0
    amount, unit = getattr(renewal, "amount", None), getattr(renewal, "unit", None)
    seconds = Duration(amount=amount, unit=unit).seconds if amount and unit else 365 * 86400
    per = max(1, math.ceil(seconds / (365 * 86400) - 1e-9))
    return min(MAX_PRICE_YEARS, count * per)


def contract_years(ctx: TableContext) -> int:
    """Initial years plus renewal years, as priced in the rate card."""
    return _price_years(ctx) + renewal_years(ctx)


UNITS = {
    "per hour": "productive hour", "per FTE": "FTE per month", "per transaction": "handled contact",
    "per minute": "handled minute", "outcome-based": "base fee per month", "hybrid": "handled contact",
    "fixed fee": "month",
}  # fmt: skip


def price_unit(ctx: TableContext) -> str:
    """The unit the buyer asks vendors to price ("handled contact" when it did not say)."""
    return UNITS.get(ctx.answers.text("pricing_model") or "", "handled contact")


def _place_country(place: str) -> str | None:
    """The country a delivery place is in ('Manila' -> 'Philippines'), as the reading layer knows it."""
    if countries([place]):
        return countries([place])[0]
    found = [m for m in read(place) if m.kind == "location" and m.value.get("country")]
    return str(found[0].value["country"]) if found else None


def delivery_options(ctx: TableContext) -> list[tuple[str, str | None]]:
    """The delivery options a vendor may price, each with the place the buyer named for it:
    every allowed model with its places ('Offshore (Philippines)', place 'Philippines'), else
    the places the buyer named, labelled by model where known, else every model it did not
    exclude; never an excluded model, nor a place in one."""
    excluded = {e.lower() for e in ctx.answers.items("excluded_shore_models")}
    home = countries(list(ctx.answers.items("customer_regions")))
    by_model: dict[str, list[str]] = {}
    unplaced: list[str] = []
    for place in ctx.answers.items("delivery_locations"):
        country = _place_country(place)
        model = shore_model(country, home) if country else None
        if model:
            by_model.setdefault(model, []).append(place)
        else:
            unplaced.append(place)
    models = [m.lower() for m in ctx.answers.items("shore_model")] or [m for m in MODELS if m in by_model]
    models = [m for m in models if m not in excluded]
    if not models:
        if unplaced:
            return [(place, place) for place in unplaced]
        allowed = [m for m in MODELS if m not in excluded]
        return [("Each proposed site (" + "/".join(allowed) + ")", None)]
    options: list[tuple[str, str | None]] = []
    for model in models:
        places = by_model.get(model)
        options += [(f"{_display(model)} ({place})", place) for place in places] if places else [(_display(model), None)]
    return options


def rate_card_lines(ctx: TableContext) -> list[tuple[str, str, str, str | None]]:
    """(channel, language, delivery option, the buyer's place for it) per rate-card line,
    capped at MAX_PRICE_ROWS."""
    names = [_display(c) for c in ctx.answers.items("channels")] or ["Each channel in scope"]
    languages = list(ctx.answers.items("languages")) or ["Each language in scope"]
    sites = delivery_options(ctx)
    if len(names) * len(languages) * len(sites) > MAX_PRICE_ROWS:
        sites = [("Each proposed site", None)]
    return [(c, lang, site, place) for c in names for lang in languages for site, place in sites]


def price_sheet(ctx: TableContext) -> Rows:
    """The rate card's lines: channel, language and delivery option, with the unit and years
    (renewal years marked) the vendor prices in the workbook."""
    initial, renewal = _price_years(ctx), renewal_years(ctx)
    years = [f"Year {n}" for n in range(1, initial + 1)]
    years += [f"Year {n} (renewal)" for n in range(initial + 1, initial + renewal + 1)]
    header = ("Channel", "Language", "Delivery model or site", "Unit", "Priced for")
    unit = f"{ctx.derived.get('currency', 'Price')} per {price_unit(ctx)}"
    span = f"{years[0]} to {years[-1]}" if len(years) > 1 else years[0]
    rows = tuple((c, lang, site, unit, span) for c, lang, site, _ in rate_card_lines(ctx))
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
                # the name is on the cover; free text has its own requirements below
                if not ctx.answers.has(name) or name in ("other_requirements", "company_name"):
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
    """The dated timetable, working days only, every step after the one before it."""
    rows = []
    for milestone in ctx.timetable.milestones:
        when = f"{milestone.day:%A} {format_date(milestone.day)}"
        if milestone.time:
            zone = ctx.timetable.country.time_zone if ctx.timetable.country else "local time"
            when += f", {milestone.time} ({zone})"
        rows.append((milestone.step, when))
    for note in ctx.timetable.notes:
        rows.append(("To confirm", ctx.gap(note, "go_live_date" if note.startswith("go-live") else None)))
    return ("Step", "Date"), tuple(rows)


def scoring_scale(ctx: TableContext) -> Rows:
    """The 0-5 scale with its descriptors."""
    rows = tuple((str(level.score), level.label, level.descriptor) for level in ctx.spec.scoring_scale)
    return ("Score", "Meaning", "Descriptor"), rows


ATTACHMENTS = (
    ("Compliance matrix", "compliance-matrix.xlsx",
     "Every numbered requirement with its M/D mark; the vendor states comply, partly or does not, "
     "explains, and gives the page of its proposal"),
    ("Rate card", "rate-card.xlsx",
     "Unit prices per channel, language and delivery model, by volume band and year (renewals "
     "included), one-time fees, and the total evaluated cost"),
)  # fmt: skip


def attachments(ctx: TableContext) -> Rows:
    """The workbooks that go with the RFP."""
    rows = tuple((title, name, purpose) for title, name, purpose in ATTACHMENTS)
    return ("Workbook", "File", "What the vendor fills in"), rows


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
    "scoring_scale": scoring_scale,
    "attachments": attachments,
    "open_points": open_points,
}
