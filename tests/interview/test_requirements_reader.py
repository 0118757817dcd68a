"""Free-text requirements and listed scope items: what is kept in the buyer's words, and what
a correction takes out of a quote (made-up messages, with negative controls)."""

from __future__ import annotations

import pytest

from assistant.interview.commands import chat_turn
from assistant.interview.discourse import about_the_talk
from assistant.interview.extract import read_message
from assistant.interview.intents import Edit, parse_edit
from assistant.interview.profile import Profile
from assistant.interview.readers.requirements import _names_a_thing, _without_gloss
from assistant.interview.update import Change, drop_stale_quotes, without_item


@pytest.mark.parametrize(
    "item",
    ["debit card disputes", "help finding a provider", "IT helpdesk tickets", "Gift Aid questions"],
)
def test_a_noun_phrase_names_a_service(item):
    assert _names_a_thing(item)


@pytest.mark.parametrize(
    "item",
    [
        "the night team is tiny",
        "we've moved that to the morning",
        "you won't see it on a form",
        "for the deposits",
        "Priya Nair here",
        "Priya Nair",
    ],
)
def test_a_clause_a_tail_or_a_name_is_no_service(item):
    assert not _names_a_thing(item)


@pytest.mark.parametrize(
    ("piece", "item"),
    [
        ("meaning refund questions", "refund questions"),
        ("so for us it would be address changes", "address changes"),
        ("the bulk of it will be meter readings", "meter readings"),
        ("and it'd be parcel claims", "parcel claims"),
        ("and warranty claims.", "warranty claims"),
        ("spare parts orders", "spare parts orders"),
    ],
)
def test_the_words_leading_into_an_item_are_not_part_of_it(piece, item):
    assert _without_gloss(piece) == item


def _scope_items(text: str, plan) -> list[str]:
    reading = read_message(text, plan, pending=("services",))
    return [
        v
        for f in reading.found
        if f.slot == "other_requirements"
        for v in f.value
        if v.startswith("Service in scope")
    ]


def test_listed_services_are_kept_and_an_excluded_list_is_not(plan):
    kept = _scope_items(
        "Scope would be spare parts orders, loyalty point questions and returns.", plan
    )
    assert "Service in scope: spare parts orders" in kept
    assert "Service in scope: loyalty point questions" in kept
    excluded = _scope_items("Installation visits and spare parts orders are not in scope.", plan)
    assert not excluded


def test_a_greeting_gives_no_scope_item(plan):
    items = _scope_items("Hi, Priya Nair here - we want help with spare parts orders.", plan)
    assert not any("Priya" in item for item in items)


@pytest.mark.parametrize(
    ("text", "item", "expected"),
    [
        (
            "Agents must speak Spanish, Dutch and Italian.",
            "Dutch",
            "Agents must speak Spanish and Italian.",
        ),
        ("We serve Spain, Portugal and Belgium.", "Belgium", "We serve Spain and Portugal."),
        (
            "Regulators: the AMF in France, the FSMA in Belgium and the CNMV in Spain.",
            "Belgium",
            "Regulators: the AMF in France and the CNMV in Spain.",
        ),
        ("Nothing about that country here.", "Belgium", "Nothing about that country here."),
    ],
)
def test_a_removed_item_leaves_the_list_in_a_quote(text, item, expected):
    assert without_item(text, item) == expected


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("Belgium must be covered from day one.", "Belgium"),
        ("We serve Spain, Portugal and Belgium mostly by phone.", "Belgium"),
    ],
)
def test_a_quote_about_a_removed_item_goes(text, item):
    assert without_item(text, item) is None


def test_a_correction_takes_the_item_out_of_earlier_quotes(tmp_path):
    chat_turn(tmp_path, "start")
    chat_turn(tmp_path, "Acme Ltd")
    chat_turn(tmp_path, "Our agents must speak Spanish, Dutch and Italian natively.")
    result = chat_turn(tmp_path, "Actually, drop Dutch.")
    profile = result["profile"]
    assert profile["languages"] == ["Spanish", "Italian"]
    notes = profile.get("other_requirements") or []
    assert not any("Dutch" in note for note in notes), notes
    assert any("Spanish and Italian" in note for note in notes), notes


