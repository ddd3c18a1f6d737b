"""Every synthetic PLOVER story through `build`, as a user would run it: fails if any document fails.

    python benchmarks/synthetic_build.py [--limit N] [--workers 2] [--shared ../shared]

The 4,500 stories of ../shared/data/ngec-synthetic (synthetic news from many countries, written to show one
PLOVER event type each) are written as one JSON Lines feed in a temporary folder and built into a fresh
database. Prints the counts, documents/s, and every failed document with its stage and reason; exits 1 if
any document failed, so no story can crash a stage unnoticed.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def stories(shared: Path, limit: int | None) -> list[dict]:
    """The synthetic stories as JSON Lines records (id = row number, the title with its prompt filled in)."""
    archive = next((shared / "data" / "ngec-synthetic").glob("*.zip"))
    with zipfile.ZipFile(archive) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8")))
    records = [{"id": str(i), "title": row["prompt"].split("\n")[0], "text": row["text"]}
               for i, row in enumerate(rows)]
    return records[:limit] if limit else records


def main() -> int:
    from newsgraph.pipeline import build

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, help="only the first N stories")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    records = stories(args.shared, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "synthetic.jsonl"
        feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        summary = build([str(feed)], db=str(Path(tmp) / "synthetic.duckdb"), workers=args.workers)
    counts = dict(summary.counts)
    print(f"{len(records)} stories in {summary.seconds:.1f}s ({len(records) / summary.seconds:.1f} documents/s, "
          f"{args.workers} workers): {counts}")
    for doc in summary.failed:
        print(f"  failed [{doc.record_id}] {doc.reason}")
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
