"""What the scorecard checks vendors against, and how an interview profile maps onto it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from assistant.compare.fields import FIELDS
from assistant.reading.mentions import read

DEFAULT_WEIGHTS = {
    "price": 30.0,
    "compliance": 20.0,
    "service levels": 15.0,
    "coverage": 15.0,
    "workforce": 10.0,
    "continuity": 5.0,
    "contract": 5.0,
}
# Handle times used when the buyer gives none (minutes per contact), stated as assumptions.
DEFAULT_AHT = {"voice": 6.0, "chat": 8.0, "email": 5.0}
# Slots whose requirement is mandatory whatever the buyer's wording: compliance the buyer needs.
ALWAYS_MANDATORY = (
    "compliance_frameworks",
    "hipaa_baa_required",
    "regulators",
    "eu_data_residency",
)
# Profile slots whose check goes by another key.
CHECK_KEYS = {"eu_data_residency": "data_residency", "excluded_shore_models": "delivery_model",
              "shore_model": "delivery_model"}  # fmt: skip
SHORE_MODELS = ("onshore", "nearshore", "offshore")
# Interview criteria -> scorecard criteria they raise the weight of.
CRITERIA_MAP = {
    "price": "price", "quality": "service levels", "security": "compliance",
    "flexibility": "contract", "experience": "workforce", "references": "workforce",
    "technology": "continuity", "culture": "workforce",
}  # fmt: skip
# Each certification row of the matrix and the framework it is about (knowledge/compare/fields.yaml).
FIELD_FRAMEWORKS = {spec.key: spec.framework for spec in FIELDS if spec.framework}
_FRAMEWORK_FIELDS = {framework: key for key, framework in FIELD_FRAMEWORKS.items()}
_SCHEME_TYPE = re.compile(r" Type I{1,2}$")


def framework_field(name: str) -> str | None:
    """The matrix row of a framework the buyer names, by the reading layer's name for it
    ('HITRUST CSF' is HITRUST, 'PCI DSS v4.0' is PCI DSS; a SOC 2 type is read on the SOC 2
    row); None for a scheme the matrix has no row for (basic Cyber Essentials)."""
    named = {m.value["name"] for m in read(name) if m.kind == "framework"}
    canonical = named.pop() if len(named) == 1 else name
    return _FRAMEWORK_FIELDS.get(canonical) or _FRAMEWORK_FIELDS.get(_SCHEME_TYPE.sub("", canonical))


@dataclass(frozen=True)
class ServiceTarget:
    """A speed target: `percent` of contacts within `seconds`."""

    percent: float | None
    seconds: float


@dataclass(frozen=True)
class Requirements:
    """The buyer's needs the scorecard checks (all optional; unset means 'not a requirement')."""

    monthly_contacts: int | None = None
    channel_mix: dict[str, float] = field(default_factory=dict)
    aht_minutes: dict[str, float] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    language_mix: dict[str, float] = field(default_factory=dict)
    certifications: tuple[str, ...] = ()
    hipaa_baa: bool = False
    open_24_7: tuple[str, ...] = ()
    max_term_months: float | None = None
    pilot_wanted: bool | None = None
    min_pilot_days: float | None = None
    shore_models: tuple[str, ...] = ()
    service_levels: dict[str, ServiceTarget] = field(default_factory=dict)
    max_attrition: float | None = None
    max_rto_hours: float | None = None
    max_notice_days: float | None = None
    data_residency: tuple[str, ...] = ()
    excluded_models: tuple[str, ...] = ()
    delivery_countries: tuple[str, ...] = ()
    budget_monthly: float | None = None
    currency: str = "USD"
    currency_stated: bool = False
    # Units of the buyer's currency per unit of another, only as the buyer (or operator) states
    # them: a price in a currency without a rate is not converted.
    fx: dict[str, float] = field(default_factory=dict)
    # Requirement keys the buyer made must-haves ('contract_term', 'languages:Spanish').
    mandatory: frozenset[str] = frozenset()
    # Where each buyer input came from (requirement key -> the buyer's words).
    sources: dict[str, str] = field(default_factory=dict)
    occupancy: float = 0.80
    shrinkage: float = 0.30
    paid_hours_per_fte: float = 160.0
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))

    @property
    def allowed_models(self) -> tuple[str, ...]:
        """Delivery models the buyer allows (all when the buyer named none and excluded none)."""
        wanted = self.shore_models or SHORE_MODELS
        return tuple(m for m in wanted if m not in self.excluded_models)

    @property
    def restricts_models(self) -> bool:
        """Whether the buyer limited the delivery models at all."""
        return bool(self.shore_models or self.excluded_models)

    def is_mandatory(self, key: str) -> bool:
        """Whether a requirement key (or its slot, for 'slot:item') is a must-have."""
        return key in self.mandatory or key.split(":")[0] in self.mandatory


