"""Dyads, corroboration, contradictions and the network on constructed events with known answers, and
on the seed articles."""
import json

import networkx as nx
import pandas as pd

from newsgraph.analysis.clusters import cluster_events, clusters, contradictions
from newsgraph.analysis.dyads import dyad_table, sparkline
from newsgraph.analysis.network import actor_network, write_network
from newsgraph.store import Store

DOCS = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "publisher": ["Wire A", "Paper B", "Wire A"]})


def event(eid, doc, etype, source, target, date, status="asserted", intensity=-9.0, quad="material_conflict",
          place=None, start=0):
    return {"event_id": eid, "doc_id": doc, "type": etype, "source": source, "target": target,
            "source_code": source.replace(".", "")[:6], "target_code": target.replace(".", "")[:6], "date": date,
            "status": status, "intensity": intensity, "quad": quad, "start": start, "repeat_of": None,
            "evidence": f"{source} {etype} {target}",
            "location": json.dumps({"name": place, "country": place}) if place else None}


EVENTS = pd.DataFrame([
    event("e1", "d1", "ASSAULT", "PAK.MIL", "AFG", "2024-03-18", place="AFG"),
    event("e2", "d2", "ASSAULT", "PAK", "AFG", "2024-03", place="AFG"),  # the same strike, another source
    event("e3", "d3", "ASSAULT", "PAK.MIL", "AFG", "2024-03-19", status="negated"),  # same publisher, denied
    event("e4", "d1", "CONSULT", "PAK.GOV", "AFG.GOV", "2021-09-01", intensity=1.0, quad="verbal_cooperation"),
    event("e5", "d2", "AGREE", "AFG.GOV", "PAK.GOV", "2021-10", intensity=4.0, quad="verbal_cooperation"),
    event("e6", "d2", "ASSAULT", "PAK.MIL", "AFG", "2022-04-16"),
])


def test_corroboration_counts_independent_sources():
    frame = cluster_events(EVENTS, DOCS)
    cluster = frame.set_index("event_id").cluster
    assert cluster["e1"] == cluster["e2"] == cluster["e3"] and cluster["e6"] != cluster["e1"]
    assert frame.set_index("event_id").sources["e1"] == 2  # d1 and d3 are one publisher
    assert len(clusters(frame)) == 4


def test_contradiction_pairs_a_denial_with_a_report():
    [(fact, denial)] = contradictions(cluster_events(EVENTS, DOCS))
    assert denial.event_id == "e3" and fact.event_id in ("e1", "e2")


def test_dyad_moves_from_cooperation_to_conflict():
    table = dyad_table(clusters(cluster_events(EVENTS, DOCS)), "PAK", "AFG")
    assert list(table.period) == ["2021", "2022", "2024"]
    assert table.intensity.iloc[0] > 0 > table.intensity.iloc[-1]
    assert table.set_index("period").loc["2024", "material_conflict"] == 1  # three mentions, one event
    assert sparkline([10, -10, 0]) == "█▁▅"


def test_network_edges_are_signed_and_exportable(tmp_path):
    actors = pd.DataFrame({"actor_id": ["PAK.MIL"], "name": ["Pakistan Army"], "country": ["PAK"],
                           "sector": ["MIL"]})
    graph = actor_network(clusters(cluster_events(EVENTS, DOCS)), actors)
    assert graph["PAK.MIL"]["AFG"]["weight"] < 0 and graph["PAK.GOV"]["AFG.GOV"]["weight"] > 0
    assert graph.nodes["PAK.MIL"]["name"] == "Pakistan Army" and "community" in graph.nodes["AFG"]
    back = nx.read_gexf(write_network(graph, tmp_path / "n.gexf"))
    assert set(back.nodes) == set(graph.nodes)
    assert nx.read_graphml(write_network(graph, tmp_path / "n.graphml")).number_of_edges() == graph.number_of_edges()


def seed_analysis(dev_db):
    with Store(dev_db, read_only=True) as store:
        docs, events = store.documents(), store.events()
    seeds = docs[docs.source.str.contains("seeds")]
    return clusters(cluster_events(events[events.doc_id.isin(seeds.doc_id)], seeds))


def test_seeds_pakistan_taliban_from_cooperation_to_hostility(dev_db):
    table = dyad_table(seed_analysis(dev_db), "PAK", "AFG.TALIBAN").set_index("period")
    assert table.loc["2021", "intensity"] > 0 > table.loc["2025", "intensity"]


def test_seeds_have_a_cross_source_corroborated_event(dev_db):
    corroborated = seed_analysis(dev_db)
    corroborated = corroborated[corroborated.sources > 1]
    assert len(corroborated) and "ASSAULT" in set(corroborated.type)
