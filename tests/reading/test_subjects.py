"""Whose statement it is: the subject of the clause decides between the vendor, a partner
and another client (made-up sentences; the corpus itself is scored by the `reading` eval
suite)."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


def _check(text: str, expected: dict[str, str]) -> None:
    found = {m.text: m.status for m in read(text)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a case study's title: 'How a <client> <verb> its …'
        ("How a Dutch retailer cut its AHT to 4 minutes in a year.", {"AHT": "other_client"}),
        # a client as subject, an adverb before its verb of a story
        (
            "The building society also passed its PCI DSS audit first time.",
            {"PCI DSS": "other_client"},
        ),
        ("The credit union then moved its chat to Cebu.", {"chat": "other_client"}),
        ("The insurer retained us for Spanish after the pilot.", {"Spanish": "other_client"}),
        # controls: the vendor's own, and a question of how
        ("How we cut AHT to 4 minutes: better routing.", {"AHT": "affirmed"}),
        ("We also passed our PCI DSS audit in May.", {"PCI DSS": "affirmed"}),
    ],
)
def test_client_as_subject_of_a_story(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an option closing its clause conditions the clause's subject, however long
        (
            "Speech analytics through our Verint integration is available on request.",
            {"Verint": "conditional"},
        ),
        (
            "Outbound calling from our Durban hub is available on request for retail queues.",
            {"Durban": "conditional"},
        ),
        # controls: another clause's subject, and an option that does not close its clause
        (
            "We answer email within a day, and SMS is available on request.",
            {"email": "affirmed", "SMS": "conditional"},
        ),
        (
            "We answer email within a day, SMS is available on request.",
            {"email": "affirmed", "SMS": "conditional"},
        ),
        (
            "Spanish from our Lima site is live; Portuguese is available on request.",
            {"Spanish": "affirmed"},
        ),
    ],
)
def test_option_conditions_its_subject(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an offer at an extra price, from a place named between
        (
            "Cantonese is available from Kuala Lumpur at additional cost.",
            {"Cantonese": "conditional", "Kuala Lumpur": "conditional"},
        ),
        ("Video is possible from Lisbon at an extra charge.", {"Video": "conditional"}),
        ("Spanish is available for an additional fee.", {"Spanish": "conditional"}),
        ("On Sunday it is possible on extra cost.", {"Sunday": "conditional"}),
        (
            "A Genesys tenant can be provided at an additional EUR 40 per seat.",
            {"Genesys": "conditional", "EUR 40 per seat": "conditional"},
        ),
        # controls: no extra price, or no offer
        ("Cantonese is available from Kuala Lumpur at all times.", {"Cantonese": "affirmed"}),
        ("Our agents in Lisbon work at additional sites.", {"Lisbon": "affirmed"}),
        ("Chat is offered at a rate of EUR 20.", {"Chat": "affirmed"}),
        ("Spanish is available for additional sites.", {"Spanish": "affirmed"}),
    ],
)
def test_offer_from_a_place_at_a_premium(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a start told in the present with a time ahead is scheduled: its subject is planned
        (
            "Our new Tallinn floor opens in June with 80 seats.",
            {"Tallinn": "planned", "80 seats": "planned"},
        ),
        ("Weekend chat goes live from Q3 2027.", {"chat": "planned"}),
        ("Hybrid pods across Mindanao, launching from Q1 2027.", {"Mindanao": "planned"}),
        # controls: a past opening, an opening hour, a size of a site that stands
        ("Our Tallinn floor opened in 2021.", {"Tallinn": "affirmed"}),
        ("The Tallinn line opens at 8am.", {"Tallinn": "affirmed"}),
        ("Our Tallinn site runs chat with 80 seats.", {"80 seats": "affirmed"}),
    ],
)
def test_scheduled_start_is_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trial before general release is no offer yet
        ("Our WhatsApp channel is still in pilot.", {"WhatsApp": "planned"}),
        ("Video support is being piloted with two accounts.", {"Video": "planned"}),
        # control: a pilot that ran
        ("We ran a pilot in Gdańsk last year.", {"Gdańsk": "affirmed"}),
    ],
)
def test_trial_is_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare 'No' or cross, then a partner's note: not in-house, a partner's
        ("Romanian ✗ – partner-run from Iași", {"Romanian": "third_party"}),
        ("Thai: No – via our partner in Bangkok", {"Thai": "third_party"}),
        # controls: a cross alone, a partner that also declines, another item's note
        ("Romanian ✗", {"Romanian": "negated"}),
        ("Thai: No, and our partner does not offer it either", {"Thai": "negated"}),
        ("Dutch ✓ Thai – via partner", {"Dutch": "affirmed", "Thai": "third_party"}),
    ],
)
def test_cross_then_partner_note(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a promise withheld leaves a figure or a plan uncertain, not denied
        (
            "Forecast volumes of 48,000 calls a year are not guaranteed.",
            {"48,000 calls a year": "hedged"},
        ),
        ("We expect, but cannot guarantee, a move to Genesys in 2027.", {"Genesys": "hedged"}),
        ("Quality | Target 92% by Q4, not contractually committed", {"92%": "hedged"}),
        # controls: a denial of a commitment to something, a plain denial
        ("Chat is not committed to in this contract.", {"Chat": "negated"}),
        ("We do not offer Genesys.", {"Genesys": "negated"}),
    ],
)
def test_promise_withheld_is_hedged(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a case the option depends on: agreement, the buyer's demand, a period
        ("Up to 40% home-working by agreement", {"40%": "conditional"}),
        (
            "Email is answered Monday to Friday, with Saturday cover where the Customer so "
            "requires.",
            {"Saturday": "conditional", "Email": "affirmed"},
        ),
        ("We open on Sundays only during the January sale.", {"Sundays": "conditional"}),
        # controls: an agreement that exists, a period that does not limit
        ("Our agreement covers chat and email.", {"chat": "affirmed"}),
        ("We open on Sundays during the whole year.", {"Sundays": "affirmed"}),
    ],
)
def test_case_an_option_depends_on(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a client heading its sentence, perhaps after a short label, with a verb of its story
        (
            "Proof: one of Poland's largest insurers saw CSAT rise after moving to our Łódź team.",
            {"CSAT": "other_client"},
        ),
        (
            "Reference: a regional utility has run 120 Welsh-speaking advisers with us since 2020.",
            {"Welsh": "other_client"},
        ),
        # controls: the vendor's own people, a label with no client after it
        ("One of our team leads saw the backlog fall.", {}),
        ("Languages: we offer Welsh and English.", {"Welsh": "affirmed"}),
    ],
)
def test_client_heading_a_story(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a client noun modifying another noun names a role or a service
        ("A dedicated client manager will support Spanish.", {"Spanish": "affirmed"}),
        ("A 24/7 customer service line covers Welsh.", {"Welsh": "affirmed"}),
        # control: a client named for its story
        ("A regional bank moved its Spanish line to us.", {"Spanish": "other_client"}),
    ],
)
def test_client_noun_as_modifier(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a case study's parts as labels
        ("The challenge: 25k emails a month in Danish and Swedish.", {"Danish": "other_client"}),
        ("The results: AHT fell by 12% in six months.", {"AHT": "other_client"}),
        # controls: the same words inside a sentence, another label
        ("We see the result in CSAT above 85%.", {"CSAT": "affirmed"}),
        ("The solution: Danish and Swedish from our Malmö hub.", {"Danish": "affirmed"}),
    ],
)
def test_case_study_labels(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'they' right after a clause naming a partner is the partner
        (
            "For Estonian we work with a partner agency in Tartu, they answer chats within 2 "
            "hours.",
            {"2 hours": "third_party"},
        ),
        (
            "Our partner in Quito runs Spanish; they also cover Portuguese.",
            {"Portuguese": "third_party"},
        ),
        # controls: the vendor speaks again before 'they', no partner named
        ("We use a partner for Thai, and we handle Lao; they are both busy.", {"Lao": "affirmed"}),
        ("Our clients love email, they send 5,000 a week.", {"email": "affirmed"}),
    ],
)
def test_they_after_a_partner(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partner subject reaches its verb's object past a relative clause set off by commas
        (
            "Our partner agency in Porto, which runs our Spanish and Galician lines, holds ISO "
            "9001 in its own right.",
            {"ISO 9001": "third_party"},
        ),
        # control: the vendor's own subject after the partner's clause
        (
            "Our partner agency in Porto runs Galician; we hold ISO 9001 ourselves.",
            {"ISO 9001": "affirmed"},
        ),
    ],
)
def test_partner_subject_past_a_relative_clause(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a provider's word before a client noun makes it a provider
        ("Our partner agency in Porto runs Galician.", {"Galician": "third_party"}),
        # control: a client named for its story
        ("Our biggest agency client moved its chat to us.", {"chat": "other_client"}),
    ],
)
def test_partner_agency_is_no_client(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'may' after the parties an invitation addresses permits
        ("Bidders may propose Leeds or York as the delivery site.", {"Leeds": "affirmed"}),
        ("Suppliers may also offer WhatsApp.", {"WhatsApp": "affirmed"}),
        # controls: one party's discretion, a doubt
        ("The Supplier may, at its discretion, provide Sunday cover.", {"Sunday": "hedged"}),
        ("We may add WhatsApp next year.", {"WhatsApp": "hedged"}),
    ],
)
def test_permission_to_bidders(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later cell that denies only the vendor's own keeps what the partner's cell gave
        (
            "Cyber Essentials | Via hosting partner | n/a for our own sites",
            {"Cyber Essentials": "third_party"},
        ),
        # control: a later cell that denies it outright
        ("Cyber Essentials | n/a", {"Cyber Essentials": "negated"}),
    ],
)
def test_later_cell_denying_only_the_vendors_own(text, expected):
    _check(text, expected)
