"""Dyads, corroboration, contradictions and the network on constructed events with known answers, and
on the seed articles."""
import json

import networkx as nx
import pandas as pd

from newsgraph.analysis.clusters import cluster_events, clusters
from newsgraph.analysis.contradictions import claim_contradictions, event_contradictions
from newsgraph.analysis.dyads import dyad_table, sparkline
from newsgraph.analysis.network import actor_network, write_network
from newsgraph.store import Store

DOCS = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "publisher": ["Wire A", "Paper B", "Wire A"]})


def event(eid, doc, etype, source, target, date, status="asserted", intensity=-9.0, quad="material_conflict",
          place=None, start=0):
    return {"event_id": eid, "doc_id": doc, "type": etype, "source": source, "target": target,
            "source_code": source.replace(".", "")[:6], "target_code": target.replace(".", "")[:6], "date": date,
            "status": status, "intensity": intensity, "quad": quad, "start": start, "end": start + 20, "repeat_of": None,
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
    [found] = event_contradictions(cluster_events(EVENTS, DOCS))
    assert found.denied.doc_id == "d3" and found.told.doc_id in ("d1", "d2") and found.topic.startswith("ASSAULT")


CLAIM_DOCS = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "published": ["2024-03-18", "2024-03-20", "2026-05-01"]})
CLAIM_ACTORS = pd.DataFrame({"actor_id": ["PAK.GOV", "AFG.GOV", "AFG.TALIBAN", "PAK.CVL", "PER:analyst"],
                             "code": ["PAKGOV", "AFGGOV", "AFGGOVTAL", "PAKCVL", "ANL"],
                             "country": ["PAK", "AFG", "AFG", "PAK", None],
                             "sector": ["GOV", "GOV", "GOV", "CVL", "ANL"]})
# 'Islamabad accused Kabul of sheltering militants': the actor named in the cue is the accused.
CLAIM_MENTIONS = pd.DataFrame({"doc_id": ["d1"], "start_char": [20], "end_char": [25], "actor_id": ["AFG.GOV"]})


def claim(cid, doc, speaker, cue, content, about=(), cue_start=None, cue_end=None):
    return {"claim_id": cid, "doc_id": doc, "speaker": speaker, "speaker_actor": speaker, "cue": cue,
            "content": content, "start": 0, "end": len(content), "about": list(about), "cue_start": cue_start,
            "cue_end": cue_end}


CLAIMS = pd.DataFrame([
    claim("c1", "d1", "PAK.GOV", "accused Kabul of", "sheltering militants who attack Pakistan", ["PAK"], 10, 30),
    claim("c2", "d2", "AFG.GOV", "denied", "that militants use Afghan soil"),
    claim("c3", "d2", "PER:analyst", "denied", "that Kabul shelters anyone"),  # a commentator, not a side
    claim("c4", "d3", "AFG.GOV", "denied", "that militants use Afghan soil"),  # two years on: history
    claim("c5", "d1", "AFG.TALIBAN", "said", "its fighters attacked Pakistani border posts overnight"),
    claim("c6", "d2", "PAK.CVL", "said", "the fighters had not attacked Pakistani border posts"),
    claim("c7", "d2", "PAK.GOV", "said", "talks would not resume soon"),  # negative, but no opposite claim
])


def test_claim_contradictions_pair_opposite_sides():
    found = claim_contradictions(CLAIMS, CLAIM_DOCS, CLAIM_ACTORS, CLAIM_MENTIONS)
    pairs = {(c.told.text.split()[0], c.denied.text.split()[0]) for c in found}
    assert pairs == {("sheltering", "that"), ("its", "the")}
    assert {c.denied.speaker for c in found} == {"AFG.GOV", "PAK.CVL"}
    assert all(c.denied.doc_id == "d2" for c in found)


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
