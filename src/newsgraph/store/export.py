"""Export the database as JSON Lines, CSV or Parquet files per the export-v1 contract."""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.store.db import Store
from newsgraph.store.schema import EXPORT_TABLES, JSON_FIELDS, LIST_FIELDS

FORMATS = ("jsonl", "csv", "parquet")


def plain(value):
    """A DataFrame cell as a JSON-ready Python value."""
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT or value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


def records(frame: pd.DataFrame, fields: list[str]) -> list[dict]:
    rows = []
    for row in frame.to_dict("records"):
        record = {f: plain(row.get(f)) if f in row else ([] if f in LIST_FIELDS else None) for f in fields}
        for name in JSON_FIELDS:
            if isinstance(record.get(name), str):
                record[name] = json.loads(record[name])
        rows.append(record)
    return rows


def export(db: str | Path, out: str | Path, fmt: str = "jsonl") -> dict[str, Path]:
    """Write one file per table into `out`; returns the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    with Store(db, read_only=True) as store:
        for table, fields in EXPORT_TABLES.items():
            rows = records(table_frame(store, table), fields)
            path = out / f"{table}.{fmt}"
            WRITERS[fmt](rows, fields, path)
            written[table] = path
    return written


def table_frame(store: Store, table: str) -> pd.DataFrame:
    """The rows of one export file; interests are one line per aim, merged across the documents stating it."""
    if table == "interests":
        from newsgraph.interests.merge import merged

        return merged(store.interests())
    return store.table(table)


def write_jsonl(rows: list[dict], fields: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def flat(value):
    """A CSV cell: a list of strings joined by '; ', structured values as JSON."""
    if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict) for v in value)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return value


def write_csv(rows: list[dict], fields: list[str], path: Path) -> None:
    frame = pd.DataFrame([{f: flat(r[f]) for f in fields} for r in rows], columns=fields)
    frame.to_csv(path, index=False)


def write_parquet(rows: list[dict], fields: list[str], path: Path) -> None:
    if rows:
        table = pa.Table.from_pylist([{f: (flat(r[f]) if f in JSON_FIELDS or isinstance(r[f], dict) else r[f])
                                       for f in fields} for r in rows])
    else:
        schema = pa.schema([(f, pa.list_(pa.string()) if f in LIST_FIELDS else pa.string()) for f in fields])
        table = schema.empty_table()
    pq.write_table(table, path)


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "parquet": write_parquet}
