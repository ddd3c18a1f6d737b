"""The interests stage on whole articles from two conflicts, merging across documents, and collisions."""
from pathlib import Path

import pandas as pd
import pytest

from newsgraph.interests.collide import collisions, side
from newsgraph.interests.merge import content_words, merged

TEXTS = Path(__file__).resolve().parents[2] / "gold" / "texts"


def article(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


def one(found, **fields):
    hits = [i for i in found if all(getattr(i, k) == v for k, v in fields.items())]
    assert hits, f"no interest with {fields} in {[(i.actor, i.stance, i.status, i.wants) for i in found]}"
    return hits[0]


@pytest.fixture(scope="module")
def lebanon(interests_of):
    return interests_of(article("israel_lebanon_truce_2025.txt"), "2025-03-04")


@pytest.fixture(scope="module")
def ukraine(interests_of):
    return interests_of(article("russia_ukraine_truce_terms_2025.txt"), "2025-03-27")


def test_stated_aims_with_their_objects(lebanon):
    demand = one(lebanon, actor="LBN.GOV", stance="seeks", wants="a complete Israeli withdrawal")
    assert demand.object == "ISR" and demand.status == "stated" and demand.date == "2025-03-04"
    assert demand.evidence == "Lebanon's government demands a complete Israeli withdrawal"
    urged = one(lebanon, actor="IGO.UNIFIL", wants="Israel to withdraw fully")  # the UN mission, now known by name
    assert urged.object == "ISR" and urged.stance == "seeks"


def test_opposed_aims_in_a_quotation_are_the_speakers(lebanon):
    refusal = one(lebanon, cue="allow", stance="opposes")
    assert refusal.actor_country == "ISR" and refusal.object == "LBN.HEZBOLLAH"
    assert refusal.wants == "Hezbollah to rebuild its positions along our border"
    assert refusal.evidence.startswith("We will not allow")


def test_attributed_and_speculated_aims(lebanon, ukraine):
    red_line = one(lebanon, actor="LBN.HEZBOLLAH", cue="line")
    assert red_line.stance == "opposes" and red_line.status == "attributed" and red_line.attributed_to == "She"
    tehran = one(lebanon, actor_country="IRN")
    assert tehran.status == "speculated" and tehran.attributed_to == "Western officials"
    assert tehran.object == "LBN.HEZBOLLAH" and tehran.wants == "to rebuild Hezbollah's arsenal"
    split = one(ukraine, cue="trying")
    assert split.actor == "RUS.GOV" and split.status == "speculated" and split.object == "USA.GOV"
    goal = one(ukraine, cue="goal")
    assert goal.actor == "RUS.GOV" and goal.status == "attributed" and goal.attributed_to == "Olena Marchenko"


def test_demands_in_reported_speech_and_refusals(ukraine):
    withdraw = one(ukraine, actor="PER:vladimir-putin")
    assert withdraw.stance == "seeks" and withdraw.object == "UKR" and withdraw.wants.startswith("Ukraine must withdraw")
    rejected = one(ukraine, cue="rejected")
    assert rejected.actor == "UKR" and rejected.stance == "opposes" and rejected.wants == "the condition"
    not_accept = one(ukraine, cue="accept")
    assert not_accept.actor == "UKR.GOV" and not_accept.wants == "any easing of sanctions"


def test_evidence_is_exact_text(lebanon):
    text = article("israel_lebanon_truce_2025.txt")
    for interest in lebanon:
        assert text[interest.start:interest.end] == interest.evidence
        assert interest.wants.split()[0] in interest.evidence or interest.wants in text


def frame(rows):
    columns = ["interest_id", "doc_id", "actor", "wants", "object", "stance", "evidence", "start", "end",
               "attributed_to", "status", "date", "sources"]
    return pd.DataFrame([dict(zip(columns, r)) for r in rows], columns=columns)


AIMS = frame([
    ("a", "d1", "AFG.TALIBAN", "to hand over TTP leaders", "PAK.TTP", "opposes", "refused to hand over TTP leaders",
     0, 30, None, "stated", "2022", 1),
    ("b", "d2", "AFG.TALIBAN", "to hand over the TTP leader", "PAK.TTP", "opposes", "refused to hand over the TTP "
     "leader", 5, 40, None, "stated", "2026", 1),
    ("c", "d2", "AFG.TALIBAN", "to hand over TTP leaders", None, "opposes", "refused to hand them over", 50, 70,
     None, "stated", "2026", 1),
    ("d", "d3", "PAK.GOV", "the Taliban to act against the TTP and to hand over its leaders", "AFG.TALIBAN", "seeks",
     "asked the Taliban to act", 0, 60, None, "stated", "2024", 1),
    ("e", "d4", "LBN.HEZBOLLAH", "an Israeli soldier on Lebanese land", "ISR.MIL", "opposes", "red line", 0, 9, None,
     "attributed", "2025", 1),
])


def test_one_aim_many_sources():
    assert content_words("to hand over the TTP leader") == content_words("hand over TTP leaders")
    lines = merged(AIMS)
    refusal = lines[lines.interest_id == "a"].iloc[0]
    assert refusal.sources == 2 and [s["doc_id"] for s in refusal.evidence_spans] == ["d1", "d2"]
    assert len(lines) == 4  # the refusal with no object stays apart: the object is part of the aim


def test_collisions_pair_sides_and_align_contested_aims():
    assert side("PAK.GOV") == "PAK" and side("PER:khawaja-asif") == "PAK" and side("PAK.TTP") == "PAK.TTP"
    found = collisions(merged(AIMS))
    pair = next(c for c in found if {c.a, c.b} == {"AFG", "PAK"})
    first = pair.rows()[0]
    assert {first[0]["interest_id"], first[1]["interest_id"]} == {"a", "d"}
    assert not any({c.a, c.b} == {"LBN.HEZBOLLAH", "PAK"} for c in found)
