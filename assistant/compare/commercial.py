"""Extractors for prices and fees: pricing model, rates, one-time fees, minimums, other charges."""

from __future__ import annotations

import re

from assistant.compare.fields import Found, channels_in, fmt_money, fmt_number
from assistant.compare.normalise import (
    Money,
    find_counts,
    find_money,
    find_multipliers,
    find_percents,
    first_after,
    rate_unit,
)
from assistant.compare.sentences import Sentence
from assistant.compare.vocab import languages_named

MODELS = (
    ("hybrid", r"\bhybrid (?:pricing|model|commercial)|\bblended (?:pricing|commercial) model"),
    ("outcome-based", r"outcome[- ]based|outcome bonus|gain ?share|pay[- ]for[- ]performance|"
                      r"bonus (?:or|and) malus|performance[- ]based (?:pricing|fees?)"),
    ("per hour", r"per[- ](?:productive |billable |paid |logged[- ]in )?hour|hourly rate|"
                 r"productive[- ]hour rates?|by the hour"),
    ("per FTE", r"per (?:full[- ]time(?: equivalent)? agent|fte|seat)\b|\bfte prices|"
                r"per agent per month"),
    ("per transaction", r"per[- ](?:transaction|contact|call|chat|email|interaction|ticket|case)"),
    ("per minute", r"per[- ](?:handled |talk )?minute|by the minute"),
)  # fmt: skip
PRICE_WORDS = re.compile(r"\b(pric\w*|charg\w*|bill\w*|fees?|rates?|model)\b", re.I)
SECONDARY = re.compile(
    r"overflow|instead of|above [^.]{0,40}forecast|uplift|overtime|holiday", re.I
)
ESTIMATE = re.compile(r"indicative|estimat\w*|monthly (?:bill|cost)|\btotal\b|revenue", re.I)
ADD_ON = re.compile(
    r"optional|add-on|virtual agent|agent assist|assist service|automation|\bbots?\b|"
    r"priced separately",
    re.I,
)
RATE_UNITS = ("hour", "minute", "FTE-month", "FTE-year", "transaction")
DELIVERY = re.compile(r"(?<![-\w])(onshore|nearshore|offshore)\b", re.I)


def pricing_model(s: Sentence) -> list[Found]:
    """'per productive hour', 'per transaction', 'hybrid pricing' in a pricing sentence."""
    if s.section != "offer" or SECONDARY.search(s.text) or ESTIMATE.search(s.text):
        return []
    found = []
    for name, pattern in MODELS:
        for m in re.finditer(pattern, s.text, re.I):
            near = s.text[max(0, m.start() - 45) : m.end() + 12]
            priced = (
                name in ("hybrid", "outcome-based")
                or PRICE_WORDS.search(near)
                or re.search(r"pricing|model", s.label, re.I)
            )
            if priced and not re.search(
                r"\bno\s+(?:\w+\s+)?$", s.text[max(0, m.start() - 12) : m.start()]
            ):
                found.append(Found("pricing_model", name, {"model": name, "key": name}))
                break
    return found


def rates(s: Sentence) -> list[Found]:
    """Unit rates with currency, amount, unit and where known channel, language, site, tier."""
    if s.section != "offer" or ESTIMATE.search(s.text) or ESTIMATE.search(s.heading):
        return []
    found = []
    for index, _cell, money in _moneys(s):
        unit, channel = money.unit, money.channel
        if unit is None:
            unit, channel = _unit_from_context(s, index) if s.cells else _unit_before(s.text, money)
        if unit not in RATE_UNITS:
            continue
        context = _rate_context(s, index, channel)
        field = "other_charges" if ADD_ON.search(s.text) else "rates"
        if field == "other_charges":
            context["qualifier"] = "add-on"
        elif SECONDARY.search(s.text):
            overflow = re.search(r"overflow|forecast|instead", s.text, re.I)
            context["qualifier"] = "overflow" if overflow else "surcharge"
        data = {"currency": money.currency, "amount": money.amount, "unit": unit, **context}
        found.append(Found(field, _rate_text(data), data))
    return found


def _moneys(s: Sentence) -> list[tuple[int, str, Money]]:
    """Money amounts with the index of the cell they sit in (-1 for prose)."""
    if not s.cells:
        return [(-1, s.text, m) for m in find_money(s.text)]
    return [(i, cell, m) for i, cell in enumerate(s.cells) for m in find_money(cell)]


