"""The DuckDB store. One file, versioned schema, documents keyed by a hash of their input."""
from __future__ import annotations

import dataclasses
import functools
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from newsgraph.records import Document
from newsgraph.store.dedup import Deduplicator

SCHEMA_VERSION = 6  # 5: mentions and actors record their layer (base, curated, text); 6: the interests table
DEFAULT_DB = "newsgraph.duckdb"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE SEQUENCE IF NOT EXISTS doc_order;
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    record_id VARCHAR,
    status VARCHAR NOT NULL,
    reason VARCHAR,
    duplicate_of VARCHAR,
    title VARCHAR,
    publisher VARCHAR,
    authors VARCHAR[],
    published VARCHAR,
    language VARCHAR,
    text VARCHAR,
    url VARCHAR,
    format VARCHAR,
    content_hash VARCHAR,
    minhash BLOB,
    run_id INTEGER,
    ingested_at TIMESTAMP,
    seq BIGINT DEFAULT nextval('doc_order')
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    surface VARCHAR,
    actor_id VARCHAR NOT NULL,
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    "group" VARCHAR,
    code VARCHAR,
    role_date VARCHAR,
    confidence DOUBLE,
    layer VARCHAR,
    PRIMARY KEY (doc_id, start_char, end_char, actor_id)
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    evidence VARCHAR,
    start INTEGER,
    "end" INTEGER,
    source VARCHAR,
    target VARCHAR,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    context VARCHAR[],
    quad VARCHAR,
    intensity DOUBLE,
    status VARCHAR,
    date VARCHAR,
    location VARCHAR,
    confidence DOUBLE,
    source_code VARCHAR,
    target_code VARCHAR,
    trigger VARCHAR,
    trigger_start INTEGER,
    trigger_end INTEGER,
    date_precision VARCHAR,
    repeat_of VARCHAR,
    claim_id VARCHAR,
    notes VARCHAR[]
);
CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    speaker VARCHAR,
    speaker_actor VARCHAR,
    cue VARCHAR,
    content VARCHAR,
    start INTEGER,
    "end" INTEGER,
    direct BOOLEAN,
    about VARCHAR[],
    cue_start INTEGER,
    cue_end INTEGER,
    speaker_start INTEGER,
    speaker_end INTEGER,
    confidence DOUBLE,
    notes VARCHAR[]
);
CREATE TABLE IF NOT EXISTS interests (
    interest_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    wants VARCHAR,
    object VARCHAR,
    stance VARCHAR,
    evidence VARCHAR,
    start INTEGER,
    "end" INTEGER,
    attributed_to VARCHAR,
    status VARCHAR,
    date VARCHAR,
    sources INTEGER,
    actor_country VARCHAR,
    object_country VARCHAR,
    cue VARCHAR,
    cue_start INTEGER,
    cue_end INTEGER,
    claim_id VARCHAR,
    confidence DOUBLE,
    notes VARCHAR[]
);
CREATE TABLE IF NOT EXISTS actors (
    actor_id VARCHAR PRIMARY KEY,
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    sector VARCHAR,
    "group" VARCHAR,
    code VARCHAR,
    aliases VARCHAR[],
    mentions INTEGER,
    roles VARCHAR,
    layer VARCHAR
);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    inputs VARCHAR[],
    added INTEGER,
    skipped INTEGER,
    duplicates INTEGER,
    unchanged INTEGER
);
ALTER TABLE runs ADD COLUMN IF NOT EXISTS failed INTEGER;
"""

DOC_COLUMNS = ["doc_id", "source", "record_id", "status", "reason", "duplicate_of", "title", "publisher", "authors",
               "published", "language", "text", "url", "format", "content_hash", "minhash"]


class StoreError(RuntimeError):
    """The database cannot be used; the message says why and what to do."""


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"no database at {self.path}: run 'newsgraph build PATH... --db {self.path}' first")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreError(f"{self.path} is in use by another newsgraph process") from None
            raise StoreError(f"{self.path} is not a newsgraph database ({message.splitlines()[0]})") from None
        if not read_only:
            self._create()
        self._check_version()
        self._types: dict[str, dict[str, str]] = {}

    def _create(self) -> None:
        self.con.execute(SCHEMA)
        self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            raise StoreError(f"{self.path} is a DuckDB file but not a newsgraph database") from None
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise StoreError(f"{self.path} has schema version {found}; this newsgraph reads version "
                             f"{SCHEMA_VERSION}: rebuild it into a new file with 'newsgraph build'")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- runs ---------------------------------------------------------------------------------

    def start_run(self, inputs: list[str]) -> int:
        run_id = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()[0]
        self.con.execute("INSERT INTO runs (run_id, started_at, inputs) VALUES (?, ?, ?)",
                         [run_id, now(), inputs])
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        self.con.execute("UPDATE runs SET finished_at = ?, added = ?, skipped = ?, duplicates = ?, unchanged = ?, "
                         "failed = ? WHERE run_id = ?",
                         [now(), counts.get("ok", 0), counts.get("skipped", 0), counts.get("duplicate", 0),
                          counts.get("unchanged", 0), counts.get("failed", 0), run_id])

    # --- documents ----------------------------------------------------------------------------

    def known_ids(self) -> set[str]:
        """Inputs already stored. A document that failed is not among them: the next build retries it
        (the failure may have been a bug fixed since) and replaces its record."""
        return {row[0] for row in self.con.execute("SELECT doc_id FROM documents WHERE status <> 'failed'").fetchall()}

    def deduplicator(self) -> Deduplicator:
        dedup = Deduplicator()
        rows = self.con.execute("SELECT doc_id, content_hash, minhash FROM documents WHERE status = 'ok' "
                                "ORDER BY seq").fetchall()
        for doc_id, content_hash, sig in rows:
            dedup.add(doc_id, content_hash, sig)
        return dedup

    def write_documents(self, docs: Iterable[Document], run_id: int) -> None:
        """All documents of one batch in one transaction: a killed run loses at most this batch. Each table
        gets one bulk insert of an Arrow table, not a statement per row."""
        docs = list(docs)
        if not docs:
            return
        stamp = now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM documents WHERE status = 'failed' AND doc_id IN (SELECT unnest(?))",
                             [[d.doc_id for d in docs]])
            for table, (columns, rows) in table_rows(docs).items():
                if table == "documents":
                    columns, rows = columns + ["run_id", "ingested_at"], [row + [run_id, stamp] for row in rows]
                self.insert(table, columns, rows)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def insert(self, table: str, columns: list[str], rows: list[list]) -> None:
        """INSERT OR IGNORE `rows` (values in `columns` order) into `table` as one Arrow table, typed from
        the table's own schema so empty lists and all-null columns keep their types."""
        if not rows:
            return
        self.con.register("incoming", arrow_table(columns, rows, self.column_types(table)))
        try:
            names = ", ".join(f'"{c}"' for c in columns)
            self.con.execute(f"INSERT OR IGNORE INTO {table} ({names}) SELECT {names} FROM incoming")
        finally:
            self.con.unregister("incoming")

    def column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            rows = self.con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                    "WHERE table_name = ?", [table]).fetchall()
            self._types[table] = dict(rows)
        return self._types[table]

    def refresh_actors(self) -> None:
        """Rebuild the actors table from all stored mentions: one row per resolved actor."""
        from newsgraph.actors.merge import actor_rows

        mentions = self.con.execute("SELECT m.* FROM mentions m JOIN documents d USING (doc_id) "
                                    "WHERE d.status = 'ok' ORDER BY d.seq, m.start_char").df().pipe(plain)
        rows = actor_rows(mentions)
        width = self.con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'actors'"
                                 ).fetchone()[0]
        # columns after the ten named here (added by later schemas) stay empty for an actor known by id only
        rows += [row + [None] * (width - len(row)) for row in
                 referenced_actor_rows(self.referenced_actor_ids() - {row[0] for row in rows})]
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute("DELETE FROM actors")
        if rows:
            self.con.executemany(f"INSERT INTO actors VALUES ({', '.join('?' * 11)})", rows)
        self.con.execute("COMMIT")

    def referenced_actor_ids(self) -> set[str]:
        """Every actor id that an event or claim of a stored document names (an events coder may name a
        state or a state's sector, 'NGA' or 'HKG.CVL', that no mention in the text resolved to)."""
        ids = set()
        for table, column in ACTOR_REFERENCES:
            if not self.table_exists(table):
                continue
            values = f"unnest(t.{column})" if column in LIST_COLUMNS else f"t.{column}"
            ids |= {v for (v,) in self.con.execute(
                f"SELECT DISTINCT {values} FROM {table} t JOIN documents d USING (doc_id) "
                f"WHERE d.status = 'ok'").fetchall() if v}
        return ids

    def table_exists(self, name: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                                     [name]).fetchone()[0])

    def mentions(self) -> pd.DataFrame:
        return self.con.execute("SELECT m.* FROM mentions m JOIN documents d USING (doc_id) "
                                "WHERE d.status = 'ok' ORDER BY d.seq, m.start_char").df().pipe(plain)

    def events(self) -> pd.DataFrame:
        return self.con.execute("SELECT e.* FROM events e JOIN documents d USING (doc_id) "
                                "WHERE d.status = 'ok' ORDER BY d.seq, e.start, e.trigger_start").df().pipe(plain)

    def claims(self) -> pd.DataFrame:
        return self.con.execute("SELECT c.* FROM claims c JOIN documents d USING (doc_id) "
                                "WHERE d.status = 'ok' ORDER BY d.seq, c.start").df().pipe(plain)

    def interests(self) -> pd.DataFrame:
        """One row per aim per clause; newsgraph.interests.merge folds the same aim across documents."""
        return self.con.execute("SELECT i.* FROM interests i JOIN documents d USING (doc_id) "
                                "WHERE d.status = 'ok' ORDER BY d.seq, i.start").df()

    def documents(self, status: str | None = None) -> pd.DataFrame:
        where = "WHERE status = ?" if status else ""
        return self.con.execute(f"SELECT * EXCLUDE (minhash, seq) FROM documents {where} ORDER BY seq",
                                [status] if status else []).df().pipe(plain)

    def table(self, name: str) -> pd.DataFrame:
        if name == "documents":
            return self.documents()
        return self.con.execute(f"SELECT * FROM {name}").df().pipe(plain) if self.table_exists(name) else pd.DataFrame()


