"""Parquet shards: what one partition of documents adds to each table, written by the worker that analysed
it into a folder every worker and the building process can reach, then loaded into DuckDB by the building
process.

Layout: `<folder>/<partition id>/<table>.parquet`, one file per table. Each file is written under a temporary
name and renamed when complete; the documents file is written last, so its presence means the whole
partition is there. A partition id is a hash of the code version and of the inputs it holds (ids and
duplicate status), so a resumed build that forms the same partition finds its shards instead of parsing it
again, and a partition of other inputs or of another version never reads them.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from pathlib import Path

import pyarrow.parquet as pq

from newsgraph.records import Document
from newsgraph.store.db import KEYLESS, Store, arrow_table, now, schema_types, table_rows

TABLES = ["mentions", "events", "claims", "interests", "dedup_bands", "documents"]  # documents last: it marks completion


def partition_id(docs: list[Document]) -> str:
    from newsgraph import __version__

    digest = hashlib.sha256(__version__.encode())
    for doc in docs:
        digest.update(f"\n{doc.doc_id}\t{doc.status}\t{doc.duplicate_of}".encode())
    return digest.hexdigest()[:20]


def write(folder: str | Path, pid: str, docs: list[Document]) -> None:
    """One Parquet file per table for `docs`, each renamed into place only once fully written."""
    target = Path(folder) / pid
    target.mkdir(parents=True, exist_ok=True)
    rows, types = table_rows(docs), schema_types()
    for table in TABLES:
        columns, values = rows[table]
        final = target / f"{table}.parquet"
        # unique per attempt: a worker killed mid-write and its retry elsewhere never share a file
        temporary = target / f".{table}.{uuid.uuid4().hex}.tmp"
        pq.write_table(arrow_table(columns, values, types[table]), temporary)
        os.replace(temporary, final)


def complete(folder: str | Path, pid: str) -> bool:
    return (Path(folder) / pid / "documents.parquet").exists()


def load(store: Store, folder: str | Path, pid: str, run_id: int) -> None:
    """Insert a complete partition's shards in one transaction: all of it or none of it is stored. Rows
    already stored are ignored, so loading twice adds nothing."""
    files = shard_files(folder, pid)
    columns = {table: columns for table, (columns, _) in table_rows([]).items()}
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        # a failed document is retried by the next build: its new record replaces the failure
        con.execute(f"DELETE FROM documents WHERE status = 'failed' AND doc_id IN "
                    f"(SELECT doc_id FROM read_parquet({files['documents']}))")
        names = quoted(columns["documents"])
        con.execute(f"INSERT OR IGNORE INTO documents ({names}, run_id, ingested_at) SELECT {names}, ?, ? "
                    f"FROM read_parquet({files['documents']}, file_row_number = true) ORDER BY file_row_number",
                    [run_id, now()])
        for table in TABLES[:-1]:
            names = quoted(columns[table])
            verb = "INSERT" if table in KEYLESS else "INSERT OR IGNORE"
            con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM read_parquet({files[table]})")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    store.committed(doc_id for (doc_id,) in con.execute(f"SELECT doc_id FROM read_parquet({files['documents']})")
                    .fetchall())


def outcomes(store: Store, folder: str | Path, pid: str, fields: list[str]) -> list[dict]:
    """The partition's documents in input order: `fields` of the documents table, `events` and `claims`
    counted from their shards."""
    files = shard_files(folder, pid)
    counts = {table: f"(SELECT count(*) FROM read_parquet({files[table]}) t WHERE t.doc_id = d.doc_id) AS {table}"
              for table in ("events", "claims")}
    shown = [f'd."{f}"' for f in fields if f not in counts] + list(counts.values())
    cursor = store.con.execute(f"SELECT {', '.join(shown)} FROM read_parquet({files['documents']}, "
                               f"file_row_number = true) d ORDER BY d.file_row_number")
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def remove(folder: str | Path, pid: str) -> None:
    """Delete a partition's shards once they are committed to the database (a kill between the commit and
    this leaves files no later build reads: their documents are known, so no partition holds them again)."""
    shutil.rmtree(Path(folder) / pid, ignore_errors=True)


def shard_files(folder: str | Path, pid: str) -> dict[str, str]:
    """Each table's shard as a quoted SQL string literal."""
    return {table: "'" + str(Path(folder) / pid / f"{table}.parquet").replace("'", "''") + "'" for table in TABLES}


def quoted(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)
