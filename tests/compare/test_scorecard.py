"""Scorecard maths on a small hand-made matrix, and the profile -> requirements mapping."""

from __future__ import annotations

import pytest

from assistant.compare import (
    Requirements,
    Source,
    TermValue,
    build_scorecard,
    matrix_from_values,
    requirements_from_profile,
)

ALPHA, BETA = "Alpha Contact", "Beta Care"


def value(field: str, vendor: str, normalised: dict, text: str = "x") -> TermValue:
    return TermValue(field, text, normalised, Source(f"{vendor[:4].lower()}.pdf", vendor, 1, text))


@pytest.fixture
def matrix():
    alpha = [
        value(
            "rates",
            ALPHA,
            {
                "currency": "USD",
                "amount": 20.0,
                "unit": "hour",
                "channels": ["voice", "chat", "email"],
            },
        ),  # fmt: skip
        value("minimum_commitment", ALPHA, {"kind": "volume", "amount": 10, "unit": "FTE"}),
        value("one_time_fees", ALPHA, {"currency": "USD", "amount": 10000.0}),
        value("contract_term", ALPHA, {"months": 24, "key": "24 months"}, "24 months"),
        value("cert_iso_27001", ALPHA, {"status": "held", "type": "", "strength": 2}, "held"),
        value("pilot_length", ALPHA, {"offered": True, "days": 30, "key": "30 days"}, "30 days"),
        value("attrition", ALPHA, {"percent": 20, "key": "20"}, "20%"),
        value("languages", ALPHA, {"language": "English", "status": "offered"}),
        value("hours_voice", ALPHA, {"24_7": True, "basis": "stated", "channel": "voice"}, "24/7"),
    ]
    beta = [
        value("rates", BETA, {"currency": "EUR", "amount": 2.0, "unit": "transaction"}),
        value("contract_term", BETA, {"months": 36, "key": "36 months"}, "36 months"),
        value(
            "cert_iso_27001", BETA, {"status": "not held", "type": "", "strength": 2}, "not held"
        ),
        value("pilot_length", BETA, {"offered": False, "key": "none"}, "no pilot offered"),
        value("attrition", BETA, {"percent": 40, "key": "40"}, "40%"),
        value("languages", BETA, {"language": "Spanish", "status": "offered"}),
    ]
    return matrix_from_values({ALPHA: alpha, BETA: beta})


@pytest.fixture
def req():
    return Requirements(
        monthly_contacts=10_000, channel_mix={"voice": 100}, aht_minutes={"voice": 6},
        certifications=("ISO 27001",), languages=("English",), open_24_7=("voice",),
        max_term_months=24, pilot_wanted=True, fx={"USD": 1.0, "EUR": 1.1},
        weights={"price": 1, "compliance": 1, "coverage": 1, "contract": 1, "workforce": 1},
    )  # fmt: skip


def test_cost_estimates_on_one_scale(matrix, req):
    card = build_scorecard(matrix, req)
    alpha, beta = card.costs[ALPHA], card.costs[BETA]
    # 10,000 calls x 6 min = 1,000 handled hours; / 80% occupancy = 1,250 productive hours x USD 20.
    assert alpha.low == alpha.high == pytest.approx(25_000)
    # 10 FTE minimum x 160 h x 70% x USD 20 = 22,400: below the estimate, so it does not bind.
    assert not any("minimum commitment" in a for a in alpha.assumptions)
    assert alpha.one_time == 10_000
    # 10,000 transactions x EUR 2.00 x 1.1 = USD 22,000.
    assert beta.mid == pytest.approx(22_000)
    assert beta.one_time is None and "one-time fees not stated" in beta.missing
    assert alpha.text() == "USD 25,000 per month"


def test_checks_and_verdicts(matrix, req):
    card = build_scorecard(matrix, req)
    verdicts = {c.requirement: c.verdict for c in card.checks[ALPHA]}
    assert verdicts == {
        "ISO 27001 in place": "meets", "languages: English": "meets", "voice open 24/7": "meets",
        "initial term at most 24 months": "meets", "pilot offered": "meets",
    }  # fmt: skip
    verdicts = {c.requirement: c.verdict for c in card.checks[BETA]}
    assert verdicts == {
        "ISO 27001 in place": "does not meet", "languages: English": "does not meet",
        "voice open 24/7": "not addressed", "initial term at most 24 months": "does not meet",
        "pilot offered": "does not meet",
    }  # fmt: skip
    iso = next(c for c in card.checks[ALPHA] if c.requirement == "ISO 27001 in place")
    assert iso.evidence and iso.evidence[0].document == "alph.pdf"


