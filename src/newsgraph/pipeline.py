"""The build: sources -> clean -> deduplicate -> analyse (parse, actors, events, claims) -> store, streamed
and committed batch by batch."""
from __future__ import annotations

import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path

from newsgraph.actors import find_mentions
from newsgraph.clean import clean
from newsgraph.ingest import DEFAULT_MAX_BYTES, discover
from newsgraph.records import Document, RawItem
from newsgraph.store import Store, StoreError, shards
from newsgraph.store.db import DEFAULT_DB
from newsgraph.store.dedup import Deduplicator

BATCH_SIZE = 50
PARSE_BATCH = 8  # documents a worker parses together: spaCy is faster per document in small batches
TASKS_IN_FLIGHT = 2  # per worker (a task: PARSE_BATCH documents, or a shards partition): one being analysed,
# one waiting, so no worker idles while this process writes


@dataclass(frozen=True, slots=True)  # slots: no per-instance dict, one of these is kept per input
class Outcome:
    """What a build remembers of one input: ids, status and headline metadata, never its text or what was
    extracted from it (those are in the database), so a build's memory does not grow with its documents."""

    doc_id: str
    source: str
    record_id: str | None
    status: str
    reason: str | None
    duplicate_of: str | None
    title: str | None
    publisher: str | None
    authors: tuple[str, ...]
    published: str | None
    language: str | None
    format: str | None
    url: str | None
    events: int
    claims: int

    @classmethod
    def of(cls, doc: Document) -> "Outcome":
        return cls(doc.doc_id, doc.source, doc.record_id, doc.status, doc.reason, doc.duplicate_of, doc.title,
                   doc.publisher, tuple(doc.authors), doc.published, doc.language, doc.format, doc.url,
                   len(doc.events), len(doc.claims))


OUTCOME_FIELDS = [f.name for f in fields(Outcome)]


@dataclass
class BuildSummary:
    db: str
    run_id: int
    counts: Counter = field(default_factory=Counter)
    documents: list[Outcome] = field(default_factory=list)  # what this run added, in input order
    seconds: float = 0.0

    @property
    def skipped(self) -> list[Outcome]:
        return [d for d in self.documents if d.status == "skipped"]

    @property
    def failed(self) -> list[Outcome]:
        return [d for d in self.documents if d.status == "failed"]


def process(item: RawItem) -> Document:
    """Every per-document stage, in order, for one input on its own (no duplicate check)."""
    doc = prepare(item)
    return analyse_document(doc) if doc.status == "ok" else doc


def prepare(item: RawItem) -> Document:
    """The cheap stage: decode, extract, clean, identify the language, fingerprint. Runs in the building
    process, before the duplicate check, so a copy is never parsed."""
    try:
        return clean(item)
    except Exception as exc:  # noqa: BLE001 - a cleaner bug must cost one document, not the run
        return failed(item, None, "clean", exc)


def analyse_documents(docs: list[Document]) -> list[Document]:
    """What a worker runs for a few documents in input order: the clean originals parsed together, then each
    one's stages on its own (`analyse_document`); the others pass through."""
    from newsgraph.nlp.long import parse_many

    originals = [d for d in docs if d.status == "ok"]
    try:
        parsed = parse_many([d.text for d in originals])
    except Exception:  # noqa: BLE001 - parsed one by one instead, so the failure is that document's alone
        parsed = [None] * len(originals)
    done = {id(d): analyse_document(d, sdoc) for d, sdoc in zip(originals, parsed)}
    return [done.get(id(d), d) for d in docs]


def analyse_document(doc: Document, sdoc=None) -> Document:
    """The costly stages (parse unless `sdoc` is the parse already, actors, events, claims) for one clean
    document.

    An exception in any stage fails this document only: it comes back with status `failed` and a reason
    naming the stage and the error, so one bad document never stops a batch.
    """
    stage = Stage("parse")
    try:
        analyse(doc, stage, sdoc)
    except Exception as exc:  # noqa: BLE001 - any stage's bug must cost one document, not the run
        return failed(None, doc, stage.name, exc)
    return doc


class Stage:
    """The name of the stage running now, so a failure can say where it happened."""

    def __init__(self, name: str):
        self.name = name


