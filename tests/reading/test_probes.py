"""The reading layer on sentences of the kinds that went wrong before: one parser per
quantity, and the assertion status of every mention (the corpus itself is scored by the
`reading` eval suite)."""

from __future__ import annotations

import pytest

from assistant.llm.facts import unsupported
from assistant.reading.mentions import read
from assistant.reading.quantities import find_quantities


def _status(text: str, kind: str, name: str) -> str:
    return next(m.status for m in read(text) if m.kind == kind and m.value.get("name") == name)


@pytest.mark.parametrize(
    ("text", "kind", "name", "status"),
    [
        ("We do not currently support German.", "language", "German", "negated"),
        ("We offer SMS and that will not change.", "channel", "sms", "affirmed"),
        ("We do not offer SMS and that won't change.", "channel", "sms", "negated"),
        ("We need Spanish, and this isn't going to change.", "language", "Spanish", "affirmed"),
        ("We will not change to Zendesk.", "platform", "Zendesk", "negated"),
        ("ISO 27001 certification is not currently held.", "framework", "ISO 27001", "negated"),
        ("German is not required.", "language", "German", "negated"),
        ("Our telephony subcontractor holds PCI DSS Level 1.", "framework", "PCI DSS", "third_party"),
        ("We offer English and French but not German.", "language", "French", "affirmed"),
        ("We offer English and French but not German.", "language", "German", "negated"),
        ("Not only English but also French is offered.", "language", "English", "affirmed"),
        ("SOC 2 Type II report expected in Q3 2027.", "framework", "SOC 2 Type II", "planned"),
        ("For a telecom client we reached 92% FCR.", "kpi", "FCR", "other_client"),
        ("We may be able to offer Sunday chat.", "channel", "chat", "hedged"),
        ("There is no site in our network that does not hold ISO 27001.", "framework", "ISO 27001", "affirmed"),
        ("No data is processed outside the United Kingdom.", "location", "United Kingdom", "affirmed"),
        ("no voice ever, dutch only", "language", "Dutch", "affirmed"),
        ("no voice ever, dutch only", "channel", "voice", "negated"),
        ("Not interested in Philippine offshore, too far.", "delivery_model", "offshore", "negated"),
        ("Interested in offshore, maybe Manila.", "delivery_model", "offshore", "affirmed"),
        ("PCI DSS won't apply, we take no card payments.", "framework", "PCI DSS", "negated"),
        ("We won't share any record until HIPAA training is done.", "framework", "HIPAA", "conditional"),  # what must come first
        ("We do not need HIPAA, we hold no health data.", "framework", "HIPAA", "negated"),
        ("Tamil by fluent agents, not an interpreter service.", "language", "Tamil", "affirmed"),
        ("Tamil through an interpreter service.", "language", "Tamil", "third_party"),
        ("OSFI's third-party risk guideline applies to PCI DSS too.", "framework", "PCI DSS", "affirmed"),
    ],
)
def test_assertion_status(text, kind, name, status):
    assert _status(text, kind, name) == status


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("a notice period of forty-five days", "duration", {"amount": 45.0, "unit": "days", "business": False}),
        ("Roughly sixty thousand contacts monthly", "count", {"value": 60000.0, "per": "month", "what": "contacts"}),
        ("about 40k/mo", "count", {"value": 40000.0, "per": "month", "what": None}),
        ("CHF 40 per hour", "money", {"amount": 40.0, "currency": "CHF", "unit": "hour"}),
        ("1.234,50 € per FTE per month", "money", {"amount": 1234.5, "currency": "EUR", "unit": "fte_month"}),
        ("INR 1,20,000 a month", "money", {"amount": 120000.0, "currency": "INR", "unit": "month"}),
        ("a discount of 20 pct", "percent", {"value": 20.0}),
        ("four in five calls within 20 seconds", "service_level", {"percent": 80.0, "seconds": 20.0}),
        ("within 20 seconds, 80%", "service_level", {"percent": 80.0, "seconds": 20.0}),
        ("2 working days", "duration", {"amount": 2.0, "unit": "days", "business": True}),
        ("95% of tickets within 8 business hours", "service_level",
         {"percent": 95.0, "seconds": 28800.0, "business": True}),
        ("nine in ten emails answered within one working day", "service_level",
         {"percent": 90.0, "seconds": 86400.0, "business": True}),
        ("Mon–Sat 8.30am to 5pm ET", "hours", {"days": "Mon-Sat", "start": "08:30", "end": "17:00", "tz": "ET"}),
        ("phones M-F 7am-7pm", "hours", {"days": "Mon-Fri", "start": "07:00", "end": "19:00", "tz": None}),
        ("Sat/Sun 10-4", "hours", {"days": "Sat-Sun", "start": "10:00", "end": "16:00", "tz": None}),
        ("Fri & Sat 6pm to midnight", "hours", {"days": "Fri-Sat", "start": "18:00", "end": "24:00", "tz": None}),
    ],
)
def test_one_parser_per_quantity(text, kind, value):
    (found,) = [q for q in find_quantities(text) if q.kind == kind]
    assert found.value == value


