"""The terms matrix: for each field and vendor, the cited values, a summary and a status."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from assistant.compare.extract import TermValue, extract_catalog
from assistant.compare.fields import (
    CERT_STATUSES,
    FIELDS,
    FieldDef,
    fmt_money,
    fmt_number,
    hours_label,
)

NOT_STATED = "not stated"
CONFLICTING = "conflicting"
# The number a single-valued field is compared on, by field.
NUMBER_KEYS = {
    "contract_term": "months", "pilot_length": "days", "pilot_size": "agents", "rto": "hours",
    "rpo": "hours", "attrition": "percent", "tenure": "years", "fcr": "percent", "csat": "percent",
    "qa_target": "percent", "credit_cap": "percent", "abandonment": "percent", "nps": "score",
    "price_indexation": "percent", "termination_notice": "days", "exit_assistance": "days",
    "vendor_estimate": "amount",
}  # fmt: skip


@dataclass(frozen=True)
class Cell:
    """One vendor's entry for one field.

    `status` is 'stated', 'not stated' or 'conflicting'; for a certification it is the
    certification status ('held', 'in progress', 'will sign', 'via third party', 'not held',
    'not stated') or 'conflicting'.
    """

    field: str
    vendor: str
    values: tuple[TermValue, ...] = ()
    summary: str = NOT_STATED
    status: str = NOT_STATED
    conflicting: bool = False
    primary: dict = field(default_factory=dict)

    @property
    def stated(self) -> bool:
        """True when the proposal says anything about this field."""
        return bool(self.values)

    @property
    def number(self) -> float | None:
        """The comparable number of a single-valued field (months, days, percent…), if any."""
        key = NUMBER_KEYS.get(self.field)
        value = self.primary.get(key) if key else None
        return float(value) if isinstance(value, int | float) else None


@dataclass(frozen=True)
class Row:
    """One field across every vendor."""

    field: FieldDef
    cells: dict[str, Cell]


@dataclass(frozen=True)
class Matrix:
    """Every field for every vendor of a workspace."""

    vendors: tuple[str, ...]
    rows: tuple[Row, ...]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def row(self, key: str) -> Row:
        """The row of one field."""
        return next(r for r in self.rows if r.field.key == key)

    def cell(self, key: str, vendor: str) -> Cell:
        """One vendor's cell of one field."""
        return self.row(key).cells[vendor]

    def to_json(self) -> dict:
        """JSON-ready form: vendors, then each field with its cells and cited values."""
        from assistant.compare.export import matrix_json

        return matrix_json(self)

    def to_csv(self, path: Path | str) -> Path:
        """Write one row per field, one column per vendor (summaries; conflicts marked)."""
        from assistant.compare.export import write_csv

        return write_csv(self, Path(path))

    def to_markdown(self, path: Path | str) -> Path:
        """Write a Markdown table with numbered sources under it."""
        from assistant.compare.export import write_markdown

        return write_markdown(self, Path(path))

    def to_xlsx(self, path: Path | str) -> Path:
        """Write an Excel workbook (matrix and evidence sheets); needs openpyxl."""
        from assistant.compare.export import write_xlsx

        return write_xlsx(self, Path(path))


def build_matrix(catalog) -> Matrix:
    """Extract every field for every vendor of a catalog and summarise each cell.

    Args:
        catalog: a workspace catalog (`Workspace(settings).catalog`).

    Returns:
        The matrix; vendors in name order.
    """
    return matrix_from_values(extract_catalog(catalog), catalog.vendor_aliases())


def matrix_from_values(values_by_vendor: dict[str, list[TermValue]],
                       aliases: dict[str, tuple[str, ...]] | None = None) -> Matrix:
    """A matrix from already extracted values (vendors in name order), with the names each
    vendor also goes by."""
    vendors = tuple(sorted(values_by_vendor))
    enriched = {v: _with_pricing_model(enrich_rates(values_by_vendor[v])) for v in vendors}
    rows = []
    for spec in FIELDS:
        cells = {}
        for vendor in vendors:
            values = tuple(tv for tv in enriched[vendor] if tv.field == spec.key)
            cells[vendor] = summarise(spec, vendor, values)
        rows.append(Row(spec, cells))
    return Matrix(vendors, tuple(rows), aliases or {})


_MODEL_OF_UNIT = {"hour": "per hour", "minute": "per minute", "FTE-month": "per FTE",
                  "FTE-year": "per FTE", "transaction": "per transaction"}


