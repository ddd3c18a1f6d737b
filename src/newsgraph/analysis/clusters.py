"""Corroboration: event mentions from different articles that tell of the same real-world event.

Two mentions are one event when they have the same PLOVER type, the same source and target countries,
dates that agree (one inside the other, or within a month) and places that do not disagree. Each cluster
knows its independent sources (publishers; an article without one counts as its own source), so
aggregates can count events, not the times they were retold.
"""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd

from newsgraph.events.plover import STATUS_WEIGHTS

DATE_SLACK_DAYS = 31


def party(code, actor) -> str:
    """The country an event side belongs to ('PAKMIL' -> PAK); the actor id when it has none."""
    code, actor = _text(code), _text(actor)
    if len(code) >= 3 and code[:3].isalpha() and code[:3].isupper():
        return code[:3]
    return actor.split(".")[0] if actor else ""


def _text(value) -> str:
    return "" if value is None or value != value else str(value)


def first_day(date: str) -> dt.date | None:
    parts = (date.split("-") + ["1", "1"])[:3] if date else []
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2])) if parts and len(parts[0]) == 4 else None
    except ValueError:
        return None


def dates_agree(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = first_day(a), first_day(b)
    return bool(da and db and abs((da - db).days) <= DATE_SLACK_DAYS and len(a) >= 7 and len(b) >= 7)


def place_country(location) -> str:
    if isinstance(location, str) and location:
        return _text(json.loads(location).get("country"))
    return ""


class Heads:
    """The first mention of every cluster so far, filed by type and parties and then by month (or by year
    for a date known only to the year), so a new mention is compared only with the clusters whose dates can
    agree with its own: same or neighbouring month, or one date inside the other. Linear in the corpus
    where comparing with every earlier cluster of the same parties was quadratic."""

    def __init__(self):
        self.filed: dict[tuple, dict[str, list]] = {}
        self.count = 0

    def add(self, key: tuple, date: str, row) -> None:
        self.filed.setdefault(key, {}).setdefault(date[:7], []).append((self.count, row))
        self.count += 1

    def near(self, key: tuple, date: str) -> list:
        """Earlier heads that may agree with `date`, in the order they were filed."""
        buckets = self.filed.get(key)
        if not buckets or len(date) < 4:
            return []
        names = {date[:4]} | ({b for b in buckets if b.startswith(date[:4])} if len(date) == 4
                              else set(neighbour_months(date)))
        found = [pair for name in names for pair in buckets.get(name, ())]
        return [row for _, row in sorted(found, key=lambda pair: pair[0])]


def neighbour_months(date: str) -> list[str]:
    """'2024-01-15' -> '2023-11' … '2024-03': every month DATE_SLACK_DAYS can reach (31 days from the last
    of January is the second of March)."""
    index = int(date[:4]) * 12 + int(date[5:7]) - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - 2, index + 3)]


def cluster_events(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """`events` with `cluster` (an event id naming the cluster), `sources` (independent sources in the
    cluster) and `documents_in_cluster` columns. Restatements within an article join their first mention."""
    publisher = {row.doc_id: _text(row.publisher) or row.doc_id for row in documents.itertuples()}
    frame = events.copy()
    frame["src_party"] = [party(c, a) for c, a in zip(frame.source_code, frame.source)]
    frame["tgt_party"] = [party(c, a) for c, a in zip(frame.target_code, frame.target)]
    frame["place"] = frame.location.map(place_country)
    cluster: dict[str, str] = {}
    heads = Heads()
    for row in frame.sort_values(["date", "doc_id", "start"], na_position="last").itertuples():
        if _text(row.repeat_of) and row.repeat_of in cluster:
            cluster[row.event_id] = cluster[row.repeat_of]
            continue
        key, date = (row.type, row.src_party, row.tgt_party), _text(row.date)
        match = next((head for head in heads.near(key, date) if head.doc_id != row.doc_id
                      and dates_agree(_text(head.date), date)
                      and (not head.place or not row.place or head.place == row.place)), None)
        if match is None or not (row.src_party or row.tgt_party):
            heads.add(key, date, row)
            cluster[row.event_id] = row.event_id
        else:
            cluster[row.event_id] = cluster[match.event_id]
    frame["cluster"] = frame.event_id.map(cluster)
    frame["publisher"] = frame.doc_id.map(publisher)
    groups = frame.groupby("cluster")
    frame["sources"] = frame.cluster.map(groups.publisher.nunique())
    frame["documents_in_cluster"] = frame.cluster.map(groups.doc_id.nunique())
    return frame.drop(columns=["publisher"])


def clusters(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per clustered event: its first mention, with how many independent sources tell it."""
    first = frame.sort_values(["date", "start"], na_position="last").groupby("cluster", sort=False).head(1)
    first = first.assign(weight=first.status.map(STATUS_WEIGHTS).fillna(0.0))
    return first.sort_values(["date"], na_position="last").reset_index(drop=True)

