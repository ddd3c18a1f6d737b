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
from newsgraph.store.dedup import Deduplicator, bands

# 5: mentions and actors record their layer (base, curated, text); 6: the interests table; 7: the
# near-duplicate index (dedup_bands), filled from the stored signatures when a version 6 file is opened
SCHEMA_VERSION = 7
MIGRATIONS = {6: "fill_dedup_bands"}  # from version: the Store method that brings a file to the next one
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
CREATE TABLE IF NOT EXISTS dedup_bands (
    band SMALLINT NOT NULL,  -- dedup.EXACT for the content hash, else a MinHash band number
    key BIGINT NOT NULL,
    doc_id VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS dedup_bands_key ON dedup_bands (key);
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
        self._types: dict[str, dict[str, str]] = {}
        self._dedup: Deduplicator | None = None
        if not read_only:
            self._create()
            self._migrate()
        self._check_version()

    def _create(self) -> None:
        self.con.execute(SCHEMA)
        self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    def _migrate(self) -> None:
        """Bring a file written by an earlier newsgraph to SCHEMA_VERSION, one version per transaction."""
        while (version := self.schema_version()) in MIGRATIONS:
            self.con.execute("BEGIN TRANSACTION")
            try:
                getattr(self, MIGRATIONS[version])()
                self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version + 1)])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise

    def schema_version(self) -> int | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else None

    def fill_dedup_bands(self, chunk: int = 2000) -> None:
        """Version 6 -> 7: index every stored original under its bands, a chunk of signatures at a time."""
        last = -1
        while rows := self.con.execute("SELECT doc_id, content_hash, minhash, seq FROM documents WHERE status = 'ok' "
                                       "AND seq > ? ORDER BY seq LIMIT ?", [last, chunk]).fetchall():
            self.insert("dedup_bands", BAND_COLUMNS, band_rows((doc_id, h, sig) for doc_id, h, sig, _ in rows))
            last = rows[-1][3]

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            raise StoreError(f"{self.path} is a DuckDB file but not a newsgraph database") from None
        if row is None or int(row[0]) != SCHEMA_VERSION:
            found = row[0] if row else "none"
            upgrade = ("open it once for writing ('newsgraph build' upgrades it)" if row and int(row[0]) in MIGRATIONS
                       else "rebuild it into a new file with 'newsgraph build'")
            raise StoreError(f"{self.path} has schema version {found}; this newsgraph reads version "
                             f"{SCHEMA_VERSION}: {upgrade}")

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
        """The near-duplicate check of a build: it looks stored originals up in the dedup_bands index, and
        this store tells it which of its documents each write commits."""
        self._dedup = Deduplicator(self.indexed_under, self.band_keys())
        return self._dedup

    def band_keys(self, chunk: int = 200_000):
        """Every key of the dedup index, as numpy arrays of at most `chunk` keys."""
        with self.con.cursor() as cursor:  # its own result stream, whatever this connection ran last
            for batch in cursor.sql("SELECT key FROM dedup_bands").to_arrow_reader(chunk):
                yield batch.column(0).to_numpy()

    def indexed_under(self, keys: list[tuple[int, int]]) -> list[tuple[str, str | None, bytes | None, int]]:
        """(doc_id, content_hash, signature, seq) of the stored originals indexed under any of the (band, key)
        pairs: two indexed lookups, whatever the size of the corpus."""
        wanted = set(keys)
        ids = {doc_id for band, key, doc_id in self.con.execute(
            "SELECT band, key, doc_id FROM dedup_bands WHERE key IN (SELECT unnest(?::BIGINT[]))",
            [[key for _, key in keys]]).fetchall() if (band, key) in wanted}
        if not ids:
            return []
        return self.con.execute("SELECT doc_id, content_hash, minhash, seq FROM documents "
                                "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) AND status = 'ok'",
                                [sorted(ids)]).fetchall()

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
        self.committed(d.doc_id for d in docs)

    def committed(self, doc_ids: Iterable[str]) -> None:
        """These documents are in the store now: the build's duplicate check finds them there, not in memory."""
        if self._dedup:
            self._dedup.stored(doc_ids)

    def insert(self, table: str, columns: list[str], rows: list[list]) -> None:
        """INSERT OR IGNORE `rows` (values in `columns` order) into `table` as one Arrow table, typed from
        the table's own schema so empty lists and all-null columns keep their types. (A table without a
        primary key, the dedup index, takes every row.)"""
        if not rows:
            return
        self.con.register("incoming", arrow_table(columns, rows, self.column_types(table)))
        try:
            names = ", ".join(f'"{c}"' for c in columns)
            verb = "INSERT" if table in KEYLESS else "INSERT OR IGNORE"
            self.con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM incoming")
        finally:
            self.con.unregister("incoming")

    def column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            rows = self.con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                    "WHERE table_name = ?", [table]).fetchall()
            self._types[table] = dict(rows)
        return self._types[table]

    def refresh_actors(self) -> None:
        """Rebuild the actors table from all stored mentions: one row per resolved actor. The mentions are
        added up in DuckDB (one row per actor comes back), so neither memory nor Python time grows with them."""
        from newsgraph.actors.merge import ActorMentions, actor_rows

        rows = actor_rows(ActorMentions(*row) for row in self.con.execute(ACTOR_MENTIONS).fetchall())
        rows += referenced_actor_rows(self.referenced_actor_ids() - {row[0] for row in rows})
        # columns after the eleven filled here (added by later schemas) stay empty
        columns = list(self.column_types("actors"))[:len(ACTOR_COLUMNS)]
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM actors")
            self.insert("actors", columns, [row + [None] * (len(columns) - len(row)) for row in rows])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

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
                                "WHERE d.status = 'ok' ORDER BY d.seq, m.start_char, m.end_char, m.actor_id").df().pipe(plain)

    def events(self) -> pd.DataFrame:
        return self.con.execute("SELECT e.* FROM events e JOIN documents d USING (doc_id) "
                                "WHERE d.status = 'ok' ORDER BY d.seq, e.start, e.trigger_start, e.event_id").df().pipe(plain)

    def claims(self) -> pd.DataFrame:
        return self.con.execute("SELECT c.* FROM claims c JOIN documents d USING (doc_id) "
                                "WHERE d.status = 'ok' ORDER BY d.seq, c.start, c.claim_id").df().pipe(plain)

    def interests(self) -> pd.DataFrame:
        """One row per aim per clause; newsgraph.interests.merge folds the same aim across documents."""
        return self.con.execute("SELECT i.* FROM interests i JOIN documents d USING (doc_id) "
                                "WHERE d.status = 'ok' ORDER BY d.seq, i.start, i.\"end\", i.actor").df()

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
        # the near-duplicate index, with its documents: a resumed run finds exactly what was committed
        "dedup_bands": (BAND_COLUMNS, band_rows((d.doc_id, d.content_hash, d.minhash)
                                                for d in docs if d.status == "ok")),
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


