"""Score found interests against gold/interests.tsv.

A found interest matches a gold one in the same document when their evidence spans overlap by at least half of
the shorter span and the actor's country is right (gold role's first three letters: PAK, LBN, IGO). Pairs are
one to one, largest overlap first. Actor accuracy, stance and status accuracy are read over the pairs matched
by evidence alone. Found interests of a bare sector ('officials' with no country) are left out, as in the
actor evaluation: they are not actors a reader could list, and the gold lists none.
"""
from __future__ import annotations

import pandas as pd

from newsgraph.actors.gazetteer import SECTOR_NAMES
from newsgraph.analysis.evaluate import Score, _text, keyed

INTEREST_GOLD = ["document", "actor", "role", "wants", "object", "stance", "status", "attributed_to", "evidence"]
OVERLAP = 0.5


def gold_spans(gold: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The gold rows with the offsets of their evidence in the cleaned text (-1 when it is not there)."""
    from newsgraph.analysis.evaluate import document_key

    texts = {document_key(r.source, r.record_id): r.text for r in documents.itertuples() if r.status == "ok"}
    starts = [texts.get(g.document, "").find(g.evidence) if g.evidence else -1 for g in gold.itertuples()]
    return gold.assign(start=starts, end=[s + len(g.evidence) if s >= 0 else -1
                                         for s, g in zip(starts, gold.itertuples())])


def found_interests(interests: pd.DataFrame, documents: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    found = keyed(interests, documents, set(gold.document))
    return found[~found.actor.isin(SECTOR_NAMES)]


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    shared = min(a_end, b_end) - max(a_start, b_start)
    shorter = min(a_end - a_start, b_end - b_start)
    return shared / shorter if shorter > 0 and shared > 0 else 0.0


def country_of(row) -> str:
    """The found actor's country; an international body's is 'IGO', as in the gold's roles."""
    country = _text(row.actor_country)
    return country or ("IGO" if _text(row.actor).startswith("IGO") else "")


def match(gold: pd.DataFrame, found: pd.DataFrame, with_country: bool) -> list[tuple]:
    """(gold row, found row) pairs, one to one within a document, largest evidence overlap first."""
    options = []
    for g in gold.itertuples():
        for f in found[found.document == g.document].itertuples():
            share = overlap(g.start, g.end, f.start, f.end) if g.start >= 0 else 0.0
            if share >= OVERLAP and (not with_country or country_of(f) == _text(g.role)[:3]):
                options.append((share, g.Index, f.interest_id, g, f))
    used_gold, used_found, pairs = set(), set(), []
    # on equal overlap the found aim of the gold's actor first ('X and Y urged ...' gives two aims on one span),
    # then a fixed order, so the score does not depend on the order rows come back in
    for _, gi, fi, g, f in sorted(options, key=lambda o: (-o[0], not actor_right(o[3].actor, o[4].actor), o[2])):
        if gi not in used_gold and fi not in used_found:
            used_gold.add(gi)
            used_found.add(fi)
            pairs.append((g, f))
    return pairs


def actor_right(gold_actor, found_actor) -> bool:
    return _text(found_actor) in [a for a in _text(gold_actor).split("|") if a]


def evaluate_interests(documents: pd.DataFrame, interests: pd.DataFrame, gold: pd.DataFrame):
    """Scores (evidence + actor country; evidence alone) and accuracies over the evidence-matched pairs."""
    gold = gold_spans(gold, documents)
    found = found_interests(interests, documents, gold)
    scores = [Score("evidence+country", len(gold), len(found), len(match(gold, found, True))),
              Score("evidence", len(gold), len(found), len(match(gold, found, False)))]
    pairs = match(gold, found, False)
    accuracy = {name: (sum(test(g, f) for g, f in pairs), len(pairs)) for name, test in (
        ("actor", lambda g, f: actor_right(g.actor, f.actor)),
        ("actor country", lambda g, f: country_of(f) == _text(g.role)[:3]),
        ("stance", lambda g, f: g.stance == f.stance),
        ("status", lambda g, f: g.status == f.status))}
    return scores, accuracy


def interest_differences(documents, interests, gold) -> tuple[list, list, list]:
    """Gold interests not found, found ones matching no gold, and matched ones with the wrong actor."""
    gold = gold_spans(gold, documents)
    found = found_interests(interests, documents, gold)
    pairs = match(gold, found, False)
    matched_gold = {g.Index for g, _ in pairs}
    matched_found = {f.interest_id for _, f in pairs}
    missing = [(g.document, g.actor, g.stance, g.evidence[:80]) for g in gold.itertuples() if g.Index not in matched_gold]
    extra = [(f.document, f.actor, f.stance, f.evidence[:80]) for f in found.itertuples()
             if f.interest_id not in matched_found]
    wrong = [(g.document, f"gold {g.actor}", f"found {f.actor}", g.evidence[:60]) for g, f in pairs
             if not actor_right(g.actor, f.actor)]
    bad = [(g.document, g.evidence) for g in gold.itertuples() if g.start < 0]
    return missing + [("NOT IN TEXT", *b) for b in bad], extra, wrong
