"""One aim, many sources: fold the per-clause interests of a corpus into one line per aim.

Done at query and export time from the stored rows (a pure function of the table), so a later build that
adds documents never leaves a stale merge behind. Two rows are one aim when they have the same actor, stance
and object and their `wants` share enough content words (data/interests.toml [merge]).
"""
from __future__ import annotations

import re

import pandas as pd

from newsgraph.interests.cues import load_cues

WORD = re.compile(r"\w+")


def content_words(text) -> frozenset[str]:
    """Lower-cased words less function words, a plural 's' dropped: 'to hand over TTP leaders' and 'hand
    over the TTP leader' give the same set."""
    cues = load_cues()
    words = set()
    for word in WORD.findall(str(text or "").lower()):
        if word in cues.function_words:
            continue
        words.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
    return frozenset(words)


def same_aim(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return a == b
    return len(a & b) / len(a | b) >= load_cues().merge_overlap


def _key(value) -> str:
    return "" if value is None or value != value else str(value)


def group_ids(frame: pd.DataFrame) -> list[int]:
    """For each row (in corpus order), the index of its aim: the first earlier row it matches, else its own."""
    firsts: dict[tuple, list[tuple[int, frozenset[str]]]] = {}
    groups = []
    for i, row in enumerate(frame.itertuples()):
        key = (row.actor, row.stance, _key(row.object))
        words = content_words(row.wants)
        match = next((g for g, w in firsts.get(key, []) if same_aim(words, w)), None)
        if match is None:
            firsts.setdefault(key, []).append((i, words))
            match = i
        groups.append(match)
    return groups


def merged(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per aim: the first statement's fields, `sources` = distinct documents stating it, and
    `evidence_spans` listing every statement (doc_id, start, end, evidence, status)."""
    if frame.empty:
        return frame.assign(evidence_spans=[], interest_ids=[])
    frame = frame.reset_index(drop=True)
    frame = frame.assign(group=group_ids(frame))
    rows = []
    for _, members in frame.groupby("group", sort=True):
        first = members.iloc[0].to_dict()
        first["sources"] = int(members.doc_id.nunique())
        first["evidence_spans"] = [{"doc_id": m.doc_id, "start": int(m.start), "end": int(m.end),
                                    "evidence": m.evidence, "status": m.status} for m in members.itertuples()]
        first["interest_ids"] = list(members.interest_id)
        rows.append(first)
    return pd.DataFrame(rows).drop(columns=["group"])
