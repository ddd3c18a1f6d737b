"""Documents per second of the whole build on one and two workers: processes, a Dask LocalCluster, and a
LocalCluster writing Parquet shards.

    python benchmarks/workers.py [--documents 2000] [--modes pool dask dask-shards] [--batch-size 50]

Generates N distinct short news stories (one JSON Lines feed; countries and cities drawn from the package's
own dictionaries, numbers and dates from the story's index, so no two are near-copies and every one is
parsed), then builds them into a fresh database exactly as `newsgraph build` does, once per mode and worker
count, and prints documents/s, the two-worker / one-worker ratio (target at least 1.8x), the shares of the
build the building process spent writing to DuckDB (rows, or loading shards) and cleaning and checking
duplicates, and the ceiling those two put on any number of workers (inputs / their seconds). Dask times
include starting the LocalCluster, as a user's run pays it. CPU seconds of this process and of the workers
give a second ratio that other programs sharing the machine do not distort: the best two idle cores allow.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from importlib import resources
from pathlib import Path

from newsgraph import pipeline
from newsgraph.store import db as store_db
from newsgraph.store import shards as store_shards

MODES = {"pool": {}, "dask": {"dask": "local"}, "dask-shards": {"dask": "local", "shards": True}}
SENTENCES = [
    "Officials from {a} and {b} met in {city} on {day} to discuss {topic}.",
    "The {a_adj} foreign minister said the talks on {topic} had made progress after {n} rounds.",
    "{b} accused {a} of delaying an agreement on {topic}, according to a statement issued in {city}.",
    "Police in {city} arrested {n} people after protests over {topic} on {day}.",
    "The government of {a} announced {n} million dollars in aid for {b}.",
    "Lawmakers in {b} rejected a proposal on {topic} by {n} votes.",
    "Troops from {a} withdrew from positions near {city}, a spokesman said.",
    "{a} and {b} agreed to hold the next round of talks in {city} within {weeks} weeks.",
]
TOPICS = ["trade", "refugees", "border security", "water sharing", "railways", "electricity", "visas",
          "customs", "fisheries", "grain exports", "debt relief", "election monitoring"]


def names() -> tuple[list[tuple[str, str]], list[str]]:
    """(country name, demonym) pairs and large cities, from the package's dictionaries."""
    data = resources.files("newsgraph") / "data"
    countries = []
    for line in (data / "countries.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        _, name, _, demonyms = (line.split("\t") + ["", "", "", ""])[:4]
        if demonyms:
            countries.append((name, demonyms.split("|")[0]))
    cities = []
    for line in (data / "places.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        name, _, _, _, kind, population = line.split("\t")[:6]
        if kind == "city" and population.isdigit() and int(population) > 500_000:
            cities.append(name)
    return countries, cities


def stories(n: int, seed: int = 0) -> list[dict]:
    rng = random.Random(seed)
    countries, cities = names()
    out = []
    for i in range(n):
        (a, a_adj), (b, _) = rng.sample(countries, 2)
        day = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        fill = {"a": a, "a_adj": a_adj, "b": b, "city": rng.choice(cities), "topic": rng.choice(TOPICS),
                "day": f"day {i % 28 + 1} of the month", "n": i + 2, "weeks": i % 9 + 2}
        text = " ".join(s.format(**fill) for s in rng.sample(SENTENCES, 5))
        out.append({"id": f"story{i:06d}", "title": f"{a} and {b}: {fill['topic']}, report {i}",
                    "published": day, "text": f"{text} The meeting was number {i * 7 + 3} this year."})
    return out


def timed_build(feed: Path, db: Path, workers: int, batch_size: int, dask: str | None = None,
                shards: Path | None = None) -> dict[str, float]:
    """One fresh build: its seconds, the documents analysed, and the seconds this process spent writing to
    DuckDB (rows, or loading shards) and cleaning and checking duplicates (the work no worker takes over)."""
    spent = {"writing": 0.0, "cleaning": 0.0}
    patched = [(store_db.Store, "write_documents", "writing"), (store_shards, "load", "writing"),
               (pipeline, "prepare", "cleaning"), (pipeline, "mark_duplicate", "cleaning")]
    originals = [getattr(owner, name) for owner, name, _ in patched]

    def timing(real, account):
        def timed(*args):
            started = time.perf_counter()
            try:
                return real(*args)
            finally:
                spent[account] += time.perf_counter() - started
        return timed

    for (owner, name, account), real in zip(patched, originals):
        setattr(owner, name, timing(real, account))
    try:
        started, cpu, children = time.perf_counter(), time.process_time(), children_cpu()
        summary = pipeline.build([str(feed)], db=str(db), workers=workers, batch_size=batch_size, dask=dask,
                                 shards=str(shards) if shards else None)
        seconds = time.perf_counter() - started
        # CPU seconds, which other programs on the machine do not inflate: this process (its threads, with a
        # LocalCluster's scheduler) and the worker processes (reaped when the pool or cluster closes)
        spent |= {"cpu here": time.process_time() - cpu, "cpu workers": children_cpu() - children}
    finally:
        for (owner, name, _), real in zip(patched, originals):
            setattr(owner, name, real)
    return spent | {"seconds": seconds, "analysed": summary.counts["ok"], "inputs": len(summary.documents)}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def idle_bound(one: dict[str, float], two: dict[str, float]) -> float:
    """The best two-worker / one-worker ratio two idle cores allow, from CPU seconds: one worker's build
    takes at least its busier process (worker, or this one beside it); two workers' build at least half of
    all the CPU both workers and this process spend, and at least this process's own share."""
    if not one["cpu workers"]:  # one worker is this process itself
        one_wall = one["cpu here"]
    else:
        one_wall = max(one["cpu here"], one["cpu workers"])
    two_wall = max(two["cpu here"], two["cpu workers"] / 2, (two["cpu here"] + two["cpu workers"]) / 2)
    return one_wall / two_wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--modes", nargs="+", choices=list(MODES), default=list(MODES))
    parser.add_argument("--batch-size", type=int, default=50, help="documents per commit (and per shard task)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "stories.jsonl"
        feed.write_text("".join(json.dumps(s) + "\n" for s in stories(args.documents, args.seed)), encoding="utf-8")
        print(f"{'mode':<14}{'workers':>8}{'seconds':>10}{'docs/s':>9}{'writing':>9}{'cleaning':>10}"
              f"{'CPU here':>10}{'workers':>9}   analysed   ceiling of this process")
        for mode in args.modes:
            runs = {}
            for workers in (1, 2):
                options = dict(MODES[mode])
                if options.get("shards"):
                    options["shards"] = Path(tmp) / f"shards-{mode}-{workers}"
                t = runs[workers] = timed_build(feed, Path(tmp) / f"{mode}-{workers}.duckdb", workers,
                                                args.batch_size, **options)
                # the building process cleans and writes every input itself: past this rate, workers wait on it
                ceiling = t["inputs"] / (t["writing"] + t["cleaning"])
                print(f"{mode:<14}{workers:>8}{t['seconds']:>10.2f}{t['analysed'] / t['seconds']:>9.1f}"
                      f"{t['writing'] / t['seconds']:>9.1%}{t['cleaning'] / t['seconds']:>10.1%}"
                      f"{t['cpu here']:>9.1f}s{t['cpu workers']:>8.1f}s{t['analysed']:>11}   {ceiling:,.0f} documents/s")
            ratio = runs[1]["seconds"] / runs[2]["seconds"] * runs[2]["analysed"] / runs[1]["analysed"]
            print(f"{mode:<14}2 workers / 1 worker: {ratio:.2f}x documents/s (target >= 1.8); "
                  f"at most {idle_bound(runs[1], runs[2]):.2f}x on two idle cores by CPU seconds")

if __name__ == "__main__":
    main()
