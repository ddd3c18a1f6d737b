import pandas as pd

from newsgraph.interests.evaluate import match


def rows(records):
    return pd.DataFrame.from_records(records)


def test_two_aims_on_one_span_are_paired_with_their_own_actors_whatever_the_order():
    """'The UN refugee agency and the IOM urged ...' gives two aims with the same evidence; the score must not
    depend on the order the store returns them in."""
    gold = rows([{"document": "d", "actor": "IGO.UNHCR", "role": "IGO", "start": 10, "end": 60},
                 {"document": "d", "actor": "IGO.IOM", "role": "IGO", "start": 10, "end": 60}])
    found = [{"document": "d", "actor": "IGO.IOM", "actor_country": None, "interest_id": "b", "start": 10, "end": 60},
             {"document": "d", "actor": "IGO.UNHCR", "actor_country": None, "interest_id": "a", "start": 10, "end": 60}]
    for order in (found, found[::-1]):
        pairs = match(gold, rows(order), with_country=True)
        assert sorted((g.actor, f.actor) for g, f in pairs) == [("IGO.IOM", "IGO.IOM"), ("IGO.UNHCR", "IGO.UNHCR")]
