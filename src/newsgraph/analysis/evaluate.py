"""Evaluate extraction against a hand-written gold file: precision, recall and F1.

Actor gold (TSV): `document<TAB>actor_id<TAB>code`, one line per actor a careful reader finds in the
document; `document` is the file name, or `file.jsonl#record_id` for a record. Comment lines start with #.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd


@dataclass
class Score:
    name: str
    gold: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def document_key(source: str, record_id) -> str:
    name = Path(str(source)).name
    return f"{name}#{record_id}" if record_id is not None and record_id == record_id else name


def read_actor_gold(path: str | Path) -> pd.DataFrame:
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            rows.append({"document": parts[0].strip(), "actor_id": parts[1].strip(),
                         "code": parts[2].strip() if len(parts) > 2 else ""})
    return pd.DataFrame(rows, columns=["document", "actor_id", "code"])


def score(name: str, gold: set, predicted: set) -> Score:
    return Score(name, len(gold), len(predicted), len(gold & predicted))


def evaluate_actors(documents: pd.DataFrame, mentions: pd.DataFrame, gold: pd.DataFrame) -> list[Score]:
    """Scores over (document, actor) pairs and (document, CAMEO code) pairs, for the gold's documents only."""
    keys = {row.doc_id: document_key(row.source, row.record_id) for row in documents.itertuples()}
    covered = set(gold.document)
    predicted = mentions.assign(document=mentions.doc_id.map(keys))
    predicted = predicted[predicted.document.isin(covered)]
    actor_pairs = set(zip(predicted.document, predicted.actor_id))
    code_pairs = set(zip(predicted.document, predicted.code))
    return [
        score("actor", set(zip(gold.document, gold.actor_id)), actor_pairs),
        score("actor+code", set(zip(gold.document, gold.actor_id, gold.code)),
              set(zip(predicted.document, predicted.actor_id, predicted.code))),
        score("code", set(zip(gold.document, gold.code)), code_pairs),
    ]


def missing_and_extra(documents, mentions, gold) -> tuple[list, list]:
    keys = {row.doc_id: document_key(row.source, row.record_id) for row in documents.itertuples()}
    predicted = mentions.assign(document=mentions.doc_id.map(keys))
    predicted = predicted[predicted.document.isin(set(gold.document))]
    have = set(zip(predicted.document, predicted.actor_id))
    want = set(zip(gold.document, gold.actor_id))
    return sorted(want - have), sorted(have - want)
