"""Slots worked out from others after each message: 'open 24/7' from the opening hours, KPIs
from the targets set for them, a public body from its sector, the shore model from where
agents and customers are."""

from __future__ import annotations

import re

from assistant.interview.plan import Plan
from assistant.interview.profile import Profile
from assistant.interview.update import Change
from assistant.reading.places import countries, shore_model

# Customer-facing measures the buyer sets a target for (internal ones, such as the QA score
# or attrition, are not service KPIs).
TARGET_KPIS = {"csat_target": "CSAT", "abandonment_target": "abandonment rate"}


def derive(
    profile: Profile, plan: Plan, message_index: int, message: str, home: list[str] | None = None
) -> list[Change]:
    """Every derived slot that changes (`home`: the countries the buyer said it is in)."""
    changes: list[Change] = []
    rules = (
        _open_24_7,
        _kpis_with_targets,
        _public_body,
        lambda p, q: _shore_models(p, q, home or []),
    )
    for rule in rules:
        change = rule(profile, plan)
        if change is not None:
            name, value = change
            old = profile.get(name)
            if value != old:
                held = profile.slots.get(name)
                profile.set(
                    name,
                    plan.slot(name).type,
                    value,
                    message_index,
                    message,
                    source=held.source if held and _keeps_source(name, held) else "",
                    priority=held.priority if held else None,
                    item_priority=held.item_priority if held else None,
                )
                changes.append(Change(name, old, value))
    return changes


def _keeps_source(name: str, held) -> bool:
    """A derived value keeps the source of what the buyer said, but for a shore model worked
    out from places alone."""
    return name != "shore_model" or bool(held.source)


def _open_24_7(profile: Profile, plan: Plan):
    hours = profile.get("channel_hours")
    if hours is None or "open_24_7" not in plan.slot_map:
        return None
    return "open_24_7", any("24/7" in v for v in hours.values())


def _public_body(profile: Profile, plan: Plan):
    """A buyer in the public sector ('we're county government') is a public body, while the
    buyer has said nothing about public procurement itself."""
    if "public_sector" not in plan.slot_map or profile.has("public_sector"):
        return None
    return ("public_sector", True) if profile.get("industry") == "public sector" else None


def _kpis_with_targets(profile: Profile, plan: Plan):
    """A target for CSAT or abandonment makes it a KPI the buyer tracks."""
    if "kpis" not in plan.slot_map:
        return None
    wanted = [kpi for slot, kpi in TARGET_KPIS.items() if profile.has(slot)]
    held = list(profile.get("kpis") or [])
    missing = [k for k in wanted if k not in held]
    return ("kpis", held + missing) if missing else None


def _shore_models(profile: Profile, plan: Plan, home_countries: list[str]):
    """Onshore where agents are in the buyer's own country (else, where the buyer has not said
    where it is, the customers' country), nearshore on the same continent (or a neighbour),
    offshore elsewhere. A tour firm in Ireland serving Americans from Dublin delivers onshore:
    the shore is the buyer's. Where the buyer named shore models, a place it allows adds its
    own ('agents in Spain, or nearshore': onshore and nearshore)."""
    if "shore_model" not in plan.slot_map:
        return None
    said = profile.has("shore_model") and bool(profile.slots["shore_model"].source)
    stated: list[str] = list(profile.get("shore_model") or []) if said else []
    places = profile.get("delivery_locations") or []
    home = countries(home_countries) or countries(profile.get("customer_regions") or [])
    if not places or not home:
        return None
    source = profile.slots["shore_model"].source if said else ""
    models = [
        shore_model(place, home)
        for place in countries(places)
        if not _labelled(place, source)
    ]
    models = [m for m in ("onshore", "nearshore", "offshore") if m in models + stated]
    excluded = profile.get("excluded_shore_models") or []
    models = [m for m in models if m not in excluded or m in stated]
    return ("shore_model", models) if models and set(models) != set(stated) else None


_SHORE_WORD = r"(?:onshore|on-shore|nearshore|near-shore|offshore|off-shore)"


def _labelled(place: str, said: str) -> bool:
    """The buyer put the place under a shore model itself ('nearshore in Portugal and
    Morocco', 'or nearshore, Lisbon or Poland'): its own word stands, not the map's."""
    if not said:
        return False
    listed = r"(?:[\w'’-]+(?:\s+[\w'’-]+)?(?:\s*,\s*|\s+(?:and|or)\s+))*"
    pattern = rf"\b{_SHORE_WORD}\s*(?:[,:(-]\s*|\s(?:in|from|to|at|like|e\.g\.|such as)\s+)" \
        rf"(?:\w+\s+)?{listed}(?:the\s+)?{re.escape(place)}\b"
    return re.search(pattern, said, re.I) is not None
