"""The scorecard suite: mandatory gates, ranking, prices and currency on small proposal sets.

Each case gives proposals as text (ingested for real: reading layer, statements, matrix), the
buyer's profile (plain slot values) with must-have / nice-to-have marks, and what must hold:

- `not_first: [vendor]` never ranks first; `first: vendor`; `order: [[above, below], …]`;
- `gate: {vendor: 'meets all mandatory' | 'mandatory not addressed' | 'fails mandatory'}`;
- `verdict: {vendor: {requirement key: verdict}}` (keys as `Check.key`; a key ending in ':'
  matches any key of that slot);
- `price_excludes: {vendor: [delivery model]}`: no price input from those models;
- `no_price: [vendor]`: no estimate; `monthly: {vendor: [low, high]}` within 1 %;
- `currency_flagged: [vendor]`: the estimate is not converted and says so.

Metrics are the share of expectations met, by family (ranking, gates, verdicts, prices,
currency). Cases under `evals/cases/scorecard/`: `own.yaml` written with the engine, and the
unseen authors' `dev.yaml` (tuned on) and `test.yaml` (never tuned on; CI gates it).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

from assistant.resources import read_yaml

CASES_DIR = Path(__file__).resolve().parent / "cases" / "scorecard"
SPLITS = ("own", "dev", "test")
FAMILIES = ("ranking", "gates", "passes", "verdicts", "prices", "currency")


def load_cases(split: str) -> list[dict]:
    """The cases of one split ([] when the file is absent)."""
    path = CASES_DIR / f"{split}.yaml"
    if not path.is_file():
        return []
    data = read_yaml(path) or {}
    return data.get("cases", data) if isinstance(data, dict) else data


def build_case(case: dict, folder: Path):
    """Ingest the case's proposals and score them against its profile."""
    from assistant.compare import build_matrix, build_scorecard, requirements_from_profile
    from assistant.index.catalog import Catalog
    from assistant.ingest import load_document
    from assistant.settings import Settings

    catalog = Catalog(folder / "documents")
    settings = Settings(workspace=folder / "ws")
    for vendor, text in case["proposals"].items():
        path = folder / f"{vendor.split()[0].lower()}.txt"
        path.write_text(text, encoding="utf-8")
        catalog.add(load_document(path, settings, vendor))
    overrides = {}
    if case.get("fx"):
        overrides["fx"] = {k: float(v) for k, v in case["fx"].items()}
    req = requirements_from_profile(
        case.get("profile") or {}, priorities=case.get("priorities") or {}, **overrides
    )
    return build_scorecard(build_matrix(catalog), req)


# --- the unseen authors' schema: a buyer's requirements and each vendor's stated facts -----

UNITS = {"per minute": "minute", "per contact": "transaction", "per hour": "hour"}
CERT_STATUS = {"held": "held", "in progress": "in progress", "not held": "not held",
               "via subcontractor": "via third party"}  # fmt: skip
MODELS = ("onshore", "nearshore", "offshore")


