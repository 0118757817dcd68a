"""Service levels per channel: the share answered within a time ('80% in 20 seconds', '80/20'),
an average speed of answer, or a response time ('emails answered within 24 hours')."""

from __future__ import annotations

import re

from assistant.compare.fields import Found, fmt_number
from assistant.compare.fieldspec import FieldSpec
from assistant.reading.quantities import duration_seconds
from assistant.reading.statements import Statement

_RESPONSE = re.compile(r"\b(?:answer\w*|respon\w*|repl\w*|acknowledg\w*|turnaround|handled|"
                       r"resolved|within|speed of answer|service level|grade of service)\b", re.I)
_NOT_SPEED = re.compile(r"incident|breach|coaching|recover|restor|callback|delet|notif|escalat", re.I)
_ASA = re.compile(r"average speed of answer|\bASA\b", re.I)


def service_levels(spec: FieldSpec, s: Statement) -> list[Found]:
    """This channel's service level in one statement."""
    if s.section != "offer" or _NOT_SPEED.search(s.text):
        return []
    channels = [m.value["name"] for m in s.of("channel") if m.status != "other_client"]
    channels += _channels_inside(s)
    if spec.channel not in channels or len(set(channels) & {"voice", "chat", "email"}) > 1:
        return []
    levels = [m.value for m in s.of("service_level") if m.status not in ("other_client", "negated")]
    if not levels and s.cell is not None:
        levels = _across_headers(s)
    if levels:
        value = levels[0]
        business = any(m.value.get("business") for m in s.of("duration"))
        within = _seconds_text(value["seconds"]).replace(" hours", " business hours" if business else " hours")
        text = f"{fmt_number(value['percent'])}% within {within}"
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


def _channels_inside(s: Statement) -> list[str]:
    """Channels named inside a service level's own words ('95% of emails within 6 hours')."""
    from assistant.reading.vocab import find_terms

    return [t.name for m in s.of("service_level") for t in find_terms(m.text, ("channel",))]


def _across_headers(s: Statement) -> list[dict]:
    """A table row 'Calls answered within 30 seconds' whose cell says '80%': one service level."""
    percents = [m for m in s.of("percent") if m.status not in ("other_client", "negated")]
    times = [m for m in s.of("duration") if m.status not in ("other_client", "negated")
             and m.value["unit"] in ("seconds", "minutes", "hours", "days")]
    if len(percents) == 1 and len(times) == 1 and _RESPONSE.search(s.text):
        return [{"percent": percents[0].value["value"], "seconds": duration_seconds(times[0].value)}]
    return []


def _seconds_text(seconds: float) -> str:
    """Seconds up to two minutes, minutes up to two hours, then hours."""
    if seconds < 120 or seconds % 60:
        return f"{fmt_number(seconds)} seconds"
    if seconds < 7200 or seconds % 3600:
        return f"{fmt_number(seconds / 60)} minutes"
    return f"{fmt_number(seconds / 3600)} hours"


READERS = {"service_levels": service_levels}
