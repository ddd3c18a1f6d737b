"""Evaluate extraction against hand-written gold files: precision, recall and F1.

Gold files are TSV with '#' comment lines; the first column is the document key: the file name, or
`file.jsonl#record_id` for a record, so a gold file does not depend on where the corpus lives.

Actor gold: `document<TAB>actor_id<TAB>role`, one line per actor a careful reader finds in the document;
`role` is country + sector at the document's date (AFGGOV, PAKREB, PAKANL, IGO, PAK for the state).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsgraph.actors.gazetteer import SECTOR_NAMES, load_gazetteer
from newsgraph.events.plover import TYPES


@dataclass
class Score:
    name: str
    gold: int
    predicted: int
    correct: float

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(name: str, gold: set, predicted: set) -> Score:
    return Score(name, len(gold), len(predicted), len(gold & predicted))


def document_key(source: str, record_id) -> str:
    name = Path(str(source)).name
    return f"{name}#{record_id}" if record_id is not None and record_id == record_id else name


def read_gold(path: str | Path, columns: list[str]) -> pd.DataFrame:
    """Rows of a TSV gold file; missing trailing columns are empty strings."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = [p.strip() for p in line.split("\t")]
            rows.append(dict(zip(columns, parts + [""] * (len(columns) - len(parts)))))
    return pd.DataFrame(rows, columns=columns)


def keyed(frame: pd.DataFrame, documents: pd.DataFrame, covered: set[str]) -> pd.DataFrame:
    """`frame` (rows with a doc_id) with a `document` key column, restricted to the gold's documents."""
    keys = {row.doc_id: document_key(row.source, row.record_id) for row in documents.itertuples()}
    frame = frame.assign(document=frame.doc_id.map(keys))
    return frame[frame.document.isin(covered)]


def missing_documents(documents: pd.DataFrame, gold: pd.DataFrame) -> list[str]:
    have = {document_key(row.source, row.record_id) for row in documents.itertuples() if row.status == "ok"}
    return sorted(set(gold.document) - have)


# --- actors -------------------------------------------------------------------------------------------------

ACTOR_GOLD = ["document", "actor_id", "role"]


