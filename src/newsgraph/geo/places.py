"""Find places in a parsed document with the package's place gazetteer.

spaCy mislabels places in this kind of news (Quetta as PERSON, Torkham as ORG), so the gazetteer decides
what is a place; context decides whether a common word that is also a town ('March', 'Police') is one.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from newsgraph.actors.gazetteer import load_gazetteer

LOCATIVE = {"in", "inside", "within", "near", "at", "into", "around", "outside", "across", "along", "from",
            "to", "towards", "toward", "on", "of", "through", "over", "between", "and", "via"}
# Kinds that are places wherever they appear; a country name or a city is often an actor or a word.
SURE_KINDS = {"crossing", "pass", "border", "region", "district", "valley", "town", "province", "state"}
MAX_WORDS = 4


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    token_start: int
    token_end: int
    place: Place


def _rows(name: str):
    text = (resources.files("newsgraph") / "data" / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield (line.split("\t") + [""] * 5)[:5]


def _number(value: str) -> float | None:
    return float(value) if value.strip() else None


@lru_cache(maxsize=1)
def load_places() -> dict[str, Place]:
    places = {}
    for name, country, lat, lon, kind in _rows("places.tsv"):
        places[name] = Place(name, country or None, _number(lat), _number(lon), kind)
    # A country's own name beats a town or province that shares it ('Lebanon' the country, not the town in
    # Tennessee; 'Niger' the country, not Nigeria's Niger State): news means the country.
    gaz = load_gazetteer()
    for name, iso3 in gaz.country_names.items():
        if places.get(name) is None or places[name].country != iso3:
            places[name] = Place(gaz.countries[iso3], iso3, None, None, "country")
    for name, country, lat, lon, kind in _rows("places_curated.tsv"):
        places[name] = Place(name, country or None, _number(lat), _number(lon), kind)
    return places


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """The words place names begin with: most tokens begin none, and need no lookup."""
    return frozenset(name.split()[0] for name in load_places() if name.split())


def find_places(sdoc: Doc) -> list[PlaceMention]:
    """Longest gazetteer match at each capitalised word, kept when the context says it is a place."""
    places, firsts = load_places(), first_words()
    found, i = [], 0
    while i < len(sdoc):
        token = sdoc[i]
        match = None
        if token.text in firsts:
            for n in range(min(MAX_WORDS, len(sdoc) - i), 0, -1):
                span = sdoc[i: i + n]
                place = places.get(span.text)
                if place and is_place_here(span, place) and not name_goes_on(span, place):
                    match = (span, place)
                    break
        if match:
            span, place = match
            found.append(PlaceMention(span.start_char, span.end_char, span.start, span.end, place))
            i = span.end
        else:
            i += 1
    return found


def name_goes_on(span: Span, place: Place) -> bool:
    """A match that is only part of a longer proper name the gazetteer lacks names no place of its own:
    'North Kivu' is not in Cameroon's North region; 'Kabul University' is not the town of University, Florida
    (a city is kept as the first part: 'Gaza City')."""
    last, first = span[-1], span[0]
    goes_on = last.dep_ == "compound" and last.head.i >= span.end and last.head.pos_ == "PROPN"
    began_earlier = any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < span.start for c in first.children)
    return (began_earlier and place.kind == "city") or (goes_on and place.kind not in ("country", "city"))


WATERS = {"Sea", "Ocean", "Gulf", "Bay", "Strait", "Straits", "Lake", "River", "Canal"}


def is_water(span: Span, place: Place) -> bool:
    """'in the Red Sea', 'across the Black Sea': a sea, gulf or river named with 'the' is the water, not the
    province or state named after it ('Red Sea state')."""
    return (place.kind != "country" and span[-1].text in WATERS and span.start > 0
            and span.doc[span.start - 1].lower_ == "the")


def is_place_here(span: Span, place: Place) -> bool:
    """Curated frontier places and provinces are always places; a city name that is also an English word
    or a surname needs spaCy's place label or a locative preposition."""
    if is_water(span, place):
        return False
    if place.kind in SURE_KINDS or place.kind.endswith("province") or place.kind == "crossing":
        return True
    if place.kind != "country" and any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in span):
        return True
    root = span.root
    while root.dep_ in ("compound", "conj", "appos") and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE and all(t.pos_ == "PROPN" for t in span)
