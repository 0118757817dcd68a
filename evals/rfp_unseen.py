"""The RFP suite on unseen buyer cases (evals/cases/rfp_unseen/{dev,test}.yaml, rfp-B1).

Each case states what a buyer said (structured facts and its own words) and what a procurement
lead expects in the RFP. The buyer's facts become a requirements profile (slots with must/nice
marks) plus the facts the profile has no slot for (country, time zone, currency, fixed dates);
the RFP and its workbooks are drafted from them. Metrics, each a pure function of (case, run):
- sections: expected sections found among the draft's headings (content words);
- mandatory: expected pass/fail items found in a requirement marked M;
- desirable: expected scored items found in a requirement marked D (never M);
- excluded_clean: no requirement, question or rate-card line names a delivery model the buyer
  excluded (the requirement stating the exclusion aside);
- timetable: every step a working day of the buyer's country, outside the year-end closure,
  after the one before; the buyer's dates kept; no pilot steps when it declined one, the pilot
  after its award;
- rate_card: expected channel x language x delivery rows present (optional ones marked so);
- currency: the rate card and the pricing text in the buyer's currency;
- weights: the buyer's weights in the evaluation table, or defaults stated as defaults;
- public_wording: a public body's wording exactly when the buyer is public, in its country's
  tradition (a US or Canadian solicitation with respondents or proponents, elsewhere an
  invitation to tender with suppliers).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from assistant.interview import Profile
from assistant.knowledge import load_guidance
from assistant.reading.mentions import read
from assistant.resources import read_yaml
from assistant.rfp import draft_from_profile, render_markdown
from assistant.rfp.draft import BuyerFacts
from assistant.rfp.model import RfpDocument
from assistant.rfp.scoring import content_words

UNSEEN_DIR = Path(__file__).resolve().parent / "cases" / "rfp_unseen"
SPLITS = ("dev", "test")
METRICS = ("sections", "mandatory", "desirable", "excluded_clean", "timetable", "rate_card", "currency",
           "weights", "public_wording")  # fmt: skip
MATCH_SHARE = 0.5
MODELS = ("onshore", "nearshore", "offshore")
PRICING = (("fte", "per FTE"), ("hour", "per hour"), ("minute", "per minute"), ("outcome", "outcome-based"),
           ("contact", "per transaction"), ("transaction", "per transaction"), ("call", "per transaction"),
           ("fixed", "fixed fee"))  # fmt: skip
Score = tuple[float, str]


@dataclass(frozen=True)
class Run:
    """One drafted case: the document, its Markdown and the buyer's facts."""

    document: RfpDocument
    text: str
    facts: BuyerFacts


def load_split(split: str, directory: Path = UNSEEN_DIR) -> list[dict[str, Any]]:
    """The cases of one split."""
    return read_yaml(directory / f"{split}.yaml")


def _country_name(code: str) -> str:
    from babel import Locale

    return Locale("en").territories.get(code.upper(), code)


def _duration(text: str | None) -> dict[str, Any] | None:
    match = re.search(r"(\d+(?:\.\d+)?)\s*(?:business |working )?(minute|hour|day|week)s?", text or "", re.I)
    if not match:
        return None
    return {"amount": float(match.group(1)), "unit": match.group(2).lower() + "s"}


def _seconds(text: str | None) -> float | None:
    duration = _duration(text)
    if duration is None:
        return None
    scale = {"minutes": 60, "hours": 3600, "days": 86400, "weeks": 604800}[duration["unit"]]
    return duration["amount"] * scale


def _set(profile: Profile, name: str, slot_type: str, value: Any, priority=None, items=None) -> None:
    """Fill a slot; a value the slot type refuses is left out (and shows as an open point)."""
    if value in (None, [], {}, ""):
        return
    try:
        profile.set(name, slot_type, value, 1, "", priority=priority, item_priority=items)
    except (ValueError, TypeError):
        pass


def _listed(profile: Profile, name: str, group: dict[str, list[str]] | None) -> None:
    group = group or {}
    must, nice = list(group.get("must") or []), list(group.get("nice") or [])
    items = {**{i: "must" for i in must}, **{i: "nice" for i in nice}}
    _set(profile, name, "list[str]", must + nice, items=items)