def scored_mentions(documents: pd.DataFrame, mentions: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Predicted mentions in the gold's documents. Bare sectors ('officials' with no country anywhere in
    reach) are left out: they are not actors a reader could list, and the event stage resolves them."""
    found = keyed(mentions, documents, set(gold.document))
    found = found[~found.actor_id.isin(SECTOR_NAMES)]
    return found.assign(role=found.country.fillna("") + found.sector.fillna(""))


def evaluate_actors(documents: pd.DataFrame, mentions: pd.DataFrame, gold: pd.DataFrame) -> list[Score]:
    """Scores over (document, actor), (document, actor, role) and (document, role) sets."""
    found = scored_mentions(documents, mentions, gold)
    return [score(name, set(zip(*(gold[c] for c in cols))), set(zip(*(found[c] for c in cols))))
            for name, cols in (("actor", ["document", "actor_id"]),
                               ("actor+role", ["document", "actor_id", "role"]),
                               ("role", ["document", "role"]))]


def actor_differences(documents, mentions, gold) -> tuple[list, list]:
    """(document, actor) pairs the gold has and the prediction lacks, and the reverse."""
    found = scored_mentions(documents, mentions, gold)
    have = set(zip(found.document, found.actor_id))
    want = set(zip(gold.document, gold.actor_id))
    return sorted(want - have), sorted(have - want)


# --- events -------------------------------------------------------------------------------------------------

EVENT_GOLD = ["document", "evidence", "source", "source_country", "target", "target_country", "type", "mode",
              "status", "date"]
EVENT_LEVELS = ("quad", "type", "type+actors")


def code_country(code) -> str:
    """The country part of a CAMEO-style code ('PAKMIL' -> PAK, 'IGOUNHCR' -> IGO); '' when it has none."""
    head = _text(code)[:3]
    return head if head in load_gazetteer().countries or head == "IGO" else ""


def _text(value) -> str:
    """A cell as text: '' for None and NaN."""
    return "" if value is None or value != value else str(value)


def _squash(text: str) -> str:
    return " ".join(str(text).split())


def _fits(level: str, gold, found) -> bool:
    if level == "quad":
        return gold.type in TYPES and TYPES[gold.type][0] == found.quad
    if gold.type != found.type:
        return False
    if level == "type":
        return True
    return (_text(gold.source_country) == code_country(found.source_code)
            and _text(gold.target_country) == code_country(found.target_code))


def match_events(documents: pd.DataFrame, events: pd.DataFrame, gold: pd.DataFrame, level: str) -> list[tuple]:
    """Gold and predicted events paired one to one within the same sentence, at one level: the largest
    such pairing, so that one gold event taking a found event another needed never costs a match."""
    found = keyed(events, documents, set(gold.document))
    found = found.assign(sentence=found.evidence.map(_squash))
    by_document = {doc: list(group.itertuples()) for doc, group in found.groupby("document")}
    options = {}
    for g in gold.itertuples():
        snippet = _squash(g.evidence)
        options[g.Index] = [f for f in by_document.get(g.document, [])
                            if snippet in f.sentence and _fits(level, g, f)]
    owner = largest_matching(options)
    rows = {g.Index: g for g in gold.itertuples()}
    return sorted(((rows[gi], f) for f, gi in owner.values()), key=lambda pair: pair[0].Index)


def largest_matching(options: dict) -> dict:
    """Maximum bipartite matching by augmenting paths: gold index -> candidate found rows in,
    found event_id -> (found row, gold index) out."""
    owner: dict = {}

    def place(gi, seen: set) -> bool:
        for f in options[gi]:
            if f.event_id in seen:
                continue
            seen.add(f.event_id)
            if f.event_id not in owner or place(owner[f.event_id][1], seen):
                owner[f.event_id] = (f, gi)
                return True
        return False

    for gi in options:
        place(gi, set())
    return owner


def evaluate_events(documents: pd.DataFrame, events: pd.DataFrame, gold: pd.DataFrame):
    """Scores at three levels, plus status and date accuracy over the events matched by type."""
    predicted = len(keyed(events, documents, set(gold.document)))
    scores = [Score(level, len(gold), predicted, len(match_events(documents, events, gold, level)))
              for level in EVENT_LEVELS]
    typed = match_events(documents, events, gold, "type")
    status = sum(g.status == f.status for g, f in typed)
    exact = sum(_text(g.date) == _text(f.date) for g, f in typed)
    close = sum(_dates_compatible(g.date, f.date) for g, f in typed)
    accuracy = {"status": (status, len(typed)), "date (exact)": (exact, len(typed)),
                "date (compatible)": (close, len(typed))}
    return scores, accuracy


def _dates_compatible(gold: str, found) -> bool:
    """Equal, or one a coarser form of the other ('2025-10' and '2025-10-19')."""
    gold, found = _text(gold), _text(found)
    if not gold or not found:
        return gold == found
    return gold.startswith(found) or found.startswith(gold)


def event_differences(documents, events, gold) -> tuple[list, list]:
    """Gold events with no typed match, and predicted events matching no gold event."""
    pairs = match_events(documents, events, gold, "type")
    matched_found = {f.event_id for _, f in pairs}
    found = keyed(events, documents, set(gold.document))
    matched_gold = {g.Index for g, _ in pairs}
    missing = [(g.document, g.type, g.source, g.target, g.evidence) for g in gold.itertuples()
               if g.Index not in matched_gold]
    extra = [(f.document, f.type, f.source, f.target, f.trigger, f.evidence[:90]) for f in found.itertuples()
             if f.event_id not in matched_found]
    return missing, extra


# --- claims -------------------------------------------------------------------------------------------------

CLAIM_GOLD = ["document", "speaker", "speaker_actor", "cue", "direct", "content"]
CONTENT_EDGE = " \t\n,.;:“”\"«»„‘’'"
SPEAKER_MATCH = 0.5  # share of the gold content a found claim must cover to judge its speaker


def _words(text) -> Counter:
    return Counter(re.findall(r"\w+", _text(text).lower()))


def _plain_content(text) -> str:
    return _squash(_text(text)).strip(CONTENT_EDGE)


def match_claims(documents: pd.DataFrame, claims: pd.DataFrame, gold: pd.DataFrame) -> list[tuple]:
    """(gold row, found row, shared words) pairs, one to one within a document, largest overlaps first."""
    found = keyed(claims, documents, set(gold.document))
    pairs = []
    for document, gold_rows in gold.groupby("document", sort=False):
        g_rows = list(gold_rows.itertuples())
        f_rows = list(found[found.document == document].itertuples())
        pairs += [(g_rows[gi], f_rows[fi], shared)
                  for gi, fi, shared in pair_by_words([g.content for g in g_rows], [f.content for f in f_rows])]
    return pairs


def pair_by_words(gold: list[str], found: list[str]) -> list[tuple[int, int, int]]:
    """(gold index, found index, shared words) of one document's contents, one to one, largest overlaps
    first (ties in reading order)."""
    found_words = [_words(f) for f in found]
    options = []
    for gi, g in enumerate(gold):
        g_words = _words(g)
        for fi, f_words in enumerate(found_words):
            shared = sum((g_words & f_words).values())
            if shared:
                options.append((shared, gi, fi))
    used_gold, used_found, pairs = set(), set(), []
    for shared, gi, fi in sorted(options, key=lambda o: -o[0]):
        if gi not in used_gold and fi not in used_found:
            used_gold.add(gi)
            used_found.add(fi)
            pairs.append((gi, fi, shared))
    return pairs


def speaker_right(gold_actor, found_actor) -> bool:
    """Any of the gold's joint speakers ('PAK.LEG|PER:khawaja-asif'); an unnamed frame has none."""
    options = [a for a in _text(gold_actor).split("|") if a]
    return _text(found_actor) in options if options else not _text(found_actor)


