"""The interest cues (data/interests.toml), loaded once per process."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources


@dataclass(frozen=True)
class Cue:
    name: str
    kind: str  # verb | negated | request | noun | adjective | verdict | modal
    stance: str  # seeks | opposes
    words: frozenset[str]
    need_preposition: dict[str, str] = field(default_factory=dict)
    clause_needs_modal: frozenset[str] = frozenset()
    not_for_commentators: frozenset[str] = frozenset()
    needs_aux: dict[str, frozenset[str]] = field(default_factory=dict)
    frames: frozenset[str] = frozenset()  # verdicts: the verbs that pass them
    examples: tuple[dict, ...] = ()
    not_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Anaphor:
    words: frozenset[str]
    kinds: frozenset[str]
    sectors: frozenset[str]


@dataclass(frozen=True)
class Cues:
    cues: tuple[Cue, ...]
    hedge_modals: frozenset[str]
    hedge_frames: frozenset[str]
    hedge_adverbs: frozenset[str]
    tentative: frozenset[str]
    anaphors: tuple[Anaphor, ...]
    statements: frozenset[str]
    merge_overlap: float = 0.5
    function_words: frozenset[str] = frozenset()
    state_sectors: frozenset[str] = frozenset()
    shared: float = 0.5

    @cached_property
    def all_words(self) -> frozenset[str]:
        return frozenset().union(*(c.words for c in self.cues), self.tentative)

    def of_kind(self, kind: str) -> list[Cue]:
        return [c for c in self.cues if c.kind == kind]

    def find_any(self, word: str) -> Cue | None:
        return next((c for c in self.cues if c.kind in ("verb", "negated", "request") and word in c.words), None)

    def find(self, kind: str, word: str) -> Cue | None:
        return next((c for c in self.cues if c.kind == kind and word in c.words), None)


@cache
def load_cues() -> Cues:
    raw = tomllib.loads((resources.files("newsgraph") / "data" / "interests.toml").read_text(encoding="utf-8"))
    cues = tuple(Cue(c["name"], c["kind"], c["stance"], frozenset(c["words"]), dict(c.get("need_preposition", {})),
                     frozenset(c.get("clause_needs_modal", [])), frozenset(c.get("not_for_commentators", [])),
                     {w: frozenset(a) for w, a in c.get("needs_aux", {}).items()}, frozenset(c.get("frames", [])),
                     tuple(c.get("examples", [])), tuple(c.get("not", [])))
                 for c in raw["cue"])
    hedges = raw["hedges"]
    anaphors = tuple(Anaphor(frozenset(a["words"]), frozenset(a["kinds"]), frozenset(a["sectors"]))
                     for a in raw.get("anaphor", []))
    merge = raw["merge"]
    return Cues(cues, frozenset(hedges["modals"]), frozenset(hedges["frames"]), frozenset(hedges["adverbs"]),
                frozenset(hedges["tentative"]), anaphors, frozenset(raw["statements"]["words"]),
                float(merge["overlap"]), frozenset(merge["function_words"]),
                frozenset(raw["sides"]["state_sectors"]), float(raw["sides"]["shared"]))
