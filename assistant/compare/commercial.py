"""Prices: the pricing model, and unit rates with the channel, language, site and delivery model
each one is for (from its table headers, or from its sentence)."""

from __future__ import annotations

import re
from functools import cache

from assistant.compare.fields import Found, fmt_money
from assistant.compare.fieldspec import FieldSpec
from assistant.reading.mentions import Mention
from assistant.reading.quantities import cell_amount
from assistant.reading.statements import Statement

# The reading layer's units, as the matrix names them.
RATE_UNITS = {"hour": "hour", "minute": "minute", "fte_month": "FTE-month",
              "fte_year": "FTE-year", "contact": "transaction"}
_SKIP = ("other_client", "negated")


@cache
def _words(*phrases: str) -> re.Pattern[str]:
    body = "|".join(re.escape(p).replace(r"\ ", r"[\s-]+") for p in phrases)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)


# Words that make a price something other than the rate card.
ESTIMATE = _words("indicative", "estimate", "estimated", "total", "monthly cost", "monthly invoice",
                  "worked example", "illustrative", "blended rate", "revenue")
ADD_ON = _words("optional", "add-on", "add on", "virtual agent", "agent assist", "chatbot", "bot",
                "automation", "priced separately", "licence", "license")
SECONDARY = _words("overflow", "overtime", "surcharge", "uplift", "holiday", "holidays", "premium",
                   "out of hours", "out-of-hours", "after hours", "weekend")


def pricing_model(spec: FieldSpec, s: Statement) -> list[Found]:
    """A pricing model the offer names ('priced per productive hour', 'hybrid pricing')."""
    if s.section != "offer" or ESTIMATE.search(s.text):
        return []
    return [
        Found(spec.key, m.value["name"], {"model": m.value["name"], "key": m.value["name"]})
        for m in s.of("pricing_model") if m.status not in _SKIP
    ][:1]


def rates(spec: FieldSpec, s: Statement) -> list[Found]:
    """Unit rates: currency, amount, unit, and where known channel, language, site, delivery."""
    if s.section != "offer" or ESTIMATE.search(s.text) or ESTIMATE.search(s.heading):
        return []
    found = []
    for money in s.of("money") or _header_priced(s):
        unit = RATE_UNITS.get(_rate_unit(money.value.get("unit"), s.unit_hint))
        if unit is None or money.status in _SKIP or not money.value.get("amount"):
            continue
        if s.cell is not None and money.start < _value_start(s):
            continue  # an amount in the row's headers, not the cell's price
        context = _context(s, money)
        key = "other_charges" if ADD_ON.search(s.text) else "rates"
        if key == "other_charges":
            context["qualifier"] = "add-on"
        elif SECONDARY.search(s.label if s.cell else s.text):
            context["qualifier"] = "overflow" if re.search(r"overflow", s.text, re.I) else "surcharge"
        elif money.status in ("conditional", "hedged", "planned"):
            context["qualifier"] = money.status
        if s.cell is not None and (tier := _volume_band(s.column) or _volume_band(s.label)):
            context["tier"] = tier
        data = {"currency": money.value["currency"], "amount": money.value["amount"], "unit": unit, **context}
        found.append(Found(key, rate_text(data), data))
    return found


def _header_priced(s: Statement) -> list[Mention]:
    """A table cell that is a bare amount ('Voice: 34.80') under headers or a caption naming
    the currency and the unit ('Hourly rate (GBP)', 'Rate per agent hour (GBP)'): the money it
    states."""
    if s.cell is None or not s.currency_hint or s.unit_hint not in RATE_UNITS:
        return []
    raw = s.cell.text.strip()
    amount = cell_amount(raw)
    if amount is None:
        return []
    start = _value_start(s) + s.cell.text.index(raw)
    status = "other_client" if s.section == "references" else "affirmed"
    value = {"amount": amount, "currency": s.currency_hint, "unit": s.unit_hint}
    return [Mention("money", value, start, start + len(raw), raw, status)]


_BAND = re.compile(r"\b(?:up to|under|below|less than|over|above|more than|from)\b|\d\s*(?:to|–|-)\s*\d", re.I)
_BAND_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d{4,}")


def _volume_band(header: str) -> str:
    """A table header that is a volume band ('Band B: 10,001 to 25,000 contacts'), else ''."""
    return header if header and _BAND_NUMBER.search(header) and _BAND.search(header) else ""


def _context(s: Statement, money: Mention) -> dict:
    """Channel, language, site and delivery model of one rate: from the cell's headers, else
    from the words of its sentence before the amount (and just after it)."""
    if s.cell is not None:
        near = [m for m in s.mentions if m.end <= _value_start(s) or m.start < money.start]
    else:
        clause_start = max(s.text.rfind(";", 0, money.start), s.text.rfind(". ", 0, money.start)) + 1
        near = [m for m in s.mentions if m.start >= clause_start and m is not money]
    context: dict = {}
    channels = list(dict.fromkeys(m.value["name"] for m in near if m.kind == "channel"))
    if money.value.get("channel"):
        channels = [money.value["channel"]]
    if channels:
        context["channels"] = [c for c in channels if c in ("voice", "chat", "email")] or channels
    languages = list(dict.fromkeys(m.value["name"] for m in near if m.kind == "language"))
    if languages:
        context["languages"] = languages
    places = [m for m in near if m.kind == "location"]
    if places:
        context["site"] = places[0].value["name"]
    models = [m.value["name"] for m in near if m.kind == "delivery_model"
              and m.value["name"] in ("onshore", "nearshore", "offshore")]
    if models:
        context["delivery"] = models[0]
    return context


def _rate_unit(stated: str | None, hint: str | None) -> str:
    """The amount's own unit, or the table's: 'Monthly fee per FTE: EUR 3,950' is per FTE-month."""
    if stated in RATE_UNITS:
        return stated
    if hint in RATE_UNITS and stated in (None, "month", "year"):
        return hint
    return ""


def _value_start(s: Statement) -> int:
    """Where a table cell's own text starts in its line ('row — column: value')."""
    return len(s.text) - len(s.cell.text) if s.cell else 0


def rate_text(data: dict) -> str:
    """'USD 28.50 per hour (voice, English, Tampa, onshore)'."""
    unit = {"FTE-month": "FTE per month", "FTE-year": "FTE per year"}.get(data["unit"], data["unit"])
    extras = [*data.get("channels", []), *data.get("languages", [])]
    extras += [data[k] for k in ("site", "delivery", "tier", "qualifier") if data.get(k)]
    text = f"{fmt_money(data['currency'], data['amount'])} per {unit}"
    return f"{text} ({', '.join(extras)})" if extras else text


READERS = {"pricing_model": pricing_model, "rates": rates}
