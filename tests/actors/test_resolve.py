"""The resolver on constructed sentences: owners of agent words, and armed-group nouns referring back."""
from newsgraph.actors import find_mentions
from newsgraph.nlp import load_model


def actors(text: str, date: str = "2022-08-20") -> dict[str, str]:
    return {m.surface: m.actor_id for m in find_mentions("t", load_model()(text), date)}


def test_a_definite_armed_group_noun_refers_to_the_group_named_just_before():
    found = actors("Fighters of the Pakistani Taliban returned to Swat after talks. Residents protested. "
                   "Earlier, the armed men kidnapped four police officers in Swat. Militants also attacked a post.")
    assert found["armed men"] == "PAK.TTP"
    assert found["Militants"] == "REB"  # no article: any militants, not necessarily the group


def test_the_owner_of_an_agent_word_can_modify_its_first_word():
    assert actors("A firefight broke out between Pakistani troops and Taliban border guards.")["Taliban border guards"] \
        == "AFG.TALIBAN"