# An exclusion that keeps part of a model open ("nearshore outside the EU", "offshore except
# India", "nearshore for the premium line") is not the whole model excluded.
_PART_OF_MODEL = re.compile(r"\b(?:outside|except|other than|apart from|only|for)\b", re.I)


def _models_named(entry: str) -> list[str]:
    """The delivery and work models an entry names, as the reading layer names them
    ("onshore (Canada)" -> onshore, "work-from-home" -> work from home)."""
    return [m.value["name"] for m in read(entry) if m.kind == "delivery_model"]


def _allowed_models(entries: list[str]) -> list[str]:
    """Each allowed entry's delivery model, as the interview would read it."""
    return list(dict.fromkeys(m for entry in entries for m in _models_named(entry)[:1] if m in MODELS))


def _excluded_models(entries: list[str]) -> list[str]:
    """A whole model where an entry rules one out; the entry's own words where it rules out only
    part of one (kept so the draft can still say so)."""
    out = []
    for entry in entries:
        named = _models_named(entry)
        out.append(named[0] if len(named) == 1 and not _PART_OF_MODEL.search(entry) else entry)
    return list(dict.fromkeys(out))


def _places(group: dict[str, list[str]] | None) -> dict[str, str]:
    """Delivery places (country, else the place's name) with must/nice, as the interview reads
    them from the buyer's words ("India or the Philippines, in secure centres" -> India,
    Philippines)."""
    places: dict[str, str] = {}
    for priority in ("must", "nice"):
        for entry in (group or {}).get(priority) or []:
            for mention in read(entry):
                if mention.kind == "location" and mention.status == "affirmed":
                    places.setdefault(mention.value.get("country") or mention.value["name"], priority)
    return places


def profile_of(buyer: dict[str, Any]) -> tuple[Profile, BuyerFacts]:
    """The buyer's facts as a requirements profile, and the facts no slot holds."""
    profile = Profile()
    _set(profile, "company_name", "text", buyer["organisation"])
    _set(profile, "industry", "enum", buyer.get("sector"))
    _set(profile, "public_sector", "bool", bool(buyer.get("public_sector")))
    _set(profile, "procurement_procedure", "text", buyer.get("procedure"))
    _set(profile, "customer_regions", "list[str]", [_country_name(buyer["country"])])
    volumes = buyer.get("volumes") or {}
    total = sum(volumes.values())
    _set(profile, "channels", "list[str]", list(volumes))
    if total:
        _set(profile, "monthly_volume", "int", total)
        _set(profile, "channel_mix", "channel_mix", {k: round(100 * v / total, 1) for k, v in volumes.items()})
        minutes = buyer.get("handle_minutes") or {}
        if minutes:
            weighted = sum(minutes.get(k, 0) * v for k, v in volumes.items()) / total
            _set(profile, "average_handle_time", "duration", {"amount": round(weighted, 1), "unit": "minutes"})
    _set(profile, "peak_periods", "text", buyer.get("peaks"))
    _set(profile, "channel_hours", "channel_hours", buyer.get("hours"))
    _listed(profile, "languages", buyer.get("languages"))
    models = buyer.get("delivery_models") or {}
    _set(profile, "shore_model", "list[str]", _allowed_models(models.get("allowed") or []))
    _set(profile, "excluded_shore_models", "list[str]", _excluded_models(models.get("excluded") or []), priority="must")
    places = _places(buyer.get("locations"))
    _set(profile, "delivery_locations", "list[str]", list(places), items=places)
    _listed(profile, "compliance_frameworks", buyer.get("compliance"))
    _service_levels(profile, buyer.get("service_levels") or [])
    quality = buyer.get("quality") or {}
    _set(profile, "csat_target", "percent", quality.get("csat_target"))
    _set(profile, "qa_evaluations_per_agent", "int", quality.get("qa_sample_per_agent_month"))
    technology = buyer.get("technology") or {}
    _set(profile, "tech_platforms", "list[str]", technology.get("platforms"))
    who = (technology.get("who_provides") or "").lower()
    _set(profile, "platform_owner", "enum", "we provide" if who.startswith("buyer") else
         "vendor provides" if who.startswith(("vendor", "supplier")) else None)
    _set(profile, "attrition_max", "percent", (buyer.get("workforce") or {}).get("attrition_max_percent"))
    model = ((buyer.get("pricing") or {}).get("model") or "").lower()
    _set(profile, "pricing_model", "enum", next((v for k, v in PRICING if k in model), None))
    pilot = buyer.get("pilot") or {}
    _set(profile, "pilot_wanted", "bool", pilot.get("wanted"))
    if pilot.get("length_weeks"):
        _set(profile, "pilot_duration", "duration", {"amount": pilot["length_weeks"], "unit": "weeks"})
    contract = buyer.get("contract") or {}
    if contract.get("term_months"):
        _set(profile, "contract_term", "duration", {"amount": contract["term_months"], "unit": "months"})
    _set(profile, "contract_renewal", "renewal", _renewal(contract.get("renewals")))
    if contract.get("notice_days"):
        _set(profile, "termination_notice", "duration", {"amount": contract["notice_days"], "unit": "days"})
    _set(profile, "evaluation_weights", "weights", buyer.get("evaluation_weights"))
    own = {**{t: "must" for t in buyer.get("must_haves_in_own_words") or []},
           **{t: "nice" for t in buyer.get("nice_to_haves_in_own_words") or []}}
    _set(profile, "other_requirements", "notes", list(own), items=own)
    _set(profile, "tupe_applies", "bool", buyer.get("tupe_applies"))
    dates = {k: v for k, v in (buyer.get("buyer_dates") or {}).items() if isinstance(v, date)}
    if "go_live" in dates:
        _set(profile, "go_live_date", "text", f"{dates['go_live'].day} {dates['go_live']:%B %Y}")
    facts = BuyerFacts(buyer["country"], buyer.get("time_zone"), buyer.get("currency"), dates)
    return profile, facts


