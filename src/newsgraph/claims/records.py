"""The claim record (export-v1 claims.jsonl plus newsgraph's additions)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Claim:
    claim_id: str
    doc_id: str
    speaker: str  # as written at the cue: 'Ana Ruiz', 'he', 'the former finance minister', 'reports'
    speaker_actor: str | None  # the actor the speaker resolves to; None for an unnamed report frame
    cue: str  # 'said', 'warned of', 'according to'
    content: str  # exactly as in the document text
    start: int
    end: int
    direct: bool
    about: list[str] = field(default_factory=list)
    # newsgraph's additions to the contract
    cue_start: int = 0
    cue_end: int = 0
    speaker_start: int | None = None
    speaker_end: int | None = None
    confidence: float = 0.0
    notes: list[str] = field(default_factory=list)  # how the speaker was resolved
