"""Score actor coding on single sentences: for each labelled mention (surface, date, expected country and
sector), is an actor found on it, and does it get the right country and sector at that date?

Used for gold/actors_world.tsv, the out-of-domain set of mentions from conflicts across the world."""
from __future__ import annotations

import csv
from dataclasses import dataclass

from newsgraph.actors.resolve import Mention, find_mentions, load_resources

COLUMNS = ("id", "situation", "date", "surface", "country", "sector", "sentence")


@dataclass(frozen=True)
class MentionResult:
    row: dict
    found: Mention | None

    @property
    def country_ok(self) -> bool:
        return self.found is not None and (self.found.country or "") == self.row["country"]

    @property
    def sector_ok(self) -> bool:
        return self.found is not None and (self.found.sector or "") == self.row["sector"]


def read_rows(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def best_mention(mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The mention that overlaps the labelled surface most (ties: the shorter, more specific one)."""
    def overlap(m: Mention) -> int:
        return min(m.end, end) - max(m.start, start)

    touching = [m for m in mentions if overlap(m) > 0]
    return max(touching, key=lambda m: (overlap(m), -(m.end - m.start)), default=None)


def score_rows(rows: list[dict]) -> list[MentionResult]:
    from newsgraph.nlp import load_model

    nlp, res = load_model(), load_resources()
    results = []
    for row, sdoc in zip(rows, nlp.pipe(r["sentence"] for r in rows)):
        start = row["sentence"].find(row["surface"])
        mentions = find_mentions(f"world-{row['id']}", sdoc, row["date"] or None, res)
        results.append(MentionResult(row, best_mention(mentions, start, start + len(row["surface"]))))
    return results


def summary(results: list[MentionResult]) -> dict[str, float]:
    n = len(results) or 1
    return {"mentions": len(results),
            "entity found": sum(r.found is not None for r in results) / n,
            "country accuracy": sum(r.country_ok for r in results) / n,
            "sector accuracy": sum(r.sector_ok for r in results) / n}