def facts_values(vendor: str, facts: dict) -> list:
    """A vendor's stated facts as the matrix's cited values (one source per fact)."""
    from assistant.compare import Source, TermValue
    from assistant.compare.requirements import framework_field

    out = []

    def add(field: str, text: str, data: dict, fact: str) -> None:
        quote = f"{fact}: {text}"
        out.append(TermValue(field, text, data, Source(f"{vendor}.facts", vendor, 1, quote)))

    for model in facts.get("delivery_models", []):
        add(
            "delivery_model",
            f"{model}: proposed",
            {"model": model, "status": "proposed"},
            "delivery",
        )
    for site in facts.get("sites", []):
        data = {"site": site["city"], "key": site["city"], "country": site.get("country", "")}
        data["proposed"] = True
        if site.get("model"):
            data["model"] = site["model"]
        add("locations", site["city"], data, "sites")
    if "term_months" in facts:
        months = facts["term_months"]
        add(
            "contract_term",
            f"{months} months",
            {"months": months, "key": f"{months} months"},
            "term",
        )
    for name, status in (facts.get("certifications") or {}).items():
        field = framework_field(name)
        if field is None:
            continue  # a scheme the matrix has no row for (basic Cyber Essentials)
        kind = (
            "Type II" if name.endswith("Type II") else ("Type I" if name.endswith("Type I") else "")
        )
        data = {"status": CERT_STATUS[status], "type": kind, "strength": 2, "key": status}
        add(field, f"{name}: {status}", data, "certifications")
    if "hipaa_baa" in facts:
        status = "will sign" if facts["hipaa_baa"] else "not held"
        data = {"status": status, "type": "", "strength": 2}
        add("cert_hipaa", f"BAA: {facts['hipaa_baa']}", data, "hipaa_baa")
    for lang in facts.get("languages", []):
        add("languages", f"{lang}: offered", {"language": lang, "status": "offered"}, "languages")
    for channel, hours in (facts.get("hours") or {}).items():
        always = str(hours).strip() == "24/7"
        data = {"24_7": always, "channel": channel, "basis": "stated"}
        if not always:
            data["ranges"] = [str(hours)]
        add(f"hours_{channel}", str(hours), data, "hours")
    if sl := facts.get("service_level"):
        data = {"percent": sl["percent"], "within_seconds": sl["seconds"], "key": str(sl)}
        add("sl_voice", f"{sl['percent']}% in {sl['seconds']} seconds", data, "service_level")
    if "data_residency" in facts:
        from assistant.reading.vocab import find_terms

        names = [t.name for t in find_terms(facts["data_residency"], ("location",))]
        region = names[0] if names else facts["data_residency"]
        add(
            "data_residency",
            region,
            {"region": region, "kept": True, "key": region},
            "data_residency",
        )
    if "notice_period_days" in facts:
        days = facts["notice_period_days"]
        add("termination_notice", f"{days} days", {"days": days, "key": f"{days} days"}, "notice")
    for rate in facts.get("rates", []):
        data = {"currency": rate["currency"], "amount": float(rate["price"]),
                "unit": UNITS[rate["unit"]], "channels": [rate["channel"]]}  # fmt: skip
        if rate.get("model"):
            data["delivery"] = rate["model"]
        if rate.get("site"):
            data["site"] = rate["site"]
        add("rates", _rate_text(data), data, "rates")
    for fee in facts.get("one_time_fees", []):
        data = {"currency": fee["currency"], "amount": float(fee["price"]), "kind": fee.get("what")}
        add("one_time_fees", f"{fee['currency']} {fee['price']}", data, "one_time_fees")
    if minimum := facts.get("minimum_commitment"):
        data = {"kind": "spend", "currency": minimum["currency"], "amount": float(minimum["price"]),
                "per": "month"}  # fmt: skip
        add(
            "minimum_commitment",
            f"{minimum['currency']} {minimum['price']} per month",
            data,
            "minimum",
        )
    return out


def _rate_text(data: dict) -> str:
    from assistant.compare.commercial import rate_text

    return rate_text(data)


def facts_requirements(buyer: dict):
    """The buyer's block as Requirements, and requirement id -> the check key that judges it.

    The cases' cost rule bills handled time (per hour = volume × handle minutes / 60 × rate),
    so occupancy is 1 here; the product's default prices productive hours at 80 %.
    """
    from assistant.compare import Requirements, ServiceTarget

    volumes = {c: float(v) for c, v in buyer["volumes"].items()}
    values: dict = {
        "monthly_contacts": int(sum(volumes.values())),
        "channel_mix": volumes,
        "aht_minutes": {c: float(m) for c, m in buyer.get("handle_minutes", {}).items()},
        "currency": buyer["currency"],
        "currency_stated": True,
        "occupancy": 1.0,
        "weights": {
            "price": 30.0,
            "compliance": 20.0,
            "service levels": 15.0,
            "coverage": 15.0,
            "contract": 10.0,
        },  # fmt: skip
    }
    certs, languages, residency, countries, keys, mandatory = [], [], [], [], {}, set()
    for r in buyer.get("requirements", []):
        what, key = r["what"], None
        if what == "delivery model":
            values["shore_models"], key = tuple(r["allowed"]), "delivery_model"
        elif what == "maximum initial term months":
            values["max_term_months"], key = float(r["max"]), "contract_term"
        elif what == "certification":
            certs.append(r["name"])
            key = f"compliance_frameworks:{r['name']}"
        elif what == "language":
            languages.append(r["name"])
            key = f"languages:{r['name']}" if r.get("must") else "languages~"
        elif what == "hours" and str(r.get("value")) == "24/7":
            values["open_24_7"], key = tuple(volumes), "open_24_7"
        elif what == "service level":
            values["service_levels"] = {"voice": ServiceTarget(r["percent"], float(r["seconds"]))}
            key = "service_level_voice"
        elif what == "data residency":
            from assistant.reading.vocab import find_terms

            names = [t.name for t in find_terms(r["name"], ("location",))]
            residency.append(names[0] if names else r["name"])
            key = "data_residency"
        elif what == "maximum notice period days":
            values["max_notice_days"], key = float(r["max"]), "termination_notice"
        elif what == "HIPAA BAA":
            values["hipaa_baa"], key = True, "hipaa_baa_required"
        elif what == "site country":
            countries.append(r["name"])
            key = "delivery_locations"
        if key:
            keys[r["id"]] = key
            if r.get("must"):
                mandatory.add(key)
    values.update(certifications=tuple(certs), languages=tuple(languages),
                  data_residency=tuple(residency), delivery_countries=tuple(countries),
                  mandatory=frozenset(mandatory))  # fmt: skip
    if "term_months" in buyer and "max_term_months" not in values:
        values["max_term_months"] = None
    return Requirements(**{k: v for k, v in values.items() if v is not None}), keys


