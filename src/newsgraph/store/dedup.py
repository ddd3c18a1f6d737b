"""Exact and near-duplicate detection (MinHash over word shingles, datasketch LSH)."""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3
THRESHOLD = 0.7
SCHEME = "affine32"  # pinned: stored signatures must stay comparable across datasketch versions
TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations():
    """The seeded permutations are the same for every document: drawn once, not once per document."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def signature(text: str) -> bytes:
    """MinHash signature of the text's word 3-grams, as bytes for storage."""
    words = TOKEN.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, permutations=_permutations())
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m.hashvalues.astype(np.uint64).tobytes()


def _minhash(sig: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(sig, dtype=np.uint64))


class Deduplicator:
    """Remembers every stored document and says which earlier one a new document copies."""

    def __init__(self) -> None:
        self.by_hash: dict[str, str] = {}
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}

    def add(self, doc_id: str, content_hash: str, sig: bytes | None) -> None:
        self.by_hash.setdefault(content_hash, doc_id)
        if sig and doc_id not in self.signatures:
            m = _minhash(sig)
            self.signatures[doc_id] = m
            self.lsh.insert(doc_id, m)

    def original_of(self, content_hash: str, sig: bytes | None) -> str | None:
        if content_hash in self.by_hash:
            return self.by_hash[content_hash]
        if not sig:
            return None
        m = _minhash(sig)
        best = max(((self.signatures[c].jaccard(m), c) for c in self.lsh.query(m)), default=None)
        return best[1] if best and best[0] >= THRESHOLD else None
