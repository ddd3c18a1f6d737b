"""Score claims out of domain on a PolNeAR-style split: brat files of Source / Cue / Content spans linked by
Attribution events, one file per article and annotator.

The split measures; it never shapes shipped data. Articles are read from disk and run in memory through
the per-document stages (clean -> parse -> actors -> claims); nothing is stored or copied.

File names: `text/<article>.txt` and `attributions/<article>_<annotator>.ann` (the suffix after the last
underscore names the annotator). Each annotator is scored over the articles they annotated, and the
figures printed are the mean over annotators, so an annotator who drew many articles counts once.

Scores, per annotator:
- content overlap P/R/F1: the dev gold's definition (analysis.evaluate): claims are paired one to one per
  article by shared words, largest first; each pair earns its share of the found and of the gold words.
  A PolNeAR attribution is one cue with all the content it introduces, so found claims sharing a cue (the
  halves of a split quotation) are joined, in reading order, before pairing.
- exact span: the paired contents are equal once edge punctuation and quote marks are stripped.
- cue P/R/F1: a found cue is right when its characters overlap the cue of the attribution its claim is
  paired with.
- source agreement: of the pairs whose found claim covers at least half the gold content's words, the share
  whose speaker is the gold source: the found speaker's characters overlap the gold Source span, or the
  speaker resolved to the actor of a mention inside the Source span, or neither has a source.
"""
from __future__ import annotations

import difflib
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.analysis.evaluate import SPEAKER_MATCH, OverlapScore, Score, _plain_content, _words, pair_by_words

Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Attribution:
    content: Spans
    cue: Spans
    source: Spans
    text: str  # the content's fragments joined by a space


@dataclass
class Article:
    name: str
    text: str
    annotations: dict[str, list[Attribution]] = field(default_factory=dict)  # annotator -> attributions


@dataclass(frozen=True)
class Found:
    """A claim in the article's own offsets."""

    content: str
    cue: Spans
    speaker: Spans
    speaker_actor: str | None


def read_split(folder: str | Path) -> list[Article]:
    folder = Path(folder)
    articles = {p.stem: Article(p.stem, p.read_text(encoding="utf-8")) for p in sorted((folder / "text").glob("*.txt"))}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name, _, annotator = ann.stem.rpartition("_")
        if name in articles:
            articles[name].annotations[annotator] = read_ann(ann.read_text(encoding="utf-8"), articles[name].text)
    return [a for a in articles.values() if a.annotations]


def read_ann(ann: str, text: str) -> list[Attribution]:
    spans: dict[str, Spans] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = tuple(tuple(int(x) for x in piece.split()) for piece in offsets.split(";"))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()[1:] if ":" in arg))
    found = []
    for args in events:
        content = spans.get(args.get("Content", ""))
        if not content:
            continue
        found.append(Attribution(content, spans.get(args.get("Cue", ""), ()), spans.get(args.get("Source", ""), ()),
                                 " ".join(text[s:e] for s, e in content)))
    return found


# --- running the pipeline ------------------------------------------------------------------------------------

def run_article(article: Article) -> tuple[list[Found], list[tuple[int, int, str]]]:
    """The article through clean -> parse -> actors -> claims, in memory: its claims and its actor mentions
    (start, end, actor), in the article's own offsets."""
    from newsgraph.actors import find_mentions
    from newsgraph.claims import find_claims
    from newsgraph.clean import clean
    from newsgraph.nlp import load_model
    from newsgraph.records import RawItem

    doc = clean(RawItem(source=article.name + ".txt", identity=article.name, kind="text",
                        data=article.text.encode("utf-8")))
    if doc.status != "ok":
        return [], []
    sdoc = load_model()(doc.text)
    mentions = find_mentions(doc.doc_id, sdoc, doc.published)
    return mapped(article.text, doc.text, find_claims(doc.doc_id, sdoc, mentions), mentions)


def mapped(original: str, cleaned: str, claims, mentions) -> tuple[list[Found], list[tuple[int, int, str]]]:
    """Claims and mentions with their offsets moved from the cleaned text back to the original."""
    back = offset_map(cleaned, original)
    found = []
    for c in claims:
        speaker = ((back(c.speaker_start), back(c.speaker_end)),) if c.speaker_start is not None else ()
        found.append(Found(c.content, ((back(c.cue_start), back(c.cue_end)),), speaker, c.speaker_actor))
    return found, [(back(m.start), back(m.end), m.actor_id) for m in mentions]


