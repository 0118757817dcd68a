"""The comparison fields: names, labels, groups and how a vendor's values are combined."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["single", "list", "status"]


@dataclass(frozen=True)
class FieldDef:
    """One row of the terms matrix.

    `single`: one value is expected, different values are a conflict; `list`: values add up
    (rates, languages); `status`: a certification whose cell is a status word.
    """

    key: str
    label: str
    group: str
    kind: Kind
    unit: str = ""


@dataclass(frozen=True)
class Found:
    """A value an extractor read from one sentence, before it gets its citation."""

    field: str
    value: str
    normalised: dict = field(default_factory=dict)


CHANNELS = ("voice", "chat", "email")
CERTIFICATIONS = {
    "cert_pci_dss": "PCI DSS",
    "cert_hipaa": "HIPAA (BAA)",
    "cert_iso_27001": "ISO 27001",
    "cert_soc2": "SOC 2",
    "cert_hitrust": "HITRUST",
    "cert_gdpr": "GDPR (DPA)",
}
CERT_STATUSES = ("held", "will sign", "in progress", "via third party", "not held", "not stated")

FIELDS: tuple[FieldDef, ...] = (
    FieldDef("pricing_model", "Pricing model", "pricing", "single"),
    FieldDef("rates", "Rates", "pricing", "list"),
    FieldDef("one_time_fees", "One-time fees", "pricing", "list"),
    FieldDef("minimum_commitment", "Minimum commitment", "pricing", "list"),
    FieldDef("other_charges", "Overtime and other charges", "pricing", "list"),
    FieldDef("price_indexation", "Annual price increase cap", "pricing", "single", "%"),
    FieldDef("vendor_estimate", "Vendor's indicative monthly cost", "pricing", "single"),
    FieldDef("sl_voice", "Voice service level", "service levels", "single"),
    FieldDef("sl_chat", "Chat response", "service levels", "single"),
    FieldDef("sl_email", "Email response", "service levels", "single"),
    FieldDef("abandonment", "Voice abandonment", "service levels", "single", "%"),
    FieldDef("fcr", "First contact resolution", "service levels", "single", "%"),
    FieldDef("csat", "Customer satisfaction", "service levels", "single", "%"),
    FieldDef("nps", "Net Promoter Score", "service levels", "single"),
    FieldDef("qa_target", "Quality score target", "service levels", "single", "%"),
    FieldDef("credit_cap", "Service credit cap", "service levels", "single", "%"),
    FieldDef("earn_back", "Service credit earn-back", "service levels", "single"),
    FieldDef("attrition", "Annual agent attrition", "workforce", "single", "%"),
    FieldDef("tenure", "Average agent tenure", "workforce", "single", "years"),
    FieldDef("languages", "Languages", "delivery", "list"),
    FieldDef("locations", "Delivery locations", "delivery", "list"),
    FieldDef("delivery_model", "Delivery model", "delivery", "list"),
    FieldDef("hours_voice", "Voice hours", "delivery", "list"),
    FieldDef("hours_chat", "Chat hours", "delivery", "list"),
    FieldDef("hours_email", "Email hours", "delivery", "list"),
    *(FieldDef(key, label, "compliance", "status") for key, label in CERTIFICATIONS.items()),
    FieldDef("platform", "Contact-centre platform", "technology", "list"),
    FieldDef("crm_integrations", "CRM and ticketing integrations", "technology", "list"),
    FieldDef("rto", "Recovery time objective (RTO)", "continuity", "single", "hours"),
    FieldDef("rpo", "Recovery point objective (RPO)", "continuity", "single", "hours"),
    FieldDef("pilot_length", "Pilot length", "pilot", "single", "days"),
    FieldDef("pilot_size", "Pilot size", "pilot", "single", "agents"),
    FieldDef("contract_term", "Initial contract term", "contract", "single", "months"),
    FieldDef("termination_notice", "Termination notice", "contract", "single", "days"),
    FieldDef("termination_fee", "Termination fee", "contract", "single"),
    FieldDef("exit_assistance", "Exit assistance", "contract", "single", "days"),
    FieldDef("data_ownership", "Data ownership", "contract", "single"),
)
FIELD_MAP = {f.key: f for f in FIELDS}


def channels_in(text: str) -> list[str]:
    """Channels a text names, in canonical order ('calls' -> voice, 'e-mail' -> email)."""
    found = []
    if re.search(r"\b(voice|calls?|callers?|phones?|telephon\w*|inbound calls)\b", text, re.I):
        found.append("voice")
    if re.search(r"\bchats?\b|\bmessaging\b", text, re.I):
        found.append("chat")
    if re.search(r"\be-?mails?\b", text, re.I):
        found.append("email")
    if not found and re.search(r"\ball channels\b|\bomnichannel\b", text, re.I):
        found = list(CHANNELS)
    return found


def fmt_number(value: float) -> str:
    """'4250' -> '4,250'; '4.5' stays '4.5' (money goes through fmt_money)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def fmt_money(currency: str, amount: float) -> str:
    """'USD 28.50', 'GBP 4,250'."""
    text = f"{amount:,.2f}" if amount != int(amount) else f"{int(amount):,}"
    return f"{currency} {text}"
