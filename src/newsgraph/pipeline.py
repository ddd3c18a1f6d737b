"""The build: sources -> clean -> deduplicate -> store, committed batch by batch."""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from newsgraph.clean import clean
from newsgraph.ingest import DEFAULT_MAX_BYTES, discover
from newsgraph.records import Document, RawItem
from newsgraph.store import Store
from newsgraph.store.db import DEFAULT_DB
from newsgraph.store.dedup import Deduplicator

BATCH_SIZE = 50


@dataclass
class BuildSummary:
    db: str
    run_id: int
    counts: Counter = field(default_factory=Counter)
    documents: list[Document] = field(default_factory=list)  # what this run added, in order
    seconds: float = 0.0

    @property
    def skipped(self) -> list[Document]:
        return [d for d in self.documents if d.status == "skipped"]


def batched(items: Iterable[RawItem], size: int) -> Iterator[list[RawItem]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def mark_duplicate(doc: Document, dedup: Deduplicator) -> None:
    if doc.status != "ok":
        return
    original = dedup.original_of(doc.content_hash, doc.minhash)
    if original and original != doc.doc_id:
        doc.status, doc.duplicate_of = "duplicate", original
    else:
        dedup.add(doc.doc_id, doc.content_hash, doc.minhash)


def build(paths: Iterable[str], db: str = DEFAULT_DB, *, max_bytes: int = DEFAULT_MAX_BYTES,
          batch_size: int = BATCH_SIZE, workers: int = 1,
          on_item: Callable[[Document | None], None] | None = None) -> BuildSummary:
    """Read every input under `paths` into the database at `db`; inputs already stored are left alone.

    `on_item` is called once per input (with None for one already stored), e.g. to drive a progress bar.
    """
    paths = [str(p) for p in paths]
    started = time.perf_counter()
    with Store(db) as store:
        known = store.known_ids()
        dedup = store.deduplicator()
        run_id = store.start_run(paths)
        summary = BuildSummary(db=str(db), run_id=run_id)
        items = (item for source in discover(paths, max_bytes) for item in source.items())
        with executor(workers) as pool:
            for batch in batched(items, batch_size):
                fresh = unseen(batch, known, summary, on_item)
                docs = list(pool.map(clean, fresh)) if pool else [clean(i) for i in fresh]
                for doc in docs:
                    mark_duplicate(doc, dedup)
                store.write_documents(docs, run_id)
                for doc in docs:
                    summary.counts[doc.status] += 1
                    summary.documents.append(doc)
                    if on_item:
                        on_item(doc)
        store.finish_run(run_id, summary.counts)
    summary.seconds = time.perf_counter() - started
    return summary


def unseen(batch: list[RawItem], known: set[str], summary: BuildSummary,
           on_item: Callable[[Document | None], None] | None) -> list[RawItem]:
    fresh = []
    for item in batch:
        if item.doc_id in known:
            summary.counts["unchanged"] += 1
            if on_item:
                on_item(None)
            continue
        known.add(item.doc_id)
        fresh.append(item)
    return fresh


class _NoPool:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def executor(workers: int):
    return ProcessPoolExecutor(max_workers=workers) if workers > 1 else _NoPool()
