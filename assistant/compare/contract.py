"""Who owns the data, and how soon it is returned or deleted at exit."""

from __future__ import annotations

import re

from assistant.compare.fields import Found
from assistant.compare.fieldspec import FieldSpec
from assistant.reading.statements import Statement

_OWNS = re.compile(r"(\w+)(?:'s|’s)? (?:own|owns|retains? (?:full )?ownership of|is the owner of) "
                   r"(?:all )?(?:of )?(?:its |the |their |your )?(?:\w+ )?data", re.I)
_RETURN = re.compile(r"(?:delet|return|destroy|hand\w* over)\w*[^.]{0,80}?within (\d+) days", re.I)


def data_ownership(spec: FieldSpec, s: Statement) -> list[Found]:
    """'The client owns its data; we return or delete it within <n> days of termination.'"""
    owns = _OWNS.search(s.text)
    if s.section != "offer" or not owns:
        return []
    subject = owns.group(1).lower()
    owner = "vendor" if subject in ("we", s.vendor.split()[0].lower()) else "client"
    data: dict = {"owner": owner, "key": owner}
    if m := _RETURN.search(s.text):
        data["return_days"] = int(m.group(1))
    extra = f"; returned or deleted within {data['return_days']} days" if "return_days" in data else ""
    return [Found(spec.key, f"{owner} owns the data{extra}", data)]


READERS = {"data_ownership": data_ownership}


_FEE = re.compile(r"termination (?:fee|charge|payment)|early termination|exit fee|break fee|"
                  r"terminat\w+ for convenience|for convenience[^.]*\bfees?\b", re.I)
_OF_FEES = re.compile(r"['’]?s?['’]?\s+(?:average |of |worth of )?(?:fees|charges|billing|invoic)", re.I)
_REMAINING = re.compile(r"remaining|rest of the term|balance of the term|unexpired", re.I)
_NO_FEE = re.compile(r"\bno (?:termination |early termination )?(?:fee|charge|penalty)|without (?:any )?(?:fee|penalty|charge)", re.I)


def termination_fee(spec: FieldSpec, s: Statement) -> list[Found]:
    """What ending early for convenience costs: a sum, some months of fees, the remaining
    minimum, or nothing."""
    from assistant.compare.fields import fmt_money, fmt_number

    if s.section != "offer" or not _FEE.search(s.text):
        return []
    money = [m for m in s.of("money") if m.status not in ("other_client", "negated") and m.value.get("amount")]
    months = [m for m in s.of("duration") if m.value["unit"] == "months" and _OF_FEES.match(s.text, m.end)]
    if money and money[0].value.get("unit") in (None, "one_time"):
        value = money[0].value
        text = fmt_money(value["currency"], value["amount"])
        data = {"kind": "fixed", "currency": value["currency"], "amount": value["amount"]}
    elif months:
        count = months[0].value["amount"]
        text = f"{fmt_number(count)} month's fees" if count == 1 else f"{fmt_number(count)} months' fees"
        data = {"kind": "months of fees", "months": count}
    elif _REMAINING.search(s.text) and re.search(r"minimum", s.text, re.I):
        text, data = "minimum billing for the rest of the term", {"kind": "remaining minimum billing"}
    elif _NO_FEE.search(s.text):
        text, data = "none", {"kind": "none"}
    else:
        return []
    data["key"] = text
    return [Found(spec.key, text, data)]


READERS["termination_fee"] = termination_fee
