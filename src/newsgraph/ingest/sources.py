"""Where documents come from.

A `Source` yields `RawItem`s; everything downstream only sees those. Files are the one kind of source
today; an RSS feed or a URL list would be another class with the same `items()` method.
"""
from __future__ import annotations

import glob
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from newsgraph.ingest.sniff import binary_kind, looks_like_html
from newsgraph.records import GivenMeta, RawItem

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}


class Source(Protocol):
    """Anything that can produce raw documents."""

    name: str

    def items(self) -> Iterator[RawItem]: ...


class ReadError(Exception):
    """Reading an input failed in a way the user should be told about; the message is the reason."""


def human_size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


def split_suffixes(path: Path) -> tuple[str, bool]:
    """The format suffix of a path and whether it is gzipped: 'a.html.gz' -> ('.html', True)."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (suffixes[-1] if suffixes else ""), gz


def gunzip(raw: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            data = stream.read(max_bytes + 1)
    except EOFError:
        raise ReadError("truncated gzip: the compressed stream ends before its end marker") from None
    except gzip.BadGzipFile:
        raise ReadError("not a gzip file although its name ends in .gz") from None
    except (zlib.error, OSError) as exc:
        raise ReadError(f"corrupt gzip data ({exc})") from None
    if len(data) > max_bytes:
        raise ReadError(f"too large: over the {human_size(max_bytes)} limit once decompressed")
    return data


class FileSource:
    """One file on disk: plain text, HTML, JSON Lines or WARC, optionally gzipped."""

    def __init__(self, path: Path, identity: str, max_bytes: int = DEFAULT_MAX_BYTES):
        self.path = path
        self.name = os.path.abspath(path)  # absolute, so a report can link the file whatever the cwd was
        self.identity = identity
        self.max_bytes = max_bytes

    def items(self) -> Iterator[RawItem]:
        suffix, gz = split_suffixes(self.path)
        if suffix in WARC_SUFFIXES:
            yield from self._warc_items()
            return
        try:
            data = self._read(gz)
        except ReadError as exc:
            yield self._error(str(exc))
            return
        if suffix in JSONL_SUFFIXES:
            yield from self._jsonl_items(data)
        else:
            yield self._single_item(suffix, data)

    def _error(self, reason: str, record_id: str | None = None) -> RawItem:
        return RawItem(source=self.name, identity=self.identity, kind="unknown",
                       record_id=record_id, error=reason)

    def _read(self, gz: bool) -> bytes:
        try:
            size = self.path.stat().st_size
            if size > self.max_bytes:
                raise ReadError(f"too large: {human_size(size)} is over the {human_size(self.max_bytes)} "
                                "limit (raise it with --max-size)")
            if size == 0:
                raise ReadError("empty file")
            raw = self.path.read_bytes()
        except OSError as exc:
            raise ReadError(f"cannot read file: {exc.strerror or exc}") from None
        return gunzip(raw, self.max_bytes) if gz else raw

    def _single_item(self, suffix: str, data: bytes) -> RawItem:
        binary = binary_kind(data)
        if binary:
            return RawItem(source=self.name, identity=self.identity, kind="unknown", data=data,
                           error=f"binary file ({binary}), not text")
        if suffix in HTML_SUFFIXES:
            kind = "html"
        elif suffix in TEXT_SUFFIXES:
            kind = "text"
        else:
            kind = "html" if looks_like_html(data) else "text"
        return RawItem(source=self.name, identity=self.identity, kind=kind, data=data)

    def _jsonl_items(self, data: bytes) -> Iterator[RawItem]:
        for number, line in enumerate(data.splitlines(), start=1):
            if line.strip():
                yield jsonl_record(self.name, self.identity, number, line)

    def _warc_items(self) -> Iterator[RawItem]:
        from newsgraph.ingest.warc import warc_items

        try:
            size = self.path.stat().st_size
        except OSError as exc:
            yield self._error(f"cannot read file: {exc.strerror or exc}")
            return
        if size > self.max_bytes:
            yield self._error(f"too large: {human_size(size)} is over the {human_size(self.max_bytes)} limit")
            return
        yield from warc_items(self.path, self.name, self.identity, self.max_bytes)


def jsonl_record(source: str, identity: str, number: int, line: bytes) -> RawItem:
    """One JSON Lines record; a broken line becomes a skipped item naming the line."""
    fallback_id = f"line-{number}"

    def error(reason: str) -> RawItem:
        return RawItem(source=source, identity=identity, kind="unknown", data=line,
                       record_id=fallback_id, error=f"line {number}: {reason}")

    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return error("not UTF-8 encoded")
    except json.JSONDecodeError as exc:
        return error(f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return error(f"a JSON {type(record).__name__}, not an object")
    text, html = record.get("text"), record.get("html")
    record_id = str(record["id"]) if record.get("id") not in (None, "") else fallback_id
    if isinstance(text, str) and text.strip():
        kind, body = "text", text
    elif isinstance(html, str) and html.strip():
        kind, body = "html", html
    else:
        return RawItem(source=source, identity=identity, kind="unknown", data=line, record_id=record_id,
                       error=f"line {number}: record has neither a 'text' nor an 'html' field")
    return RawItem(source=source, identity=identity, kind=kind, data=body.encode("utf-8"),
                   record_id=record_id, meta=given_meta(record))


def given_meta(record: dict) -> GivenMeta:
    def text(key: str) -> str | None:
        value = record.get(key)
        return str(value).strip() or None if value not in (None, "") else None

    authors = record.get("authors") or record.get("author") or ()
    if not isinstance(authors, list | tuple):  # a feed may give one name, or a number or flag by mistake
        authors = [authors] if isinstance(authors, str) else []
    return GivenMeta(title=text("title"), url=text("url"), published=text("published"),
                     publisher=text("source") or text("publisher"),
                     authors=tuple(str(a) for a in authors if a))


def is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def expand(arg: str) -> list[tuple[Path, str]]:
    """(path, identity) pairs for one command-line argument: a file, a folder (recursive) or a glob."""
    if any(ch in arg for ch in "*?["):
        return [(Path(p), Path(p).name) for p in sorted(glob.glob(arg, recursive=True)) if Path(p).is_file()]
    path = Path(arg)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not is_hidden(p, path))
        return [(p, p.relative_to(path).as_posix()) for p in files]
    return [(path, path.name)]


class MissingSource:
    """An argument that named nothing: recorded as skipped so the user sees it in the summary."""

    def __init__(self, arg: str, reason: str):
        self.name = arg
        self.reason = reason

    def items(self) -> Iterator[RawItem]:
        yield RawItem(source=self.name, identity=self.name, kind="unknown", error=self.reason)


def discover(args: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, exclude: Iterable[str | Path] = ()
             ) -> list[Source]:
    """Turn command-line arguments into sources, in a stable order. Files in `exclude` (the database being
    written and its write-ahead log, when the input folder holds them) are never read as input."""
    skip = {os.path.realpath(p) for p in exclude}
    sources: list[Source] = []
    for arg in args:
        pairs = [(p, i) for p, i in expand(str(arg)) if os.path.realpath(p) not in skip]
        if not pairs:
            sources.append(MissingSource(str(arg), "no file matches this pattern or folder is empty"))
        for path, identity in pairs:
            if path.exists():
                sources.append(FileSource(path, identity, max_bytes))
            else:
                sources.append(MissingSource(str(arg), "no such file or folder"))
    return sources