def test_weighted_ranking_shows_why(matrix, req):
    card = build_scorecard(matrix, req)
    first, second = card.ranking
    assert (first.vendor, first.rank, second.vendor, second.rank) == (ALPHA, 1, BETA, 2)
    alpha = {c.criterion: c.score for c in first.criteria}
    beta = {c.criterion: c.score for c in second.criteria}
    # price: cheapest midpoint / own midpoint
    assert alpha["price"] == pytest.approx(22_000 / 25_000, abs=1e-3) and beta["price"] == 1.0
    assert (alpha["compliance"], beta["compliance"]) == (1.0, 0.0)
    assert (alpha["coverage"], beta["coverage"]) == (1.0, 0.0)
    assert (alpha["contract"], beta["contract"]) == (1.0, 0.0)
    # workforce: attrition relative to the best (lower is better): 20/20 and 20/40
    assert (alpha["workforce"], beta["workforce"]) == (1.0, 0.5)
    assert first.total == pytest.approx(100 * (0.88 + 4) / 5, abs=0.1)
    assert second.total == pytest.approx(100 * 1.5 / 5, abs=0.1)
    why = {c.criterion: c.reason for c in second.criteria}
    assert "ISO 27001 in place: does not meet" in why["compliance"]
    assert "40%" in why["workforce"]
    assert (
        "# Vendor scorecard" in card.to_markdown()
        and card.to_dict()["ranking"][0]["vendor"] == ALPHA
    )


def test_budget_and_missing_volume(matrix, req):
    from dataclasses import replace

    card = build_scorecard(matrix, replace(req, budget_monthly=23_000))
    budget = {
        v: next(c for c in checks if c.criterion == "price").verdict
        for v, checks in card.checks.items()
    }
    assert budget == {ALPHA: "does not meet", BETA: "meets"}
    card = build_scorecard(matrix, replace(req, monthly_contacts=None))
    assert (
        card.costs[ALPHA].low is None
        and "monthly contact volume not given" in card.costs[ALPHA].missing
    )
    assert all(c.score is None for v in card.ranking for c in v.criteria if c.criterion == "price")


def test_requirements_from_a_real_profile():
    from assistant.interview.profile import Profile

    profile = Profile()
    for name, slot_type, val in [
        ("monthly_volume", "int", 60000),
        ("channel_mix", "channel_mix", {"voice": 55, "chat": 25, "email": 20}),
        ("average_handle_time", "duration", {"amount": 7, "unit": "minutes"}),
        ("languages", "list[str]", ["English", "Spanish"]),
        ("compliance_frameworks", "list[str]", ["PCI DSS", "HIPAA"]),
        ("contract_term", "duration", {"amount": 2, "unit": "years"}),
        ("pilot_wanted", "bool", True),
        ("channel_hours", "channel_hours", {"voice": "24/7", "chat": "8am-8pm"}),
        ("evaluation_criteria", "list[str]", ["price", "security"]),
    ]:
        profile.set(name, slot_type, val, 1, "answer")
    req = requirements_from_profile(profile)
    assert req.monthly_contacts == 60000
    assert req.channel_mix == {"voice": 55.0, "chat": 25.0, "email": 20.0}
    assert req.aht_minutes == {"voice": 7.0, "chat": 7.0, "email": 7.0}
    assert req.certifications == ("PCI DSS", "HIPAA") and req.hipaa_baa
    assert req.max_term_months == 24
    assert req.open_24_7 == ("voice",) and req.pilot_wanted is True
    assert req.weights["price"] == 60 and req.weights["compliance"] == 40
    assert requirements_from_profile({}, currency="EUR").currency == "EUR"
    with pytest.raises(TypeError):
        requirements_from_profile(["not", "a", "profile"])


