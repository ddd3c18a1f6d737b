"""Tests generated from src/newsgraph/data/event_examples.tsv: every rule's example sentences, including the
sentences on which it must not fire."""
from fnmatch import fnmatch
from importlib import resources

import pytest

from newsgraph.actors import find_mentions
from newsgraph.events import find_events
from newsgraph.nlp import load_model

PUBLISHED = "2025-05-20"


def examples():
    text = (resources.files("newsgraph") / "data" / "event_examples.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [pytest.param(*row, id=f"{row[0]}:{row[2][:40]}") for row in rows]


def matches(event, pattern: str) -> bool:
    fields = [event.type, event.source or "-", event.target or "-", event.status]
    return all(fnmatch(value, want) for value, want in zip(fields, pattern.split("|")))


@pytest.mark.parametrize("entry, region, sentence, expect", examples())
def test_example(entry, region, sentence, expect):
    sdoc = load_model()(sentence)
    events = find_events("t", sdoc, find_mentions("t", sdoc, PUBLISHED), PUBLISHED)
    pattern, _, date = expect.partition(" date=")
    if pattern.startswith("!"):
        assert not [e for e in events if matches(e, pattern[1:])], f"{entry}: must not fire"
        return
    found = [e for e in events if matches(e, pattern)]
    assert found, f"{entry}: {pattern} not in {[(e.type, e.source, e.target, e.status) for e in events]}"
    if date:
        assert any(e.date == date for e in found)


def test_every_entry_has_examples_from_two_regions():
    regions = {}
    for param in examples():
        entry, region = param.values[:2]
        regions.setdefault(entry, set()).add(region)
    assert all(len(r) >= 2 for r in regions.values()), [e for e, r in regions.items() if len(r) < 2]
