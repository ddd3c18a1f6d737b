"""Events: who did what to whom, when and where, coded in PLOVER with status, date, place and evidence."""
from __future__ import annotations

from newsgraph.events.coder import find_events
from newsgraph.events.lexicon import load_lexicon
from newsgraph.events.records import Event, Location

__all__ = ["Event", "Location", "find_events", "load_lexicon"]
