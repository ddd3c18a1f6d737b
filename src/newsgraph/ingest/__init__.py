"""Ingest: find inputs and read them into RawItems. See `sources.Source` for adding new kinds of input."""
from newsgraph.ingest.sources import DEFAULT_MAX_BYTES, FileSource, Source, discover

__all__ = ["DEFAULT_MAX_BYTES", "FileSource", "Source", "discover"]
