"""Extractors for contract terms and the pilot: term, notice, termination fee, exit, data, pilot."""

from __future__ import annotations

import re

from assistant.compare.fields import Found, fmt_money, fmt_number
from assistant.compare.normalise import (
    NUM,
    WORD_NUMBERS,
    convert,
    find_counts,
    find_durations,
    find_money,
    first_after,
    parse_number,
)
from assistant.compare.sentences import Sentence

_WORDNUM = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
TERM = re.compile(r"\b(?:initial |contract |minimum )*term\b(?:\s+(?:of|is|will be))?[\s:|]*", re.I)
TERM_BEFORE = re.compile(
    rf"\b({NUM}|{_WORDNUM})[- ](month|year)s?[- ](?:initial |contract )*term\b", re.I
)


def contract_term(s: Sentence) -> list[Found]:
    """The initial contract term in months ('initial term of 30 months', '24-month term')."""
    if s.section != "offer":
        return []
    months = None
    for m in TERM.finditer(s.text):
        duration = first_after(find_durations(s.text), m.end(), 0)
        if duration and duration.unit in ("months", "years"):
            months = duration.value * 12 if duration.unit == "years" else duration.value
            break
    if months is None and (m := TERM_BEFORE.search(s.text)):
        value = parse_number(m.group(1)) or 0
        months = value * 12 if m.group(2).lower() == "year" else value
    if months is None:
        return []
    text = f"{fmt_number(months)} months"
    return [Found("contract_term", text, {"months": months, "key": text})]


NOTICE = re.compile(r"'?s?\s*(?:written |prior )?notice", re.I)


def termination_notice(s: Sentence) -> list[Found]:
    """Notice to end the contract: for convenience, or to stop an automatic renewal."""
    if s.section != "offer" or not re.search(r"terminat|convenience|end the|renewal", s.text, re.I):
        return []
    found = []
    for clause in re.split(r";", s.text):
        for d in find_durations(clause):
            if not NOTICE.match(clause[d.end :]) or d.unit.split()[-1] not in (
                "days",
                "weeks",
                "months",
            ):
                continue
            kind = (
                "non-renewal"
                if re.search(r"renew", clause, re.I)
                and not re.search(r"terminat|convenience", clause, re.I)
                else "convenience"
            )
            days = round(convert(d.value, d.unit, "days"))
            data = {"kind": kind, "days": days, "key": f"{kind}: {days} days"}
            found.append(Found("termination_notice", f"{d.text} ({kind})", data))
            break
    return found[:1]


def termination_fee(s: Sentence) -> list[Found]:
    """What ending early for convenience costs: a sum, months of fees, the remaining minimum."""
    if s.section != "offer":
        return []
    if not re.search(r"terminat\w*|for convenience|early termination", s.text, re.I):
        return []
    if not re.search(r"\bfees?\b|\bpay(?:ing)?\b", s.text, re.I):
        return []
    money = [m for m in find_money(s.text) if m.unit is None]
    months = re.search(rf"\b({NUM}|{_WORDNUM}) months?'?s?'? (?:average |of )?fees", s.text, re.I)
    if money:
        m = money[0]
        data = {"kind": "fixed", "currency": m.currency, "amount": m.amount}
        text = fmt_money(m.currency, m.amount)
    elif months:
        count = parse_number(months.group(1)) or 0
        data = {"kind": "months of fees", "months": count}
        text = (
            f"{fmt_number(count)} month's fees"
            if count == 1
            else f"{fmt_number(count)} months' fees"
        )
    elif re.search(r"paying the minimum[^.]{0,40}remaining", s.text, re.I):
        data = {"kind": "remaining minimum billing"}
        text = "minimum billing for the rest of the term"
    elif re.search(r"\bno (?:termination )?fee", s.text, re.I):
        data = {"kind": "none"}
        text = "none"
    else:
        return []
    data["key"] = text
    return [Found("termination_fee", text, data)]


