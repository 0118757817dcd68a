"""What the buyer would pay: each vendor's rates at the buyer's volumes, channel mix and handle
times, from the delivery models the buyer allows, with one-time fees and minimum commitments,
in the buyer's currency (converted only at a rate the buyer stated); every input cited."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assistant.compare.extract import Source, TermValue
from assistant.compare.fields import CHANNELS, fmt_money, fmt_number
from assistant.compare.matrix import Matrix
from assistant.compare.requirements import DEFAULT_AHT, Requirements


@dataclass(frozen=True)
class PriceInput:
    """One number a price rests on: a vendor's rate or fee (cited), or the buyer's figure."""

    label: str
    value: str
    source: Source | None = None
    origin: str = "proposal"  # proposal | buyer | assumed


@dataclass(frozen=True)
class CostEstimate:
    """A vendor's monthly cost range (and whole-term cost) with what it rests on.

    `currency` is the buyer's currency, or the vendor's own when the price could not be
    converted (`converted` False): such an estimate is shown but never compared on price.
    """

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
    term_months: float | None = None
    inputs: tuple[PriceInput, ...] = ()
    excluded: tuple[str, ...] = ()
    converted: bool = True
    currency_note: str = ""

    @property
    def mid(self) -> float | None:
        """The midpoint of the monthly range (None when no estimate could be made)."""
        return None if self.low is None or self.high is None else (self.low + self.high) / 2

    @property
    def comparable(self) -> bool:
        """An estimate in the buyer's currency: one that can be ranked on price."""
        return self.mid is not None and self.converted

    @property
    def term_low(self) -> float | None:
        """Low end of the whole-term cost (monthly × term + one-time fees)."""
        return self._term(self.low)

    @property
    def term_high(self) -> float | None:
        """High end of the whole-term cost."""
        return self._term(self.high)

    def _term(self, monthly: float | None) -> float | None:
        if monthly is None or self.term_months is None:
            return None
        return monthly * self.term_months + (self.one_time or 0.0)

    def text(self) -> str:
        """'USD 180,000–240,000 per month' or why there is no estimate."""
        if self.low is None or self.high is None:
            return "no estimate: " + (self.missing[0] if self.missing else "no rates")
        return f"{_span(self.currency, self.low, self.high)} per month"

    def term_text(self) -> str:
        """'USD 4.3–5.8 million over 24 months (one-time fees included)' or ''."""
        if self.term_low is None or self.term_high is None:
            return ""
        months = fmt_number(self.term_months or 0)
        return f"{_span(self.currency, self.term_low, self.term_high)} over {months} months"


def _span(currency: str, low: float, high: float) -> str:
    if round(low) == round(high):
        return fmt_money(currency, round(low))
    return f"{fmt_money(currency, round(low))}–{fmt_number(round(high))}"


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


def buyer_inputs(req: Requirements) -> list[PriceInput]:
    """The buyer's own figures the prices use, with the words they came from."""
    inputs = []
    if req.monthly_contacts:
        inputs.append(
            PriceInput(
                "monthly contacts",
                fmt_number(req.monthly_contacts),
                origin=_origin(req, "monthly_volume"),
            )
        )
    if req.channel_mix:
        mix = ", ".join(f"{c} {fmt_number(s)}%" for c, s in req.channel_mix.items())
        inputs.append(PriceInput("channel mix", mix, origin=_origin(req, "channel_mix")))
    for channel, aht in req.aht_minutes.items():
        inputs.append(
            PriceInput(
                f"{channel} handle time",
                f"{fmt_number(round(aht, 2))} minutes",
                origin=_origin(req, "average_handle_time"),
            )
        )
    return inputs


def _origin(req: Requirements, slot: str) -> str:
    words = req.sources.get(slot)
    return f"buyer: “{words}”" if words else "buyer"


