"""The claim cue lexicon (data/claim_cues.jsonl): which words report speech, thought or stance, and in which
frames they carry content. Loaded once per process."""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

PREPOSITION_FRAMES = ("of", "about", "for", "on", "against", "over", "with", "to X")  # 'to X': 'responded to the report'


@dataclass(frozen=True)
class CueClass:
    name: str
    pos: str
    lemmas: tuple[str, ...]
    frames: tuple[str, ...]
    subject: str  # 'any' or 'speaker'
    quotes: bool
    examples: tuple[dict, ...] = ()
    negatives: tuple[str, ...] = ()


@dataclass
class Cues:
    classes: list[CueClass]
    verbs: dict[str, dict[str, str]] = field(default_factory=dict)  # lemma -> frame -> subject requirement
    quote_verbs: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)  # 'his claim that ...'
    view_nouns: set[str] = field(default_factory=set)  # 'in the governor's view, ...'
    phrases: list[tuple[str, ...]] = field(default_factory=list)  # 'according to', 'in the words of'
    marks: set[str] = field(default_factory=set)  # ':' and the dashes that close a quotation's attribution
    speaker_nouns: set[str] = field(default_factory=set)  # 'a spokesman', 'polls', 'documents'
    adjectives: set[str] = field(default_factory=set)  # 'were frustrated that ...'
    topic_nouns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # 'her criticism of the plan'

    def frames(self, lemma: str) -> dict[str, str]:
        return self.verbs.get(lemma, {})

    def verb(self, token) -> str:
        """The cue lemma of a verb token, repairing the small model's lemmas that drop a final 'e'
        ('hoped' -> 'hop', 'rated' -> 'rat')."""
        lemma = token.lemma_.lower()
        if lemma not in self.verbs and lemma + "e" in self.verbs and token.lower_.startswith(lemma):
            return lemma + "e"
        return lemma


@cache
def load_cues() -> Cues:
    path = resources.files("newsgraph") / "data" / "claim_cues.jsonl"
    classes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line) if line.strip() else {}
        if "class" in record:
            classes.append(CueClass(record["class"], record["pos"], tuple(record["lemmas"]),
                                    tuple(record["frames"]), record.get("subject", "any"),
                                    bool(record.get("quotes")), tuple(record.get("examples", ())),
                                    tuple(record.get("not", ()))))
    return index(classes)


def index(classes: list[CueClass]) -> Cues:
    cues = Cues(classes)
    for c in classes:
        for lemma in c.lemmas:
            if c.pos == "VERB":
                frames = cues.verbs.setdefault(lemma, {})
                for frame in c.frames:
                    # a lemma in two classes keeps the looser requirement for a frame both give
                    frames[frame] = "any" if frames.get(frame) == "any" else c.subject
                if c.quotes:
                    cues.quote_verbs.add(lemma)
            elif c.name == "topic noun":
                cues.topic_nouns[lemma] = cues.topic_nouns.get(lemma, ()) + c.frames
            elif c.name == "statement noun":
                cues.nouns.add(lemma)
            elif c.name == "view noun":
                cues.view_nouns.add(lemma)
            elif c.name == "source phrase":
                cues.phrases.append(tuple(lemma.split()))
            elif c.pos == "PUNCT":
                cues.marks.add(lemma)
            elif c.name == "speaker noun":
                cues.speaker_nouns.add(lemma)
            elif c.pos == "ADJ":
                cues.adjectives.add(lemma)
    return cues


@dataclass(frozen=True)
class SpeakerWords:
    descriptions: list[frozenset[str]]  # 'the retired colonel' -> the latest person introduced as a colonel
    works: frozenset[str]  # 'the paper concludes': its author speaks
    same_source: frozenset[str]  # 'the same source'
    personal: frozenset[str]  # 'he', 'she'
    labels: frozenset[str] = frozenset()  # 'Analysis:' heads a headline, it does not speak
    bodies: dict[str, frozenset[str]] = field(default_factory=dict)  # 'the ministry' -> sectors it fits


@cache
def load_speaker_words() -> SpeakerWords:
    path = resources.files("newsgraph") / "data" / "claim_speakers.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return SpeakerWords([frozenset(g) for g in data["descriptions"].values()], frozenset(data["works"]),
                        frozenset(data["same_source"]), frozenset(data["personal"]), frozenset(data.get("labels", ())),
                        {word: frozenset(sectors) for word, sectors in data.get("bodies", {}).items()})