def exit_assistance(s: Sentence) -> list[Found]:
    """How long exit or transition support lasts, and whether it is included in the price."""
    trigger = re.search(
        r"exit (?:assistance|support|management)|transition (?:support|assistance)", s.text, re.I
    )
    if s.section != "offer" or not trigger:
        return []
    durations = [
        d for d in find_durations(s.text) if d.unit.split()[-1] in ("days", "weeks", "months")
    ]
    if not durations:
        return []
    d = min(durations, key=lambda x: abs(x.start - trigger.start()))
    days = round(convert(d.value, d.unit, "days"))
    data: dict = {"days": days, "key": f"{days} days"}
    if re.search(
        r"included|no (?:additional )?charge|at no (?:extra )?cost|free of charge", s.text, re.I
    ):
        data["cost"] = "included"
    elif re.search(
        r"at (?:the |our )?(?:normal |standard )?rates|chargeable|at cost|billed", s.text, re.I
    ):
        data["cost"] = "chargeable"
    cost = f", {data['cost']}" if "cost" in data else ""
    return [Found("exit_assistance", f"{d.text}{cost}", data)]


def data_ownership(s: Sentence) -> list[Found]:
    """Who owns the data, and how soon it is returned or deleted at exit."""
    owns = re.search(
        r"(\w+)(?:'s)? owns? (?:all )?(?:of )?(?:its |the |their )?(?:\w+ )?data", s.text
    )
    if s.section != "offer" or not owns:
        return []
    subject = owns.group(1).lower()
    owner = "vendor" if subject in ("we", s.vendor.split()[0].lower()) else "client"
    data: dict = {"owner": owner, "key": owner}
    if d := re.search(r"(?:delet|return)\w*[^.]{0,80}?within (\d+) days", s.text, re.I):
        data["return_days"] = int(d.group(1))
    extra = (
        f"; returned or deleted within {data['return_days']} days" if "return_days" in data else ""
    )
    return [Found("data_ownership", f"{owner} owns the data{extra}", data)]


NO_PILOT = re.compile(
    r"(?:does|do|will) not (?:offer|propose|provide|include) (?:a |any )?"
    r"(?:pilot|proof of concept|trial)"
    r"|\bno (?:pilot|trial)\b(?! costs?| fees?| charges?)",
    re.I,
)
PILOT_LENGTH = re.compile(
    rf"\b({NUM}|{_WORDNUM})[- ](day|week|month)s?[- ](?:paid |free )?"
    rf"(?:pilot|trial|proof of concept)"
    rf"|(?:pilot|trial)s? (?:of|lasting|for) ({NUM}|{_WORDNUM}) (day|week|month)s?\b",
    re.I,
)
PILOT_SIZE = re.compile(
    rf"(?:pilot|trial)\b[^.]{{0,25}}?\bwith ({NUM}|{_WORDNUM}) (agents?|ftes?|seats?)", re.I
)


def pilot(s: Sentence) -> list[Found]:
    """Pilot offered or not, its length in days and its size in agents."""
    if s.section != "offer":
        return []
    if NO_PILOT.search(s.text):
        return [Found("pilot_length", "no pilot offered", {"offered": False, "key": "none"})]
    found = []
    if length := _pilot_days(s):
        days = length
        data = {"offered": True, "days": days, "key": f"{fmt_number(days)} days"}
        found.append(Found("pilot_length", f"{fmt_number(days)} days", data))
    if size := _pilot_size(s):
        found.append(
            Found(
                "pilot_size",
                f"{fmt_number(size)} agents",
                {"agents": size, "key": fmt_number(size)},
            )
        )
    return found


def _pilot_days(s: Sentence) -> float | None:
    if m := PILOT_LENGTH.search(s.text):
        number, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return round(convert(parse_number(number) or 0, unit.lower() + "s", "days"))
    in_pilot = re.match(r"(pilot|trial)\b", s.label, re.I) or (
        re.search(r"pilot|trial", s.heading, re.I) and re.match(r"length|duration", s.label, re.I)
    )
    if s.cells and in_pilot:
        d = first_after(find_durations(s.value_text), 0, 5)
        if d and d.unit in ("days", "weeks", "months"):
            return round(convert(d.value, d.unit, "days"))
    return None


def _pilot_size(s: Sentence) -> float | None:
    if m := PILOT_SIZE.search(s.text):
        return parse_number(m.group(1))
    in_pilot = re.match(r"(pilot|trial)\b", s.label, re.I) or (
        re.search(r"pilot|trial", s.heading, re.I)
        and re.match(r"team|size|agents|headcount", s.label, re.I)
    )
    if s.cells and in_pilot:
        counts = find_counts(s.value_text, r"agents?|ftes?|seats?")
        return counts[0].value if counts else None
    return None


EXTRACTORS = (
    contract_term,
    termination_notice,
    termination_fee,
    exit_assistance,
    data_ownership,
    pilot,
)