def table_rows(docs: list[Document]) -> dict[str, tuple[list[str], list[list]]]:
    """What a batch of documents adds to each table: (columns, rows), documents first."""
    return {
        "documents": (DOC_COLUMNS, [[getattr(d, c) for c in DOC_COLUMNS] for d in docs]),
        "mentions": (MENTION_COLUMNS, [mention_row(m) for d in docs for m in d.mentions]),
        "events": (EVENT_COLUMNS, [event_row(e) for d in docs for e in d.events]),
        "claims": (CLAIM_COLUMNS, [[getattr(c, column) for column in CLAIM_COLUMNS] for d in docs for c in d.claims]),
        "interests": (INTEREST_COLUMNS, [[getattr(i, column) for column in INTEREST_COLUMNS]
                                         for d in docs for i in d.interests]),
    }


def arrow_table(columns: list[str], rows: list[list], types: dict[str, str]) -> pa.Table:
    """`rows` as an Arrow table typed from DuckDB column types (`types`: column -> DuckDB type)."""
    arrays = [pa.array([row[i] for row in rows], type=ARROW_TYPES[types[column]]) for i, column in enumerate(columns)]
    return pa.Table.from_arrays(arrays, names=columns)


@functools.cache
def schema_types() -> dict[str, dict[str, str]]:
    """Every table's column types as the schema creates them, without a database file (for a worker that
    writes shards and never opens the store)."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(SCHEMA)
        types: dict[str, dict[str, str]] = {}
        for table, column, dtype in con.execute("SELECT table_name, column_name, data_type "
                                                "FROM information_schema.columns").fetchall():
            types.setdefault(table, {})[column] = dtype
        return types
    finally:
        con.close()


ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int64(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
               "BOOLEAN": pa.bool_(), "BLOB": pa.binary(), "TIMESTAMP": pa.timestamp("us"),
               "VARCHAR[]": pa.list_(pa.string())}
MENTION_COLUMNS = ["doc_id", "start_char", "end_char", "surface", "actor_id", "name", "kind", "country", "sector",
                   "group", "code", "role_date", "confidence", "layer"]


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as Python strings: pandas' Arrow-backed strings cost a conversion per value on every
    row-by-row read, which the analysis steps do over every event and claim."""
    text = [c for c, dtype in frame.dtypes.items() if dtype == "str" or str(dtype).startswith("string")]
    return frame.astype({c: object for c in text}) if text else frame


