"""Company names: folded, shortened for display, found in a question however people write them."""

from __future__ import annotations

from assistant.reading.names import (
    VendorAliases,
    distinctive_word,
    fold,
    normal_case,
    resolve_vendors,
    short_name,
)

VENDORS = [
    VendorAliases("Blue Peak", ("Blue Peak Services, Inc.", "Blue Peak Services", "BPS", "BluePeak")),
    VendorAliases("Åkerby Kontakt", ("Åkerby Kontakt AB", "akerby kontakt", "Åkerby")),
    VendorAliases("Stonecrest", ("Stonecrest Customer Experience LLC", "SCX")),
]


def test_fold_and_short_names():
    assert distinctive_word("Åkerby Kontakt") == "Åkerby" and distinctive_word("Blue Peak") == ""
    assert fold("Åkerström Łódź Ørsted") == "akerstrom lodz orsted"
    assert short_name("Blue Peak Services, Inc.") == "Blue Peak"
    assert short_name("Global Services Ltd") == "Global"
    assert short_name("Northwind BPO B.V.") == "Northwind"
    assert normal_case("BLUE PEAK SERVICES, INC.") == "Blue Peak Services, Inc."
    assert normal_case("Stonecrest CX") == "Stonecrest CX"


def test_a_vendor_is_found_by_any_alias_spacing_accent_or_typo():
    for question in ("What does bluepeak charge?", "Blue Peak's rates?", "Does BPS hold PCI?",
                     "blue-peak attrition", "What is Blu Peak's notice period?"):
        assert resolve_vendors(question, VENDORS) == ["Blue Peak"], question
    assert resolve_vendors("akerby kontakt languages", VENDORS) == ["Åkerby Kontakt"]
    assert resolve_vendors("Åkerby's pilot", VENDORS) == ["Åkerby Kontakt"]
    assert resolve_vendors("stonecrst attrition?", VENDORS) == ["Stonecrest"]


def test_common_words_and_other_vendors_do_not_match():
    assert resolve_vendors("Which vendors offer services in Spanish?", VENDORS) == []
    assert resolve_vendors("What is the peak season uplift?", VENDORS) == []
    assert resolve_vendors("Compare Blue Peak and Stonecrest on price", VENDORS) == ["Blue Peak", "Stonecrest"]


def test_a_subsidiary_country_after_trade_words_is_not_part_of_the_short_name():
    assert short_name("Quillon Contact Solutions Portugal, Lda") == "Quillon"
    assert short_name("Fernhill Services India Pvt. Ltd.") == "Fernhill"
    assert short_name("Air Chile") == "Air Chile"  # no trade word before the country


def test_a_longer_name_of_one_vendor_wins_over_a_shared_word_of_another():
    vendors = [
        VendorAliases("Heron Bay", ("Heron Bay Contact Ltd", "heron bay", "Heron")),
        VendorAliases("Heron Lane", ("Heron Lane Services", "heron lane", "Heron")),
    ]
    assert resolve_vendors("Does Heron Bay hold PCI DSS?", vendors) == ["Heron Bay"]
    assert resolve_vendors("heron lane's notice period", vendors) == ["Heron Lane"]
    assert resolve_vendors("What does Heron charge?", vendors) == ["Heron Bay", "Heron Lane"]
    assert resolve_vendors("Heron Bay or Heron Lane: who is cheaper?", vendors) == ["Heron Bay", "Heron Lane"]


def test_languages_written_by_their_own_names_and_more_frameworks_are_known():
    from assistant.reading.mentions import read

    found = {(m.kind, m.value.get("name")) for m in read("isiZulu and Sepedi agents; an ISAE 3402 report and NCQA accreditation.")}
    assert {("language", "Zulu"), ("language", "Northern Sotho"), ("framework", "ISAE 3402"), ("framework", "NCQA")} <= found


def test_a_hybrid_model_in_a_proposal_is_home_and_office_working():
    from assistant.reading.mentions import read

    found = {(m.kind, m.value.get("name")) for m in read("We run a hybrid model, with half the agents at home.")}
    assert ("delivery_model", "hybrid") in found and ("pricing_model", "hybrid") not in found
    priced = {(m.kind, m.value.get("name")) for m in read("We propose hybrid pricing: a base fee plus a per-call rate.")}
    assert ("pricing_model", "hybrid") in priced


def test_one_vendors_exact_name_is_no_misspelling_of_anothers():
    vendors = [
        VendorAliases("Marlow Gate", ("Marlow Gate Services Ltd", "marlow gate")),
        VendorAliases("Marlowgale", ("Marlowgale Contact plc", "marlowgale")),
    ]
    assert resolve_vendors("What notice does Marlowgale require?", vendors) == ["Marlowgale"]
    assert resolve_vendors("What notice does Marlow Gate require?", vendors) == ["Marlow Gate"]
    assert resolve_vendors("What notice does Marlowgat require?", vendors[:1]) == ["Marlow Gate"]  # a typo still names it
    vendors.append(VendorAliases("Marlow Gate Contact", ("Marlow Gate Contact Ltd",)))
    assert resolve_vendors("Can Marlowgale contract out Welsh?", vendors[1:]) == ["Marlowgale"]