def build_facts_case(case: dict):
    """The scorecard of a case in the unseen schema, and its requirement-id -> key map."""
    from assistant.compare import build_scorecard, matrix_from_values

    values = {v["name"]: facts_values(v["name"], v.get("facts") or {}) for v in case["vendors"]}
    req, keys = facts_requirements(case["buyer"])
    return build_scorecard(matrix_from_values(values), req), keys


def judge_facts(case: dict, card, keys: dict) -> dict[str, list[tuple[bool, str]]]:
    """(met, what) per expectation of the unseen schema, by family."""
    from assistant.compare.scorecard import GATE_OF

    want = case.get("expected") or {}
    out: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    order = [v.vendor for v in card.ranking]
    first = order[0] if order else None
    for vendor, gates in (want.get("gates") or {}).items():
        checks = {c.key: c for c in card.checks.get(vendor, ())}
        for rid, verdict in gates.items():
            check = checks.get(keys.get(rid, ""))
            got = GATE_OF[check.verdict] if check else None
            out["gates"].append((got == verdict, f"{vendor}.{rid} {verdict!r} (got {got!r})"))
    passing = {v.vendor for v in card.ranking if v.gate.status == "meets all mandatory"}
    for v in card.ranking:
        expected = v.vendor in set(want.get("passes_all_mandatory") or [])
        out["passes"].append(
            ((v.vendor in passing) == expected, f"{v.vendor} passes all: {expected}")
        )
    for vendor in want.get("must_not_rank_first") or []:
        out["ranking"].append((first != vendor, f"{vendor} not first (first: {first})"))
    if want.get("passes_all_mandatory"):
        ok = first in set(want["passes_all_mandatory"])
        out["ranking"].append((ok, f"first passes every must-have (first: {first})"))
    allowed = {m for r in case["buyer"].get("requirements", []) if r["what"] == "delivery model"
               for m in r["allowed"]}  # fmt: skip
    banned = [m for m in MODELS if allowed and m not in allowed]
    currency = case["buyer"]["currency"]
    for item in want.get("price_excludes") or []:
        cost = card.costs.get(item["vendor"])
        used = [i.value for i in cost.inputs if i.label.endswith(" rate")] if cost else []
        bad = [u for u in used if any(m in u for m in banned)]
        foreign = cost is not None and cost.converted is False
        ok = not bad and (cost is None or cost.currency == currency or foreign)
        out["prices"].append((ok, f"{item['vendor']} priced without excluded lines (used {bad})"))
    missing = want.get("cost_missing") or {}
    for vendor, amount in (want.get("monthly_cost") or {}).items():
        cost = card.costs.get(vendor)
        if vendor in missing:
            continue
        ok = (
            cost is not None
            and cost.comparable
            and _close(cost.low, amount)
            and _close(cost.high, amount)
        )
        got = (cost.low, cost.high, cost.currency) if cost else None
        out["prices"].append((ok, f"{vendor} monthly {amount} (got {got})"))
    for vendor in missing:
        cost = card.costs.get(vendor)
        ok = cost is not None and not cost.comparable
        out["prices"].append((ok, f"{vendor} has no comparable price (got {cost and cost.text()})"))
    for flag in want.get("currency_flags") or []:
        vendor = flag["vendor"] if isinstance(flag, dict) else flag
        cost = card.costs.get(vendor)
        ok = cost is not None and not cost.converted and "not converted" in cost.currency_note
        out["currency"].append(
            (ok, f"{vendor} currency flagged (got {cost and cost.currency_note!r})")
        )
    return out


