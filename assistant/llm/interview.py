"""The language model's reading of an interview answer: a checked delta of the profile.

The rule-based extraction always runs first. The model may only fill slots that the rules
did not find in this message and that the profile does not hold yet, so it can never
override a value, let alone one the buyer corrected. Each value it proposes is validated
against the slot's type and vocabulary, and checked against the reading layer's typed reading
of the message: a number must be one the message states (a monthly count once converted), a
duration the same amount and unit, a vocabulary name a term the message affirms (not one it
negates), a yes a cue the message affirms and a no a cue it denies.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import TypeAdapter, ValidationError

from assistant.interview.extract import Found
from assistant.interview.plan import Plan, Question, SlotDef
from assistant.interview.profile import Profile
from assistant.interview.values import Duration
from assistant.llm.chat import ChatModel
from assistant.llm.errors import LlmUnavailable
from assistant.llm.prompts import fenced, render_prompt

log = logging.getLogger(__name__)

READABLE_TYPES = ("int", "percent", "bool", "enum", "list[str]", "text", "duration")
MAX_SLOTS = 48
_JSON_OBJECT = re.compile(r"\{.*\}", re.S)


@dataclass
class Reading:
    """What the model proposed: the values accepted, and each rejection with its reason."""

    found: list[Found] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    note: str = ""


class InterviewReader:
    """Reads one buyer message with the model; callable as the engine's `understand` hook."""

    def __init__(self, chat: ChatModel, plan: Plan) -> None:
        self.chat = chat
        self.plan = plan
        self.last = Reading()

    def __call__(
        self, message: str, question: Question | None, profile: Profile, found: list[Found]
    ) -> list[Found]:
        """Accepted values for slots neither the rules nor the profile have."""
        taken = {f.slot for f in found}
        slots = self.open_slots(question, profile, taken)
        self.last = self.read(message, question, slots) if slots else Reading()
        return self.last.found

    def open_slots(
        self, question: Question | None, profile: Profile, taken: set[str]
    ) -> list[SlotDef]:
        """Unfilled slots of readable types: the question's own first, then incidental ones."""
        asked = list(question.slots) if question else []
        names = asked + [s.name for s in self.plan.slots if s.incidental and s.name not in asked]
        slots = [self.plan.slot(n) for n in names]
        return [
            s for s in slots
            if s.type in READABLE_TYPES and not profile.has(s.name) and s.name not in taken
        ][:MAX_SLOTS]

    def read(self, message: str, question: Question | None, slots: list[SlotDef]) -> Reading:
        """Ask the model, then keep only the values that pass every check."""
        user = render_prompt(
            "interview.user",
            question=question.prompt if question else "(none: the buyer is adding detail)",
            slots="\n".join(self.describe(s) for s in slots),
            message=fenced(message),
        )
        try:
            raw = self.chat.complete(render_prompt("interview.system"), user)
        except LlmUnavailable as exc:
            log.warning("interview answer read by the rules only: %s", exc)
            return Reading(note=str(exc))
        data = parse_json_object(raw)
        if data is None:
            return Reading(rejected=[("*", "the model's reply is not a JSON object")])
        return self.check(data, message, {s.name: s for s in slots})

    def describe(self, slot: SlotDef) -> str:
        """One line of the slot menu: name, type, meaning and allowed values."""
        line = f"- {slot.name} ({_json_type(slot.type)}): {slot.description}"
        if slot.vocabulary:
            names = ", ".join(t.name for t in self.plan.terms(slot.vocabulary))
            line += f" Allowed values: {names}"
        return line

    def check(self, data: dict[str, Any], message: str, slots: dict[str, SlotDef]) -> Reading:
        """Validate each proposed value; unknown, mistyped or unstated values are rejected."""
        reading = Reading()
        for name, value in data.items():
            slot = slots.get(name)
            if slot is None:
                reading.rejected.append((name, "not a field the model was offered"))
                continue
            try:
                typed = self.adapter(slot).validate_python(value)
            except ValidationError as exc:
                reading.rejected.append((name, f"wrong type: {exc.errors()[0]['msg'][:80]}"))
                continue
            if typed is None or typed == []:
                continue
            if reason := _unstated(slot, typed, message, self.plan):
                reading.rejected.append((name, reason))
                continue
            reading.found.append(Found(name, typed))
        return reading

    def adapter(self, slot: SlotDef) -> TypeAdapter:
        """The pydantic type of a slot's value in the delta (vocabulary names as literals)."""
        names = tuple(t.name for t in self.plan.terms(slot.vocabulary)) if slot.vocabulary else ()
        kinds: dict[str, Any] = {
            "int": int, "percent": float, "bool": bool, "text": str,
            "enum": Literal[names] if names else str,
            "list[str]": list[Literal[names]] if names else list[str],
            "duration": Duration,
        }
        return TypeAdapter(kinds[slot.type] | None)


