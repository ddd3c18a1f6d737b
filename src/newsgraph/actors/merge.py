"""Corpus-level entity resolution: one actor per real-world entity, with every alias seen."""
from __future__ import annotations

import json
from collections import Counter

import pandas as pd

from newsgraph.actors.gazetteer import load_gazetteer


def actor_rows(mentions: pd.DataFrame) -> list[list]:
    """Rows for the actors table (actor_id, name, kind, country, sector, group, code, aliases, mentions, roles,
    layer: base, curated or text, the layer the actor came from)."""
    gaz = load_gazetteer()
    rows = []
    for actor_id, group in mentions.groupby("actor_id", sort=True):
        surfaces = Counter(group["surface"])
        aliases = [s for s, _ in surfaces.most_common()]
        if actor_id in gaz.actors or not actor_id.startswith(("PER:", "ORG:")):
            entry = gaz.actor(actor_id)
            role = entry.role_at(None)
            roles = [r.__dict__ for r in entry.roles]
            rows.append([actor_id, entry.name, entry.kind, role.country if role else None,
                         role.sector if role else None, role.group if role else None, role.code if role else "",
                         aliases, len(group), json.dumps(roles), entry.layer])
            continue
        latest = group.iloc[-1]
        name = max(group["name"], key=len)
        country = group["country"].dropna().mode()
        sector = group["sector"].dropna().mode()
        country = country.iloc[0] if len(country) else None
        sector = sector.iloc[0] if len(sector) else None
        rows.append([actor_id, name, latest["kind"], country, sector, None, f"{country or ''}{sector or ''}",
                     aliases, len(group), json.dumps([{"country": country, "sector": sector}]), "text"])
    return rows
