"""The corpus-wide analyses the UI shows (corroborated clusters, dyads, network, contradictions), computed
by newsgraph.analysis through the report's `analyse`, once per snapshot; dyads of one pair only read that
pair's events, so they stay quick on large databases."""
from __future__ import annotations

import networkx as nx
import pandas as pd

from newsgraph.analysis.clusters import _text, cluster_events, clusters
from newsgraph.analysis.dyads import dyad_events, dyad_table, period_of
from newsgraph.report.build import Analysis, cluster_mentions
from newsgraph.web.queries import NAMED, NotFound, plain

MENTION_FIELDS = ["event_id", "doc_id", "evidence", "start", "end", "date", "status", "source", "target", "type"]


def records(frame: pd.DataFrame, fields: list[str]) -> list[dict]:
    return [{k: plain(v) if not isinstance(v, (list, tuple)) else list(v) for k, v in r.items()}
            for r in frame[fields].astype(object).where(frame[fields].notna(), None).to_dict("records")]


def cluster_rows(a: Analysis, frame: pd.DataFrame, titles: dict) -> list[dict]:
    """Clustered events, each with every article's sentence that tells it."""
    out = []
    for r in frame.itertuples():
        mentions = records(cluster_mentions(a, r.cluster), MENTION_FIELDS)
        for m in mentions:
            m["doc_title"] = titles.get(m["doc_id"])
        out.append({"cluster": r.cluster, "date": _text(r.date) or None, "type": r.type, "quad": r.quad,
                    "source": _text(r.source) or None, "target": _text(r.target) or None, "status": r.status,
                    "sources": int(r.sources), "mentions": mentions})
    return out


def timeline(a: Analysis, corroborated: bool) -> pd.DataFrame:
    frame = a.events[a.events.date.notna()]
    if corroborated:
        frame = frame[frame.sources > 1]
    return frame.sort_values(["date", "cluster"])


def network_json(a: Analysis, limit: int) -> dict:
    """The `limit` most connected actors, their ties, and a spring layout in the unit square."""
    g = a.network
    keep = sorted(g.nodes, key=lambda n: (-g.nodes[n]["degree"], n))[:limit]
    sub = g.subgraph(keep)
    pos = nx.spring_layout(sub, seed=7, weight=None, k=2.5 / max(1, len(sub)) ** 0.5, iterations=200) if sub else {}
    xs, ys = spread([p[0] for p in pos.values()]), spread([p[1] for p in pos.values()])
    spot = {n: (xs[i], ys[i]) for i, n in enumerate(pos)}
    nodes = [{"id": n, **{k: sub.nodes[n].get(k) for k in ("name", "country", "sector", "degree", "betweenness",
                                                             "community")},
              "x": spot[n][0], "y": spot[n][1]} for n in sub]
    edges = [{"source": u, "target": v, "weight": d["weight"], "events": d["events"]}
             for u, v, d in sub.edges(data=True)]
    return {"actors": g.number_of_nodes(), "ties": g.number_of_edges(), "nodes": nodes, "edges": edges}


def spread(values: list[float]) -> list[float]:
    """Coordinates in 0..1, half by value and half by rank, so a few far-flung actors do not squeeze the
    rest of the graph into a corner."""
    if len(values) < 2:
        return [0.5] * len(values)
    lo, hi = min(values), max(values)
    order = {i: r for r, i in enumerate(sorted(range(len(values)), key=values.__getitem__))}
    return [round(0.5 * ((v - lo) / (hi - lo) if hi > lo else 0.5) + 0.5 * order[i] / (len(values) - 1), 4)
            for i, v in enumerate(values)]


def contradiction_rows(a: Analysis, titles: dict) -> list[dict]:
    def side(s):
        return {"doc_id": s.doc_id, "doc_title": titles.get(s.doc_id), "speaker": s.speaker, "text": s.text,
                "start": s.start, "end": s.end, "kind": s.kind}
    return [{"topic": c.topic, "kind": c.told.kind, "told": side(c.told), "denied": side(c.denied)}
            for c in a.contradictions]


# --- one dyad --------------------------------------------------------------------------------------------

def dyad_side(cur, word: str) -> str:
    """What `newsgraph dyad` takes: a country code (PAK), an actor id, or here also a name or alias."""
    if len(word) == 3 and word.isalpha():
        return word.upper()
    found = cur.execute(f"SELECT actor_id FROM actors WHERE {NAMED} "
                        "ORDER BY lower(actor_id) = lower($1) DESC, mentions DESC LIMIT 1", [word]).fetchone()
    if not found:
        raise NotFound(f"no actor called {word!r}; give an actor id, name or alias, or a country code")
    return found[0]


def side_sql(col: str, wanted: str) -> tuple[str, list]:
    """A prefilter for analysis.dyads.side_matches on the columns snapshot.PREPARE adds (equality first)."""
    if len(wanted) == 3 and wanted.isalpha():
        return f"(e.{col}_root = ? OR e.{col}_country = ?)", [wanted, wanted]
    return f"(e.{col}_root = ? AND (e.{col} = ? OR starts_with(e.{col}, ?)))", [wanted.split(".")[0], wanted,
                                                                                 wanted + "."]


def pair_events(cur, a: str, b: str) -> pd.DataFrame:
    """Events that may be between a and b (a superset: dyad_events decides), with their documents."""
    (sa, pa), (tb, pb), (sb, qb), (ta, qa) = (side_sql("source", a), side_sql("target", b), side_sql("source", b),
                                              side_sql("target", a))
    return cur.execute(f"SELECT e.* FROM web_pairs e WHERE ({sa} AND {tb}) OR ({sb} AND {ta})",
                       pa + pb + qb + qa).df()


def in_range(period: str, since: str | None, until: str | None) -> bool:
    return (not since or period >= since) and (not until or period <= until or period.startswith(until))


def dyad_json(cur, a: str, b: str, by: str, since: str | None = None, until: str | None = None) -> dict:
    """Per period: events per quad class and mean intensity (analysis.dyads), and the events themselves."""
    events = pair_events(cur, a, b)
    result = {"a": a, "b": b, "by": by, "periods": []}
    if events.empty:
        return result
    documents = events[["doc_id", "doc_publisher"]].drop_duplicates().rename(columns={"doc_publisher": "publisher"})
    clustered = clusters(cluster_events(events, documents))
    table = dyad_table(clustered, a, b, by)
    between = dyad_events(clustered, a, b)
    between = between.assign(period=between.date.map(lambda d: period_of(d, by))).sort_values("date")
    listed: dict[str, list] = {}
    for event, period in zip(records(between, MENTION_FIELDS + ["sources", "quad", "intensity", "doc_title"]),
                             between.period):
        listed.setdefault(period, []).append(event)
    for r in (r for r in table.to_dict("records") if in_range(r["period"], since, until)):
        result["periods"].append({**{k: plain(v.item() if hasattr(v, "item") else v) for k, v in r.items()},
                                  "list": listed.get(r["period"], [])})
    return result
