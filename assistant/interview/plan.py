"""The interview plan as data: topics, slots, vocabularies and questions, loaded from YAML."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.resources import knowledge_dir, read_yaml

PLAN_PATH = knowledge_dir() / "interview" / "plan.yaml"

SlotType = Literal[
    "text",
    "int",
    "percent",
    "duration",
    "money",
    "list[str]",
    "bool",
    "enum",
    "channel_mix",
    "service_level",
    "channel_hours",
    "renewal",
    "weights",
    "targets",
    "notes",
]
Priority = Literal["must", "nice"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Term(_Strict):
    """One vocabulary entry: a canonical name and the phrases that mean it.

    A synonym written in capitals ("US", "EU") or starting with "=" ("=Epic") is matched
    case-sensitively, so that the pronoun "us" is not read as the United States.
    `answer_only` phrases count only as an answer to the question asked ("per contact" answers
    the pricing question, but "cost per contact" elsewhere is not a pricing preference).
    """

    name: str
    synonyms: tuple[str, ...] = ()
    answer_only: tuple[str, ...] = ()
    group: str | None = None
    # words for what a contact is about: one before a contact noun names the term ('invoice
    # queries', 'refund calls' -> billing; the nouns are discourse.yaml's contact_nouns)
    topics: tuple[str, ...] = ()

    def phrases(self, answering: bool = False) -> tuple[str, ...]:
        """The name and synonyms; `answer_only` phrases too while the term's question is asked.

        The name is left out when a synonym "=name" keeps its case.
        """
        extra = self.answer_only if answering else ()
        if f"={self.name}" in self.synonyms:
            return (*self.synonyms, *extra)
        return (self.name, *self.synonyms, *extra)


class SlotDef(_Strict):
    """One piece of the requirements profile.

    `cues` are words that tie a value in the same sentence to this slot ("contacts" for a
    volume); `incidental: false` means the slot is read only while its own question is
    pending; `fallback` takes values of its type that no cue claims; `per_month` converts
    yearly, weekly and daily figures; `pattern` is a regex that picks a text value (group
    `value` when present); `combined_value` is the enum value taken when one message names
    two or more ('we provide the CRM, the vendor the telephony' -> mixed).
    `context` are words one of which must stand in the sentence for the slot's vocabulary to be
    read there, unless its question is pending ('German' is a language in 'Languages: German'
    or 'German is required', not in 'a German team'); `read_with` words let a slot that is not
    incidental be read in a segment that holds one ('CSAT of 88 or above'), and `read_beside`
    mention kinds in a sentence that names one ('Freshdesk and 3CX, both ours'); `target` marks a
    goal the buyer sets, which a figure about today ('we're at 28%') never fills; `priority` is
    the default must-have / nice-to-have of what the slot records; `negated_of` fills the slot
    with the values another slot's vocabulary names as excluded ('no offshore at all'); `today` marks a slot about how
    things are now, which a figure about today does fill; `plausible` bounds a duration
    ('1 month', '10 years'): a contract is not two days long.
    """

    name: str
    label: str
    type: SlotType
    description: str
    vocabulary: str | None = None
    cues: tuple[str, ...] = ()
    channel: str | None = None
    incidental: bool = True
    fallback: bool = False
    per_month: bool = False
    pattern: str | None = None
    combined_value: str | None = None
    context: tuple[str, ...] = ()
    read_with: tuple[str, ...] = ()
    read_beside: tuple[str, ...] = ()
    target: bool = False
    priority: Priority | None = None
    negated_of: str | None = None
    secondary: bool = False
    today: bool = False
    plausible: tuple[str, str] | None = None

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, value: str | None) -> str | None:
        if value is not None:
            re.compile(value)
        return value


class Topic(_Strict):
    """A heading of the interview."""

    id: str
    title: str


class Condition(_Strict):
    """A test on an earlier answer; an unfilled slot never passes."""

    slot: str
    equals: str | int | bool | None = None
    any_of: tuple[str, ...] = ()
    group: str | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = [self.equals is not None, bool(self.any_of), self.group is not None]
        if sum(tests) != 1:
            raise ValueError(f"condition on {self.slot!r} needs exactly one of equals/any_of/group")
        return self


class Question(_Strict):
    """One question of the plan; `ask_if` passes when any of its conditions does; `names` are
    the words a buyer uses for its topic ('budget', 'the tech side') when skipping it, asking
    why or correcting it."""

    id: str
    topic: str
    prompt: str
    why: str
    guidance: tuple[str, ...] = Field(min_length=1)
    slots: tuple[str, ...] = Field(min_length=1)
    required: bool
    ask_if: tuple[Condition, ...] = ()
    names: tuple[str, ...] = ()


class Plan(_Strict):
    """The whole interview plan."""

    version: int
    topics: tuple[Topic, ...]
    vocabularies: dict[str, tuple[Term, ...]]
    slots: tuple[SlotDef, ...]
    questions: tuple[Question, ...]

    @model_validator(mode="after")
    def _references_resolve(self) -> Plan:
        _check_unique("topic", [t.id for t in self.topics])
        _check_unique("slot", [s.name for s in self.slots])
        _check_unique("question", [q.id for q in self.questions])
        for slot in self.slots:
            _check_slot(slot, self.vocabularies)
            if slot.negated_of and slot.negated_of not in {s.name for s in self.slots}:
                raise ValueError(f"slot {slot.name}: negated_of names no slot")
        topic_ids = [t.id for t in self.topics]
        slot_names = {s.name for s in self.slots}
        seen_topics: list[str] = []
        filled_before: set[str] = set()
        for question in self.questions:
            if question.topic not in topic_ids:
                raise ValueError(f"question {question.id}: unknown topic {question.topic!r}")
            if seen_topics and topic_ids.index(question.topic) < topic_ids.index(seen_topics[-1]):
                raise ValueError(f"question {question.id}: topics out of order")
            seen_topics.append(question.topic)
            for name in question.slots:
                if name not in slot_names:
                    raise ValueError(f"question {question.id}: unknown slot {name!r}")
            for cond in question.ask_if:
                if cond.slot not in filled_before:
                    raise ValueError(
                        f"question {question.id}: ask_if on {cond.slot!r}, not asked earlier"
                    )
            filled_before.update(question.slots)
        return self

    @cached_property
    def slot_map(self) -> dict[str, SlotDef]:
        """Slots by name."""
        return {s.name: s for s in self.slots}

    @cached_property
    def question_map(self) -> dict[str, Question]:
        """Questions by id."""
        return {q.id: q for q in self.questions}

    def slot(self, name: str) -> SlotDef:
        """The slot called `name`."""
        return self.slot_map[name]

    def question(self, question_id: str) -> Question:
        """The question with this id."""
        return self.question_map[question_id]

    def topic_title(self, topic_id: str) -> str:
        """The title of a topic."""
        return next(t.title for t in self.topics if t.id == topic_id)

    def terms(self, vocabulary: str) -> tuple[Term, ...]:
        """The entries of a named vocabulary."""
        return self.vocabularies[vocabulary]

    def group_members(self, vocabulary: str, group: str) -> set[str]:
        """Names in `vocabulary` that belong to `group` (the group's own name included)."""
        return {t.name for t in self.terms(vocabulary) if t.group == group or t.name == group}

    def guidance_ids(self) -> set[str]:
        """Every guidance id the plan points at."""
        return {gid for q in self.questions for gid in q.guidance}


def _check_unique(kind: str, names: list[str]) -> None:
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        raise ValueError(f"duplicate {kind} names: {sorted(dupes)}")


def _check_slot(slot: SlotDef, vocabularies: dict[str, Any]) -> None:
    needs_vocab = slot.type in ("enum", "list[str]", "weights")
    if needs_vocab and slot.vocabulary not in vocabularies:
        raise ValueError(f"slot {slot.name}: type {slot.type} needs a known vocabulary")
    if slot.vocabulary is not None and slot.vocabulary not in vocabularies:
        raise ValueError(f"slot {slot.name}: unknown vocabulary {slot.vocabulary!r}")
    names = {t.name for t in vocabularies.get(slot.vocabulary or "", ())}
    if slot.combined_value is not None and slot.combined_value not in names:
        raise ValueError(f"slot {slot.name}: combined_value is not in its vocabulary")
    if slot.type == "service_level" and not slot.channel:
        raise ValueError(f"slot {slot.name}: a service_level slot names its channel")


def load_plan(path: Path | None = None) -> Plan:
    """Read and validate the interview plan.

    Args:
        path: a plan YAML file; the packaged `knowledge/interview/plan.yaml` by default.

    Returns:
        The validated plan.
    """
    raw = read_yaml(path or PLAN_PATH)
    raw["vocabularies"] = {**shared_vocabularies(), **(raw.get("vocabularies") or {})}
    return Plan.model_validate(raw)


# The plan's vocabularies that are the domain's own words: one copy, in knowledge/lexicon.
SHARED = {
    "channels": ("channels", None), "languages": ("languages", None),
    "locations": ("locations", None), "shore_models": ("delivery", "shore"),
    "work_models": ("delivery", "work"), "frameworks": ("frameworks", None),
    "kpis": ("kpis", None), "platforms": ("platforms", None),
    "pricing_models": ("pricing_models", None),
}  # fmt: skip


def shared_vocabularies() -> dict[str, list[dict]]:
    """The lexicon's vocabularies as plan vocabularies (name, synonyms, answer-only phrases)."""
    from assistant.reading.lexicon import vocabulary

    result = {}
    for name, (source, group) in SHARED.items():
        lex = vocabulary(source)
        terms = [_plan_term(t) for t in lex.terms if group is None or t.group == group]
        listed = {t["name"] for t in terms}
        terms += [{"name": n} for n in lex.common if n not in listed]
        if source == "locations":
            terms += [{"name": n} for n in _countries() if n not in listed]
            for term in terms:
                if term["name"] in lex.eea:
                    term["group"] = "EEA"
        result[name] = terms
    return result


def _countries() -> list[str]:
    """Every country's English name (Babel), for the interview's place vocabulary."""
    from babel import Locale

    names = Locale("en").territories
    return sorted(
        {n for code, n in names.items() if code.isalpha() and len(code) == 2 and "(" not in n}
    )


def _plan_term(term) -> dict:
    synonyms = [p for p in term.phrases if p.lower() != term.name.lower()]
    synonyms += [e if e.isupper() else f"={e}" for e in term.exact]
    if term.patterns and not term.phrases:
        synonyms.append(term.name.lower())
    entry: dict = {"name": term.name, "synonyms": synonyms}
    if term.answer_only:
        entry["answer_only"] = list(term.answer_only)
    if term.group and term.group not in ("shore", "work"):
        entry["group"] = term.group
    return entry
