"""Assertion status, one general rule at a time, each on sentences of different shape (made up
for these tests; the corpus itself is scored by the `reading` eval suite)."""

from __future__ import annotations

import pytest

from assistant.reading.mentions import read


def _statuses(text: str) -> dict[str, str]:
    return {m.text: m.status for m in read(text)}


def _check(text: str, expected: dict[str, str]) -> None:
    found = _statuses(text)
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'n't' joins any auxiliary, with either apostrophe
        ("We can't offer German.", {"German": "negated"}),
        ("Our Lisbon team couldn’t staff French chat.", {"French": "negated", "chat": "negated"}),
        ("Bids mustn't rely on offshore delivery.", {"offshore": "negated"}),
        # a negated comparison states a bound, not a denial
        ("Abandonment must not be greater than 5%.", {"5%": "affirmed"}),
        ("Quality scores shall never fall below 90%.", {"90%": "affirmed"}),
        ("Hold time should not rise above 45 seconds.", {"45 seconds": "affirmed"}),
        # 'not X alone' is 'not only X'
        ("We don't staff the desk from Manila alone.", {"Manila": "affirmed"}),
        ("Agents are not scored on CSAT alone.", {"CSAT": "affirmed"}),
        # 'outside' as a preposition denies its object only
        (
            "Our policy was checked by outside auditors in May, and callers from Texas are in.",
            {"Texas": "affirmed"},
        ),
        ("No records are stored outside the EU.", {"EU": "affirmed"}),
        ("Agents work outside Canada.", {"Canada": "negated"}),
        # a lapse, and what follows it
        (
            "Our PCI DSS attestation lapsed in March and was restored in April.",
            {"PCI DSS": "affirmed"},
        ),
        (
            "ISO 9001 was suspended last year; it was reinstated after the audit.",
            {"ISO 9001": "affirmed"},
        ),
        ("ISO 22301 — expired 2025, recertification audit scheduled", {"ISO 22301": "planned"}),
        ("ISO 27001 expired last year.", {"ISO 27001": "negated"}),
        ("SOC 2: lapsed; we do not intend to renew.", {"SOC 2": "negated"}),
        # 'no longer' before a predicate that looks back
        ("Italian is no longer offered.", {"Italian": "negated"}),
        (
            "Twitter and Facebook are no longer supported.",
            {"Twitter": "negated", "Facebook": "negated"},
        ),
        # a consequence that forbids
        ("Home working will result in disqualification.", {"Home working": "negated"}),
        ("Use of offshore agents is prohibited.", {"offshore": "negated"}),
    ],
)
def test_general_rules(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb set off by commas does not end the clause
        ("We do not, however, offer Dutch.", {"Dutch": "negated"}),
        ("Our Cebu team will not, therefore, handle Korean email.", {"Korean": "negated"}),
        # a terminator that starts a clause still ends the scope
        (
            "We offer no Dutch, however English is covered.",
            {"Dutch": "negated", "English": "affirmed"},
        ),
        # ', and' + a new subject starts a new clause
        ("There is no exit fee, and you can leave after 90 days.", {"90 days": "affirmed"}),
        ("We have no minimum volume, and they can add German later.", {"German": "affirmed"}),
        (
            "No Dutch, no Danish, and no Swedish.",
            {"Dutch": "negated", "Danish": "negated", "Swedish": "negated"},
        ),
    ],
)
def test_clause_boundaries(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negative subject and a verb that denies cancel
        (
            "Nothing in our contract excludes Spanish chat.",
            {"Spanish": "affirmed", "chat": "affirmed"},
        ),
        ("No clause of the agreement prevents home working.", {"home working": "affirmed"}),
        # ... but not across a comma, nor when the first negation is no subject
        (
            "No offshore work will be accepted, and nearshore work is also excluded.",
            {"offshore": "negated", "nearshore": "negated"},
        ),
        ("We offer no Dutch and do not offer Danish.", {"Dutch": "negated", "Danish": "negated"}),
        # a relative word cancels only when it joins the second negation
        ("There is no agent on the floor who does not speak English.", {"English": "affirmed"}),
        (
            "We do not hold ISO 27001 for that team, and I would not say otherwise.",
            {"ISO 27001": "negated"},
        ),
    ],
)
def test_double_negation(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "email yes, chat no, voice yes",
            {"email": "affirmed", "chat": "negated", "voice": "affirmed"},
        ),
        ("French: yes. Dutch no.", {"French": "affirmed", "Dutch": "negated"}),
        ("No German, no French.", {"German": "negated", "French": "negated"}),
    ],
)
def test_a_bare_no_answers_for_what_precedes_it(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a partitive negative subject denies the predicate, not the subject's own words
        (
            "No part of the contract, including email, may be delivered offshore.",
            {"email": "affirmed", "offshore": "negated"},
        ),
        ("None of the Spanish work will be done from home.", {"Spanish": "affirmed"}),
        ("No part of the contract covers German.", {"German": "negated"}),
        # a cleft denies what follows its verb
        ("What we don't offer in Spain is weekend chat.", {"Spain": "affirmed", "chat": "negated"}),
        (
            "What our Cebu site cannot provide, for licensing reasons, is Korean voice.",
            {"Korean": "negated", "voice": "negated"},
        ),
    ],
)
def test_a_negation_of_the_predicate(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a testimonial: a quotation closed and attributed
        (
            "“Our backlog halved within 8 weeks.” — Operations lead, Leeds retailer",
            {"8 weeks": "other_client"},
        ),
        (
            "“Email answers now come back inside 4 hours,” says their head of service.",
            {"4 hours": "other_client"},
        ),
        # a discourse marker and a document reference are no client
        ("That said, we could start chat in May.", {"chat": "hedged"}),
        # the month is no hedge
        ("Chat went live in May.", {"Chat": "affirmed"}),
        ("From May, Polish is offered.", {"Polish": "affirmed"}),
        ("We never mention PCI DSS, and any reference to it is an error.", {"PCI DSS": "negated"}),
        # a buyer asking for a reference
        (
            "Bidders must describe a comparable retail client where they reached 85% FCR.",
            {"FCR": "other_client"},
        ),
    ],
)
def test_another_clients_words(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is wished for, not required
        ("Welsh is desirable.", {"Welsh": "hedged"}),
        (
            "Dutch and Danish chat would be an advantage.",
            {"Dutch": "hedged", "Danish": "hedged", "chat": "hedged"},
        ),
        ("COPC certification is preferred but not mandatory.", {"COPC": "hedged"}),
        # a backward hedge takes the nearest mention and those listed with it only
        (
            "German and French are required, Italian is desirable.",
            {"German": "affirmed", "French": "affirmed", "Italian": "hedged"},
        ),
        ("voice yes from day one, chat nice to have", {"voice": "affirmed", "chat": "hedged"}),
        # indifference
        ("We don't mind whether you bill per minute or per FTE.", {"per FTE": "hedged"}),
    ],
)
def test_hedges(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what one moves from is current, what one moves to is planned
        (
            "We run Avaya today and are migrating to Genesys.",
            {"Avaya": "affirmed", "Genesys": "planned"},
        ),
        (
            "our crm is zendesk, moving to freshdesk in q3",
            {"zendesk": "affirmed", "freshdesk": "planned"},
        ),
        # a site due to open is planned; a plan for something at a site leaves the site standing
        ("Our Durban site is due to open in May.", {"Durban": "planned"}),
        ("Our Cebu site will expand to 900 seats.", {"Cebu": "affirmed", "900 seats": "planned"}),
        ("SOC 2 Type II: not yet", {"SOC 2 Type II": "planned"}),
        ("Our ISO 22301 work is at gap-analysis stage.", {"ISO 22301": "planned"}),
        # 'foreseen' and 'envisaged' (procurement English) plan; negated, they deny
        ("Italian chat is envisaged for the second contract year.", {"Italian": "planned"}),
        ("Spanish chat is foreseen once the platform moves.", {"Spanish": "planned"}),
        ("Weekend cover is not foreseen.", {"Weekend": "negated"}),
        ("Dutch voice is not envisaged by the authority.", {"Dutch": "negated"}),
        ("Polish, as envisaged in the tender, is staffed from Gdansk.", {"Gdansk": "affirmed"}),
    ],
)
def test_plans(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Farsi is covered through a language line.", {"Farsi": "third_party"}),
        (
            "Card data is handled by our payment gateway, whose PCI DSS AOC covers it.",
            {"PCI DSS": "third_party"},
        ),
        # the holder is one of the vendor's own sites: no third party
        ("ISO 9001 is held by the Leeds site only.", {"ISO 9001": "affirmed", "Leeds": "affirmed"}),
        ("COPC certification is held by our Manila centre.", {"COPC": "affirmed"}),
    ],
)
def test_third_parties(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Yes, provided call volumes stay within 15% of forecast.", {"15%": "conditional"}),
        (
            "A weekend shift can be added, provided at least 12 FTE are booked.",
            {"12 FTE": "conditional"},
        ),
        (
            "Answer 80% of calls in 30 seconds, otherwise a 3% credit applies.",
            {"3%": "conditional"},
        ),
        (
            "A credit of $2,000 applies for each quarter in which CSAT falls short.",
            {"$2,000": "conditional"},
        ),
        ("Two years, with an option to extend for 12 months.", {"12 months": "conditional"}),
        (
            "Email is quoted as an optional extra at EUR 30 per hour.",
            {"EUR 30 per hour": "conditional"},
        ),
        # a hedge after a pronoun in the next clause does not reach back across 'but'
        ("We may add Tagalog by June, but I wouldn't count on it.", {"Tagalog": "hedged"}),
    ],
)
def test_conditions(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison right after a negation states a bound
        ("Customers don't wait more than 20 seconds on average.", {"20 seconds": "affirmed"}),
        ("Attrition has never been above 30%.", {"30%": "affirmed"}),
        ("We will not, however, promise CSAT above 90% in year one.", {"90%": "negated"}),
        # a negated failure, surcharge or comparison with others keeps the thing
        ("We never miss our 80/20 service level.", {"80/20": "affirmed"}),
        ("We do not charge extra for Spanish.", {"Spanish": "affirmed"}),
        ("No other bidder offers Tagalog.", {"Tagalog": "affirmed"}),
        ("Not every client needs Dutch, but we offer it.", {"Dutch": "affirmed"}),
        (
            "We don't just answer email; we also handle chat.",
            {"email": "affirmed", "chat": "affirmed"},
        ),
        # a mention that qualifies a bad event is not what is denied
        ("We have never had a PCI DSS breach.", {"PCI DSS": "affirmed"}),
        ("There has not been a single ISO 27001 audit finding.", {"ISO 27001": "affirmed"}),
        # a decision against
        ("We have decided against offering SMS.", {"SMS": "negated"}),
        # a comma, a conjunction and a new subject with its verb start a new clause
        ("We don't charge a setup fee, and chat is included.", {"chat": "affirmed"}),
        ("We do not offer Spanish, French and German.", {"French": "negated", "German": "negated"}),
    ],
)
def test_negations_that_keep_the_thing(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation opening a table cell or a label's answer speaks of the label
        ("Chat support: not at this stage", {"Chat": "negated"}),
        ("Weekend cover | never", {"Weekend": "negated"}),
        # ... unless the label's mention is answered apart
        (
            "Spanish: not for this contract, French yes",
            {"Spanish": "negated", "French": "affirmed"},
        ),
        # a verdict after the mention
        ("offshore is a no-go for us", {"offshore": "negated"}),
        ("Home working is off the table.", {"Home working": "negated"}),
        # 'except' before a noun excludes it; before a clause it only ends the scope
        ("We cover all languages except Thai.", {"Thai": "negated"}),
        (
            "There is no phone line on Sundays, except that the email inbox is read.",
            {"email": "affirmed"},
        ),
        # what is yet to come is planned
        ("We are yet to complete ISO 22301 certification.", {"ISO 22301": "planned"}),
        ("Japanese is yet to be added.", {"Japanese": "planned"}),
    ],
)
def test_cells_verdicts_and_exceptions(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # denying a trouble asserts the good: the negation reaches no further
        ("No downtime occurred when we moved to Genesys.", {"Genesys": "affirmed"}),
        ("We can add 50 FTE without compromising our 85/20 service level.", {"85/20": "affirmed"}),
        ("There is no cap on Portuguese volumes.", {"Portuguese": "affirmed"}),
        ("Our rate has no hidden fees and is EUR 21 per hour.", {"EUR 21 per hour": "affirmed"}),
        ("Calls reach our Accra agents without delay.", {"Accra": "affirmed"}),
        # ... while a plain denial still reaches its object
        ("There is no Portuguese line.", {"Portuguese": "negated"}),
        # a colon and a new subject start a new clause
        ("We aren't new to this sector: we have held PCI DSS since 2016.", {"PCI DSS": "affirmed"}),
        ("Languages not offered: Thai, Lao", {"Thai": "negated", "Lao": "negated"}),
        ("We didn't stop at ISO 9001; we added ISO 27001 in 2023.", {"ISO 9001": "affirmed"}),
    ],
)
def test_a_denied_trouble(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # avoiding denies its object only
        ("We'd prefer to avoid offshore delivery.", {"offshore": "negated"}),
        ("We avoid long hold times by staffing Spanish at peak.", {"Spanish": "affirmed"}),
        # regret, check marks, and what was once so
        ("Thai — unfortunately not.", {"Thai": "negated"}),
        ("Spanish ✓, Thai ✗", {"Spanish": "affirmed", "Thai": "negated"}),
        ("We used to offer Welsh.", {"Welsh": "negated"}),
        (
            "We previously held ISO 9001 and now hold ISO 27001.",
            {"ISO 9001": "negated", "ISO 27001": "affirmed"},
        ),
        ("We stopped offering Welsh in 2023.", {"Welsh": "negated"}),
    ],
)
def test_avoidance_regret_and_the_past(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation heading a list denies the list
        ("Out of scope: chat, social media", {"chat": "negated", "social": "negated"}),
        ("Excluded channels | Chat, SMS", {"Chat": "negated", "SMS": "negated"}),
        ("Not in scope — webchat, WhatsApp", {"WhatsApp": "negated"}),
        ("In scope: email. Out of scope: chat.", {"email": "affirmed", "chat": "negated"}),
        # a short answer in a table cell
        ("Chat | N", {"Chat": "negated"}),
        ("Sunday | Closed", {"Sunday": "negated"}),
        ("Chat | Yes | 24/7", {"Chat": "affirmed"}),
        # a short answer followed by an explanation heads no list
        ("Offshore | No — all agents sit in Leeds", {"Offshore": "negated", "Leeds": "affirmed"}),
        ("Subcontracting | None — every chat is handled in-house", {"chat": "affirmed"}),
    ],
)
def test_table_labels_and_cells(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a question weighing alternatives leaves them undecided; a plain question does not
        ("avaya or genesys? still deciding", {"avaya": "hedged", "genesys": "hedged"}),
        ("Do we start with chat or wait for email?", {"chat": "hedged"}),
        ("Can you confirm the EUR 31 rate covers QA?", {"EUR 31": "affirmed"}),
        # a place a hedge reaches is hedged; one the vendor names as its own site is not
        ("Perhaps we could staff Dutch from Rotterdam.", {"Rotterdam": "hedged"}),
        ("We might offer Dutch from our Rotterdam site.", {"Rotterdam": "affirmed"}),
        ("Amsterdam will be added to the certificate next year.", {"Amsterdam": "planned"}),
        # denying a ban permits
        ("Home working is not prohibited for email agents.", {"Home working": "affirmed"}),
        ("Nearshore delivery is not excluded.", {"Nearshore": "affirmed"}),
    ],
)
def test_questions_places_and_permissions(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fronted object before the subject and its negated verb
        (
            "Zendesk and Freshdesk we have never used in production.",
            {"Zendesk": "negated", "Freshdesk": "negated"},
        ),
        ("Avaya we no longer support.", {"Avaya": "negated"}),
        ("As for Dutch, we don't.", {"Dutch": "negated"}),
        ("With regard to PCI DSS, we are not certified ourselves.", {"PCI DSS": "negated"}),
        # ... but a mention inside a clause with its own verb is not fronted
        (
            "Spanish is covered in Madrid, we do not subcontract.",
            {"Spanish": "affirmed", "Madrid": "affirmed"},
        ),
        ("Spanish, we offer; German, we do not.", {"Spanish": "affirmed", "German": "negated"}),
        # a denied site is denied, an own site named in a denial stands
        ("We do not have a Cebu site.", {"Cebu": "negated"}),
        ("There isn't a Leeds office.", {"Leeds": "negated"}),
        ("We do not offer chat at our Cebu site.", {"chat": "negated", "Cebu": "affirmed"}),
        # zero of a thing is none
        ("Zero agents work offshore.", {"offshore": "negated"}),
        ("We had zero downtime on Genesys.", {"Genesys": "affirmed"}),
    ],
)
def test_fronted_objects_sites_and_zero(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # denying liability, unreasonable refusal or a charge denies no mention
        (
            "The Supplier shall not be liable for faults in the Customer's Avaya platform.",
            {"Avaya": "affirmed"},
        ),
        (
            "Consent to nearshore delivery shall not be unreasonably withheld.",
            {"nearshore": "affirmed"},
        ),
        ("We will not charge for Welsh calls.", {"Welsh": "affirmed"}),
        # a standard cited for the rule is not what the rule denies
        ("Agents must not write down card numbers, in line with PCI DSS.", {"PCI DSS": "affirmed"}),
        ("The Supplier shall not retain recordings, as required by GDPR.", {"GDPR": "affirmed"}),
        # a doubt is a hedge
        ("Welsh is unlikely to be needed.", {"Welsh": "hedged"}),
        ("We doubt that Gaelic will come up.", {"Gaelic": "hedged"}),
    ],
)
def test_legal_negations_and_doubts(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation inside a fronted condition stays there; the consequence is conditional
        ("If chat is not needed, email can start in week 2.", {"email": "conditional"}),
        (
            "If you do not need Dutch, the rate is EUR 24 per hour.",
            {"EUR 24 per hour": "conditional"},
        ),
        # litotes asserts
        ("It is not uncommon for our Lisbon team to reach 90% CSAT.", {"90%": "affirmed"}),
        ("Chat is not unlike email for our agents.", {"email": "affirmed"}),
        # a coordinated verb that asserts ends the denial
        ("The fee excludes travel and includes Genesys licences.", {"Genesys": "affirmed"}),
        ("We do not sell hardware, and provide Five9 seats at cost.", {"Five9": "affirmed"}),
    ],
)
def test_conditions_litotes_and_coordinated_verbs(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation right after the mention, copula dropped, speaks of it
        ("SMS not a priority", {"SMS": "negated"}),
        ("whatsapp isnt in budget this yr", {"whatsapp": "negated"}),
        ("Spanish is not the only language we offer.", {"Spanish": "affirmed"}),
        ("Genesys is not an issue for us.", {"Genesys": "affirmed"}),
        # an answer right after a question speaks of what it names
        ("tagalog? nope", {"tagalog": "negated"}),
        ("Is Dutch needed? No.", {"Dutch": "negated"}),
        ("Do you need Dutch? We offer it.", {"Dutch": "affirmed"}),
        # a list label 'no:' heads its list; an imperative to drop denies
        ("must: email; no: SMS", {"email": "affirmed", "SMS": "negated"}),
        ("scrap the whatsapp idea", {"whatsapp": "negated"}),
        ("SMS - hard pass", {"SMS": "negated"}),
    ],
)
def test_chat_shorthand(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearshore, not so much.", {"Nearshore": "negated"}),
        ("Email, honestly, not really.", {"Email": "negated"}),
        ("Nobody on the board wants nearshore.", {"nearshore": "negated"}),
        ("We're opposed to home working.", {"home working": "negated"}),
        ("Italian has never been needed.", {"Italian": "negated"}),
        ("We need French, Italian less so.", {"French": "affirmed", "Italian": "hedged"}),
    ],
)
def test_buyer_talk(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation right after a mention denies it only with a complement of need, offer or time
        ("Our old Manila vendor wasn't great.", {"Manila": "affirmed"}),
        ("Five9 wasn't cheap, honestly.", {"Five9": "affirmed"}),
        ("Per-minute pricing will not be accepted.", {"Per-minute pricing": "negated"}),
        ("Tagalog has never been requested.", {"Tagalog": "negated"}),
        ("WhatsApp isn't something we've looked at.", {"WhatsApp": "negated"}),
        # idioms of need and of memory
        ("We can't do without Spanish.", {"Spanish": "affirmed"}),
        ("I can't recall whether we need French.", {"French": "hedged"}),
    ],
)
def test_a_negation_after_its_subject(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a topic phrase the verb may have its own object: only a bare or denying negation
        ("As for chat, we don't use bots.", {"chat": "affirmed"}),
        ("On GDPR, we don't keep recordings past 90 days.", {"GDPR": "affirmed"}),
        ("As for Dutch, we don't.", {"Dutch": "negated"}),
        # out of scope or capability, missing, not there
        ("Korean falls outside our capability.", {"Korean": "negated"}),
        ("Thai is outside of our current scope.", {"Thai": "negated"}),
        ("PCI DSS is still missing.", {"PCI DSS": "negated"}),
        ("Spanish is not there in our current offer.", {"Spanish": "negated"}),
        # the longer phrase gives the direction when two overlap
        ("Agents outside the EU handle billing.", {"EU": "negated"}),
    ],
)
def test_topics_scope_and_absence(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a colon after a negated verb with its object opens an elaboration
        (
            "I can't give you an exact figure: about 30,000 calls a month.",
            {"30,000 calls a month": "affirmed"},
        ),
        ("The fee does not vary by volume: EUR 22 per hour.", {"EUR 22 per hour": "affirmed"}),
        # ... after a list's announcer, or right after the negation, the list is denied
        (
            "We do not offer the following languages: Thai, Lao.",
            {"Thai": "negated", "Lao": "negated"},
        ),
        ("We do not support: Thai, Lao", {"Thai": "negated"}),
    ],
)
def test_a_colon_after_a_negation(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # failing to cope with a burden asserts the burden; not knowing exactly is a hedge
        ("We can't keep up with 40,000 calls a month.", {"40,000 calls a month": "affirmed"}),
        ("Our team could not cope with 9,000 emails in December.", {"9,000 emails": "affirmed"}),
        ("I can't say exactly, maybe 25,000 calls a month.", {"25,000 calls a month": "hedged"}),
        ("We can't have anyone offshore.", {"offshore": "negated"}),
    ],
)
def test_coping_and_not_knowing(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are closed on Sundays and holidays.", {"Sundays": "negated"}),
        ("AHT isn't tracked.", {"AHT": "negated"}),
        ("FCR is not reported monthly.", {"FCR": "negated"}),
        ("CSAT is not a KPI for this team.", {"CSAT": "negated"}),
        ("Attrition does not exceed 30%.", {"30%": "affirmed"}),
    ],
)
def test_measures_and_closures(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a buyer's rejection
        ("Offshore bids will be rejected.", {"Offshore": "negated"}),
        ("Bids that include nearshore delivery will be non-compliant.", {"nearshore": "negated"}),
        ("Welsh is not expected.", {"Welsh": "negated"}),
        ("Welsh-language services fall outside the contract.", {"Welsh": "negated"}),
        # a list whose last item names no mention still joins the items before it
        ("Welsh, Gaelic and Manx are not required.", {"Welsh": "negated", "Gaelic": "negated"}),
        ("Spanish, French are not offered.", {"Spanish": "affirmed", "French": "negated"}),
    ],
)
def test_rejections_and_lists(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Korean remains unsupported.", {"Korean": "negated"}),
        ("Our Lima site is uncertified for PCI DSS.", {"PCI DSS": "negated"}),
        ("We route non-English calls to Leeds.", {"English": "negated"}),
        ("All channels are available barring video.", {"video": "negated"}),
        ("We save clients 20% on cost.", {"20%": "affirmed"}),
    ],
)
def test_negative_words_and_prefixes(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We never outsource, and all our 300 agents sit in Porto.", {"Porto": "affirmed"}),
        ("We never outsource and all of our agents work in Porto.", {"Porto": "affirmed"}),
        ("We never outsource to Porto or Braga.", {"Porto": "negated", "Braga": "negated"}),
    ],
)
def test_a_new_subject_after_and(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # compliance met only in part is neither held nor denied
        ("Response: SOC 2: Partly comply", {"SOC 2": "hedged"}),
        ("We partially comply with HIPAA at our Tampa site.", {"HIPAA": "hedged"}),
        ("GDPR: complies in part (two processors still to sign).", {"GDPR": "hedged"}),
        ("We are fully compliant with ISO 27001.", {"ISO 27001": "affirmed"}),
    ],
)
def test_partial_compliance_is_a_hedge(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'over', 'under' before a name is a preposition, not a bound on a figure
        ("We are not available over chat.", {"chat": "negated"}),
        ("Our team is not audited under SOC 2.", {"SOC 2": "negated"}),
        ("Agents are not reachable over WhatsApp.", {"WhatsApp": "negated"}),
        ("We aren't accredited under Cyber Essentials Plus.", {"Cyber Essentials Plus": "negated"}),
        ("Queue time must not be over 45 seconds.", {"45 seconds": "affirmed"}),
    ],
)
def test_a_bound_is_on_figures_only(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an answer after a question, perhaps after a label, an adverb or 'we do'
        ("Italian? We don't.", {"Italian": "negated"}),
        ("Offshore? Absolutely not.", {"Offshore": "negated"}),
        ("Q: Do you offer Italian? A: Not at this time.", {"Italian": "negated"}),
        ("Q: Can you staff Welsh? A: No, we cannot.", {"Welsh": "negated"}),
        ("Is HITRUST held? Answer: no.", {"HITRUST": "negated"}),
        ("Do you use Zendesk? We do.", {"Zendesk": "affirmed"}),
    ],
)
def test_an_answer_speaks_of_the_question(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase set off after the negation interrupts it; the denial resumes after it
        (
            "We do not, as a matter of policy and for reasons of data protection, use "
            "offshore agents.",
            {"offshore": "negated"},
        ),
        (
            "Provider shall not, under any circumstances whatsoever during the Term, deliver "
            "the Services from India.",
            {"India": "negated"},
        ),
        (
            "The Vendor is not — and has not at any time in the past been — accredited "
            "under HITRUST.",
            {"HITRUST": "negated"},
        ),
        (
            "We have not, in the eleven years we have run contact centres for utilities, "
            "offered Welsh.",
            {"Welsh": "negated"},
        ),
        ("We do not, to be clear, record calls in Kenya.", {"Kenya": "negated"}),
    ],
)
def test_an_interrupted_negation_resumes(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after 'but', a negation without its subject denies the subject of the clause before
        ("Tagalog came up in the workshop but honestly isn't a priority.", {"Tagalog": "negated"}),
        ("Spanish was on the wish list, but not a must.", {"Spanish": "negated"}),
        (
            "French came up with the steering group but is not needed this year.",
            {"French": "negated"},
        ),
        (
            "Chat and email were discussed, but neither is required.",
            {"Chat": "negated", "email": "negated"},
        ),
        ("WhatsApp came up but not seriously.", {"WhatsApp": "affirmed"}),
        # a complement of time defers; a clause that hedged keeps its hedge
        ("Chat is in scope but not at launch.", {"Chat": "affirmed"}),
        ("sunday 9-1 would be nice to have but not a must", {"sunday 9-1": "hedged"}),
    ],
)
def test_a_negation_after_but_with_its_subject_left_out(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a correction denies what it replaces
        ("Change the SLA from 85/20 to 80/20.", {"85/20": "negated", "80/20": "affirmed"}),
        (
            "The draft says 85/20, please change to 80/20.",
            {"85/20": "negated", "80/20": "affirmed"},
        ),
        (
            "Please amend 45 days to 30 days in section 4.",
            {"45 days": "negated", "30 days": "affirmed"},
        ),
        (
            "Typo in the RFP: 60 days should read 90 days.",
            {"60 days": "negated", "90 days": "affirmed"},
        ),
        (
            "We updated our platform from Avaya to Genesys in 2023.",
            {"Avaya": "negated", "Genesys": "affirmed"},
        ),
        # a change that is no correction replaces nothing
        ("Volumes rose from 40,000 calls to 55,000 calls.", {"40,000 calls": "affirmed"}),
        (
            "We can change the rate to $26 per hour if volumes grow.",
            {"$26 per hour": "conditional"},
        ),
    ],
)
def test_a_correction_denies_what_it_replaces(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prohibition with an exception for consent allows it with consent
        (
            "The Supplier shall not, without the Authority's prior written approval, relocate the "
            "Services to India.",
            {"India": "conditional"},
        ),
        (
            "Agents may not work from Manila without the client's written consent.",
            {"Manila": "conditional"},
        ),
        ("No offshore delivery without the Customer's prior consent.", {"offshore": "conditional"}),
        ("We will not use offshore agents.", {"offshore": "negated"}),
    ],
)
def test_a_prohibition_that_yields_to_consent(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # taken out of use, turned down
        ("We retired Avaya last year.", {"Avaya": "negated"}),
        ("Avaya was decommissioned in 2024.", {"Avaya": "negated"}),
        ("Zendesk was rejected by procurement.", {"Zendesk": "negated"}),
        ("Five9 was evaluated and rejected.", {"Five9": "negated"}),
        ("Regrettably, we must decline the Japanese requirement.", {"Japanese": "negated"}),
        ("Portuguese: nil", {"Portuguese": "negated"}),
        ("We hold ISO 27001; SOC 2, not yet.", {"ISO 27001": "affirmed", "SOC 2": "planned"}),
    ],
)
def test_retired_rejected_and_not_yet(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation of a harm (a failure, a loss, a worry, a cost) asserts the good
        ("Never once have we missed our 80/20 target.", {"80/20": "affirmed"}),
        ("We have never lost a client in Manila.", {"Manila": "affirmed"}),
        ("Don't worry about Spanish - we have 40 agents.", {"Spanish": "affirmed"}),
        ("You won't pay more for Spanish.", {"Spanish": "affirmed"}),
        ("We didn't hesitate to sign the BAA.", {"BAA": "affirmed"}),
        ("We can't afford to lose our 80/20 level.", {"80/20": "affirmed"}),
        ("We have not had a single outage on Five9.", {"Five9": "affirmed"}),
        # a negative subject before a comparison in favour claims the best
        ("No-one does Welsh better than our Cardiff team.", {"Welsh": "affirmed"}),
        ("Nothing beats our 24/7 coverage.", {"24/7": "affirmed"}),
        # the denial itself stands
        ("We do not offer Welsh.", {"Welsh": "negated"}),
        ("We no longer use Five9.", {"Five9": "negated"}),
    ],
)
def test_denying_a_harm_or_a_rival_asserts(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later clause takes a past denial back
        ("Until recently we didn't offer chat, but now we do.", {"chat": "affirmed"}),
        ("We didn't use to offer chat; we do now.", {"chat": "affirmed"}),
        ("We did not hold PCI DSS in 2022, but we have now.", {"PCI DSS": "affirmed"}),
        ("We did not offer chat in 2022 and still don't.", {"chat": "negated"}),
        # fixed phrases that only look negative
        ("It goes without saying that we hold PCI DSS.", {"PCI DSS": "affirmed"}),
        ("We are no strangers to HIPAA.", {"HIPAA": "affirmed"}),
    ],
)
def test_denials_taken_back_and_fixed_phrases(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # left, closed, paused, out of date, out of use, not among what is offered
        ("We pulled out of Manila last year.", {"Manila": "negated"}),
        ("We exited Cebu in 2024.", {"Cebu": "negated"}),
        ("We have given up on Zendesk.", {"Zendesk": "negated"}),
        ("Avaya is deprecated.", {"Avaya": "negated"}),
        ("Thai support has been paused.", {"Thai": "negated"}),
        ("ISO 27001 certificate is out of date.", {"ISO 27001": "negated"}),
        ("Italian isn't one of our languages.", {"Italian": "negated"}),
        ("Italian is not among the languages we offer.", {"Italian": "negated"}),
        ("Sites | Manila (yes) | Cebu (closed 2024)", {"Manila": "affirmed", "Cebu": "negated"}),
        ("Given the absence of Dutch speakers, we cannot bid Lot 3.", {"Dutch": "negated"}),
        ("We are non-compliant with HIPAA.", {"HIPAA": "negated"}),
        ("PCI DSS is irrelevant for this lot.", {"PCI DSS": "negated"}),
        ("HIPAA isn't a thing for us.", {"HIPAA": "negated"}),
        ("Tagalog not on our radar", {"Tagalog": "negated"}),
        ("French — N; German — Y", {"French": "negated"}),
        # all but one
        ("All sites bar Cebu are PCI DSS certified.", {"Cebu": "negated"}),
        ("Email w/o chat.", {"Email": "affirmed", "chat": "negated"}),
        # a penalty denied is no denial of what it is on
        ("No Service Credits shall apply to the email channel.", {"email": "affirmed"}),
        # a backward scope passes over a closed relative clause
        (
            "ISO 27001 certification, which we do not hold, is not required.",
            {"ISO 27001": "negated"},
        ),
        ("Spanish, which we offer from Bogotá, is required.", {"Spanish": "affirmed"}),
    ],
)
def test_more_ways_to_deny(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb's negation earlier in the clause, past its window: not firm, never affirmed
        (
            "We do not currently expect that the agents in our new building will need to use "
            "Salesforce.",
            {"Salesforce": "hedged"},
        ),
        (
            "The Supplier will not be asked by the Authority at any stage of the contract term to "
            "provide services in Irish.",
            {"Irish": "hedged"},
        ),
        ("We do not use Salesforce.", {"Salesforce": "negated"}),
        # a clause of its own is out of the negation's reach
        (
            "We do not charge set-up fees and our Leeds agents handle Spanish.",
            {"Spanish": "affirmed"},
        ),
        ("We don't outsource; all Spanish calls are handled in Bogotá.", {"Spanish": "affirmed"}),
    ],
)
def test_a_negation_that_may_reach_is_not_firm(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition heading its sentence reaches the end of its clause; a proviso after a
        # comma reaches back over its whole clause; no window holds either
        (
            "Provided always that the Authority's monthly volume exceeds forty thousand (40,000) "
            "calls, the price per call shall reduce to £1.60.",
            {"£1.60": "conditional"},
        ),
        (
            "If your team moves more than half of its email volume onto webchat in the first "
            "year, we will add a dedicated floor in Cebu.",
            {"Cebu": "conditional"},
        ),
        (
            "Should the Customer's volumes fall below the agreed forecast for two consecutive "
            "months, a 10% uplift applies.",
            {"10%": "conditional"},
        ),
        (
            "Where Welsh-speaking callers are routed to the Cardiff team out of hours, the rate "
            "is £31 per hour.",
            {"£31 per hour": "conditional"},
        ),
        (
            "First response time shall be four hours in any calendar month, provided that ticket "
            "volumes stay within the agreed forecast.",
            {"four hours": "conditional"},
        ),
        (
            "We will staff Saturday cover from our Leeds site, subject to the Authority "
            "confirming volumes.",
            {"Leeds": "conditional"},
        ),
        (
            "We staff Spanish in Bogotá. If volumes grow, we add Medellín.",
            {"Bogotá": "affirmed", "Medellín": "conditional"},
        ),
        (
            "If you need weekend cover, we can do it; our Leeds site is open every day.",
            {"Leeds": "affirmed"},
        ),
    ],
)
def test_a_fronted_condition_and_a_proviso_cover_their_clause(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another organisation's story: a client as subject of a past verb, or an organisation
        # named with 'a'/'one' whose verb goes on with its own 'its'/'their' or comes 'to us'
        (
            "A regional water utility cut its average handle time from 9 minutes to 6 minutes.",
            {"9 minutes": "other_client", "6 minutes": "other_client"},
        ),
        (
            "When a national broadband provider came to us, its abandonment rate was 14%.",
            {"14%": "other_client"},
        ),
        (
            "One mid-sized insurer moved its claims line to us and saw CSAT rise to 88%.",
            {"CSAT": "other_client", "88%": "other_client"},
        ),
        ("The client expanded from 40 seats to 90 seats.", {"40 seats": "other_client"}),
        # a client pointed back to, up to the end of its clause
        (
            "That retailer now pays $24 per hour; your rate would be $22 per hour.",
            {"$24 per hour": "other_client", "$22 per hour": "affirmed"},
        ),
        # the buyer's own needs and the vendor's own team are no story
        ("The client requires Spanish and French from day one.", {"Spanish": "affirmed"}),
        (
            "A dedicated team of 40 agents will serve your account from Leeds.",
            {"Leeds": "affirmed"},
        ),
        ("A Spanish-speaking supervisor was added to the Leeds floor.", {"Leeds": "affirmed"}),
    ],
)
def test_another_organisations_story(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a third party as the agent of a passive verb does what its whole clause says
        (
            "Interpretation into Somali and Tigrinya for walk-in callers will be provided by a "
            "specialist interpreting service.",
            {"Somali": "third_party", "Tigrinya": "third_party"},
        ),
        (
            "All Portuguese-language email for the Brazilian market is answered by a local "
            "subcontractor.",
            {"Portuguese": "third_party"},
        ),
        (
            "Overnight voice cover for the whole of the Scottish estate is delivered by our "
            "Glasgow partner.",
            {"voice": "third_party"},
        ),
        ("Spanish calls are handled by our own team in Madrid.", {"Spanish": "affirmed"}),
        (
            "Webchat is run by the in-house team; email is handled by a partner.",
            {"Webchat": "affirmed", "email": "third_party"},
        ),
    ],
)
def test_a_third_party_as_passive_agent(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company of the vendor's own group is no client; a concession is no condition; a
        # proviso merged with its comma still looks back; a list is reached where its last item is
        (
            "Welsh is not offered from our Leeds site; should you need it, we can call on "
            "our sister company in Cardiff.",
            {"Welsh": "negated", "Cardiff": "third_party"},
        ),
        (
            "Our parent company in Madrid holds ISO 27001 for the group.",
            {"ISO 27001": "third_party"},
        ),
        ("For a telecoms company in Leeds we run 200 seats.", {"Leeds": "other_client"}),
        ("We hold 80/20 even if volumes spike in January.", {"80/20": "affirmed"}),
        (
            "Abandonment shall not exceed 5% in any month, provided always that volumes stay "
            "within forecast.",
            {"Abandonment": "conditional"},
        ),
        (
            "Polish, Romanian and Bulgarian services will be delivered only if agreed in writing.",
            {"Polish": "conditional", "Romanian": "conditional", "Bulgarian": "conditional"},
        ),
        (
            "Polish, Romanian and Bulgarian-language calls are not offered.",
            {"Polish": "negated", "Romanian": "negated", "Bulgarian": "negated"},
        ),
    ],
)
def test_kin_companies_concessions_provisos_and_lists(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what cannot be met is not offered
        ("90/10 is not achievable at this price.", {"90/10": "negated"}),
        ("90/10 is unrealistic for this volume.", {"90/10": "negated"}),
        ("A 90/10 target is out of reach in year one.", {"90/10": "negated"}),
        ("24/7 is not feasible for us.", {"24/7": "negated"}),
        ("AHT of 4 minutes is not realistic for technical support.", {"4 minutes": "negated"}),
        ("24/7? Can't do it.", {"24/7": "negated"}),
        ("80/20 is achievable from month two.", {"80/20": "affirmed"}),
    ],
)
def test_out_of_reach_is_not_offered(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation of a negative verb or of a shortage asserts (the negative word goes too)
        ("Nothing stops us from adding Dutch.", {"Dutch": "affirmed"}),
        ("We don't lack Spanish speakers.", {"Spanish": "affirmed"}),
        ("We haven't stopped offering Welsh.", {"Welsh": "affirmed"}),
        ("We never say no to Spanish requests.", {"Spanish": "affirmed"}),
        ("Don't forget we hold ISO 27001.", {"ISO 27001": "affirmed"}),
        ("Agents cannot bypass PCI DSS controls.", {"PCI DSS": "affirmed"}),
        ("There is no shortage of Spanish speakers in Bogotá.", {"Spanish": "affirmed"}),
        ("We are not short of Spanish speakers.", {"Spanish": "affirmed"}),
        # litotes with a clitic, and fixed phrases
        ("It isn't unusual for us to run 24/7.", {"24/7": "affirmed"}),
        ("There is no question that we hold PCI DSS.", {"PCI DSS": "affirmed"}),
        # the negative verb alone still denies
        ("We lack Dutch speakers.", {"Dutch": "negated"}),
        ("We stopped offering Welsh in 2022.", {"Welsh": "negated"}),
    ],
)
def test_a_negated_negative_asserts(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # table cells and flattened rows
        ("Spanish (Y) French (N)", {"Spanish": "affirmed", "French": "negated"}),
        ("HITRUST [No]", {"HITRUST": "negated"}),
        ("HITRUST: False", {"HITRUST": "negated"}),
        ("Chat: optional", {"Chat": "hedged"}),
        ("Chat: phase 2", {"Chat": "planned"}),
        ("WhatsApp will come in phase two.", {"WhatsApp": "planned"}),
        ("Voice: Yes", {"Voice": "affirmed"}),
    ],
)
def test_table_cells(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a buyer sets aside
        ("24/7 isn't on the cards", {"24/7": "negated"}),
        ("Spanish? meh, not really", {"Spanish": "negated"}),
        ("please leave SMS out of the quote", {"SMS": "negated"}),
        ("take WhatsApp out", {"WhatsApp": "negated"}),
        ("we're steering away from offshore", {"offshore": "negated"}),
        ("we've moved away from Avaya", {"Avaya": "negated"}),
        ("we're done with Avaya", {"Avaya": "negated"}),
        ("HITRUST would be overkill", {"HITRUST": "negated"}),
        ("we can skip Spanish for now", {"Spanish": "negated"}),
        ("Spanish can wait", {"Spanish": "planned"}),
        # 'out of hours' is a time, nothing set aside
        ("We take Spanish calls out of hours.", {"Spanish": "affirmed"}),
    ],
)
def test_what_a_buyer_sets_aside(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ISO 27001 certificate is under renewal.", {"ISO 27001": "planned"}),
        ("Finnish isn't either.", {"Finnish": "negated"}),
        (
            "Danish isn't offered, and neither is Norwegian.",
            {"Danish": "negated", "Norwegian": "negated"},
        ),
        (
            "Spanish and French are offered; Italian is not.",
            {"Spanish": "affirmed", "Italian": "negated"},
        ),
    ],
)
def test_renewal_and_either(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a move replaces what it leaves; a site once the vendor's is gone
        ("We relocated from Manila to Cebu last year.", {"Manila": "negated", "Cebu": "affirmed"}),
        ("We migrated from Avaya to Genesys in 2024.", {"Avaya": "negated", "Genesys": "affirmed"}),
        ("We moved out of Manila in 2023.", {"Manila": "negated"}),
        ("Our former Manila site now belongs to another firm.", {"Manila": "negated"}),
        (
            "We closed the old Cebu centre in May.",
            {"Cebu": "negated"},
        ),
        ("Manila is not a delivery location for this contract.", {"Manila": "negated"}),
        ("Our Manila site serves the account.", {"Manila": "affirmed"}),
        ("Our team includes former Genesys engineers.", {"Genesys": "affirmed"}),
    ],
)
def test_moves_and_former_sites(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # lists of what is and is not offered
        (
            "Not email, not SMS, just voice.",
            {"email": "negated", "SMS": "negated", "voice": "affirmed"},
        ),
        (
            "Only voice — no email, no SMS.",
            {"voice": "affirmed", "email": "negated", "SMS": "negated"},
        ),
        ("Spanish, French — not Italian", {"Spanish": "affirmed", "Italian": "negated"}),
        ("Voice and chat yes; email and SMS no.", {"Voice": "affirmed", "email": "negated"}),
        ("SMS — no", {"SMS": "negated"}),
        ("Voice — no, chat — yes", {"Voice": "negated", "chat": "affirmed"}),
    ],
)
def test_lists_of_what_is_and_is_not(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denied hand-over keeps the work in-house; only where it would go is denied
        ("We don't outsource Spanish to partners.", {"Spanish": "affirmed"}),
        ("We do not subcontract any of our Spanish calls.", {"Spanish": "affirmed"}),
        ("We never outsource our chat channel.", {"chat": "affirmed"}),
        ("We do not subcontract to India.", {"India": "negated"}),
        ("We do not outsource any work to Manila.", {"Manila": "negated"}),
        ("We don't offshore email.", {"email": "affirmed"}),
        ("We do not outsource; our Leeds team handles voice.", {"voice": "affirmed"}),
        ("We don't offshore email.", {"offshore": "negated", "email": "affirmed"}),
    ],
)
def test_a_denied_hand_over_keeps_the_work(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a schedule brings in later is planned; what it already has is not
        ("We offer email and will roll out chat in Q2.", {"email": "affirmed", "chat": "planned"}),
        (
            "We'd start you on voice in week one and switch on chat in week three.",
            {"chat": "planned"},
        ),
        ("SMS will be introduced in year two.", {"SMS": "planned"}),
        ("We will not roll out WhatsApp.", {"WhatsApp": "negated"}),
    ],
)
def test_a_schedule_plans_what_it_brings_in(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'no' as an abbreviation of 'number'; a denied closing keeps it open
        ("No of seats in Manila: 120", {"Manila": "affirmed"}),
        ("No. of Spanish agents: 40", {"Spanish": "affirmed"}),
        ("Reference no. 4411 covers our ISO 27001 certificate.", {"ISO 27001": "affirmed"}),
        ("Our Spanish team never sleeps: 24/7 coverage.", {"24/7": "affirmed"}),
        ("Our Leeds centre never closes.", {"Leeds": "affirmed"}),
    ],
)
def test_number_abbreviations_and_denied_closing(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an answer to a question about a cost or a trouble denies the cost, not the mention
        ("Is Spanish an extra cost? No.", {"Spanish": "affirmed"}),
        ("Do you charge extra for weekend Spanish? No.", {"Spanish": "affirmed"}),
        ("Any issues with Genesys so far? None.", {"Genesys": "affirmed"}),
        ("Has the Manila site had any outages? No.", {"Manila": "affirmed"}),
        ("Do you hold ISO 27001? No.", {"ISO 27001": "negated"}),
        ("Is Spanish included? No.", {"Spanish": "negated"}),
        ("Is there a surcharge for French? No.", {"French": "affirmed"}),
        ("Spanish is not an extra cost.", {"Spanish": "affirmed"}),
        ("No uplift applies to weekend Spanish.", {"Spanish": "affirmed"}),
    ],
)
def test_an_answer_about_a_cost(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal before a negation after its subject
        ("Welsh may not be available.", {"Welsh": "negated"}),
        ("Cantonese might not be offered at launch.", {"Cantonese": "negated"}),
        ("Spanish will probably not be required.", {"Spanish": "negated"}),
        ("Our Manila vendor wasn't great.", {"Manila": "affirmed"}),
    ],
)
def test_a_modal_before_a_denial(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside set off by commas between a mention and its denial
        ("Welsh, as noted in our clarification response, is not offered.", {"Welsh": "negated"}),
        ("Welsh, sadly, is not something we offer.", {"Welsh": "negated"}),
        ("HITRUST, to be transparent, we have never pursued.", {"HITRUST": "negated"}),
        ("Spanish, we do not offer it.", {"Spanish": "negated"}),
        ("We offer Spanish, as agreed, and Italian is not offered.", {"Spanish": "affirmed"}),
    ],
)
def test_an_aside_before_a_denial(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list does not run on into a new clause; a proviso's scope stays inside it; a denied
        # exemption holds the duty; a verb of exceeding bounds its figure however long the
        # subject; a place glossing a denied delivery model is denied with it
        (
            "Agents will sit in Leeds or Bristol, and home working is not allowed.",
            {"Leeds": "affirmed", "Bristol": "affirmed", "home working": "negated"},
        ),
        (
            "Calls are answered in Cardiff and Swansea, and outsourcing is not permitted.",
            {"Cardiff": "affirmed", "Swansea": "affirmed"},
        ),
        (
            "CSAT shall be at least 85%, provided that surveys sent after 48 hours shall be "
            "excluded.",
            {"85%": "conditional"},
        ),
        (
            "The Vendor shall not be relieved of its duty to hold PCI DSS by any act of its "
            "partners.",
            {"PCI DSS": "affirmed"},
        ),
        (
            "Bidders are not exempt from Cyber Essentials Plus.",
            {"Cyber Essentials Plus": "affirmed"},
        ),
        (
            "Not convinced by their 80/20 claim for Spanish.",
            {"80/20": "affirmed", "Spanish": "affirmed"},
        ),
        (
            "Under no circumstances shall total monthly credits for the voice channel exceed 15%.",
            {"15%": "affirmed"},
        ),
        (
            "Average hold time must at no point in the contract year exceed 90 seconds.",
            {"90 seconds": "affirmed"},
        ),
        ("Nearshore (Lisbon): not offered.", {"Nearshore": "negated", "Lisbon": "negated"}),
        ("PCI DSS (Lisbon) — expired.", {"PCI DSS": "negated", "Lisbon": "affirmed"}),
    ],
)
def test_clauses_provisos_exemptions_and_bounds(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vendor's label, a pronoun or a count that 'says' is no testimony; a client named
        # with more words; a company of the vendor's group is a third party; volume tiers;
        # an obligation to obtain plans; 'not … yet' plans; 'not … until' delays
        ("B says they could add Dutch by May.", {"Dutch": "hedged"}),
        ("Vendor C said they'd staff Welsh from Cardiff.", {"Welsh": "affirmed"}),
        (
            "For one large Scottish housing client we cut AHT by 30%.",
            {"AHT": "other_client", "30%": "other_client"},
        ),
        (
            "For the other client we had, the utility one, CSAT rose to 90%.",
            {"CSAT": "other_client"},
        ),
        (
            "Arabic is delivered by our associate company in Dubai.",
            {"Arabic": "third_party", "Dubai": "third_party"},
        ),
        (
            "Volumes above 50,000 calls per month: GBP 3.10 per call.",
            {"GBP 3.10 per call": "conditional"},
        ),
        (
            "The Supplier shall obtain ISO 27001 within twelve months of award.",
            {"ISO 27001": "planned"},
        ),
        ("Webchat is on their roadmap for next year.", {"Webchat": "planned"}),
        ("We're not PCI DSS compliant yet.", {"PCI DSS": "planned"}),
        ("We are not doing chat yet.", {"chat": "planned"}),
        ("We won't hold ISO 27001 until May.", {"ISO 27001": "planned"}),
        ("Nobody raised GDPR until the final workshop.", {"GDPR": "affirmed"}),
        ("The COPC certificate we held until 2021 was not renewed.", {"COPC": "negated"}),
        ("We do not offer Thai.", {"Thai": "negated"}),
    ],
)
def test_says_tiers_obligations_yet_and_until(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an exception to a prohibition ('unless') conditions it; 'but only if' conditions what
        # came before; a quoted phrase is still a phrase; a 'yes' stands apart from a later scope
        (
            "The Supplier shall not use home-based agents unless the Authority approves it.",
            {"home-based": "conditional"},
        ),
        (
            "We can staff Sundays 10–4 but only if volumes pass 5,000 calls.",
            {"Sundays 10–4": "conditional"},
        ),
        ("Cyber Essentials Plus 'in progress'.", {"Cyber Essentials Plus": "planned"}),
        ("They quoted 'no additional cost' for Welsh.", {"Welsh": "affirmed"}),
        ("ISO 9001 yes, ISO 14001 'in progress'.", {"ISO 9001": "affirmed"}),
        ("We do not offer Thai.", {"Thai": "negated"}),
    ],
)
def test_exceptions_restrictions_quotes_and_yes(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vague or partial claim is not firm
        ("Romanian we've kinda got.", {"Romanian": "hedged"}),
        ("We answer email inside 24 hours, most of the time.", {"24 hours": "hedged"}),
        ("We are more or less PCI DSS compliant.", {"PCI DSS": "hedged"}),
        ("In theory we could staff Dutch.", {"Dutch": "hedged"}),
        ("We hold ISO 27001.", {"ISO 27001": "affirmed"}),
        ("Our AHT is seven minutes, mostly because of billing.", {"AHT": "affirmed"}),
    ],
)
def test_a_vague_claim_is_not_firm(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after 'not … until', the mention is what must happen first: a condition, not a denial
        ("We won't share a single record until a BAA is signed.", {"BAA": "conditional"}),
        ("No agent goes live till they finish PCI DSS training.", {"PCI DSS": "conditional"}),
        ("Go-live will not happen until SOC 2 Type II is in place.", {"SOC 2 Type II": "conditional"}),
        # without 'until' the negation denies the mention
        ("We will not sign a BAA with any vendor.", {"BAA": "negated"}),
    ],
)
def test_what_must_come_first_after_not_until_is_a_condition(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'not X until Y' in the present or the future: X is delayed, a plan, neither held nor
        # denied
        ("We do not offer Spanish until Q3.", {"Spanish": "planned"}),
        ("No chat until the new platform is live.", {"chat": "planned"}),
        ("Webchat isn't offered till the autumn release.", {"Webchat": "planned"}),
        ("We do not hold ISO 27001 until the audit completes in May.", {"ISO 27001": "planned"}),
        # in the past, the thing came in the end
        ("We didn't offer chat until 2024.", {"chat": "affirmed"}),
        ("Spanish wasn't available until last spring.", {"Spanish": "affirmed"}),
        ("Nobody mentioned GDPR until I asked.", {"GDPR": "affirmed"}),
        # without 'until', a plain denial
        ("We do not offer Spanish.", {"Spanish": "negated"}),
        ("No chat is offered after 6pm.", {"chat": "negated"}),
    ],
)
def test_not_until_delays_in_the_present_and_came_in_the_past(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closed 'No,' right after a question answers it, though mentions follow in its clause
        ("Q7: Is Somali required? A: No, and nor, to be clear, is Amharic.", {"Somali": "negated", "Amharic": "negated"}),
        ("Do you need Portuguese? No, but we need Italian.", {"Portuguese": "negated", "Italian": "affirmed"}),
    ],
)
def test_a_closed_no_after_a_question_answers_it(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a buyer's 'X is not required / not needed / no longer needed' denies X, a modal
        # between or not
        ("Email support will no longer be required.", {"Email": "negated"}),
        ("Spanish support will not be needed in year two.", {"Spanish": "negated"}),
        ("Tagalog won't be needed after all.", {"Tagalog": "negated"}),
        ("Italian and Dutch are not required.", {"Italian": "negated", "Dutch": "negated"}),
        ("There's no need for French.", {"French": "negated"}),
        # what is still needed stands
        ("Spanish will be required, but Dutch will not be required.", {"Spanish": "affirmed"}),
        ("Email support will be required from 2027.", {"Email": "affirmed"}),
    ],
)
def test_what_a_buyer_no_longer_needs_is_denied(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive participle ending the negation's clause denies the subject
        ("Dutch is not staffed.", {"Dutch": "negated"}),
        ("Social media is not monitored.", {"Social": "negated"}),
        ("Avaya is not used any more.", {"Avaya": "negated"}),
        # a word of feeling or harm judges it instead
        ("Chat is not affected by the migration.", {"Chat": "affirmed"}),
        ("Our Manila team was not impressed.", {"Manila": "affirmed"}),
    ],
)
def test_a_negated_passive_denies_its_subject(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another party's, not one's own: the mention stays with the third party
        (
            "Our partner holds ISO 27001, but we do not hold it ourselves.",
            {"ISO 27001": "third_party"},
        ),
        (
            "Vendor A's hosting partner holds HIPAA attestation; A itself does not.",
            {"HIPAA": "third_party"},
        ),
        (
            "The PCI DSS certificate is our payment partner's, not our own.",
            {"PCI DSS": "third_party"},
        ),
        ("That SOC 2 Type II report was their parent company's.", {"SOC 2 Type II": "third_party"}),
        # one's own, not another's; and a denial in the mention's own clause still denies
        ("The ISO 27001 certificate is ours, not our partner's.", {"ISO 27001": "affirmed"}),
        # (a partner that does it in the next clause makes it the partner's: see
        # test_assertion_scope.py; a partner as a route does not)
        ("We do not hold PCI DSS ourselves; card data is routed to our payment provider.",
         {"PCI DSS": "negated"}),
        ("We don't offer Welsh in-house.", {"Welsh": "negated"}),
    ],
)
def test_theirs_not_ours(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition closing a modal predicate conditions its subject, past an aside
        ("Weekend cover from Cork could be arranged if requested.", {"Cork": "conditional"}),
        ("Italian can, of course, be provided on request.", {"Italian": "conditional"}),
        # ... not the items of an earlier clause, and 'on demand' is no condition
        (
            "We staff Greek and Turkish, and Hebrew can be added on request.",
            {"Greek": "affirmed", "Hebrew": "conditional"},
        ),
        ("Video support is available on demand.", {"Video": "affirmed"}),
        # a trailing 'if' after a modal predicate conditions its subject, not an earlier
        # conjunct's mention
        (
            "Romanian could be staffed from our Iași site if volumes grow.",
            {"Romanian": "conditional"},
        ),
        (
            "We hold ISO 9001 and will add ISO 27001 if a client needs it.",
            {"ISO 9001": "affirmed", "ISO 27001": "conditional"},
        ),
        # a charge or credit that applies where something happens
        ("A 2% credit applies where FCR drops under 70%.", {"FCR": "conditional"}),
        ("Penalties are payable where AHT exceeds 400 seconds.", {"400 seconds": "conditional"}),
        # a proviso after a comma, and 'depending on'
        ("We can staff Polish, provided the forecast holds.", {"Polish": "conditional"}),
        ("Saturday cover is possible depending on demand.", {"Saturday": "conditional"}),
        ("Saturday cover is possible.", {"Saturday": "affirmed"}),
    ],
)
def test_conditions_of_a_predicate_and_of_a_charge(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a future passive of completion or start plans its subject
        ("The BAA will be signed before go-live.", {"BAA": "planned"}),
        ("Our Durban site will be operational by March.", {"Durban": "planned"}),
        (
            "Polish and Czech support will be launched in May.",
            {"Polish": "planned", "Czech": "planned"},
        ),
        ("Chat goes live in April.", {"Chat": "planned"}),
        ("We are on track to achieve SOC 2 Type II by December.", {"SOC 2 Type II": "planned"}),
        # not a mention of an earlier clause, and not the past
        (
            "We run a PCI DSS compliant desk for retail clients and a BAA will be signed later.",
            {"PCI DSS": "affirmed", "BAA": "planned"},
        ),
        ("Chat went live in April.", {"Chat": "affirmed"}),
    ],
)
def test_a_future_passive_plans_its_subject(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a doubt over a plan leaves the thing not firm: hedged wins
        ("We're unsure whether Welsh will be added next year.", {"Welsh": "hedged"}),
        ("Finnish: TBC, pending recruitment.", {"Finnish": "hedged"}),
        # a partner's, firm or not, is the partner's
        ("Thai through a partner agency, numbers TBC.", {"Thai": "third_party"}),
        # a plan or a partner without doubt keeps its status
        ("Welsh will be added next year.", {"Welsh": "planned"}),
        ("Thai is covered through a partner agency.", {"Thai": "third_party"}),
    ],
)
def test_a_doubt_outranks_a_plan_and_a_partner_both(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # taken out of use: denied
        ("We migrated away from Genesys in 2023.", {"Genesys": "negated"}),
        ("We switched off SMS in March.", {"SMS": "negated"}),
        ("We will switch on SMS in March.", {"SMS": "planned"}),
        # held 'by us' is one's own, and 'has never been held' denies through a head noun
        ("COPC accreditation has never been held by us.", {"COPC": "negated"}),
        ("ISO 27001 is held by us directly.", {"ISO 27001": "affirmed"}),
        ("ISO 27001 is held by our parent.", {"ISO 27001": "third_party"}),
    ],
)
def test_out_of_use_and_held_by_us(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a client that engaged the vendor, after a time; a client named beside an account
        (
            "In 2024 a regional bank engaged us to run Spanish chat.",
            {"Spanish": "other_client", "chat": "other_client"},
        ),
        ("One of our clients, an online grocer, sees 88% CSAT.", {"88%": "other_client"}),
        (
            "CSAT overall is 90%, and our biggest account, a ferry operator, sits at 95%.",
            {"90%": "affirmed", "95%": "other_client"},
        ),
        # not a client: a site described, or someone who is no client asking
        ("Our Leeds site, a former bank, hosts 300 seats.", {"300 seats": "affirmed"}),
        ("A colleague asked us to quote Welsh.", {"Welsh": "affirmed"}),
    ],
)
def test_a_client_engaging_us_or_named_beside_an_account(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a soft denial after the thing denies it; a doubt after it hedges it
        ("Sunday cover, probably not.", {"Sunday": "negated"}),
        ("Nearshore? Over my dead body.", {"Nearshore": "negated"}),
        ("Sunday cover, maybe not.", {"Sunday": "hedged"}),
        ("We were warned GDPR might apply.", {"GDPR": "hedged"}),
        # a figure given loosely is not firm; given plainly it is
        ("Abandonment is 6%, give or take.", {"6%": "hedged"}),
        ("Abandonment is 6%.", {"6%": "affirmed"}),
    ],
)
def test_soft_denials_and_doubts_after_the_thing(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a row answered with a bare mark that may be a tick or a cross is not firm
        ("SMS | x", {"SMS": "hedged"}),
        ("WhatsApp | -", {"WhatsApp": "hedged"}),
        # a plain answer, or a mark that reads one way only, decides
        ("SMS | ✗", {"SMS": "negated"}),
        ("Chat | Yes | -", {"Chat": "affirmed"}),
        ("Chat | ✓", {"Chat": "affirmed"}),
    ],
)
def test_a_bare_mark_in_a_row_is_not_firm(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a denial is 'without' is what it needs
        ("Without a signed BAA we cannot take on PHI.", {"BAA": "conditional"}),
        ("No card data is captured without PCI DSS controls.", {"PCI DSS": "conditional"}),
        ("We deliver email without a partner.", {"email": "affirmed"}),
        # an exception to everything is left out of it
        ("Apart from Maltese, all EU languages are covered.", {"Maltese": "negated"}),
        ("Aside from Polish, every language goes through a partner.", {"Polish": "hedged"}),
        ("Apart from Maltese, we also offer Irish.", {"Maltese": "affirmed"}),
    ],
)
def test_what_a_denial_needs_and_exceptions_to_all(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial after a phrase that qualifies its subject denies the subject too
        ("Italian at our Tirana site is not offered.", {"Italian": "negated"}),
        ("Weekend cover for the Derby queue won't be needed.", {"Weekend": "negated"}),
        # a clause of its own before 'and' is no list's first item
        (
            "Greek is offered in Athens and Turkish is not offered.",
            {"Greek": "affirmed", "Athens": "affirmed", "Turkish": "negated"},
        ),
        ("We need Greek and Turkish isn't needed.", {"Greek": "affirmed", "Turkish": "negated"}),
        ("Greek and Turkish are not offered.", {"Greek": "negated", "Turkish": "negated"}),
    ],
)
def test_qualified_subjects_and_clauses_joined_by_and(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past habit, a thing on its way out: denied
        ("We used to do webchat but we stopped.", {"webchat": "negated"}),
        ("We're dropping SMS support next year.", {"SMS": "negated"}),
        ("Video support is going away in the spring.", {"Video": "negated"}),
        # a denial supposed in an 'if' clause is a condition; asked for after it, a need
        ("If they can't do Flemish, they're out.", {"Flemish": "conditional"}),
        (
            "Nobody in our office speaks Flemish, so we need a vendor who does.",
            {"Flemish": "affirmed"},
        ),
        ("Nobody in our office speaks Flemish.", {"Flemish": "negated"}),
        ("If volumes drop, we will not staff Flemish.", {"Flemish": "negated"}),
    ],
)
def test_past_habits_ways_out_and_supposed_denials(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a contrast denies its alternative, not what both alternatives are for
        ("Live agents rather than bots for Hungarian.", {"Hungarian": "affirmed"}),
        ("We prefer email instead of chat for Greek.", {"chat": "negated", "Greek": "affirmed"}),
        ("We'd staff it from Porto rather than from Manila.", {"Manila": "negated"}),
    ],
)
def test_a_contrast_leaves_what_it_is_for(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label's answer after an adverb or a spaced hyphen
        ("Sinhala: currently not.", {"Sinhala": "negated"}),
        ("Sinhala - not today.", {"Sinhala": "negated"}),
        ("Sinhala: currently yes.", {"Sinhala": "affirmed"}),
        # 'not … yet' past a head noun plans; 'and yet' starts a new clause
        ("We don't have Sinhala speakers yet.", {"Sinhala": "planned"}),
    ],
)
def test_label_answers_and_not_yet(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    "text",
    ["We don't offer Tamil and yet we win Tamil tenders.", "We don't offer Tamil, yet we win Tamil bids."],
)
def test_yet_as_a_conjunction_ends_a_denial(text):
    assert [m.status for m in read(text)] == ["negated", "affirmed"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # someone bought in from outside is a third party
        ("Korean is covered by an agency we work with.", {"Korean": "third_party"}),
        ("An outside vendor handles our Lao line.", {"Lao": "third_party"}),
        ("We subcontract Amharic to a firm in Addis Ababa.", {"Amharic": "third_party"}),
        ("For Hmong we rely on a language services company.", {"Hmong": "third_party"}),
        # ... not when the handing-on is denied, and 'outside' a place still reverses
        ("We never outsource Amharic.", {"Amharic": "affirmed"}),
        ("No records are stored outside the EU.", {"EU": "affirmed"}),
        # a place a hedge reaches is hedged, partner or not
        ("They could perhaps source Lao via an agency in Fresno.", {"Fresno": "hedged"}),
    ],
)
def test_someone_bought_in_is_a_third_party(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a form's answer options and an empty comment state nothing
        ("R-4 | Abandonment under 5% | Met / Not met | Comment: none.", {"5%": "affirmed"}),
        ("Do you hold ISO 9001? | Yes / No", {"ISO 9001": "affirmed"}),
        ("not 90/10, we're a small team", {"90/10": "negated"}),
        # a denial in another cell is that cell's
        ("HIPAA | Comply / Not comply | Notes: no records leave the clinic", {"HIPAA": "affirmed"}),
        # what may not leave a place stays there
        ("No call recordings may leave Ireland.", {"Ireland": "affirmed"}),
        # a label's certificate, and a revival denied
        ("ISO 22301: our certificate lapsed in May and has not been renewed.", {"ISO 22301": "negated"}),
        ("ISO 22301: our certificate lapsed in May and was renewed in June.", {"ISO 22301": "affirmed"}),
        ("Cyber Essentials Plus was allowed to lapse last year.", {"Cyber Essentials Plus": "negated"}),
        ("COPC has not been re-audited since 2023.", {"COPC": "negated"}),
        # a site no longer run is gone; what stays after 'everything' is not denied
        ("We no longer run the Leeds site.", {"Leeds": "negated"}),
        (
            "We won't be using nearshore at all, everything stays onshore in Ohio.",
            {"nearshore": "negated", "onshore": "affirmed", "Ohio": "affirmed"},
        ),
        # not known, not denied; shorthand and a '+' list
        ("They could not confirm whether their Manila agents are PCI DSS trained.", {"PCI DSS": "hedged"}),
        ("greek + turkish not reqd", {"greek": "negated", "turkish": "negated"}),
        ("tagalog nice2have", {"tagalog": "hedged"}),
        # a fronted 'until' delays; agents 'through' a sister company are a third party
        ("Until May we won't have Thai on chat.", {"Thai": "planned"}),
        ("Thai and Lao are provided through our sister company in Vientiane.", {"Thai": "third_party"}),
        ("See how a national grocer cut its AHT by 20%.", {"AHT": "other_client"}),
    ],
)
def test_forms_labels_lapses_and_shorthand(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the vendor's own site is no partner's, whoever's report covers it
        ("Our parent's ISO 27001 certificate extends to our Lima centre.", {"Lima": "affirmed"}),
        # a site named as theirs is the partner's
        ("Quechua is delivered by our partner at their Lima site.", {"Lima": "third_party"}),
    ],
)
def test_own_sites_and_their_sites(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a doubt answering a question hedges what it asks of
        ("viber? tbd", {"viber": "hedged"}),
        ("Do you need Basque? Not sure yet.", {"Basque": "hedged"}),
        ("Basque? Yes.", {"Basque": "affirmed"}),
    ],
)
def test_a_doubt_answers_a_question(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a restricting clause with its subject and verb left out qualifies the clause before
        ("Dutch is offered, although only through an agency.", {"Dutch": "third_party"}),
        ("Italian is covered, though mainly via a language line.", {"Italian": "third_party"}),
        ("We offer Flemish, but only through a partner in Ghent.", {"Flemish": "third_party"}),
        ("Sign language is available, but only on request.", {"Sign language": "conditional"}),
        # negative controls: a clause with its own subject speaks of its own mentions
        (
            "French is available, but our partner handles Dutch.",
            {"French": "affirmed", "Dutch": "third_party"},
        ),
        (
            "Spanish is offered, but we staff Portuguese through an agency.",
            {"Spanish": "affirmed", "Portuguese": "third_party"},
        ),
        # a restriction with no partner or condition leaves the offer firm
        ("Chat is offered, but only on weekdays.", {"Chat": "affirmed"}),
    ],
)
def test_a_restriction_left_elliptical_reaches_the_clause_before(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal of expectation, a verb of arrival and a time ahead plan the subject
        ("The ISO 27001 certificate should be issued by the end of Q1.", {"ISO 27001": "planned"}),
        ("The new Leeds site should go live in May.", {"Leeds": "planned"}),
        ("Cyber Essentials Plus ought to be in place by 2027.", {"Cyber Essentials Plus": "planned"}),
        ("The HITRUST assessment is expected to be complete within six weeks.", {"HITRUST": "planned"}),
        # negative controls: without a time ahead it is a wish or a requirement
        ("The platform should be available 24/7 to all agents.", {"24/7": "affirmed"}),
        ("Spanish should be available in all queues.", {"Spanish": "affirmed"}),
        ("Agents should be available from 8am on weekdays.", {"weekdays": "affirmed"}),
    ],
)
def test_an_expected_arrival_with_a_time_is_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the writer's own people reporting are no client's testimonial
        (
            "Our compliance lead says the SOC 2 Type II report should land in March.",
            {"SOC 2 Type II": "planned"},
        ),
        ("My account manager said Spanish is covered.", {"Spanish": "affirmed"}),
        # negative controls: a client of theirs, or a quotation attributed, still quotes a client
        ("Our client says FCR rose to 84% after the move.", {"84%": "other_client"}),
        ('"They lifted CSAT to 90%," says the CX director of a telco.', {"90%": "other_client"}),
    ],
)
def test_the_writers_own_people_quote_no_client(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb of time or manner between the negation and its complement
        ("Welsh and Gaelic are not presently offered by our Cardiff team.",
         {"Welsh": "negated", "Gaelic": "negated"}),
        ("Video is still not supported on the new platform.", {"Video": "negated"}),
        ("SOC 2 Type II is not formally held by the group.", {"SOC 2 Type II": "negated"}),
        ("Homeworking is not authorised for the fraud queue.", {"Homeworking": "negated"}),
        # negative controls: the mention judged, not denied; a firm statement
        ("Our Manila vendor was not presently great.", {"Manila": "affirmed"}),
        ("Welsh is presently offered by our Cardiff team.", {"Welsh": "affirmed"}),
    ],
)
def test_an_adverb_between_a_negation_and_its_complement_keeps_the_denial(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'that' after a comma points back; it opens no relative clause that would cancel
        ("We cover phone and email, but not SMS, that is outside our remit.",
         {"phone": "affirmed", "SMS": "negated"}),
        # a negation interrupted by a coordination is one denial, not two that cancel
        ("The vendor will not, and will ensure that its agents will not, store PAN data in Manila.",
         {"Manila": "negated"}),
        ("We do not, and shall make sure that our partners do not, offshore the French line.",
         {"French": "negated"}),
        # negative controls: a relative 'that' still cancels; a plain coordination still denies
        ("There is no site that does not hold PCI DSS.", {"PCI DSS": "affirmed"}),
        ("We have no centre that is not ISO 27001 certified.", {"ISO 27001": "affirmed"}),
        ("We do not offer Spanish, and we offer French.", {"Spanish": "negated", "French": "affirmed"}),
    ],
)
def test_a_second_negation_cancels_only_through_a_relative_clause(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negative subject and a passive verb of denial cancel
        ("No channel is excluded from the bid, including SMS.", {"SMS": "affirmed"}),
        ("No language was omitted from our pricing, Dutch included.", {"Dutch": "affirmed"}),
        # negative controls: the passive denial alone, or after a plain subject, denies
        ("SMS is excluded from the bid.", {"SMS": "negated"}),
        ("The Dutch line was omitted from our pricing.", {"Dutch": "negated"}),
    ],
)
def test_a_negative_subject_with_a_passive_denial_affirms(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term changed from one figure to another: the former no longer stands
        ("The warranty period has been extended from 30 days to 60 days.",
         {"30 days": "negated", "60 days": "affirmed"}),
        ("Our per-minute rate was lowered from $1.10 to $0.95.", {"$1.10": "negated", "$0.95": "affirmed"}),
        # an edit strikes out what follows it
        ("Legal has struck out the HIPAA clause from the draft.", {"HIPAA": "negated"}),
        ("Please strike out the Spanish line.", {"Spanish": "negated"}),
        # negative controls: a range, or a figure merely raised, is no replacement
        ("Rates range from $0.80 to $0.95 per minute.", {"$0.80": "affirmed"}),
        ("We raised the matter of GDPR in the kickoff.", {"GDPR": "affirmed"}),
    ],
)
def test_a_changed_term_and_a_struck_clause_are_denied(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a status word that fills a table cell answers for its row
        ("2.4 | Outbound SMS reminders | Answer: Roadmap | Comment: beta in spring.", {"SMS": "planned"}),
        ("WhatsApp | In progress | target Q4", {"WhatsApp": "planned"}),
        ("Weekend Spanish cover | Conditional", {"Spanish": "conditional"}),
        # negative controls: a status word in a later comment speaks of nothing before it;
        # a cell that says more than the trigger is read as prose
        ("Web chat | Response: Supported | Notes: planned for all queues.", {"Web chat": "affirmed"}),
        ("Email | Response: Supported | Notes: a roadmap review happens each year.", {"Email": "affirmed"}),
    ],
)
def test_a_status_word_filling_a_cell_answers_for_its_row(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We can offer a conditional 4% volume rebate.", {"4%": "conditional"}),
        ("Dutch is offered conditionally.", {"Dutch": "conditional"}),
        # negative control: 'unconditional' is no condition
        ("We offer an unconditional 5% discount.", {"5%": "affirmed"}),
    ],
)
def test_the_word_conditional_conditions(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a predicate of validity restricted by 'only' conditions its subject and its restriction
        ("The EUR 24.10 hourly rate is valid only for terms of 36 months.",
         {"EUR 24.10 hourly": "conditional", "36 months": "conditional"}),
        ("Sunday cover is possible only with a minimum of 12 FTE.", {"12 FTE": "conditional"}),
        ("The 5% rebate applies only above 40 seats.", {"5%": "conditional"}),
        # negative controls: without 'only' the figure is firm; boilerplate keeps the term
        ("The EUR 24.10 hourly rate is valid for the whole term.", {"EUR 24.10 hourly": "affirmed"}),
        ("Unless otherwise agreed in writing, the fee shall be GBP 18.40 per hour.",
         {"GBP 18.40 per hour": "affirmed"}),
        ("Unless otherwise stated, all sites hold ISO 27001.", {"ISO 27001": "affirmed"}),
        # a real 'unless' still conditions
        ("Weekend cover is GBP 2,000 a month unless volumes fall below 5,000 calls.",
         {"GBP 2,000 a month": "conditional"}),
    ],
)
def test_validity_restricted_by_only_conditions_and_boilerplate_does_not(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cap on a change: the figure is the limit, however long the object before 'by'
        ("The vendor shall not be entitled to raise its fees by more than 4% in any year.", {"4%": "affirmed"}),
        ("Headcount will not be cut by more than 10%.", {"10%": "affirmed"}),
        # negative control: 'by' before no comparison is no cap
        ("We will not, by any means, offer Spanish.", {"Spanish": "negated"}),
    ],
)
def test_a_negated_change_by_more_than_a_figure_caps_it(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a polite refusal: what would be hard for the speaker is declined
        ("Night cover from Lima might be difficult for us.", {"Lima": "negated"}),
        ("Welsh would be problematic for our budget.", {"Welsh": "negated"}),
        (
            "Spanish could be hard for us to staff, but Italian is fine.",
            {"Spanish": "negated", "Italian": "affirmed"},
        ),
        # negative controls: denied difficulty, and a difficulty that is not a modal refusal
        ("Adding Portuguese would not be problematic.", {"Portuguese": "affirmed"}),
        ("Our French callers are difficult to please.", {"French": "affirmed"}),
    ],
)
def test_a_modal_difficulty_declines(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another client's story told in brackets is an aside: the sentence around it keeps its own
        ("Mandarin chat is offered from Kuching (we already run it there for a retail client).",
         {"Kuching": "affirmed", "Mandarin": "affirmed"}),
        ("Average handle time is 6 minutes (for a travel client it was 9 minutes).",
         {"6 minutes": "affirmed", "9 minutes": "other_client"}),
        # told in the sentence itself, it covers the sentence
        ("For a retail client we run Mandarin chat from Kuching.", {"Kuching": "other_client"}),
    ],
)
def test_a_client_story_in_brackets_is_an_aside(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a starting point is no denial
        (
            "Hiring takes you from zero to a full Dutch team in five weeks.",
            {"Dutch": "affirmed", "five weeks": "affirmed"},
        ),
        ("Zero Spanish speakers are on the Leeds floor.", {"Spanish": "negated"}),
    ],
)
def test_a_count_from_zero_is_a_starting_point(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of a fall before a figure measures a change
        ("Abandonment fell to 4% after the new IVR went live.", {"4%": "affirmed"}),
        ("Repeat contacts dropped by 12% in the first quarter.", {"12%": "affirmed"}),
        # before a thing it still denies
        ("We dropped Dutch chat last spring.", {"Dutch": "negated", "chat": "negated"}),
    ],
)
def test_a_fall_before_a_figure_measures_a_change(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an exception to a denial keeps what it names
        (
            "We do not run a night shift anywhere, except for a small team in Lyon.",
            {"Lyon": "affirmed"},
        ),
        ("No agent works from home, save for a trial in Porto.", {"Porto": "affirmed"}),
        # an exception to a whole, or with no denial before it, denies
        ("We serve every language except for Thai.", {"Thai": "negated"}),
        ("We don't offer fax, and cover all languages except Thai.", {"Thai": "negated"}),
    ],
)
def test_an_exception_to_a_denial_is_kept(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The revised quote removes the GBP 5,000 onboarding fee.", {"GBP 5,000": "negated"}),
        ("We have deleted the weekend SMS line from our offer.", {"SMS": "negated"}),
        ("Following your feedback, Danish was scrapped.", {"Danish": "negated"}),
    ],
)
def test_a_thing_removed_is_denied(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 6-week ramp in my last note should have read 8 weeks.", {"6-week": "negated"}),
    ],
)
def test_a_figure_that_should_have_read_another_is_denied(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a result measured over some of the vendor's clients is theirs
        (
            "First contact resolution for our insurance clients reached 81% this year.",
            {"First contact resolution": "other_client", "81%": "other_client"},
        ),
        ("Our average across existing accounts is 4.5% attrition.", {"4.5%": "other_client"}),
        ("On a comparable account we kept AHT at 300 seconds.", {"300 seconds": "other_client"}),
        ("Our customers saw a 9% rise in CSAT.", {"9%": "other_client"}),
        # over all of them, it is the vendor's own; and a term or a name stays the offer
        ("CSAT across all our clients is 87%.", {"87%": "affirmed"}),
        ("We offer Hindi to our travel clients.", {"Hindi": "affirmed"}),
        # in another cell, the pool says nothing of the figure
        ("CSAT above 85% | Response: met | Note: 90% across our retail clients", {"85%": "affirmed"}),
    ],
)
def test_a_result_over_some_of_our_clients_is_another_clients(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial stays in its row's cells
        (
            "R-7 | Night cover is not in scope | Yes / No | Note: Zendesk seats are ours.",
            {"Zendesk": "affirmed"},
        ),
        ("Channels | Email is not offered | Chat", {"Email": "negated"}),
    ],
)
def test_a_denial_does_not_reach_two_cells_on(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mark answers the label of its own cell
        ("Opening: Mon–Fri 07:00–19:00 | Sat 10:00–14:00 | Sun ✗", {"Sat 10:00–14:00": "affirmed"}),
        # with no label of its own, it answers the row
        ("Video | ✗", {"Video": "negated"}),
    ],
)
def test_a_mark_answers_its_own_cells_label(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare 'not' closing a clause, the verb left out, denies the mention before it
        (
            "Hindi and Tamil are staffed in Pune, Bengali however not.",
            {"Hindi": "affirmed", "Bengali": "negated"},
        ),
        ("Italian yes, Greek sadly not.", {"Greek": "negated"}),
        # a 'not' that goes on to deny something else leaves it
        ("Greek however not always at weekends.", {"Greek": "affirmed"}),
    ],
)
def test_a_bare_not_closing_a_clause_denies_the_mention_before_it(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a response cell that promises compliance to come speaks of its row
        ("4.2 ISO 22301 | Answer: will be compliant | Note: audit booked", {"ISO 22301": "planned"}),
        # before its object it is an undertaking
        ("We will comply with HIPAA throughout the term.", {"HIPAA": "affirmed"}),
    ],
)
def test_a_response_of_compliance_to_come_is_a_plan(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label's answer that is a plan, with its time after it
        ("Italian: Roadmap Q4 2027", {"Italian": "planned"}),
        ("Freshdesk connector – in progress, H2 2027", {"Freshdesk": "planned"}),
        # a plan that goes on to name something else is not the label's
        ("Italian: roadmap includes Greek next year", {"Italian": "affirmed"}),
    ],
)
def test_a_plan_answering_a_label_with_its_time_speaks_of_the_label(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure traced to another client's work
        (
            "The 92% CSAT in the deck relates to a travel client in Peru, not to this bid.",
            {"92%": "other_client", "Peru": "other_client"},
        ),
        ("Those Zendesk screens come from a former client of the bidder.", {"Zendesk": "other_client"}),
        ("Bidder C's references included an airline where AHT fell to 5 minutes.", {"AHT": "other_client"}),
        # a client's own account of what the vendor did
        ("A retailer testified that abandonment halved to 4%.", {"4%": "other_client"}),
        ("One airline told us their NPS rose by 15 points.", {"NPS": "other_client"}),
        # a result on one client's desk
        ("On our newest bank's line, FCR is 79%.", {"FCR": "other_client", "79%": "other_client"}),
        # a count of clients sizes the vendor's own book
        ("We answer 900,000 calls a year for 25 clients.", {"900,000 calls a year": "affirmed"}),
    ],
)
def test_another_clients_figures(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what only seems so, or was not checked, is not firm
        ("Supplier B appears to operate a PCI DSS compliant payment line.", {"PCI DSS": "hedged"}),
        ("The vendor's claimed HITRUST status is on file.", {"HITRUST": "hedged"}),
        ("Their ISO 22301 certificate could not be verified by our auditors.", {"ISO 22301": "hedged"}),
        ("Slovak and Czech – under evaluation", {"Slovak": "hedged", "Czech": "hedged"}),
        ("A rate card change we estimate would save 7% a year.", {"7%": "hedged"}),
        # a bare 'seems' judges the figure; it doubts nothing
        ("Their churn of 38% seems high for an onshore centre.", {"38%": "affirmed"}),
    ],
)
def test_what_only_seems_so_or_was_not_checked_is_hedged(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a spaced dash, a clause of its own no longer speaks of the mention
        (
            "Greek would come via our partner in Athens – my first note didn't make that plain.",
            {"Athens": "third_party"},
        ),
        # a label's answer after the dash still does
        ("Welsh – not offered at present", {"Welsh": "negated"}),
        # a label that is a list: the dash after its last item opens the answer
        ("Greek and Turkish — our reply: out of scope for this bid", {"Greek": "negated"}),
        ("ISO 9001 — surveillance audit booked, certificate expected in May", {"ISO 9001": "planned"}),
    ],
)
def test_a_clause_after_a_dash_is_an_aside_unless_it_answers_a_label(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a third party as the agent of a passive verb
        ("Korean will be met by a subcontractor in Busan.", {"Korean": "third_party"}),
        ("The Genesys tenant is operated by a reseller.", {"Genesys": "third_party"}),
    ],
)
def test_a_passive_with_a_third_party_agent_is_theirs(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the vendor calling itself a partner names no third party
        ("We're the leading CX partner in Leeds and Bradford.", {"Leeds": "affirmed"}),
        ("Our partner in Leeds takes the overflow.", {"Leeds": "third_party"}),
    ],
)
def test_the_vendor_calling_itself_a_partner_is_no_third_party(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a response cell speaks of its row, not of the comment after it
        (
            "7.1 Languages | Answer: partially compliant | Note: Greek is staffed in Athens.",
            {"Athens": "affirmed"},
        ),
    ],
)
def test_a_response_cell_does_not_reach_the_comment_after_it(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a certification still to be attained is planned
        ("The provider will attain HITRUST certification before the second renewal.", {"HITRUST": "planned"}),
        # a service level after the same verb is a commitment
        ("The provider shall attain 85% first contact resolution each quarter.", {"85%": "affirmed"}),
    ],
)
def test_a_certification_still_to_be_attained_is_planned(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mention with its own mark is answered; a later trigger speaks of what follows it
        (
            "Languages: Greek ✓ Turkish ✓ Hebrew – coming soon",
            {"Greek": "affirmed", "Turkish": "affirmed", "Hebrew": "planned"},
        ),
        ("Channels: SMS ✓ Fax ✗", {"SMS": "affirmed"}),
    ],
)
def test_a_mention_with_its_own_mark_is_answered(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside set off by commas right after the subject does not count toward the reach
        (
            "Home working, for the data-security reasons the bank set out in its letter of May, is not permitted.",
            {"Home working": "negated"},
        ),
        # a list's item is no aside
        ("Italian, Greek (GR), Maltese — Maltese via partner", {"Italian": "affirmed"}),
    ],
)
def test_a_long_aside_after_the_subject_does_not_break_its_denial(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negative pronoun's group, named by a place, is where it is said; the predicate is denied
        ("Nobody at our Leeds site speaks Welsh.", {"Leeds": "affirmed", "Welsh": "negated"}),
        ("No one in the Manila team is PCI DSS certified.", {"Manila": "affirmed", "PCI DSS": "negated"}),
        ("No part of the contract covers German.", {"German": "negated"}),
    ],
)
def test_a_negative_pronoun_denies_its_predicate_not_its_group(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what something is left out of stands; the thing left out is denied
        ("Overnight chat is excluded from the day rate of $30 per hour.", {"chat": "negated", "$30 per hour": "affirmed"}),
        ("Spanish is not included in the Lisbon contract, and SMS is out.", {"Spanish": "negated", "Lisbon": "affirmed"}),
        # a double negation is still one
        ("There is no site of ours that is not included in our ISO 27001 scope.", {"ISO 27001": "affirmed"}),
    ],
)
def test_a_denial_of_inclusion_keeps_the_whole(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition set off by commas after 'and' conditions what follows, not what came before
        (
            "Email is answered at $4.10 per contact and, if the client asks, at $5.20 per contact on Sundays.",
            {"$4.10 per contact": "affirmed", "$5.20 per contact": "conditional"},
        ),
    ],
)
def test_a_condition_after_a_conjunction_looks_ahead(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a row's answer cell answers the question in the row's first cell
        ("Welsh-language support available? | Response: No | Note: English only.", {"Welsh": "negated", "English": "affirmed"}),
        ("Is chat offered? | Yes | Comment: no SMS.", {"chat": "affirmed", "SMS": "negated"}),
    ],
)
def test_an_answer_cell_answers_the_question_of_its_row(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a reported question takes the polarity of the answer reported after it
        ("Priya asked the vendor whether Welsh could be staffed; they said no.", {"Welsh": "negated"}),
        ("She asked whether chat was offered, and they said no.", {"chat": "negated"}),
        # 'if' after a verb of asking is no condition
        ("We asked if SMS was included. The vendor confirmed yes, at no cost.", {"SMS": "affirmed"}),
    ],
)
def test_a_reported_question_takes_its_reported_answer(text, expected):
    _check(text, expected)