def _unit_from_context(s: Sentence, index: int) -> tuple[str | None, str | None]:
    """A unit stated beside the table: the row's 'Per call' cell, or the column header."""
    if index < 0:
        return None, None
    for cell in s.cells[:index]:
        unit, channel = rate_unit(cell)
        if unit:
            return unit, channel
    if len(s.header) == len(s.cells):
        return rate_unit(s.header[index])
    if s.header:
        return rate_unit(" ".join(s.header[1:]))
    return None, None


def _unit_before(text: str, money: Money) -> tuple[str | None, str | None]:
    """A time or FTE unit named just before an amount in the same clause ('hourly rate is $25')."""
    clause = re.split(r"[;.]\s", text[max(0, money.start - 50) : money.start])[-1]
    unit, channel = rate_unit(clause)
    return (unit, channel) if unit in ("hour", "minute", "FTE-month", "FTE-year") else (None, None)


def _rate_context(s: Sentence, index: int, channel: str | None) -> dict:
    """Channel, language, site, delivery model and tier of one rate."""
    label = s.label if s.cells else s.text
    context: dict = {}
    channels = (
        [channel]
        if channel
        else channels_in(label)
        or (channels_in(s.cells[1]) if len(s.cells) > 2 and index > 1 else [])
    )
    if channels:
        context["channels"] = channels
    languages = languages_named(label)
    if languages:
        context["languages"] = languages
    header = s.header[index] if index >= 0 and len(s.header) == len(s.cells) else ""
    site = s.column(r"^(site|location|centre|center|delivery)") or (
        header if _looks_like_place(header) else ""
    )
    if site:
        context["site"] = re.sub(r"\s*\(.*?\)", "", site).strip(" ,")
    if model := DELIVERY.search(f"{site} {header}"):
        context["delivery"] = model.group(1).lower()
    if re.search(r"\btier\b", header, re.I):
        context["tier"] = header
    return context


def _looks_like_place(text: str) -> bool:
    return bool(re.match(r"^[A-ZÀ-Þ][\w'.-]+(?: [A-ZÀ-Þ][\w'.-]+)*, [A-ZÀ-Þ]", text))


def _rate_text(data: dict) -> str:
    """'USD 28.50 per hour (voice, English, Tampa, onshore)'."""
    unit = {"FTE-month": "FTE per month", "FTE-year": "FTE per year"}.get(
        data["unit"], data["unit"]
    )
    extras = [*data.get("channels", []), *data.get("languages", [])]
    extras += [data[k] for k in ("site", "delivery", "tier", "qualifier") if data.get(k)]
    text = f"{fmt_money(data['currency'], data['amount'])} per {unit}"
    return f"{text} ({', '.join(extras)})" if extras else text


ONE_TIME = re.compile(
    r"one[- ]time|set[- ]?up(?: and onboarding)? fee|implementation fee|transition fee|"
    r"onboarding fee|start[- ]?up fee",
    re.I,
)


def one_time_fees(s: Sentence) -> list[Found]:
    """Set-up, implementation and transition fees; 'Setup fee: none' reads as zero."""
    if s.section != "offer" or not ONE_TIME.search(s.text) or re.search(r"pilot", s.heading, re.I):
        return []
    if re.search(
        r"\bno (?:set[- ]?up|implementation|transition|one[- ]time) fee|fee: none\b", s.text, re.I
    ):
        return [Found("one_time_fees", "none", {"amount": 0, "key": "none"})]
    trigger = ONE_TIME.search(s.text)
    money = [m for m in find_money(s.text) if m.unit is None]
    if not money or trigger is None:
        return []
    after = [m for m in money if m.start >= trigger.start()]
    fee = after[0] if after else money[-1]
    kind = trigger.group(0).lower()
    data = {"currency": fee.currency, "amount": fee.amount, "kind": kind}
    return [Found("one_time_fees", f"{fmt_money(fee.currency, fee.amount)} ({kind})", data)]


MINIMUM = re.compile(
    r"minimum (?:monthly )?(?:commitment|billing|volume|spend|order|fte|headcount)|"
    r"minimum of (?=\d)",
    re.I,
)


