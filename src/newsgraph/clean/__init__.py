"""Clean: one RawItem in, one Document out (cleaned text and metadata, or the reason it was skipped).

A pure function of its input, so it runs unchanged in a process pool or mapped over a Dask cluster.
"""
from __future__ import annotations

import re

from newsgraph.clean.encoding import DecodeError, decode, repair
from newsgraph.clean.html import HtmlError, extract_html
from newsgraph.clean.language import detect_language
from newsgraph.clean.metadata import page_metadata
from newsgraph.clean.text import classify
from newsgraph.records import Document, RawItem, short_hash
from newsgraph.store.dedup import signature

MIN_WORDS = 20


def clean(item: RawItem) -> Document:
    if item.error:
        return Document.skipped(item, item.error)
    try:
        doc = extract(item)
    except (DecodeError, HtmlError) as exc:
        return Document.skipped(item, str(exc))
    words = len(doc.text.split())
    if words < MIN_WORDS:
        return Document.skipped(item, too_short(item, words))
    lang, prob = detect_language(doc.text)
    doc.language = lang
    if lang != "en":
        return Document.skipped(item, f"not English: detected language '{lang}' (p={prob:.2f})")
    doc.content_hash = content_hash(doc.text)
    doc.minhash = signature(doc.text)
    return doc


def too_short(item: RawItem, words: int) -> str:
    found = f"{words} word{'s' if words != 1 else ''} of text"
    if item.kind == "html":
        return f"malformed HTML or no article in the page: only {found} extracted"
    if words == 0:
        return "empty after cleaning: no article text found"
    return f"too short after cleaning: only {found} left (minimum {MIN_WORDS})"


def extract(item: RawItem) -> Document:
    text = repair(decode(item.data))
    doc = Document(doc_id=item.doc_id, source=item.source, record_id=item.record_id,
                   format=item.kind, url=item.meta.url)
    if item.kind == "html":
        result = extract_html(text)
        doc.text, doc.title, doc.publisher = result.text, result.title, result.publisher
        doc.authors, doc.published = result.authors, result.published
    else:
        page = classify(text)
        meta = page_metadata(page)
        doc.text, doc.title, doc.publisher = page.text(), meta.title, meta.publisher
        doc.authors, doc.published = meta.authors, meta.published
    apply_given(doc, item)
    return doc


def apply_given(doc: Document, item: RawItem) -> None:
    """What the container states (a feed record's title and date) wins over what we inferred."""
    given = item.meta
    doc.title = given.title or doc.title
    doc.publisher = given.publisher or doc.publisher
    doc.authors = list(given.authors) or doc.authors
    doc.published = iso_date(given.published) or doc.published


def iso_date(value: str | None) -> str | None:
    """'2024-03-19T10:00:00Z' -> '2024-03-19'; keeps '2024-03' and '2024' as they are."""
    if not value:
        return None
    m = re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", value.strip())
    if m:
        return m.group(0)
    from newsgraph.time.dates import find_dates

    dates = [d for d in find_dates(value) if d.year]
    return dates[0].iso if dates else None


def content_hash(text: str) -> str:
    """Hash of the words only, so whitespace and case differences still count as the same text."""
    return short_hash(" ".join(text.lower().split()))
