"""The persisted near-duplicate index finds what an in-memory datasketch MinHashLSH over every stored signature
found, whether the original is stored (an earlier run or batch) or still in flight in this build; a file of
the previous schema gets its index from the stored signatures."""
import re

import duckdb
import numpy as np
from datasketch import MinHash, MinHashLSH

from newsgraph.clean import clean, content_hash
from newsgraph.ingest import discover
from newsgraph.records import Document
from newsgraph.store import Store
from newsgraph.store.dedup import NUM_PERM, SCHEME, THRESHOLD, signature
from tests.conftest import DEMO
from tests.helpers import long_prose


def document(doc_id, text):
    return Document(doc_id=doc_id, source=f"{doc_id}.txt", text=text, content_hash=content_hash(text),
                    minhash=signature(text))


def originals():
    """The demo corpus (one region) cleaned, and everyday local news (another register), all distinct."""
    demo = [d for d in (clean(i) for s in discover([str(DEMO)]) for i in s.items()) if d.status == "ok"]
    local = [document(f"local{n}", long_prose(2500, seed=n)) for n in range(3)]
    return [d for d in demo if "syndicated" not in d.source] + local


def variants(doc):
    """Copies near (one word changed, the first sentence dropped) and far (the first half only; every fourth
    word dropped): some above the threshold, some below."""
    words, sentences = doc.text.split(), re.split(r"(?<=[.!?])\s+", doc.text)
    texts = [doc.text.replace(" the ", " a ", 1), " ".join(sentences[1:]), " ".join(words[:len(words) // 2]),
             " ".join(w for i, w in enumerate(words) if i % 4 != 3), doc.text.upper()]
    return [document(f"{doc.doc_id}-v{n}", text) for n, text in enumerate(texts)]


def minhash(sig):
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME, hashvalues=np.frombuffer(sig, dtype=np.uint64))


def datasketch_original(stored, doc):
    """The rule before the index was persisted: the first exact copy, else LSH candidates and the best
    Jaccard at or above the threshold."""
    exact = [d.doc_id for d in stored if d.content_hash == doc.content_hash]
    if exact:
        return exact[0]
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    for d in stored:
        lsh.insert(d.doc_id, minhash(d.minhash))
    m = minhash(doc.minhash)
    best = max(((minhash(next(d.minhash for d in stored if d.doc_id == c)).jaccard(m), c) for c in lsh.query(m)),
               default=None)
    return best[1] if best and best[0] >= THRESHOLD else None


def test_stored_and_in_flight_originals_are_found_as_datasketch_found_them(tmp_path):
    docs = originals()
    copies = [v for d in docs for v in variants(d)]
    expected = {c.doc_id: datasketch_original(docs, c) for c in copies}
    assert sum(e is not None for e in expected.values()) >= len(docs) * 2  # the near ones
    assert sum(e is None for e in expected.values()) >= len(docs)  # the far ones
    with Store(tmp_path / "t.duckdb") as store:
        dedup = store.deduplicator()
        half = len(docs) // 2
        for d in docs:
            dedup.add(d.doc_id, d.content_hash, d.minhash)
        store.write_documents(docs[:half], run_id=1)  # stored; the rest stay in flight
        assert set(dedup.pending) == {d.doc_id for d in docs[half:]}
        found = {c.doc_id: dedup.original_of(c.content_hash, c.minhash) for c in copies}
    assert found == expected


def test_a_near_copy_in_a_later_build_is_a_duplicate_of_the_stored_original(tmp_path):
    docs = originals()
    db = tmp_path / "t.duckdb"
    with Store(db) as store:
        store.write_documents(docs, run_id=1)
    copy = variants(docs[1])[0]
    with Store(db) as store:
        assert store.deduplicator().original_of(copy.content_hash, copy.minhash) == docs[1].doc_id


def test_a_version_6_file_gets_its_index_from_the_stored_signatures(tmp_path):
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        store.write_documents(originals(), run_id=1)
        written = sorted(store.con.execute("SELECT * FROM dedup_bands").fetchall())
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE dedup_bands")  # as version 6 wrote it: no index table
    con.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
    con.close()
    with Store(db) as store:
        assert store.schema_version() == 7
        assert sorted(store.con.execute("SELECT * FROM dedup_bands").fetchall()) == written


def test_after_kill_9_the_index_holds_exactly_the_committed_originals(tmp_path):
    import subprocess
    import sys

    import newsgraph
    from newsgraph.store.dedup import BANDS
    from tests.store.test_resume import KILLER, make_corpus

    corpus = tmp_path / "c"
    make_corpus(corpus, 30)
    original = (corpus / "doc004.txt").read_text()
    (corpus / "doc030.txt").write_text(original.replace("discuss", "talk about", 1))  # read after the kill
    db = tmp_path / "t.duckdb"
    killed = subprocess.run([sys.executable, "-c", KILLER, str(corpus), str(db), "25"])
    assert killed.returncode == -9
    resumed = newsgraph.build([corpus], db=db)
    assert resumed.counts["ok"] == 10 and resumed.counts["duplicate"] == 1  # 20 committed before the kill
    with Store(db, read_only=True) as store:
        ok = store.con.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
        indexed = store.con.execute("SELECT count(*), count(DISTINCT doc_id) FROM dedup_bands").fetchone()
        copy = store.con.execute("SELECT duplicate_of FROM documents WHERE source LIKE '%doc030.txt'").fetchone()[0]
        first = store.con.execute("SELECT doc_id FROM documents WHERE source LIKE '%doc004.txt'").fetchone()[0]
    assert indexed == (ok * (BANDS + 1), ok) and copy == first
