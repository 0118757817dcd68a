"""The interview suite on unseen conversations (evals/cases/interviews_unseen/{dev,test}).

Each case is replayed turn by turn through the real interview (chat_turn over a fresh
workspace), then its RFP is drafted. Metrics, each a pure function of (case, run):
- facts_in_profile: expected facts (one per slot, per list item, per mapping key, per free-text
  requirement) the profile holds with the same meaning;
- facts_in_rfp: the same facts found in the drafted RFP;
- corrections_honoured: values the buyer corrected away that neither profile nor RFP keep;
- side_remarks_ignored: numbers from anecdotes and other non-answers that were not recorded;
- asked_at_most_twice: share of questions put no more than twice (questions_repeated counts
  those put more often; it must be 0).

Expected values may use names or shapes that differ from the product's; `same` maps them where
the meaning is the same (a canonical name read by the reading layer, a duration in seconds,
hours written as days and times) and nowhere else.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from assistant.interview.scoring import canonical, hours_hold, same, similar
from assistant.resources import read_yaml

UNSEEN_DIR = Path(__file__).resolve().parent / "cases" / "interviews_unseen"
SPLITS = ("dev", "test")
METRICS = (
    "facts_in_profile",
    "facts_in_rfp",
    "corrections_honoured",
    "side_remarks_ignored",
    "asked_at_most_twice",
)


class Mark(BaseModel):
    """A value that must not be recorded: corrected away, or said in passing."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: str
    value: Any
    turn: int


class UnseenCase(BaseModel):
    """One conversation written from a persona brief, with what it should produce."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    persona: str
    turns: tuple[str, ...]
    expect: dict[str, Any]
    corrected_away: tuple[Mark, ...] = ()
    not_answers: tuple[Mark, ...] = ()
    must_have: tuple[str, ...] = ()
    nice_to_have: tuple[str, ...] = ()
    free_text_requirements: tuple[str, ...] = ()
    deferred: tuple[str, ...] = ()
    questions_back: tuple[int, ...] = ()


@dataclass
class Run:
    """What the interview did with one case."""

    profile: dict[str, Any]
    requirements: list[dict[str, Any]]
    replies: list[str]
    rfp: str
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Score:
    """A metric's value on one case (None: nothing to measure) and the misses."""

    value: float | None
    misses: tuple[str, ...] = ()


def load_split(split: str, directory: Path = UNSEEN_DIR) -> list[UnseenCase]:
    """The cases of one split, in name order."""
    return [
        UnseenCase.model_validate(read_yaml(p))
        for p in sorted((directory / split).glob("*.yaml"))
    ]


def replay(case: UnseenCase, workspace: Path, understand=None) -> Run:
    """The case's turns through chat_turn on a fresh workspace, questions back answered by the
    workspace's own answerer as for a user (with the language model's reader `understand`, if
    any); the RFP drafted at the end."""
    from assistant.index.embedder import shared_embedder
    from assistant.interview.commands import chat_turn
    from assistant.interview.profile import load_state
    from assistant.rfp import draft_for_workspace, render_markdown
    from assistant.settings import Settings
    from assistant.workspace import Workspace

    answerer = Workspace(Settings(workspace=workspace), embedder=shared_embedder()).ask
    result = chat_turn(workspace, "start")
    replies = [result["reply"]]
    for message in case.turns:
        result = chat_turn(workspace, message, answerer, understand=understand)
        replies.append(result["reply"])
    rfp = render_markdown(draft_for_workspace(workspace))
    state = load_state(workspace)
    return Run(
        result["profile"], result["requirements"], replies, rfp, state.skipped + state.parked
    )


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Fact:
    """One expected fact: a slot, the key or item inside it (None for the whole value), the value."""

    slot: str
    key: str | None
    value: Any


def facts(case: UnseenCase) -> list[Fact]:
    """The case's expected facts."""
    out = []
    for slot, value in case.expect.items():
        if isinstance(value, list):
            out += [Fact(slot, str(i), item) for i, item in enumerate(value)]
        elif isinstance(value, dict) and slot in (
            "channel_mix",
            "evaluation_weights",
            "channel_hours",
        ):
            out += [Fact(slot, key, item) for key, item in value.items()]
        else:
            out.append(Fact(slot, None, value))
    return out


