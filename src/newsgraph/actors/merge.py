"""Corpus-level entity resolution: one actor per real-world entity, with every alias seen."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import NamedTuple

from newsgraph.actors.gazetteer import load_gazetteer


class ActorMentions(NamedTuple):
    """What the stored mentions of one actor add up to (the store computes it in SQL, one row per actor)."""

    actor_id: str
    aliases: list[str]  # surfaces, most frequent first, ties in order of first appearance
    mentions: int
    kind: str | None  # of the latest mention
    name: str | None  # the longest name, the first seen among equally long ones
    country: str | None  # the most frequent, the first in alphabetical order among equally frequent ones
    sector: str | None  # likewise


def actor_rows(actors: Iterable[ActorMentions]) -> list[list]:
    """Rows for the actors table (actor_id, name, kind, country, sector, group, code, aliases, mentions, roles,
    layer: base, curated or text, the layer the actor came from), in actor_id order."""
    gaz = load_gazetteer()
    rows = []
    for a in sorted(actors):
        if a.actor_id in gaz.actors or not a.actor_id.startswith(("PER:", "ORG:")):
            entry = gaz.actor(a.actor_id)
            role = entry.role_at(None)
            roles = [r.__dict__ for r in entry.roles]
            rows.append([a.actor_id, entry.name, entry.kind, role.country if role else None,
                         role.sector if role else None, role.group if role else None, role.code if role else "",
                         a.aliases, a.mentions, json.dumps(roles), entry.layer])
            continue
        rows.append([a.actor_id, a.name, a.kind, a.country, a.sector, None, f"{a.country or ''}{a.sector or ''}",
                     a.aliases, a.mentions, json.dumps([{"country": a.country, "sector": a.sector}]), "text"])
    return rows