def minimum_commitment(s: Sentence) -> list[Found]:
    """Minimum FTE, spend or volume the buyer must commit to."""
    match = MINIMUM.search(s.text)
    if s.section != "offer" or not match or re.search(r"pilot", s.heading, re.I):
        return []
    if re.search(r"\bno minimum", s.text, re.I):
        return [Found("minimum_commitment", "none", {"kind": "none", "key": "none"})]
    money = [m for m in find_money(s.text) if m.start >= match.start()]
    if money:
        m = money[0]
        data = {"kind": "spend", "currency": m.currency, "amount": m.amount, "per": m.unit}
        per = f" per {m.unit}" if m.unit else ""
        return [Found("minimum_commitment", f"{fmt_money(m.currency, m.amount)}{per}", data)]
    nouns = r"ftes?|agents?|seats?|(?:handled |productive )?(?:minutes|hours)|contacts|transactions"
    count = first_after(find_counts(s.text, nouns), match.start(), 80)
    if count is None:
        return []
    noun = "FTE" if count.unit.startswith(("fte", "agent", "seat")) else count.unit
    data = {"kind": "volume", "amount": count.value, "unit": noun}
    return [Found("minimum_commitment", f"{fmt_number(count.value)} {noun}", data)]


CHARGE = re.compile(
    r"overtime|holidays?|uplift|surcharge|premium|out[- ]of[- ]hours|weekend|overnight", re.I
)


def other_charges(s: Sentence) -> list[Found]:
    """Overtime multipliers, holiday and out-of-hours uplifts, 'no surcharge' statements."""
    match = CHARGE.search(s.text)
    if s.section != "offer" or not match or re.search(r"pilot", s.heading, re.I):
        return []
    what = match.group(0).lower()
    if m := find_multipliers(s.text):
        data = {"applies_to": what, "multiplier": m[0].value}
        return [
            Found("other_charges", f"{what}: {fmt_number(m[0].value)}x the standard rate", data)
        ]
    if re.search(r"\bno (?:\w+ )?(?:surcharge|uplift|premium)", s.text, re.I):
        return [Found("other_charges", f"{what}: no surcharge", {"applies_to": what, "none": True})]
    percents = find_percents(s.text)
    if percents and re.search(r"uplift|premium|surcharge", s.text, re.I):
        data = {"applies_to": what, "uplift_percent": percents[0].value}
        return [Found("other_charges", f"{what}: {fmt_number(percents[0].value)}% uplift", data)]
    return []


INDEXATION = re.compile(
    r"indexation|price adjustment|\bcpi\b|\bhicp\b|inflation|(?:rates|prices) (?:are )?fixed|"
    r"may (?:then )?rise",
    re.I,
)


def price_indexation(s: Sentence) -> list[Found]:
    """The cap on yearly price increases."""
    if s.section != "offer" or not INDEXATION.search(s.text):
        return []
    cap = re.search(r"(?:capped at|no more than|maximum of|up to|not exceed)\s*", s.text, re.I)
    percent = first_after(find_percents(s.text), cap.end() if cap else 0, 30 if cap else 400)
    if percent is None:
        return []
    data = {"percent": percent.value, "key": f"{fmt_number(percent.value)}%"}
    return [Found("price_indexation", f"capped at {fmt_number(percent.value)}% a year", data)]


def vendor_estimate(s: Sentence) -> list[Found]:
    """The vendor's own indicative monthly cost at the buyer's forecast."""
    if s.section != "offer":
        return []
    in_table = s.cells and re.search(r"indicative|estimat", s.heading, re.I)
    if in_table and not re.match(r"total", s.label, re.I):
        return []
    if not in_table and not re.search(r"indicative|estimate|monthly (?:bill|cost)", s.text, re.I):
        return []
    money = [m for m in find_money(s.text) if m.unit is None and m.amount >= 1000]
    if not money:
        return []
    m = money[-1] if in_table else money[0]
    data = {"currency": m.currency, "amount": m.amount, "key": fmt_money(m.currency, m.amount)}
    return [Found("vendor_estimate", f"{fmt_money(m.currency, m.amount)} per month", data)]


EXTRACTORS = (
    pricing_model,
    rates,
    one_time_fees,
    minimum_commitment,
    other_charges,
    price_indexation,
    vendor_estimate,
)
