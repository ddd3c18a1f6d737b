"""Cheap content sniffing: is this binary, is this HTML."""
from __future__ import annotations

import re

MAGIC = [
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip data without a .gz name"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "old Office document"),
]

HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >]|<article)", re.I)
CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def binary_kind(data: bytes) -> str | None:
    """A short name for the kind of binary data, or None when it looks like text."""
    head = data[:8192]
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if head.startswith(UTF16_BOMS):
        return None  # UTF-16 text has NULs but is text
    if b"\0" in head:
        return "contains NUL bytes"
    controls = sum(1 for b in head if b in CONTROL)
    if head and controls / len(head) > 0.05:
        return "mostly control characters"
    return None


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(HTML_START.match(head))
