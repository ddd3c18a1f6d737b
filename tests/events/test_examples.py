"""Tests generated from src/newsgraph/data/event_examples.tsv: every rule's, word class's and lexicon entry's
example sentences, including the sentences on which it must not fire."""
import importlib
from fnmatch import fnmatch
from importlib import resources

import pytest

from newsgraph.actors import find_mentions
from newsgraph.events import find_events
from newsgraph.events.lexicon import data_rows
from newsgraph.events.words import word_classes
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
        wrong = [e for e in events if matches(e, pattern[1:]) and (not date or e.date == date)]
        assert not wrong, f"{entry}: must not fire"
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


def entries() -> dict[str, list[tuple[str, str]]]:
    """entry -> its (region, expectation) rows."""
    found: dict[str, list[tuple[str, str]]] = {}
    for param in examples():
        entry, region, _, expect = param.values
        found.setdefault(entry, []).append((region, expect))
    return found


@pytest.mark.parametrize("name", sorted(word_classes()))
def test_word_class_has_examples(name):
    """Each word class of event_words.toml names an entry of event_examples.tsv with sentences from two regions
    or more, at least one that must fire and one that must not."""
    rows = entries().get(word_classes()[name]["examples"], [])
    assert len({region for region, _ in rows}) >= 2, name
    assert any(e.startswith("!") for _, e in rows) and any(not e.startswith("!") for _, e in rows), name


@pytest.mark.parametrize("name", sorted(word_classes()))
def test_word_class_constant_holds_it(name):
    """The constant a class names is the class as loaded: the data file and the code agree."""
    table = word_classes()[name]
    module, constant = table["constant"].split(".")
    value = getattr(importlib.import_module(f"newsgraph.events.{module}"), constant)
    assert value == (table["pairs"] if "pairs" in table else frozenset(table["words"]))


def test_lexicon_examples_name_real_entries():
    """'lexicon: <lemma> <pos>' names a row of the curated lexicon."""
    curated = {f"lexicon: {lemma} {pos}" for lemma, pos, *_ in data_rows("triggers.tsv")}
    named = {entry for entry in entries() if entry.startswith("lexicon: ")}
    assert named and named <= curated, sorted(named - curated)


def test_every_lexicon_entry_has_examples():
    """Every (lemma, pos) of the curated lexicon, including the CAMEO verbs it switches off, has sentences of
    its own ('lexicon: <lemma> <pos>')."""
    curated = {f"lexicon: {lemma} {pos}" for lemma, pos, *_ in data_rows("triggers.tsv")}
    assert curated <= set(entries()), sorted(curated - set(entries()))