ARROW_TYPES = {"VARCHAR": pa.string(), "SMALLINT": pa.int16(), "INTEGER": pa.int64(), "BIGINT": pa.int64(),
               "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "BLOB": pa.binary(), "TIMESTAMP": pa.timestamp("us"),
               "VARCHAR[]": pa.list_(pa.string())}
BAND_COLUMNS = ["band", "key", "doc_id"]
KEYLESS = {"dedup_bands"}


def band_rows(docs: Iterable[tuple[str, str | None, bytes | None]]) -> list[list]:
    """dedup_bands rows of (doc_id, content_hash, signature) triples."""
    return [[band, key, doc_id] for doc_id, content_hash, sig in docs for band, key in bands(content_hash, sig)]


MENTION_COLUMNS = ["doc_id", "start_char", "end_char", "surface", "actor_id", "name", "kind", "country", "sector",
                   "group", "code", "role_date", "confidence", "layer"]


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as Python strings: pandas' Arrow-backed strings cost a conversion per value on every
    row-by-row read, which the analysis steps do over every event and claim."""
    text = [c for c, dtype in frame.dtypes.items() if dtype == "str" or str(dtype).startswith("string")]
    return frame.astype({c: object for c in text}) if text else frame


ACTOR_COLUMNS = ["actor_id", "name", "kind", "country", "sector", "group", "code", "aliases", "mentions", "roles",
                 "layer"]

# Per actor, what its mentions in documents analysed ok add up to (merge.ActorMentions); `pos` orders them
# as a build stored them (document, then position in the text). Aggregates only, no sort of all mentions.
ACTOR_MENTIONS = """
WITH m AS (
    SELECT m.actor_id, m.surface, m.name, m.kind, m.country, m.sector, [d.seq, m.start_char, m.end_char] AS pos
    FROM mentions m JOIN documents d USING (doc_id) WHERE d.status = 'ok'
), surfaces AS (
    SELECT actor_id, surface, count(*) AS n, min(pos) AS first FROM m GROUP BY actor_id, surface
), aliases AS (
    SELECT actor_id, list(surface ORDER BY n DESC, first) AS aliases, sum(n)::INTEGER AS mentions
    FROM surfaces GROUP BY actor_id
), countries AS (
    SELECT actor_id, first(country ORDER BY n DESC, country) AS country FROM (
        SELECT actor_id, country, count(*) AS n FROM m WHERE country IS NOT NULL GROUP BY actor_id, country
    ) GROUP BY actor_id
), sectors AS (
    SELECT actor_id, first(sector ORDER BY n DESC, sector) AS sector FROM (
        SELECT actor_id, sector, count(*) AS n FROM m WHERE sector IS NOT NULL GROUP BY actor_id, sector
    ) GROUP BY actor_id
), latest AS (
    SELECT actor_id, arg_max_null(kind, pos) AS kind,
           arg_max(name, [length(name), -pos[1], -pos[2], -pos[3]]) AS name
    FROM m GROUP BY actor_id
)
SELECT actor_id, aliases, mentions, kind, name, country, sector
FROM aliases JOIN latest USING (actor_id) LEFT JOIN countries USING (actor_id) LEFT JOIN sectors USING (actor_id)
"""

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
