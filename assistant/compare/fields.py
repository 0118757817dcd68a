"""The comparison fields (declared in knowledge/compare/fields.yaml) and the small shared
pieces of the extractors: what an extractor finds, status words, number formatting."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.compare.fieldspec import FieldSpec, load_fields

FieldDef = FieldSpec  # a matrix row's definition
FIELDS: tuple[FieldSpec, ...] = load_fields()
FIELD_MAP = {f.key: f for f in FIELDS}
CERTIFICATIONS = {f.key: f.label for f in FIELDS if f.reader == "certifications"}
CERT_FRAMEWORKS = {f.key: f.framework for f in FIELDS if f.reader == "certifications"}
CERT_STATUSES = ("held", "will sign", "in progress", "via third party", "conditional", "not held",
                 "not stated")
CHANNELS = ("voice", "chat", "email")


@dataclass(frozen=True)
class Found:
    """A value an extractor read from one statement, before it gets its citation."""

    field: str
    value: str
    normalised: dict = field(default_factory=dict)


def channels_in(text: str) -> list[str]:
    """The three main channels a text names, in canonical order ('calls' -> voice)."""
    from assistant.reading.vocab import find_terms

    named = {t.name for t in find_terms(text, ("channel",))}
    return [c for c in CHANNELS if c in named]


def fmt_number(value: float) -> str:
    """'4250' -> '4,250'; '4.5' stays '4.5' (money goes through fmt_money)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def fmt_money(currency: str | None, amount: float) -> str:
    """'USD 28.50', 'GBP 4,250'."""
    text = f"{amount:,.2f}" if amount != int(amount) else f"{int(amount):,}"
    return f"{currency} {text}" if currency else text


def hours_label(round_clock: bool | str) -> str:
    """How a channel's round-the-clock state reads: True, 'at extra cost' or False."""
    return {True: "24/7", "at extra cost": "24/7 at extra cost", False: "not 24/7"}[round_clock]
