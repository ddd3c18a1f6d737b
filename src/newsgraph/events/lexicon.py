"""The trigger lexicon: hand-curated triggers.tsv first, then verbs derived from the CAMEO dictionary."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS

from newsgraph.events.plover import OLD_NAMES, TYPES


# The kinds of argument a trigger's object column may ask for besides words (events/triggers.py finds them).
GROUP = "@group"  # an armed group or named movement ('hosting the Taliban')
SEAT = "@seat"  # a state or its capital ('took Kabul')
HAS_OBJECT = "@object"  # any direct object or passive subject (a transitive sense: 'sheltered militants')
WITH = "@with"  # a 'with' partner ('engage with Kabul')
TO_ACTOR = "@to-actor"  # a journey to a state or its capital ('flew to Kabul')
CONTROL = "@control"  # someone asked to act ('expects Pakistan to act', 'wants the merger reversed')
LABOUR = "@labour"  # the doer is a body of working people ('teachers will strike': a walkout, not an attack)
INFINITIVE = "@infinitive"  # an act in a 'to' clause ('declined to sign'), not a bare verb ('exports declined')
ARGUMENT_KINDS = {GROUP, SEAT, HAS_OBJECT, WITH, TO_ACTOR, CONTROL, LABOUR, INFINITIVE}
NO_EVENT = "-"  # a curated reading that is no event: 'released a statement' is no release


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str  # verb | noun
    type: str
    mode: str | None
    context: tuple[str, ...]
    objects: frozenset[str]  # lemmas the object must have; empty = any
    curated: bool
    words: tuple[frozenset[str], ...] = ()  # a CAMEO pattern's slots: each needs one of its words in the clause
    before: tuple[bool, ...] = ()  # per slot: written before the verb in CAMEO, so the subject may hold it

    def fits(self, object_lemmas: set[str]) -> bool:
        return not self.objects or bool(self.objects & object_lemmas)


@dataclass
class Lexicon:
    entries: dict[tuple[str, str], list[Trigger]]  # (lemma, pos) -> candidates, constrained ones first
    patterns: dict[str, list[Trigger]] = field(default_factory=dict)  # verb -> CAMEO patterns, longest first
    _heads: set | None = None

    def candidates(self, lemma: str, pos: str) -> list[Trigger]:
        return self.entries.get((lemma, pos), [])

    def could_start(self, lemma: str, pos: str) -> bool:
        """Whether any entry is built on this word: a phrasal verb starts with it ('crack down'), a
        compound noun ends with it ('air strike'). Most words are neither, and need no closer look."""
        if self._heads is None:
            self._heads = {(lemma.split()[0] if p == "verb" else lemma.split()[-1], p) for lemma, p in self.entries}
            # a hyphenated noun the tokenizer splits ('sit-in') is also looked for at its last part ('in')
            self._heads |= {(lemma.split("-")[-1], "noun") for lemma, p in self.entries if p == "noun"}
            self._heads |= {(verb.split()[0], "verb") for verb in self.patterns}
        return (lemma, pos) in self._heads



def data_rows(name: str):
    text = (resources.files("newsgraph") / "data" / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    entries: dict[tuple[str, str], list[Trigger]] = {}
    blocked = set()
    for cells in data_rows("triggers.tsv"):
        lemma, pos, kind, mode, context, objects = (cells + [""] * 6)[:6]
        if kind == "-" and not objects:
            blocked.add((lemma, pos))
            continue
        if kind == "-":  # 'release' + statement: with this object the word tells no act (NO_EVENT below)
            entries.setdefault((lemma, pos), []).append(
                Trigger(lemma, pos, NO_EVENT, None, (), frozenset(objects.split("|")), True))
            continue
        kind = OLD_NAMES.get(kind, kind)
        if kind not in TYPES:
            raise ValueError(f"triggers.tsv: unknown PLOVER type {kind!r} for {lemma!r}")
        unknown = {o for o in objects.split("|") if o.startswith("@")} - ARGUMENT_KINDS
        if unknown:
            raise ValueError(f"triggers.tsv: unknown argument kind {sorted(unknown)} for {lemma!r}")
        entries.setdefault((lemma, pos), []).append(
            Trigger(lemma, pos, kind, mode or None, tuple(filter(None, context.split(","))),
                    frozenset(filter(None, objects.split("|"))), True))
    for cells in data_rows("triggers_cameo.tsv"):
        lemma, _code, kind, mode, context = (cells + [""] * 5)[:5]
        curated = entries.get((lemma, "verb"), [])
        if any(t.type != NO_EVENT for t in curated) or (lemma, "verb") in blocked or kind not in TYPES:
            continue  # a curated reading replaces CAMEO's; a row that only says where it is no event does not
        entries.setdefault((lemma, "verb"), []).append(Trigger(lemma, "verb", kind, mode or None,
                                                               tuple(filter(None, context.split(","))),
                                                               frozenset(), False))
    for candidates in entries.values():
        candidates.sort(key=lambda t: not t.objects)  # the more specific reading is tried first
    return Lexicon(entries, cameo_patterns(blocked))


def cameo_patterns(blocked: set) -> dict[str, list[Trigger]]:
    """CAMEO's object-conditioned verb patterns ('rush aid', 'fire at'), the most specific first."""
    patterns: dict[str, list[Trigger]] = {}
    for cells in data_rows("triggers_cameo_patterns.tsv"):
        verbs, words, _code, kind, mode, context = (cells + [""] * 6)[:6]
        if kind not in TYPES and kind != NO_EVENT:  # '-': a comment or appeal ('expressed sorrow'), no event
            continue
        slots = tuple(frozenset(slot.lstrip("<").split("|")) for slot in words.split())
        before = tuple(slot.startswith("<") for slot in words.split())
        for verb in verbs.split("|"):
            if (verb, "verb") not in blocked:
                patterns.setdefault(verb, []).append(Trigger(verb, "verb", kind, mode or None, tuple(
                    filter(None, context.split(","))), frozenset(), False, slots, before))
    for candidates in patterns.values():
        # more slots first; among as many, more slots with a content word first (a preposition matches
        # almost any clause)
        candidates.sort(key=lambda t: (-len(t.words), -sum(not slot <= STOP_WORDS for slot in t.words)))
    return patterns


@dataclass(frozen=True)
class CameoCode:
    code: str
    type: str
    mode: str
    context: frozenset[str]
    description: str


@lru_cache(maxsize=1)
def load_cameo_codes() -> tuple[CameoCode, ...]:
    return tuple(CameoCode(c[0], c[1], c[2], frozenset(filter(None, c[3].split(","))), c[4])
                 for c in data_rows("plover_cameo.tsv"))


def cameo_code(event_type: str, mode: str | None = None, context=()) -> str:
    """The CAMEO code closest to a PLOVER event, for GDELT-style exports: same type, then the same mode (or
    the mode named in the code's description, e.g. 'aerial'), then shared contexts, then the most general."""
    mode, context = mode or "", set(context or ())

    def fit(c: CameoCode):
        named = bool(mode) and mode.replace("-", " ") in c.description.lower()
        return (c.mode == mode) * 4 + named * 3 + len(c.context & context) * 2 - len(c.code), -int(c.code)

    candidates = [c for c in load_cameo_codes() if c.type == event_type]
    return max(candidates, key=fit).code if candidates else ""