def facts_in_profile(case: UnseenCase, run: Run) -> Score:
    """Share of expected facts the profile holds."""
    found = [f for f in facts(case) if holds(f, run.profile, case)]
    misses = [
        f"{f.slot}{'[' + str(f.value) + ']' if f.key else ''}: expected {f.value!r}, got {run.profile.get(f.slot)!r}"
        for f in facts(case)
        if f not in found
    ]
    total = len(facts(case))
    return Score(len(found) / total if total else None, tuple(misses))


def facts_in_rfp(case: UnseenCase, run: Run) -> Score:
    """Share of expected facts the drafted RFP states."""
    text = _norm(run.rfp)
    all_facts = facts(case)
    missing = [f for f in all_facts if not in_text(f, text, run, case)]
    return Score(
        1 - len(missing) / len(all_facts) if all_facts else None,
        tuple(f"{f.slot}: {f.value!r}" for f in missing),
    )


def corrections_honoured(case: UnseenCase, run: Run) -> Score:
    """Share of corrected-away values kept out of both the profile and the RFP."""
    return _absent(case.corrected_away, run, case, check_rfp=True)


def side_remarks_ignored(case: UnseenCase, run: Run) -> Score:
    """Share of side remarks (anecdotes, baselines, out-of-scope items) not recorded."""
    return _absent(case.not_answers, run, case, check_rfp=False)


def _absent(marks: tuple[Mark, ...], run: Run, case: UnseenCase, check_rfp: bool) -> Score:
    if not marks:
        return Score(None)
    misses = []
    for mark in marks:
        held = run.profile.get(mark.field)
        items = (
            mark.value
            if isinstance(mark.value, list) and not _is_list_slot(mark.field)
            else [mark.value]
        )
        for value in items:
            if _recorded(mark.field, value, held, run, case):
                misses.append(f"{mark.field} still holds {value!r}")
            elif check_rfp and _stale_in_rfp(mark.field, value, held, run):
                misses.append(f"the RFP still says {mark.field} {value!r}")
    return Score(1 - len(misses) / len(marks), tuple(misses))


def _is_list_slot(slot: str) -> bool:
    return (
        _plan().slot(slot).type in ("list[str]", "notes", "targets")
        if slot in _plan().slot_map
        else False
    )


def _recorded(slot: str, value: Any, held: Any, run: Run, case: UnseenCase) -> bool:
    if held is None:
        return False
    if _is_list_slot(slot) and isinstance(value, list):
        return sorted(map(str, value)) == sorted(map(str, held))
    if _is_list_slot(slot):
        return any(same(slot, value, item) for item in held)
    if (
        isinstance(held, dict)
        and isinstance(value, dict)
        and slot in ("channel_mix", "channel_hours")
    ):
        return all(
            same(slot, v, held.get(k) if k in held else held.get("all")) for k, v in value.items()
        )
    return same(slot, value, held)


def _stale_in_rfp(slot: str, value: Any, held: Any, run: Run) -> bool:
    """The old value's text in the RFP where the new value's text is not the same."""
    old = _display(slot, value)
    if not old or (held is not None and old == _display(slot, held)):
        return False
    return (
        bool(old)
        and len(old) > 3
        and re.search(rf"(?<![\w.]){re.escape(_norm(old))}(?![\w])", _norm(run.rfp)) is not None
    )


def asked_at_most_twice(case: UnseenCase, run: Run) -> Score:
    """Share of the questions put that were put at most twice."""
    counts = question_counts(run)
    if not counts:
        return Score(None)
    over = [q for q, n in counts.items() if n > 2]
    return Score(1 - len(over) / len(counts), tuple(f"asked {counts[q]} times: {q}" for q in over))


def question_counts(run: Run) -> dict[str, int]:
    """How many replies put each question of the plan."""
    counts = {}
    for question in _plan().questions:
        shown = sum(
            f": {question.prompt}\n" in reply
            or reply.rstrip().endswith(question.prompt)
            or f": {question.prompt}\n[" in reply
            for reply in run.replies
        )
        if shown:
            counts[question.id] = shown
    return counts