def analyse(doc: Document, stage: Stage | None = None, sdoc=None) -> None:
    """Parse once; find the actors, then the events between them and who said what about them."""
    from newsgraph.claims import find_claims, link_events
    from newsgraph.events import find_events
    from newsgraph.interests import find_interests
    from newsgraph.nlp.long import parse

    stage = stage or Stage("")
    stage.name = "parse"
    if sdoc is None:
        sdoc = parse(doc.text)  # in paragraph-aligned pieces past the parser's length limit
    stage.name = "actors"
    doc.mentions = find_mentions(doc.doc_id, sdoc, doc.published)
    stage.name = "events"
    doc.events = find_events(doc.doc_id, sdoc, doc.mentions, doc.published)
    stage.name = "claims"
    doc.claims = find_claims(doc.doc_id, sdoc, doc.mentions)
    link_events(doc.events, doc.claims)
    stage.name = "interests"
    doc.interests = find_interests(doc.doc_id, sdoc, doc.mentions, doc.claims, doc.published)


def failed(item: RawItem, doc: Document | None, stage: str, exc: Exception) -> Document:
    """The record of a document a stage could not process: its cleaned text (when cleaning got that far)
    is kept for inspection, nothing extracted from it is, and the reason says where and why."""
    where = traceback.extract_tb(exc.__traceback__)[-1]
    reason = f"{stage} failed: {type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
    if doc is None:
        doc = Document.skipped(item, reason)
    doc.status, doc.reason = "failed", reason[:500]
    doc.mentions, doc.events, doc.claims, doc.interests = [], [], [], []
    return doc


def mark_duplicate(doc: Document, dedup: Deduplicator) -> None:
    if doc.status != "ok":
        return
    original = dedup.original_of(doc.content_hash, doc.minhash)
    if original and original != doc.doc_id:
        doc.status, doc.duplicate_of = "duplicate", original
        doc.mentions, doc.events, doc.claims, doc.interests = [], [], [], []  # a copy must not count anything twice
    else:
        dedup.add(doc.doc_id, doc.content_hash, doc.minhash)


def build(paths: Iterable[str], db: str = DEFAULT_DB, *, max_bytes: int = DEFAULT_MAX_BYTES,
          batch_size: int = BATCH_SIZE, workers: int = 1, dask: str | None = None, shards: str | None = None,
          on_item: Callable[[Document | Outcome | None], None] | None = None) -> BuildSummary:
    """Read every input under `paths` into the database at `db`; inputs already stored are left alone.

    A stream: each input is cleaned and checked for duplicates here, in input order (cheap; a copy is never
    parsed); clean originals go to the analysers (this process, `workers` processes, or a Dask cluster:
    `dask` = a scheduler address, or "local" for a LocalCluster on this machine) PARSE_BATCH at a time, at
    most TASKS_IN_FLIGHT such tasks per worker; results are written here in input order, `batch_size` per commit, while the workers
    go on parsing. `on_item` is called once per input (with None for one already stored).

    With `shards` (a folder every Dask worker and this process can reach) a task is a partition of
    `batch_size` inputs: the worker analyses it and writes its rows as Parquet shards there, and this
    process loads finished shards in input order (see `build_from_shards`).
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
        docs = new_documents(items, known, dedup, summary, on_item)
        if shards:
            build_from_shards(docs, store, run_id, Path(shards), batch_size, workers, dask, summary, on_item)
        else:
            stream(docs, Writer(store, run_id, batch_size, summary, on_item), workers, dask)
        store.refresh_actors()
        store.finish_run(run_id, summary.counts)
    summary.seconds = time.perf_counter() - started
    return summary


def new_documents(items: Iterable[RawItem], known: set[str], dedup: Deduplicator, summary: BuildSummary,
                  on_item: Callable | None) -> Iterator[Document]:
    """Each input not stored yet, cleaned and checked for duplicates, in input order."""
    for item in items:
        if item.doc_id in known:
            summary.counts["unchanged"] += 1
            if on_item:
                on_item(None)
            continue
        known.add(item.doc_id)
        doc = prepare(item)
        mark_duplicate(doc, dedup)
        yield doc


def stream(docs: Iterable[Document], writer: "Writer", workers: int, dask: str | None) -> None:
    """Analyse originals as they come, at most `capacity` in flight, and write results in input order."""
    with executor(workers, dask, per_worker=TASKS_IN_FLIGHT) as (submit, capacity):
        tasks = (submit(analyse_documents, part) for part in batched(docs, PARSE_BATCH))
        for part in in_order(tasks, capacity):
            for doc in part:
                writer.add(doc)
        writer.flush()


def in_order(tasks: Iterable[Future], capacity: int) -> Iterator:
    """The results of `tasks` in submission order, as soon as the oldest is done; at most `capacity` are
    in flight beyond it (`tasks` is drawn lazily, so submitting waits too)."""
    pending: deque = deque()
    for task in tasks:
        pending.append(task)
        while pending and (len(pending) > capacity or pending[0].done()):
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def build_from_shards(docs: Iterable[Document], store: Store, run_id: int, folder: Path, batch_size: int,
                      workers: int, dask: str | None, summary: BuildSummary, on_item: Callable | None) -> None:
    """Partitions of `batch_size` inputs go to the workers, at most TASKS_IN_FLIGHT per worker; each
    task writes its partition's shards, and finished partitions are loaded here in input order, one
    transaction each. A partition whose shards a killed run already finished is loaded, not analysed again.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with executor(workers, dask, per_worker=TASKS_IN_FLIGHT) as (submit, capacity):
        def task(part: list[Document]) -> Future:
            pid = shards.partition_id(part)
            done = shards.complete(folder, pid)
            return finished(pid) if done else submit(analyse_partition, part, str(folder), pid)

        for pid in in_order((task(part) for part in batched(docs, batch_size)), capacity):
            load_partition(store, folder, pid, run_id, summary, on_item)