def _with_pricing_model(values: list[TermValue]) -> list[TermValue]:
    """No pricing model stated in words: the one the rate card's units show, cited by its rates."""
    if any(tv.field == "pricing_model" for tv in values):
        return values
    rates = [tv for tv in values if tv.field == "rates" and not tv.normalised.get("qualifier")]
    models = list(dict.fromkeys(_MODEL_OF_UNIT[tv.normalised["unit"]] for tv in rates))
    if not models:
        return values
    model = models[0] if len(models) == 1 else "hybrid"
    first = next(tv for tv in rates if _MODEL_OF_UNIT[tv.normalised["unit"]] == models[0])
    data = {"model": model, "key": model, "from_rates": True}
    if model == "hybrid":
        data["components"] = models
    return [*values, TermValue("pricing_model", model, data, first.citation)]


def enrich_rates(values: list[TermValue]) -> list[TermValue]:
    """Give each rate the shore model of its site, or the vendor's only model if unambiguous."""
    site_models = {
        tv.normalised["key"]: tv.normalised["model"]
        for tv in values
        if tv.field == "locations" and tv.normalised.get("model") and tv.normalised.get("proposed")
    }
    models = {
        tv.normalised["model"]
        for tv in values
        if tv.field == "delivery_model" and tv.normalised.get("status") == "proposed"
    }
    every = models | set(site_models.values())
    result = []
    for tv in values:
        data = tv.normalised
        if tv.field == "rates" and "delivery" not in data:
            site = data.get("site", "").split(",")[0].strip()
            model, origin = site_models.get(site), "site"
            if model is None and len(every) == 1 and (not site or not site_models):
                model, origin = next(iter(every)), "vendor"
            if model:
                tv = TermValue(
                    tv.field,
                    tv.value,
                    {**data, "delivery": model, "delivery_from": origin},
                    tv.citation,
                )
        result.append(tv)
    return result


def summarise(spec: FieldDef, vendor: str, values: tuple[TermValue, ...]) -> Cell:
    """The cell of one field for one vendor."""
    if not values:
        return Cell(spec.key, vendor)
    if spec.kind == "status":
        return _status_cell(spec, vendor, values)
    summary = _SUMMARIES.get(spec.key, _distinct_summary)
    text, conflicting, primary = summary(values)
    status = CONFLICTING if conflicting else "stated"
    return Cell(spec.key, vendor, values, text, status, conflicting, primary)


def _distinct_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    """Single-valued fields: different values (of the same kind) are a conflict; where some
    are marked preferred (a table's total), those alone count."""
    preferred = tuple(tv for tv in values if tv.normalised.get("preferred"))
    values = preferred or values
    keys = Counter(_key(tv) for tv in values)
    kinds: dict[str, set[str]] = {}
    for tv in values:
        kinds.setdefault(tv.normalised.get("kind", ""), set()).add(_key(tv))
    conflicting = any(len(ks) > 1 for ks in kinds.values())
    texts = list(dict.fromkeys(tv.value for tv in values))
    preferred = [tv for tv in values if tv.normalised.get("kind") in (None, "", "convenience")]
    first = next(
        tv
        for tv in preferred or values
        if _key(tv) == Counter(_key(t) for t in preferred or values).most_common(1)[0][0]
    )
    if conflicting:
        return " / ".join(texts), True, first.normalised
    return (
        "; ".join(dict.fromkeys(tv.value for tv in values if _key(tv) in keys)),
        False,
        first.normalised,
    )


def _key(tv: TermValue) -> str:
    return str(tv.normalised.get("key", tv.value))


def _pricing_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    models = list(dict.fromkeys(tv.normalised["model"] for tv in values))
    if "hybrid" in models:
        parts = [m for m in models if m != "hybrid"]
        text = f"hybrid ({' + '.join(parts)})" if parts else "hybrid"
        return text, False, {"model": "hybrid", "components": parts}
    if len(models) == 1:
        return models[0], False, {"model": models[0]}
    return " / ".join(models), True, {"model": models[0]}


def _rates_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    groups: dict[tuple[str, str], list[float]] = {}
    for tv in values:
        if tv.normalised.get("qualifier"):
            continue
        groups.setdefault((tv.normalised["currency"], tv.normalised["unit"]), []).append(
            tv.normalised["amount"]
        )
    parts = []
    for (currency, unit), amounts in groups.items():
        low, high = min(amounts), max(amounts)
        span = (
            fmt_money(currency, low)
            if low == high
            else f"{fmt_money(currency, low)}–{fmt_number(high)}"
        )
        parts.append(f"{span} per {unit.replace('FTE-month', 'FTE per month')}")
    extra = sum(1 for tv in values if tv.normalised.get("qualifier"))
    if extra:
        parts.append(f"{extra} overflow/surcharge rate(s)")
    return "; ".join(parts), False, {"currencies": sorted({c for c, _ in groups})}


def _list_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    return "; ".join(dict.fromkeys(tv.value for tv in values)), False, {}