# --------------------------------------------------------------------------- same meaning


@cache
def _plan():
    from assistant.interview.plan import load_plan

    return load_plan()


def holds(fact: Fact, profile: dict[str, Any], case: UnseenCase) -> bool:
    """Whether the profile holds the fact."""
    held = profile.get(fact.slot)
    if fact.slot == "other_requirements":
        return any(similar(fact.value, r) for r in profile.get("other_requirements") or [])
    if fact.slot == "services" and not canonical(fact.slot, fact.value):
        return any(similar(fact.value, r, 0.5) for r in profile.get("other_requirements") or [])
    if held is None:
        return False
    if fact.key is None:
        return same(fact.slot, fact.value, held)
    if isinstance(held, list):
        return any(same(fact.slot, fact.value, item) for item in held)
    if isinstance(held, dict):
        if fact.slot == "channel_hours":
            return hours_hold(fact.key, fact.value, held)
        return fact.key in held and same(fact.slot, fact.value, held[fact.key])
    return False


# --------------------------------------------------------------------------- the RFP


def in_text(fact: Fact, text: str, run: Run, case: UnseenCase) -> bool:
    """Whether the RFP states the fact (in the form the product writes it)."""
    if fact.slot == "other_requirements" or (
        fact.slot == "services" and not canonical(fact.slot, fact.value)
    ):
        held = [
            r for r in run.profile.get("other_requirements") or [] if similar(fact.value, r, 0.5)
        ]
        return any(_norm(r)[:60] in text for r in held)
    if not holds(fact, run.profile, case):
        return False
    held = run.profile.get(fact.slot)
    if fact.key is not None and isinstance(held, dict):
        # hours for 'all' held as the same hours for every channel: any channel's shows them
        key = fact.key if fact.key in held else "all" if "all" in held else next(iter(held))
        shown = (
            _display(fact.slot, {key: held.get(key)})
            if fact.slot != "channel_mix"
            else f"{held.get(key):g}%"
        )
        return _norm(shown).split(": ")[-1] in text or _norm(str(held.get(key))) in text
    if isinstance(held, list):
        match = next((i for i in held if same(fact.slot, fact.value, i)), None)
        return match is not None and _norm(_item_text(match)) in text
    shown = _display(fact.slot, held)
    return bool(shown) and _norm(shown) in text


def _item_text(item: Any) -> str:
    return str(item.get("metric")) if isinstance(item, dict) else str(item)


def _display(slot: str, value: Any) -> str:
    """A value as the product writes it."""
    from assistant.interview.values import format_value, validate_value

    plan = _plan()
    if slot not in plan.slot_map or value is None:
        return ""
    try:
        return format_value(plan.slot(slot).type, validate_value(plan.slot(slot).type, value))
    except Exception:  # noqa: BLE001 - an expected shape the product does not use
        return str(value)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\\", "").replace("*", "")).strip().lower()


# --------------------------------------------------------------------------- the suite

SCORERS = {
    "facts_in_profile": facts_in_profile,
    "facts_in_rfp": facts_in_rfp,
    "corrections_honoured": corrections_honoured,
    "side_remarks_ignored": side_remarks_ignored,
    "asked_at_most_twice": asked_at_most_twice,
}


def run_split(split: str, understand=None) -> tuple[dict[str, list[tuple[str, float, str]]], int]:
    """Rows (case, value, reason) per metric over one split, and the count of questions put
    more than twice."""
    rows: dict[str, list[tuple[str, float, str]]] = {name: [] for name in SCORERS}
    repeated = 0
    with tempfile.TemporaryDirectory(prefix=f"procure-eval-unseen-{split}-") as tmp:
        for case in load_split(split):
            run = replay(case, Path(tmp) / case.id, understand)
            repeated += sum(n > 2 for n in question_counts(run).values())
            for name, scorer in SCORERS.items():
                score = scorer(case, run)
                if score.value is not None:
                    rows[name].append((case.id, score.value, "; ".join(score.misses)))
    return rows, repeated