def offset_map(cleaned: str, original: str):
    """cleaned offset -> original offset, through the blocks the two texts share."""
    if cleaned == original:
        return lambda i: i
    blocks = difflib.SequenceMatcher(None, cleaned, original, autojunk=False).get_matching_blocks()
    starts = [b.a for b in blocks]

    def back(i: int) -> int:
        k = max(0, bisect_right(starts, i) - 1)
        return blocks[k].b + min(i - blocks[k].a, blocks[k].size)
    return back


# --- scoring -------------------------------------------------------------------------------------------------

@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    precision_credit: float = 0.0
    recall_credit: float = 0.0
    exact: int = 0
    cues_right: int = 0
    gold_cues: int = 0
    found_cues: int = 0
    judged: int = 0
    sources_right: int = 0

    def scores(self) -> list[Score]:
        return [OverlapScore("content overlap", self.gold, self.found, self.precision_credit, self.recall_credit),
                Score("exact span", self.gold, self.found, self.exact),
                Score("cue", self.gold_cues, self.found_cues, self.cues_right)]

    @property
    def source_agreement(self) -> float:
        return self.sources_right / self.judged if self.judged else 0.0


def overlaps(a: Spans, b: Spans) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


def by_cue(found: list[Found]) -> list[Found]:
    """One attribution per cue: the halves of '"A," he said. "B."' and a quotation running on into the next
    paragraph are one attribution with one cue in PolNeAR, two claims in newsgraph."""
    groups: dict[Spans, list[Found]] = {}
    for f in found:
        groups.setdefault(f.cue, []).append(f)
    return [Found(" ".join(f.content for f in group), cue, group[0].speaker, group[0].speaker_actor)
            for cue, group in groups.items()]


def tally(article: Article, gold: list[Attribution], found: list[Found], into: Tally, mentions=()) -> None:
    """Add one article's pairs to `into`; `mentions` are (start, end, actor) in the article's offsets."""
    found = [f for f in by_cue(found) if sum(_words(f.content).values())]
    into.gold += len(gold)
    into.found += len(found)
    into.gold_cues += sum(bool(g.cue) for g in gold)
    into.found_cues += len(found)
    for gi, fi, shared in pair_by_words([g.text for g in gold], [f.content for f in found]):
        g, f = gold[gi], found[fi]
        g_words = sum(_words(g.text).values())
        into.precision_credit += shared / sum(_words(f.content).values())
        into.recall_credit += shared / max(1, g_words)
        into.exact += _plain_content(g.text) == _plain_content(f.content)
        into.cues_right += overlaps(g.cue, f.cue)
        if shared / max(1, g_words) >= SPEAKER_MATCH:
            into.judged += 1
            into.sources_right += same_source(g, f, mentions)


def same_source(gold: Attribution, found: Found, mentions) -> bool:
    if not gold.source or not found.speaker:
        return not gold.source and not found.speaker
    if overlaps(gold.source, found.speaker):
        return True
    actors = {a for s, e, a in mentions if overlaps(gold.source, ((s, e),))}
    return found.speaker_actor is not None and found.speaker_actor in actors


def evaluate(articles: list[Article], found: dict[str, list[Found]],
             mentions: dict[str, list] | None = None) -> dict[str, Tally]:
    """One Tally per annotator over the articles they annotated."""
    tallies: dict[str, Tally] = {}
    for article in articles:
        for annotator, gold in article.annotations.items():
            tally(article, gold, found.get(article.name, []), tallies.setdefault(annotator, Tally()),
                  (mentions or {}).get(article.name, ()))
    return tallies


def mean_scores(tallies: dict[str, Tally]) -> dict[str, float]:
    """The mean over annotators of each figure."""
    rows = [{**{f"{s.name} {k}": getattr(s, k) for s in t.scores() for k in ("precision", "recall", "f1")},
             "source agreement": t.source_agreement} for t in tallies.values()]
    return {k: sum(r[k] for r in rows) / len(rows) for k in rows[0]} if rows else {}