def load_partition(store: Store, folder: Path, pid: str, run_id: int, summary: BuildSummary,
                   on_item: Callable | None) -> None:
    """Commit one finished partition, count its documents, then delete its shards."""
    if not shards.complete(folder, pid):
        raise ShardsNotShared(f"a worker wrote its shards into {folder} but this machine does not see them: "
                              "--shards must be a folder every worker and this machine share")
    shards.load(store, folder, pid, run_id)
    for row in shards.outcomes(store, folder, pid, OUTCOME_FIELDS):
        outcome = Outcome(**row | {"authors": tuple(row["authors"] or ())})
        summary.counts[outcome.status] += 1
        summary.documents.append(outcome)
        if on_item:
            on_item(outcome)
    shards.remove(folder, pid)


class ShardsNotShared(StoreError):
    """The shards folder is not the same folder for the workers and the building process."""


def analyse_partition(docs: list[Document], folder: str, pid: str) -> str:
    """What a worker runs for one partition: analyse its originals, write its shards; returns its id."""
    shards.write(folder, pid, [d for part in batched(docs, PARSE_BATCH) for d in analyse_documents(part)])
    return pid


def batched(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    part: list[Document] = []
    for doc in docs:
        part.append(doc)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


class Writer:
    """Commits finished documents in input order, one transaction per `batch_size`, and keeps the summary."""

    def __init__(self, store: Store, run_id: int, batch_size: int, summary: BuildSummary,
                 on_item: Callable[[Document | None], None] | None):
        self.store, self.run_id, self.batch_size = store, run_id, batch_size
        self.summary, self.on_item, self.batch = summary, on_item, []

    def add(self, doc: Document) -> None:
        self.batch.append(doc)
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        self.store.write_documents(self.batch, self.run_id)
        for doc in self.batch:
            self.summary.counts[doc.status] += 1
            self.summary.documents.append(Outcome.of(doc))
            if self.on_item:
                self.on_item(doc)
        self.batch = []


def finished(result) -> Future:
    """A result already at hand (a document that needs no analysis, a partition already written), as a
    future that is done."""
    future: Future = Future()
    future.set_result(result)
    return future


def database_files(db: str) -> list[str]:
    """The database and its write-ahead log: never input, even when they sit in the input folder."""
    return [str(db), f"{db}.wal"]


@contextmanager
def executor(workers: int = 1, dask: str | None = None, per_worker: int = TASKS_IN_FLIGHT):
    """(submit, capacity): `submit(fn, *args)` returns a future running here, in a process pool, or on a
    Dask cluster; `capacity` (`per_worker` tasks per worker) is how many may be in flight before the caller
    waits for the oldest."""
    if dask:
        with dask_client(dask, workers) as client:
            slots = max(1, sum(client.nthreads().values()))
            yield (lambda fn, *args: client.submit(fn, *args, pure=False)), per_worker * slots
    elif workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield pool.submit, per_worker * workers
    else:
        yield (lambda fn, *args: finished(fn(*args))), 0


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
