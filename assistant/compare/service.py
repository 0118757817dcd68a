"""Service levels per channel: the share answered within a time ('80% in 20 seconds', '80/20'),
an average speed of answer, or a response time ('emails answered within 24 hours')."""

from __future__ import annotations

import re

from assistant.compare.fields import Found, fmt_number
from assistant.compare.fieldspec import FieldSpec
from assistant.compare.statements import Statement
from assistant.reading.quantities import duration_seconds

_RESPONSE = re.compile(r"\b(?:answer\w*|respon\w*|repl\w*|acknowledg\w*|turnaround|handled|"
                       r"resolved|within|speed of answer|service level|grade of service)\b", re.I)
_NOT_SPEED = re.compile(r"incident|breach|coaching|recover|restor|callback|delet|notif|escalat", re.I)
_ASA = re.compile(r"average speed of answer|\bASA\b", re.I)


def service_levels(spec: FieldSpec, s: Statement) -> list[Found]:
    """This channel's service level in one statement."""
    if s.section != "offer" or _NOT_SPEED.search(s.text):
        return []
    channels = [m.value["name"] for m in s.of("channel") if m.status != "other_client"]
    if spec.channel not in channels or len(set(channels) & {"voice", "chat", "email"}) > 1:
        return []
    levels = [m for m in s.of("service_level") if m.status not in ("other_client", "negated")]
    if levels:
        value = levels[0].value
        text = f"{fmt_number(value['percent'])}% within {_seconds_text(value['seconds'])}"
        data = {"channel": spec.channel, "percent": value["percent"], "within_seconds": value["seconds"], "key": text}
        return [Found(spec.key, text, data)]
    times = [m for m in s.of("duration") if m.status not in ("other_client", "negated")
             and m.value["unit"] in ("seconds", "minutes", "hours", "days")]
    if not times or not _RESPONSE.search(s.text):
        return []
    seconds = duration_seconds(times[0].value)
    data: dict = {"channel": spec.channel}
    if times[0].value.get("business"):
        data["business_time"] = True
    if _ASA.search(s.text):
        data["asa_seconds"] = seconds
        text = f"average speed of answer {times[0].text}"
    else:
        data["within_seconds"] = seconds
        text = f"within {times[0].text}"
    data["key"] = text
    return [Found(spec.key, text, data)]


def _seconds_text(seconds: float) -> str:
    for unit, size in (("hours", 3600), ("minutes", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{fmt_number(seconds / size)} {unit}"
    return f"{fmt_number(seconds)} seconds"


READERS = {"service_levels": service_levels}
