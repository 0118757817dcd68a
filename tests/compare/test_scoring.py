"""field_accuracy: a pure eval metric over a matrix and hand-written expected values."""

from __future__ import annotations

from assistant.compare import Source, TermValue, field_accuracy, matrix_from_values
from assistant.compare.scoring import per_field_accuracy


def tv(field: str, normalised: dict, text: str, page: int = 1) -> TermValue:
    return TermValue(field, text, normalised, Source("a.pdf", "Acme Care", page, text))


MATRIX = matrix_from_values(
    {
        "Acme Care": [
            tv("contract_term", {"months": 24, "key": "24 months"}, "24 months", 1),
            tv("contract_term", {"months": 36, "key": "36 months"}, "36 months", 7),
            tv("cert_pci_dss", {"status": "in progress", "type": "", "strength": 2}, "in progress"),
            tv("rates", {"currency": "USD", "amount": 28.5, "unit": "hour"}, "USD 28.50 per hour"),
            tv("languages", {"language": "English", "status": "offered"}, "English: offered"),
            tv("pilot_length", {"offered": True, "days": 45, "key": "45 days"}, "45 days"),
        ]
    }
)


def test_all_correct():
    expected = {
        "Acme": {
            "contract_term": {"conflicting": ["24 months", "36 months"]},
            "cert_pci_dss": "in progress",
            "cert_hipaa": "not stated",
            "rates": [28.50],
            "languages": ["English"],
            "pilot_length": 45,
        }
    }
    assert field_accuracy(expected, MATRIX) == (1.0, "all correct")


def test_misses_are_counted_and_named():
    expected = {
        "Acme": {
            "pilot_length": 60,
            "cert_pci_dss": "held",
            "rates": [28.50, 14.20],
            "attrition": 30,
        }
    }
    score, reason = field_accuracy(expected, MATRIX)
    assert score == 0.0
    assert "Acme.pilot_length: expected 60" in reason and "Acme.cert_pci_dss" in reason
    assert "Acme.attrition" in reason
    by_field = per_field_accuracy({"Acme": {"pilot_length": 45, "attrition": 30}}, MATRIX)
    assert by_field["pilot_length"][0] == 1.0 and by_field["attrition"][0] == 0.0


def test_a_conflict_must_be_flagged_not_just_present():
    single = matrix_from_values(
        {"Acme Care": [tv("contract_term", {"months": 36, "key": "36 months"}, "36 months")]}
    )
    score, _ = field_accuracy(
        {"Acme": {"contract_term": {"conflicting": ["24 months", "36 months"]}}}, single
    )
    assert score == 0.0


def test_unknown_vendor_and_empty_expectations():
    assert field_accuracy({"Nobody": {"pilot_length": 45}}, MATRIX)[0] == 0.0
    assert field_accuracy({}, MATRIX) == (0.0, "no expected values")
