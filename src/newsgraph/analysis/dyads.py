"""Dyad trajectories: how a pair of actors moves between cooperation and conflict over time.

Counted over clustered events (a retold event counts once), per month, quarter or year: events per quad
class and the status-weighted mean intensity (plover.md: asserted 1.0 ... negated 0), from -10 (war) to
+10 (the closest cooperation). An actor is chosen by id ('AFG.TALIBAN'), by prefix ('PAK' = Pakistan and
all its institutions) or by its code's country.
"""
from __future__ import annotations

import pandas as pd

from newsgraph.analysis.clusters import _text

QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
BARS = "▁▂▃▄▅▆▇█"


def side_matches(actor, code, wanted: str) -> bool:
    actor, code = _text(actor), _text(code)
    return actor == wanted or actor.startswith(wanted + ".") or (len(wanted) == 3 and code[:3] == wanted)


def dyad_events(clustered: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Clustered events between a and b, either way round."""
    def between(x, y):
        return [side_matches(s, sc, x) and side_matches(t, tc, y) for s, sc, t, tc in
                zip(clustered.source, clustered.source_code, clustered.target, clustered.target_code)]
    mask = pd.Series(between(a, b), index=clustered.index) | pd.Series(between(b, a), index=clustered.index)
    return clustered[mask & clustered.date.notna()]


def period_of(date: str, by: str) -> str:
    if by == "year":
        return date[:4]
    if by == "month":
        return date[:7] if len(date) >= 7 else date[:4]
    if len(date) >= 7:
        return f"{date[:4]}-Q{(int(date[5:7]) - 1) // 3 + 1}"
    return date[:4]


def dyad_table(clustered: pd.DataFrame, a: str, b: str, by: str = "year") -> pd.DataFrame:
    """Per period: events per quad class, their number, and the status-weighted mean intensity."""
    rows = dyad_events(clustered, a, b)
    if rows.empty:
        return pd.DataFrame(columns=["period", *QUADS, "events", "intensity"])
    rows = rows.assign(period=rows.date.map(lambda d: period_of(d, by)),
                       weighted=rows.intensity * rows.weight)
    table = rows.pivot_table(index="period", columns="quad", values="event_id", aggfunc="count", fill_value=0)
    table = table.reindex(columns=QUADS, fill_value=0)
    table["events"] = table[QUADS].sum(axis=1)
    grouped = rows.groupby("period")
    table["intensity"] = (grouped.weighted.sum() / grouped.weight.sum().where(lambda w: w > 0)).round(2)
    return table.reset_index().rename_axis(None, axis=1)


def sparkline(values) -> str:
    """One bar per value on the -10..+10 scale: low bars are conflict, high bars cooperation."""
    out = []
    for v in values:
        if v is None or v != v:
            out.append(" ")
        else:
            out.append(BARS[min(len(BARS) - 1, max(0, int((v + 10) / 20 * len(BARS))))])
    return "".join(out)
