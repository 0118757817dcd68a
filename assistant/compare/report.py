"""The scorecard as Markdown: a compact summary (rank, mandatory gate, total, price, strongest
and weakest points), then the detail (criteria, checks, prices with their cited inputs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.compare.fields import fmt_money

if TYPE_CHECKING:
    from assistant.compare.pricing import CostEstimate
    from assistant.compare.scorecard import Scorecard, VendorScore

GATE_MARK = {
    "meets all mandatory": "✅ meets all mandatory",
    "mandatory not addressed": "❔ mandatory not addressed",
    "fails mandatory": "❌ fails mandatory",
}


def scorecard_markdown(card: Scorecard) -> str:
    """Summary, then the detail."""
    return "# Vendor scorecard\n\n" + scorecard_summary(card) + "\n\n" + scorecard_detail(card)


def scorecard_summary(card: Scorecard) -> str:
    """One line per vendor in rank order, then each vendor's gate and extreme points."""
    lines = [
        "| Rank | Vendor | Mandatory | Total | Monthly price | Whole term |",
        "|---|---|---|---|---|---|",
    ]
    for v in card.ranking:
        cost = card.costs.get(v.vendor)
        gate = GATE_MARK[v.gate.status] if v.gate.checked else "none set"
        lines.append(
            f"| {v.rank} | {v.vendor} | {gate} | {v.total:.1f} | {price_cell(cost)} "
            f"| {term_cell(cost)} |"
        )
    lines.append("")
    lines.append(
        "_Vendors meeting every mandatory requirement rank first, then those leaving one "
        "unaddressed, then those failing one; within each, by weighted total (0–100)._"
    )
    lines.append("")
    for v in card.ranking:
        lines += _vendor_points(v)
    return "\n".join(lines).rstrip()


def price_cell(cost: CostEstimate | None) -> str:
    """'USD 141,800–160,200' or why there is none, short enough for a table cell."""
    if cost is None:
        return "–"
    if cost.low is None or cost.high is None:
        return f"no estimate ({cost.missing[0]})" if cost.missing else "no estimate"
    text = cost.text().removesuffix(" per month")
    return text if cost.converted else f"{text} (not converted)"


def term_cell(cost: CostEstimate | None) -> str:
    """Whole-term cost for a table cell."""
    if cost is None or not cost.term_text():
        return "–"
    return cost.term_text()


def _vendor_points(v: VendorScore) -> list[str]:
    lines = [f"**{v.rank}. {v.vendor}** — {v.gate.text()}"]
    if v.strengths:
        lines.append("- strongest: " + "; ".join(v.strengths))
    if v.weaknesses:
        lines.append("- weakest: " + "; ".join(v.weaknesses))
    return [*lines, ""]


def scorecard_detail(card: Scorecard) -> str:
    """Criterion scores, the reasons, requirement checks and the prices' inputs."""
    lines = ["## Scores by criterion", ""]
    criteria = [c.criterion for c in card.ranking[0].criteria] if card.ranking else []
    weights = {c.criterion: c.weight for c in card.ranking[0].criteria} if card.ranking else {}
    header = [f"{c} ({weights[c]:g})" for c in criteria]
    lines += [
        "| Rank | Vendor | Total | " + " | ".join(header) + " |",
        "|---|---|---|" + "---|" * len(criteria),
    ]
    for v in card.ranking:
        scores = ["–" if c.score is None else f"{c.score:.2f}" for c in v.criteria]
        lines.append(f"| {v.rank} | {v.vendor} | {v.total:.1f} | " + " | ".join(scores) + " |")
    lines += [
        "",
        "Criteria scored 0–1, total is the weighted mean on 0–100 over judged criteria.",
        "",
        "## Why",
        "",
    ]
    for v in card.ranking:
        lines.append(f"### {v.rank}. {v.vendor} ({v.total:.1f})")
        lines += [f"- **{c.criterion}**: {c.reason}" for c in v.criteria if c.score is not None]
        lines.append("")
    lines += _checks_table(card)
    lines += _costs(card)
    return "\n".join(lines)


def _checks_table(card: Scorecard) -> list[str]:
    vendors = list(card.checks)
    rows: dict[str, bool] = {}
    for checks in card.checks.values():
        for c in checks:
            rows[c.requirement] = rows.get(c.requirement, False) or c.mandatory
    if not rows:
        return ["## Requirement checks", "", "No requirements given.", ""]
    lines = [
        "## Requirement checks",
        "",
        "| Requirement | " + " | ".join(vendors) + " |",
        "|---|" + "---|" * len(vendors),
    ]
    for requirement, mandatory in rows.items():
        cells = []
        for vendor in vendors:
            check = next((c for c in card.checks[vendor] if c.requirement == requirement), None)
            cells.append(f"{check.verdict}: {check.reason}".replace("|", "/") if check else "")
        label = f"{requirement} (mandatory)" if mandatory else requirement
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _costs(card: Scorecard) -> list[str]:
    lines = ["## Price at your volumes", ""]
    first = next(iter(card.costs.values()), None)
    buyer = [i for i in first.inputs if i.origin != "proposal"] if first else []
    if buyer:
        lines.append("Your figures: " + "; ".join(f"{i.label} {i.value}" for i in buyer) + ".")
        lines.append("")
    for vendor, cost in card.costs.items():
        one_time = ""
        if cost.one_time is not None:
            fee = fmt_money(cost.currency, round(cost.one_time)) if cost.one_time else "none"
            one_time = f"; one-time fees {fee}"
        term = f"; {cost.term_text()}" if cost.term_text() else ""
        own = (
            f" (vendor's own figure: {cost.vendor_estimate})"
            if cost.vendor_estimate and cost.vendor_estimate != "not stated"
            else ""
        )
        lines.append(f"- **{vendor}**: {cost.text()}{one_time}{term}{own}")
        if cost.currency_note:
            lines.append(f"  - currency: {cost.currency_note}")
        for item in (i for i in cost.inputs if i.origin == "proposal"):
            where = f"{item.source.document} p.{item.source.page}" if item.source else item.origin
            lines.append(f"  - {item.label}: {item.value} [{where}]")
        if cost.excluded:
            lines.append(f"  - left out: {'; '.join(cost.excluded)}")
        if cost.missing:
            lines.append(f"  - missing: {'; '.join(cost.missing)}")
    if first and first.assumptions:
        lines += ["", "Assumptions: " + "; ".join(dict.fromkeys(first.assumptions)) + "."]
    return lines
