"""The server's view of the database: a private copy, so a build can write the original beside it.

DuckDB lets one process write a file or any number read it, never both: a read-only connection held by the
server would stop `newsgraph build`, and a build in progress stops the server from opening the file. So the
server copies the database while it holds a read-only connection for a moment (no writer can start in
between), then serves the copy. When the original changes and no build holds it, the next request takes a
fresh copy; while a build runs, the last copy is served and `stale` says so.
"""
from __future__ import annotations

import shutil
import tempfile
import threading
import time
import weakref
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from newsgraph.store import Store, StoreError

CHECK_EVERY_SECONDS = 2.0
# Word characters for the search index; queries are split the same way (queries.words).
WORD_SPLIT = r"[^\pL\pN]+"
# Tables built on the private copy (never in the user's database): events and claims with their document's and
# actors' names, numbered in display order (`pos`) and stored in that order, so a page is a scan of one table
# sorted by one integer; a word index for search, sorted by word; the events again, pair by pair.
PREPARE = [
    """CREATE TABLE web_events AS
       SELECT row_number() OVER (ORDER BY e.date NULLS LAST, e.doc_id, e.start, e.event_id) AS pos, e.*,
              d.title AS doc_title, d.publisher AS doc_publisher, d.published AS doc_published,
              d.source AS doc_source, d.url AS doc_url, sa.name AS source_name, ta.name AS target_name,
              lower(json_extract_string(e.location, '$.name')) AS place_key,
              json_extract_string(e.location, '$.country') AS place_country,
              split_part(e.source, '.', 1) AS source_root, split_part(e.target, '.', 1) AS target_root,
              left(e.source_code, 3) AS source_country, left(e.target_code, 3) AS target_country
       FROM events e JOIN documents d ON d.doc_id = e.doc_id AND d.status = 'ok'
       LEFT JOIN actors sa ON sa.actor_id = e.source LEFT JOIN actors ta ON ta.actor_id = e.target
       ORDER BY pos""",
    """CREATE TABLE web_claims AS
       SELECT row_number() OVER (ORDER BY d.seq, c.start, c.claim_id) AS pos, c.*, sa.name AS speaker_name,
              d.title AS doc_title, d.publisher AS doc_publisher, d.published AS doc_published,
              d.source AS doc_source, d.url AS doc_url
       FROM claims c JOIN documents d ON d.doc_id = c.doc_id AND d.status = 'ok'
       LEFT JOIN actors sa ON sa.actor_id = c.speaker_actor
       ORDER BY pos""",
    f"""CREATE TABLE web_words AS
        SELECT DISTINCT word, kind, pos FROM (
            SELECT unnest(string_split_regex(lower(evidence), '{WORD_SPLIT}')) AS word, 'event' AS kind, pos
            FROM web_events WHERE repeat_of IS NULL
            UNION ALL SELECT unnest(string_split_regex(lower(coalesce(speaker, '') || ' ' || content),
                                                       '{WORD_SPLIT}')), 'claim', pos FROM web_claims
            UNION ALL SELECT unnest(string_split_regex(lower(coalesce(title, '') || ' ' || coalesce(text, '')),
                                                       '{WORD_SPLIT}')), 'document', seq FROM documents
                      WHERE status = 'ok')
        WHERE word <> '' ORDER BY word, kind, pos""",
    # The columns a dyad needs, stored pair by pair, so one pair's events are read together.
    """CREATE TABLE web_pairs AS
       SELECT pos, event_id, doc_id, evidence, start, "end", date, status, source, target, type, quad, intensity,
              source_code, target_code, location, repeat_of, doc_publisher, doc_title, source_root, target_root,
              source_country, target_country
       FROM web_events ORDER BY least(coalesce(source_country, source_root), coalesce(target_country, target_root)),
                                greatest(coalesce(source_country, source_root), coalesce(target_country, target_root))""",
    "CREATE INDEX web_events_id ON web_events (event_id)",
    "CREATE INDEX web_events_doc ON web_events (doc_id)",
    "CREATE INDEX web_claims_doc ON web_claims (doc_id)",
    "CREATE INDEX web_mentions_doc ON mentions (doc_id)",
]


class Snapshot:
    """A read-only copy of a newsgraph database, refreshed when the original changes and is free."""

    def __init__(self, db: str | Path, check_every: float = CHECK_EVERY_SECONDS):
        self.db = Path(db)
        self.check_every = check_every
        self.folder = Path(tempfile.mkdtemp(prefix="newsgraph-serve-"))
        weakref.finalize(self, shutil.rmtree, self.folder, True)  # the copies go when the server does
        self.version = 0
        self.stale = False
        self.taken_at = ""
        self.path: Path | None = None
        self.con: duckdb.DuckDBPyConnection | None = None
        self._retired: list[tuple[duckdb.DuckDBPyConnection, Path]] = []
        self._stamp = None
        self._checked = time.monotonic()
        self._lock = threading.Lock()
        self._take()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor on the newest copy; checks the original at most every few seconds."""
        if time.monotonic() - self._checked > self.check_every:
            with self._lock:
                self._checked = time.monotonic()
                if self._file_stamp() != self._stamp:
                    self._try_take()
        return self.con.cursor()

    def _try_take(self) -> None:
        try:
            self._take()
        except (StoreError, duckdb.Error):
            self.stale = True  # a build holds the file: keep serving the last copy

    def _file_stamp(self):
        wal = self.db.with_name(self.db.name + ".wal")
        stats = [p.stat() for p in (self.db, wal) if p.exists()]
        return tuple((s.st_mtime_ns, s.st_size) for s in stats)

    def _take(self) -> None:
        target = self.folder / f"snapshot-{self.version + 1}.duckdb"
        with Store(self.db, read_only=True):  # checks the schema and holds off writers while we copy
            stamp = self._file_stamp()
            shutil.copyfile(self.db, target)
            wal = self.db.with_name(self.db.name + ".wal")
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + ".wal"))
        with duckdb.connect(str(target)) as con:
            con.execute("SET enable_progress_bar = false")
            for statement in PREPARE:
                con.execute(statement)
            con.execute("CHECKPOINT")
        new = duckdb.connect(str(target), read_only=True)
        if self.con is not None:
            self._retired.append((self.con, self.path))
        self.con, self.path, self._stamp = new, target, stamp
        self.version += 1
        self.stale = False
        self.taken_at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self._close_retired(keep=1)  # a request may still read the previous copy

    def _close_retired(self, keep: int) -> None:
        while len(self._retired) > keep:
            con, path = self._retired.pop(0)
            con.close()
            for p in (path, path.with_name(path.name + ".wal")):
                p.unlink(missing_ok=True)

    def close(self) -> None:
        self._close_retired(keep=0)
        if self.con is not None:
            self.con.close()
            self.con = None
        shutil.rmtree(self.folder, ignore_errors=True)
