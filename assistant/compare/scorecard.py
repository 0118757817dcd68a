"""Requirement checks (meets / partly / does not meet / not addressed), mandatory gates and a
weighted ranking: a vendor that fails or does not address a must-have never ranks above one
that meets them all."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from assistant.compare.extract import Source
from assistant.compare.fields import CERTIFICATIONS, fmt_money, fmt_number
from assistant.compare.matrix import Cell, Matrix
from assistant.compare.pricing import CostEstimate, estimate_costs
from assistant.compare.requirements import FIELD_FRAMEWORKS, Requirements, framework_field
from assistant.reading.lexicon import vocabulary

VERDICT_SCORE = {"meets": 1.0, "partly": 0.5, "does not meet": 0.0, "not addressed": 0.0}
# (field, criterion, higher is better) for metrics compared between vendors.
RELATIVE = (
    ("fcr", "service levels", True), ("csat", "service levels", True),
    ("abandonment", "service levels", False), ("credit_cap", "service levels", True),
    ("attrition", "workforce", False), ("tenure", "workforce", True),
    ("rto", "continuity", False), ("rpo", "continuity", False),
    ("exit_assistance", "contract", True),
)  # fmt: skip


@dataclass(frozen=True)
class Check:
    """One requirement judged for one vendor, with the quotes it rests on."""

    requirement: str
    criterion: str
    vendor: str
    verdict: str
    reason: str
    evidence: tuple[Source, ...] = ()
    key: str = ""  # the requirement it judges ('contract_term', 'languages:Spanish')
    mandatory: bool = False


# A mandatory check's verdict -> what the gate says; "partly" does not meet a must-have.
GATE_OF = {"meets": "meets", "partly": "does not meet", "does not meet": "does not meet",
           "not addressed": "not addressed"}  # fmt: skip
GATE_TIERS = ("meets all mandatory", "mandatory not addressed", "fails mandatory")


@dataclass(frozen=True)
class Gate:
    """A vendor against the must-haves: which it does not meet and which it does not address."""

    failed: tuple[Check, ...] = ()
    not_addressed: tuple[Check, ...] = ()
    checked: int = 0

    @property
    def status(self) -> str:
        """'meets all mandatory', 'mandatory not addressed' or 'fails mandatory'."""
        if self.failed:
            return "fails mandatory"
        return "mandatory not addressed" if self.not_addressed else "meets all mandatory"

    @property
    def tier(self) -> int:
        """0 meets them all, 1 leaves some unaddressed, 2 fails one (ranked in that order)."""
        return GATE_TIERS.index(self.status)

    def text(self) -> str:
        """'fails mandatory: initial term at most 24 months (36 months); not addressed: …'."""
        if not self.checked:
            return "no mandatory requirements"
        parts = []
        if self.failed:
            parts.append(
                "fails mandatory: "
                + "; ".join(f"{c.requirement} ({c.reason})" for c in self.failed)
            )
        if self.not_addressed:
            parts.append(
                "mandatory not addressed: " + "; ".join(c.requirement for c in self.not_addressed)
            )
        return " — ".join(parts) or f"meets all {self.checked} mandatory requirements"


def gate_of(checks: tuple[Check, ...]) -> Gate:
    """The vendor's gate from its mandatory checks."""
    mandatory = [c for c in checks if c.mandatory]
    failed = tuple(c for c in mandatory if GATE_OF[c.verdict] == "does not meet")
    unaddressed = tuple(c for c in mandatory if GATE_OF[c.verdict] == "not addressed")
    return Gate(failed, unaddressed, len(mandatory))


@dataclass(frozen=True)
class CriterionScore:
    """A vendor's score (0–1) on one weighted criterion; None when nothing could be judged."""

    criterion: str
    weight: float
    score: float | None
    reason: str


@dataclass(frozen=True)
class VendorScore:
    """A vendor's weighted total (0–100), its rank and the criterion scores behind it."""

    vendor: str
    total: float
    rank: int
    criteria: tuple[CriterionScore, ...]
    gate: Gate = Gate()
    strengths: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scorecard:
    """Checks per vendor, cost estimates on one scale, and the weighted ranking."""

    requirements: Requirements
    checks: dict[str, tuple[Check, ...]]
    costs: dict[str, CostEstimate]
    ranking: tuple[VendorScore, ...]

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "ranking": [
                {**asdict(v), "gate": {"status": v.gate.status, "text": v.gate.text()}}
                for v in self.ranking
            ],
            "checks": {v: [asdict(c) for c in checks] for v, checks in self.checks.items()},
            "costs": {
                v: {**asdict(c), "text": c.text(), "term_text": c.term_text()}
                for v, c in self.costs.items()
            },
        }

    def to_markdown(self) -> str:
        """Ranking with reasons, requirement checks and cost estimates as Markdown."""
        from assistant.compare.report import scorecard_markdown

        return scorecard_markdown(self)


