"""The build: sources -> clean -> deduplicate -> store, committed batch by batch."""
from __future__ import annotations

import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from newsgraph.actors import find_mentions
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

    @property
    def failed(self) -> list[Document]:
        return [d for d in self.documents if d.status == "failed"]


def batched(items: Iterable[RawItem], size: int) -> Iterator[list[RawItem]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def process(item: RawItem) -> Document:
    """Every per-document stage, in order: a pure function of one input.

    An exception in any stage fails this document only: it is returned with status `failed` and a
    reason naming the stage and the error, so one bad document never stops a batch.
    """
    stage, doc = Stage("clean"), None
    try:
        doc = clean(item)
        if doc.status == "ok":
            analyse(doc, stage)
        return doc
    except Exception as exc:  # noqa: BLE001 - any stage's bug must cost one document, not the run
        return failed(item, doc, stage.name, exc)


class Stage:
    """The name of the stage running now, so a failure can say where it happened."""

    def __init__(self, name: str):
        self.name = name


def analyse(doc: Document, stage: Stage | None = None) -> None:
    """Parse once; find the actors, then the events between them and who said what about them."""
    from newsgraph.claims import find_claims, link_events
    from newsgraph.events import find_events
    from newsgraph.nlp.long import parse

    stage = stage or Stage("")
    stage.name = "parse"
    sdoc = parse(doc.text)  # in paragraph-aligned pieces past the parser's length limit
    stage.name = "actors"
    doc.mentions = find_mentions(doc.doc_id, sdoc, doc.published)
    stage.name = "events"
    doc.events = find_events(doc.doc_id, sdoc, doc.mentions, doc.published)
    stage.name = "claims"
    doc.claims = find_claims(doc.doc_id, sdoc, doc.mentions)
    link_events(doc.events, doc.claims)


def failed(item: RawItem, doc: Document | None, stage: str, exc: Exception) -> Document:
    """The record of a document a stage could not process: its cleaned text (when cleaning got that far)
    is kept for inspection, nothing extracted from it is, and the reason says where and why."""
    where = traceback.extract_tb(exc.__traceback__)[-1]
    reason = f"{stage} failed: {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
    if doc is None:
        doc = Document.skipped(item, reason)
    doc.status, doc.reason = "failed", reason[:500]
    doc.mentions, doc.events, doc.claims = [], [], []
    return doc


def mark_duplicate(doc: Document, dedup: Deduplicator) -> None:
    if doc.status != "ok":
        return
    original = dedup.original_of(doc.content_hash, doc.minhash)
    if original and original != doc.doc_id:
        doc.status, doc.duplicate_of = "duplicate", original
        doc.mentions, doc.events, doc.claims = [], [], []  # a copy must not count its actors or events twice
    else:
        dedup.add(doc.doc_id, doc.content_hash, doc.minhash)


def build(paths: Iterable[str], db: str = DEFAULT_DB, *, max_bytes: int = DEFAULT_MAX_BYTES,
          batch_size: int = BATCH_SIZE, workers: int = 1, dask: str | None = None,
          on_item: Callable[[Document | None], None] | None = None) -> BuildSummary:
    """Read every input under `paths` into the database at `db`; inputs already stored are left alone.

    Cleaning runs in this process, in `workers` processes, or on a Dask cluster (`dask` = a scheduler
    address, or "local" for a LocalCluster on this machine). Deduplication and writing stay here, in order.
    `on_item` is called once per input (with None for one already stored), e.g. to drive a progress bar.
    """
    paths = [str(p) for p in paths]
    started = time.perf_counter()
    with Store(db) as store:
        known = store.known_ids()
        dedup = store.deduplicator()
        run_id = store.start_run(paths)
        summary = BuildSummary(db=str(db), run_id=run_id)
        items = (item for source in discover(paths, max_bytes, exclude=database_files(db))
                 for item in source.items())
        with executor(workers, dask) as mapper:
            for batch in batched(items, batch_size):
                fresh = unseen(batch, known, summary, on_item)
                docs = mapper(process, fresh)
                for doc in docs:
                    mark_duplicate(doc, dedup)
                store.write_documents(docs, run_id)
                for doc in docs:
                    summary.counts[doc.status] += 1
                    summary.documents.append(doc)
                    if on_item:
                        on_item(doc)
        store.refresh_actors()
        store.finish_run(run_id, summary.counts)
    summary.seconds = time.perf_counter() - started
    return summary


def database_files(db: str) -> list[str]:
    """The database and its write-ahead log: never input, even when they sit in the input folder."""
    return [str(db), f"{db}.wal"]


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


@contextmanager
def executor(workers: int = 1, dask: str | None = None):
    """A `map(function, items) -> list` running here, in a process pool, or on a Dask cluster."""
    if dask:
        with dask_client(dask, workers) as client:
            yield lambda fn, items: client.gather(client.map(fn, items, pure=False)) if items else []
    elif workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield lambda fn, items: list(pool.map(fn, items))
    else:
        yield lambda fn, items: [fn(i) for i in items]


@contextmanager
def dask_client(address: str, workers: int):
    from dask.distributed import Client, LocalCluster

    if address == "local":
        with LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client
