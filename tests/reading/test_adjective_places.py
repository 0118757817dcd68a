"""A country named by its adjective before a site noun ('our Mexican hubs') is a place."""

from __future__ import annotations

from assistant.answer.question import plan_question
from assistant.reading.vocab import country_of_adjective, find_terms, names_a_people


def test_adjectives_of_country_names_give_the_country():
    assert country_of_adjective("Mexican") == "Mexico"
    assert country_of_adjective("Philippine") == "Philippines"
    assert country_of_adjective("Colombian") == "Colombia"
    assert country_of_adjective("Japanese") == "Japan"
    # No one-word country begins so: not a place ('American Samoa' is two words).
    assert country_of_adjective("American") is None
    assert country_of_adjective("Monday") is None
    assert country_of_adjective("mexican") is None


def test_an_adjective_of_place_is_a_place_only_before_a_site_noun():
    places = [t for t in find_terms("Voice is answered from our Kenyan centre and the Peruvian offices.")
              if t.kind == "location"]
    assert [t.name for t in places] == ["Kenya"]
    assert [t.kind for t in find_terms("Guatemalan public holidays are paid at double time.")
            if t.name == "Guatemala"] == []


def test_a_question_about_a_countrys_sites_by_its_adjective_names_the_country():
    plan = plan_question("What does Corvid Peak charge for email from its Brazilian hubs?", ["Corvid Peak"])
    assert [(m.kind, m.value.get("country")) for m in plan.qualifiers if m.kind == "location"] == [
        ("location", "Brazil")]
    word = next(c for c in plan.concepts if c.surface == "brazilian")
    assert word.covered_by(frozenset({"brazil"}))


def test_a_language_joined_to_bilingual_is_named():
    names = [t.name for t in find_terms("Our Portuguese-bilingual advisers answer from Porto.") if t.kind == "language"]
    assert names == ["Portuguese"]


def test_a_countrys_people_name_the_country():
    names = [(t.name, t.text) for t in find_terms("We mostly serve Canadians, Kiwis and Americans.")
             if t.kind == "location"]
    assert names == [("Canada", "Canadians"), ("New Zealand", "Kiwis"), ("United States", "Americans")]
    assert all(names_a_people(text) for _, text in names)
    # the country's own name, and a law named for a people, are not a people
    assert not names_a_people("Philippines")
    assert [t.kind for t in find_terms("The Americans with Disabilities Act applies.")] == ["framework"]
    assert [t.name for t in find_terms("Most of our customers are in the States.")] == ["United States"]
    assert find_terms("the states of Ohio and Iowa")[0].name == "Ohio"


def test_a_famous_city_named_like_a_word_and_a_city_without_its_qualifier_are_places():
    from assistant.reading.mentions import read

    found = {m.text for m in read("Our agents sit in Chicago and Boston; the data stays in Frankfurt.")}
    assert {"Chicago", "Boston", "Frankfurt"} <= found
    # a smaller city named like a word is not ('Reading' the verb)
    assert "Reading" not in {m.text for m in read("Reading the brief, we added Welsh.")}


def test_a_name_joined_by_a_hyphen_to_a_word_of_compliance_is_still_the_name():
    from assistant.reading.mentions import read

    found = {(m.kind, m.text) for m in read("Our PCI DSS-compliant IVR and GDPR-aligned retention suit you.")}
    assert {("framework", "PCI DSS"), ("framework", "GDPR")} <= found
    # a hyphen to another word makes a new word
    assert ("framework", "GDPR") not in {(m.kind, m.text) for m in read("A GDPR-style clause.")}


def test_provinces_states_and_island_groups_are_places():
    from assistant.reading.mentions import read

    found = {(m.text, m.value.get("country")) for m in read("Agents in Queensland, Gauteng and Mindanao.")}
    assert {("Queensland", "Australia"), ("Gauteng", "South Africa"), ("Mindanao", "Philippines")} <= found


def test_a_province_or_state_named_like_a_city_elsewhere_is_the_division():
    places = {t.text: t.value.get("country") for t in find_terms(
        "Our members live across Ontario and Quebec, and a few in Victoria.") if t.kind == "location"}
    assert places == {"Ontario": "Canada", "Quebec": "Canada", "Victoria": "Australia"}


def test_a_census_region_is_in_the_united_states_only_as_a_name():
    names = [t.name for t in find_terms("We ship to stores across the Midwest and the Northeast.")
             if t.kind == "location"]
    assert names == ["Midwest", "Northeast"]
    assert [t.name for t in find_terms("Our depot sits to the northeast of the town.")
            if t.kind == "location"] == []


def test_sms_is_a_channel_in_any_case():
    assert [t.name for t in find_terms("calls 70 sms 30, and SMS reminders") if t.kind == "channel"] == [
        "voice", "sms", "sms"]


def test_a_country_said_with_a_possessive_is_the_country():
    assert [t.name for t in find_terms("South Africa's time zone suits us.") if t.kind == "location"] == [
        "South Africa"]


def test_a_possessive_at_the_end_of_an_organisations_name_is_no_place():
    assert [t.name for t in find_terms("Ring Gas Networks Ireland's line first.") if t.kind == "location"] == []
