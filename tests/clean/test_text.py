"""The plain-text boilerplate classifier on constructed pages, one kind of furniture at a time."""
from newsgraph.clean.encoding import repair
from newsgraph.clean.metadata import page_metadata
from newsgraph.clean.text import classify

BODY_1 = ("Pakistan and Afghanistan agreed on Thursday to reopen the Chaman crossing for pedestrians after "
          "a week of closures that had stranded thousands of traders on both sides.")
BODY_2 = ("Officials in Quetta said the decision followed two days of talks between border commanders, and that "
          "cargo traffic would resume once customs staff returned to their posts.")
BODY_3 = "Traders welcomed the move."


def page(*blocks):
    return classify(repair("\n\n".join(blocks)))


def kept_text(p):
    return p.text()


def test_menu_ticker_headline_byline_body():
    p = page("Frontier Daily\nHome\nWorld\nPolitics\nSport\nOpinion",
             "BREAKING\nFloods in southern Brazil displace thousands of residents overnight\n"
             "Central bank leaves interest rates unchanged for a third month running\n"
             "Champions league draw pits holders against last year's finalists",
             "Chaman crossing reopens for pedestrians", "By Hina Baloch", "12 May 2024", BODY_1, BODY_2, BODY_3)
    text = kept_text(p)
    assert text.split("\n\n") == ["Chaman crossing reopens for pedestrians", "By Hina Baloch", "12 May 2024",
                                  BODY_1, BODY_2, BODY_3]
    meta = page_metadata(p)
    assert (meta.title, meta.authors, meta.published) == ("Chaman crossing reopens for pedestrians",
                                                          ["Hina Baloch"], "2024-05-12")


def test_related_list_inside_body_and_see_also_and_caption():
    p = page("Chaman crossing reopens for pedestrians", "By Hina Baloch", BODY_1,
             "Traders queue at the Chaman gate (Frontier Daily)",
             "See also  Ten tips for a healthier breakfast",
             "Related", "Why the Chaman crossing matters to Quetta's economy", "Five charts on Afghan transit trade",
             BODY_2)
    text = kept_text(p)
    assert BODY_1 in text and BODY_2 in text
    for junk in ("(Frontier Daily)", "See also", "healthier breakfast", "Related", "Five charts"):
        assert junk not in text


def test_short_subheading_and_short_paragraphs_kept_tail_dropped():
    p = page("Chaman crossing reopens for pedestrians", BODY_1, "What comes next", BODY_2, BODY_3,
             "Share this article\nFacebook\nX\nWhatsApp", "Most Read",
             "Cricket board names new captain for the winter tour of England and Australia next year",
             "© 2024 Frontier Daily. All rights reserved.")
    text = kept_text(p)
    assert "What comes next" in text and text.endswith(BODY_3)
    assert "Cricket board" not in text and "Facebook" not in text
    assert page_metadata(p).publisher == "Frontier Daily"


def test_generic_byline_is_not_an_author_and_dateline_agency_is_publisher():
    p = page("Chaman crossing reopens for pedestrians", "by admin",
             "QUETTA, May 12 (Frontier Daily) - " + BODY_1, BODY_2, "Posted 13/05/2024")
    meta = page_metadata(p)
    assert meta.authors == [] and meta.publisher == "Frontier Daily"
    assert meta.published == "2024-05-12"  # the year comes from the footer date
    assert "by admin" not in kept_text(p)


def test_page_without_any_prose_keeps_only_sentences():
    p = page("Home\nNews\nContact", "Subscribe to our newsletter")
    assert kept_text(p) == ""


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = ("Pakistan and Afghanistan agreed on Thursday to reopen the Chaman crossing\n"
               "for pedestrians after a week of closures that had stranded thousands of\n"
               "traders on both sides.")
    p = page("Chaman crossing reopens for pedestrians", wrapped, BODY_2)
    assert BODY_1 in kept_text(p)


# A bare article (no headline, no page around it) opens with its lede, whose words the later paragraphs need
# not repeat: it stays, whatever its overlap with the rest.
BARE_ARTICLES = [
    ["Nearly 5,000 workers marched on Saturday in the capital Kiev to protest the lack of jobs and to demand "
     "increased government investment.",
     "The demonstrators said they were angered by austerity measures, and several unions joined the crowd "
     "outside parliament.",
     "Union leaders said the demonstrators would return next week if parliament ignored them."],
    ["The tiny nation of Montenegro has agreed to remove legal restrictions on local people becoming "
     "naturalized citizens.",
     "In signing a decree last Thursday to end the requirement of a national language test, the prime minister "
     "said the deal was not perfect.",
     "The prime minister also said the decree would be reviewed by parliament within a year."],
]


def test_bare_article_keeps_its_lede():
    for blocks in BARE_ARTICLES:
        assert kept_text(page(*blocks)).split("\n\n")[0] == blocks[0]