def test_a_quote_of_the_removing_message_stays():
    profile = Profile()
    notes = ["Agents answer phone, chat and email", "Chat is not in scope for the pilot"]
    profile.set("other_requirements", "notes", notes, 2, "")
    changes = [
        Change("channels", ["voice", "chat", "email"], ["voice", "email"]),
        Change("other_requirements", notes[:1], notes),
    ]
    drop_stale_quotes(profile, changes)
    assert profile.get("other_requirements") == [
        "Agents answer phone and email",
        "Chat is not in scope for the pilot",
    ]


def test_a_kind_of_contact_out_of_scope_keeps_the_channel(tmp_path):
    chat_turn(tmp_path, "start")
    chat_turn(tmp_path, "Acme Ltd")
    chat_turn(tmp_path, "We use phone, chat and email.")
    result = chat_turn(
        tmp_path, "Warranty repair calls are not in scope: those stay with the maker."
    )
    profile = result["profile"]
    assert "voice" in profile["channels"]
    assert not any("those stay" in n for n in profile.get("other_requirements") or [])
    result = chat_turn(tmp_path, "The calls are not in scope any more, email and chat only.")
    assert "voice" not in result["profile"]["channels"]


@pytest.mark.parametrize(
    "text",
    ["Actually, drop Dutch.", "Sorry - remove the chat channel.", "OK, and forget nearshore."],
)
def test_a_drop_after_a_correction_word_removes(text, plan):
    assert parse_edit(text, plan).edit is Edit.REMOVE


@pytest.mark.parametrize("text", ["Actually, Dutch too.", "Dropping prices matter to us."])
def test_no_drop_word_no_removal(text, plan):
    assert parse_edit(text, plan).edit is not Edit.REMOVE


def test_announcing_a_correction_is_about_the_talk():
    assert about_the_talk("I must correct something I said earlier.")
    assert about_the_talk("Let me clarify something I mentioned before.")
    assert not about_the_talk("Agents must correct any address errors in the record.")


def _found(text: str, plan) -> dict:
    reading = read_message(text, plan, None, ("company_name",), {})
    out: dict = {}
    for f in reading.found:
        if isinstance(f.value, list):
            out.setdefault(f.slot, []).extend(f.value)
        else:
            out[f.slot] = f.value
    return out


def test_a_countrys_people_are_the_customers(plan):
    found = _found("We run cookery classes in Lyon, mostly for Canadians and Brits.", plan)
    assert found.get("customer_regions") == ["Canada", "United Kingdom"]
    assert "Canada" not in (found.get("delivery_locations") or [])


def test_a_countrys_people_beside_the_staff_are_no_customers(plan):
    found = _found("Our agents are mostly Mexicans and Colombians.", plan)
    assert not found.get("customer_regions")


def test_now_after_a_story_is_the_present(plan):
    found = _found(
        "My uncle opened the shop in 1991, and now we sell bikes across Denmark, mostly to Germans.",
        plan,
    )
    assert "Germany" in (found.get("customer_regions") or [])
    story = _found("My uncle opened a shop for Germans in 1991.", plan)
    assert not story.get("customer_regions")


def test_the_shore_is_the_buyers_own_country(tmp_path):
    chat_turn(tmp_path, "start")
    chat_turn(
        tmp_path, "We're Glen Tours, based in Dublin, Ireland, and our guests are mostly Americans."
    )
    result = chat_turn(tmp_path, "The agents should sit in Ireland.")
    assert result["profile"].get("shore_model") == ["onshore"]


def test_a_home_place_allowed_beside_a_named_shore_model_adds_onshore(tmp_path):
    chat_turn(tmp_path, "start")
    chat_turn(tmp_path, "We're Fjordline Ferries, a Norwegian operator; our passengers are in Norway.")
    result = chat_turn(tmp_path, "Agents can sit in Norway, or nearshore, Poland or Estonia for example.")
    assert result["profile"].get("shore_model") == ["onshore", "nearshore"]


def test_a_place_the_buyer_labels_keeps_its_label(tmp_path):
    chat_turn(tmp_path, "start")
    chat_turn(tmp_path, "Our customers are mostly in Spain and Morocco.")
    result = chat_turn(tmp_path, "A mix: nearshore in Portugal and Morocco, offshore in Egypt.")
    assert result["profile"].get("shore_model") == ["nearshore", "offshore"]


