"""Actors: find, resolve and code the political actors of each document; merge them across the corpus."""
from __future__ import annotations

from newsgraph.actors.gazetteer import COMMENTATOR_SECTORS, ActorEntry, Gazetteer, Role, load_gazetteer
from newsgraph.actors.resolve import Mention, find_mentions, load_resources
from newsgraph.records import Document

__all__ = ["COMMENTATOR_SECTORS", "ActorEntry", "Gazetteer", "Mention", "Role", "actor_mentions", "find_mentions",
           "load_gazetteer"]


def actor_mentions(doc: Document) -> list[Mention]:
    """Parse a cleaned document and return its actor mentions, coded at its publication date."""
    res = load_resources()
    from newsgraph.nlp import load_model

    sdoc = load_model()(doc.text)
    return find_mentions(doc.doc_id, sdoc, doc.published, res)
