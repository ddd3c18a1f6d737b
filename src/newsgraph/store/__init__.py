"""Store: the DuckDB database, deduplication and the export-v1 schema."""
from newsgraph.store.db import SCHEMA_VERSION, Store, StoreError

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]
