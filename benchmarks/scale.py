"""How the corpus-level steps, and a real build's memory, grow with the corpus.

    python benchmarks/scale.py [--sizes 1000 10000] [--seed 0]
    python benchmarks/scale.py --build-sizes 1000 10000 [--sizes]   # peak RSS of real builds, copies

For each N, writes a database whose documents, mentions, events and claims are generated with the shapes
a real build produces (a few hundred actors with skewed activity, events of every PLOVER type and status
over ten years, claims that allege and deny), then times each corpus-level step: the actors table
refresh, event clustering, contradictions, the network, and the whole `newsgraph report`. Prints the
ratio of the largest N to the smallest for the report (target: 10k documents at most 12x the time of 1k,
i.e. linear growth).

With --build-sizes, each N is also a real `newsgraph build` (one process, in a subprocess of its own) of N
generated unique short documents (a few sentences, so the parse is cheap): it prints the process's peak
RSS at each N and the ratio of the largest N to the smallest (target at most 1.2x), the time of the build's
corpus-level steps (duplicate check, actors table), and a duplicate-heavy variant of the smallest N (half
the inputs near-copies of the other half) with the number of parses, which must equal the originals.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
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


# --- real builds: memory per process, the cost of copies -------------------------------------------

SUBJECTS = ["The interior ministry", "Police", "Rebel fighters", "The army", "Opposition leaders", "Aid agencies",
            "The finance minister", "Striking teachers", "The central bank", "Border guards", "The prime minister",
            "Local councillors", "Human rights groups", "The electoral commission", "Farmers", "Union leaders"]
VERBS = ["accused", "criticised", "met", "praised", "attacked", "arrested", "thanked", "warned", "sued",
         "promised aid to", "called for talks with", "condemned", "blamed", "supported"]
OBJECTS = ["the governor", "protesters", "the defence ministry", "opposition lawmakers", "the courts",
           "foreign donors", "the trade union", "village elders", "the national oil company", "journalists",
           "the health ministry", "the navy", "students", "the mayor"]
WHEN = ["on Monday", "on Tuesday", "on Wednesday", "late on Thursday", "on Friday", "over the weekend",
        "last week", "this morning", "after midnight", "before the vote"]


def short_story(rng: random.Random, n: int) -> str:
    """A few sentences of plain newswire: random subjects, verbs, objects and numbers, so no two stories
    share enough word 3-grams to be near-copies, and the parser, actors and events stages all have work."""
    sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(WHEN)} in district "
                 f"{rng.randint(1, 99_999)}, officials said in statement {n}-{k}." for k in range(rng.randint(3, 4))]
    sentences.append(f"About {rng.randint(10, 90_000)} people gathered near road {rng.randint(1, 9_999)} "
                     f"{rng.choice(WHEN)}.")
    return " ".join(sentences)


def near_copy(text: str) -> str:
    """A syndicated copy: the same story with one word changed."""
    return text.replace(" said ", " stated ", 1)


def write_stories(folder: Path, n: int, seed: int, copies: bool = False) -> None:
    """n inputs as .txt files in a folder of its own (the reader keeps one file at a time in memory); with
    `copies`, every second input is a near-copy of the one before it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    text = ""
    for i in range(n):
        text = near_copy(text) if copies and i % 2 else short_story(rng, i)
        (folder / f"s{i:07d}.txt").write_text(f"Story {i}\n\n{text}\n", encoding="utf-8")


