"""The interest record (export-v1.1 interests.jsonl plus newsgraph's additions)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Interest:
    """One aim of one actor as one clause of one document states it."""

    interest_id: str
    doc_id: str
    actor: str  # actor_id of who wants it
    wants: str  # the aim, in the text's own words, led by a verb or noun phrase
    object: str | None  # actor_id the aim is about or directed at
    stance: str  # seeks | opposes
    evidence: str  # the clause stating it, exactly as in the document text
    start: int
    end: int
    attributed_to: str | None  # who ascribes the aim when it is not the actor itself, as written
    status: str  # stated | attributed | speculated
    date: str | None
    sources: int = 1
    # newsgraph's additions to the contract
    actor_country: str | None = None
    object_country: str | None = None
    cue: str = ""  # the word that states the aim: 'wants', 'urged', 'red line'
    cue_start: int = 0
    cue_end: int = 0
    claim_id: str | None = None  # the claim whose content holds it
    confidence: float = 0.0
    notes: list[str] = field(default_factory=list)  # how the actor was resolved