def test_a_vendor_failing_a_must_have_never_ranks_first(matrix, req):
    """Beta is cheaper; with its 36-month term against a must-have 24 it still ranks last."""
    from dataclasses import replace

    open_req = replace(req, weights={"price": 1}, certifications=())
    assert build_scorecard(matrix, open_req).ranking[0].vendor == BETA  # cheapest wins on price
    gated = replace(open_req, mandatory=frozenset({"contract_term"}))
    card = build_scorecard(matrix, gated)
    first, second = card.ranking
    assert (first.vendor, second.vendor) == (ALPHA, BETA)
    assert first.gate.status == "meets all mandatory" and second.gate.status == "fails mandatory"
    assert second.total > first.total  # ranked below despite the higher weighted total
    assert "initial term at most 24 months (36 months)" in second.gate.text()
    term = next(c for c in card.checks[BETA] if c.key == "contract_term")
    assert term.mandatory and term.verdict == "does not meet"


def test_not_addressed_is_its_own_gate_and_ranks_between(matrix, req):
    from dataclasses import replace

    gated = replace(req, mandatory=frozenset({"channel_hours"}), weights={"price": 1})
    card = build_scorecard(matrix, gated)
    gates = {v.vendor: v.gate for v in card.ranking}
    assert gates[BETA].status == "mandatory not addressed"  # Beta says nothing of its hours
    assert gates[BETA].not_addressed[0].requirement == "voice open 24/7"
    assert "not addressed" in gates[BETA].text() and "fails" not in gates[BETA].text()
    assert [v.vendor for v in card.ranking] == [ALPHA, BETA]


def test_excluded_delivery_model_never_enters_the_price():
    onshore = value("rates", ALPHA, {"currency": "USD", "amount": 30.0, "unit": "hour",
                                     "channels": ["voice"], "delivery": "onshore"})  # fmt: skip
    offshore = value("rates", ALPHA, {"currency": "USD", "amount": 10.0, "unit": "hour",
                                      "channels": ["voice"], "delivery": "offshore"})  # fmt: skip
    matrix = matrix_from_values({ALPHA: [onshore, offshore]})
    base = Requirements(
        monthly_contacts=8_000, channel_mix={"voice": 100}, aht_minutes={"voice": 6}
    )
    from dataclasses import replace

    both = build_scorecard(matrix, base).costs[ALPHA]
    assert (both.low, both.high) == (pytest.approx(10_000), pytest.approx(30_000))
    cost = build_scorecard(matrix, replace(base, excluded_models=("offshore",))).costs[ALPHA]
    assert cost.low == cost.high == pytest.approx(30_000)  # 1,000 h / 80% x USD 30
    assert all("offshore" not in i.value for i in cost.inputs if i.label == "voice rate")
    assert any("offshore delivery is excluded" in e for e in cost.excluded)
    assert cost.inputs[-1].source is not None  # the rate used is cited


def test_currency_mismatch_is_flagged_and_not_converted(matrix, req):
    from dataclasses import replace

    card = build_scorecard(matrix, replace(req, fx={}))
    beta = card.costs[BETA]
    assert beta.currency == "EUR" and not beta.converted and beta.mid == pytest.approx(20_000)
    assert "not converted" in beta.currency_note and "EUR→USD" in beta.currency_note
    price = next(c for c in next(v for v in card.ranking if v.vendor == BETA).criteria
                 if c.criterion == "price")  # fmt: skip
    assert price.score is None  # never compared with USD prices
    converted = build_scorecard(matrix, req).costs[BETA]
    assert converted.converted and "EUR→USD at 1.1 (rate stated)" in converted.currency_note


def test_whole_term_cost_and_missing_inputs(matrix, req):
    card = build_scorecard(matrix, req)
    alpha = card.costs[ALPHA]
    assert alpha.term_months == 24
    assert alpha.term_low == pytest.approx(25_000 * 24 + 10_000)
    assert alpha.term_text() == "USD 610,000 over 24 months"
    assert any(i.origin.startswith("buyer") and i.label == "monthly contacts" for i in alpha.inputs)


