"""Extractors for service levels, KPIs, service credits, workforce and business continuity."""

from __future__ import annotations

import re

from assistant.compare.fields import Found, channels_in, fmt_number
from assistant.compare.normalise import (
    Amount,
    convert,
    find_durations,
    find_percents,
    first_after,
    parse_number,
)
from assistant.compare.sentences import Sentence

SPEED = re.compile(r"answer|respon|repl(?:y|ies)|service level|within|speed of answer", re.I)
ASA = re.compile(r"average speed of answer|\bASA\b", re.I)
NOT_SPEED = re.compile(r"incident|breach|coaching|recover|restor|callback|delet|notif", re.I)


def service_levels(s: Sentence) -> list[Found]:
    """Per channel: 'N% within T' or an average speed of answer."""
    if s.section != "offer" or not SPEED.search(s.text) or NOT_SPEED.search(s.text):
        return []
    channels = channels_in(s.label if s.cells else s.text)
    times = [
        d for d in find_durations(s.text) if d.unit.split()[-1] in ("seconds", "minutes", "hours")
    ]
    if len(channels) != 1 or not times:
        return []
    channel = channels[0]
    data: dict = {
        "channel": channel,
        "within_seconds": convert(times[0].value, times[0].unit, "seconds"),
    }
    if times[0].unit.startswith(("business", "working")):
        data["business_time"] = True
    if ASA.search(s.text):
        data["asa_seconds"] = data.pop("within_seconds")
        text = f"average speed of answer {times[0].text}"
    else:
        percent = _sl_percent(s.text, times[0])
        if percent is None:
            return []
        data["percent"] = percent
        text = f"{fmt_number(percent)}% within {times[0].text}"
    data["key"] = text
    return [Found(f"sl_{channel}", text, data)]


def _sl_percent(text: str, time: Amount) -> float | None:
    """The share a speed target promises: the percent nearest the time, or '80/20' notation."""
    percents = [
        p for p in find_percents(text) if not re.search(r"abandon", text[p.end : p.end + 25])
    ]
    if percents:
        return min(percents, key=lambda p: abs(p.start - time.start)).value
    if m := re.search(r"\b(\d{2})/(\d{2,3})\b", text):
        return float(m.group(1))
    return None


def _percent_kpi(field: str, trigger: str, exclude: str | None = None, within: int = 80):
    """An extractor for a percent that follows a KPI name ('FCR ... 74%')."""
    pattern = re.compile(trigger, re.I)

    def extract(s: Sentence) -> list[Found]:
        match = pattern.search(s.text)
        if s.section != "offer" or not match or (exclude and re.search(exclude, s.text, re.I)):
            return []
        percent = first_after(find_percents(s.text), match.end(), within)
        if percent is None:
            return []
        value = percent.value
        return [Found(field, f"{fmt_number(value)}%", {"percent": value, "key": fmt_number(value)})]

    extract.__name__ = field
    return extract


fcr = _percent_kpi("fcr", r"first (?:contact|call) resolution|\bFCR\b")
csat = _percent_kpi("csat", r"customer satisfaction|\bCSAT\b")
qa_target = _percent_kpi(
    "qa_target", r"quality (?:accuracy )?score|\bQA score|quality target", r"below|coaching"
)
abandonment = _percent_kpi("abandonment", r"abandon\w*", within=40)
attrition = _percent_kpi("attrition", r"\battrition\b", r"\baim|target|reduce|bring it")


def abandonment_any(s: Sentence) -> list[Found]:
    """Abandonment with the percent before the word ('no more than 3% of callers abandoning')."""
    found = abandonment(s)
    if found or s.section != "offer" or not re.search(r"abandon", s.text, re.I):
        return found
    match = re.search(r"abandon", s.text, re.I)
    before = [p for p in find_percents(s.text) if 0 < match.start() - p.end < 40]  # type: ignore[union-attr]
    if not before:
        return []
    value = before[-1].value
    return [
        Found("abandonment", f"{fmt_number(value)}%", {"percent": value, "key": fmt_number(value)})
    ]


def nps(s: Sentence) -> list[Found]:
    """A Net Promoter Score, and whose (clients' or customers')."""
    match = re.search(r"net promoter(?: score)?|\bNPS\b", s.text, re.I)
    if s.section not in ("offer", "company") or not match:
        return []
    m = re.search(r"(?<![\w.])([+-]?\d{1,3})(?![\d.,%])", s.text[match.end() : match.end() + 40])
    if not m:
        return []
    value = parse_number(m.group(1)) or 0.0
    basis = "client survey" if re.search(r"\bclients?\b", s.text, re.I) else "customers"
    data = {"score": value, "basis": basis, "key": fmt_number(value)}
    return [Found("nps", f"{m.group(1)} ({basis})", data)]


def credit_cap(s: Sentence) -> list[Found]:
    """The most service credits can take from a month's fees."""
    cap = re.search(
        r"\b(?:capped at|cap of|maximum|max\.?|up to|limited to|not exceed)", s.text, re.I
    )
    if s.section != "offer" or not cap or not re.search(r"credit", s.text, re.I):
        return []
    percent = first_after(find_percents(s.text), cap.start(), 60)
    if percent is None:
        return []
    value = percent.value
    return [
        Found(
            "credit_cap",
            f"{fmt_number(value)}% of monthly fees",
            {"percent": value, "key": fmt_number(value)},
        )
    ]


def earn_back(s: Sentence) -> list[Found]:
    """Whether missed-SLA credits can be earned back."""
    if s.section != "offer" or not re.search(r"earn[- ]?back|earn back", s.text, re.I):
        return []
    if re.search(r"\bno earn[- ]?back|not (?:be )?earn", s.text, re.I):
        return [Found("earn_back", "no", {"available": False, "key": "no"})]
    return [Found("earn_back", "yes", {"available": True, "key": "yes"})]


def tenure(s: Sentence) -> list[Found]:
    """Average agent tenure in years."""
    match = re.search(r"tenure|has been with us for|length of service", s.text, re.I)
    if s.section != "offer" or not match or not re.search(r"\baverage\b", s.text, re.I):
        return []
    if re.search(r"team leaders?", s.text[: match.start()], re.I):
        return []
    duration = first_after(find_durations(s.text), match.end(), 40)
    if duration is None:
        return []
    years = convert(duration.value, duration.unit, "years")
    return [
        Found(
            "tenure",
            f"{fmt_number(round(years, 2))} years",
            {"years": round(years, 2), "key": fmt_number(round(years, 2))},
        )
    ]


def _objective(field: str, trigger: str):
    pattern = re.compile(trigger, re.I)

    def extract(s: Sentence) -> list[Found]:
        match = pattern.search(s.text)
        if s.section != "offer" or not match:
            return []
        duration = first_after(find_durations(s.text), match.end(), 40)
        if duration is None:
            return []
        hours = convert(duration.value, duration.unit, "hours")
        data = {"hours": round(hours, 4), "key": fmt_number(round(hours, 4))}
        return [Found(field, duration.text, data)]

    extract.__name__ = field
    return extract


rto = _objective("rto", r"recovery time objective|\bRTO\b")
rpo = _objective("rpo", r"recovery point objective|\bRPO\b")

EXTRACTORS = (
    service_levels, fcr, csat, qa_target, abandonment_any, attrition, nps, credit_cap, earn_back,
    tenure, rto, rpo,
)  # fmt: skip
