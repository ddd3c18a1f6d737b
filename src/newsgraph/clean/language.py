"""Language identification with py3langid (its model ships inside the package)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability, judged on the first 1,000 characters (ample for a verdict)."""
    lang, prob = _identifier().classify(text[:1000])
    return lang, float(prob)
