"""Score the event coder out of domain: PETRARCH-2 validation, PETRARCH unit records, held-out synthetic stories.

Each bench text goes through the per-document pipeline in memory (clean -> parse -> actors -> events), as a
document of its own. A text that crashes a stage is counted as a failure and printed; it never stops the run.
Per set: type precision and recall (distinct PLOVER types per record), recall of type + source country (over
gold events whose source is a real country), and the share of event-bearing records where any event is found.
Negated events do not count as found: the bench codes only what happened or was said.

A second, separately named measure, "main-event P", keeps one type per record: that of the event told
highest in the parse of the first sentence that tells one (PETRARCH codes one event where a sentence nests
several: 'Kabul said Pakistani jets struck Khost' is its ACCUSE, not also the strike). It is reported beside
the acceptance figure (type P over all types found), never instead of it.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.analysis.benchsets import BenchRecord, bench_sets
from newsgraph.analysis.evaluate import Score
from newsgraph.records import GivenMeta, RawItem


@dataclass
class BenchScore:
    name: str
    records: int = 0
    event_records: int = 0
    any_found: int = 0
    gold_types: int = 0
    predicted_types: int = 0
    correct_types: int = 0
    gold_sources: int = 0
    correct_sources: int = 0
    main_found: int = 0  # records where an event is found: one main type each
    main_correct: int = 0  # ... and that type is one the record codes
    failures: list[tuple[str, str]] = field(default_factory=list)  # (record id, error)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (record id, gold, found)

    @property
    def types(self) -> Score:
        return Score(self.name, self.gold_types, self.predicted_types, self.correct_types)

    @property
    def precision(self) -> float:
        return self.types.precision

    @property
    def recall(self) -> float:
        return self.types.recall

    @property
    def main_precision(self) -> float:
        return Score(self.name, 0, self.main_found, self.main_correct).precision

    @property
    def source_recall(self) -> float | None:
        return Score(self.name, self.gold_sources, 0, self.correct_sources).recall if self.gold_sources else None

    @property
    def found_share(self) -> float:
        return Score(self.name, self.event_records, 0, self.any_found).recall


def as_item(record: BenchRecord) -> RawItem:
    return RawItem(source=record.set_name, identity=f"{record.set_name}/{record.record_id}", kind="text",
                   data=record.text.encode("utf-8"), record_id=record.record_id,
                   meta=GivenMeta(published=record.date))


def cleaned(record: BenchRecord):
    """The cleaned document. The bench texts are known English news sentences, so the language and length
    gates of `clean` (which reject a one-sentence record) are not applied; the text cleaning is."""
    from newsgraph.clean import extract

    doc = extract(as_item(record))
    doc.text = doc.text or record.text
    doc.published = doc.published or record.date
    return doc


def parsed(records: list[BenchRecord], cache: Path | None):
    """spaCy Docs of the records' cleaned texts, read from `cache` when it holds this exact set."""
    from spacy.tokens import DocBin

    from newsgraph.nlp import load_model, pipeline_id

    docs = [cleaned(r) for r in records]
    nlp = load_model()
    key = hashlib.sha256("\0".join([pipeline_id(), *(d.text for d in docs)]).encode("utf-8")).hexdigest()[:16]
    path = cache / f"{records[0].set_name}-{key}.spacy" if cache and records else None
    if path and path.exists():
        sdocs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        sdocs = list(nlp.pipe(d.text for d in docs))
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=sdocs).to_disk(path)
    return docs, sdocs


def code_document(doc, sdoc) -> list:
    """Actors then events of one parsed document (the stages of pipeline.analyse after the parse)."""
    from newsgraph.actors import find_mentions
    from newsgraph.events import find_events

    mentions = find_mentions(doc.doc_id, sdoc, doc.published)
    return find_events(doc.doc_id, sdoc, mentions, doc.published)


def found_types(events: list) -> tuple[set[str], set[tuple[str, str]]]:
    kept = [e for e in events if e.status != "negated"]
    return {e.type for e in kept}, {(e.type, (e.source_code or "")[:3]) for e in kept if e.source_code}


def score_set(name: str, records: list[BenchRecord], cache: Path | None = None,
              countries: set[str] | None = None) -> BenchScore:
    result = BenchScore(name, records=len(records))
    if not records:
        return result
    docs, sdocs = parsed(records, cache)
    for record, doc, sdoc in zip(records, docs, sdocs):
        try:
            events = code_document(doc, sdoc)
        except Exception as exc:  # a crash is a failure of this record, counted and printed, never fatal
            result.failures.append((record.record_id, f"{type(exc).__name__}: {exc}"))
            events = []
        add_record(result, record, events, countries)
        add_main(result, record, main_type(events, sdoc))
    return result


def main_type(events: list, sdoc) -> str | None:
    """The type of the event told highest in the parse of the first sentence that tells one."""
    kept = [e for e in events if e.status != "negated"]

    def rank(e):
        span = sdoc.char_span(e.trigger_start, e.trigger_end, alignment_mode="expand")
        return e.start, len(list(span.root.ancestors)) if span is not None else len(sdoc), e.trigger_start

    return min(kept, key=rank).type if kept else None


def add_main(result: BenchScore, record: BenchRecord, found: str | None) -> None:
    if found is not None:
        result.main_found += 1
        result.main_correct += found in record.types


def add_record(result: BenchScore, record: BenchRecord, events: list, countries: set[str] | None) -> None:
    types, sources = found_types(events)
    result.gold_types += len(record.types)
    result.predicted_types += len(types)
    result.correct_types += len(record.types & types)
    if record.types:
        result.event_records += 1
        result.any_found += bool(types)
    gold_sources = {s for s in record.sources if countries is None or s[1] in countries}
    result.gold_sources += len(gold_sources)
    result.correct_sources += len(gold_sources & sources)
    if record.types != types:
        result.misses.append((record.record_id, ",".join(sorted(record.types)) or "-",
                              ",".join(sorted(types)) or "-"))


def real_countries() -> set[str]:
    from newsgraph.actors.gazetteer import load_gazetteer

    return set(load_gazetteer().countries)


def evaluate_bench(shared: str | Path | None = None, cache: str | Path | None = None,
                   only: list[str] | None = None) -> list[BenchScore]:
    countries = real_countries()
    cache_dir = Path(cache) if cache else None
    return [score_set(name, records, cache_dir, countries)
            for name, records in bench_sets(shared).items() if not only or name in only]