# Where events and claims name actors: every id found there must have a row in the actors table.
ACTOR_REFERENCES = [("events", "source"), ("events", "target"), ("claims", "speaker_actor"), ("claims", "about"),
                    ("interests", "actor"), ("interests", "object")]  # interests: when the table exists
LIST_COLUMNS = {"about"}


def referenced_actor_rows(actor_ids: set[str]) -> list[list]:
    """Actors rows, in the actors table's columns, for ids no mention resolved to: named and coded from the
    id itself (a curated actor, a state, a state's sector, or a bare sector), with no mentions."""
    from newsgraph.actors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    rows = []
    for actor_id in sorted(actor_ids):
        entry = gaz.actor(actor_id)
        role = entry.role_at(None)
        rows.append([actor_id, entry.name, entry.kind, role.country if role else None, role.sector if role else None,
                     role.group if role else None, role.code if role else "", [], 0,
                     json.dumps([r.__dict__ for r in entry.roles])])
    return rows


def mention_row(m) -> list:
    return [m.doc_id, m.start, m.end, m.surface, m.actor_id, m.name, m.kind, m.country, m.sector, m.group,
            m.code, m.date, m.confidence, m.layer]


EVENT_COLUMNS = ["event_id", "doc_id", "evidence", "start", "end", "source", "target", "type", "mode", "context",
                 "quad", "intensity", "status", "date", "location", "confidence", "source_code", "target_code",
                 "trigger", "trigger_start", "trigger_end", "date_precision", "repeat_of", "claim_id", "notes"]


CLAIM_COLUMNS = ["claim_id", "doc_id", "speaker", "speaker_actor", "cue", "content", "start", "end", "direct", "about",
                 "cue_start", "cue_end", "speaker_start", "speaker_end", "confidence", "notes"]


INTEREST_COLUMNS = ["interest_id", "doc_id", "actor", "wants", "object", "stance", "evidence", "start", "end",
                    "attributed_to", "status", "date", "sources", "actor_country", "object_country", "cue", "cue_start",
                    "cue_end", "claim_id", "confidence", "notes"]


def event_row(e) -> list:
    row = []
    for column in EVENT_COLUMNS:
        value = getattr(e, column)
        if column == "location":
            value = json.dumps(dataclasses.asdict(value), ensure_ascii=False) if value else None
        row.append(value)
    return row


def now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