def estimate_costs(matrix: Matrix, req: Requirements) -> dict[str, CostEstimate]:
    """What every vendor of the matrix would cost the buyer.

    Args:
        matrix: the terms matrix.
        req: volumes, channel mix, handle times, allowed delivery models, currency, stated
            exchange rates and staffing assumptions.

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
    if not req.currency_stated:
        common.append(f"buyer's currency not given: {req.currency} assumed")
    if req.restricts_models:
        common.append(f"only {', '.join(req.allowed_models)} delivery priced")
    return {v: _vendor_cost(matrix, v, req, volumes, minutes, common) for v in matrix.vendors}


def _vendor_cost(
    matrix: Matrix,
    vendor: str,
    req: Requirements,
    volumes: dict[str, float],
    minutes: dict[str, float],
    common: list[str],
) -> CostEstimate:
    every = [tv for tv in matrix.cell("rates", vendor).values if not tv.normalised.get("qualifier")]
    rates, excluded = _allowed(every, req)
    # The quote's currency is a fact of the proposal even when no line of it can be used.
    currency, fx, currency_note = _pricing_currency(rates or every, req)
    assumptions, missing = list(common), []
    inputs = buyer_inputs(req)
    by_channel: dict[str, tuple[float, float]] = {}
    language = _primary_language(req)
    used: list[TermValue] = []
    unpriced: dict[str, list[str]] = {}
    for channel, volume in volumes.items():
        eligible = _eligible(rates, channel, language, volume)
        priced = [(_channel_cost(tv, volume, minutes[channel], req, fx), tv) for tv in eligible]
        priced = [(cost, tv) for cost, tv in priced if cost is not None]
        if not priced:
            unpriced.setdefault(_no_rate(language, rates, every), []).append(channel)
            continue
        costs = [cost for cost, _ in priced]
        by_channel[channel] = (min(costs), max(costs))
        used += [tv for _, tv in priced]
        inputs += [PriceInput(f"{channel} rate", tv.value, tv.citation) for _, tv in priced]
    missing += [
        f"no {' or '.join(chs)} rate {why}".replace("  ", " ") for why, chs in unpriced.items()
    ]
    if language:
        assumptions.append(f"all contacts priced at {language} rates")
        if len(req.languages) > 1 and not req.language_mix:
            missing.append(f"language mix not given: every contact priced at {language} rates")
    low = sum(lo for lo, _ in by_channel.values()) if by_channel else None
    high = sum(hi for _, hi in by_channel.values()) if by_channel else None
    if by_channel and set(by_channel) != set(volumes):
        low = high = None  # a price for part of the work is no price for the work
    low, high = _apply_minimum(matrix, vendor, req, low, high, used, fx, assumptions, inputs)
    one_time = _one_time(matrix, vendor, fx, missing, inputs)
    _note_other_charges(matrix, vendor, assumptions, inputs)
    term, term_note = _term(matrix, vendor, req)
    if term_note:
        (assumptions if term else missing).append(term_note)
    estimate = matrix.cell("vendor_estimate", vendor)
    return CostEstimate(
        vendor,
        currency,
        low,
        high,
        one_time,
        by_channel,
        tuple(assumptions),
        tuple(dict.fromkeys(missing)),
        tuple(dict.fromkeys(tv.citation for tv in used if tv.citation)),
        estimate.summary,
        term,
        tuple(inputs),
        tuple(excluded),
        currency == req.currency,
        currency_note,
    )


def _allowed(rates: list[TermValue], req: Requirements) -> tuple[list[TermValue], list[str]]:
    """Rates from delivery models the buyer allows; the others, and why they were left out."""
    if not req.restricts_models:
        return rates, []
    kept, left = [], []
    for tv in rates:
        model = tv.normalised.get("delivery")
        if model in req.allowed_models:
            kept.append(tv)
        elif model:
            left.append(f"{tv.value}: {model} delivery is excluded")
        else:
            left.append(f"{tv.value}: delivery model not stated")
    return kept, left


def _pricing_currency(
    rates: list[TermValue], req: Requirements
) -> tuple[str, dict[str, float], str]:
    """The currency the estimate is in, the rates used to get there, and what was done.

    A rate in another currency is converted only at a rate the buyer stated; if none of the
    vendor's rates can be, the estimate stays in the vendor's currency and is flagged.
    """
    fx = {req.currency: 1.0, **req.fx}
    quoted = Counter(tv.normalised["currency"] for tv in rates)
    foreign = sorted(c for c in quoted if c != req.currency)
    if not foreign:
        return req.currency, fx, ""
    stated = [c for c in foreign if c in req.fx]
    unconverted = [c for c in foreign if c not in req.fx]
    notes = [f"{c}→{req.currency} at {fmt_number(req.fx[c])} (rate stated)" for c in stated]
    if unconverted and (stated or req.currency in quoted):
        notes.append(f"{', '.join(unconverted)} prices left out: no rate to {req.currency} stated")
        return req.currency, fx, "; ".join(notes)
    if unconverted:
        own = quoted.most_common(1)[0][0]
        note = (
            f"quoted in {own}, the buyer's currency is {req.currency}: not converted "
            f"(no {own}→{req.currency} rate stated), so not compared on price"
        )
        return own, {own: 1.0}, note
    return req.currency, fx, "; ".join(notes)


def _primary_language(req: Requirements) -> str | None:
    if req.language_mix:
        return max(req.language_mix, key=req.language_mix.get)  # type: ignore[arg-type]
    return req.languages[0] if req.languages else None


def _eligible(
    rates: list[TermValue], channel: str, language: str | None, volume: float
) -> list[TermValue]:
    """Rates that cover the channel and, when one is named, the language (a rate that names
    no language covers any); one volume tier per table row."""
    for_channel = [tv for tv in rates if channel in tv.normalised.get("channels", CHANNELS)]
    if language:
        for_channel = [
            tv for tv in for_channel if language in tv.normalised.get("languages", [language])
        ]
    tiered = [tv for tv in for_channel if tv.normalised.get("tier")]
    if tiered:
        in_range = [tv for tv in tiered if _tier_fits(tv.normalised["tier"], volume)]
        return in_range[:1] or tiered[:1]
    return for_channel


def _no_rate(language: str | None, rates: list, every: list) -> str:
    if every and not rates:
        return "from a delivery model you allow"
    return "stated" + (f" for {language}" if language else "")


def _tier_fits(tier: str, volume: float) -> bool:
    """Whether a tier header such as 'up to N', 'N+1 to M' or 'over M' fits the volume."""
    numbers = [float(n.replace(",", "")) for n in re.findall(r"\d{1,3}(?:,\d{3})+|\d{4,}", tier)]
    if re.search(r"up to|under|below|less than", tier, re.I) and numbers:
        return volume <= numbers[0]
    if re.search(r"over|above|more than", tier, re.I) and numbers:
        return volume > numbers[0]
    if len(numbers) >= 2:
        return numbers[0] <= volume <= numbers[1]
    return False


def _channel_cost(
    tv: TermValue, volume: float, handled_minutes: float, req: Requirements, fx: dict[str, float]
) -> float | None:
    """One channel's monthly cost at one rate, in the estimate's currency."""
    data = tv.normalised
    rate = fx.get(data["currency"])
    if rate is None:
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
    return amount * rate


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
    fx: dict[str, float],
    notes: list[str],
    inputs: list[PriceInput],
):
    """Raise the range to the vendor's minimum commitment where that is higher."""
    if low is None or high is None:
        return low, high
    floor = 0.0
    currency = next(iter(fx))
    for tv in matrix.cell("minimum_commitment", vendor).values:
        value = _minimum_value(tv.normalised, rates, req, fx)
        if value:
            inputs.append(PriceInput("minimum commitment", tv.value, tv.citation))
        floor = max(floor, value)
    if floor > low:
        notes.append(
            f"minimum commitment raises the low end to {fmt_money(currency, round(floor))}"
        )
    return max(low, floor), max(high, floor)


