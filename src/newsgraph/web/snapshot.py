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
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from newsgraph.store import Store, StoreError

CHECK_EVERY_SECONDS = 2.0
# Indexes for the server's look-ups, built on the copy so the stored schema stays as the build wrote it.
INDEXES = [
    "CREATE INDEX IF NOT EXISTS web_events_doc ON events (doc_id)",
    "CREATE INDEX IF NOT EXISTS web_mentions_doc ON mentions (doc_id)",
    "CREATE INDEX IF NOT EXISTS web_mentions_actor ON mentions (actor_id)",
    "CREATE INDEX IF NOT EXISTS web_claims_doc ON claims (doc_id)",
]


class Snapshot:
    """A read-only copy of a newsgraph database, refreshed when the original changes and is free."""

    def __init__(self, db: str | Path, check_every: float = CHECK_EVERY_SECONDS):
        self.db = Path(db)
        self.check_every = check_every
        self.folder = Path(tempfile.mkdtemp(prefix="newsgraph-serve-"))
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
        except StoreError:
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
            for statement in INDEXES:
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
        shutil.rmtree(self.folder, ignore_errors=True)
