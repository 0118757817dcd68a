"""The guided interview: plan -> slots -> requirements profile."""

from assistant.interview.engine import InterviewEngine, TurnResult
from assistant.interview.extract import Found, extract
from assistant.interview.plan import Plan, Question, SlotDef, load_plan
from assistant.interview.profile import (
    InterviewState,
    Profile,
    SlotValue,
    load_profile,
    load_state,
    save_profile,
)
from assistant.interview.scoring import slot_accuracy
from assistant.interview.values import Duration, Money, ServiceLevel

__all__ = [
    "Duration",
    "Found",
    "InterviewEngine",
    "InterviewState",
    "Money",
    "Plan",
    "Profile",
    "Question",
    "ServiceLevel",
    "SlotDef",
    "SlotValue",
    "TurnResult",
    "extract",
    "load_plan",
    "load_profile",
    "load_state",
    "save_profile",
    "slot_accuracy",
]
