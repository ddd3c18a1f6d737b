"""The event coder's English word classes, read once per process from data/event_words.toml.

Each class there has a one-line 'why', its words and the entry of event_examples.tsv whose sentences show it
at work; the modules keep their constant names (OBJECT_CONTROL = word_class("object_control"))."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def word_classes() -> dict[str, dict]:
    """class name -> its table in event_words.toml."""
    text = (resources.files("newsgraph") / "data" / "event_words.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def word_class(name: str) -> frozenset[str]:
    return frozenset(word_classes()[name]["words"])


def word_pairs(name: str) -> dict[str, str]:
    """A class that maps a written form to the word it is read as ('its' -> 'it', 'closed' -> 'close')."""
    return dict(word_classes()[name]["pairs"])
