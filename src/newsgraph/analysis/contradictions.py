"""Contradictions: where sources disagree, with both pieces of evidence side by side.

Two kinds. An event told as fact in one article and denied in another (same type, same parties, agreeing
dates). And opposite claims: one side alleges something and the other denies it or says the opposite —
the denier is the party the allegation is aimed at, or both claims say nearly the same words with opposite
polarity. Claims are compared within a year of each other; older statements are history, not a dispute.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from newsgraph.actors import COMMENTATOR_SECTORS
from newsgraph.analysis.clusters import _text, dates_agree, first_day, party

DENIAL_CUES = {"deny", "denied", "denies", "denying", "reject", "rejected", "rejects", "rejecting", "dismiss",
               "dismissed", "dismisses", "refute", "refuted", "refutes", "rebut", "rebutted", "dispute",
               "disputed", "disputes", "contradict", "contradicted", "rubbish", "rubbished"}
NEGATIONS = {"not", "n't", "never", "no", "neither", "nor", "none", "nothing"}
STOPWORDS = {"the", "a", "an", "of", "to", "in", "on", "and", "or", "that", "this", "it", "its", "is", "was",
             "were", "be", "been", "are", "had", "has", "have", "for", "with", "by", "from", "at", "as", "which",
             "who", "would", "will", "could", "there", "their", "they", "he", "she", "his", "her", "any", "all",
             "at", "did", "do", "does"}
WORD = re.compile(r"[a-z]+(?:'t)?")
MAX_DAYS_APART = 366
MIN_SHARED_WORDS = 3
SHARED_SHARE = 0.5  # of the shorter claim's content words
COMMON_WORD_MIN, COMMON_WORD_SHARE = 200, 0.02  # a word in more statements than this is not looked up
ALLEGATION_CUES = {"accuse", "accused", "accuses", "accusing", "blame", "blamed", "blames", "blaming", "allege",
                   "alleged", "alleges", "alleging", "charge", "charged", "charges", "charging"}


@dataclass(frozen=True)
class Side:
    """One side of a contradiction: who, what, and where it was said."""
    doc_id: str
    speaker: str
    text: str
    start: int
    end: int
    kind: str  # event | claim


@dataclass(frozen=True)
class Contradiction:
    topic: str
    told: Side
    denied: Side


def event_contradictions(frame: pd.DataFrame) -> list[Contradiction]:
    """Mentions from different articles that disagree about one event: the same type between the same
    parties at agreeing dates, told as fact in one and denied in the other (`frame` from cluster_events).
    Facts are looked up by type and parties, never compared all against all."""
    facts: dict[tuple, list] = {}
    for f in frame[frame.status.isin(["asserted", "reported"])].itertuples():
        if f.src_party:
            facts.setdefault((f.type, f.src_party, f.tgt_party), []).append(f)
    found = []
    for d in frame[frame.status == "negated"].itertuples():
        for f in facts.get((d.type, d.src_party, d.tgt_party), ()):
            if f.doc_id != d.doc_id and dates_agree(_text(f.date), _text(d.date)):
                found.append(Contradiction(f"{f.type} {_text(f.source)} → {_text(f.target)}",
                                           _event_side(f), _event_side(d)))
                break
    return found


def _event_side(e) -> Side:
    return Side(e.doc_id, _text(e.source), _text(e.evidence), int(e.start), int(e.end), "event")


@dataclass(frozen=True)
class Statement:
    claim: object
    party: str
    negative: bool
    aimed_at: frozenset[str]  # parties the claim is about, including the one its cue names ('accuses Kabul of')
    words: frozenset[str]
    day: object


def claim_contradictions(claims: pd.DataFrame, documents: pd.DataFrame, actors: pd.DataFrame,
                         mentions: pd.DataFrame) -> list[Contradiction]:
    """Opposite claims from different speaker sides: a denial (or a negated statement) answering an
    allegation aimed at the denier, or the same proposition said with opposite polarity."""
    if claims.empty:
        return []
    statements = [s for s in _statements(claims, documents, actors, mentions) if s.party]
    positives = [s for s in statements if not s.negative]
    index = PositiveIndex(positives)
    found = []
    for neg in (s for s in statements if s.negative):
        for pos in index.candidates(neg):
            if _opposed(pos, neg):
                found.append(Contradiction(f"{pos.party} vs {neg.party}", _claim_side(pos.claim),
                                           _claim_side(neg.claim)))
    return found


class PositiveIndex:
    """Positive statements by the words they use and by the parties their allegations are aimed at, so a
    negative statement meets only those that could oppose it: the ones sharing a word with it or accusing
    its party. Words said in very many statements ('government', 'said') are not looked up; two claims
    sharing only such words are not the same proposition."""

    def __init__(self, positives: list[Statement]):
        self.positives = positives
        self.by_word: dict[str, list[int]] = {}
        self.by_target: dict[str, list[int]] = {}
        for i, pos in enumerate(positives):
            for word in pos.words:
                self.by_word.setdefault(word, []).append(i)
            if _cue_in(pos.claim, ALLEGATION_CUES):
                for target in pos.aimed_at:
                    self.by_target.setdefault(target, []).append(i)
        self.common = max(COMMON_WORD_MIN, int(COMMON_WORD_SHARE * len(positives)))

    def candidates(self, neg: Statement) -> list[Statement]:
        hits = set(self.by_target.get(neg.party, ()))
        for word in neg.words:
            postings = self.by_word.get(word, ())
            if len(postings) <= self.common:
                hits.update(postings)
        return [self.positives[i] for i in sorted(hits)]


def _opposed(pos: Statement, neg: Statement) -> bool:
    if pos.party == neg.party or not _close_in_time(pos.day, neg.day):
        return False
    shared = len(pos.words & neg.words)
    same_words = shared >= MIN_SHARED_WORDS and shared >= SHARED_SHARE * min(len(pos.words), len(neg.words))
    answers = (_cue_in(pos.claim, ALLEGATION_CUES) and neg.party in pos.aimed_at and _cue_in(neg.claim, DENIAL_CUES)
               and (not neg.aimed_at or bool(neg.aimed_at & pos.aimed_at) or bool(neg.words & pos.words)))
    return same_words or answers


def _close_in_time(a, b) -> bool:
    return a is None or b is None or abs((a - b).days) <= MAX_DAYS_APART


def _statements(claims, documents, actors, mentions):
    codes = dict(zip(actors.actor_id, actors.code)) if not actors.empty else {}
    sides = {r.actor_id: _text(r.country) for r in actors.itertuples()
             if _text(r.sector) not in COMMENTATOR_SECTORS} if not actors.empty else {}
    published = {r.doc_id: first_day(_text(r.published)) for r in documents.itertuples()}
    by_doc: dict[str, list] = {}
    if not mentions.empty:
        for doc_id, start, end, actor_id in zip(mentions.doc_id, mentions.start_char, mentions.end_char,
                                                mentions.actor_id):
            by_doc.setdefault(doc_id, []).append((start, end, actor_id))
    for c in claims.itertuples():
        speaker = _text(c.speaker_actor)
        named = _cue_actors(by_doc.get(c.doc_id), c)
        about = [a for a in (list(c.about) if c.about is not None else []) if a]
        aimed = frozenset(filter(None, (party(codes.get(a, ""), a) for a in about + named)))
        words = [w for w in WORD.findall(_text(c.content).lower())]
        yield Statement(c, sides.get(speaker, ""), _cue_in(c, DENIAL_CUES) or _negated(words),
                        aimed, frozenset(w for w in words if w not in STOPWORDS and w not in NEGATIONS
                                         and len(w) > 2), published.get(c.doc_id))


def _cue_actors(mentions: list | None, c) -> list[str]:
    """Actors named inside the claim's cue ('accuses Kabul of')."""
    if not mentions or c.cue_start is None or c.cue_start != c.cue_start:
        return []
    return [a for start, end, a in mentions if start >= c.cue_start and end <= c.cue_end and isinstance(a, str)]


def _negated(words: list[str]) -> bool:
    return any(w in NEGATIONS or w.endswith("n't") for w in words)


def _cue_in(c, cues: set[str]) -> bool:
    return bool(set(_text(c.cue).lower().split()) & cues)


def _claim_side(c) -> Side:
    return Side(c.doc_id, _text(c.speaker_actor) or _text(c.speaker), _text(c.content), int(c.start),
                int(c.end), "claim")
