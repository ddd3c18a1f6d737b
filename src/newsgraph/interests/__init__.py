"""Interests: what each actor wants, fears or refuses, and where those aims collide."""
from __future__ import annotations

from newsgraph.interests.extract import find_interests
from newsgraph.interests.records import Interest

__all__ = ["Interest", "find_interests"]