def _requirements(text: str, plan) -> list[str]:
    reading = read_message(text, plan, None, (), {})
    return [v for f in reading.found if f.slot == "other_requirements" for v in f.value]


@pytest.mark.parametrize(
    "text",
    [
        "Web chat and email. No outbound dialling at all.",
        "Data sits in our tenancy, no EU hosting whatsoever.",
        "Advisers get zero access to live payment data.",
        "Agents gotta know the product inside out, not read from a script.",
    ],
)
def test_a_flat_rule_is_a_requirement_without_a_requirement_word(text, plan):
    assert _requirements(text, plan), text


@pytest.mark.parametrize(
    "text",
    [
        "No idea yet what the budget is.",
        "No rush on the go-live date.",
        "No pilot this time, we switch over in one go.",
        "We have no plans for a chatbot.",
    ],
)
def test_an_idiom_or_a_no_answer_is_no_requirement(text, plan):
    assert not _requirements(text, plan), text


@pytest.mark.parametrize(
    "text",
    [
        "The regulator says the complaints handling rules apply to all our channels.",
        "As a housing body, the Tenant Satisfaction Measures apply to every call we take.",
    ],
)
def test_a_named_rule_that_applies_is_a_requirement(text, plan):
    assert _requirements(text, plan), text


@pytest.mark.parametrize(
    "text", ["The same applies to email, to be honest.", "Students apply online in March."]
)
def test_applies_without_a_named_rule_is_no_requirement(text, plan):
    assert not _requirements(text, plan), text


def _services(text: str, plan) -> list[str]:
    reading = read_message(text, plan, None, ("services",), {})
    return [v for f in reading.found if f.slot == "services" and not f.remove for v in f.value]


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("Mostly invoice queries and a few login problems.", "billing"),
        ("Mostly invoice queries and a few login problems.", "technical support"),
        ("They would take delivery questions and product advice.", "order management"),
        ("They would take delivery questions and product advice.", "customer support"),
    ],
)
def test_a_topic_word_before_a_contact_noun_names_the_service(text, service, plan):
    assert service in _services(text, plan)


def test_a_topic_word_alone_or_a_verb_names_no_service(plan):
    assert not _services("We return calls within a day.", plan)
    assert "billing" not in _services("The invoice goes to finance.", plan)


def test_a_requirement_tying_two_named_values_is_kept(plan):
    quotes = _requirements("Agents on refund calls must follow the Consumer Duty.", plan)
    assert quotes and "Consumer Duty" in quotes[0]
    assert not _requirements("Abandonment must stay under 5%.", plan)


def test_a_switch_already_made_removes_the_old_name(tmp_path):
    chat_turn(tmp_path, "start")
    chat_turn(tmp_path, "Acme Ltd")
    chat_turn(tmp_path, "We run Salesforce and the phones are on Genesys.")
    result = chat_turn(tmp_path, "No wait, we moved off Genesys last spring, it's Talkdesk now.")
    assert result["profile"]["tech_platforms"] == ["Salesforce", "Talkdesk"]


def test_a_story_with_a_stop_is_still_a_story(plan):
    found = _found("We stopped using a vendor in Manila in 2019 after three months.", plan)
    assert not found.get("delivery_locations")


def test_one_channels_count_corrected_in_the_sum(plan):
    text = (
        "Roughly 20,000 calls a month and about 1,500 emails. "
        "Sorry, emails are nearer 2,500; the 1,500 was last year's figure."
    )
    reading = read_message(text, plan, None, ("monthly_volume",), {})
    assert [f.value for f in reading.found if f.slot == "monthly_volume"] == [22500]
    plain = read_message("We get 20,000 calls a month and 1,500 emails.", plan, None, (), {})
    assert [f.value for f in plain.found if f.slot == "monthly_volume"] == [21500]


@pytest.mark.parametrize(
    "text",
    [
        "Our COO wants 95% of chats within 10 seconds, which we all know is fantasy in January.",
        "Last quarter one fraud ring cost us about 250,000 EUR, so I am careful.",
    ],
)
def test_a_dismissed_wish_or_a_story_sets_no_figure(text, plan):
    found = _found(text, plan)
    assert not found.get("service_level_chat") and not found.get("budget"), found


def test_a_wish_said_plainly_sets_the_figure(plan):
    assert _found("We want 95% of chats answered within 10 seconds.", plan).get(
        "service_level_chat"
    )
