"""Where a trigger's reach ends and which mention it governs (made-up sentences; the corpus
itself is scored by the `reading` eval suite)."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


def _check(text: str, expected: dict[str, str]) -> None:
    found = {m.text: m.status for m in read(text)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'No.' between a noun and a numeral is 'number', no answer
        (
            "Staff are vetted under the Police Act (No. 3) Order and speak Welsh.",
            {"Welsh": "affirmed"},
        ),
        ("We follow GDPR and Schedule No. 7 of the contract.", {"GDPR": "affirmed"}),
        # controls: an answer 'No.' still denies
        (
            "Do you offer Welsh? No. 2 sites offer English.",
            {"Welsh": "negated", "English": "affirmed"},
        ),
        ("Is SMS supported? A: No. Email is.", {"SMS": "negated"}),
    ],
)
def test_number_abbreviation_is_no_answer(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation in a relative clause denies its antecedent, not an earlier mention
        (
            "The vendor shall use Genesys and shall not keep recordings on any laptop that is not "
            "encrypted.",
            {"Genesys": "affirmed"},
        ),
        ("We support PCI DSS on every desk which is not shared.", {"PCI DSS": "affirmed"}),
        # controls: a denial outside the relative clause still reaches the mention
        ("Tagalog is not offered at any site that we run.", {"Tagalog": "negated"}),
        ("Spanish is not offered.", {"Spanish": "negated"}),
    ],
)
def test_relative_clause_denies_its_antecedent(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare noun after a comma is the subject of the denial that follows it
        (
            "Cover: Mon–Fri 07:00–19:00 GMT, weekends not required.",
            {"Mon–Fri 07:00–19:00 GMT": "affirmed"},
        ),
        ("We need chat in Dutch, voice not needed.", {"Dutch": "affirmed"}),
        # a predicate headed by a modal too
        ("Email and chat from June, PT can wait until autumn.", {"Email": "affirmed"}),
        # control: a noun of the trigger's own ('certification audit scheduled')
        ("ISO 9001 — review done, certification audit scheduled Q2 2027", {"ISO 9001": "planned"}),
        # controls: an adverb, a pronoun or an aside leaves the mention the subject
        ("Welsh, sadly not offered.", {"Welsh": "negated"}),
        ("Welsh, however, not required.", {"Welsh": "negated"}),
        ("The Greek, we do not offer it.", {"Greek": "negated"}),
    ],
)
def test_subject_after_comma_takes_the_denial(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the vendor's sites listed before one site noun are its own sites
        (
            "Neither the Leeds nor the Cardiff centre has had a data incident this year.",
            {"Leeds": "affirmed", "Cardiff": "affirmed"},
        ),
        ("Both the Lima and the Quito sites do not record calls.", {"Lima": "affirmed"}),
        # controls: a site denied is denied
        ("We have no Lima or Quito site.", {"Lima": "negated"}),
    ],
)
def test_places_sharing_a_site_noun(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'been subject to' tells what happened, no condition
        (
            "Our Manila hub has been subject to three audits in five years.",
            {"five years": "affirmed"},
        ),
        ("The Cebu floor was subject to a PCI DSS review last May.", {"PCI DSS": "affirmed"}),
        # control: 'subject to' a term still conditions
        (
            "Rates are USD 14 per hour, subject to a 12-month term.",
            {"USD 14 per hour": "conditional"},
        ),
    ],
)
def test_past_subject_to_is_no_condition(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # days after the times belong to the times only when none lead them
        ("We open 9am to 5pm, Monday to Friday", {"9am to 5pm, Monday to Friday": "affirmed"}),
        ("Mon–Fri 08:00–18:00, Saturdays closed.", {"Mon–Fri 08:00–18:00": "affirmed"}),
        (
            "Hours are Mon–Fri 08:00–18:00, on Sunday we are closed",
            {"Mon–Fri 08:00–18:00": "affirmed"},
        ),
    ],
)
def test_hours_keep_their_own_days(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label whose copula is left out ('X — covered by …') is the passive's subject
        (
            "Cyber Essentials — covered by our hosting provider's certificate",
            {"Cyber Essentials": "third_party"},
        ),
        ("HIPAA: handled by our partner's compliance team", {"HIPAA": "third_party"}),
        # a place glossed in brackets is no subject of it
        (
            "PCI DSS (Cebu card queue) — covered by our payment provider's AOC",
            {"PCI DSS": "third_party", "Cebu": "affirmed"},
        ),
        # control: the vendor's own, no agent
        ("PCI DSS — covered by our own annual ROC", {"PCI DSS": "affirmed"}),
    ],
)
def test_label_with_elided_passive(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition after an alternative is the alternative's
        (
            "Pricing is EUR 21 per hour, or EUR 3,400 per FTE per month if you prefer FTE billing.",
            {"EUR 21 per hour": "affirmed", "EUR 3,400 per FTE per month": "conditional"},
        ),
        ("We staff from Leeds, or from Derby if volumes grow.", {"Leeds": "affirmed"}),
        # control: one offer, its condition
        ("Derby can be added if volumes grow.", {"Derby": "conditional"}),
    ],
)
def test_condition_of_an_alternative(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trigger in a later cell governs the mention of its own cell
        (
            "Languages | English, Afrikaans | Zulu via a partner agency",
            {"English": "affirmed", "Afrikaans": "affirmed", "Zulu": "third_party"},
        ),
        ("Platforms | Five9 | Genesys not supported", {"Five9": "affirmed", "Genesys": "negated"}),
        # control: a trigger alone in its cell answers the row
        ("Zulu | via a partner agency", {"Zulu": "third_party"}),
    ],
)
def test_trigger_governs_its_own_cell(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'with' and a subject of its own, then a passive: the partner does the overflow only
        (
            "We serve you from our Derry and Sligo sites, with night calls handled by our partner "
            "in Accra.",
            {"Derry": "affirmed", "Sligo": "affirmed", "Accra": "third_party"},
        ),
        # control: no absolute clause
        ("Night calls are handled by our partner in Accra.", {"Accra": "third_party"}),
    ],
)
def test_absolute_passive_keeps_its_agent(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'planned at' a figure is a level designed for, no plan ahead
        ("Occupancy is planned at 82% across the year.", {"82%": "affirmed"}),
        # control: a plan for a time ahead
        ("Chat is planned for Q3 2027.", {"Chat": "planned"}),
    ],
)
def test_planned_at_a_figure(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare answer after a label's colon answers the label
        (
            "CRM | Own: Freshdesk; HubSpot integration: Roadmap | —",
            {"Freshdesk": "affirmed", "HubSpot": "planned"},
        ),
        ("Languages | Latvian: roadmap", {"Latvian": "planned"}),
        # control: a label answered firmly, a trigger with more after it
        ("CRM | Own: Freshdesk; HubSpot integration: live", {"HubSpot": "affirmed"}),
    ],
)
def test_bare_answer_to_a_label(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison with what was expected plans nothing
        (
            "The trial cost EUR 980 for 30 agent hours, less than we expected.",
            {"EUR 980": "affirmed"},
        ),
        ("Go-live took 6 weeks, as planned and as expected.", {"6 weeks": "affirmed"}),
        # the speaker's expected ability hedges; a supplier's is a requirement
        ("With this team we should be able to reach 88% FCR.", {"88%": "hedged"}),
        ("The Supplier should be able to reach 88% FCR.", {"88%": "affirmed"}),
    ],
)
def test_expected_in_comparisons_and_abilities(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what sets off a consequence is its condition
        (
            "CSAT under 80% in two consecutive months will trigger a service review.",
            {"80%": "conditional"},
        ),
        # control: a figure that is not what triggers
        ("We hold 80/20 daily.", {"80/20": "affirmed"}),
    ],
)
def test_trigger_of_a_consequence(text, expected):
    _check(text, expected)
