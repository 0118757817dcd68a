"""Monthly cost on one scale: each vendor's rates at the buyer's volumes and handle times."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.compare.extract import Source, TermValue
from assistant.compare.fields import CHANNELS, fmt_money, fmt_number
from assistant.compare.matrix import Matrix
from assistant.compare.requirements import DEFAULT_AHT, Requirements


@dataclass(frozen=True)
class CostEstimate:
    """A vendor's monthly cost range in the buyer's currency, with what it rests on."""

    vendor: str
    currency: str
    low: float | None
    high: float | None
    one_time: float | None
    by_channel: dict[str, tuple[float, float]]
    assumptions: tuple[str, ...]
    missing: tuple[str, ...]
    sources: tuple[Source, ...] = ()
    vendor_estimate: str = ""

    @property
    def mid(self) -> float | None:
        """The midpoint of the range (None when no estimate could be made)."""
        return None if self.low is None or self.high is None else (self.low + self.high) / 2

    def text(self) -> str:
        """'USD 180,000–240,000 per month' or why there is no estimate."""
        if self.low is None or self.high is None:
            return "no estimate: " + "; ".join(self.missing)
        low, high = fmt_money(self.currency, round(self.low)), fmt_number(round(self.high))
        span = low if round(self.low) == round(self.high) else f"{low}–{high}"
        return f"{span} per month"


def workload(req: Requirements) -> tuple[dict[str, float], dict[str, float], list[str]]:
    """Contacts and handled minutes per channel, and the assumptions made to get them."""
    notes = []
    mix = req.channel_mix
    if not mix:
        mix = {c: 100 / len(CHANNELS) for c in CHANNELS}
        notes.append("channel mix not given: assumed an even split of voice, chat and email")
    total = sum(mix.values()) or 1
    volumes = {c: (req.monthly_contacts or 0) * share / total for c, share in mix.items()}
    minutes = {}
    for channel, volume in volumes.items():
        aht = req.aht_minutes.get(channel)
        if aht is None:
            aht = DEFAULT_AHT.get(channel, 6.0)
            notes.append(f"{channel} handle time not given: assumed {fmt_number(aht)} minutes")
        minutes[channel] = volume * aht
    return volumes, minutes, notes


def estimate_costs(matrix: Matrix, req: Requirements) -> dict[str, CostEstimate]:
    """A cost estimate for every vendor of the matrix.

    Args:
        matrix: the terms matrix.
        req: volumes, channel mix, handle times, currency, FX and staffing assumptions.

    Returns:
        Vendor -> estimate; an estimate with `low` None says what was missing.
    """
    if not req.monthly_contacts:
        missing = ("monthly contact volume not given",)
        return {
            v: CostEstimate(v, req.currency, None, None, None, {}, (), missing)
            for v in matrix.vendors
        }
    volumes, minutes, notes = workload(req)
    common = [
        *notes,
        f"occupancy {req.occupancy:.0%}, shrinkage {req.shrinkage:.0%}, "
        f"{fmt_number(req.paid_hours_per_fte)} paid hours per FTE per month",
        "site mix not stated by vendors: low uses the cheapest eligible rate, high the dearest",
        "overflow rates, surcharges, uplifts, add-ons and outcome bonuses are not included",
    ]
    return {v: _vendor_cost(matrix, v, req, volumes, minutes, common) for v in matrix.vendors}


def _vendor_cost(
    matrix: Matrix,
    vendor: str,
    req: Requirements,
    volumes: dict[str, float],
    minutes: dict[str, float],
    common: list[str],
) -> CostEstimate:
    rates = [tv for tv in matrix.cell("rates", vendor).values if not tv.normalised.get("qualifier")]
    assumptions, missing, sources = list(common), [], []
    by_channel: dict[str, tuple[float, float]] = {}
    language = _primary_language(req)
    for channel, volume in volumes.items():
        eligible = _eligible(rates, channel, language, volume)
        priced = [(_channel_cost(tv, volume, minutes[channel], req), tv) for tv in eligible]
        priced = [(cost, tv) for cost, tv in priced if cost is not None]
        if not priced:
            missing.append(f"no {channel} rate stated")
            continue
        costs = [cost for cost, _ in priced]
        by_channel[channel] = (min(costs), max(costs))
        sources += [tv.citation for _, tv in priced if tv.citation]
    if language:
        assumptions.append(f"all contacts priced at {language} rates")
    low = sum(lo for lo, _ in by_channel.values()) if by_channel else None
    high = sum(hi for _, hi in by_channel.values()) if by_channel else None
    low, high = _apply_minimum(matrix, vendor, req, low, high, rates, assumptions)
    one_time = _one_time(matrix, vendor, req, missing)
    estimate = matrix.cell("vendor_estimate", vendor)
    return CostEstimate(
        vendor,
        req.currency,
        low,
        high,
        one_time,
        by_channel,
        tuple(assumptions),
        tuple(missing),
        tuple(dict.fromkeys(sources)),
        estimate.summary,
    )


def _primary_language(req: Requirements) -> str | None:
    if req.language_mix:
        return max(req.language_mix, key=req.language_mix.get)  # type: ignore[arg-type]
    return req.languages[0] if req.languages else None


def _eligible(
    rates: list[TermValue], channel: str, language: str | None, volume: float
) -> list[TermValue]:
    """Rates that cover the channel (and language when one is named), one tier per table row."""
    for_channel = [tv for tv in rates if channel in tv.normalised.get("channels", CHANNELS)]
    if language:
        speaking = [
            tv for tv in for_channel if language in tv.normalised.get("languages", [language])
        ]
        for_channel = speaking or for_channel
    tiered = [tv for tv in for_channel if tv.normalised.get("tier")]
    if tiered:
        in_range = [tv for tv in tiered if _tier_fits(tv.normalised["tier"], volume)]
        return in_range[:1] or tiered[:1]
    return for_channel


def _tier_fits(tier: str, volume: float) -> bool:
    """Whether a tier header such as 'up to 40,000', '40,001 to 70,000' or 'over 70,000' fits."""
    numbers = [float(n.replace(",", "")) for n in re.findall(r"\d{1,3}(?:,\d{3})+|\d{4,}", tier)]
    if re.search(r"up to|under|below|less than", tier, re.I) and numbers:
        return volume <= numbers[0]
    if re.search(r"over|above|more than", tier, re.I) and numbers:
        return volume > numbers[0]
    if len(numbers) >= 2:
        return numbers[0] <= volume <= numbers[1]
    return False


def _channel_cost(
    tv: TermValue, volume: float, handled_minutes: float, req: Requirements
) -> float | None:
    """One channel's monthly cost at one rate, in the buyer's currency."""
    data = tv.normalised
    fx = req.fx.get(data["currency"])
    if fx is None:
        return None
    hours = handled_minutes / 60
    unit = data["unit"]
    if unit == "transaction":
        amount = volume * data["amount"]
    elif unit == "minute":
        amount = handled_minutes * data["amount"]
    elif unit == "hour":
        amount = hours / req.occupancy * data["amount"]
    elif unit in ("FTE-month", "FTE-year"):
        per_month = data["amount"] / 12 if unit == "FTE-year" else data["amount"]
        amount = _ftes(hours, req) * per_month
    else:
        return None
    return amount * fx


def _ftes(handled_hours: float, req: Requirements) -> float:
    """Agents needed for a month's handled hours."""
    return handled_hours / (req.paid_hours_per_fte * (1 - req.shrinkage) * req.occupancy)


