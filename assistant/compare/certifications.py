"""Certification and compliance status per framework: held, in progress, will sign, not held."""

from __future__ import annotations

import re

from assistant.compare.fields import Found
from assistant.compare.sentences import Sentence

FRAMEWORKS = {
    "cert_pci_dss": r"\bPCI(?:[- ]DSS)?\b",
    "cert_hipaa": r"\bHIPAA\b|business associate agreement|\bBAA\b",
    "cert_iso_27001": r"\bISO(?:/IEC)?[ -]?27001\b",
    "cert_soc2": r"\bSOC ?(?:2|II)\b",
    "cert_hitrust": r"\bHITRUST\b",
    "cert_gdpr": r"\bGDPR\b|data processing agreement|\bDPA\b",
}
# In priority order: where two cues overlap ("will not sign a"), the earlier one wins.
CUES = (
    ("via third party", r"via (?:a )?third[- ]party|third[- ]party tokeni[sz]ation|"
                        r"tokeni[sz]ation partner|out of (?:PCI )?scope|descop\w+"),
    ("not held", r"\bnot held\b|\b(?:does|do) not hold\b|\bnot (?:[\w/-]+ ){0,3}certified\b|"
                 r"\b(?:will|would) not sign\b|\bwon't sign\b|not something we offer|no plans to|"
                 r"\bnot (?:[\w/-]+ ){0,2}compliant\b|\b(?:does|do) not have\b"),
    ("in progress", r"in progress|under ?way|working towards?|pursuing|targeting|"
                    r"expected (?:by|in)|\bexpect (?:our|to)\b|scheduled|observation period|"
                    r"in the process|pending|"
                    r"\bplan(?:ned|s)? to (?:obtain|achieve|complete|certify)"),
    ("will sign", r"\b(?:will|would) sign\b|willing(?:ness)? to sign|\bsigns? (?:a|an|one)\b|"
                  r"\b(?:happy|prepared|ready|able) to (?:sign|execute)\b|"
                  r"\bsigned\b|\bwill (?:enter into|execute)\b|\boffer ours\b"),
    ("held", r"\bheld\b|\bholds?\b|\bcertified\b|\bcertification since\b|\bcompliant\b|"
             r"\bcomply\b|\blevel 1\b|attestation of compliance|report (?:completed|issued)|"
             r"\baccredited\b|\bassessed\b|\brecertified\b|\bwe bring\b|\battest\w*|"
             r"\baudited\b|\bachieved\b|\bmaintain\w*"),
)  # fmt: skip
_AGREEMENT = re.compile(r"agreement|\bBAA\b|\bDPA\b|clauses", re.I)


def certifications(s: Sentence) -> list[Found]:
    """Each framework mentioned, with the status word nearest to it in its clause."""
    if s.section not in ("offer", "company"):
        return []
    found: dict[tuple[str, str], Found] = {}
    for clause, bare_ok in _clauses(s):
        cues = _cues(clause)
        for key, pattern in FRAMEWORKS.items():
            for m in re.finditer(pattern, clause, re.I if key != "cert_gdpr" else 0):
                item = _status(key, clause, m, cues, bare_ok)
                if item and (key, item.normalised["type"]) not in found:
                    found[(key, item.normalised["type"])] = item
    return list(found.values())


def _clauses(s: Sentence) -> list[tuple[str, bool]]:
    """A row whose label names a framework is one clause; otherwise split on ';'.

    The flag says whether a bare mention counts (a framework listed in a security table).
    """
    if s.cells and _only_framework(s.label):
        return [(s.text, True)]
    listing = bool(s.cells) and bool(
        re.search(r"security|certif|complian|framework", s.label, re.I)
    )
    if listing:
        return [(part, _only_framework(part)) for part in re.split(r";", s.value_text)]
    return [(part, False) for part in re.split(r";", s.text)]


def _only_framework(text: str) -> bool:
    """True when text is just framework names (a listing such as 'SOC 2 Type II; HIPAA BAA')."""
    rest = text
    for pattern in FRAMEWORKS.values():
        rest = re.sub(pattern, " ", rest, flags=re.I)
    rest = re.sub(r"\btype\s*(?:ii|2|i|1)\b|[^\w]+", " ", rest, flags=re.I)
    return bool(text.strip()) and not rest.strip()


def _cues(clause: str) -> list[tuple[int, int, str]]:
    taken: list[tuple[int, int, str]] = []
    for status, pattern in CUES:
        for m in re.finditer(pattern, clause, re.I):
            if not any(m.start() < end and start < m.end() for start, end, _ in taken):
                taken.append((m.start(), m.end(), status))
    return taken


def _status(
    key: str, clause: str, mention: re.Match[str], cues: list, bare_ok: bool
) -> Found | None:
    """The status of one framework mention, or None when the clause says nothing about it."""
    kind = _soc_type(clause, mention.end()) if key == "cert_soc2" else ""
    if cues:
        status = _nearest_status(cues, mention)
        strength = 2
    elif bare_ok:
        status = (
            "will sign"
            if _AGREEMENT.search(clause) and key in ("cert_hipaa", "cert_gdpr")
            else "held"
        )
        strength = 1
    else:
        return None
    value = f"{status} ({kind})" if kind else status
    data = {"status": status, "type": kind, "strength": strength, "key": value}
    return Found(key, value, data)


def _nearest_status(cues: list[tuple[int, int, str]], mention: re.Match[str]) -> str:
    """The nearest cue; a qualifying cue close by ('compliant via third party') outranks it."""
    nearest = min(cues, key=lambda c: _distance(c, mention))
    close = [c for c in cues if c[2] in _QUALIFYING and _distance(c, mention) <= 30]
    return close[0][2] if close and nearest[2] not in _QUALIFYING else nearest[2]


_QUALIFYING = ("via third party", "not held", "in progress")


def _distance(cue: tuple[int, int, str], mention: re.Match[str]) -> int:
    start, end, _ = cue
    return max(start - mention.end(), mention.start() - end, 0)


def _soc_type(clause: str, position: int) -> str:
    m = re.match(r"[\s:,-]*type\s*(ii|2|i|1)\b", clause[position : position + 16], re.I)
    if not m:
        return ""
    return "Type II" if m.group(1).lower() in ("ii", "2") else "Type I"


EXTRACTORS = (certifications,)
