"""Places: an offline gazetteer (cities, subdivisions, curated frontier places) and place mentions in text."""
from __future__ import annotations

from newsgraph.geo.places import Place, PlaceMention, find_places, load_places

__all__ = ["Place", "PlaceMention", "find_places", "load_places"]