def build_scorecard(matrix: Matrix, req: Requirements) -> Scorecard:
    """Check every vendor against the requirements, price them and rank them.

    Args:
        matrix: the terms matrix.
        req: the buyer's requirements, volumes and weights.

    Returns:
        The scorecard: vendors that meet every mandatory requirement first, then those that
        leave one unaddressed, then those that fail one; within each, by weighted total.
    """
    costs = estimate_costs(matrix, req)
    checks = {v: tuple(requirement_checks(matrix, v, req, costs[v])) for v in matrix.vendors}
    points: dict[str, list[tuple[float, str]]] = {v: [] for v in matrix.vendors}
    scores = {
        v: criterion_scores(matrix, v, req, checks[v], costs, points[v]) for v in matrix.vendors
    }
    totals = {v: weighted_total(s) for v, s in scores.items()}
    gates = {v: gate_of(checks[v]) for v in matrix.vendors}
    order = sorted(matrix.vendors, key=lambda v: (gates[v].tier, -totals[v], v))
    ranking = tuple(
        VendorScore(v, totals[v], i + 1, tuple(scores[v]), gates[v], *_extremes(points[v]))
        for i, v in enumerate(order)
    )
    return Scorecard(req, checks, costs, ranking)


def _extremes(points: list[tuple[float, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The three strongest (score ≥ 0.8) and three weakest (score < 0.5) points."""
    ranked = sorted(points, key=lambda p: -p[0])
    strong = tuple(text for score, text in ranked if score >= 0.8)[:3]
    weak = tuple(text for score, text in reversed(ranked) if score < 0.5)[:3]
    return strong, weak


def weighted_total(scores: list[CriterionScore]) -> float:
    """Weighted mean of the judged criteria, on 0–100."""
    judged = [s for s in scores if s.score is not None and s.weight > 0]
    weight = sum(s.weight for s in judged)
    return (
        round(100 * sum(s.weight * (s.score or 0) for s in judged) / weight, 1) if weight else 0.0
    )



# Upper limits the buyer may set: (check key, requirement, matrix field, unit, wording, group).
_LIMITS = (
    ("attrition_max", "max_attrition", "attrition", "percent", "attrition at most {}%",
     "workforce"),
    ("recovery_time", "max_rto_hours", "rto", "hours", "RTO at most {} hours", "continuity"),
    ("termination_notice", "max_notice_days", "termination_notice", "days",
     "notice period at most {} days", "contract"),
)


def requirement_checks(
    matrix: Matrix, vendor: str, req: Requirements, cost: CostEstimate
) -> list[Check]:
    """Every requirement the buyer set, judged for one vendor, marked mandatory or not."""
    checks: list[tuple[str, Check]] = [
        (f"compliance_frameworks:{name}", _cert_check(matrix, vendor, name))
        for name in req.certifications
    ]
    if req.hipaa_baa and "HIPAA" not in req.certifications:
        checks.append(("hipaa_baa_required", _cert_check(matrix, vendor, "HIPAA")))
    must = tuple(lang for lang in req.languages if req.is_mandatory(f"languages:{lang}"))
    rest = tuple(lang for lang in req.languages if lang not in must)
    for lang in must:  # each must-have language a gate of its own
        checks.append(
            (f"languages:{lang}", _language_check(matrix.cell("languages", vendor), (lang,)))
        )
    if rest:
        checks.append(("languages~", _language_check(matrix.cell("languages", vendor), rest)))
    if req.open_24_7:
        key = "open_24_7" if req.is_mandatory("open_24_7") else "channel_hours"
        checks.append((key, _hours_check(matrix, vendor, req.open_24_7)))
    if req.data_residency:
        checks.append(
            ("data_residency", _residency_check(matrix.cell("data_residency", vendor), req))
        )
    if req.restricts_models:
        checks.append(("delivery_model", _shore_check(matrix, vendor, req)))
    if req.max_term_months is not None:
        term = _limit_check(
            matrix.cell("contract_term", vendor),
            "months",
            req.max_term_months,
            f"initial term at most {fmt_number(req.max_term_months)} months",
            "contract",
        )
        checks.append(("contract_term", term))
    if req.pilot_wanted:
        pilot = _pilot_check(matrix.cell("pilot_length", vendor), req.min_pilot_days)
        key = "pilot_duration" if req.is_mandatory("pilot_duration") else "pilot_wanted"
        checks.append((key, pilot))
    for channel, target in req.service_levels.items():
        service = _service_check(matrix.cell(f"sl_{channel}", vendor), channel, target)
        checks.append((f"service_level_{channel}", service))
    for key, limit, field_key, unit, label, group in _LIMITS:
        maximum = getattr(req, limit)
        if maximum is not None:
            wording = label.format(fmt_number(maximum))
            checks.append((key, _limit_check(matrix.cell(field_key, vendor), unit, maximum, wording,
                                             group)))
    if req.delivery_countries:
        checks.append(("delivery_locations", _country_check(matrix.cell("locations", vendor), req)))
    if req.budget_monthly is not None:
        checks.append(("budget", _budget_check(cost, req)))
    return [replace(c, key=key, mandatory=_is_mandatory(req, key)) for key, c in checks]


def _is_mandatory(req: Requirements, key: str) -> bool:
    if key.endswith("~"):
        return False  # the languages the buyer did not call must-haves
    return req.is_mandatory(key)


def _evidence(cell: Cell, limit: int = 3) -> tuple[Source, ...]:
    sources = [tv.citation for tv in cell.values if tv.citation]
    return tuple(dict.fromkeys(sources))[:limit]


def _check(cell: Cell, requirement: str, criterion: str, verdict: str, reason: str) -> Check:
    return Check(requirement, criterion, cell.vendor, verdict, reason, _evidence(cell))


def _cert_check(matrix: Matrix, vendor: str, name: str) -> Check:
    field = framework_field(name)
    if field is None:  # a scheme the matrix has no row for: nothing can be read about it
        return Check(f"{name} in place", "compliance", vendor, "not addressed",
                     f"{name}: not a compared certification")  # fmt: skip
    cell = matrix.cell(field, vendor)
    # the buyer's own name where it says more than the row's ('SOC 2 Type II', 'HITRUST CSF')
    label = CERTIFICATIONS[cell.field] if name == FIELD_FRAMEWORKS[field] else name
    requirement = f"{label} in place"
    if name.endswith("Type II") and cell.primary.get("type") == "Type I":
        return _check(cell, requirement, "compliance", "does not meet", f"{label}: {cell.summary}")
    if cell.conflicting:
        return _check(
            cell, requirement, "compliance", "partly", f"conflicting statements: {cell.summary}"
        )
    agreement = cell.field in ("cert_hipaa", "cert_gdpr")
    verdict = {
        "held": "meets",
        "will sign": "meets" if agreement else "partly",
        "in progress": "partly",
        "via third party": "partly",
        "not held": "does not meet",
        "not stated": "not addressed",
    }[cell.status]
    return _check(cell, requirement, "compliance", verdict, f"{label}: {cell.summary}")


def _language_check(cell: Cell, languages: tuple[str, ...]) -> Check:
    requirement = f"languages: {', '.join(languages)}"
    if not cell.stated:
        return _check(cell, requirement, "coverage", "not addressed", "languages not stated")
    offered = set(cell.primary.get("offered", []))
    have = [lang for lang in languages if lang in offered]
    lacking = [lang for lang in languages if lang not in offered]
    verdict = "meets" if not lacking else ("partly" if have else "does not meet")
    reason = f"offers {', '.join(have) or 'none of them'}" + (
        f"; not {', '.join(lacking)}" if lacking else ""
    )
    return _check(cell, requirement, "coverage", verdict, reason)


def _hours_check(matrix: Matrix, vendor: str, channels: tuple[str, ...]) -> Check:
    """Open 24/7: every channel whose hours the vendor states is 24/7."""
    requirement = f"{', '.join(channels)} open 24/7"
    cells = [matrix.cell(f"hours_{c}", vendor) for c in channels]
    stated = [c for c in cells if c.stated]
    if not stated:
        return _check(cells[0], requirement, "coverage", "not addressed", "hours not stated")
    states = [c.primary.get("24_7") for c in stated]
    if all(s is True for s in states):
        verdict = "meets"
    elif all(s in (True, "at extra cost") for s in states):
        verdict = "partly"
    else:
        verdict = "does not meet"
    reason = "; ".join(f"{c.field.removeprefix('hours_')}: {c.summary}" for c in stated)
    first = next((c for c in stated if c.primary.get("24_7") is not True), stated[0])
    return _check(first, requirement, "coverage", verdict, reason)


def _residency_check(cell: Cell, req: Requirements) -> Check:
    """Data kept where the buyer requires: the same place, or one inside it (EU in the EEA, a
    city in its country)."""
    wanted = req.data_residency
    requirement = f"data kept in {' or '.join(wanted)}"
    regions = cell.primary.get("regions", []) if cell.stated else []
    if not regions:
        return _check(cell, requirement, "compliance", "not addressed", "data residency not stated")
    country = cell.primary.get("countries", {})
    inside = [r for r in regions if any(_within(r, w) or _within(country.get(r, r), w) for w in wanted)]
    verdict = "meets" if len(inside) == len(regions) else ("partly" if inside else "does not meet")
    return _check(cell, requirement, "compliance", verdict, f"data kept in {', '.join(regions)}")


def _within(place: str, wanted: str) -> bool:
    if place == wanted:
        return True
    return wanted == "EEA" and place in vocabulary("locations").eea


def _country_check(cell: Cell, req: Requirements) -> Check:
    """At least one proposed site in a country (or region) the buyer named."""
    wanted = req.delivery_countries
    requirement = f"delivered from {' or '.join(wanted)}"
    sites = cell.primary.get("sites", []) if cell.stated else []
    if not sites:
        return _check(cell, requirement, "coverage", "not addressed", "delivery sites not stated")
    places = {s.get("country") for s in sites} | {s.get("key") for s in sites}
    hit = [w for w in wanted if w in places or any(_within(str(p), w) for p in places)]
    names = ", ".join(dict.fromkeys(s["site"] for s in sites))
    return _check(
        cell, requirement, "coverage", "meets" if hit else "does not meet", f"sites: {names}"
    )


def _shore_check(matrix: Matrix, vendor: str, req: Requirements) -> Check:
    """At least one proposed delivery model (or proposed site's model) the buyer allows."""
    allowed = req.allowed_models
    wanted = " or ".join(allowed) if req.shore_models else ""
    excluded = f"not {' or '.join(req.excluded_models)}" if req.excluded_models else ""
    requirement = "delivery model: " + (
        f"{wanted} ({excluded})" if wanted and excluded else wanted or excluded
    )
    cell = matrix.cell("delivery_model", vendor)
    sites = matrix.cell("locations", vendor)
    models = list(cell.primary.get("models", [])) if cell.stated else []
    denied = set(cell.primary.get("not_proposed", []))
    models += [
        s["model"]
        for s in sites.primary.get("sites", [])
        if s.get("model") and s["model"] not in denied
    ]
    models = list(dict.fromkeys(models))
    evidence_cell = cell if cell.stated else sites
    if not models:
        return _check(
            evidence_cell, requirement, "coverage", "not addressed", "delivery model not stated"
        )
    ok = [m for m in models if m in allowed]
    reason = f"proposes {', '.join(models)}"
    outside = [m for m in models if m not in allowed]
    if ok and outside:
        # It can deliver from a model the buyer allows; the lead must still see the rest.
        reason = (f"can deliver {' or '.join(ok)}; also proposes {', '.join(outside)}, which "
                  "you did not allow: confirm in the contract that none of your work goes there")
    return _check(
        evidence_cell, requirement, "coverage", "meets" if ok else "does not meet", reason
    )


def _limit_check(cell: Cell, key: str, limit: float, requirement: str, criterion: str) -> Check:
    """At most `limit`: every stated value within it meets; some within it is partly."""
    numbers = [
        tv.normalised[key] for tv in cell.values if isinstance(tv.normalised.get(key), int | float)
    ]
    if not numbers:
        return _check(cell, requirement, criterion, "not addressed", "not stated")
    within = [n for n in numbers if n <= limit]
    verdict = "meets" if len(within) == len(numbers) else ("partly" if within else "does not meet")
    reason = cell.summary + (" (conflicting statements)" if cell.conflicting else "")
    return _check(cell, requirement, criterion, verdict, reason)


def _pilot_check(cell: Cell, min_days: float | None) -> Check:
    requirement = "pilot offered" + (
        f" of at least {fmt_number(min_days)} days" if min_days else ""
    )
    if not cell.stated:
        return _check(cell, requirement, "contract", "not addressed", "pilot not mentioned")
    days = cell.primary.get("days")
    if not cell.primary.get("offered", True) or days is None:
        return _check(cell, requirement, "contract", "does not meet", cell.summary)
    verdict = "meets" if not min_days or days >= min_days else "partly"
    return _check(cell, requirement, "contract", verdict, cell.summary)


def _service_check(cell: Cell, channel: str, target) -> Check:
    wanted = f"{fmt_number(target.percent)}% " if target.percent else ""
    requirement = f"{channel}: {wanted}within {fmt_number(target.seconds)} seconds"
    if not cell.stated:
        return _check(
            cell,
            requirement,
            "service levels",
            "not addressed",
            f"{channel} service level not stated",
        )
    data = cell.primary
    within = data.get("within_seconds")
    if within is None:
        verdict = "partly" if data.get("asa_seconds", 1e9) <= target.seconds else "does not meet"
        return _check(
            cell, requirement, "service levels", verdict, f"{cell.summary} (a different measure)"
        )
    ok = within <= target.seconds and (
        target.percent is None or data.get("percent", 0) >= target.percent
    )
    return _check(
        cell, requirement, "service levels", "meets" if ok else "does not meet", cell.summary
    )


def _budget_check(cost: CostEstimate, req: Requirements) -> Check:
    requirement = f"within a monthly budget of {req.currency} {fmt_number(req.budget_monthly or 0)}"
    if cost.low is None or cost.high is None:
        return Check(
            requirement, "price", cost.vendor, "not addressed", cost.text(), cost.sources[:3]
        )
    budget = req.budget_monthly or 0
    verdict = (
        "meets" if cost.high <= budget else ("partly" if cost.low <= budget else "does not meet")
    )
    return Check(requirement, "price", cost.vendor, verdict, cost.text(), cost.sources[:3])


def criterion_scores(
    matrix: Matrix,
    vendor: str,
    req: Requirements,
    checks: tuple[Check, ...],
    costs: dict[str, CostEstimate],
    points: list[tuple[float, str]] | None = None,
) -> list[CriterionScore]:
    """One score per weighted criterion, each with the reason it was given; `points` gathers
    every scored item (for the strongest and weakest points)."""
    parts: dict[str, list[tuple[float, str]]] = {c: [] for c in req.weights}
    for check in checks:
        parts.setdefault(check.criterion, []).append(
            (VERDICT_SCORE[check.verdict], f"{check.requirement}: {check.verdict}")
        )
    for field, criterion, higher in RELATIVE:
        if criterion in parts and (item := _relative(matrix, field, vendor, higher)):
            parts[criterion].append(item)
    if "price" in parts:
        price = _price_score(vendor, costs)
        if price:
            parts["price"].append(price)
    result = []
    for criterion, weight in req.weights.items():
        items = parts.get(criterion, [])
        if points is not None and weight > 0:
            points += items
        score = sum(s for s, _ in items) / len(items) if items else None
        reason = "; ".join(r for _, r in items) or "nothing to judge"
        result.append(
            CriterionScore(criterion, weight, None if score is None else round(score, 3), reason)
        )
    return result


def _relative(matrix: Matrix, field: str, vendor: str, higher: bool) -> tuple[float, str] | None:
    """A vendor's value against the best stated one (0 if not stated; None if nobody states it);
    the best is quoted as its vendor wrote it, so a row keeps one unit."""
    row = matrix.row(field)
    numbers = {v: c.number for v, c in row.cells.items() if c.number is not None and c.number > 0}
    if not numbers:
        return None
    own = numbers.get(vendor)
    label = row.field.label
    if own is None:
        return 0.0, f"{label}: not stated"
    best = max(numbers.values()) if higher else min(numbers.values())
    score = own / best if higher else best / own
    if own == best:
        return score, f"{label}: {row.cells[vendor].summary} (the best)"
    leader = min(v for v, n in numbers.items() if n == best)
    return (
        score,
        f"{label}: {row.cells[vendor].summary} (best {row.cells[leader].summary}, {leader})",
    )


def _price_score(vendor: str, costs: dict[str, CostEstimate]) -> tuple[float, str] | None:
    """Cheapest comparable monthly midpoint / own; an unconverted price is not scored."""
    mids = {v: c.mid for v, c in costs.items() if c.comparable and c.mid}
    if not mids:
        return None
    own = costs[vendor]
    if own.mid is not None and not own.converted:
        return None
    if own.mid is None:
        return 0.0, f"monthly cost: {own.text()}"
    cheapest = min(mids.values())
    if own.mid == cheapest:
        return 1.0, f"monthly cost {own.text()} (the cheapest)"
    return (
        cheapest / own.mid,
        f"monthly cost {own.text()} (cheapest midpoint {fmt_money(own.currency, round(cheapest))})",
    )
