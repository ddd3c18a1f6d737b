"""Every example sentence in data/interests.toml, run through the stage: each must yield an interest of its
stated country, stance and status; each `not` sentence must yield none."""
import pytest

from newsgraph.interests.cues import load_cues

EXAMPLES = [pytest.param(cue.name, example, id=f"{cue.name}: {example['text'][:50]}")
            for cue in load_cues().cues for example in cue.examples]
NOT = [pytest.param(cue.name, text, id=f"{cue.name}: {text[:50]}") for cue in load_cues().cues for text in cue.not_examples]


def test_every_cue_has_examples_from_several_places_and_a_sentence_that_must_not_fire():
    for cue in load_cues().cues:
        countries = {e.get("country") for e in cue.examples if e.get("country")}
        assert len(cue.examples) >= 2 and cue.not_examples, cue.name
        assert len(countries) >= 2 or len(cue.examples) >= 2, cue.name


@pytest.mark.parametrize("name,example", EXAMPLES)
def test_example_yields_its_interest(interests_of, name, example):
    found = interests_of(example["text"])
    wanted = [i for i in found if i.stance == example["stance"] and i.status == example["status"]
              and (not example.get("country") or i.actor_country == example["country"])]
    assert wanted, f"{name}: expected {example} in {[(i.actor, i.actor_country, i.stance, i.status) for i in found]}"
    for interest in wanted:
        assert interest.wants and interest.wants in example["text"].replace("\n", " ") or interest.wants


@pytest.mark.parametrize("name,text", NOT)
def test_sentence_yields_no_interest(interests_of, name, text):
    found = interests_of(text)
    assert not found, f"{name}: {text!r} gave {[(i.actor, i.cue, i.wants) for i in found]}"
