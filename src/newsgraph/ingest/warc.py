"""WARC archives: each HTML or text response record is one document."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.ingest.sniff import binary_kind
from newsgraph.records import GivenMeta, RawItem

DOCUMENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def warc_items(path: Path, source: str, identity: str, max_bytes: int) -> Iterator[RawItem]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                item = response_item(record, source, identity, max_bytes)
                if item is not None:
                    yield item
    except ArchiveLoadFailed as exc:
        yield RawItem(source=source, identity=identity, kind="unknown",
                      error=f"corrupt WARC archive: {str(exc).splitlines()[0]}")
    except (EOFError, OSError, ValueError) as exc:
        yield RawItem(source=source, identity=identity, kind="unknown",
                      error=f"corrupt or truncated WARC archive ({type(exc).__name__}: {exc})")


def response_item(record, source: str, identity: str, max_bytes: int) -> RawItem | None:
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers
    content_type = (headers.get_header("Content-Type") if headers else None) or \
        record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(DOCUMENT_TYPES):
        return None
    record_id = record.rec_headers.get_header("WARC-Record-ID")
    url = record.rec_headers.get_header("WARC-Target-URI")
    data = record.content_stream().read(max_bytes + 1)
    meta = GivenMeta(url=url)
    error = None
    if headers and headers.get_statuscode() and not headers.get_statuscode().startswith("2"):
        error = f"HTTP status {headers.get_statuscode()} for {url}"
    elif len(data) > max_bytes:
        error = "too large: WARC record over the size limit"
    elif not data.strip():
        error = "empty WARC record"
    elif binary_kind(data):
        error = f"binary WARC record ({binary_kind(data)})"
    kind = "text" if content_type.lower().startswith("text/plain") else "html"
    return RawItem(source=source, identity=identity, kind="unknown" if error else kind, data=data,
                   record_id=record_id, meta=meta, error=error)
