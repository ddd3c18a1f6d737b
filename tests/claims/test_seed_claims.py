"""Claims found in the seed articles, read through the real pipeline and store."""
import pytest

from newsgraph.store import Store
from tests.helpers import seed_rows


@pytest.fixture(scope="module")
def seed_claims(dev_db):
    return seed_rows(dev_db, "claims")


def said_by(claims, seed, actor):
    return claims[(claims.seed == seed) & (claims.speaker_actor == actor)]


def test_khawaja_asif_warning_in_parliament(seed_claims):
    warning = seed_claims[(seed_claims.seed == "003") & (seed_claims.speaker.str.contains("Khawaja Asif"))]
    assert warning.cue.iloc[0] == "warned of"
    assert warning.content.iloc[0] == "continued anti-Taliban sentiment in Khyber Pakhtunkhwa province"
    assert warning.speaker_actor.iloc[0] in ("PAK.LEG", "PER:khawaja-asif")


def test_mohsin_dawar_statement(seed_claims):
    dawar = said_by(seed_claims, "003", "PER:mohsin-dawar")
    assert any(c.startswith("that after the arrival of the Taliban in Afghanistan") for c in dawar.content)


def test_tahir_khan_view_over_several_statements(seed_claims):
    tahir = said_by(seed_claims, "003", "PER:tahir-khan")
    assert len(tahir) >= 4
    assert any(c.startswith("that the Pakistani army will thank the Afghan Taliban") for c in tahir.content)
    also = tahir[tahir.content.str.startswith("that Pakistan is one of the few countries")]
    assert len(also) == 1 and also.iloc[0].speaker == "He"  # 'He also said', resolved past Imran Khan


def test_lodhi_quote_and_description_speakers(seed_claims):
    lodhi = said_by(seed_claims, "003", "PER:naeem-khalid-lodhi")
    assert "that we are all disappointed in each other" in set(lodhi.content)
    speakers = set(lodhi.speaker)
    assert {"The former defense minister", "The retired general", "The same source"} <= speakers
    assert lodhi.direct.sum() >= 3


def test_imran_khan_normal_civilians(seed_claims):
    khan = said_by(seed_claims, "004", "PER:imran-khan")
    assert any("normal civilians" in c for c in khan.content)


def test_rusi_author_says_regime_change_is_not_feasible(seed_claims):
    author = said_by(seed_claims, "001", "PER:masom-jan-masomy")
    assert any(c.removeprefix("that ").startswith("regime change in Afghanistan is neither feasible") for c in author.content)
    assert "The article" in set(author.speaker)


def test_events_inside_claims_point_to_them(dev_db):
    with Store(dev_db, read_only=True) as store:
        events, claims = store.events(), store.claims()
    linked = events[events.claim_id.notna()]
    assert len(linked) > 20 and set(linked.claim_id) <= set(claims.claim_id)
    assert "asserted" not in set(linked.status)
