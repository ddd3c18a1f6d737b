"""Typed records that the pipeline stages pass to each other."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def short_hash(*parts: bytes | str) -> str:
    """First 16 hex digits of the SHA-256 of the parts, separated by NUL."""
    h = hashlib.sha256()
    for i, part in enumerate(parts):
        if i:
            h.update(b"\0")
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class GivenMeta:
    """Metadata a container already states (a JSON Lines record, a WARC header)."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class RawItem:
    """One document as read from its source, before any cleaning.

    `identity` names the item within the build (relative path, URL, plus record id) so that the
    same bytes under two names are two inputs, while re-reading the same input gives the same id.
    `error` is set when reading already failed; the item is then recorded as skipped.
    """

    source: str
    identity: str
    kind: str  # "text" | "html" | "unknown"
    data: bytes = b""
    record_id: str | None = None
    meta: GivenMeta = field(default_factory=GivenMeta)
    error: str | None = None

    @property
    def doc_id(self) -> str:
        return short_hash(self.identity, self.record_id or "", self.data)


@dataclass
class Document:
    """A cleaned document, or the record of why an input was skipped (export-v1 documents.jsonl)."""

    doc_id: str
    source: str
    record_id: str | None = None
    status: str = "ok"  # ok | skipped | duplicate | failed (a stage raised; reason names it)
    reason: str | None = None
    duplicate_of: str | None = None
    title: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    language: str | None = None
    text: str = ""
    url: str | None = None
    format: str | None = None
    content_hash: str | None = None
    minhash: bytes | None = None
    mentions: list = field(default_factory=list)  # actor mentions (newsgraph.actors.Mention), stored separately
    events: list = field(default_factory=list)  # newsgraph.events.Event, stored separately
    claims: list = field(default_factory=list)  # newsgraph.claims.Claim, stored separately
    interests: list = field(default_factory=list)  # newsgraph.interests.Interest, stored separately

    @classmethod
    def skipped(cls, item: RawItem, reason: str) -> "Document":
        return cls(doc_id=item.doc_id, source=item.source, record_id=item.record_id,
                   status="skipped", reason=reason, format=item.kind, url=item.meta.url)
