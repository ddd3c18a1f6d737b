"""The five real seed scrapes, built and exported through the CLI: body kept, furniture gone, metadata right.

Sentences and boilerplate lines below were chosen by reading each file.
"""
import pytest

KEPT = {
    "000": [
        "Is Pakistan Supporting Exiled Afghan Opposition to Challenge the Taliban?",
        "Islamabad, Oct 21 (NationPress) Pakistan is set to engage in yet another proxy conflict",
        "Pakistan may allow Afghan opposition to open an office on its soil.",
        "Pakistan's military aims to influence Afghanistan’s political future.",
        "In recent months, Pakistani officials and Afghan opposition members have reportedly convened",
        "Pakistan has been conducting airstrikes in eastern Afghanistan, claiming to target TTP hideouts.",
        "A balanced approach is essential to ensure peace and stability for both nations.",
    ],
    "001": [
        "Writer: Piotr Pietrzak",
        "The article argues that although Pakistan has historically played an interventionist role",
        "the Taliban-led Islamic Emirate of Afghanistan rejects responsibility",
        "However, the author contends that today’s realities are fundamentally different from the 1990s.",
        "which would better serve both Afghan and Pakistani security interests.",
    ],
    "002": [
        "Farzad Ramezani Bonesh",
        "The re-domination of the Taliban in Afghanistan in the summer of 2021",
        "warned the Taliban in their recent trip to Kabul that if there is no pressure on TTP",
        "The future of relationships",
        "The recent visit of Khawaja Muhammad Asif, Defense Minister and the head of Pakistan's Military Intelligence",
        "However, the relationship between Pakistan and the Taliban is on the edge of tension.",
    ],
    "003": [
        "After a year of Taliban rule, how does Pakistan view relations with its northern neighbor?",
        "The Taliban’s takeover of the Afghan government was a major turning point for neighboring Pakistan.",
        "Parliamentary concerns and public dissatisfaction",
        "Earlier, the armed men kidnapped four police officers in Swat",
        "But a year later, most Pakistanis who support Taliban rule have had much less enthusiasm for it.",
        "said in an exclusive interview with Al Jazeera that we are all disappointed in each other.",
        "while the security sector has historically played an important role in Afghan affairs.”",
    ],
    "004": [
        "It is important to acknowledge that the people of Afghanistan are the primary casualties of the conflict.",
        "recently made the outlandish claim that the Taliban are “not a military outfit” but rather “normal civilians.”",
        "seizing many provincial capitals from the embattled Afghan government in Kabul.",
    ],
}

REMOVED = {
    "000": ["Click to start listening", "Frequently Asked Questions", "What is Pakistan's current involvement",
            "22/10/2025", "Nation Press"],
    "001": ["top of page", "2 min read", "Rated 0 out of 5 stars", "Add a rating", "White LinkedIn Icon",
            "Excellence is a journey", "bottom of page", "Comments"],
    "002": ["Al Mayadeen English\n", "Arts&Culture", "BREAKING", "Yemeni Armed Forces Spokesperson",
            "Ben Gurion Airport", "1 Shares", "6 Min Read", "Related News",
            "US mingling with the Taliban aims at chopping", "Wakhan Corridor—a centuries-old Silk Route",
            "The views expressed in this article", "Freelance writer, senior researcher", "Most Read",
            "How MI6 helped HTS seize Syria", "More from this writer", "Privacy Policy", "All Rights Reserved"],
    "003": ["Home World", "| Al Jazeera", "by admin", "(Al Jazeera)", "See also",
            "Apple, that's why you need to update your iPhone", "Hakim Allah Mehsud, founder of the Pakistani Taliban",
            "(French media)", "You may also like", "Leave a Comment", "Akismet", "This website uses cookies",
            "Privacy & Cookies Policy"],
    "004": [],
}

METADATA = {
    # seed: (title, published, publisher, authors)
    "000": ("Is Pakistan Supporting Exiled Afghan Opposition to Challenge the Taliban?", "2025-10-21",
            "NationPress", []),
    "001": ('Article Recommendation: "Can Pakistan Play a Role in Regime Change in Afghanistan?" for RUSI, '
            "by Masom Jan Masomy", "2026-01-12", None, ["Piotr Pietrzak"]),
    "002": ("Pakistan's Approach to Afghanistan, challenges, and Prospects", "2023-04-20", "Al Mayadeen English",
            ["Farzad Ramezani Bonesh"]),
    "003": ("After a year of Taliban rule, how does Pakistan view relations with its northern neighbor?", "2022-08",
            "Al Jazeera", []),
    # No headline, byline or date on the page at all: nothing is invented.
    "004": (None, None, None, []),
}


@pytest.mark.parametrize("seed", sorted(KEPT))
def test_body_sentences_are_kept(seeds_export, seed):
    text = seeds_export[seed]["text"]
    for sentence in KEPT[seed]:
        assert sentence in text, f"{seed}: lost body text {sentence!r}"


@pytest.mark.parametrize("seed", sorted(REMOVED))
def test_boilerplate_is_removed(seeds_export, seed):
    text = seeds_export[seed]["text"] + "\n"
    for junk in REMOVED[seed]:
        assert junk not in text, f"{seed}: boilerplate {junk!r} is still in the text"


@pytest.mark.parametrize("seed", sorted(METADATA))
def test_metadata(seeds_export, seed):
    doc = seeds_export[seed]
    title, published, publisher, authors = METADATA[seed]
    assert (doc["title"], doc["published"], doc["publisher"], doc["authors"]) == (title, published, publisher, authors)
    assert doc["status"] == "ok" and doc["language"] == "en"


def test_headline_opens_the_text_once(seeds_export):
    for seed in ("000", "002", "003"):
        doc = seeds_export[seed]
        assert doc["text"].startswith(doc["title"])
        assert doc["text"].count(doc["title"]) == 1


def test_pull_quote_kept_once_in_body_position(seeds_export):
    text = seeds_export["002"]["text"]
    quote = "Despite some progress exerted by Islamabad in pressuring the leaders of the Taliban"
    assert text.count(quote) == 1
    # The body copy sits after 'Terrorist groups…', not where the bulleted pull-quote stood.
    assert text.index(quote) > text.index("Terrorist groups have maintained their camps")


def test_glued_sentences_are_separated_and_characters_kept(seeds_export):
    text = seeds_export["004"]["text"]
    assert "(including in Quetta in Balochistan Province). The Taliban can freely move" in text
    assert "the group. īut it is no secret" in text  # a space restored, the odd letter itself left as written
    assert "“normal civilians.”" in text  # curly quotes are the text's own characters


def test_each_document_is_export_v1(seeds_export):
    required = {"doc_id", "source", "record_id", "status", "reason", "duplicate_of", "title", "publisher",
                "authors", "published", "language", "text"}
    for doc in seeds_export.values():
        assert required <= doc.keys()
        assert len(doc["doc_id"]) == 16
