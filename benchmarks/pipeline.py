"""Where pipeline time goes: cleaning, spaCy parsing, actor resolution and event coding, on the demo corpus.

    python benchmarks/pipeline.py [--repeat 5]

Prints seconds per stage, documents/s, actor resolution's share of the whole (target: at most 15%), and the
ratio of the full pipeline to spaCy's nlp.pipe alone on the same texts (target: at most 1.3).
"""
from __future__ import annotations

import argparse
import time
from importlib import resources

from newsgraph.actors import find_mentions, load_resources
from newsgraph.clean import clean
from newsgraph.events import find_events, load_lexicon
from newsgraph.ingest import discover
from newsgraph.nlp import load_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the demo corpus")
    args = parser.parse_args()
    with resources.as_file(resources.files("newsgraph") / "data" / "demo") as folder:
        items = [i for s in discover([str(folder)]) for i in s.items()] * args.repeat
    nlp, res, lexicon = load_model(), load_resources(), load_lexicon()
    find_events("warm-up", nlp("Pakistan closed the crossing in Khost."), [], None, lexicon)  # load the place data

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

    total = t_clean + t_parse + t_actors + t_events
    print(f"documents            {len(docs)} ({sum(map(len, found))} actor mentions, {events} events)")
    print(f"clean                {t_clean:6.2f} s")
    print(f"spaCy nlp.pipe       {t_parse:6.2f} s")
    print(f"actor resolution     {t_actors:6.2f} s")
    print(f"event coding         {t_events:6.2f} s")
    print(f"documents/s          {len(docs) / total:.1f} (one process; 'newsgraph build --workers 2' uses both cores)")
    print(f"actor share          {t_actors / total:.1%} of pipeline time (target <= 15%)")
    print(f"pipeline / nlp.pipe  {total / t_parse:.2f}")


if __name__ == "__main__":
    main()
