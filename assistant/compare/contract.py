"""Who owns the data, and how soon it is returned or deleted at exit."""

from __future__ import annotations

import re

from assistant.compare.fields import Found
from assistant.compare.fieldspec import FieldSpec
from assistant.compare.statements import Statement

_OWNS = re.compile(r"(\w+)(?:'s|’s)? (?:own|owns|retains? (?:full )?ownership of|is the owner of) "
                   r"(?:all )?(?:of )?(?:its |the |their |your )?(?:\w+ )?data", re.I)
_RETURN = re.compile(r"(?:delet|return|destroy|hand\w* over)\w*[^.]{0,80}?within (\d+) days", re.I)


def data_ownership(spec: FieldSpec, s: Statement) -> list[Found]:
    """'Larchmont owns all customer data; we return or delete it within 30 days of exit.'"""
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