def _minimum_value(data: dict, rates: list[TermValue], req: Requirements, fx: dict) -> float:
    if data.get("kind") == "spend" and data.get("per") in (None, "month"):
        return data["amount"] * fx.get(data["currency"], 0)
    if data.get("kind") != "volume" or not rates:
        return 0.0
    priced = [tv for tv in rates if tv.normalised["currency"] in fx]
    if not priced:
        return 0.0
    cheapest = min(priced, key=lambda tv: tv.normalised["amount"] * fx[tv.normalised["currency"]])
    rate = cheapest.normalised
    to = fx[rate["currency"]]
    if data["unit"] == "FTE" and rate["unit"] == "FTE-month":
        return data["amount"] * rate["amount"] * to
    if data["unit"] == "FTE" and rate["unit"] == "hour":
        return data["amount"] * req.paid_hours_per_fte * (1 - req.shrinkage) * rate["amount"] * to
    if "minute" in data["unit"] and rate["unit"] == "minute":
        return data["amount"] * rate["amount"] * to
    return 0.0


def _one_time(
    matrix: Matrix, vendor: str, fx: dict[str, float], missing: list[str], inputs: list
) -> float | None:
    cell = matrix.cell("one_time_fees", vendor)
    if not cell.stated:
        missing.append("one-time fees not stated")
        return None
    total, seen, converted = 0.0, set(), 0
    for tv in cell.values:
        data = tv.normalised
        if not data.get("amount") or (data.get("currency"), data["amount"]) in seen:
            continue
        seen.add((data.get("currency"), data["amount"]))
        if data.get("currency") not in fx:
            missing.append(f"one-time fee {tv.value} not converted: no rate stated")
            continue
        total += data["amount"] * fx[data["currency"]]
        converted += 1
        inputs.append(PriceInput("one-time fee", tv.value, tv.citation))
    return None if seen and not converted else total


def _note_other_charges(matrix: Matrix, vendor: str, notes: list[str], inputs: list) -> None:
    """Overtime and holiday multipliers are cited but not priced: the buyer gave no such hours."""
    for tv in matrix.cell("other_charges", vendor).values:
        if tv.normalised.get("multiplier") or tv.normalised.get("uplift_percent"):
            inputs.append(PriceInput("not priced (no such hours given)", tv.value, tv.citation))


def _term(matrix: Matrix, vendor: str, req: Requirements) -> tuple[float | None, str]:
    """Months the whole-term cost covers: the buyer's term, else the vendor's single one."""
    if req.max_term_months:
        return req.max_term_months, ""
    cell = matrix.cell("contract_term", vendor)
    if cell.number and not cell.conflicting:
        return (
            cell.number,
            f"whole-term cost over the vendor's {fmt_number(cell.number)}-month term",
        )
    return None, "contract term not given: no whole-term cost"
