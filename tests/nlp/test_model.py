from newsgraph.nlp import load_model


def test_pinned_model_loads_offline_from_its_package():
    nlp = load_model()
    assert nlp.meta["version"] == "3.8.0"
    doc = nlp("Pakistani jets struck hideouts in Khost on Monday, officials said.")
    assert ("Khost", "GPE") in [(e.text, e.label_) for e in doc.ents]
    assert any(t.dep_ == "nsubj" and t.text == "jets" for t in doc)
