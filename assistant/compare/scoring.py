"""Field accuracy of a terms matrix against hand-written expected values (a pure eval metric)."""

from __future__ import annotations

from assistant.compare.matrix import Cell, Matrix

_TOLERANCE = 1e-3


def field_accuracy(expected: dict, matrix: Matrix) -> tuple[float, str]:
    """Share of expected (vendor, field) values the matrix gets right, and what it missed.

    Args:
        expected: {vendor name (or a distinctive part of it): {field: expected value}}. A
            number is compared with the cell's number (months, days, percent, hours…); a
            string with the cell's status for certifications, with the pricing model, or
            otherwise must occur in the summary; a list of numbers must all be amounts of
            the cell's values (rates, fees); a list of languages must equal the offered ones;
            any other list must all occur in the summary; true/false is a 24/7 or earn-back
            flag; "not stated" expects an empty cell; {"conflicting": [a, b]} expects a
            conflict whose summary names a and b.
        matrix: the matrix to score.

    Returns:
        (accuracy in [0, 1], a reason listing the misses).
    """
    total, misses = 0, []
    for vendor_key, fields in expected.items():
        vendor = _vendor(matrix, vendor_key)
        for field, want in fields.items():
            total += 1
            if vendor is None:
                misses.append(f"{vendor_key}: vendor not in matrix")
                continue
            ok, got = _matches(matrix.cell(field, vendor), want)
            if not ok:
                misses.append(f"{vendor_key}.{field}: expected {want!r}, got {got!r}")
    if not total:
        return 0.0, "no expected values"
    score = (total - len(misses)) / total
    return score, "all correct" if not misses else "; ".join(misses)


def per_field_accuracy(expected: dict, matrix: Matrix) -> dict[str, tuple[float, str]]:
    """`field_accuracy` computed separately for each field named in the expected values."""
    fields = sorted({f for values in expected.values() for f in values})
    return {
        field: field_accuracy(
            {v: {field: fs[field]} for v, fs in expected.items() if field in fs}, matrix
        )
        for field in fields
    }


def _close(got: float | None, want: float) -> bool:
    return got is not None and abs(got - float(want)) <= _TOLERANCE * max(1.0, abs(float(want)))


def _vendor(matrix: Matrix, key: str) -> str | None:
    hits = [v for v in matrix.vendors if key.lower() in v.lower()]
    return hits[0] if len(hits) == 1 else None


def _matches(cell: Cell, want) -> tuple[bool, str]:
    summary = cell.summary
    if want == "not stated":
        return not cell.stated, summary
    if isinstance(want, dict) and "conflicting" in want:
        names = [str(v).lower() for v in want["conflicting"]]
        return cell.conflicting and all(n in summary.lower() for n in names), summary
    if isinstance(want, bool):
        flag = cell.primary.get("available", cell.primary.get("24_7"))
        return cell.stated and flag is want, summary
    if isinstance(want, int | float):
        return _close(cell.number, want), summary
    if isinstance(want, list):
        if all(isinstance(w, int | float) for w in want):
            amounts = [tv.normalised.get("amount") for tv in cell.values]
            return all(any(_close(a, w) for a in amounts) for w in want), summary
        if cell.field == "languages":
            offered = cell.primary.get("offered", [])
            return sorted(offered) == sorted(want), summary
        return all(str(w).lower() in summary.lower() for w in want), summary
    if cell.field.startswith("cert_") or cell.field == "pricing_model":
        got = cell.status if cell.field.startswith("cert_") else cell.primary.get("model", "")
        return got == want, got
    return str(want).lower() in summary.lower(), summary
