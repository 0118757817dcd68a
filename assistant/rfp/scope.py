"""Which regulations, channels and services the buyer's answers bring into scope."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.rfp.facts import Answers
from assistant.rfp.model import Scope

CHANNEL_FLAGS: dict[str, frozenset[str]] = {
    "voice": frozenset({"voice"}),
    "chat": frozenset({"chat", "messaging"}),
    "email": frozenset({"email"}),
    "written": frozenset({"chat", "messaging", "email", "sms", "social"}),
}
SERVICE_FLAGS: dict[str, frozenset[str]] = {
    "sales": frozenset({"sales", "retention"}),
    "technical_support": frozenset({"technical support"}),
    "back_office": frozenset({"back-office", "claims"}),
    "content_moderation": frozenset({"content moderation"}),
}
FLAG_NAMES: tuple[str, ...] = (
    "health",
    "card_payments",
    "eu",
    "gdpr",
    "open_24_7",
    "pilot",
    "home_working",
    "home_working_allowed",
    *CHANNEL_FLAGS,
    *SERVICE_FLAGS,
)
HOME_WORK_MODELS = frozenset({"work from home", "hybrid"})
ROUND_THE_CLOCK = ("24/7", "24x7", "24 x 7", "24 hours", "around the clock", "round the clock")


def _lower(items: Iterable[str]) -> set[str]:
    return {item.lower() for item in items}


def health_in_scope(answers: Answers) -> bool | None:
    """Health data: the buyer's own yes/no wins; else HIPAA named, a BAA, or a healthcare buyer."""
    stated = answers.flag("handles_health_data")
    if stated is not None:
        return stated
    if "hipaa" in _lower(answers.items("compliance_frameworks")):
        return True
    if answers.flag("hipaa_baa_required"):
        return True
    if answers.has("industry"):
        return (answers.text("industry") or "").lower() == "healthcare"
    return None


def card_payments_in_scope(answers: Answers) -> bool | None:
    """Card payments: the buyer's yes/no, else PCI DSS among the named frameworks."""
    stated = answers.flag("card_payments_by_agents")
    if stated is not None:
        return stated
    return True if "pci dss" in _lower(answers.items("compliance_frameworks")) else None


def eu_in_scope(answers: Answers) -> bool | None:
    """Customers or delivery in the EU/EEA (the interview's test for asking about residency)."""
    eea = _lower(answers.plan.group_members("locations", "EEA"))
    places = _lower(answers.items("customer_regions")) | _lower(answers.items("delivery_locations"))
    if places & eea or answers.has("eu_data_residency"):
        return True
    return False if answers.has("customer_regions") else None


def gdpr_in_scope(answers: Answers) -> bool | None:
    """GDPR (EU or UK): EU/EEA customers or delivery, or GDPR named among the frameworks."""
    frameworks = _lower(answers.items("compliance_frameworks"))
    if any("gdpr" in name for name in frameworks):
        return True
    return eu_in_scope(answers)


def open_24_7_in_scope(answers: Answers) -> bool | None:
    """Round-the-clock service: stated, or read from the opening hours."""
    stated = answers.flag("open_24_7")
    if stated is not None:
        return stated
    hours = answers.mapping("channel_hours")
    if not hours:
        return None
    return any(mark in text.lower() for text in hours.values() for mark in ROUND_THE_CLOCK)


def home_working_ruled_out(answers: Answers) -> bool:
    """The buyer excluded home-based agents ("no work from home")."""
    return any(m.lower() in HOME_WORK_MODELS for m in answers.items("excluded_shore_models"))


def home_working_in_scope(answers: Answers) -> bool | None:
    """Home-based agents: the work model is home or hybrid; not when the buyer ruled them out."""
    if home_working_ruled_out(answers):
        return False
    if not answers.has("work_model"):
        return None
    return (answers.text("work_model") or "").lower() in HOME_WORK_MODELS


def _any_of(present: tuple[str, ...], wanted: frozenset[str]) -> bool | None:
    return bool(_lower(present) & wanted) if present else None