def test_priorities_of_a_real_profile_make_requirements_mandatory():
    from assistant.interview.profile import Profile

    profile = Profile()
    term = {"amount": 2, "unit": "years"}
    profile.set("contract_term", "duration", term, 1, "2 years max, essential", priority="must")
    profile.set("languages", "list[str]", ["English", "Spanish"], 1, "English a must, Spanish nice",
                item_priority={"English": "must", "Spanish": "nice"})  # fmt: skip
    profile.set("compliance_frameworks", "list[str]", ["PCI DSS"], 1, "we take cards")
    profile.set("pilot_wanted", "bool", True, 1, "a pilot would be nice", priority="nice")
    req = requirements_from_profile(profile)
    assert req.is_mandatory("contract_term") and req.is_mandatory("languages:English")
    assert not req.is_mandatory("languages:Spanish") and not req.is_mandatory("pilot_wanted")
    assert req.is_mandatory("compliance_frameworks:PCI DSS")  # compliance the buyer needs
    assert req.sources["contract_term"] == "2 years max, essential"


def test_eu_data_residency_is_mandatory_and_checked_by_region():
    req = requirements_from_profile({"eu_data_residency": True})
    assert req.data_residency == ("EEA",) and req.is_mandatory("data_residency")
    stated = {
        "Eurohost": [value("data_residency", "Eurohost", {"region": "EU", "kept": True})],
        "Ukhost": [value("data_residency", "Ukhost", {"region": "United Kingdom", "kept": True})],
        "Quiet": [value("attrition", "Quiet", {"percent": 20, "key": "20"})],
    }
    card = build_scorecard(matrix_from_values(stated), req)
    verdicts = {
        v: next(c.verdict for c in cs if c.key == "data_residency") for v, cs in card.checks.items()
    }
    assert verdicts == {"Eurohost": "meets", "Ukhost": "does not meet", "Quiet": "not addressed"}
    assert card.ranking[0].vendor == "Eurohost"


def test_a_city_where_data_is_kept_lies_within_its_countrys_region():
    req = requirements_from_profile({"eu_data_residency": True})
    lyon = {"region": "Lyon", "kept": True, "country": "France"}
    leeds = {"region": "Leeds", "kept": True, "country": "United Kingdom"}
    stated = {
        "Lyonhost": [value("data_residency", "Lyonhost", lyon)],
        "Leedshost": [value("data_residency", "Leedshost", leeds)],
    }
    card = build_scorecard(matrix_from_values(stated), req)
    verdicts = {
        v: next(c.verdict for c in cs if c.key == "data_residency") for v, cs in card.checks.items()
    }
    assert verdicts == {"Lyonhost": "meets", "Leedshost": "does not meet"}


def test_a_framework_is_found_on_its_row_by_the_reading_layers_name_for_it():
    from assistant.compare.requirements import framework_field

    assert framework_field("SOC 2 Type 2") == framework_field("SOC 2") == "cert_soc2"
    assert framework_field("PCI-DSS v4") == "cert_pci_dss"
    assert framework_field("hitrust r2") == "cert_hitrust"
    assert framework_field("Cyber Essentials") is None  # basic: the matrix has a row for Plus only
    assert framework_field("ISO 9001") is None


def test_a_vendor_proposing_an_excluded_model_too_is_told_so():
    def site(vendor: str, city: str, country: str, model: str) -> TermValue:
        data = {"site": city, "key": city, "country": country, "proposed": True, "model": model}
        return value("locations", vendor, data, city)

    manila = ("Manila", "Philippines", "offshore")
    alpha = [site(ALPHA, "Lisbon", "Portugal", "nearshore"), site(ALPHA, *manila)]
    matrix = matrix_from_values({ALPHA: alpha, BETA: [site(BETA, *manila)]})
    req = Requirements(monthly_contacts=1_000, excluded_models=("offshore",))
    card = build_scorecard(matrix, req)
    mixed = next(c for c in card.checks[ALPHA] if c.requirement == "delivery model: not offshore")
    assert mixed.verdict == "meets"
    assert "also proposes offshore" in mixed.reason and "confirm" in mixed.reason
    offshore = next(c for c in card.checks[BETA] if c.requirement == "delivery model: not offshore")
    assert offshore.verdict == "does not meet" and offshore.reason == "proposes offshore"
