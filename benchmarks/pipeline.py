"""Where pipeline time goes: cleaning, spaCy parsing, actor resolution, event coding and claims, on the demo
corpus.

    python benchmarks/pipeline.py [--repeat 5]

Prints seconds per stage, documents/s, actor resolution's share of the whole (target: at most 15%), and the
ratio of the full pipeline to spaCy's nlp.pipe alone on the same texts (target: at most 1.3).
"""
from __future__ import annotations

import argparse
import time
from concurrent.futures import ProcessPoolExecutor
from importlib import resources

from newsgraph.actors import find_mentions, load_resources
from newsgraph.claims import find_claims
from newsgraph.clean import clean
from newsgraph.events import find_events, load_lexicon
from newsgraph.events.model import load_event_model
from newsgraph.ingest import discover
from newsgraph.nlp import load_model
from newsgraph.pipeline import process
from newsgraph.records import RawItem


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the demo corpus")
    args = parser.parse_args()
    with resources.as_file(resources.files("newsgraph") / "data" / "demo") as folder:
        items = [i for s in discover([str(folder)]) for i in s.items()] * args.repeat
    nlp, res, lexicon = load_model(), load_resources(), load_lexicon()
    # One-time loads (models, gazetteers, the language identifier) are outside the timings, as the spaCy
    # model's is: a long run pays them once.
    find_events("warm-up", nlp("Pakistan closed the crossing in Khost."), [], None, lexicon)
    load_event_model()
    clean(items[0])

    started = time.perf_counter()
    docs = [d for d in (clean(i) for i in items) if d.status == "ok"]
    t_clean = time.perf_counter() - started

    started = time.perf_counter()
    parsed = list(nlp.pipe([d.text for d in docs]))
    t_parse = time.perf_counter() - started

    started = time.perf_counter()
    found = [find_mentions(d.doc_id, s, d.published, res) for d, s in zip(docs, parsed)]
    t_actors = time.perf_counter() - started

    started = time.perf_counter()
    events = sum(len(find_events(d.doc_id, s, m, d.published, lexicon)) for d, s, m in zip(docs, parsed, found))
    t_events = time.perf_counter() - started

    started = time.perf_counter()
    claims = sum(len(find_claims(d.doc_id, s, m)) for d, s, m in zip(docs, parsed, found))
    t_claims = time.perf_counter() - started

    total = t_clean + t_parse + t_actors + t_events + t_claims
    print(f"documents            {len(docs)} ({sum(map(len, found))} actor mentions, {events} events, "
          f"{claims} claims)")
    print(f"clean                {t_clean:6.2f} s")
    print(f"spaCy nlp.pipe       {t_parse:6.2f} s")
    print(f"actor resolution     {t_actors:6.2f} s")
    print(f"event coding         {t_events:6.2f} s")
    print(f"claims               {t_claims:6.2f} s")
    print(f"documents/s          {len(docs) / total:.1f} (one process; 'newsgraph build --workers 2' uses both cores)")
    print(f"actor share          {t_actors / total:.1%} of pipeline time (target <= 15%)")
    print(f"pipeline / nlp.pipe  {total / t_parse:.2f} (target <= 1.3)")
    print(f"documents/s, 2 cores {two_cores(items):.1f} (whole pipeline per document, two worker processes)")


def warm_up() -> None:
    process(RawItem(source="warm-up.txt", identity="warm-up.txt", kind="text",
                    data=b"Pakistan closed the Torkham crossing on Monday, officials in Islamabad said.\n"))


def pause(_) -> None:
    time.sleep(1.0)


def two_cores(items) -> float:
    """Documents/s through newsgraph.pipeline.process in two processes, each warmed up first."""
    with ProcessPoolExecutor(max_workers=2, initializer=warm_up) as pool:
        list(pool.map(pause, range(2)))  # both workers started and loaded before the clock starts
        started = time.perf_counter()
        done = sum(d.status == "ok" for d in pool.map(process, items, chunksize=2))
        return done / (time.perf_counter() - started)


if __name__ == "__main__":
    main()
