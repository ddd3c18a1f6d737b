"""newsgraph: rebuild the actors, events and claims of a geopolitical situation from news, with evidence.

    import newsgraph
    summary = newsgraph.build(["articles/"], db="my.duckdb")
    corpus = newsgraph.open("my.duckdb")
    corpus.documents          # a pandas DataFrame
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from newsgraph.pipeline import BuildSummary, build

__version__ = "0.1.0"
__all__ = ["BuildSummary", "Corpus", "build", "open"]


@dataclass
class Corpus:
    """The tables of a newsgraph database, read once into DataFrames."""

    db: Path
    documents: pd.DataFrame
    actors: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame


def open(db: str | Path = "newsgraph.duckdb") -> Corpus:  # noqa: A001 - the API reads as newsgraph.open
    from newsgraph.store import Store

    with Store(db, read_only=True) as store:
        return Corpus(Path(db), *(store.table(t) for t in ("documents", "actors", "events", "claims")))