def _service_levels(profile: Profile, levels: list[dict[str, Any]]) -> None:
    for level in levels:
        name = str(level.get("channel", "")).lower()
        slot = ("service_level_voice" if "voice" in name or "call" in name else
                "service_level_chat" if "chat" in name else
                "service_level_email" if "mail" in name or "message" in name else None)
        if slot is None or profile.has(slot) or level.get("metric"):
            continue
        seconds = level.get("seconds") or _seconds(level.get("within"))
        if seconds:
            priority = "must" if level.get("must") else "nice"
            _set(profile, slot, "service_level", {"percent": level.get("percent"), "seconds": seconds},
                 priority=priority)


def _renewal(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    words = {"one": 1, "two": 2, "three": 3, "an": 1, "a": 1}
    count = next((n for w, n in words.items() if re.search(rf"\b{w}\b", text, re.I)), 1)
    length = re.search(r"(\d+)[- ]month", text)
    return {"count": count, "amount": float(length.group(1)), "unit": "months"} if length else {"count": count}


def run_case(case: dict[str, Any]) -> Run:
    """Draft the case's RFP from its buyer facts, issued on the case's date."""
    profile, facts = profile_of(case["buyer"])
    document = draft_from_profile(profile, load_guidance(), today=case["buyer"]["today"], buyer=facts)
    return Run(document, render_markdown(document), facts)


# --- metrics ------------------------------------------------------------------------------


def _words(text: str) -> set[str]:
    """Content words, plus numbers and acronyms ("80", "SOC", "PCI"), which carry an item's
    meaning as much as its words."""
    numbers = set(re.findall(r"\d+(?:\.\d+)?", text))
    acronyms = {w.lower() for w in re.findall(r"\b[A-Z][A-Z0-9]{1,5}\b", text)}
    return content_words(text) | numbers | acronyms


def _found(item: str, text: str) -> bool:
    words = _words(item)
    return bool(words) and len(words & _words(text)) / len(words) >= MATCH_SHARE


def _share(passed: list[str], failed: list[str]) -> Score:
    total = len(passed) + len(failed)
    return (len(passed) / total if total else 1.0), ("; ".join(failed) or "all pass")


def sections(case: dict[str, Any], run: Run) -> Score:
    titles = " | ".join(s.title for s in run.document.sections)
    heads = [s.title for s in run.document.sections]
    passed, failed = [], []
    for name in case["expected"].get("sections") or []:
        ok = any(_found(name, h) for h in heads) or (name.lower() == "requirements" and "Service levels" in titles)
        (passed if ok else failed).append(f"no heading for {name!r}" if not ok else name)
    return _share(passed, failed)


def _best(item: str, run: Run):
    """The requirement carrying most of the item's content words (at least MATCH_SHARE)."""
    words = _words(item)
    best, share = None, 0.0
    for requirement in run.document.requirements():
        found = len(words & _words(requirement.text)) / len(words) if words else 0.0
        if found > share:
            best, share = requirement, found
    return best if share >= MATCH_SHARE else None


def mandatory(case: dict[str, Any], run: Run) -> Score:
    passed, failed = [], []
    for item in case["expected"].get("mandatory") or []:
        requirement = _best(item, run)
        if requirement is not None and requirement.priority == "mandatory":
            passed.append(item)
        else:
            failed.append(f"{item!r}: " + (f"{requirement.id} is D" if requirement else "not found"))
    return _share(passed, failed)


def desirable(case: dict[str, Any], run: Run) -> Score:
    passed, failed = [], []
    for item in case["expected"].get("desirable") or []:
        requirement = _best(item, run)
        if requirement is not None and requirement.priority == "desirable":
            passed.append(item)
        else:
            failed.append(f"{item!r}: " + (f"{requirement.id} is M" if requirement else "not found"))
    return _share(passed, failed)


def excluded_clean(case: dict[str, Any], run: Run) -> Score:
    excluded = [m for m in (case["buyer"].get("delivery_models") or {}).get("excluded") or []]
    failed = []
    for model in excluded:
        pattern = re.compile(rf"\b{re.escape(model)}\b", re.I)
        for requirement in run.document.requirements():
            if pattern.search(requirement.text) and "does not accept" not in requirement.text:
                failed.append(f"{requirement.id} names {model}")
        card = run.document.rate_card
        for line in card.lines if card else ():
            if pattern.search(line.site):
                failed.append(f"rate card line {line.channel}/{line.language}/{line.site}")
    return (0.0 if failed else 1.0), ("; ".join(failed[:5]) or "nothing excluded is asked for")


def _milestones(run: Run) -> dict[str, date]:
    from assistant.rfp.timetable import build_timetable  # noqa: F401  (dates come from the table)

    out = {}
    table = run.document.section("timetable").tables[0]
    keys = _step_keys()
    for step, when in table.rows:
        if step in keys:
            out[keys[step]] = _parse(when)
    return out


def _step_keys() -> dict[str, str]:
    from assistant.rfp.templates import load_sections

    return {s.step: s.key for s in load_sections().timetable.steps}


def _parse(text: str) -> date:
    from datetime import datetime

    return datetime.strptime(" ".join(text.split(",")[0].split()[1:]), "%d %B %Y").date()


def timetable(case: dict[str, Any], run: Run) -> Score:
    import holidays

    buyer = case["buyer"]
    calendar = holidays.country_holidays(buyer["country"])
    steps = _milestones(run)
    days = list(steps.values())
    failed = []
    if days != sorted(days) or len(set(days)) != len(days):
        failed.append("steps out of order")
    for key, day in steps.items():
        if day.weekday() >= 5 or day in calendar:
            failed.append(f"{key} on a non-working day {day}")
        if (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 1):
            failed.append(f"{key} in the year-end closure {day}")
    for key, day in (buyer.get("buyer_dates") or {}).items():
        if isinstance(day, date) and steps.get(key) != day:
            failed.append(f"{key} {steps.get(key)} is not the buyer's {day}")
    wanted = (buyer.get("pilot") or {}).get("wanted")
    if not wanted and any(k.startswith("pilot") for k in steps):
        failed.append("pilot steps although the buyer declined a pilot")
    if wanted and not steps.get("pilot_award", date.max) < steps.get("pilot_start", date.min):
        failed.append("pilot not after its award")
    return (0.0 if failed else 1.0), ("; ".join(failed) or "ordered working days, buyer dates kept")


def _norm(text: str) -> str:
    return re.sub(r"[_\s]+", " ", text.lower()).strip()


def rate_card(case: dict[str, Any], run: Run) -> Score:
    card = run.document.rate_card
    channels = {_norm(c) for c in (case["buyer"].get("volumes") or {})}
    passed, failed = [], []
    for row in case["expected"].get("rate_card_rows") or []:
        optional = "(optional)" in row.lower()
        plain = _norm(re.sub(r"\([^)]*\)", " ", row))  # qualifiers in brackets are not line keys
        channel = next((c for c in sorted(channels, key=len, reverse=True) if plain.startswith(c)), None)
        if channel is None or card is None:
            continue  # a row that names no channel (a peak uplift, a premium) is not a line
        # the row's other keys, however joined ("voice English onshore", "voice x English x onshore")
        rest = [w.split("/") for w in re.split(r"\s+(?:[x×|,·-]\s+)?", plain[len(channel):]) if w and w not in "x×|,·-"]
        ok = any(
            _norm(line.channel) == channel
            and all(any(a in _norm(f"{line.language} {line.site}") for a in alternatives) for alternatives in rest)
            and (line.optional or not optional)
            for line in card.lines
        )
        (passed if ok else failed).append(row if ok else f"no line {row!r}")
    return _share(passed, failed)


def currency(case: dict[str, Any], run: Run) -> Score:
    wanted = case["buyer"].get("currency")
    card = run.document.rate_card
    ok = card is not None and card.currency == wanted and f"All prices shall be in {wanted}" in run.text
    return (1.0 if ok else 0.0), ("prices in " + str(card.currency if card else None))


def weights(case: dict[str, Any], run: Run) -> Score:
    stated = case["buyer"].get("evaluation_weights")
    table = run.document.section("evaluation").tables[0]
    if not stated:
        ok = "has not set its own weights" in run.text
        return (1.0 if ok else 0.0), "defaults stated as defaults" if ok else "defaults not said to be defaults"
    rows = {row[1] for row in table.rows}
    failed = [f"{k} {v}%" for k, v in stated.items() if f"{v:g}%" not in rows]
    return _share([k for k in stated if f"{stated[k]:g}%" in rows], failed)


# How a public body of a country words its procurement: (the document's name, the bidder).
PUBLIC_WORDING = {"US": ("Solicitation", "respondent"), "CA": ("Solicitation", "proponent")}
TENDER_WORDING = ("Invitation to Tender", "supplier")


def public_wording(case: dict[str, Any], run: Run) -> Score:
    public = bool(case["expected"].get("public_wording"))
    name, bidder = PUBLIC_WORDING.get(case["buyer"]["country"], TENDER_WORDING)
    has = f"The {bidder} shall" in run.text and name in run.document.title
    ok = has if public else ("The vendor shall" in run.text and run.document.title.startswith("Request for Proposal "))
    return (1.0 if ok else 0.0), f"{name.lower()} wording {'present' if has else 'absent'}"


SCORERS = {name: globals()[name] for name in METRICS}


def run_split(split: str) -> dict[str, list[tuple[str, float, str]]]:
    """(case id, value, reason) per metric for one split."""
    rows: dict[str, list[tuple[str, float, str]]] = {m: [] for m in METRICS}
    for case in load_split(split):
        run = run_case(case)
        for name, scorer in SCORERS.items():
            value, reason = scorer(case, run)
            rows[name].append((case["id"], value, reason))
    return rows


def summary(split: str) -> dict[str, float]:
    """Mean per metric (for a quick look)."""
    return {m: statistics.fmean(v for _, v, _ in rows) for m, rows in run_split(split).items()}