def requirements_from_profile(
    profile: Any, priorities: dict[str, Any] | None = None, **overrides: Any
) -> Requirements:
    """Map an interview profile (or a plain dict of slot values) to scorecard requirements.

    Args:
        profile: `assistant.interview.profile.Profile`, or a dict of slot name -> plain value.
        priorities: for a dict profile, slot -> 'must'/'nice', or slot -> {item: 'must'/'nice'}
            (a Profile carries its own).
        overrides: Requirements fields to set directly (fx rates, weights, occupancy…).

    Returns:
        The requirements; slots the profile lacks stay unset. Must-have slots and items, and
        the compliance the buyer needs, are mandatory.
    """
    slots = _plain_slots(profile)
    marks = _priorities(profile) if priorities is None else dict(priorities)
    mix = {k: float(v) for k, v in (slots.get("channel_mix") or {}).items() if k in DEFAULT_AHT}
    channels = tuple(mix) or tuple(c for c in slots.get("channels") or () if c in DEFAULT_AHT)
    aht = _minutes(slots.get("average_handle_time"))
    frameworks = tuple(slots.get("compliance_frameworks") or ())
    values: dict[str, Any] = {
        "monthly_contacts": slots.get("monthly_volume"),
        "channel_mix": mix,
        "aht_minutes": {c: aht for c in channels or DEFAULT_AHT} if aht else {},
        "languages": tuple(slots.get("languages") or ()),
        "certifications": tuple(f for f in frameworks if framework_field(f)),
        "hipaa_baa": bool(slots.get("hipaa_baa_required")) or "HIPAA" in frameworks,
        "open_24_7": _round_clock_channels(slots, channels),
        "max_term_months": _months(slots.get("contract_term")),
        "pilot_wanted": slots.get("pilot_wanted"),
        "min_pilot_days": _days(slots.get("pilot_duration")),
        "shore_models": tuple(m for m in slots.get("shore_model") or () if m in SHORE_MODELS),
        "excluded_models": tuple(
            m for m in slots.get("excluded_shore_models") or () if m in SHORE_MODELS
        ),
        "delivery_countries": tuple(slots.get("delivery_locations") or ()),
        "service_levels": _targets(slots),
        "max_attrition": slots.get("attrition_max"),
        "max_rto_hours": _hours(slots.get("recovery_time")),
        "data_residency": ("EEA",) if slots.get("eu_data_residency") else (),
        "weights": _weights(slots.get("evaluation_criteria") or ()),
    }
    budget = slots.get("budget") or {}
    if budget.get("amount") and budget.get("per") in (None, "month"):
        values["budget_monthly"] = float(budget["amount"])
    if budget.get("currency"):
        values["currency"] = budget["currency"]
        values["currency_stated"] = True
    values["mandatory"] = frozenset(_mandatory(slots, marks))
    values["sources"] = _sources(profile)
    values.update(overrides)
    return Requirements(**{k: v for k, v in values.items() if v is not None})