def evaluate_condition(condition: str, answers: Answers) -> bool | None:
    """One condition: a scope flag, a yes/no slot, ``slot=value``, or ``has:slot`` (the buyer
    gave the slot; never False, so an unanswered optional slot adds no open point)."""
    if condition.startswith("has:"):
        return True if answers.has(condition[4:]) else None
    if condition.startswith("allowed:"):
        return option_allowed(condition[len("allowed:"):], answers)
    channels = answers.items("channels")
    services = answers.items("services")
    if condition in CHANNEL_FLAGS:
        return _any_of(channels, CHANNEL_FLAGS[condition])
    if condition in SERVICE_FLAGS:
        return _any_of(services, SERVICE_FLAGS[condition])
    named = {
        "health": health_in_scope,
        "card_payments": card_payments_in_scope,
        "eu": eu_in_scope,
        "gdpr": gdpr_in_scope,
        "open_24_7": open_24_7_in_scope,
        "home_working": home_working_in_scope,
        "home_working_allowed": lambda a: not home_working_ruled_out(a),
        "pilot": lambda a: a.flag("pilot_wanted"),
    }
    if condition in named:
        return named[condition](answers)
    if "=" in condition:
        slot, wanted = condition.split("=", 1)
        if not answers.has(slot):
            return None
        return bool(_lower(wanted.split("|")) & _lower(answers.items(slot)))
    if condition in answers.plan.slot_map and answers.plan.slot(condition).type == "bool":
        return answers.flag(condition)
    raise KeyError(f"unknown condition {condition!r}")


def option_allowed(option: str, answers: Answers) -> bool | None:
    """False when the buyer excluded this delivery option ("no offshore at all"), else None:
    nothing said about it, so nothing is ruled out."""
    excluded = _lower(answers.items("excluded_shore_models"))
    return False if option.lower() in excluded else None


def check_condition(condition: str, answers: Answers) -> None:
    """Raise KeyError for a condition that names no flag, yes/no slot or slot."""
    if condition in FLAG_NAMES or condition.startswith("allowed:"):
        return
    if condition.startswith("has:"):
        if condition[4:] not in answers.plan.slot_map:
            raise KeyError(f"unknown condition {condition!r}")
        return
    slot = condition.split("=", 1)[0]
    if slot not in answers.plan.slot_map:
        raise KeyError(f"unknown condition {condition!r}")
    if "=" not in condition and answers.plan.slot(slot).type != "bool":
        raise KeyError(f"condition {condition!r} names a slot that is not yes/no")


def build_scope(answers: Answers, conditions: Iterable[str]) -> Scope:
    """Evaluate every named condition once, plus the scope flags themselves."""
    names = sorted(set(conditions) | set(FLAG_NAMES))
    for name in names:
        check_condition(name, answers)
    return Scope(
        flags=tuple((name, evaluate_condition(name, answers)) for name in names),
        channels=tuple(c.lower() for c in answers.items("channels")),
        services=tuple(s.lower() for s in answers.items("services")),
    )


FLAG_SLOTS: dict[str, tuple[str, ...]] = {
    "health": ("industry", "handles_health_data"),
    "card_payments": ("card_payments_by_agents",),
    "eu": ("customer_regions", "delivery_locations", "eu_data_residency"),
    "gdpr": ("compliance_frameworks", "customer_regions", "delivery_locations"),
    "open_24_7": ("open_24_7", "channel_hours"),
    "pilot": ("pilot_wanted",),
    "home_working": ("work_model", "excluded_shore_models"),
    "home_working_allowed": (),  # true unless ruled out: reads no answer of its own
    **{name: ("channels",) for name in CHANNEL_FLAGS},
    **{name: ("services",) for name in SERVICE_FLAGS},
}


def condition_slots(condition: str) -> tuple[str, ...]:
    """The slots a condition reads, so a conditional requirement can name its sources."""
    if condition in FLAG_SLOTS:
        return FLAG_SLOTS[condition]
    if condition.startswith("allowed:"):
        return ("excluded_shore_models",)
    return (condition.removeprefix("has:").split("=", 1)[0],)
