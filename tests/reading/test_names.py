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
