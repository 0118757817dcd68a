"""Certification and compliance status per framework: held, will sign, in progress, via a
third party, conditional, not held — from the assertion status the reading layer gives each
framework mention, where the statement says something about holding it."""

from __future__ import annotations

import re
from functools import cache

from assistant.compare.fields import CERT_FRAMEWORKS, Found
from assistant.compare.fieldspec import FieldSpec
from assistant.reading.lexicon import vocabulary
from assistant.reading.statements import Statement

STATUS = {"affirmed": "held", "negated": "not held", "planned": "in progress",
          "third_party": "via third party", "conditional": "conditional", "hedged": "conditional"}
_SIGN = re.compile(r"\bsign(?:s|ed|ing)?\b|\bexecute[sd]?\b|\benter into\b|\bagree to\b", re.I)
_TRAINING = re.compile(r"[\s-]*(?:training|trained|awareness|course|modules?)\b", re.I)
_AGREEMENT = re.compile(r"\bagreements?\b|\bBAAs?\b|\bDPAs?\b|\baddendum\b|contractual clauses", re.I)
_HEADER = re.compile(r"certif|complian|framework|standard|accreditation|security|attestation|"
                     r"regulat|status|held", re.I)


@cache
def _holding() -> re.Pattern[str]:
    words = vocabulary("frameworks").holding_words
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)


def _family(name: str) -> str:
    """'SOC 2 Type II' belongs to the SOC 2 row; every other framework to its own."""
    return "SOC 2" if name.startswith("SOC 2") else name


def certifications(spec: FieldSpec, s: Statement) -> list[Found]:
    """The framework of this row, with the status the statement asserts about it."""
    if s.section not in ("offer", "company"):
        return []
    framework = CERT_FRAMEWORKS[spec.key]
    term = vocabulary("frameworks").term(framework)
    found: dict[str, Found] = {}
    mentions = [m for m in s.of("framework") if _family(m.value["name"]) == framework]
    if any(m.status != "affirmed" for m in mentions):
        # '<framework>: <vendor> is not <framework> certified' — the first mention is only a label
        mentions = [m for m in mentions if m.status != "affirmed"]
    for m in mentions:
        if m.status == "other_client" or _TRAINING.match(s.text, m.end):
            continue  # 'HIPAA training' holds nothing
        in_table = bool(s.cell) and bool(_HEADER.search(f"{s.label} {s.column}") or _HEADER.search(s.heading))
        said = m.status != "affirmed" or _holding().search(_clause(s.text, m.start, m.end))
        if not (said or in_table):
            continue  # named, not claimed
        status = STATUS[m.status]
        if term is not None and term.agreement and status in ("held", "in progress") and (
            _SIGN.search(s.text) or _AGREEMENT.search(s.text)
        ):
            status = "will sign"  # a BAA or a DPA is signed with the client, not held
        kind = _soc_type(m.value["name"])
        value = f"{status} ({kind})" if kind else status
        data = {"status": status, "type": kind, "strength": 2 if said else 1, "key": value}
        found.setdefault(value, Found(spec.key, value, data))
    return list(found.values())


def _clause(text: str, start: int, end: int) -> str:
    left = max(text.rfind(";", 0, start), text.rfind(". ", 0, start)) + 1
    right = min([i for i in (text.find(";", end), text.find(". ", end)) if i >= 0] or [len(text)])
    return text[left:right]


def _soc_type(name: str) -> str:
    return name.removeprefix("SOC 2").strip() if name.startswith("SOC 2 Type") else ""


READERS = {"certifications": certifications}
