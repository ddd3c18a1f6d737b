"""Bytes to text: detect the encoding, repair mojibake, normalise whitespace, keep the text's characters."""
from __future__ import annotations

import re

import ftfy

FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,          # curly quotes are the text's own characters
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)

# 'Province).The' or 'the group.īut': a sentence end glued to the next sentence, left by scrapers that
# drop paragraph breaks. A space is inserted; abbreviations ('U.S.') and domains ('x.com') do not match.
GLUED_SENTENCE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z\u00C0-\u024F][a-z])|(?<=[a-z]\)[.!?])(?=[A-Z][a-z])")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


SINGLE_BYTE_LATIN = {"cp1250", "cp1252", "latin1", "iso88591", "iso88592", "iso885915", "iso88599", "cp1254",
                     "cp1257", "iso885913", "maclatin2", "macroman"}


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can trust; the message says why."""


def decode(data: bytes) -> str:
    """Decode bytes: UTF-8 (with or without BOM) first, then the best charset-normalizer guess."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # A guess with much 'chaos' (unlikely character sequences) is noise, not text.
    if best is None or best.chaos > 0.3:
        raise DecodeError(f"undecodable bytes: not UTF-8 (bad byte at offset {first_bad}) "
                          "and no other encoding fits")
    if best.encoding.replace("_", "") in SINGLE_BYTE_LATIN:
        # Short Western texts fit several code pages equally well; Windows-1252 (a superset of
        # Latin-1) is by far the most common on English-language news sites.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def repair(text: str) -> str:
    """Fix mojibake and control characters, normalise spaces and line ends; keep quotes and dashes."""
    if not text.isascii():  # pure ASCII cannot hold mojibake
        text = ftfy.fix_text(text, config=FTFY_CONFIG)
        text = INVISIBLE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = CONTROL.sub("", text)
    text = GLUED_SENTENCE.sub(" ", text)
    # Leading space survives (as one space): indentation marks pull-quotes and list continuations.
    return "\n".join(SPACES.sub(" ", line).rstrip() for line in text.split("\n"))