def evaluate_claims(documents: pd.DataFrame, claims: pd.DataFrame, gold: pd.DataFrame):
    """Content-overlap P/R/F1 (the share of words each claim shares with its match), exact-span P/R/F1,
    and speaker accuracy over the gold claims a found claim covers at least half of."""
    found = keyed(claims, documents, set(gold.document))
    pairs = match_claims(documents, claims, gold)
    found_words = sum(sum(_words(f.content).values()) > 0 for f in found.itertuples())
    precision_credit = sum(shared / max(1, sum(_words(f.content).values())) for _, f, shared in pairs)
    recall_credit = sum(shared / max(1, sum(_words(g.content).values())) for g, _, shared in pairs)
    overlap = OverlapScore("content overlap", len(gold), found_words, precision_credit, recall_credit)
    exact = sum(_plain_content(g.content) == _plain_content(f.content) for g, f, _ in pairs)
    judged = [(g, f) for g, f, shared in pairs if shared / max(1, sum(_words(g.content).values())) >= SPEAKER_MATCH]
    speakers = sum(speaker_right(g.speaker_actor, f.speaker_actor) for g, f in judged)
    return [overlap, Score("exact span", len(gold), len(found), exact)], {"speaker": (speakers, len(judged))}


@dataclass
class OverlapScore(Score):
    """Partial credit: precision and recall sum each claim's share of overlapping words."""

    recall_credit: float = 0.0

    @property
    def recall(self) -> float:
        return self.recall_credit / self.gold if self.gold else 0.0


def claim_differences(documents, claims, gold) -> tuple[list, list]:
    pairs = match_claims(documents, claims, gold)
    matched_gold = {g.Index for g, _, _ in pairs}
    matched_found = {f.claim_id for _, f, _ in pairs}
    found = keyed(claims, documents, set(gold.document))
    missing = [(g.document, g.speaker_actor, g.cue, _text(g.content)[:90]) for g in gold.itertuples()
               if g.Index not in matched_gold]
    extra = [(f.document, f.speaker_actor, f.cue, f.content[:90]) for f in found.itertuples()
             if f.claim_id not in matched_found]
    wrong = [(g.document, f"gold {g.speaker_actor}", f"found {f.speaker_actor}", _text(g.content)[:70])
             for g, f, shared in pairs if not speaker_right(g.speaker_actor, f.speaker_actor)]
    return missing, extra, wrong
