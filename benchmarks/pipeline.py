"""The whole job a user runs, and where its time goes, on unique texts.

    python benchmarks/pipeline.py [--stories 300] [--shared ../shared]

Inputs: the first N synthetic news stories of ../shared/data/ngec-synthetic (distinct texts from many
countries), or the demo corpus when ../shared is absent. Prints, measured in the same run:

- the whole build (`newsgraph.pipeline.build`: ingest, clean, duplicates, parse, actors, events, claims,
  interests, store) on one worker and on two, against spaCy's `nlp.pipe` alone on the same cleaned texts
  (target: one-worker build at most 1.4x nlp.pipe; two workers at least 1.8x one worker in documents/s);
- writing's share of the build (target at most 10%);
- each stage on its own: actor resolution's share of the pipeline (target at most 15%), event coding against
  the parse (target at most 20%), claims' share (target under 10%), what interests add (target at most 10%).
One-time loads (models, gazetteers) are outside the stage timings; the builds pay them, as a user's run does.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import tempfile
import time
from importlib import resources
from pathlib import Path

from newsgraph.actors import find_mentions, load_resources
from newsgraph.claims import find_claims
from newsgraph.clean import clean
from newsgraph.events import find_events, load_lexicon
from newsgraph.events.model import load_event_model
from newsgraph.ingest import discover
from newsgraph.interests import find_interests
from newsgraph.nlp import load_model
from newsgraph.pipeline import build
from newsgraph.store import db as store_db

ROOT = Path(__file__).resolve().parents[1]


def stories(shared: Path, n: int) -> list[dict]:
    """The same feed benchmarks/synthetic_build.py builds (loaded by path: benchmarks/ is no package)."""
    spec = importlib.util.spec_from_file_location("synthetic_build", ROOT / "benchmarks" / "synthetic_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.stories(shared, n)


def inputs(shared: Path, n: int, folder: Path) -> list[str]:
    """Paths to build: a JSON Lines feed of N synthetic stories, or the demo corpus."""
    if (shared / "data" / "ngec-synthetic").is_dir():
        feed = folder / "stories.jsonl"
        feed.write_text("".join(json.dumps(r) + "\n" for r in stories(shared, n)), encoding="utf-8")
        return [str(feed)]
    print("(../shared not found: timing the demo corpus instead)")
    with resources.as_file(resources.files("newsgraph") / "data" / "demo") as demo:
        return [str(demo)]


def timed_build(paths: list[str], db: Path, workers: int) -> tuple[float, float, int]:
    """(seconds, seconds spent writing, documents analysed) of one fresh build."""
    writing = [0.0]
    real = store_db.Store.write_documents

    def write_documents(self, docs, run_id):
        started = time.perf_counter()
        real(self, docs, run_id)
        writing[0] += time.perf_counter() - started

    store_db.Store.write_documents = write_documents
    try:
        started = time.perf_counter()
        summary = build(paths, db=str(db), workers=workers)
        return time.perf_counter() - started, writing[0], summary.counts["ok"]
    finally:
        store_db.Store.write_documents = real


def stage_times(paths: list[str]) -> dict[str, float]:
    items = [i for s in discover(paths) for i in s.items()]
    nlp, lexicon = load_model(), load_lexicon()
    started = time.perf_counter()
    res = load_resources()
    loads = {"actor dictionaries": time.perf_counter() - started}
    started = time.perf_counter()
    load_event_model()
    loads["event model"] = time.perf_counter() - started
    find_events("warm-up", nlp("Troops shelled the border town."), [], None, lexicon)
    find_interests("warm-up", nlp("The government wants a deal."), [], [], None)
    t = {}
    started = time.perf_counter()
    docs = [d for d in (clean(i) for i in items) if d.status == "ok"]
    t["clean"] = time.perf_counter() - started
    started = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs]))
    t["spaCy nlp.pipe"] = time.perf_counter() - started
    started = time.perf_counter()
    found = [find_mentions(d.doc_id, s, d.published, res) for d, s in zip(docs, parsed)]
    t["actors"] = time.perf_counter() - started
    started = time.perf_counter()
    for d, s, m in zip(docs, parsed, found):
        find_events(d.doc_id, s, m, d.published, lexicon)
    t["events"] = time.perf_counter() - started
    started = time.perf_counter()
    said = [find_claims(d.doc_id, s, m) for d, s, m in zip(docs, parsed, found)]
    t["claims"] = time.perf_counter() - started
    started = time.perf_counter()
    for d, s, m, c in zip(docs, parsed, found, said):
        find_interests(d.doc_id, s, m, c, d.published)
    t["interests"] = time.perf_counter() - started
    t["documents"] = len(docs)
    return t | {f"load {k}": v for k, v in loads.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=300, help="synthetic stories to build")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = inputs(args.shared, args.stories, Path(tmp))
        t = stage_times(paths)
        one, writing, n = timed_build(paths, Path(tmp) / "one.duckdb", workers=1)
        two, _, _ = timed_build(paths, Path(tmp) / "two.duckdb", workers=2)
    parse = t["spaCy nlp.pipe"]
    stages = sum(t[k] for k in ("clean", "spaCy nlp.pipe", "actors", "events", "claims", "interests"))
    print(f"documents              {n} analysed")
    for k in ("clean", "spaCy nlp.pipe", "actors", "events", "claims", "interests",
              "load actor dictionaries", "load event model"):
        print(f"{k:<24}{t[k]:7.2f} s")
    print(f"actor share             {t['actors'] / stages:.1%} of the stages (target <= 15%)")
    print(f"event coding / parse    {t['events'] / parse:.1%} (target <= 20%)")
    print(f"claims share            {t['claims'] / stages:.1%} of the stages (target < 10%)")
    print(f"interests added         {t['interests'] / (stages - t['interests']):.1%} (target <= 10%)")
    print(f"build, 1 worker         {one:7.2f} s  {n / one:.1f} documents/s")
    print(f"build, 2 workers        {two:7.2f} s  {n / two:.1f} documents/s")
    print(f"build / nlp.pipe        {one / parse:.2f} (one worker, whole job; target <= 1.4)")
    print(f"writing share           {writing / one:.1%} of the one-worker build (target <= 10%)")
    print(f"2 workers / 1 worker    {one / two:.2f}x documents/s (target >= 1.8)")


if __name__ == "__main__":
    main()