# One build in a fresh process: what it reports of itself, so the figures are that process's alone.
BUILD_PROBE = """
import json, resource, sys, time
import newsgraph.pipeline as pipeline
from newsgraph.store import db as store_db

parses, steps = [0], {}
def counted(fn):
    def analyse_document(doc, *parsed):
        parses[0] += 1
        return fn(doc, *parsed)
    return analyse_document
def timed(name, fn):
    def run(*args):
        started = time.perf_counter()
        try:
            return fn(*args)
        finally:
            steps[name] = steps.get(name, 0.0) + time.perf_counter() - started
    return run
pipeline.analyse_document = counted(pipeline.analyse_document)
pipeline.analyse_documents = timed("analysis", pipeline.analyse_documents)  # parse and extraction
pipeline.mark_duplicate = timed("duplicate check", pipeline.mark_duplicate)
store_db.Store.refresh_actors = timed("actors table", store_db.Store.refresh_actors)
store_db.Store.write_documents = timed("writing", store_db.Store.write_documents)
started = time.perf_counter()
summary = pipeline.build([sys.argv[1]], db=sys.argv[2])
seconds = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
print(json.dumps({"seconds": seconds, "rss": rss, "parses": parses[0], "counts": dict(summary.counts),
                  "steps": steps}))
"""


def real_build(folder: Path, db: Path) -> dict:
    """Build `folder` into `db` with `newsgraph.pipeline.build` (what `newsgraph build` runs), one worker,
    in a new Python process; its peak RSS, time, parse count and corpus-level step times."""
    result = subprocess.run([sys.executable, "-c", BUILD_PROBE, str(folder), str(db)], capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def build_figures(sizes: list[int], seed: int, tmp: Path) -> None:
    runs = {}
    for n in sizes:
        write_stories(tmp / f"unique{n}", n, seed)
        runs[n] = real_build(tmp / f"unique{n}", tmp / f"unique{n}.duckdb")
    print(f"{'real build (1 process)':<26}" + "".join(f"{n:>12,} docs" for n in runs))
    print(f"{'analysed':<26}" + "".join(f"{r['counts'].get('ok', 0):>17,}" for r in runs.values()))
    print(f"{'peak RSS (MB)':<26}" + "".join(f"{r['rss'] / 2 ** 20:>17.0f}" for r in runs.values()))
    print(f"{'documents/s':<26}" + "".join(f"{n / r['seconds']:>17.1f}" for n, r in runs.items()))
    for step in ("duplicate check", "writing", "actors table"):
        print(f"{step + ' (s)':<26}" + "".join(f"{r['steps'].get(step, 0):>17.2f}" for r in runs.values()))
    small, large = min(runs), max(runs)
    if large != small:
        print(f"peak RSS ratio {large:,} / {small:,} documents: {runs[large]['rss'] / runs[small]['rss']:.2f}x "
              f"(target at most 1.2x)")
    write_stories(tmp / f"copies{small}", small, seed, copies=True)
    copies = real_build(tmp / f"copies{small}", tmp / f"copies{small}.duckdb")
    unique = runs[small]
    parse_copies, parse_unique = copies["steps"]["analysis"], unique["steps"]["analysis"]
    print(f"duplicate-heavy, {small:,} inputs (half near-copies): {copies['counts'].get('ok', 0):,} analysed, "
          f"{copies['counts'].get('duplicate', 0):,} duplicates, {copies['parses']:,} parses; analysis (parse and "
          f"extraction) {parse_copies:.1f} s against {parse_unique:.1f} s for {small:,} unique inputs "
          f"({parse_copies / parse_unique:.2f}x); whole build {copies['seconds']:.1f} s against "
          f"{unique['seconds']:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000],
                        help="generated databases for the corpus-level steps (none: skip them)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--build-sizes", type=int, nargs="*", default=[],
                        help="also build N generated short stories for real, one process each: peak RSS, copies")
    args = parser.parse_args()
    if args.build_sizes:
        with tempfile.TemporaryDirectory() as tmp:
            build_figures(args.build_sizes, args.seed, Path(tmp))
    if args.sizes:
        corpus_steps(args.sizes, args.seed)


def corpus_steps(sizes: list[int], seed: int) -> None:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            db = Path(tmp) / f"gen{n}.duckdb"
            write(db, generate(n, random.Random(seed)))
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
