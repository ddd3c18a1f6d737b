"""Where aims collide: for each pair of sides, the aims of one aimed at the other or opposed by it."""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations, zip_longest

import pandas as pd

from newsgraph.actors import load_gazetteer
from newsgraph.interests.cues import load_cues
from newsgraph.interests.merge import content_words


@dataclass
class Collision:
    """Two sides and, for each, its aims that concern the other: directed at it, or contested by it."""

    a: str
    b: str
    a_aims: list[dict] = field(default_factory=list)
    b_aims: list[dict] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.a_aims) + len(self.b_aims)

    def rows(self) -> list[tuple[dict | None, dict | None]]:
        """Both parties' aims side by side: each contested pair on one row first, then the rest."""
        rows, used = [], set()
        for x in self.a_aims:
            y = next((y for y in self.b_aims if id(y) not in used and contested(x, [y])), None)
            if y is not None:
                rows.append((x, y))
                used |= {id(x), id(y)}
        rest_a = [x for x in self.a_aims if id(x) not in used]
        rest_b = [y for y in self.b_aims if id(y) not in used]
        return rows + list(zip_longest(rest_a, rest_b))


def side(actor_id) -> str | None:
    """A state's organs and office-holders are the state's side; any other actor is its own side."""
    if actor_id is None or actor_id != actor_id:
        return None
    role = load_gazetteer().actor(str(actor_id)).role_at(None)
    if role is not None and role.country and (role.sector is None or role.sector in load_cues().state_sectors):
        return role.country
    return str(actor_id)


def contested(aim: dict, others: list[dict]) -> bool:
    """Another side holds the opposite stance on the same thing ('seeks: hand over TTP leaders' against
    'opposes: to hand over TTP leaders'): two content words or more in common, one alone is chance."""
    mine = content_words(aim["wants"])
    for other in others:
        theirs = content_words(other["wants"])
        shared = mine & theirs
        if other["stance"] != aim["stance"] and len(shared) >= 2 and \
                len(shared) / min(len(mine), len(theirs)) >= load_cues().shared:
            return True
    return False


def collisions(interests: pd.DataFrame) -> list[Collision]:
    """Pairs of sides whose aims collide, most aims first: each side has at least one aim directed at the other
    or contested by it."""
    aims = [dict(row) for row in interests.to_dict("records")]
    by_side: dict[str, list[dict]] = {}
    for aim in aims:
        aim["side"], aim["object_side"] = side(aim["actor"]), side(aim.get("object"))
        by_side.setdefault(aim["side"], []).append(aim)
    found = []
    for a, b in combinations(sorted(s for s in by_side if s), 2):
        a_aims = [x for x in by_side[a] if x["object_side"] == b or contested(x, by_side[b])]
        b_aims = [x for x in by_side[b] if x["object_side"] == a or contested(x, by_side[a])]
        if a_aims and b_aims:
            found.append(Collision(a, b, a_aims, b_aims))
    return sorted(found, key=lambda c: -c.size)
