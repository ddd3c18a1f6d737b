"""What coding a trigger may read: the trigger found, and its document and sentence context.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.events.arguments import ActorIndex
from newsgraph.events.lexicon import Trigger


@dataclass
class Found:
    trigger: Trigger
    token: Token
    text: str
    probability: float | None = None  # the event model's probability of the trigger's type, when it was asked


@dataclass
class Context:
    """What coding one trigger may read besides its sentence: the document's actors, the sentence's time
    expressions and places, and the events the document has told so far (in order)."""

    doc_id: str
    index: ActorIndex
    whens: list
    places: list
    published: str | None
    gaz: object
    told: list
    narrative: object = None  # (iso, precision) of the last date the paragraph gave, for sentences with none
