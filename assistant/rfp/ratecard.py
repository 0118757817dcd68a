"""The rate card vendors price: lines per channel, language and allowed delivery option, the
unit, contract years (renewals included), volume bands, one-time fees and the forecast the
total evaluated cost applies to."""

from __future__ import annotations

from assistant.rfp.model import RateCard, RateCardLine
from assistant.rfp.tables import (
    TableContext,
    _price_years,
    contract_years,
    forecast_volumes,
    price_unit,
    rate_card_lines,
)

ONE_TIME_FEES = (
    "Set-up and transition-in (project management, facilities, configuration)",
    "Recruitment and initial training",
    "IT integration and testing",
    "Exit assistance (per month of assistance)",
    "Any other one-time fee (describe)",
)
VOLUME_BANDS = (
    ("Below 80% of forecast", "Price change, in %, when monthly volume falls below 80% of forecast"),
    ("80% to 120% of forecast", "The unit prices on the rate card (the evaluated band)"),
    ("Above 120% of forecast", "Price change, in %, when monthly volume exceeds 120% of forecast"),
)
PER_CONTACT_UNITS = ("handled contact",)


def build_rate_card(ctx: TableContext) -> RateCard:
    """The rate card for this buyer's scope."""
    initial = _price_years(ctx)
    years = tuple(
        f"Year {n}" if n <= initial else f"Year {n} (renewal)" for n in range(1, contract_years(ctx) + 1)
    )
    unit = price_unit(ctx)
    priorities = getattr(ctx, "priorities", {})
    raw = rate_card_lines(ctx)
    lines = []
    for channel, language, site, place in raw:
        optional = any(
            priorities.get((slot, value)) == "nice"
            for slot, value in (("languages", language), ("delivery_locations", place), ("channels", channel.lower()))
        )
        lines.append(RateCardLine(channel, language, site, optional, _forecast(ctx, channel, raw, unit)))
    currency = ctx.derived.get("currency") or "the currency stated in the RFP"
    return RateCard(currency, unit, years, tuple(lines), ONE_TIME_FEES, VOLUME_BANDS)


def _forecast(ctx: TableContext, channel: str, lines: list[tuple[str, str, str, str | None]],
              unit: str) -> tuple[int | None, ...]:
    """Contacts per year for a per-contact unit: the channel's forecast shared evenly over its
    lines (the buyer may edit the split); None for hours or FTEs, which the vendor estimates."""
    years = contract_years(ctx)
    monthly = forecast_volumes(ctx)
    mix = ctx.answers.typed("channel_mix")
    share = mix.get(channel.lower()) if isinstance(mix, dict) else None
    if unit not in PER_CONTACT_UNITS or monthly is None or not isinstance(share, int | float):
        return (None,) * years
    same = sum(1 for c, *_ in lines if c == channel)
    return tuple(round(month * 12 * share / 100 / same) for month in monthly)
