"""How the corpus-level steps grow with the corpus: a generated database of N documents (no parsing).

    python benchmarks/scale.py [--sizes 1000 10000] [--seed 0]

For each N, writes a database whose documents, mentions, events and claims are generated with the shapes
a real build produces (a few hundred actors with skewed activity, events of every PLOVER type and status
over ten years, claims that allege and deny), then times each corpus-level step: the actors table
refresh, event clustering, contradictions, the network, and the whole `newsgraph report`. Prints the
ratio of the largest N to the smallest for the report (target: 10k documents at most 12x the time of 1k,
i.e. linear growth).
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import pandas as pd

from newsgraph.events.plover import TYPES, intensity, quad
from newsgraph.store import Store
from newsgraph.store.db import CLAIM_COLUMNS, DOC_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS

EVENTS_PER_DOC, CLAIMS_PER_DOC = 5, 3
STATUSES = ["asserted"] * 12 + ["reported"] * 4 + ["planned", "hypothetical", "negated", "negated"]
SECTORS = ["GOV", "MIL", "REB", "COP", "OPP", "CVL", "ANL", "MED"]
VOCABULARY = 5000  # content words, drawn with Zipf-like frequencies as in news text


def actors(n_docs: int, countries: int = 60) -> list[tuple[str, str, str]]:
    """(actor_id, country, sector): every country's sectors, then named people, more of them in a larger
    corpus (one new person per ten documents)."""
    codes = [f"C{i:02d}" for i in range(countries)]
    people = [(f"PER:p{i}", codes[i % countries], SECTORS[i % len(SECTORS)]) for i in range(n_docs // 10)]
    return [(f"{c}.{s}", c, s) for c in codes for s in SECTORS] + people


def words(rng: random.Random, k: int) -> str:
    return " ".join(f"w{int(rng.paretovariate(1.0)) % VOCABULARY}" for _ in range(k))


def generate(n_docs: int, rng: random.Random) -> dict[str, pd.DataFrame]:
    pool = actors(n_docs)
    weights = [1.0 / (1 + i // len(SECTORS)) for i in range(len(pool))]  # a few actors far more active
    docs, mentions, events, claims = [], [], [], []
    types = sorted(TYPES)
    for d in range(n_docs):
        doc_id = f"doc{d:08d}"
        day = pd.Timestamp("2015-01-01") + pd.Timedelta(days=rng.randrange(3650))
        published = day.strftime("%Y-%m-%d")
        text = words(rng, 400)
        docs.append({"doc_id": doc_id, "source": f"gen/{doc_id}.txt", "status": "ok", "title": f"Story {d}",
                     "publisher": f"Outlet {rng.randrange(40)}", "authors": [], "published": published,
                     "language": "en", "text": text, "format": "text", "content_hash": doc_id})
        picked = rng.choices(pool, weights, k=EVENTS_PER_DOC * 2)
        for k, (actor_id, country, sector) in enumerate(picked):
            mentions.append([doc_id, k * 20, k * 20 + 8, actor_id, actor_id, actor_id, "group", country, sector,
                             None, country + sector, published, 0.9, "curated"])
        for k in range(EVENTS_PER_DOC):
            (src, _, _), (tgt, _, _) = picked[2 * k], picked[2 * k + 1]
            etype = rng.choice(types)
            date = published if rng.random() < 0.7 else published[:7]
            events.append({"event_id": f"{doc_id}e{k}", "doc_id": doc_id, "evidence": text[:120], "start": 0,
                           "end": 120, "source": src, "target": tgt, "type": etype, "mode": None, "context": [],
                           "quad": quad(etype), "intensity": intensity(etype, None),
                           "status": rng.choice(STATUSES), "date": date, "location": None, "confidence": 0.8,
                           "source_code": src.replace(".", ""), "target_code": tgt.replace(".", ""),
                           "trigger": etype.lower(), "trigger_start": 0, "trigger_end": 5,
                           "date_precision": "day" if len(date) == 10 else "month", "notes": []})
        for k in range(CLAIMS_PER_DOC):
            speaker, _, _ = rng.choices(pool, weights)[0]
            about, _, _ = rng.choices(pool, weights)[0]
            cue = rng.choice(["said", "said", "accused", "denied", "warned"])
            content = words(rng, 12)
            if cue == "said" and rng.random() < 0.2:
                content = "there was no " + content
            claims.append({"claim_id": f"{doc_id}c{k}", "doc_id": doc_id, "speaker": speaker,
                           "speaker_actor": speaker, "cue": cue, "content": content, "start": 200, "end": 300,
                           "direct": False, "about": [about], "cue_start": 190, "cue_end": 196,
                           "confidence": 0.8, "notes": []})
    return {"documents": pd.DataFrame(docs), "mentions": pd.DataFrame(mentions), "events": pd.DataFrame(events),
            "claims": pd.DataFrame(claims)}


def write(db: Path, tables: dict[str, pd.DataFrame]) -> None:
    """Bulk inserts through DuckDB's scan of pandas frames, in each table's column order."""
    columns = {"documents": DOC_COLUMNS, "events": EVENT_COLUMNS, "claims": CLAIM_COLUMNS}
    with Store(db) as store:
        for name, frame in tables.items():
            if name == "mentions":
                store.insert("mentions", MENTION_COLUMNS, frame.values.tolist())
                continue
            wanted = [c for c in columns[name] if c in frame.columns]
            frame = frame[wanted]  # noqa: F841 - read by DuckDB by name
            quoted = ", ".join(f'"{c}"' for c in wanted)
            store.con.execute(f"INSERT INTO {name} ({quoted}) SELECT {quoted} FROM frame")


def time_steps(db: Path, out: Path) -> dict[str, float]:
    from newsgraph.analysis.clusters import cluster_events, clusters
    from newsgraph.analysis.contradictions import claim_contradictions, event_contradictions
    from newsgraph.analysis.network import actor_network
    from newsgraph.report import write_report

    seconds = {}
    started = time.perf_counter()
    with Store(db) as store:
        store.refresh_actors()
    seconds["actors table"] = time.perf_counter() - started
    with Store(db, read_only=True) as store:
        documents, actors_, claims, mentions, events = (store.documents(), store.table("actors"), store.claims(),
                                                        store.mentions(), store.events())
    started = time.perf_counter()
    clustered = cluster_events(events, documents)
    one = clusters(clustered)
    seconds["clusters"] = time.perf_counter() - started
    started = time.perf_counter()
    event_contradictions(clustered)
    claim_contradictions(claims, documents, actors_, mentions)
    seconds["contradictions"] = time.perf_counter() - started
    started = time.perf_counter()
    actor_network(one, actors_)
    seconds["network"] = time.perf_counter() - started
    started = time.perf_counter()
    write_report(db, out)
    seconds["report (whole)"] = time.perf_counter() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            db = Path(tmp) / f"gen{n}.duckdb"
            write(db, generate(n, random.Random(args.seed)))
            results[n] = time_steps(db, Path(tmp) / f"report{n}.html")
    steps = list(next(iter(results.values())))
    print(f"{'step':<16}" + "".join(f"{n:>12,} docs" for n in results))
    for step in steps:
        print(f"{step:<16}" + "".join(f"{results[n][step]:>16.2f}" for n in results))
    small, large = min(results), max(results)
    if large != small:
        ratio = results[large]["report (whole)"] / results[small]["report (whole)"]
        print(f"report time ratio {large:,} / {small:,} documents: {ratio:.1f}x "
              f"(linear would be {large / small:.0f}x; target at most {1.2 * large / small:.0f}x)")


if __name__ == "__main__":
    main()