def judge(case: dict, card) -> dict[str, list[tuple[bool, str]]]:
    """(met, what) per expectation, by family."""
    want = case.get("expect") or {}
    out: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    order = [v.vendor for v in card.ranking]
    first = order[0] if order else None
    for vendor in want.get("not_first", []):
        out["ranking"].append((first != vendor, f"{vendor} not first (first: {first})"))
    if "first" in want:
        out["ranking"].append((first == want["first"], f"{want['first']} first (got {first})"))
    for above, below in want.get("order", []):
        ok = above in order and below in order and order.index(above) < order.index(below)
        out["ranking"].append((ok, f"{above} above {below} (order {order})"))
    gates = {v.vendor: v.gate.status for v in card.ranking}
    for vendor, status in (want.get("gate") or {}).items():
        got = gates.get(vendor)
        out["gates"].append((got == status, f"{vendor} gate {status!r} (got {got!r})"))
    for vendor, verdicts in (want.get("verdict") or {}).items():
        checks = card.checks.get(vendor, ())
        for key, verdict in verdicts.items():
            found = [
                c for c in checks if c.key == key or (key.endswith(":") and c.key.startswith(key))
            ]
            got = found[0].verdict if found else None
            out["verdicts"].append((got == verdict, f"{vendor}.{key} {verdict!r} (got {got!r})"))
    for vendor, models in (want.get("price_excludes") or {}).items():
        cost = card.costs.get(vendor)
        used = [i.value for i in cost.inputs if i.label.endswith(" rate")] if cost else []
        bad = [u for u in used if any(m in u for m in models)]
        out["prices"].append((not bad, f"{vendor} priced without {models} (used {bad})"))
    for vendor in want.get("no_price", []):
        cost = card.costs.get(vendor)
        out["prices"].append((cost is not None and cost.low is None, f"{vendor} has no price"))
    for vendor, (low, high) in (want.get("monthly") or {}).items():
        cost = card.costs.get(vendor)
        ok = cost is not None and _close(cost.low, low) and _close(cost.high, high)
        got = (cost.low, cost.high) if cost else None
        out["prices"].append((ok, f"{vendor} monthly {low}–{high} (got {got})"))
    for vendor in want.get("currency_flagged", []):
        cost = card.costs.get(vendor)
        ok = cost is not None and not cost.converted and "not converted" in cost.currency_note
        out["currency"].append(
            (ok, f"{vendor} currency flagged (got {cost and cost.currency_note!r})")
        )
    return out


def _close(got: float | None, want: float) -> bool:
    return got is not None and abs(got - float(want)) <= 0.01 * max(1.0, abs(float(want)))


def run_scorecard(splits: tuple[str, ...] = SPLITS) -> dict[str, dict]:
    """Per split: metric -> (value, expectations), and the misses."""
    results = {}
    for split in splits:
        cases = load_cases(split)
        if not cases:
            continue
        met: dict[str, list[bool]] = defaultdict(list)
        misses = []
        for case in cases:
            if "vendors" in case:  # the unseen schema: stated facts, not proposal texts
                card, keys = build_facts_case(case)
                judged = judge_facts(case, card, keys)
            else:
                with tempfile.TemporaryDirectory(prefix="procure-eval-scorecard-") as tmp:
                    judged = judge(case, build_case(case, Path(tmp)))
            for family, items in judged.items():
                for ok, what in items:
                    met[family].append(ok)
                    if not ok:
                        misses.append({"case": case["id"], "metric": family, "reason": what})
        metrics = {f: (sum(v) / len(v), len(v)) for f, v in met.items() if v}
        results[split] = {"metrics": metrics, "misses": misses, "cases": len(cases)}
    return results
