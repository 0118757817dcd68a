"""Requirement checks (meets / partly / does not meet / not addressed) and a weighted ranking."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from assistant.compare.extract import Source
from assistant.compare.fields import CERTIFICATIONS, fmt_number
from assistant.compare.matrix import Cell, Matrix
from assistant.compare.pricing import CostEstimate, estimate_costs
from assistant.compare.requirements import FRAMEWORK_FIELDS, Requirements

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
            "ranking": [asdict(v) for v in self.ranking],
            "checks": {v: [asdict(c) for c in checks] for v, checks in self.checks.items()},
            "costs": {v: {**asdict(c), "text": c.text()} for v, c in self.costs.items()},
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
        The scorecard; vendors ranked by weighted total, best first.
    """
    costs = estimate_costs(matrix, req)
    checks = {v: tuple(requirement_checks(matrix, v, req, costs[v])) for v in matrix.vendors}
    scores = {v: criterion_scores(matrix, v, req, checks[v], costs) for v in matrix.vendors}
    totals = {v: weighted_total(s) for v, s in scores.items()}
    order = sorted(matrix.vendors, key=lambda v: (-totals[v], v))
    ranking = tuple(VendorScore(v, totals[v], i + 1, tuple(scores[v])) for i, v in enumerate(order))
    return Scorecard(req, checks, costs, ranking)


def weighted_total(scores: list[CriterionScore]) -> float:
    """Weighted mean of the judged criteria, on 0–100."""
    judged = [s for s in scores if s.score is not None and s.weight > 0]
    weight = sum(s.weight for s in judged)
    return (
        round(100 * sum(s.weight * (s.score or 0) for s in judged) / weight, 1) if weight else 0.0
    )


def requirement_checks(
    matrix: Matrix, vendor: str, req: Requirements, cost: CostEstimate
) -> list[Check]:
    """Every requirement the buyer set, judged for one vendor."""
    checks = [
        _cert_check(matrix.cell(FRAMEWORK_FIELDS[name], vendor), name)
        for name in req.certifications
    ]
    if req.hipaa_baa and "HIPAA" not in req.certifications:
        checks.append(_cert_check(matrix.cell("cert_hipaa", vendor), "HIPAA"))
    if req.languages:
        checks.append(_language_check(matrix.cell("languages", vendor), req.languages))
    for channel in req.open_24_7:
        checks.append(_hours_check(matrix.cell(f"hours_{channel}", vendor), channel))
    if req.shore_models:
        checks.append(_shore_check(matrix.cell("delivery_model", vendor), req.shore_models))
    if req.max_term_months is not None:
        checks.append(
            _limit_check(
                matrix.cell("contract_term", vendor),
                "months",
                req.max_term_months,
                f"initial term at most {fmt_number(req.max_term_months)} months",
                "contract",
            )
        )
    if req.pilot_wanted:
        checks.append(_pilot_check(matrix.cell("pilot_length", vendor), req.min_pilot_days))
    for channel, target in req.service_levels.items():
        checks.append(_service_check(matrix.cell(f"sl_{channel}", vendor), channel, target))
    if req.max_attrition is not None:
        checks.append(
            _limit_check(
                matrix.cell("attrition", vendor),
                "percent",
                req.max_attrition,
                f"attrition at most {fmt_number(req.max_attrition)}%",
                "workforce",
            )
        )
    if req.max_rto_hours is not None:
        checks.append(
            _limit_check(
                matrix.cell("rto", vendor),
                "hours",
                req.max_rto_hours,
                f"RTO at most {fmt_number(req.max_rto_hours)} hours",
                "continuity",
            )
        )
    if req.budget_monthly is not None:
        checks.append(_budget_check(cost, req))
    return checks


def _evidence(cell: Cell, limit: int = 3) -> tuple[Source, ...]:
    sources = [tv.citation for tv in cell.values if tv.citation]
    return tuple(dict.fromkeys(sources))[:limit]


def _check(cell: Cell, requirement: str, criterion: str, verdict: str, reason: str) -> Check:
    return Check(requirement, criterion, cell.vendor, verdict, reason, _evidence(cell))


def _cert_check(cell: Cell, name: str) -> Check:
    label = CERTIFICATIONS[cell.field]
    requirement = f"{label} in place"
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


def _hours_check(cell: Cell, channel: str) -> Check:
    requirement = f"{channel} open 24/7"
    if not cell.stated:
        return _check(cell, requirement, "coverage", "not addressed", f"{channel} hours not stated")
    state = cell.primary.get("24_7")
    verdict = (
        "meets" if state is True else ("partly" if state == "at extra cost" else "does not meet")
    )
    return _check(cell, requirement, "coverage", verdict, f"{channel}: {cell.summary}")


def _shore_check(cell: Cell, wanted: tuple[str, ...]) -> Check:
    requirement = f"delivery model: {' or '.join(wanted)}"
    if not cell.stated:
        return _check(cell, requirement, "coverage", "not addressed", "delivery model not stated")
    models = cell.primary.get("models", [])
    verdict = "meets" if set(models) & set(wanted) else "does not meet"
    return _check(cell, requirement, "coverage", verdict, f"proposes {', '.join(models) or 'none'}")


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
) -> list[CriterionScore]:
    """One score per weighted criterion, each with the reason it was given."""
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
        score = sum(s for s, _ in items) / len(items) if items else None
        reason = "; ".join(r for _, r in items) or "nothing to judge"
        result.append(
            CriterionScore(criterion, weight, None if score is None else round(score, 3), reason)
        )
    return result


def _relative(matrix: Matrix, field: str, vendor: str, higher: bool) -> tuple[float, str] | None:
    """A vendor's value against the best stated one (0 if not stated; None if nobody states it)."""
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
    unit = {"%": "%"}.get(row.field.unit, f" {row.field.unit}" if row.field.unit else "")
    return score, f"{label}: {row.cells[vendor].summary} (best {fmt_number(round(best, 2))}{unit})"


def _price_score(vendor: str, costs: dict[str, CostEstimate]) -> tuple[float, str] | None:
    mids = {v: c.mid for v, c in costs.items() if c.mid}
    if not mids:
        return None
    own = costs[vendor]
    if own.mid is None:
        return 0.0, f"monthly cost: {own.text()}"
    cheapest = min(mids.values())
    return (
        cheapest / own.mid,
        f"monthly cost {own.text()} (cheapest midpoint {fmt_number(round(cheapest))})",
    )