def parse_json_object(raw: str) -> dict[str, Any] | None:
    """The first JSON object in a reply (code fences and chatter around it are ignored)."""
    match = _JSON_OBJECT.search(raw or "")
    if not match:
        return None
    try:
        data = json.loads(match.group(0))
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def _unstated(slot: SlotDef, value: Any, message: str, plan: Plan) -> str:
    """Why a value is not backed by the reading layer's reading of the message ('' when it is)."""
    from assistant.interview.message import Message

    read = Message(message, plan)
    if slot.type in ("int", "percent"):
        number = float(value)
        return "" if number in _stated_numbers(read) else f"{_plain_number(number)} is not in the message"
    if slot.type == "duration":
        stated = [m for m in read.of_kind("duration") if m.stated]
        same = any(m.value["amount"] == value.amount and m.value["unit"] == value.unit for m in stated)
        return "" if same else f"{value} is not in the message"
    if slot.type == "text":
        return "" if str(value).lower() in message.lower() else "the text is not in the message"
    if slot.type == "bool":
        return _flag_backed(slot, bool(value), read, plan)
    names = set(value) if isinstance(value, list) else {value}
    affirmed = {m.name for m in read.mentions if m.stated} | _plan_terms(slot, message, plan)
    missing = sorted(names - affirmed)
    return f"not mentioned: {', '.join(missing)}" if missing else ""


def _stated_numbers(read) -> set[float]:
    """Every number the message states, counts also per month (the volume slot is monthly)."""
    from assistant.interview.readers.measures import PER_MONTH

    numbers = {n.value for n in read.numbers}
    for m in read.of_kind("count", "percent"):
        value = float(m.value["value"])
        numbers.add(value)
        if m.kind == "count":
            numbers.add(float(round(value * PER_MONTH.get(m.value.get("per") or "month", 1.0))))
    return numbers


def _plan_terms(slot: SlotDef, message: str, plan: Plan) -> set[str]:
    """Names of the slot's plan vocabulary said in the message (answer-only phrases included)."""
    from assistant.interview.terms import match_terms, own_vocabularies

    if not slot.vocabulary or slot.vocabulary not in own_vocabularies(plan):
        return set()  # the lexicon's words are read, with their status, by the reading layer
    return {h.name for h in match_terms(message, plan.terms(slot.vocabulary), answering=True)}


def _flag_backed(slot: SlotDef, value: bool, read, plan: Plan) -> str:
    """A yes needs the slot's cue affirmed in the message, a no the cue denied."""
    from assistant.interview.readers.cues import _cue_regex, slot_cues
    from assistant.reading.assertion import statuses

    regex = _cue_regex(slot_cues(plan, slot) + (slot.label,))
    for m in regex.finditer(read.text) if regex else ():
        index = read.segment_at(m.start())
        segment = read.segments[index]
        status = statuses(read.text[segment.start : segment.end],
                          [(m.start() - segment.start, m.end() - segment.start)])[0]
        if (status == "negated") is (not value):
            return ""
    return "not mentioned" if value else "not denied in the message"


def _plain_number(value: float) -> str:
    """60000.0 as '60000', 12.5 as '12.5'."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _json_type(slot_type: str) -> str:
    return {"int": "number", "percent": "number", "bool": "true/false", "enum": "one value",
            "list[str]": "list of values", "text": "text",
            "duration": 'an object {"amount": number, "unit": "days|weeks|months|years"}'}[slot_type]
