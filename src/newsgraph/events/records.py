"""The event record (export-v1 events.jsonl plus newsgraph's additions)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass
class Event:
    event_id: str
    doc_id: str
    evidence: str  # the sentence, exactly as in the document text
    start: int
    end: int
    source: str | None
    target: str | None
    type: str
    mode: str | None
    context: list[str]
    quad: str
    intensity: float
    status: str
    date: str | None
    location: Location | None
    confidence: float
    # newsgraph's additions to the contract
    source_code: str | None = None  # the actor's CAMEO code at the event's date
    target_code: str | None = None
    trigger: str = ""
    trigger_start: int = 0
    trigger_end: int = 0
    date_precision: str | None = None
    repeat_of: str | None = None  # an earlier event of the same document that this one restates
    claim_id: str | None = None
    notes: list[str] = field(default_factory=list)  # which arguments were inferred, and how
