"""Out-of-domain bench sets for the event coder, read in memory from ../shared (never copied into the project).

Three sets, all coded by others:
- PETRARCH-2 validation records (bench/petr2-validation/PETR2_GSR_validation.xml): wire sentences with their
  CAMEO codings, or `noevents`.
- PETRARCH unit-test records (bench/petrarch-unit/PETR.UnitTest.records.xml): stylised sentences with CAMEO
  codings; their actors are mostly fictional states (Arnor, Gondor), so source countries rarely score.
- Synthetic PLOVER stories (data/ngec-synthetic/*.zip): whole stories, each labelled with one PLOVER type.

The synthetic stories are split once and for all, 80 % train / 20 % held out, by `synthetic_split`: the
SHA-256 of the story's id (or, with no id, of its text) read as a number, held out when it is 0 mod 5. The
event model may train on "train"; every figure newsgraph reports uses "heldout" only. The PETRARCH records
are never trained on: they only measure.
"""
from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

HELDOUT_EVERY = 5  # one story in five is held out: 20 %


def split_key(row: Mapping) -> str:
    """What the split hashes: the story's id when it has one, else its text."""
    story_id = row.get("id") if hasattr(row, "get") else None
    if story_id is not None and str(story_id).strip() and str(story_id) != "nan":
        return str(story_id)
    return str(row["text"])


def synthetic_split(row: Mapping) -> str:
    """'train' or 'heldout' for one synthetic story (a dict or pandas row with 'text' and maybe 'id')."""
    digest = hashlib.sha256(split_key(row).encode("utf-8")).hexdigest()
    return "heldout" if int(digest, 16) % HELDOUT_EVERY == 0 else "train"


@dataclass
class BenchRecord:
    """One unit to code: a sentence (PETRARCH) or a story (synthetic), with the PLOVER events it states."""

    set_name: str
    record_id: str
    text: str
    date: str | None  # ISO date, the record's publication date when known
    types: set[str] = field(default_factory=set)  # PLOVER types stated; empty: no event
    sources: set[tuple[str, str]] = field(default_factory=set)  # (type, source's 3-letter country code)
    mode: str | None = None


def shared_dir(shared: str | Path | None = None) -> Path:
    return Path(shared or "../shared")


# --- CAMEO -> PLOVER ----------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def cameo_types() -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the package's plover_cameo.tsv (made from CAMEO2PLOVER-2021)."""
    table = {}
    text = (resources.files("newsgraph") / "data" / "plover_cameo.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, plover_type = line.split("\t")[:2]
            table[code] = plover_type
    return table


def cameo_to_plover(code: str) -> str | None:
    """The PLOVER type of a CAMEO event code; a code the table lacks takes its parent's ('0871' -> '087')."""
    table = cameo_types()
    code = code.strip()
    while code:
        if code in table:
            return table[code]
        if len(code) == 2 and code + "0" in table:  # a two-digit root reads as its '0' child
            return table[code + "0"]
        code = code[:-1]
    return None


# --- PETRARCH records ---------------------------------------------------------------------------------------

COMMENT = re.compile(r"<!--.*?-->", re.S)
SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
ATTRIBUTE = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
CODING = re.compile(r"<EventCoding\b([^>]*)>")
TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)


def petrarch_records(path: Path, set_name: str) -> list[BenchRecord]:
    """The records of a PETRARCH validation file. The files are not well-formed XML (a <Sentence/> may close
    itself and still own the lines after it), so each record runs from one <Sentence> tag to the next."""
    raw = COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))
    records = []
    for attrs, body in SENTENCE.findall(raw):
        meta = dict(ATTRIBUTE.findall(attrs))
        text = TEXT.search(body)
        if not text or meta.get("evaluate", "true").lower() == "false":
            continue
        record = BenchRecord(set_name, meta.get("id", ""), " ".join(text.group(1).split()),
                             iso_date(meta.get("date")))
        for coding in CODING.findall(body):
            code = dict(ATTRIBUTE.findall(coding))
            plover_type = cameo_to_plover(code.get("eventcode", ""))
            if plover_type:
                record.types.add(plover_type)
                record.sources.add((plover_type, code.get("sourcecode", "")[:3].upper()))
        records.append(record)
    return records


def iso_date(yyyymmdd: str | None) -> str | None:
    if yyyymmdd and re.fullmatch(r"\d{8}", yyyymmdd):
        return f"{yyyymmdd[:4]}-{yyyymmdd[4:6]}-{yyyymmdd[6:]}"
    return None


# --- synthetic stories --------------------------------------------------------------------------------------

def synthetic_rows(shared: str | Path | None = None) -> Iterator[dict]:
    """Every synthetic story as a dict (text, title, label, mode, source, ...), with its `split`."""
    import pandas as pd

    for archive in sorted((shared_dir(shared) / "data" / "ngec-synthetic").glob("*.zip")):
        with zipfile.ZipFile(archive) as z:
            for name in z.namelist():
                if name.endswith(".csv"):
                    frame = pd.read_csv(z.open(name))
                    for row in frame.to_dict("records"):
                        row["split"] = synthetic_split(row)
                        yield row


def synthetic_records(shared: str | Path | None = None, split: str = "heldout") -> list[BenchRecord]:
    records = []
    for i, row in enumerate(synthetic_rows(shared)):
        if row["split"] != split or not isinstance(row.get("text"), str):
            continue
        key = hashlib.sha256(split_key(row).encode("utf-8")).hexdigest()[:12]
        mode = row.get("mode") if isinstance(row.get("mode"), str) else None
        records.append(BenchRecord("synthetic", f"story-{key}", row["text"], None, {row["label"]}, set(), mode))
    return records


def bench_sets(shared: str | Path | None = None) -> dict[str, list[BenchRecord]]:
    """Every out-of-domain set that is present under `shared`, by name."""
    root = shared_dir(shared)
    sets = {}
    petr2 = root / "bench" / "petr2-validation" / "PETR2_GSR_validation.xml"
    unit = root / "bench" / "petrarch-unit" / "PETR.UnitTest.records.xml"
    if petr2.exists():
        sets["petr2-validation"] = petrarch_records(petr2, "petr2-validation")
    if unit.exists():
        sets["petrarch-unit"] = petrarch_records(unit, "petrarch-unit")
    synthetic = synthetic_records(root)
    if synthetic:
        sets["synthetic-heldout"] = synthetic
    return sets
