"""Long documents: parsed in paragraph-aligned pieces and joined into one Doc, so every offset the stages
take (mentions, events, claims) is into the whole cleaned text.

spaCy refuses texts over `nlp.max_length` (1,000,000 characters), and the tagger, parser and entity
recogniser together run at a few thousand words a second, so a multi-megabyte input would hold a worker
for many minutes. A document over the parser's limit is therefore read in two ways: a paragraph that names
someone (a gazetteer name, country or demonym, or a capitalised word inside a sentence, which is where
new people and organisations are found) goes through the whole pipeline; a paragraph that names no one
can yield no coded actor, hence no event or claim with a party, and is only split into tokens and
sentences. Shorter documents are parsed whole, exactly as before.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

CHUNK_CHARS = 100_000  # well under max_length, and small enough to keep a worker's memory flat
PARAGRAPH_END = re.compile(r"\n\s*\n\s*")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
# A capital after a lower-case word inside a line: 'met Jane Doe', 'told the Reuters news agency'; the
# names of days and months are capitalised too but name no one.
CALENDAR = ("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
            "July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
INNER_CAPITAL = re.compile(rf"[a-z,;:]\s+(?!(?:{CALENDAR})\b)[A-Z]")


def parse(text: str) -> Doc:
    """The document parsed by the newsgraph pipeline, whatever its length."""
    from newsgraph.nlp import load_model

    nlp = load_model()
    if len(text) < nlp.max_length:
        return nlp(text)
    docs = [nlp(piece) if full else skim(piece) for piece, full in pieces(text)]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])


def parse_many(texts: list[str]) -> list[Doc]:
    """Each text parsed as `parse` does; the texts under the parser's limit together (`nlp.pipe`, about 15%
    faster per document than one call each), the longer ones in pieces."""
    from newsgraph.nlp import load_model

    nlp = load_model()
    short = [t for t in texts if len(t) < nlp.max_length]
    parsed = iter(nlp.pipe(short, batch_size=max(1, len(short))))
    return [next(parsed) if len(t) < nlp.max_length else parse(t) for t in texts]


def pieces(text: str) -> Iterator[tuple[str, bool]]:
    """(piece, needs the full pipeline): consecutive paragraphs of one kind, each under CHUNK_CHARS,
    together exactly `text`."""
    group, size, kind = [], 0, None
    for paragraph in paragraphs(text):
        full = names_someone(paragraph)
        if group and (full != kind or size + len(paragraph) > CHUNK_CHARS):
            yield "".join(group), kind
            group, size = [], 0
        group.append(paragraph)
        size += len(paragraph)
        kind = full
    if group:
        yield "".join(group), kind


def paragraphs(text: str) -> Iterator[str]:
    """Paragraphs with the blank lines after them; one longer than a chunk is cut at sentence ends (or,
    failing those, at any space, or anywhere)."""
    start = 0
    for m in PARAGRAPH_END.finditer(text):
        yield from cut(text[start:m.end()])
        start = m.end()
    if start < len(text):
        yield from cut(text[start:])


def cut(paragraph: str) -> Iterator[str]:
    while len(paragraph) > CHUNK_CHARS:
        window = paragraph[:CHUNK_CHARS]
        ends = [m.end() for m in SENTENCE_END.finditer(window)] or [m.end() for m in re.finditer(r"\s+", window)]
        at = ends[-1] if ends and ends[-1] > CHUNK_CHARS // 2 else CHUNK_CHARS
        yield paragraph[:at]
        paragraph = paragraph[at:]
    if paragraph:
        yield paragraph


def names_someone(paragraph: str) -> bool:
    """A capital inside a sentence, or a word that begins a gazetteer name (a cheap superset of what the
    gazetteer matchers would find, without tokenising)."""
    if INNER_CAPITAL.search(paragraph):
        return True
    starts = name_starts()
    return any(word in starts for word in WORD.findall(paragraph))


WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@lru_cache(maxsize=1)
def name_starts() -> frozenset[str]:
    """One word every gazetteer name, country and demonym must contain (they are matched case-sensitively):
    its first capitalised word ('Taliban' in 'the Taliban'), else its first word."""
    from newsgraph.actors.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    keys = set()
    for name in [*gaz.aliases, *gaz.country_names, *gaz.demonyms]:
        words = WORD.findall(name) or [name]
        keys.add(next((w for w in words if not w.islower()), words[0]))
    return frozenset(keys)


def skim(text: str) -> Doc:
    """Tokens and sentences only. Each sentence gets a flat tree (every word attached to its first) so
    that, joined to fully parsed pieces, the sentence boundaries survive."""
    from newsgraph.nlp import load_model

    nlp = load_model()
    doc = Sentencizer()(nlp.make_doc(text))
    starts = [sent.start for sent in doc.sents]
    ends = starts[1:] + [len(doc)]
    arcs = numpy.zeros((len(doc), 2), dtype="uint64")
    root, dep = nlp.vocab.strings.add("ROOT"), nlp.vocab.strings.add("dep")
    for start, end in zip(starts, ends):
        arcs[start:end, 0] = (start - numpy.arange(start, end)).astype("int64").view("uint64")  # relative heads
        arcs[start:end, 1] = dep
        arcs[start, 1] = root
    return nlp.make_doc(text).from_array([HEAD, DEP], arcs)