def test_the_model_check_compares_typed_facts_both_ways():
    known = {"meridian"}
    # a dropped negation fails, as an added one does
    assert unsupported("Meridian holds PCI DSS", "PCI DSS | Not held", known)
    assert unsupported("Meridian does not offer Spanish", "Meridian offers Spanish voice.", known)
    # a planned certification is not a held one; another client's figure is not the offer
    assert unsupported("ISO 27001 is held", "ISO 27001 audit scheduled for Q3 2027.", known)
    assert unsupported("FCR is 79%", "For a utility client, first-contact resolution rose to 79%.", known)
    # restating the same facts in other forms passes
    assert unsupported("Meridian charges $28.50 per productive hour for English voice",
                       "English voice — Tampa: USD 28.50 per productive hour", known) == []
    assert unsupported("The pilot lasts forty-five days", "A 45-day pilot.", known) == []


def test_trade_regions_are_places_and_the_benelux_is_in_the_eea():
    from assistant.reading.mentions import read

    names = [m.value["name"] for m in read("Customers across DACH and the Benelux, agents in Lisbon.")
             if m.kind == "location"]
    assert names[:2] == ["DACH", "Benelux"]
    assert not [m for m in read("Dachshund owners and Beneluxe fans.") if m.kind == "location"]
    from assistant.reading.lexicon import vocabulary

    eea = vocabulary("locations").eea
    assert "Benelux" in eea and "DACH" not in eea  # Switzerland is outside the EEA


def test_a_length_in_business_hours_is_no_opening_hours():
    # 'within 8 business hours' says how long, 'during business hours' says when
    kinds = [q.kind for q in find_quantities("Replies within 8 business hours.")]
    assert kinds == ["duration"]
    assert [q.kind for q in find_quantities("Open during normal business hours.")] == ["hours"]


def test_a_state_is_no_city_of_its_name_and_the_uk_nations_are_places_in_the_uk():
    from assistant.reading.mentions import read
    from assistant.reading.places import countries

    places = {m.text: m.value for m in read("Clinics across Missouri and Kansas; a site in Kansas City.") if m.kind == "location"}
    assert places["Missouri"] == {"name": "Missouri", "country": "United States"}
    assert places["Kansas"]["name"] == "Kansas" and places["Kansas City"]["name"] == "Kansas City"
    nations = [m.value for m in read("Customers in Scotland and Wales.") if m.kind == "location"]
    assert nations == [{"name": "Scotland", "country": "United Kingdom"}, {"name": "Wales", "country": "United Kingdom"}]
    assert countries(["Wales", "Ohio", "EMEA"]) == ["United Kingdom", "United States"]
