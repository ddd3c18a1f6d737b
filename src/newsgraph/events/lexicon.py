"""The trigger lexicon: hand-curated triggers.tsv first, then verbs derived from the CAMEO dictionary."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.events.plover import OLD_NAMES, TYPES


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # verb | noun
    type: str
    mode: str | None
    context: tuple[str, ...]
    objects: frozenset[str]  # lemmas the object must have; empty = any
    curated: bool

    def fits(self, object_lemmas: set[str]) -> bool:
        return not self.objects or bool(self.objects & object_lemmas)


@dataclass
class Lexicon:
    entries: dict[tuple[str, str], list[Trigger]]  # (lemma, pos) -> candidates, constrained ones first

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        return self.entries.get((lemma, pos), [])

    def longest_lemma_words(self) -> int:
        return max(len(lemma.split()) for lemma, _ in self.entries)


def _lines(name: str):
    text = (resources.files("newsgraph") / "data" / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    entries: dict[tuple[str, str], list[Trigger]] = {}
    blocked = set()
    for cells in _lines("triggers.tsv"):
        lemma, pos, kind, mode, context, objects = (cells + [""] * 6)[:6]
        if kind == "-":
            blocked.add((lemma, pos))
            continue
        kind = OLD_NAMES.get(kind, kind)
        if kind not in TYPES:
            raise ValueError(f"triggers.tsv: unknown PLOVER type {kind!r} for {lemma!r}")
        entries.setdefault((lemma, pos), []).append(
            Trigger(lemma, pos, kind, mode or None, tuple(filter(None, context.split(","))),
                    frozenset(filter(None, objects.split("|"))), True))
    for cells in _lines("triggers_cameo.tsv"):
        lemma, _code, kind, mode, context = (cells + [""] * 5)[:5]
        if (lemma, "verb") in entries or (lemma, "verb") in blocked or kind not in TYPES:
            continue
        entries[(lemma, "verb")] = [Trigger(lemma, "verb", kind, mode or None,
                                            tuple(filter(None, context.split(","))), frozenset(), False)]
    for candidates in entries.values():
        candidates.sort(key=lambda t: not t.objects)  # the more specific reading is tried first
    return Lexicon(entries)