def _fees_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    paid = [tv for tv in values if tv.normalised.get("amount")]
    if not paid:
        return "none", False, {"amount": 0}
    return "; ".join(dict.fromkeys(tv.value for tv in paid)), False, paid[0].normalised


def _languages_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    status: dict[str, set[str]] = {}
    for tv in values:
        status.setdefault(tv.normalised["language"], set()).add(tv.normalised["status"])
    conflicting = [lang for lang, s in status.items() if {"offered", "not offered"} <= s]
    groups: dict[str, list[str]] = {}
    for lang, states in status.items():
        final = "offered" if "offered" in states else sorted(states)[0]
        groups.setdefault(final, []).append(lang)
    text = "; ".join(f"{k}: {', '.join(v)}" for k, v in groups.items())
    return text, bool(conflicting), {k.replace(" ", "_"): v for k, v in groups.items()}


def _locations_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    excluded = {tv.normalised["key"] for tv in values if not tv.normalised["proposed"]}
    sites: dict[str, dict] = {}
    for tv in values:
        data = tv.normalised
        if not data["proposed"] or data["key"] in excluded:
            continue
        best = sites.setdefault(data["key"], dict(data))
        if len(data["site"]) > len(best["site"]):
            best["site"] = data["site"]
        best["model"] = best.get("model") or data.get("model")
    names = [f"{d['site']} ({d['model']})" if d.get("model") else d["site"] for d in sites.values()]
    text = "; ".join(names) + (f"; not proposed: {', '.join(sorted(excluded))}" if excluded else "")
    return text, False, {"sites": list(sites.values()), "excluded": sorted(excluded)}


def _models_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    denied = {tv.normalised["model"] for tv in values if tv.normalised["status"] != "proposed"}
    models = [m for m in dict.fromkeys(tv.normalised["model"] for tv in values) if m not in denied]
    text = ", ".join(models) or "none"
    if denied:
        text += f" (not proposed: {', '.join(sorted(denied))})"
    return text, False, {"models": models, "not_proposed": sorted(denied)}


def _hours_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    stated = [tv for tv in values if tv.normalised.get("basis") != "site"] or list(values)
    states = [tv.normalised["24_7"] for tv in stated]
    round_clock = (
        True if True in states else ("at extra cost" if "at extra cost" in states else False)
    )
    ranges = list(dict.fromkeys(r for tv in stated for r in tv.normalised.get("ranges", [])))
    label = hours_label(round_clock)
    text = label if round_clock is True else "; ".join([label, *ranges])
    conflicting = True in states and False in states and not ranges
    return text, conflicting, {"24_7": round_clock, "ranges": ranges}


def _residency_summary(values: tuple[TermValue, ...]) -> tuple[str, bool, dict]:
    denied = [tv.normalised["region"] for tv in values if not tv.normalised["kept"]]
    regions = [r for r in dict.fromkeys(tv.normalised["region"] for tv in values) if r not in denied]
    text = ", ".join(regions) + (f" (not {', '.join(denied)})" if denied else "")
    countries = {tv.normalised["region"]: tv.normalised["country"] for tv in values if tv.normalised.get("country")}
    return text or "none", False, {"regions": regions, "not": denied, "countries": countries}


def _status_cell(spec: FieldDef, vendor: str, values: tuple[TermValue, ...]) -> Cell:
    """A certification: the strongest explicit statement about the most specific type."""
    considered = [tv for tv in values if tv.normalised.get("type") == "Type II"] or list(values)
    explicit = [tv for tv in considered if tv.normalised.get("strength", 2) == 2] or considered
    statuses = {tv.normalised["status"] for tv in explicit}
    conflicting = "not held" in statuses and len(statuses) > 1
    status = min(statuses, key=CERT_STATUSES.index)
    kind = next((tv.normalised["type"] for tv in explicit if tv.normalised.get("type")), "")
    summary = f"{status} ({kind})" if kind else status
    others = [tv.value for tv in values if tv not in considered]
    if others:
        summary += "; " + "; ".join(dict.fromkeys(others))
    if conflicting:
        summary = " / ".join(sorted(statuses, key=CERT_STATUSES.index))
    primary = {"status": status, "type": kind}
    return Cell(
        spec.key,
        vendor,
        values,
        summary,
        CONFLICTING if conflicting else status,
        conflicting,
        primary,
    )


_SUMMARIES = {
    "pricing_model": _pricing_summary,
    "rates": _rates_summary,
    "one_time_fees": _fees_summary,
    "minimum_commitment": _list_summary,
    "other_charges": _list_summary,
    "languages": _languages_summary,
    "locations": _locations_summary,
    "delivery_model": _models_summary,
    "hours_voice": _hours_summary,
    "hours_chat": _hours_summary,
    "hours_email": _hours_summary,
    "platform": _list_summary,
    "data_residency": _residency_summary,
    "crm_integrations": _list_summary,
}