def _priorities(profile: Any) -> dict[str, Any]:
    """slot -> priority, or slot -> {item: priority} where items carry their own."""
    slots = getattr(profile, "slots", None)
    if not isinstance(slots, dict):
        return {}
    marks: dict[str, Any] = {}
    for name, slot in slots.items():
        if slot.item_priority:
            items = slot.value if isinstance(slot.value, list) else []
            marks[name] = {str(i): slot.item_priority.get(i, slot.priority) for i in items}
        elif slot.priority:
            marks[name] = slot.priority
    return marks


def _mandatory(slots: dict[str, Any], marks: dict[str, Any]) -> list[str]:
    """Requirement keys that are must-haves: 'slot' for a whole slot, 'slot:item' for an item."""
    keys = []
    for name in slots:
        mark = marks.get(name)
        if isinstance(mark, dict):
            keys += [f"{name}:{item}" for item, p in mark.items() if p == "must"]
            if name in ALWAYS_MANDATORY:
                keys += [f"{name}:{item}" for item, p in mark.items() if p != "nice"]
        elif mark == "must" or (name in ALWAYS_MANDATORY and mark != "nice"):
            keys.append(name)
    return keys + [CHECK_KEYS[k.split(":")[0]] for k in keys if k.split(":")[0] in CHECK_KEYS]


def _sources(profile: Any) -> dict[str, str]:
    """slot -> the buyer's words it came from (empty for a plain dict)."""
    slots = getattr(profile, "slots", None)
    if not isinstance(slots, dict):
        return {}
    return {name: slot.source or slot.message for name, slot in slots.items()}


def _plain_slots(profile: Any) -> dict[str, Any]:
    if isinstance(profile, dict):
        return profile
    if hasattr(profile, "values") and callable(profile.values):
        return profile.values()
    raise TypeError(f"expected a Profile or a dict of slot values, got {type(profile).__name__}")


_SECONDS = {
    "seconds": 1,
    "minutes": 60,
    "hours": 3600,
    "days": 86400,
    "weeks": 604800,
    "months": 2592000,
    "years": 31536000,
}


def _seconds(duration: Any) -> float | None:
    if not isinstance(duration, dict) or "amount" not in duration:
        return None
    return float(duration["amount"]) * _SECONDS.get(duration.get("unit", "seconds"), 1)


def _minutes(duration: Any) -> float | None:
    seconds = _seconds(duration)
    return seconds / 60 if seconds else None


def _hours(duration: Any) -> float | None:
    seconds = _seconds(duration)
    return seconds / 3600 if seconds else None


def _days(duration: Any) -> float | None:
    seconds = _seconds(duration)
    return seconds / 86400 if seconds else None


def _months(duration: Any) -> float | None:
    if isinstance(duration, dict) and duration.get("unit") in ("months", "years"):
        return float(duration["amount"]) * (12 if duration["unit"] == "years" else 1)
    seconds = _seconds(duration)
    return round(seconds / _SECONDS["months"], 1) if seconds else None


def _round_clock_channels(slots: dict[str, Any], channels: tuple[str, ...]) -> tuple[str, ...]:
    hours = slots.get("channel_hours") or {}
    wanted = [c for c, text in hours.items() if "24/7" in str(text) or "24 hours" in str(text)]
    if "all" in wanted:
        return channels or tuple(DEFAULT_AHT)
    if wanted:
        return tuple(c for c in wanted if c in DEFAULT_AHT)
    return (channels or tuple(DEFAULT_AHT)) if slots.get("open_24_7") else ()


def _targets(slots: dict[str, Any]) -> dict[str, ServiceTarget]:
    targets = {}
    for channel in DEFAULT_AHT:
        value = slots.get(f"service_level_{channel}")
        if isinstance(value, dict) and value.get("seconds"):
            targets[channel] = ServiceTarget(value.get("percent"), float(value["seconds"]))
    return targets


def _weights(criteria: Any) -> dict[str, float]:
    weights = dict(DEFAULT_WEIGHTS)
    for name in criteria:
        if key := CRITERIA_MAP.get(name):
            weights[key] *= 2
    return weights
