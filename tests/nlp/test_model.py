import pytest

from newsgraph.nlp import load_model


def test_pinned_model_loads_offline_from_its_package():
    nlp = load_model()
    assert nlp.meta["version"] == "3.8.0"
    doc = nlp("Pakistani jets struck hideouts in Khost on Monday, officials said.")
    assert ("Khost", "GPE") in [(e.text, e.label_) for e in doc.ents]
    assert any(t.dep_ == "nsubj" and t.text == "jets" for t in doc)


DATELINED = [
    ("KHARTOUM, Nov 12 (Reuters) - Sudan's army said it had recaptured the town.", "KHARTOUM, Nov 12 (Reuters) -"),
    ("Kenyan police arrive\n\nPORT-AU-PRINCE, June 25 (AFP) — The first Kenyan officers arrived on Tuesday.",
     "PORT-AU-PRINCE, June 25 (AFP) —"),
    ("KYIV (AP) - Russian drones struck a power plant overnight.", "KYIV (AP) -"),
    ("LIMA, March 3 - Peru's congress removed the president.", "LIMA, March 3 -"),
    ("GAZA CITY, Palestinian Territories: Four children were killed in shelling.", "GAZA CITY, Palestinian Territories:"),
]


@pytest.mark.parametrize("text, dateline", DATELINED)
def test_a_dateline_is_not_part_of_the_first_sentence(text, dateline):
    """'KHARTOUM, Nov 12 (Reuters) - ' heads the story; parsed with its first sentence, the agency became a
    party to the first act told."""
    sents = [s.text.strip() for s in load_model()(text).sents]
    assert dateline in sents
    assert sents[-1][0].isupper() and dateline not in sents[-1]


def test_a_capitalised_opening_without_a_dateline_is_left_alone():
    sents = list(load_model()("NATO (the alliance) said on Monday it would send more jets.").sents)
    assert len(sents) == 1


@pytest.mark.parametrize("text, form, lemma", [
    ("Azerbaijan retook the town of Shusha from Armenian forces.", "retook", "retake"),
    ("Soldiers mistook the villagers for rebels near Goma.", "mistook", "mistake"),
])
def test_an_irregular_past_the_tagger_misreads_gets_its_lemma(text, form, lemma):
    assert next(t for t in load_model()(text) if t.text == form).lemma_ == lemma