def _apply_minimum(
    matrix: Matrix,
    vendor: str,
    req: Requirements,
    low: float | None,
    high: float | None,
    rates: list[TermValue],
    notes: list[str],
):
    """Raise the range to the vendor's minimum commitment where that is higher."""
    if low is None or high is None:
        return low, high
    floor = 0.0
    for tv in matrix.cell("minimum_commitment", vendor).values:
        floor = max(floor, _minimum_value(tv.normalised, rates, req))
    if floor > low:
        notes.append(
            f"minimum commitment raises the low end to {fmt_money(req.currency, round(floor))}"
        )
    return max(low, floor), max(high, floor)


def _minimum_value(data: dict, rates: list[TermValue], req: Requirements) -> float:
    if data.get("kind") == "spend" and data.get("per") in (None, "month"):
        return data["amount"] * req.fx.get(data["currency"], 0)
    if data.get("kind") != "volume" or not rates:
        return 0.0
    cheapest = min(
        rates, key=lambda tv: tv.normalised["amount"] * req.fx.get(tv.normalised["currency"], 1)
    )
    rate = cheapest.normalised
    fx = req.fx.get(rate["currency"], 0)
    if data["unit"] == "FTE" and rate["unit"] == "FTE-month":
        return data["amount"] * rate["amount"] * fx
    if data["unit"] == "FTE" and rate["unit"] == "hour":
        return data["amount"] * req.paid_hours_per_fte * (1 - req.shrinkage) * rate["amount"] * fx
    if "minute" in data["unit"] and rate["unit"] == "minute":
        return data["amount"] * rate["amount"] * fx
    return 0.0


def _one_time(matrix: Matrix, vendor: str, req: Requirements, missing: list[str]) -> float | None:
    cell = matrix.cell("one_time_fees", vendor)
    if not cell.stated:
        missing.append("one-time fees not stated")
        return None
    fees = {
        (tv.normalised["currency"], tv.normalised["amount"])
        for tv in cell.values
        if tv.normalised.get("amount")
    }
    return sum(amount * req.fx.get(currency, 0) for currency, amount in fees)
