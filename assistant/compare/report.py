"""The scorecard as Markdown: ranking with reasons, requirement checks, cost estimates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.compare.fields import fmt_money

if TYPE_CHECKING:
    from assistant.compare.scorecard import Scorecard


def scorecard_markdown(card: Scorecard) -> str:
    """Ranking table, why each vendor scored as it did, checks and cost estimates."""
    lines = ["# Vendor scorecard", ""]
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
    ]
    lines += ["## Why", ""]
    for v in card.ranking:
        lines.append(f"### {v.rank}. {v.vendor} ({v.total:.1f})")
        lines += [f"- **{c.criterion}**: {c.reason}" for c in v.criteria if c.score is not None]
        lines.append("")
    lines += _checks_table(card)
    lines += _costs(card)
    return "\n".join(lines)


def _checks_table(card: Scorecard) -> list[str]:
    vendors = list(card.checks)
    requirements = list(
        dict.fromkeys(c.requirement for checks in card.checks.values() for c in checks)
    )
    if not requirements:
        return ["## Requirement checks", "", "No requirements given.", ""]
    lines = [
        "## Requirement checks",
        "",
        "| Requirement | " + " | ".join(vendors) + " |",
        "|---|" + "---|" * len(vendors),
    ]
    for requirement in requirements:
        cells = []
        for vendor in vendors:
            check = next((c for c in card.checks[vendor] if c.requirement == requirement), None)
            cells.append(f"{check.verdict}: {check.reason}".replace("|", "/") if check else "")
        lines.append(f"| {requirement} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _costs(card: Scorecard) -> list[str]:
    lines = ["## Monthly cost on one scale", ""]
    for vendor, cost in card.costs.items():
        one_time = ""
        if cost.one_time is not None:
            fee = fmt_money(cost.currency, round(cost.one_time)) if cost.one_time else "none"
            one_time = f"; one-time fees {fee}"
        lines.append(
            f"- **{vendor}**: {cost.text()}{one_time}"
            + (
                f" (vendor's own figure: {cost.vendor_estimate})"
                if cost.vendor_estimate and cost.vendor_estimate != "not stated"
                else ""
            )
        )
        if cost.missing:
            lines.append(f"  - missing: {'; '.join(cost.missing)}")
    first = next(iter(card.costs.values()), None)
    if first and first.assumptions:
        lines += ["", "Assumptions: " + "; ".join(dict.fromkeys(first.assumptions)) + "."]
    return lines
