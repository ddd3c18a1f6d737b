from functools import cache

import pytest


@cache
def _analyse(text: str, date: str | None = None):
    from newsgraph.actors import find_mentions
    from newsgraph.claims import find_claims
    from newsgraph.interests import find_interests
    from newsgraph.nlp import load_model

    sdoc = load_model()(text)
    mentions = find_mentions("t", sdoc, date)
    return find_interests("t", sdoc, mentions, find_claims("t", sdoc, mentions), date)


@pytest.fixture(scope="session")
def interests_of():
    """The interests the stage finds in a text: parse, actors and claims as the pipeline runs them."""
    return _analyse
