"""Tests generated from the example sentences in data/claim_cues.jsonl: each example gives a claim with its
cue, its speaker and (most of) its content; each 'not' sentence gives no claim with a cue of that class."""
import re

import pytest

from newsgraph.actors import find_mentions
from newsgraph.claims import find_claims
from newsgraph.claims.cues import load_cues
from newsgraph.nlp import load_model

EXAMPLES = [(c.name, e) for c in load_cues().classes for e in c.examples]
NEGATIVES = [(c.name, c.lemmas, text) for c in load_cues().classes for text in c.negatives]


def claims(text: str):
    sdoc = load_model()(text)
    found = find_claims("t", sdoc, find_mentions("t", sdoc, None))
    for c in found:
        assert text[c.start:c.end] == c.content  # provenance: the content is the text at its offsets
    return found


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("name,example", EXAMPLES, ids=[e["text"][:40] for _, e in EXAMPLES])
def test_example_gives_its_claim(name, example):
    found = claims(example["text"])
    cue_word = words(example["cue"])[0] if words(example["cue"]) else example["cue"]
    matching = [c for c in found if cue_word in words(c.cue) or c.cue.strip() == example["cue"]]
    assert matching, f"{name}: no claim cued by {example['cue']!r} in {found}"
    claim = matching[0]
    expected = words(example["content"])
    share = sum(w in words(claim.content) for w in expected) / len(expected)
    assert share >= 0.8 and len(words(claim.content)) <= len(expected) + 3, (claim.content, example["content"])
    said_by = words(claim.speaker)  # as written at the cue: the head and its left modifiers
    assert said_by and set(said_by) <= set(words(example["speaker"])), (claim.speaker, example["speaker"])


@pytest.mark.parametrize("name,lemmas,text", NEGATIVES, ids=[t[:40] for _, _, t in NEGATIVES])
def test_negative_sentence_gives_no_claim_of_the_class(name, lemmas, text):
    sdoc = load_model()(text)
    cued = {t.idx for t in sdoc if t.lemma_.lower() in lemmas or t.text in lemmas}
    found = find_claims("t", sdoc, find_mentions("t", sdoc, None))
    assert not [c for c in found if c.cue_start in cued or c.cue in lemmas], found


def test_every_class_has_examples_from_its_data():
    for c in load_cues().classes:
        assert c.lemmas and (c.examples or c.name == "speaker noun"), c.name
